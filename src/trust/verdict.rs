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

/// What a signature's signer is to the message (SPEC section 4,
/// "Layers"): the author signed the innermost layer that covers the
/// body, and must be the From address; a signer of an outer layer (a
/// gateway, a mailing list, encrypt-then-sign) is reported as "also
/// signed by" and judged for its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Author,
    AlsoSigned,
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
    /// The protection layer the signature belongs to, 0 the outermost.
    pub layer: u8,
    pub role: Role,
    /// The digest algorithm the signature was made with, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// The digest is one the policy never trusts ([`crate::trust::digest`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub weak_digest: bool,
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

/// For a signer of an outer layer, which is not matched against From:
/// the first of its addresses with a fully valid binding, else the
/// judgement of its first address. A certificate without an address
/// binds nothing.
pub fn best_binding(emails: &[String], judge: impl Fn(&str) -> Trust) -> Trust {
    let mut first = None;
    for e in emails {
        let t = judge(e);
        if t.is_full() {
            return t;
        }
        first.get_or_insert(t);
    }
    first.unwrap_or_else(|| Trust::none("the certificate carries no e-mail address"))
}

impl Signature {
    /// A signature by the author of layer 0, with nothing else known:
    /// the protocols fill in the rest.
    pub fn new(status: SigStatus, trust: Trust, covers: Covers) -> Self {
        Signature {
            status,
            signer: None,
            signed_at: None,
            sender_match: false,
            trust,
            covers,
            reason: None,
            layer: 0,
            role: Role::Author,
            digest: None,
            weak_digest: false,
        }
    }

    /// The exit code this one signature alone would give. The author
    /// must be the sender; a signer of an outer layer need only be
    /// trusted for its own address.
    pub fn exit_code(&self) -> ExitCode {
        let is_sender = self.sender_match || self.role == Role::AlsoSigned;
        match (self.status, self.trust.level) {
            (SigStatus::Bad, _) | (_, TrustLevel::Revoked) => ExitCode::Failed,
            (SigStatus::Error, _) => ExitCode::Untrusted,
            (SigStatus::Good, TrustLevel::Full)
                if is_sender && self.covers == Covers::Whole && !self.weak_digest =>
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
    /// Encrypted, and not looked into: `verify` does not decrypt.
    Encrypted,
    Error,
}

impl VerdictKind {
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Trusted => "trusted",
            VerdictKind::Untrusted => "untrusted",
            VerdictKind::Bad => "bad",
            VerdictKind::Unsigned => "unsigned",
            VerdictKind::Encrypted => "encrypted",
            VerdictKind::Error => "error",
        }
    }
}

/// What one protection layer of a message is, 0 the outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayerKind {
    Signed,
    Encrypted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Layer {
    pub layer: u8,
    pub kind: LayerKind,
    pub protocol: Protocol,
}

/// Something a person reads in the message that does not fit its
/// signature: a From display name naming another address, Sender or
/// Reply-To that are not the signer, a Date far from the signing time
/// ([`crate::trust::sender`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `display-name`, `known-name`, `sender`, `reply-to`, `date`.
    pub kind: &'static str,
    pub text: String,
    /// Whether it keeps the message from being trusted (exit 3 at best).
    pub lowers: bool,
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
    /// Every protection layer, outermost first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<Layer>,
    pub signatures: Vec<Signature>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    pub verdict: VerdictKind,
    pub exit: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What to do next, e.g. decrypt an encrypted message to check it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
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
            layers: Vec::new(),
            signatures: Vec::new(),
            warnings: Vec::new(),
            verdict: VerdictKind::Unsigned,
            exit: ExitCode::Nothing.code(),
            error: None,
            hint: None,
        }
    }

    /// Sets `verdict` and `exit` from the signatures: every signature must
    /// be good and trusted, the author's from the sender, and cover the
    /// whole message; a warning that lowers the verdict keeps it from
    /// being trusted. A message that is encrypted and has no signature
    /// that could be checked is `encrypted` (exit 4: nothing verified).
    /// Without signatures, a lowering warning (a broken policy rule,
    /// [`crate::policy`]: unsigned mail from a domain whose mail must be
    /// signed) makes the message `untrusted` (exit 3), not merely
    /// unsigned.
    pub fn conclude(&mut self) {
        let lowered = self.warnings.iter().any(|w| w.lowers);
        let code = if self.error.is_some() {
            ExitCode::Usage
        } else if self.signatures.is_empty() && lowered {
            ExitCode::Untrusted
        } else if self.signatures.is_empty() {
            ExitCode::Nothing
        } else {
            let floor = if lowered {
                ExitCode::Untrusted
            } else {
                ExitCode::Ok
            };
            self.signatures
                .iter()
                .map(Signature::exit_code)
                .fold(floor, ExitCode::worst)
        };
        self.verdict = match code {
            ExitCode::Ok => VerdictKind::Trusted,
            ExitCode::Failed => VerdictKind::Bad,
            ExitCode::Untrusted => VerdictKind::Untrusted,
            ExitCode::Nothing if self.encrypted && self.integrity_protected.is_none() => {
                VerdictKind::Encrypted
            }
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
