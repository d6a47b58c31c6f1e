//! The verdict on a message (SPEC.md section 2): one JSON object, and the
//! exit code derived from it.

use serde::{Deserialize, Serialize};

use crate::error::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Smime,
    Openpgp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrustLevel {
    Full,
    Marginal,
    None,
    Untrusted,
    Revoked,
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    CaChain,
    WebOfTrust,
    Pinned,
    OwnKey,
    None,
}

/// The validity of a signer's binding to an address.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trust {
    pub level: TrustLevel,
    pub basis: Basis,
    /// From the signer to the anchor: subject names or fingerprints.
    pub path: Vec<String>,
    /// 0–120; 120 is full trust.
    pub amount: u8,
    /// Why the level is not full, or what made it full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Trust {
    pub fn none(reason: impl Into<String>) -> Self {
        Trust {
            level: TrustLevel::None,
            basis: Basis::None,
            path: Vec::new(),
            amount: 0,
            reason: Some(reason.into()),
        }
    }

    pub fn is_full(&self) -> bool {
        self.level == TrustLevel::Full
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SigStatus {
    Good,
    Bad,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Covers {
    Whole,
    Part,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signer {
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub emails: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub status: SigStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
    pub sender_match: bool,
    pub trust: Trust,
    pub covers: Covers,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Why a good signature is or is not enough, in a sentence: the signer
/// (with these addresses) is not the sender, or the trust's own reason.
pub fn explain_good(
    trust: &Trust,
    sender_match: bool,
    signer_emails: &[String],
    from: Option<&str>,
) -> Option<String> {
    if !sender_match {
        let signer = signer_emails.join(", ");
        return Some(match from {
            Some(f) => format!("the signer ({signer}) is not the sender ({f})"),
            None => {
                format!("the message has no single From address to match the signer ({signer})")
            }
        });
    }
    trust.reason.clone()
}

impl Signature {
    /// The exit code this one signature alone would give.
    pub fn exit_code(&self) -> ExitCode {
        match (self.status, self.trust.level) {
            (SigStatus::Bad, _) | (_, TrustLevel::Revoked) => ExitCode::Failed,
            (SigStatus::Error, _) => ExitCode::Untrusted,
            (SigStatus::Good, TrustLevel::Full)
                if self.sender_match && self.covers == Covers::Whole =>
            {
                ExitCode::Ok
            }
            (SigStatus::Good, _) => ExitCode::Untrusted,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    Trusted,
    Untrusted,
    Bad,
    Unsigned,
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub message_id: Option<String>,
    pub from: Option<String>,
    pub protocol: Option<Protocol>,
    pub encrypted: bool,
    /// For decrypted messages: whether the ciphertext was authenticated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrity_protected: Option<bool>,
    pub signatures: Vec<Signature>,
    pub verdict: VerdictKind,
    pub exit: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Verdict {
    pub fn new(path: Option<String>) -> Self {
        Verdict {
            path,
            message_id: None,
            from: None,
            protocol: None,
            encrypted: false,
            integrity_protected: None,
            signatures: Vec::new(),
            verdict: VerdictKind::Unsigned,
            exit: ExitCode::Nothing.code(),
            error: None,
        }
    }

    /// Sets `verdict` and `exit` from the signatures: every signature must
    /// be good, trusted, from the sender and cover the whole message.
    pub fn conclude(&mut self) {
        let code = if self.error.is_some() {
            ExitCode::Usage
        } else if self.signatures.is_empty() {
            ExitCode::Nothing
        } else {
            self.signatures
                .iter()
                .map(Signature::exit_code)
                .fold(ExitCode::Ok, ExitCode::worst)
        };
        self.verdict = match code {
            ExitCode::Ok => VerdictKind::Trusted,
            ExitCode::Failed => VerdictKind::Bad,
            ExitCode::Untrusted => VerdictKind::Untrusted,
            ExitCode::Nothing => VerdictKind::Unsigned,
            ExitCode::Usage => VerdictKind::Error,
        };
        self.exit = code.code();
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.exit {
            0 => ExitCode::Ok,
            1 => ExitCode::Failed,
            3 => ExitCode::Untrusted,
            4 => ExitCode::Nothing,
            _ => ExitCode::Usage,
        }
    }
}
