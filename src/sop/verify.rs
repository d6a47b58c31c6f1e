//! Verification: the VERIFICATIONS lines, the helper that collects good
//! signatures for verify, inline-verify and decrypt, and detached verify.

use std::fmt;
use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

use sequoia_openpgp as openpgp;

use openpgp::parse::stream::{
    DetachedVerifierBuilder, GoodChecksum, MessageLayer, MessageStructure, VerificationHelper,
};
use openpgp::parse::Parse;
use openpgp::types::SignatureType;
use openpgp::{Cert, Fingerprint, KeyHandle};

use super::errors::{Result, SopError};
use super::keys::POLICY;
use super::values::{SignAs, Window};
use crate::time::Timestamp;

/// One good signature: a line of sop's VERIFICATIONS output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The signature's creation time.
    pub created: SystemTime,
    /// The (sub)key that made the signature.
    pub signing_key: Fingerprint,
    /// The primary key of its certificate.
    pub primary: Fingerprint,
    /// Whether it is a binary (0x00) or text (0x01) signature.
    pub mode: SignAs,
}

impl fmt::Display for Verification {
    /// `2019-10-29T18:36:45Z SIGNING-FPR PRIMARY-FPR mode:binary`: the
    /// draft's fields, then the signature mode as later drafts add it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self
            .created
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mode = match self.mode {
            SignAs::Binary => "binary",
            SignAs::Text => "text",
        };
        write!(
            f,
            "{} {} {} mode:{mode}",
            Timestamp(secs),
            self.signing_key.to_hex(),
            self.primary.to_hex()
        )
    }
}

/// VERIFICATIONS output: one line per good signature.
pub fn format_verifications(good: &[Verification]) -> Vec<u8> {
    good.iter()
        .map(|v| format!("{v}\n"))
        .collect::<String>()
        .into_bytes()
}

/// Collects the good signatures by the given certificates whose
/// creation time lies in the window. Bad or unknown signatures are
/// simply not counted: sop reports only what verified.
#[derive(Debug)]
pub struct Checker {
    certs: Vec<Cert>,
    window: Window,
    good: Vec<Verification>,
    encrypted: bool,
}

impl Checker {
    pub fn new(certs: Vec<Cert>, window: Window) -> Self {
        Checker {
            certs,
            window,
            good: Vec::new(),
            encrypted: false,
        }
    }

    /// The good signatures found.
    pub fn into_verifications(self) -> Vec<Verification> {
        self.good
    }

    /// Whether the message had an encryption layer.
    pub fn saw_encryption(&self) -> bool {
        self.encrypted
    }

    fn record(&mut self, good: &GoodChecksum<'_>) {
        let Some(created) = good.sig.signature_creation_time() else {
            return;
        };
        if !self.window.contains(created) {
            return;
        }
        let mode = match good.sig.typ() {
            SignatureType::Text => SignAs::Text,
            _ => SignAs::Binary,
        };
        self.good.push(Verification {
            created,
            signing_key: good.ka.key().fingerprint(),
            primary: good.ka.cert().fingerprint(),
            mode,
        });
    }
}

impl VerificationHelper for Checker {
    fn get_certs(&mut self, _ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        Ok(self.certs.clone())
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        for layer in structure {
            match layer {
                MessageLayer::Encryption { .. } => self.encrypted = true,
                MessageLayer::SignatureGroup { results } => {
                    for good in results.iter().flatten() {
                        self.record(good);
                    }
                }
                MessageLayer::Compression { .. } => {}
            }
        }
        Ok(())
    }
}

/// Verifies detached `signatures` over `data`. No good signature in the
/// window is NO_SIGNATURE.
pub fn verify_detached(
    signatures: &[u8],
    data: impl Read + Send + Sync,
    certs: Vec<Cert>,
    window: Window,
) -> Result<Vec<Verification>> {
    let bad = |e: anyhow::Error| SopError::from_openpgp(e, SopError::BadData);
    let mut verifier = DetachedVerifierBuilder::from_bytes(signatures)
        .map_err(bad)?
        .with_policy(&POLICY, None, Checker::new(certs, window))
        .map_err(bad)?;
    verifier
        .verify_reader(data)
        .map_err(|e| SopError::from_openpgp(e, SopError::Other))?;
    non_empty(verifier.into_helper().into_verifications())
}

/// NO_SIGNATURE unless at least one signature verified.
pub fn non_empty(good: Vec<Verification>) -> Result<Vec<Verification>> {
    if good.is_empty() {
        Err(SopError::NoSignature)
    } else {
        Ok(good)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn verification_line_format() {
        let fpr: Fingerprint = "EB85BB5FA33A75E15E944E63F231550C4F47E38E".parse().unwrap();
        let v = Verification {
            created: UNIX_EPOCH + Duration::from_secs(1_572_374_205),
            signing_key: fpr.clone(),
            primary: fpr,
            mode: SignAs::Text,
        };
        assert_eq!(
            v.to_string(),
            "2019-10-29T18:36:45Z EB85BB5FA33A75E15E944E63F231550C4F47E38E \
             EB85BB5FA33A75E15E944E63F231550C4F47E38E mode:text"
        );
    }

    #[test]
    fn fail_garbage_signatures_are_bad_data() {
        let w = Window::parse(None, None).unwrap();
        let e = verify_detached(b"garbage", &b"data"[..], Vec::new(), w).unwrap_err();
        assert_eq!(e.code(), 41);
    }
}
