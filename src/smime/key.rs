//! S/MIME private keys: the algorithms we sign and decrypt with.

use der::{Decode, Encode};
use pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, PrivateKeyInfoRef};
use spki::SubjectPublicKeyInfoOwned;
use zeroize::Zeroizing;

use super::rsa_key::RsaKey;
use crate::error::{Error, Result};

const RSA: der::oid::ObjectIdentifier = const_oid::db::rfc5912::RSA_ENCRYPTION;
const EC: der::oid::ObjectIdentifier = const_oid::db::rfc5912::ID_EC_PUBLIC_KEY;
const ED25519: der::oid::ObjectIdentifier = const_oid::db::rfc8410::ID_ED_25519;
const P256: der::oid::ObjectIdentifier = const_oid::db::rfc5912::SECP_256_R_1;
const P384: der::oid::ObjectIdentifier = const_oid::db::rfc5912::SECP_384_R_1;

/// A private key usable for S/MIME signing and/or decryption.
pub enum PrivateKey {
    /// On the crypto provider ([`super::rsa_key`]).
    Rsa(Box<RsaKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl PrivateKey {
    /// Parses an unencrypted PKCS#8 PrivateKeyInfo.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let info = PrivateKeyInfoRef::from_der(der)?;
        let bad = |e: pkcs8::Error| Error::malformed("PKCS#8 private key", e);
        match info.algorithm.oid {
            RSA => Ok(PrivateKey::Rsa(Box::new(RsaKey::from_pkcs8(der)?))),
            ED25519 => Ok(PrivateKey::Ed25519(Box::new(
                ed25519_dalek::SigningKey::from_pkcs8_der(der).map_err(bad)?,
            ))),
            EC => {
                let curve = info
                    .algorithm
                    .parameters
                    .and_then(|p| p.decode_as::<der::oid::ObjectIdentifier>().ok());
                match curve {
                    Some(P256) => Ok(PrivateKey::P256(
                        p256::SecretKey::from_pkcs8_der(der).map_err(bad)?,
                    )),
                    Some(P384) => Ok(PrivateKey::P384(
                        p384::SecretKey::from_pkcs8_der(der).map_err(bad)?,
                    )),
                    other => Err(Error::unsupported(
                        "elliptic curve",
                        other.map_or("none given".to_string(), |o| o.to_string()),
                    )),
                }
            }
            other => Err(Error::unsupported("private key algorithm", other)),
        }
    }

    /// Serializes as an unencrypted PKCS#8 PrivateKeyInfo (to be encrypted
    /// before it is stored).
    pub fn to_pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>> {
        let doc = match self {
            PrivateKey::Rsa(k) => return Ok(k.to_pkcs8_der()),
            PrivateKey::P256(k) => k.to_pkcs8_der(),
            PrivateKey::P384(k) => k.to_pkcs8_der(),
            PrivateKey::Ed25519(k) => k.to_pkcs8_der(),
        }
        .map_err(|e| Error::Crypto(format!("encoding private key: {e}")))?;
        Ok(Zeroizing::new(doc.as_bytes().to_vec()))
    }

    /// The SubjectPublicKeyInfo of the matching public key, as DER; equal to
    /// the certificate's `subjectPublicKeyInfo` for the key's certificate.
    pub fn public_key_der(&self) -> Result<Vec<u8>> {
        let doc = match self {
            PrivateKey::Rsa(k) => return Ok(k.public_key_der().to_vec()),
            PrivateKey::P256(k) => k.public_key().to_public_key_der(),
            PrivateKey::P384(k) => k.public_key().to_public_key_der(),
            PrivateKey::Ed25519(k) => k.verifying_key().to_public_key_der(),
        }
        .map_err(|e| Error::Crypto(format!("encoding public key: {e}")))?;
        Ok(doc.as_bytes().to_vec())
    }

    pub fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned> {
        Ok(SubjectPublicKeyInfoOwned::from_der(
            &self.public_key_der()?,
        )?)
    }

    /// Whether this key belongs to the certificate.
    pub fn matches(&self, cert: &x509_cert::Certificate) -> bool {
        let ours = self.public_key_der();
        let theirs = cert.tbs_certificate().subject_public_key_info().to_der();
        matches!((ours, theirs), (Ok(a), Ok(b)) if a == b)
    }

    /// A short name such as `RSA-2048` or `P-256`.
    pub fn algorithm_name(&self) -> String {
        match self {
            PrivateKey::Rsa(k) => format!("RSA-{}", k.bits()),
            PrivateKey::P256(_) => "P-256".into(),
            PrivateKey::P384(_) => "P-384".into(),
            PrivateKey::Ed25519(_) => "Ed25519".into(),
        }
    }
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey({})", self.algorithm_name())
    }
}
