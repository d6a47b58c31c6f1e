//! Whole-message S/MIME signing and encryption: choosing the signer and
//! the recipients from the keyring, then assembling the MIME output.

use x509_cert::Certificate;

use super::capabilities::Reader;
use super::cert;
use super::cipher_choice::{self, CipherChoice, CipherRequest};
use super::encrypt::{self, RsaPadding};
use super::key::PrivateKey;
use super::sign::{self, Signer};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::keyring::{Keyring, StoredCert};
use crate::mime::{self, HeaderField, SignaturePart};
use crate::time::Timestamp;
use crate::trust::own;
use crate::trust::x509::{check_usage, Purpose};
use crate::trust::TrustData;

const SIGNATURE_TYPE: &str = "application/pkcs7-signature";

pub struct SignOptions<'a> {
    /// Key to sign with; default: the From address's.
    pub signer: Option<&'a str>,
    /// application/pkcs7-mime signed-data instead of multipart/signed.
    pub opaque: bool,
}

pub struct EncryptOptions<'a> {
    /// Recipients named on the command line; empty: To, Cc and Bcc.
    pub recipients: &'a [String],
    /// Also encrypt to the sender's own certificate.
    pub include_self: bool,
    /// Sign inside the encryption with this signer (None: no signature).
    pub sign: Option<SignOptions<'a>>,
    /// The content encryption, or how to choose it.
    pub cipher: CipherRequest,
    pub padding: RsaPadding,
    /// Accept recipient certificates without full validity.
    pub trust_any: bool,
}

/// Signs a whole message; outer headers stay outside.
pub fn sign_message(ctx: &Ctx, raw: &[u8], opts: &SignOptions<'_>) -> Result<Vec<u8>> {
    let protected = mime::split_for_protection(raw)?;
    let signer = choose_signer(ctx, ctx.keyring()?, &protected.outer, opts.signer)?;
    sign_entity(
        ctx,
        &signer,
        &protected.outer,
        &protected.entity,
        opts.opaque,
    )
}

/// Encrypts a whole message (optionally signing it first) to its recipients.
pub fn encrypt_message(ctx: &Ctx, raw: &[u8], opts: &EncryptOptions<'_>) -> Result<Vec<u8>> {
    Ok(prepare_encrypted(ctx, raw, opts)?.to_vec())
}

/// An encrypted message ready to be written: its outer header fields and
/// the envelope in pieces, base64-encoded only as it is written, and the
/// content encryption chosen for it.
pub struct EncryptedMessage {
    outer: Vec<HeaderField>,
    envelope: encrypt::Envelope,
    pub choice: CipherChoice,
}

impl EncryptedMessage {
    /// Writes the whole message; nothing here can fail but `w`.
    pub fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        mime::write_pkcs7_mime_parts(
            w,
            &self.outer,
            self.choice.content_type,
            &self.envelope.parts(),
        )
    }

    pub fn to_vec(&self) -> Vec<u8> {
        mime::build_pkcs7_mime_parts(
            &self.outer,
            self.choice.content_type,
            &self.envelope.parts(),
        )
    }
}

/// [`encrypt_message`] up to the output, which the caller streams with
/// [`EncryptedMessage::write_to`].
///
/// The content encryption depends on the recipients (RFC 8551 section
/// 2.7, [`cipher_choice`]), so the work goes in two rounds. Recipients
/// come from the header alone: large content is canonicalized on the
/// thread pool while the recipients' certificates are looked up and
/// judged here; then it is sealed on the pool while the content key is
/// wrapped here (with many recipients, the pool's threads help wrap).
pub fn prepare_encrypted(
    ctx: &Ctx,
    raw: &[u8],
    opts: &EncryptOptions<'_>,
) -> Result<EncryptedMessage> {
    let (headers, _) = mime::split_message(raw)?;
    let outer: Vec<HeaderField> = headers
        .iter()
        .filter(|h| !mime::is_mime_field(h) && !h.name.eq_ignore_ascii_case("Bcc"))
        .cloned()
        .collect();
    let key = encrypt::ContentKey::generate();
    let signed = match &opts.sign {
        Some(sign_opts) => Some(signed_entity(ctx, raw, sign_opts)?),
        None => None,
    };
    let entity = move || match signed {
        Some(entity) => Ok(entity),
        None => mime::split_for_protection(raw).map(|p| p.entity),
    };
    let choose = || -> Result<_> {
        let chosen = super::recipients::choose(ctx, &headers, opts)?;
        let choice = cipher_choice::choose(ctx.keyring()?, &chosen.named, opts.cipher)?;
        Ok((chosen.recipients, choice))
    };
    let large = raw.len() >= SEPARATE_SEALING;
    let (entity, chosen) = if large {
        beside(entity, choose)
    } else {
        let entity = entity();
        (Some(entity), choose())
    };
    let (recipients, choice) = chosen?;
    let entity =
        entity.unwrap_or_else(|| Err(Error::Crypto("content preparation failed".into())))?;
    let cipher = choice.chosen;
    let key_ref = &key;
    // The entity is encrypted in place: the content is not copied again.
    let seal = move || encrypt::seal_owned(entity, key_ref, cipher);
    let wrap = || encrypt::Wrapping::new(recipients, key_ref, opts.padding).and_then(wrap_shared);
    let (sealed, wrapped) = if large {
        beside(seal, wrap)
    } else {
        let sealed = seal();
        (Some(sealed), wrap())
    };
    let sealed = sealed.unwrap_or_else(|| Err(Error::Crypto("content encryption failed".into())));
    let envelope = encrypt::Envelope::new(&wrapped?, sealed?)?;
    Ok(EncryptedMessage {
        outer,
        envelope,
        choice,
    })
}

/// Content from which preparing and sealing it on a second thread is
/// worth the thread pool; smaller content is sealed in less time than
/// starting it takes.
const SEPARATE_SEALING: usize = 128 * 1024;

/// Recipients from which wrapping the content key is worth the thread
/// pool's help (for fewer, starting it would cost more than it saves).
const SHARED_WRAPPING: usize = 16;

/// Runs `on_pool` on one of the thread pool's threads while `here` runs
/// on this one. (The pool's threads are already running when a large
/// message file was read beside the keyring opening: no thread is started
/// for it.) The pool's job never waits for this thread, so a pool of one
/// thread cannot deadlock. `None` if the job did not run to its end.
fn beside<A: Send, B>(
    on_pool: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (Option<A>, B) {
    let mut done = None;
    let b = rayon::in_place_scope(|pool| {
        let slot = &mut done;
        pool.spawn(move |_| *slot = Some(on_pool()));
        here()
    });
    (done, b)
}

/// Wraps the content key on this thread and, for many recipients, on the
/// pool's threads too: whichever of them has a core free takes part.
fn wrap_shared(wrapping: encrypt::Wrapping<'_>) -> Result<encrypt::Wrapped> {
    if wrapping.recipient_count() >= SHARED_WRAPPING {
        rayon::in_place_scope(|pool| {
            for _ in 0..rayon::current_num_threads() {
                pool.spawn(|_| wrapping.help());
            }
            wrapping.help();
        });
    }
    wrapping.finish()
}

/// The signed MIME entity (multipart/signed or signed-data, without outer
/// headers) that sign-then-encrypt puts inside the encryption.
fn signed_entity(ctx: &Ctx, raw: &[u8], opts: &SignOptions<'_>) -> Result<Vec<u8>> {
    let protected = mime::split_for_protection(raw)?;
    let signer = choose_signer(ctx, ctx.keyring()?, &protected.outer, opts.signer)?;
    sign_entity(ctx, &signer, &[], &protected.entity, opts.opaque)
}

/// Signs `entity` as `stored` and wraps it with the `outer` header fields
/// (none for the inner part of sign-then-encrypt).
pub fn sign_entity(
    ctx: &Ctx,
    stored: &StoredCert,
    outer: &[HeaderField],
    entity: &[u8],
    opaque: bool,
) -> Result<Vec<u8>> {
    let keyring = ctx.keyring()?;
    let key = unlock(ctx, keyring, stored)?;
    let chain = chain_for(keyring, &stored.cert)?;
    let signer = Signer {
        key: &key,
        cert: &stored.cert,
        chain: &chain,
        reader: Reader::Mailseal,
    };
    let der = sign::sign(entity, &signer, ctx.at, !opaque)?;
    if opaque {
        return Ok(mime::build_pkcs7_mime(outer, "signed-data", &der));
    }
    let part = SignaturePart {
        content_type: SIGNATURE_TYPE,
        filename: "smime.p7s",
        data: &der,
    };
    Ok(mime::build_multipart_signed(
        outer,
        entity,
        SIGNATURE_TYPE,
        sign::micalg(&signer),
        &part,
    ))
}

/// Unlocks the secret key of a stored certificate with the run's passphrase.
pub fn unlock(ctx: &Ctx, keyring: &Keyring, stored: &StoredCert) -> Result<PrivateKey> {
    keyring.unlock(&stored.fingerprint, &ctx.passphrase)
}

/// Whether an own S/MIME certificate can sign for `--signer` or the
/// From address, for choosing the protocol; if not, why.
pub fn check_signer(ctx: &Ctx, outer: &[HeaderField], query: Option<&str>) -> Result<()> {
    choose_signer(ctx, ctx.keyring()?, outer, query).map(|_| ())
}

/// The own certificate that `query` (a fingerprint, an address, a name)
/// names, as `sign --signer` chooses it: with a secret key, allowed to
/// sign, current and not revoked.
pub fn own_signer(ctx: &Ctx, keyring: &Keyring, query: &str) -> Result<StoredCert> {
    choose_signer(ctx, keyring, &[], Some(query))
}

/// The signing certificate: `--signer`, else the one for the From address.
/// An own certificate that is expired at the reference time, or revoked by
/// an imported CRL, never signs: when every own certificate for the
/// address is such a one, the error names each and why.
fn choose_signer(
    ctx: &Ctx,
    keyring: &Keyring,
    outer: &[HeaderField],
    query: Option<&str>,
) -> Result<StoredCert> {
    let query = match query {
        Some(q) => q.to_string(),
        None => single_from(outer).ok_or_else(|| {
            Error::Usage(
                "the message has no single From address; name the key with --signer".into(),
            )
        })?,
    };
    let candidates = if query.contains('@') {
        keyring.by_email(&query.to_ascii_lowercase())?
    } else {
        keyring.find(&query)?
    };
    let own: Vec<StoredCert> = candidates
        .into_iter()
        .filter(|c| c.has_secret && check_usage(&c.cert, Purpose::Sign).is_ok())
        .collect();
    if own.is_empty() {
        return Err(Error::KeyNotFound {
            what: "valid S/MIME signing key",
            query,
        });
    }
    let crls = match keyring.crls()?.is_empty() {
        true => None,
        false => Some(TrustData::load(keyring, ctx.at)?),
    };
    let mut unusable = Vec::new();
    let mut usable = Vec::new();
    for c in own {
        match own::x509_unusable(&c.cert, ctx.at, crls.as_ref()) {
            Some(why) => unusable.push(own::x509_cert_line(&c.fingerprint, &c.cert, &why)),
            None => usable.push(c),
        }
    }
    newest(usable).ok_or_else(|| {
        own::unusable_error(
            &format!(
                "none of your S/MIME certificates for {} can sign",
                crate::safe::Safe(&query)
            ),
            unusable,
        )
    })
}

/// The single From address, lower-cased; None for zero or several.
pub fn single_from(headers: &[HeaderField]) -> Option<String> {
    let from = mime::addresses(headers, "From");
    match from.as_slice() {
        [one] => Some(one.email.clone()),
        _ => None,
    }
}

/// Intermediate CA certificates from the keyring that lead from `leaf`
/// towards its root, to include with a signature (the root itself is left
/// out: verifiers must have it already).
pub fn chain_for(keyring: &Keyring, leaf: &Certificate) -> Result<Vec<Certificate>> {
    let all = keyring.all()?;
    let mut chain = Vec::new();
    let mut current = leaf.clone();
    for _ in 0..8 {
        let issuer = current.tbs_certificate().issuer();
        if issuer == current.tbs_certificate().subject() {
            break;
        }
        let Some(next) = all
            .iter()
            .find(|c| c.cert.tbs_certificate().subject() == issuer)
        else {
            break;
        };
        if next.cert.tbs_certificate().issuer() == next.cert.tbs_certificate().subject() {
            break;
        }
        chain.push(next.cert.clone());
        current = next.cert.clone();
    }
    Ok(chain)
}

/// Of our own certificates (with a secret key), the newest that is valid
/// at `at` and allows `purpose`.
pub(super) fn best_own(
    candidates: Vec<StoredCert>,
    at: Timestamp,
    purpose: Purpose,
) -> Option<StoredCert> {
    newest(
        candidates
            .into_iter()
            .filter(|c| c.has_secret && cert::valid_at(&c.cert, at))
            .filter(|c| check_usage(&c.cert, purpose).is_ok()),
    )
}

/// The certificate issued last: the one a user most likely means.
pub(super) fn newest(certs: impl IntoIterator<Item = StoredCert>) -> Option<StoredCert> {
    certs.into_iter().max_by_key(|c| cert::validity(&c.cert).0)
}
