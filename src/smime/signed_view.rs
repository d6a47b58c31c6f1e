//! A borrowed view of a DER ContentInfo holding SignedData (RFC 5652
//! sections 3 and 5.1) that keeps what a decode into `cms` types loses:
//! the signed attributes byte for byte as sent (the `cms` types re-sort a
//! SET OF, but the signature covers the sender's encoding), the order of
//! the SignerInfos, and certificates that do not parse.
//!
//! ```text
//! ContentInfo ::= SEQUENCE {
//!     contentType ContentType,
//!     content [0] EXPLICIT ANY DEFINED BY contentType }
//!
//! SignedData ::= SEQUENCE {
//!     version CMSVersion,
//!     digestAlgorithms DigestAlgorithmIdentifiers,
//!     encapContentInfo EncapsulatedContentInfo,
//!     certificates [0] IMPLICIT CertificateSet OPTIONAL,
//!     crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
//!     signerInfos SignerInfos }
//! ```

use cms::signed_data::SignerInfo;
use const_oid::db::rfc5911;
use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{AnyRef, Decode, Encode, Reader, SliceReader, Tag, TagNumber, Tagged};
use x509_cert::Certificate;

use crate::error::{Error, Result};

/// More SignerInfos than any real message has; refusing more bounds the
/// work one message can cause.
pub const MAX_SIGNERS: usize = 64;
/// More certificates than any real message carries.
pub const MAX_CERTIFICATES: usize = 256;

/// `ContentInfo` with the content left encoded.
#[derive(der::Sequence)]
struct ContentInfoRef<'a> {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: AnyRef<'a>,
}

/// `EncapsulatedContentInfo` (RFC 5652 section 5.2) over borrowed bytes;
/// also used to write SignedData without copying the content.
///
/// ```text
/// EncapsulatedContentInfo ::= SEQUENCE {
///     eContentType ContentType,
///     eContent [0] EXPLICIT OCTET STRING OPTIONAL }
/// ```
#[derive(der::Sequence)]
pub struct EncapsulatedContentInfoRef<'a> {
    pub econtent_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub econtent: Option<&'a OctetStringRef>,
}

/// One SignerInfo, decoded, with the exact bytes its signature covers.
pub struct SignerView {
    pub info: SignerInfo,
    /// The signed attributes re-tagged as a SET OF (RFC 5652 section 5.4):
    /// the input to the signature. `None` when there are none.
    pub signed_attrs_der: Option<Vec<u8>>,
}

/// The parts of SignedData that verification uses.
pub struct SignedDataView<'a> {
    pub econtent_type: ObjectIdentifier,
    /// The encapsulated content's octets, if the content is encapsulated.
    pub econtent: Option<&'a [u8]>,
    pub certificates: Vec<Certificate>,
    /// How many entries of the certificate set did not parse (or were not
    /// X.509 certificates); they are skipped, not fatal.
    pub unreadable_certificates: usize,
    pub signers: Vec<SignerView>,
}

fn malformed(e: impl std::fmt::Display) -> Error {
    Error::malformed("CMS SignedData", e)
}

fn is_context(tag: Tag, number: u32) -> bool {
    tag.is_context_specific() && tag.number() == TagNumber(number)
}

/// Parses DER (normalize BER first with `ber::to_der`). Anything that is
/// not a well-formed ContentInfo of type id-signedData is an `Err`.
pub fn parse(der: &[u8]) -> Result<SignedDataView<'_>> {
    let info = ContentInfoRef::from_der(der).map_err(|e| Error::malformed("CMS ContentInfo", e))?;
    if info.content_type != rfc5911::ID_SIGNED_DATA {
        return Err(Error::unsupported(
            "CMS content",
            format!("{} is not signed data", info.content_type),
        ));
    }
    if info.content.tag() != Tag::Sequence {
        return Err(malformed("SignedData is not a SEQUENCE"));
    }
    parse_body(info.content.value())
}

fn parse_body(body: &[u8]) -> Result<SignedDataView<'_>> {
    let mut r = SliceReader::new(body).map_err(malformed)?;
    let version = AnyRef::decode(&mut r).map_err(malformed)?;
    let digest_algorithms = AnyRef::decode(&mut r).map_err(malformed)?;
    if version.tag() != Tag::Integer || digest_algorithms.tag() != Tag::Set {
        return Err(malformed("bad version or digestAlgorithms"));
    }
    let encap = EncapsulatedContentInfoRef::decode(&mut r).map_err(malformed)?;
    let mut certificates = Vec::new();
    let mut unreadable_certificates = 0;
    if is_context(Tag::peek(&r).map_err(malformed)?, 0) {
        let set = AnyRef::decode(&mut r).map_err(malformed)?;
        (certificates, unreadable_certificates) = read_certificates(set.value())?;
    }
    if is_context(Tag::peek(&r).map_err(malformed)?, 1) {
        AnyRef::decode(&mut r).map_err(malformed)?; // crls: not used here
    }
    let signer_infos = AnyRef::decode(&mut r).map_err(malformed)?;
    if signer_infos.tag() != Tag::Set || !r.is_finished() {
        return Err(malformed("bad signerInfos"));
    }
    Ok(SignedDataView {
        econtent_type: encap.econtent_type,
        econtent: encap.econtent.map(OctetStringRef::as_bytes),
        certificates,
        unreadable_certificates,
        signers: read_signers(signer_infos.value())?,
    })
}

/// Reads `CertificateSet ::= SET OF CertificateChoices`, keeping the X.509
/// certificates that parse and counting the rest.
fn read_certificates(body: &[u8]) -> Result<(Vec<Certificate>, usize)> {
    let mut r = SliceReader::new(body).map_err(malformed)?;
    let (mut certs, mut unreadable) = (Vec::new(), 0);
    while !r.is_finished() {
        if certs.len() + unreadable >= MAX_CERTIFICATES {
            return Err(malformed(format!(
                "more than {MAX_CERTIFICATES} certificates"
            )));
        }
        let choice = AnyRef::decode(&mut r).map_err(malformed)?;
        let cert = match choice.tag() {
            Tag::Sequence => choice
                .to_der()
                .ok()
                .and_then(|der| Certificate::from_der(&der).ok()),
            _ => None, // attribute or other certificate formats
        };
        match cert {
            Some(cert) => certs.push(cert),
            None => unreadable += 1,
        }
    }
    Ok((certs, unreadable))
}

/// Reads `SignerInfos ::= SET OF SignerInfo` in the order sent.
fn read_signers(body: &[u8]) -> Result<Vec<SignerView>> {
    let mut r = SliceReader::new(body).map_err(malformed)?;
    let mut signers = Vec::new();
    while !r.is_finished() {
        if signers.len() >= MAX_SIGNERS {
            return Err(malformed(format!("more than {MAX_SIGNERS} signers")));
        }
        let element = AnyRef::decode(&mut r).map_err(malformed)?;
        let der = element.to_der().map_err(malformed)?;
        let info = SignerInfo::from_der(&der).map_err(|e| Error::malformed("CMS SignerInfo", e))?;
        signers.push(SignerView {
            signed_attrs_der: signed_attrs_der(element.value())?,
            info,
        });
    }
    Ok(signers)
}

/// Finds `signedAttrs [0] IMPLICIT` after version, sid and
/// digestAlgorithm, and returns it with the SET tag the signature was
/// computed over (RFC 5652 section 5.4: "the DER encoding of the
/// SignedAttrs value", i.e. with an EXPLICIT SET OF tag).
fn signed_attrs_der(signer_info: &[u8]) -> Result<Option<Vec<u8>>> {
    let mut r = SliceReader::new(signer_info).map_err(malformed)?;
    for _ in 0..3 {
        AnyRef::decode(&mut r).map_err(malformed)?;
    }
    if r.is_finished() || !is_context(Tag::peek(&r).map_err(malformed)?, 0) {
        return Ok(None);
    }
    let attrs = AnyRef::decode(&mut r).map_err(malformed)?;
    let set = AnyRef::new(Tag::Set, attrs.value()).map_err(malformed)?;
    Ok(Some(set.to_der().map_err(malformed)?))
}
