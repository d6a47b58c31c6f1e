//! Creating CMS SignedData (RFC 5652 section 5) for S/MIME.

use x509_cert::Certificate;

use super::key::PrivateKey;
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// Who signs: the private key, its certificate, and intermediate
/// certificates to include so verifiers can build a path.
pub struct Signer<'a> {
    pub key: &'a PrivateKey,
    pub cert: &'a Certificate,
    pub chain: &'a [Certificate],
}

/// Signs `content` (the canonical MIME entity) and returns a DER
/// `ContentInfo` holding SignedData. Detached leaves eContent out
/// (multipart/signed); otherwise the content is encapsulated (opaque).
/// Signed attributes: content-type, message-digest, signing-time,
/// smimeCapabilities. SHA-256; RSA PKCS#1 v1.5, ECDSA or Ed25519 by key type.
pub fn sign(
    content: &[u8],
    signer: &Signer<'_>,
    signing_time: Timestamp,
    detached: bool,
) -> Result<Vec<u8>> {
    let _ = (content, signer, signing_time, detached);
    Err(Error::unsupported(
        "operation",
        "S/MIME signing is not built yet",
    ))
}

/// The `micalg` parameter of multipart/signed for this signer (RFC 8551
/// section 3.5.3.2), e.g. `sha-256`.
pub fn micalg(signer: &Signer<'_>) -> &'static str {
    let _ = signer;
    "sha-256"
}
