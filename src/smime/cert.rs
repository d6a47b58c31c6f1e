//! Facts about X.509 certificates that the keyring, the trust model and the
//! reports all need: fingerprints, e-mail addresses, names.

use der::Encode;
use sha2::Digest;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::Certificate;

/// `emailAddress` in a subject DN (PKCS#9), deprecated but still common.
const EMAIL_ADDRESS: der::oid::ObjectIdentifier = const_oid::db::rfc3280::EMAIL_ADDRESS;
const COMMON_NAME: der::oid::ObjectIdentifier = const_oid::db::rfc4519::CN;

/// Upper-case hex SHA-256 of the certificate's DER: our fingerprint.
pub fn fingerprint(cert: &Certificate) -> String {
    cert.to_der()
        .map(|der| hex_upper(&sha2::Sha256::digest(der)))
        .unwrap_or_default()
}

/// Upper-case hex SHA-1 of the DER, the fingerprint gpgsm and openssl show.
pub fn fingerprint_sha1(cert: &Certificate) -> String {
    cert.to_der()
        .map(|der| hex_upper(&sha1::Sha1::digest(der)))
        .unwrap_or_default()
}

pub fn hex_upper(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(2 * bytes.len());
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The certificate's e-mail addresses, lower-cased: every rfc822Name in the
/// subjectAltName, then any emailAddress attribute of the subject.
pub fn emails(cert: &Certificate) -> Vec<String> {
    let tbs = cert.tbs_certificate();
    let mut out: Vec<String> = Vec::new();
    if let Ok(Some((_, san))) = tbs.get_extension::<SubjectAltName>() {
        for name in san.0 {
            if let GeneralName::Rfc822Name(addr) = name {
                push_unique(&mut out, addr.as_str());
            }
        }
    }
    for atv in tbs.subject().iter() {
        if atv.oid == EMAIL_ADDRESS {
            if let Some(s) = any_to_string(&atv.value) {
                push_unique(&mut out, &s);
            }
        }
    }
    out
}

fn push_unique(out: &mut Vec<String>, addr: &str) {
    let addr = addr.trim().to_ascii_lowercase();
    if !addr.is_empty() && !out.contains(&addr) {
        out.push(addr);
    }
}

/// The subject's common name, if it has one.
pub fn common_name(cert: &Certificate) -> Option<String> {
    cert.tbs_certificate()
        .subject()
        .iter()
        .find(|atv| atv.oid == COMMON_NAME)
        .and_then(|atv| any_to_string(&atv.value))
}

/// The subject DN as an RFC 4514 string.
pub fn subject(cert: &Certificate) -> String {
    cert.tbs_certificate().subject().to_string()
}

/// The issuer DN as an RFC 4514 string.
pub fn issuer(cert: &Certificate) -> String {
    cert.tbs_certificate().issuer().to_string()
}

/// Decodes a DirectoryString-like value (UTF8String, PrintableString,
/// IA5String, ...) to text.
fn any_to_string(value: &der::Any) -> Option<String> {
    use der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
    value
        .decode_as::<Utf8StringRef<'_>>()
        .map(|s| s.as_str().to_string())
        .or_else(|_| {
            value
                .decode_as::<PrintableStringRef<'_>>()
                .map(|s| s.as_str().to_string())
        })
        .or_else(|_| {
            value
                .decode_as::<Ia5StringRef<'_>>()
                .map(|s| s.as_str().to_string())
        })
        .or_else(|_| {
            value
                .decode_as::<TeletexStringRef<'_>>()
                .map(|s| s.as_str().to_string())
        })
        .ok()
}

/// The validity period (notBefore, notAfter).
pub fn validity(cert: &Certificate) -> (crate::time::Timestamp, crate::time::Timestamp) {
    use crate::time::Timestamp;
    let v = cert.tbs_certificate().validity();
    (
        Timestamp(v.not_before.to_unix_duration().as_secs()),
        Timestamp(v.not_after.to_unix_duration().as_secs()),
    )
}

/// Whether the certificate is within its validity period at `at`.
pub fn valid_at(cert: &Certificate, at: crate::time::Timestamp) -> bool {
    let (from, until) = validity(cert);
    from <= at && at <= until
}

/// Whether basicConstraints marks the certificate as a CA: only those can
/// be intermediates in a path.
pub fn is_ca(cert: &Certificate) -> bool {
    use x509_cert::ext::pkix::BasicConstraints;
    matches!(
        cert.tbs_certificate().get_extension::<BasicConstraints>(),
        Ok(Some((_, bc))) if bc.ca
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_is_upper_case_two_digits_a_byte() {
        assert_eq!(super::hex_upper(&[0x00, 0x0f, 0xa5, 0xff]), "000FA5FF");
        assert_eq!(super::hex_upper(&[]), "");
    }
}
