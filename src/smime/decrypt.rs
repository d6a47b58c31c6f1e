//! Decrypting EnvelopedData and AuthEnvelopedData.

use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::key::PrivateKey;
use crate::error::{Error, Result};

/// Which certificate a RecipientInfo is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientId {
    IssuerSerial {
        issuer_der: Vec<u8>,
        serial: Vec<u8>,
    },
    SubjectKeyId(Vec<u8>),
}

impl RecipientId {
    pub fn matches(&self, cert: &Certificate) -> bool {
        let _ = cert;
        false
    }
}

pub struct Decrypted {
    pub content: Zeroizing<Vec<u8>>,
    /// True for AuthEnvelopedData (AEAD); false for EnvelopedData (CBC),
    /// whose output the report must mark as not integrity-protected.
    pub integrity_protected: bool,
    /// e.g. `AES-256-GCM`.
    pub cipher: String,
}

/// The recipients a message is encrypted to, so the caller can find and
/// unlock the right key.
pub fn recipients(cms: &[u8]) -> Result<Vec<RecipientId>> {
    let _ = cms;
    Err(Error::unsupported(
        "operation",
        "S/MIME decryption is not built yet",
    ))
}

/// Decrypts with `key` (whose certificate is `cert`). `NotForUs` if no
/// RecipientInfo matches `cert`; `DecryptionFailed` or `IntegrityFailure`
/// when the ciphertext or key is wrong.
pub fn decrypt(cms: &[u8], key: &PrivateKey, cert: &Certificate) -> Result<Decrypted> {
    let _ = (cms, key, cert);
    Err(Error::unsupported(
        "operation",
        "S/MIME decryption is not built yet",
    ))
}
