//! Checking CMS SignedData signatures (RFC 5652 section 5.6; cryptography
//! only, trust is judged in `trust`).
//!
//! Choices made here:
//! - The encapsulated content type must be id-data: S/MIME signs MIME
//!   entities, and accepting other types would let a signature over, say,
//!   a time-stamp token pass as a signed message. Other types give each
//!   signer an `Error` status naming the type.
//! - The content comes from exactly one place: the eContent or the
//!   `detached` argument. Both, or neither, is an `Err` (malformed): the
//!   caller asked for a different kind of signature than it got. The one
//!   exception is a SignedData without signers (certs-only), which has no
//!   content and yields an empty signer list.
//! - A missing or inconsistent required signed attribute is `Bad`; an
//!   algorithm we do not implement or a missing certificate is `Error`.

use cms::signed_data::SignerIdentifier;
use const_oid::db::rfc5911;
use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::Certificate;

use super::algorithms::{describe, DigestAlg, SignatureAlg};
use super::signed_view::{SignedDataView, SignerView};
use super::{attrs, ber, capabilities, sigcheck, signed_view};
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
    /// Remarks for the report that do not change the status.
    pub notes: Vec<String>,
    /// The digest the signature rests on (the weaker of the digest and
    /// the signature algorithm's own hash), as the one digest policy
    /// judges it ([`crate::trust::digest`]); `None` when not known.
    pub digest: Option<sequoia_openpgp::types::HashAlgorithm>,
    /// The smimeCapabilities signed attribute's value (DER), when there
    /// is one: the signer's claim of what it reads, worth as much as the
    /// signature ([`capabilities::from_signed_attrs`]).
    pub capabilities: Option<Vec<u8>>,
}

#[derive(Debug, Clone)]
pub struct SignedData {
    /// The signed content: the encapsulated content for opaque signatures,
    /// or the detached content that was passed in.
    pub content: Vec<u8>,
    /// Every certificate carried in the SignedData, for path building.
    pub certificates: Vec<Certificate>,
    /// One entry per SignerInfo, in the order sent; may be empty.
    pub signers: Vec<SignerResult>,
}

/// Parses a DER (or BER) ContentInfo holding SignedData and checks every
/// signer. `detached` is the content for multipart/signed; `None` means
/// the content must be encapsulated. Malformed input is an `Err`; a
/// signature that does not match is `Ok` with a `Bad` status.
pub fn verify(cms: &[u8], detached: Option<&[u8]>) -> Result<SignedData> {
    verify_with_certs(cms, detached, &[])
}

/// Like [`verify`], but also looks for signer certificates in
/// `extra_certs` (e.g. from the keyring) when the message omits them.
/// Certificates carried in the message are tried first.
pub fn verify_with_certs(
    cms: &[u8],
    detached: Option<&[u8]>,
    extra_certs: &[Certificate],
) -> Result<SignedData> {
    let der = ber::to_der(cms)?;
    let view = signed_view::parse(&der)?;
    let content = select_content(&view, detached)?;
    let mut digests = ContentDigests {
        content,
        done: Vec::new(),
    };
    let signers = view
        .signers
        .iter()
        .map(|signer| check_signer(signer, &view, extra_certs, &mut digests))
        .collect();
    Ok(SignedData {
        content: content.to_vec(),
        certificates: view.certificates,
        signers,
    })
}

fn select_content<'a>(view: &SignedDataView<'a>, detached: Option<&'a [u8]>) -> Result<&'a [u8]> {
    match (view.econtent, detached) {
        (Some(content), None) | (None, Some(content)) => Ok(content),
        (Some(_), Some(_)) => Err(Error::malformed(
            "S/MIME signature",
            "the signature carries its own content, but detached content was given too",
        )),
        (None, None) if view.signers.is_empty() => Ok(&[]),
        (None, None) => Err(Error::malformed(
            "S/MIME signature",
            "the signature is detached, but no signed content was given",
        )),
    }
}

/// Digests of the content, each computed once however many signers use it.
struct ContentDigests<'a> {
    content: &'a [u8],
    done: Vec<(DigestAlg, Vec<u8>)>,
}

impl ContentDigests<'_> {
    fn get(&mut self, alg: DigestAlg) -> &[u8] {
        if !self.done.iter().any(|(a, _)| *a == alg) {
            self.done.push((alg, alg.digest(self.content)));
        }
        self.done
            .iter()
            .find(|(a, _)| *a == alg)
            .map_or(&[], |(_, d)| d.as_slice())
    }
}

fn check_signer(
    signer: &SignerView,
    view: &SignedDataView<'_>,
    extra_certs: &[Certificate],
    digests: &mut ContentDigests<'_>,
) -> SignerResult {
    let sid = &signer.info.sid;
    let cert = find_certificate(sid, &view.certificates)
        .or_else(|| find_certificate(sid, extra_certs))
        .cloned();
    let mut notes = Vec::new();
    let signing_time = signer.info.signed_attrs.as_ref().and_then(|a| {
        let time = attrs::signing_time(a);
        if time.is_none() && attrs::has_signing_time(a) {
            notes.push("the signing-time attribute is unreadable; ignored".to_string());
        }
        time
    });
    let digest = digest_of(signer);
    let capabilities = signer
        .info
        .signed_attrs
        .as_ref()
        .and_then(capabilities::from_signed_attrs);
    let status = match &cert {
        None => SignatureStatus::Error(missing_certificate(view.unreadable_certificates)),
        Some(cert) => check_with_certificate(signer, cert, view.econtent_type, digests),
    };
    SignerResult {
        cert,
        status,
        signing_time,
        notes,
        digest,
        capabilities,
    }
}

/// The digest a SignerInfo rests on: its digestAlgorithm, or the
/// signature algorithm's own hash where that is weaker (RSA with SHA-1
/// over a SHA-256 digest still signs a SHA-1 hash).
fn digest_of(signer: &SignerView) -> Option<sequoia_openpgp::types::HashAlgorithm> {
    use sequoia_openpgp::types::HashAlgorithm;
    let info = &signer.info;
    let hash = |d: DigestAlg| match d {
        DigestAlg::Sha1 => HashAlgorithm::SHA1,
        DigestAlg::Sha256 => HashAlgorithm::SHA256,
        DigestAlg::Sha384 => HashAlgorithm::SHA384,
        DigestAlg::Sha512 => HashAlgorithm::SHA512,
    };
    if info.digest_alg.oid == const_oid::db::rfc5912::ID_MD_5 {
        return Some(HashAlgorithm::MD5);
    }
    let digest = DigestAlg::from_oid(info.digest_alg.oid)?;
    let prehash = SignatureAlg::from_identifier(&info.signature_algorithm)
        .ok()
        .and_then(|alg| alg.prehash(digest));
    Some(match prehash {
        Some(DigestAlg::Sha1) => HashAlgorithm::SHA1,
        _ => hash(digest),
    })
}

fn missing_certificate(unreadable: usize) -> String {
    match unreadable {
        0 => "signer certificate not included".to_string(),
        n => format!("signer certificate not found; {n} included certificate(s) could not be read"),
    }
}

/// Whether `cert` is the one a SignerIdentifier names (RFC 5652 section 5.3).
fn identifies(sid: &SignerIdentifier, cert: &Certificate) -> bool {
    let tbs = cert.tbs_certificate();
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(isn) => {
            tbs.serial_number() == &isn.serial_number && tbs.issuer() == &isn.issuer
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => matches!(
            tbs.get_extension::<SubjectKeyIdentifier>(),
            Ok(Some((_, own))) if own == *ski
        ),
    }
}

fn find_certificate<'c>(
    sid: &SignerIdentifier,
    certs: &'c [Certificate],
) -> Option<&'c Certificate> {
    certs.iter().find(|cert| identifies(sid, cert))
}

/// The checks of RFC 5652 section 5.6 for a signer whose certificate we have.
fn check_with_certificate(
    signer: &SignerView,
    cert: &Certificate,
    econtent_type: ObjectIdentifier,
    digests: &mut ContentDigests<'_>,
) -> SignatureStatus {
    let info = &signer.info;
    if econtent_type != rfc5911::ID_DATA {
        return SignatureStatus::Error(format!(
            "the signed content has type {}, not id-data (a MIME entity)",
            describe(econtent_type)
        ));
    }
    let Some(digest_alg) = DigestAlg::from_oid(info.digest_alg.oid) else {
        return SignatureStatus::Error(format!(
            "unsupported digest algorithm {}",
            describe(info.digest_alg.oid)
        ));
    };
    let alg = match SignatureAlg::from_identifier(&info.signature_algorithm) {
        Ok(alg) => alg,
        Err(reason) => return SignatureStatus::Error(reason),
    };
    let signed = match covered_bytes(signer, econtent_type, digest_alg, digests) {
        Ok(signed) => signed,
        Err(status) => return status,
    };
    let spki = cert.tbs_certificate().subject_public_key_info();
    sigcheck::check(spki, alg, digest_alg, signed, info.signature.as_bytes())
}

/// What the signature value covers: the DER signed attributes once they
/// are found consistent with the content, or else the content itself.
fn covered_bytes<'s>(
    signer: &'s SignerView,
    econtent_type: ObjectIdentifier,
    digest_alg: DigestAlg,
    digests: &'s mut ContentDigests<'_>,
) -> std::result::Result<&'s [u8], SignatureStatus> {
    match (&signer.info.signed_attrs, &signer.signed_attrs_der) {
        (Some(attrs), Some(der)) => {
            attrs::check(attrs, econtent_type, digests.get(digest_alg))
                .map_err(SignatureStatus::Bad)?;
            Ok(der)
        }
        (None, None) => Ok(digests.content),
        _ => Err(SignatureStatus::Error(
            "the signed attributes could not be located".into(),
        )),
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod gpgsm_tests;
#[cfg(test)]
mod negative_tests;
#[cfg(test)]
mod openssl_tests;
