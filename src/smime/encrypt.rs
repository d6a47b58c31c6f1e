//! Encrypting for several recipients: AuthEnvelopedData (RFC 5083/5084,
//! AES-256-GCM) by default, EnvelopedData (AES-256-CBC) on request. One
//! content key, wrapped once per recipient.
//!
//! The recipient infos are built with the `cms` types, by every thread
//! that helps ([`Wrapping`]); the enclosing structures are written here so
//! the content is copied once into the output and encrypted there in
//! place. With many RSA recipients the key wrapping is most of the work.

use cms::enveloped_data::RecipientInfo;
use der::asn1::ObjectIdentifier;
use der::{Encode, Header, Length, Tag};
use spki::AlgorithmIdentifierOwned;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
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
use crate::keyring::KeptRecipient;

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
///
/// The steps are public so a caller can seal the content while it is
/// still choosing recipients: [`ContentKey::generate`], [`seal`],
/// [`Wrapping`], [`Envelope::new`].
pub fn encrypt(
    content: &[u8],
    recipients: &[Certificate],
    cipher: Cipher,
    padding: RsaPadding,
) -> Result<Vec<u8>> {
    let key = ContentKey::generate();
    let recipients: Vec<Recipient> = recipients
        .iter()
        .map(|c| Recipient::Certificate(Box::new(c.clone())))
        .collect();
    let wrapped = Wrapping::new(recipients, &key, padding)?.finish()?;
    let sealed = seal(content, &key, cipher)?;
    Ok(Envelope::new(&wrapped, sealed)?.to_der())
}

/// Someone the content key is wrapped for.
pub enum Recipient {
    /// A certificate: its key decides between RSA key transport and P-256
    /// key agreement.
    Certificate(Box<Certificate>),
    /// An RSA certificate's key and identifier as the keyring keeps them.
    Kept(KeptRecipient),
}

/// A fresh random content-encryption key (AES-256).
pub struct ContentKey(Zeroizing<[u8; CEK_LEN]>);

impl ContentKey {
    pub fn generate() -> Self {
        let mut cek = Zeroizing::new([0u8; CEK_LEN]);
        rand::fill(cek.as_mut_slice());
        ContentKey(cek)
    }
}

/// The RecipientInfos of a message: a DER `SET OF RecipientInfo`.
pub struct Wrapped {
    der: Vec<u8>,
    has_kari: bool,
}

/// The content key being wrapped once per recipient, by every thread
/// that calls [`Wrapping::help`]: each takes the next recipient nobody has
/// taken, so a thread that joins late (say, after sealing the content)
/// takes fewer, and whichever threads are running share the public-key
/// operations (most of the work with many recipients) without waiting for
/// the others. Errors are taken in recipient order, so the message is
/// stable.
pub struct Wrapping<'k> {
    recipients: Vec<Recipient>,
    key: &'k ContentKey,
    padding: RsaPadding,
    next: AtomicUsize,
    done: Vec<OnceLock<Result<WrappedFor>>>,
}

/// One recipient's RecipientInfo in DER.
struct WrappedFor {
    der: Vec<u8>,
    /// Key agreement (P-256), which raises the envelope's version.
    is_kari: bool,
}

impl<'k> Wrapping<'k> {
    pub fn new(
        recipients: Vec<Recipient>,
        key: &'k ContentKey,
        padding: RsaPadding,
    ) -> Result<Self> {
        if recipients.is_empty() {
            return Err(Error::Recipients("no recipients given".into()));
        }
        let done = std::iter::repeat_with(OnceLock::new)
            .take(recipients.len())
            .collect();
        Ok(Wrapping {
            recipients,
            key,
            padding,
            next: AtomicUsize::new(0),
            done,
        })
    }

    pub fn recipient_count(&self) -> usize {
        self.recipients.len()
    }

    /// Wraps for the recipients nobody has taken, until none is left.
    pub fn help(&self) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let (Some(recipient), Some(slot)) = (self.recipients.get(i), self.done.get(i)) else {
                return;
            };
            let _ = slot.set(wrap_to_der(recipient, self.key.0.as_slice(), self.padding));
        }
    }

    /// The RecipientInfos. Taking `self` means every other helper has
    /// returned; what nobody took yet is wrapped here.
    pub fn finish(self) -> Result<Wrapped> {
        self.help();
        let mut has_kari = false;
        let mut infos = Vec::with_capacity(self.done.len());
        for slot in self.done {
            let wrapped = slot.into_inner().unwrap_or_else(|| {
                Err(Error::Crypto("a recipient's key was not wrapped".into()))
            })?;
            has_kari |= wrapped.is_kari;
            infos.push(wrapped.der);
        }
        Ok(Wrapped {
            der: der_set_of(infos)?,
            has_kari,
        })
    }
}

fn wrap_to_der(recipient: &Recipient, cek: &[u8], padding: RsaPadding) -> Result<WrappedFor> {
    let info = wrap_for(recipient, cek, padding)?;
    Ok(WrappedFor {
        der: info.to_der()?,
        is_kari: matches!(info, RecipientInfo::Kari(_)),
    })
}

/// The encrypted content: the EncryptedContentInfo up to the ciphertext,
/// the ciphertext, and for AuthEnvelopedData the `mac` (the GCM tag).
pub struct Sealed {
    cipher: Cipher,
    head: Vec<u8>,
    body: Vec<u8>,
    mac: Vec<u8>,
}

/// Encrypts the content once: AES-256-GCM (RFC 5084: 12-byte nonce,
/// 16-byte tag) or AES-256-CBC with PKCS#7 padding (RFC 3565).
pub fn seal(content: &[u8], key: &ContentKey, cipher: Cipher) -> Result<Sealed> {
    seal_owned(content.to_vec(), key, cipher)
}

/// [`seal`], encrypting `content` in place.
pub fn seal_owned(mut content: Vec<u8>, key: &ContentKey, cipher: Cipher) -> Result<Sealed> {
    let cek = key.0.as_slice();
    match cipher {
        Cipher::Aes256Gcm => {
            let mut nonce = [0u8; GCM_NONCE_LEN];
            rand::fill(&mut nonce);
            let (head, _) =
                encrypted_content_info_head(&aes256_gcm_algorithm_id(&nonce)?, content.len())?;
            let tag = aes256_gcm_seal(cek, &nonce, &mut content)?;
            let mut mac = Vec::with_capacity(GCM_TAG_LEN + 2);
            push_header(&mut mac, Tag::OctetString, GCM_TAG_LEN)?;
            mac.extend_from_slice(&tag);
            Ok(Sealed {
                cipher,
                head,
                body: content,
                mac,
            })
        }
        Cipher::Aes256Cbc => {
            let mut iv = [0u8; BLOCK_LEN];
            rand::fill(&mut iv);
            let plain_len = content.len();
            let ct_len = cbc_padded_len(plain_len);
            let (head, _) = encrypted_content_info_head(&aes256_cbc_algorithm_id(&iv)?, ct_len)?;
            content.resize(ct_len, 0);
            aes256_cbc_seal(cek, &iv, &mut content, plain_len)?;
            Ok(Sealed {
                cipher,
                head,
                body: content,
                mac: Vec::new(),
            })
        }
    }
}

/// A whole ContentInfo in pieces that concatenate to its DER, so a large
/// ciphertext is never copied again.
pub struct Envelope {
    head: Vec<u8>,
    sealed: Sealed,
}

impl Envelope {
    /// ContentInfo(AuthEnvelopedData) (RFC 5083 section 2.1, no
    /// authAttrs) for GCM; ContentInfo(EnvelopedData) (RFC 5652 section
    /// 6.1) for CBC, version 2 when a KeyAgreeRecipientInfo is present.
    pub fn new(wrapped: &Wrapped, sealed: Sealed) -> Result<Envelope> {
        let (content_type, version) = match sealed.cipher {
            Cipher::Aes256Gcm => (ID_CT_AUTH_ENVELOPED_DATA, 0),
            Cipher::Aes256Cbc => (ID_ENVELOPED_DATA, if wrapped.has_kari { 2 } else { 0 }),
        };
        let version = [0x02, 0x01, version];
        let inner_len = version.len()
            + wrapped.der.len()
            + sealed.head.len()
            + sealed.body.len()
            + sealed.mac.len();
        let mut head = Vec::with_capacity(wrapped.der.len() + 64);
        push_outer(&mut head, content_type, inner_len)?;
        head.extend_from_slice(&version);
        head.extend_from_slice(&wrapped.der);
        Ok(Envelope { head, sealed })
    }

    /// The pieces, in order.
    pub fn parts(&self) -> [&[u8]; 4] {
        [
            &self.head,
            &self.sealed.head,
            &self.sealed.body,
            &self.sealed.mac,
        ]
    }

    pub fn to_der(&self) -> Vec<u8> {
        self.parts().concat()
    }
}

/// The RecipientInfo for one recipient: a certificate by its key type, a
/// kept one by RSA key transport.
fn wrap_for(recipient: &Recipient, cek: &[u8], padding: RsaPadding) -> Result<RecipientInfo> {
    let cert = match recipient {
        Recipient::Certificate(cert) => cert,
        Recipient::Kept(kept) => {
            return RsaRecipient::from_der_parts(&kept.spki, &kept.rid)?.wrap(cek, padding)
        }
    };
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
