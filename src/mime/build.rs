//! Assembling S/MIME messages from outer headers and protected content.

use super::parse::HeaderField;

/// The second part of a multipart/signed.
pub struct SignaturePart<'a> {
    /// e.g. `application/pkcs7-signature`.
    pub content_type: &'a str,
    /// e.g. `smime.p7s`.
    pub filename: &'a str,
    /// Raw signature bytes (DER); the builder base64-encodes them.
    pub data: &'a [u8],
}

/// Outer headers + MIME-Version + multipart/signed around `entity` (kept
/// byte for byte) and the signature.
pub fn build_multipart_signed(
    outer: &[HeaderField],
    entity: &[u8],
    protocol: &str,
    micalg: &str,
    sig: &SignaturePart<'_>,
) -> Vec<u8> {
    let _ = (outer, entity, protocol, micalg, sig);
    Vec::new()
}

/// Outer headers + MIME-Version + application/pkcs7-mime with the given
/// smime-type (`signed-data`, `enveloped-data`, `authEnveloped-data`) and
/// base64 body.
pub fn build_pkcs7_mime(outer: &[HeaderField], smime_type: &str, der: &[u8]) -> Vec<u8> {
    let _ = (outer, smime_type, der);
    Vec::new()
}

/// Puts outer headers back on a decrypted or unwrapped entity: the
/// entity's own Content-* fields replace the outer ones.
pub fn join_entity(outer: &[HeaderField], entity: &[u8]) -> Vec<u8> {
    let _ = (outer, entity);
    Vec::new()
}
