//! Encrypting for several recipients: AuthEnvelopedData (RFC 5083/5084,
//! AES-256-GCM) by default, EnvelopedData (AES-256-CBC) on request. One
//! content key, wrapped once per recipient.

use x509_cert::Certificate;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cipher {
    /// AuthEnvelopedData with AES-256-GCM: integrity-protected.
    #[default]
    Aes256Gcm,
    /// EnvelopedData with AES-256-CBC, for old clients: no integrity.
    Aes256Cbc,
}

/// How the content key is wrapped for RSA recipients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RsaPadding {
    /// RSAES-PKCS1-v1_5, what every client reads.
    #[default]
    Pkcs1v15,
    /// RSAES-OAEP with SHA-256.
    Oaep,
}

/// Encrypts `content` (a MIME entity) to every certificate and returns a
/// DER ContentInfo. RSA certificates get KeyTransRecipientInfo; P-256
/// certificates KeyAgreeRecipientInfo (ECDH).
pub fn encrypt(
    content: &[u8],
    recipients: &[Certificate],
    cipher: Cipher,
    padding: RsaPadding,
) -> Result<Vec<u8>> {
    let _ = (content, recipients, cipher, padding);
    Err(Error::unsupported(
        "operation",
        "S/MIME encryption is not built yet",
    ))
}
