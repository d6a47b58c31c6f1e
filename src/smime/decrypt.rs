//! Decrypting EnvelopedData and AuthEnvelopedData.
//!
//! RSA key transport (PKCS#1 v1.5, OAEP with SHA-1 or SHA-2) and ECDH key
//! agreement on P-256/P-384 unwrap the content key; AES-GCM
//! (AuthEnvelopedData) and AES-CBC (EnvelopedData) decrypt the content.
//! RSA decryption is the crypto provider's (constant-time, blinded): see
//! [`super::rsa_key`].

use cms::cert::IssuerAndSerialNumber;
use cms::enveloped_data::{KeyAgreeRecipientIdentifier, RecipientIdentifier, RecipientInfo};
use der::Encode;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::ber;
use super::content_cipher::{self, ContentAlgorithm};
use super::envelope::{self, Envelope, Kind};
use super::key::PrivateKey;
use super::{kari, ktri};
use crate::error::{Error, Result};

/// Which certificate a RecipientInfo is for (RFC 5652 section 6.2.1 and
/// 6.2.2):
///
/// ```text
/// RecipientIdentifier ::= CHOICE {
///     issuerAndSerialNumber IssuerAndSerialNumber,
///     subjectKeyIdentifier [0] SubjectKeyIdentifier }
/// KeyAgreeRecipientIdentifier ::= CHOICE {
///     issuerAndSerialNumber IssuerAndSerialNumber,
///     rKeyId [0] IMPLICIT RecipientKeyIdentifier }
/// ```
///
/// `issuer_der` is the DER of the issuer Name; `serial` the serial number's
/// INTEGER content octets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientId {
    IssuerSerial {
        issuer_der: Vec<u8>,
        serial: Vec<u8>,
    },
    SubjectKeyId(Vec<u8>),
}

impl RecipientId {
    fn from_issuer_serial(ias: &IssuerAndSerialNumber) -> Result<Self> {
        Ok(RecipientId::IssuerSerial {
            issuer_der: ias.issuer.to_der()?,
            serial: ias.serial_number.as_bytes().to_vec(),
        })
    }

    fn from_ktri(rid: &RecipientIdentifier) -> Result<Self> {
        match rid {
            RecipientIdentifier::IssuerAndSerialNumber(ias) => Self::from_issuer_serial(ias),
            RecipientIdentifier::SubjectKeyIdentifier(ski) => {
                Ok(RecipientId::SubjectKeyId(ski.0.as_bytes().to_vec()))
            }
        }
    }

    fn from_kari(rid: &KeyAgreeRecipientIdentifier) -> Result<Self> {
        match rid {
            KeyAgreeRecipientIdentifier::IssuerAndSerialNumber(ias) => {
                Self::from_issuer_serial(ias)
            }
            KeyAgreeRecipientIdentifier::RKeyId(rkey) => Ok(RecipientId::SubjectKeyId(
                rkey.subject_key_identifier.0.as_bytes().to_vec(),
            )),
        }
    }

    /// True when `cert` is the certificate this identifier names: same
    /// issuer (DER) and serial number, or the same subjectKeyIdentifier
    /// extension.
    pub fn matches(&self, cert: &Certificate) -> bool {
        let tbs = cert.tbs_certificate();
        match self {
            RecipientId::IssuerSerial { issuer_der, serial } => {
                tbs.serial_number().as_bytes() == serial.as_slice()
                    && tbs.issuer().to_der().is_ok_and(|d| d == *issuer_der)
            }
            RecipientId::SubjectKeyId(id) => matches!(
                tbs.get_extension::<SubjectKeyIdentifier>(),
                Ok(Some((_, ski))) if ski.0.as_bytes() == id.as_slice()
            ),
        }
    }
}

/// The decrypted content and how it was protected.
pub struct Decrypted {
    pub content: Zeroizing<Vec<u8>>,
    /// True for AuthEnvelopedData (AEAD); false for EnvelopedData (CBC),
    /// whose output the report must mark as not integrity-protected.
    pub integrity_protected: bool,
    /// e.g. `AES-256-GCM`.
    pub cipher: String,
}

impl std::fmt::Debug for Decrypted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decrypted")
            .field("content_len", &self.content.len())
            .field("integrity_protected", &self.integrity_protected)
            .field("cipher", &self.cipher)
            .finish()
    }
}

/// Checks that `cms` is a whole EnvelopedData or AuthEnvelopedData (BER
/// or DER), without decrypting it: an error for a body cut short or
/// garbled anywhere, not only in its first bytes.
pub fn check_whole(cms: &[u8]) -> Result<()> {
    let der = ber::to_der(cms)?;
    envelope::parse(&der)?;
    Ok(())
}

/// The recipients a message is encrypted to, so the caller can find and
/// unlock the right key.
pub fn recipients(cms: &[u8]) -> Result<Vec<RecipientId>> {
    let der = ber::to_der(cms)?;
    let env = envelope::parse(&der)?;
    let mut out = Vec::new();
    for info in &env.recipient_infos {
        match info {
            RecipientInfo::Ktri(ktri) => out.push(RecipientId::from_ktri(&ktri.rid)?),
            RecipientInfo::Kari(kari) => {
                for rek in &kari.recipient_enc_keys {
                    out.push(RecipientId::from_kari(&rek.rid)?);
                }
            }
            // Password, KEK and other recipients name no certificate.
            _ => {}
        }
    }
    Ok(out)
}

/// Decrypts with `key` (whose certificate is `cert`). `NotForUs` if no
/// RecipientInfo matches `cert`; `DecryptionFailed` or `IntegrityFailure`
/// when the ciphertext or key is wrong. AuthEnvelopedData whose tag does
/// not verify returns no content at all.
pub fn decrypt(cms: &[u8], key: &PrivateKey, cert: &Certificate) -> Result<Decrypted> {
    let der = ber::to_der(cms)?;
    let env = envelope::parse(&der)?;
    let alg = ContentAlgorithm::from_algorithm_id(&env.content_alg)?;
    check_structure(&env, &alg)?;
    let cek = unwrap_cek(&env, key, cert, alg.key_len())?;
    let integrity_protected = alg.is_aead();
    let cipher = alg.name();
    let content = content_cipher::open(
        &alg,
        &cek,
        env.encrypted_content.into_owned(),
        env.mac,
        env.aad.as_deref().unwrap_or_default(),
    )?;
    Ok(Decrypted {
        content,
        integrity_protected,
        cipher,
    })
}

/// GCM belongs in AuthEnvelopedData and CBC in EnvelopedData: a CBC
/// "AuthEnvelopedData" would claim integrity it does not have.
fn check_structure(env: &Envelope<'_>, alg: &ContentAlgorithm) -> Result<()> {
    match (env.kind, alg.is_aead()) {
        (Kind::AuthEnveloped, true) | (Kind::Enveloped, false) => {}
        (Kind::AuthEnveloped, false) => {
            return Err(Error::malformed(
                "AuthEnvelopedData",
                "its content cipher is not authenticated",
            ))
        }
        (Kind::Enveloped, true) => {
            return Err(Error::unsupported(
                "EnvelopedData",
                "an AEAD cipher outside AuthEnvelopedData",
            ))
        }
    }
    Ok(())
}

/// Finds the RecipientInfo for `cert` and unwraps the content key with
/// `key`.
fn unwrap_cek(
    env: &Envelope<'_>,
    key: &PrivateKey,
    cert: &Certificate,
    cek_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    for info in &env.recipient_infos {
        match info {
            RecipientInfo::Ktri(ktri) if RecipientId::from_ktri(&ktri.rid)?.matches(cert) => {
                let PrivateKey::Rsa(rsa) = key else {
                    return Err(Error::DecryptionFailed(format!(
                        "the message uses RSA key transport, but the key is {}",
                        key.algorithm_name()
                    )));
                };
                return ktri::unwrap(ktri, rsa, cek_len);
            }
            RecipientInfo::Kari(kari) => {
                for rek in &kari.recipient_enc_keys {
                    if RecipientId::from_kari(&rek.rid)?.matches(cert) {
                        return kari::unwrap(kari, rek.enc_key.as_bytes(), key, cek_len);
                    }
                }
            }
            _ => {}
        }
    }
    Err(Error::NotForUs)
}

#[cfg(test)]
mod tests;
