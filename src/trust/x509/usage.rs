//! What a certificate may be used for in S/MIME: its key usage, its
//! extended key usage, and the addresses it binds.
//!
//! Path validation ([`super::X509Validator`]) judges only the binding of a key
//! to a name through a CA chain. Whether that key may sign or encrypt is a
//! separate question asked by the signer and recipient code through
//! [`check_usage`], so that one validated path serves both purposes.

use const_oid::db::rfc5912::{
    ANY_EXTENDED_KEY_USAGE, ID_EC_PUBLIC_KEY, ID_KP_EMAIL_PROTECTION, ID_RSAES_OAEP, RSA_ENCRYPTION,
};
use const_oid::db::rfc8410::{ID_ED_25519, ID_X_25519};
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage, KeyUsages};
use x509_cert::Certificate;

use crate::smime::cert::emails;

/// What a certificate is about to be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Verifying (or making) a signature on a message.
    Sign,
    /// Encrypting a content key to the certificate's owner.
    Encrypt,
}

/// Whether `email` is one of the certificate's addresses (rfc822Name SANs
/// or subject emailAddress), compared case-insensitively.
///
/// RFC 5321 lets the local part be case-sensitive, but no mail system in use
/// treats it so and certificates are issued in lower case, so a case-exact
/// compare would only produce false mismatches.
pub fn sender_matches(cert: &Certificate, email: &str) -> bool {
    let wanted = email.trim();
    !wanted.is_empty()
        && emails(cert)
            .iter()
            .any(|addr| addr.eq_ignore_ascii_case(wanted))
}

/// Checks that the certificate's key may be used for `purpose` in S/MIME.
///
/// - keyUsage (RFC 5280 4.2.1.3), when present: signing needs
///   digitalSignature or nonRepudiation; encryption needs keyEncipherment for
///   RSA keys and keyAgreement for EC and X25519 keys (RFC 8551 section 4.4.2).
/// - extendedKeyUsage (RFC 5280 4.2.1.12), when present: emailProtection or
///   anyExtendedKeyUsage.
/// - Encryption needs a key type that can receive a content key at all.
///
/// This is deliberately not part of path validation: it is asked per use.
pub fn check_usage(cert: &Certificate, purpose: Purpose) -> Result<(), String> {
    let tbs = cert.tbs_certificate();
    let key_alg = tbs.subject_public_key_info().algorithm.oid;
    if purpose == Purpose::Encrypt {
        check_key_can_encrypt(key_alg)?;
    }
    match tbs.get_extension::<KeyUsage>() {
        Ok(Some((_, ku))) => check_key_usage(ku, key_alg, purpose)?,
        Ok(None) => {}
        Err(e) => return Err(format!("keyUsage extension cannot be decoded: {e}")),
    }
    match tbs.get_extension::<ExtendedKeyUsage>() {
        Ok(Some((_, eku))) if !eku_allows_email(&eku) => {
            Err("extendedKeyUsage does not include emailProtection".into())
        }
        Ok(_) => Ok(()),
        Err(e) => Err(format!("extendedKeyUsage extension cannot be decoded: {e}")),
    }
}

/// `emailProtection` or `anyExtendedKeyUsage` is among the purposes.
pub(super) fn eku_allows_email(eku: &ExtendedKeyUsage) -> bool {
    eku.0
        .iter()
        .any(|oid| *oid == ID_KP_EMAIL_PROTECTION || *oid == ANY_EXTENDED_KEY_USAGE)
}

/// Whether a CA certificate's extendedKeyUsage (if any) leaves room for
/// e-mail protection below it. Absent means unconstrained; an undecodable one
/// is treated as forbidding, since we cannot tell what it allows.
pub(super) fn ca_allows_email(
    cert: &x509_cert::certificate::CertificateInner<x509_cert::certificate::Raw>,
) -> bool {
    match cert.tbs_certificate().get_extension::<ExtendedKeyUsage>() {
        Ok(Some((_, eku))) => eku_allows_email(&eku),
        Ok(None) => true,
        Err(_) => false,
    }
}

fn check_key_can_encrypt(key_alg: der::oid::ObjectIdentifier) -> Result<(), String> {
    if [RSA_ENCRYPTION, ID_RSAES_OAEP, ID_EC_PUBLIC_KEY, ID_X_25519].contains(&key_alg) {
        Ok(())
    } else if key_alg == ID_ED_25519 {
        Err("an Ed25519 key can only sign, not receive encrypted mail".into())
    } else {
        Err(format!(
            "a key of type {key_alg} cannot receive encrypted mail"
        ))
    }
}

fn check_key_usage(
    ku: KeyUsage,
    key_alg: der::oid::ObjectIdentifier,
    purpose: Purpose,
) -> Result<(), String> {
    match purpose {
        Purpose::Sign => {
            if ku.0.contains(KeyUsages::DigitalSignature)
                || ku.0.contains(KeyUsages::NonRepudiation)
            {
                Ok(())
            } else {
                Err("keyUsage allows neither digitalSignature nor nonRepudiation".into())
            }
        }
        Purpose::Encrypt => {
            let (bit, name) = if key_alg == ID_EC_PUBLIC_KEY || key_alg == ID_X_25519 {
                (KeyUsages::KeyAgreement, "keyAgreement")
            } else {
                (KeyUsages::KeyEncipherment, "keyEncipherment")
            };
            if ku.0.contains(bit) {
                Ok(())
            } else {
                Err(format!(
                    "keyUsage does not allow {name}, needed to encrypt to this key"
                ))
            }
        }
    }
}
