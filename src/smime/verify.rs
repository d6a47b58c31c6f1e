//! Checking CMS SignedData signatures (cryptography only; trust is judged
//! in `trust`).

use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::time::Timestamp;

/// The cryptographic result for one SignerInfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// The signature and the message digest match the content.
    Good,
    /// The signature or the digest does not match: tampering or a wrong key.
    Bad(String),
    /// The signature cannot be checked (unknown algorithm, no certificate).
    Error(String),
}

#[derive(Debug, Clone)]
pub struct SignerResult {
    /// The signer's certificate, found in the SignedData (or given).
    pub cert: Option<Certificate>,
    pub status: SignatureStatus,
    /// From the signing-time signed attribute, when present.
    pub signing_time: Option<Timestamp>,
}

#[derive(Debug, Clone)]
pub struct SignedData {
    /// The signed content: the encapsulated content for opaque signatures,
    /// or the detached content that was passed in.
    pub content: Vec<u8>,
    /// Every certificate carried in the SignedData, for path building.
    pub certificates: Vec<Certificate>,
    /// One entry per SignerInfo; may be empty.
    pub signers: Vec<SignerResult>,
}

/// Parses a DER (or BER) ContentInfo holding SignedData and checks every
/// signer. `detached` is the content for multipart/signed; `None` means
/// the content must be encapsulated. Malformed input is an `Err`; a
/// signature that does not match is `Ok` with a `Bad` status.
pub fn verify(cms: &[u8], detached: Option<&[u8]>) -> Result<SignedData> {
    let _ = (cms, detached);
    Err(Error::unsupported(
        "operation",
        "S/MIME verification is not built yet",
    ))
}
