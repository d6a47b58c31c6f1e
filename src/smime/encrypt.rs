//! Encrypting for several recipients: AuthEnvelopedData (RFC 5083/5084,
//! AES-256-GCM) by default, EnvelopedData (AES-256-CBC) on request. One
//! content key, wrapped once per recipient.
//!
//! The recipient infos are built with the `cms` types (in parallel); the
//! enclosing structures are written here so the content is copied once
//! into the output and encrypted there in place. 1 MB to 100 RSA-2048
//! recipients takes about 5 ms on two cores: RSA, then AES.

use cms::enveloped_data::RecipientInfo;
use der::asn1::ObjectIdentifier;
use der::{Encode, Header, Length, Tag};
use rayon::prelude::*;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::cert;
use super::content_cipher::{
    aes256_cbc_algorithm_id, aes256_cbc_seal, aes256_gcm_algorithm_id, aes256_gcm_seal,
    cbc_padded_len, BLOCK_LEN, GCM_NONCE_LEN, GCM_TAG_LEN,
};
use super::kari::P256Recipient;
use super::ktri::RsaRecipient;
use crate::error::{Error, Result};

use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_DATA, ID_ENVELOPED_DATA};

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

/// AES-256 key length.
const CEK_LEN: usize = 32;

/// Encrypts `content` (a MIME entity) to every certificate and returns a
/// DER ContentInfo. RSA certificates get KeyTransRecipientInfo; P-256
/// certificates KeyAgreeRecipientInfo (ECDH). A certificate with any other
/// key is an `Error::Recipients` naming its subject.
pub fn encrypt(
    content: &[u8],
    recipients: &[Certificate],
    cipher: Cipher,
    padding: RsaPadding,
) -> Result<Vec<u8>> {
    if recipients.is_empty() {
        return Err(Error::Recipients("no recipients given".into()));
    }
    let mut cek = Zeroizing::new([0u8; CEK_LEN]);
    rand::fill(cek.as_mut_slice());
    // The public-key operations dominate with many recipients (about
    // 60 us per RSA-2048 key in the `rsa` crate): spread them over the
    // cores. Errors are taken in recipient order, so the message is stable.
    let wrapped: Vec<Result<(Vec<u8>, bool)>> = recipients
        .par_iter()
        .map(|cert| {
            let info = wrap_for(cert, cek.as_slice(), padding)?;
            Ok((info.to_der()?, matches!(info, RecipientInfo::Kari(_))))
        })
        .collect();
    let mut has_kari = false;
    let mut infos = Vec::with_capacity(recipients.len());
    for result in wrapped {
        let (der, is_kari) = result?;
        has_kari |= is_kari;
        infos.push(der);
    }
    let recipient_infos = der_set_of(infos)?;
    match cipher {
        Cipher::Aes256Gcm => auth_enveloped(content, cek.as_slice(), &recipient_infos),
        Cipher::Aes256Cbc => enveloped(content, cek.as_slice(), &recipient_infos, has_kari),
    }
}

/// The RecipientInfo for one certificate, by its key type.
fn wrap_for(cert: &Certificate, cek: &[u8], padding: RsaPadding) -> Result<RecipientInfo> {
    if let Some(rsa) = RsaRecipient::from_certificate(cert)? {
        return rsa.wrap(cek, padding);
    }
    if let Some(ec) = P256Recipient::from_certificate(cert)? {
        return ec.wrap(cek);
    }
    let alg = &cert
        .tbs_certificate()
        .subject_public_key_info()
        .algorithm
        .oid;
    Err(Error::Recipients(format!(
        "{}: its key ({}) can neither be RSA-encrypted to nor used for P-256 key agreement",
        cert::subject(cert),
        super::content_cipher::oid_name(alg)
    )))
}

/// `SET OF` in DER: the elements sorted by their encodings (X.690 11.6).
fn der_set_of(mut elements: Vec<Vec<u8>>) -> Result<Vec<u8>> {
    elements.sort();
    let len: usize = elements.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(len + 6);
    push_header(&mut out, Tag::Set, len)?;
    for e in elements {
        out.extend_from_slice(&e);
    }
    Ok(out)
}

fn push_header(out: &mut Vec<u8>, tag: Tag, len: usize) -> Result<()> {
    Header::new(tag, Length::try_from(len)?).encode_to_vec(out)?;
    Ok(())
}

fn header_len(tag: Tag, len: usize) -> Result<usize> {
    Ok(usize::try_from(
        Header::new(tag, Length::try_from(len)?).encoded_len()?,
    )?)
}

/// The two layers around the content: ContentInfo, then the
/// EnvelopedData/AuthEnvelopedData SEQUENCE whose body is `inner_len` bytes.
fn push_outer(out: &mut Vec<u8>, content_type: ObjectIdentifier, inner_len: usize) -> Result<()> {
    let seq_len = header_len(Tag::Sequence, inner_len)? + inner_len;
    let oid = content_type.to_der()?;
    let explicit = Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber(0),
    };
    let info_len = oid.len() + header_len(explicit, seq_len)? + seq_len;
    push_header(out, Tag::Sequence, info_len)?;
    out.extend_from_slice(&oid);
    push_header(out, explicit, seq_len)?;
    push_header(out, Tag::Sequence, inner_len)
}

/// The EncryptedContentInfo header, algorithm and encryptedContent
/// header, for a ciphertext of `ct_len` bytes; returns the bytes and the
/// full encoded length including the ciphertext.
fn encrypted_content_info_head(
    alg: &AlgorithmIdentifierOwned,
    ct_len: usize,
) -> Result<(Vec<u8>, usize)> {
    let implicit = Tag::ContextSpecific {
        constructed: false,
        number: der::TagNumber(0),
    };
    let mut body = ID_DATA.to_der()?;
    alg.encode_to_vec(&mut body)?;
    push_header(&mut body, implicit, ct_len)?;
    let body_len = body.len() + ct_len;
    let mut head = Vec::with_capacity(body.len() + 6);
    push_header(&mut head, Tag::Sequence, body_len)?;
    head.extend_from_slice(&body);
    let total = head.len() + ct_len;
    Ok((head, total))
}

/// ContentInfo(AuthEnvelopedData) with AES-256-GCM, no authAttrs, the GCM
/// tag as `mac` (RFC 5083 section 2.1, RFC 5084 section 3.2).
fn auth_enveloped(content: &[u8], cek: &[u8], recipient_infos: &[u8]) -> Result<Vec<u8>> {
    let mut nonce = [0u8; GCM_NONCE_LEN];
    rand::fill(&mut nonce);
    let (eci_head, eci_len) =
        encrypted_content_info_head(&aes256_gcm_algorithm_id(&nonce)?, content.len())?;
    let version = [0x02, 0x01, 0x00];
    let mac_len = header_len(Tag::OctetString, GCM_TAG_LEN)? + GCM_TAG_LEN;
    let inner_len = version.len() + recipient_infos.len() + eci_len + mac_len;
    let mut out = Vec::with_capacity(inner_len + 32);
    push_outer(&mut out, ID_CT_AUTH_ENVELOPED_DATA, inner_len)?;
    out.extend_from_slice(&version);
    out.extend_from_slice(recipient_infos);
    out.extend_from_slice(&eci_head);
    let start = out.len();
    out.extend_from_slice(content);
    let tag = aes256_gcm_seal(cek, &nonce, &mut out[start..])?;
    push_header(&mut out, Tag::OctetString, GCM_TAG_LEN)?;
    out.extend_from_slice(&tag);
    Ok(out)
}

/// ContentInfo(EnvelopedData) with AES-256-CBC (RFC 5652 section 6.1,
/// RFC 3565). Version 2 when a KeyAgreeRecipientInfo (version 3) is
/// present, else 0.
fn enveloped(
    content: &[u8],
    cek: &[u8],
    recipient_infos: &[u8],
    has_kari: bool,
) -> Result<Vec<u8>> {
    let mut iv = [0u8; BLOCK_LEN];
    rand::fill(&mut iv);
    let ct_len = cbc_padded_len(content.len());
    let (eci_head, eci_len) = encrypted_content_info_head(&aes256_cbc_algorithm_id(&iv)?, ct_len)?;
    let version = [0x02, 0x01, if has_kari { 2 } else { 0 }];
    let inner_len = version.len() + recipient_infos.len() + eci_len;
    let mut out = Vec::with_capacity(inner_len + 32);
    push_outer(&mut out, ID_ENVELOPED_DATA, inner_len)?;
    out.extend_from_slice(&version);
    out.extend_from_slice(recipient_infos);
    out.extend_from_slice(&eci_head);
    let start = out.len();
    out.extend_from_slice(content);
    out.resize(start + ct_len, 0);
    aes256_cbc_seal(cek, &iv, &mut out[start..], content.len())?;
    Ok(out)
}
