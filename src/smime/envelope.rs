//! Reading EnvelopedData (RFC 5652 section 6.1) and AuthEnvelopedData
//! (RFC 5083 section 2.1) from DER, borrowing the (large) encrypted content
//! instead of copying it.
//!
//! The `cms` crate's types decode `encryptedContent` as a primitive
//! `[0] IMPLICIT OCTET STRING`; BER writers (openssl -stream, gpgsm) send it
//! constructed, in chunks. This reader accepts both and joins the chunks.

use std::borrow::Cow;

use cms::enveloped_data::RecipientInfo;
use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{AnyRef, Decode, Reader, Sequence, SliceReader, Tag, TagNumber, Tagged};
use spki::AlgorithmIdentifierOwned;

use super::ber::flatten_constructed;
use super::content_cipher::oid_name;
use crate::error::{Error, Result};

use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_ENVELOPED_DATA, ID_SIGNED_DATA};

/// Which of the two structures the message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Enveloped,
    AuthEnveloped,
}

/// The parts of an EnvelopedData or AuthEnvelopedData that decryption
/// needs.
pub struct Envelope<'a> {
    pub kind: Kind,
    pub recipient_infos: Vec<RecipientInfo>,
    /// `contentEncryptionAlgorithm` of the EncryptedContentInfo.
    pub content_alg: AlgorithmIdentifierOwned,
    /// The ciphertext: borrowed when it was one primitive string, joined
    /// when it came in chunks.
    pub encrypted_content: Cow<'a, [u8]>,
    /// AuthEnvelopedData `mac` (the GCM tag).
    pub mac: Option<&'a [u8]>,
    /// AuthEnvelopedData `authAttrs` re-tagged as SET OF, the AEAD's
    /// associated data (RFC 5083 section 2.2).
    pub aad: Option<Vec<u8>>,
}

/// ```text
/// ContentInfo ::= SEQUENCE {
///     contentType ContentType,
///     content [0] EXPLICIT ANY DEFINED BY contentType }
/// ```
#[derive(Sequence)]
struct ContentInfoRef<'a> {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: AnyRef<'a>,
}

const fn context(number: u32, constructed: bool) -> Tag {
    Tag::ContextSpecific {
        constructed,
        number: TagNumber(number),
    }
}

/// Parses a DER ContentInfo holding EnvelopedData or AuthEnvelopedData.
pub fn parse(der: &[u8]) -> Result<Envelope<'_>> {
    let info = ContentInfoRef::from_der(der)?;
    let kind = match info.content_type {
        ID_ENVELOPED_DATA => Kind::Enveloped,
        ID_CT_AUTH_ENVELOPED_DATA => Kind::AuthEnveloped,
        ID_SIGNED_DATA => {
            return Err(Error::unsupported(
                "CMS content type",
                "signedData: the message is signed, not encrypted",
            ))
        }
        other => return Err(Error::unsupported("CMS content type", oid_name(&other))),
    };
    let env = info
        .content
        .sequence(|r: &mut SliceReader<'_>| read_envelope(r, kind))?;
    Ok(env)
}

/// ```text
/// EnvelopedData ::= SEQUENCE {
///     version CMSVersion,
///     originatorInfo [0] IMPLICIT OriginatorInfo OPTIONAL,
///     recipientInfos RecipientInfos,
///     encryptedContentInfo EncryptedContentInfo,
///     unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
///
/// AuthEnvelopedData ::= SEQUENCE {
///     version CMSVersion,
///     originatorInfo [0] IMPLICIT OriginatorInfo OPTIONAL,
///     recipientInfos RecipientInfos,
///     authEncryptedContentInfo EncryptedContentInfo,
///     authAttrs [1] IMPLICIT AuthAttributes OPTIONAL,
///     mac MessageAuthenticationCode,
///     unauthAttrs [2] IMPLICIT UnauthAttributes OPTIONAL }
/// ```
fn read_envelope<'a>(r: &mut SliceReader<'a>, kind: Kind) -> Result<Envelope<'a>> {
    let _version: u8 = r.decode()?;
    if Tag::peek(r)? == context(0, true) {
        // originatorInfo: certificates for the recipients, not needed.
        r.tlv_bytes()?;
    }
    let recipient_infos = read_recipient_infos(r.decode::<AnyRef<'a>>()?)?;
    let (content_alg, encrypted_content) = r
        .decode::<AnyRef<'a>>()?
        .sequence(|r: &mut SliceReader<'a>| read_encrypted_content_info(r))?;
    let mut mac = None;
    let mut aad = None;
    if kind == Kind::AuthEnveloped {
        if Tag::peek(r)? == context(1, true) {
            aad = Some(retag_as_set(r.tlv_bytes()?));
        }
        mac = Some(r.decode::<&'a OctetStringRef>()?.as_bytes());
    }
    // unprotectedAttrs / unauthAttrs: nothing we act on.
    while !r.is_finished() {
        r.tlv_bytes()?;
    }
    Ok(Envelope {
        kind,
        recipient_infos,
        content_alg,
        encrypted_content,
        mac,
        aad,
    })
}

/// `RecipientInfos ::= SET SIZE (1..MAX) OF RecipientInfo`, kept in the
/// order sent.
fn read_recipient_infos(set: AnyRef<'_>) -> Result<Vec<RecipientInfo>> {
    set.tag().assert_eq(Tag::Set)?;
    let mut r = SliceReader::new(set.value())?;
    let mut out = Vec::new();
    while !r.is_finished() {
        out.push(r.decode::<RecipientInfo>()?);
    }
    if out.is_empty() {
        return Err(Error::malformed("RecipientInfos", "empty"));
    }
    Ok(out)
}

/// ```text
/// EncryptedContentInfo ::= SEQUENCE {
///     contentType ContentType,
///     contentEncryptionAlgorithm ContentEncryptionAlgorithmIdentifier,
///     encryptedContent [0] IMPLICIT EncryptedContent OPTIONAL }
/// ```
fn read_encrypted_content_info<'a>(
    r: &mut SliceReader<'a>,
) -> Result<(AlgorithmIdentifierOwned, Cow<'a, [u8]>)> {
    let _content_type: ObjectIdentifier = r.decode()?;
    let alg: AlgorithmIdentifierOwned = r.decode()?;
    if r.is_finished() {
        return Err(Error::unsupported(
            "EncryptedContentInfo",
            "detached encrypted content",
        ));
    }
    let content: AnyRef<'a> = r.decode()?;
    let bytes = if content.tag() == context(0, false) {
        Cow::Borrowed(content.value())
    } else if content.tag() == context(0, true) {
        Cow::Owned(flatten_constructed(content.value())?)
    } else {
        return Err(Error::malformed(
            "EncryptedContentInfo",
            format!("unexpected {} instead of encryptedContent", content.tag()),
        ));
    };
    Ok((alg, bytes))
}

/// ```text
/// EncryptedData ::= SEQUENCE {
///     version CMSVersion,
///     encryptedContentInfo EncryptedContentInfo,
///     unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
/// ```
/// (RFC 5652 section 8), as PKCS#12 encrypts its safes: the algorithm and
/// the ciphertext, joined when it came in chunks.
pub fn parse_encrypted_data(der: &[u8]) -> Result<(AlgorithmIdentifierOwned, Cow<'_, [u8]>)> {
    let outer = AnyRef::from_der(der)?;
    outer.tag().assert_eq(Tag::Sequence)?;
    let mut r = SliceReader::new(outer.value())?;
    let _version: u8 = r.decode()?;
    let info = r.decode::<AnyRef<'_>>()?;
    info.tag().assert_eq(Tag::Sequence)?;
    let mut inner = SliceReader::new(info.value())?;
    let parsed = read_encrypted_content_info(&mut inner)?;
    if !inner.is_finished() {
        return Err(Error::malformed("EncryptedContentInfo", "trailing data"));
    }
    Ok(parsed)
}

/// `authAttrs` is sent as `[1] IMPLICIT`; the AAD is its DER with the SET OF
/// tag (RFC 5083 section 2.2).
fn retag_as_set(tlv: &[u8]) -> Vec<u8> {
    let mut out = tlv.to_vec();
    if let Some(first) = out.first_mut() {
        *first = 0x31;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_not_encrypted_or_garbage() {
        assert!(parse(&[]).is_err());
        assert!(parse(&[0x30, 0x00]).is_err());
        assert!(parse(b"not asn.1 at all").is_err());
        // ContentInfo { id-data, [0] { OCTET STRING "" } }
        let data = [
            0x30, 0x0f, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0,
            0x02, 0x04, 0x00,
        ];
        assert!(matches!(parse(&data), Err(Error::Unsupported { .. })));
    }

    #[test]
    fn auth_attrs_are_retagged() {
        assert_eq!(retag_as_set(&[0xa1, 0x00]), vec![0x31, 0x00]);
    }
}
