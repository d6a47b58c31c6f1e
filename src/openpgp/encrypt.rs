//! Encryption to several recipients (RFC 9580 sections 5.1 and 5.13),
//! optionally signed in the same pass (RFC 3156 section 6.2).
//!
//! Choices:
//! - Every valid encryption-capable key of every recipient gets a
//!   PKESK (transport and storage keys alike), as `sq` does.
//! - SEIPD v2 (AEAD, OCB) only when every recipient's certificate
//!   advertises it in its Features; otherwise SEIPD v1 with MDC. We make
//!   the PKESKs ourselves and give Sequoia's `Encryptor` only the session
//!   key, so the choice is ours alone (left to itself, it picks v2 when
//!   all its `Recipient`s claim v2, and `Recipient::new` assumes v2 when
//!   given no features).
//! - The symmetric cipher is one every recipient's certificate lists
//!   ([`super::ciphers`]): AES-256 between keys that list it, AES-128
//!   for a key that lists only that.
//! - Hidden recipients (Bcc) get anonymous PKESKs: a wildcard key ID
//!   (v3) or no recipient (v6).
//! - A signature inside names its intended recipients (against
//!   surreptitious forwarding) unless a recipient is hidden: listing a
//!   Bcc recipient there would reveal them to everyone.
//! - No compression: a MIME entity is usually compressed already where
//!   it matters, and compression before encryption leaks length.

use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::crypto::SessionKey;
use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::packet::pkesk::{PKESK3, PKESK6};
use openpgp::packet::signature::SignatureBuilder;
use openpgp::packet::{Key, Packet};
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message, Signer};
use openpgp::serialize::SerializeInto;
use openpgp::types::{
    AEADAlgorithm, Features, PublicKeyAlgorithm, RevocationStatus, SignatureType,
    SymmetricAlgorithm,
};
use openpgp::{Cert, Fingerprint};
use rayon::prelude::*;

use super::armor::armor_message;
use super::ciphers::{self, Ciphers};
use super::ecdh;
use super::from_sequoia;
use super::keys::SigningKey;
use super::policy::{policy_at, system_time};
use super::seipd;
use crate::error::{Error, Result};
use crate::safe::Safe;
use crate::time::Timestamp;

const WHAT: &str = "OpenPGP message";

/// One recipient of an encrypted message.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub cert: Cert,
    /// Hide who this recipient is (Bcc): anonymous key IDs.
    pub hidden: bool,
    /// Encrypt even though the certificate or its encryption keys have
    /// expired (asked for with `--trust-any`). Revoked keys are never
    /// used.
    pub expired_ok: bool,
}

/// An armored OpenPGP message and the kind of encryption container.
#[derive(Debug, Clone)]
pub struct Encrypted {
    /// `-----BEGIN PGP MESSAGE-----` ... with CRLF line ends.
    pub armored: Vec<u8>,
    /// 1: SEIPD v1 (CFB with MDC); 2: SEIPD v2 (AEAD).
    pub seipd_version: u8,
    /// The symmetric cipher of the content.
    pub cipher: SymmetricAlgorithm,
}

/// What encrypting to one recipient takes, once its certificate has
/// been judged: the keys that each get a PKESK.
#[derive(Debug, Clone)]
pub struct RecipientKeys {
    /// The certificate's primary fingerprint: named as an intended
    /// recipient in a signature inside the encryption.
    pub fingerprint: Fingerprint,
    /// Its valid encryption-capable keys.
    pub keys: Vec<Key<PublicParts, UnspecifiedRole>>,
    /// Whether the certificate advertises SEIPD v2 in its Features.
    pub seipd_v2: bool,
    /// The symmetric algorithms the certificate lists (AES-128 always).
    pub ciphers: Ciphers,
    /// Hide who this recipient is (Bcc): anonymous key IDs.
    pub hidden: bool,
}

/// Encrypts `plaintext` (as one binary literal packet) to every
/// recipient, signing it inside the encryption when `signer` is given.
/// A recipient without a valid encryption-capable key at `at` is an
/// [`Error::Recipients`] naming it.
///
/// The session key is wrapped for the recipients on all cores while the
/// content is encrypted: with a hundred recipients the key agreements
/// cost as much as encrypting a megabyte.
pub fn encrypt(
    plaintext: &[u8],
    recipients: &[Recipient],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Encrypted> {
    let sealed = encrypt_binary(plaintext, recipients, signer, at)?;
    Ok(sealed.armored())
}

/// [`encrypt`] to recipients whose keys are already chosen.
pub(crate) fn encrypt_chosen(
    plaintext: &[u8],
    chosen: &[RecipientKeys],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Encrypted> {
    Ok(encrypt_to_keys(plaintext, chosen, signer, at)?.armored())
}

/// An encrypted message in binary form: the PKESKs, then the container.
pub(crate) struct Sealed {
    pkesks: Vec<Vec<u8>>,
    container: Vec<u8>,
    seipd_version: u8,
    cipher: SymmetricAlgorithm,
}

impl Sealed {
    fn armored(&self) -> Encrypted {
        Encrypted {
            armored: armor_message(&self.parts()),
            seipd_version: self.seipd_version,
            cipher: self.cipher,
        }
    }

    /// The packets in order; joined, they are the message.
    pub(crate) fn parts(&self) -> Vec<&[u8]> {
        let mut parts: Vec<&[u8]> = self.pkesks.iter().map(Vec::as_slice).collect();
        parts.push(&self.container);
        parts
    }
}

/// [`encrypt`] without the armor, for callers that armor it where it
/// goes.
pub(crate) fn encrypt_binary(
    plaintext: &[u8],
    recipients: &[Recipient],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Sealed> {
    let chosen = recipients
        .par_iter()
        .map(|r| recipient_keys(&r.cert, r.hidden, r.expired_ok, at).map(|(keys, _)| keys))
        .collect::<Result<Vec<_>>>()?;
    encrypt_to_keys(plaintext, &chosen, signer, at)
}

/// [`encrypt_binary`] to recipients whose keys are already chosen.
pub(crate) fn encrypt_to_keys(
    plaintext: &[u8],
    chosen: &[RecipientKeys],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Sealed> {
    if chosen.is_empty() {
        return Err(Error::Recipients("no recipients".into()));
    }
    let v2 = chosen.iter().all(|c| c.seipd_v2);
    let named: Vec<Fingerprint> = if chosen.iter().any(|c| c.hidden) {
        Vec::new()
    } else {
        chosen.iter().map(|c| c.fingerprint.clone()).collect()
    };
    let cipher = ciphers::choose(chosen.iter().map(|c| c.ciphers));
    let session_key = SessionKey::new(cipher.key_size().map_err(fail)?).map_err(fail)?;
    let content = Content {
        cipher,
        v2,
        key: &session_key,
    };
    let (pkesks, container) = rayon::join(
        || wrap_for_all(chosen, &content),
        || seal(plaintext, &content, signer, &named, at),
    );
    Ok(Sealed {
        pkesks: pkesks?,
        container: container?,
        seipd_version: if v2 { 2 } else { 1 },
        cipher,
    })
}

/// How the content is encrypted: the container and its key.
struct Content<'k> {
    cipher: SymmetricAlgorithm,
    /// SEIPD v2 (else v1).
    v2: bool,
    key: &'k SessionKey,
}

fn fail(e: anyhow::Error) -> Error {
    from_sequoia(e, WHAT)
}

/// Whether `cert` can be encrypted to at `at`, or why not (an
/// [`Error::Recipients`] naming it): the check [`encrypt`] makes, for
/// choosing recipients before encrypting. With `expired_ok`, expired
/// keys count as usable, and `Ok(Some(why))` says that only this made
/// the certificate usable, and why (as the error without it would).
pub fn check_recipient(cert: &Cert, at: Timestamp, expired_ok: bool) -> Result<Option<String>> {
    recipient_keys(cert, false, expired_ok, at).map(|(_, expired)| expired)
}

/// A recipient's valid, non-revoked encryption-capable keys at `at`
/// (alive too, unless `expired_ok`), and, when only `expired_ok` lets
/// them pass, why (as the error without it would say).
pub fn recipient_keys(
    cert: &Cert,
    hidden: bool,
    expired_ok: bool,
    at: Timestamp,
) -> Result<(RecipientKeys, Option<String>)> {
    let policy = policy_at(at);
    let named = |why: &str| format!("{}: {why}", cert.fingerprint().to_hex());
    let not_usable = |why: &str| Error::Recipients(named(why));
    let valid = cert.with_policy(&policy, system_time(at)).map_err(|e| {
        not_usable(&format!(
            "certificate not valid: {}",
            Safe(&format!("{e:#}"))
        ))
    })?;
    // What the strict check would refuse for, while `expired_ok` lets
    // it pass.
    let mut expired = None;
    if let Err(e) = valid.alive() {
        let why = named(&format!("certificate expired: {}", Safe(&format!("{e:#}"))));
        if !expired_ok {
            return Err(Error::Recipients(why));
        }
        expired = Some(why);
    }
    if let RevocationStatus::Revoked(_) = valid.revocation_status() {
        return Err(not_usable("certificate revoked"));
    }
    let (live, dead): (Vec<_>, Vec<_>) = valid
        .keys()
        .supported()
        .revoked(false)
        .for_transport_encryption()
        .for_storage_encryption()
        .partition(|ka| ka.alive().is_ok());
    const NO_KEY: &str = "no valid encryption-capable key";
    if live.is_empty() && (!expired_ok || dead.is_empty()) {
        return Err(not_usable(NO_KEY));
    }
    if live.is_empty() {
        expired.get_or_insert_with(|| named(NO_KEY));
    }
    // Expired keys only when that is what `expired_ok` is for: beside
    // live ones, they are not used.
    let keys = live
        .into_iter()
        .chain(dead.into_iter().filter(|_| expired.is_some()))
        .map(|ka| ka.key().clone())
        .collect();
    let keys = RecipientKeys {
        fingerprint: cert.fingerprint(),
        keys,
        seipd_v2: valid
            .features()
            .unwrap_or_else(Features::empty)
            .supports_seipdv2(),
        ciphers: Ciphers::of(&valid),
        hidden,
    };
    Ok((keys, expired))
}

/// One serialized PKESK per chosen key: v6 (fingerprint) with SEIPD v2,
/// v3 (key ID) with v1; anonymous for hidden recipients.
fn wrap_for_all(chosen: &[RecipientKeys], content: &Content<'_>) -> Result<Vec<Vec<u8>>> {
    let jobs: Vec<(&Key<PublicParts, UnspecifiedRole>, bool)> = chosen
        .iter()
        .flat_map(|c| c.keys.iter().map(|k| (k, c.hidden)))
        .collect();
    jobs.par_iter()
        .map(|(key, hidden)| wrap(key, *hidden, content))
        .collect()
}

fn wrap(
    key: &Key<PublicParts, UnspecifiedRole>,
    hidden: bool,
    content: &Content<'_>,
) -> Result<Vec<u8>> {
    let sk = content.key;
    let packet: Packet = if content.v2 {
        let mut p = match ecdh::wrap(key, sk, None) {
            Some(esk) => PKESK6::new(None, PublicKeyAlgorithm::ECDH, esk?),
            None => PKESK6::for_recipient(sk, key),
        }
        .map_err(fail)?;
        p.set_recipient((!hidden).then(|| key.fingerprint()));
        p.into()
    } else {
        let mut p = match ecdh::wrap(key, sk, Some(content.cipher)) {
            Some(esk) => PKESK3::new(None, PublicKeyAlgorithm::ECDH, esk?),
            None => PKESK3::for_recipient(content.cipher, sk, key),
        }
        .map_err(fail)?;
        p.set_recipient((!hidden).then(|| key.keyid()));
        p.into()
    };
    packet.to_vec().map_err(fail)
}

/// The encryption container (binary): inside it the optional one-pass
/// signature around the literal data. SEIPD v1 is ours ([`seipd`]); v2,
/// and v1 beyond 4 GiB, Sequoia's.
fn seal(
    plaintext: &[u8],
    content: &Content<'_>,
    signer: Option<&SigningKey>,
    named: &[Fingerprint],
    at: Timestamp,
) -> Result<Vec<u8>> {
    let (cipher, sk) = (content.cipher, content.key);
    if !content.v2 {
        let sealed = match signer {
            None => match seipd::literal_header(plaintext.len()) {
                Some(header) => seipd::seal_v1(&[&header, plaintext], cipher, sk)?,
                None => None,
            },
            Some(s) => {
                let mut inner = Vec::with_capacity(plaintext.len() + 4096);
                let message = Message::new(&mut inner);
                write_signed_literal(message, plaintext, s, named, at)?;
                seipd::seal_v1(&[&inner], cipher, sk)?
            }
        };
        if let Some(sealed) = sealed {
            return Ok(sealed);
        }
    }
    // The container adds a few dozen bytes per 4 KiB chunk (v2) or a
    // prefix and an MDC (v1), and partial body length headers.
    let mut out = Vec::with_capacity(plaintext.len() + plaintext.len() / 64 + 4096);
    let mut encryptor =
        Encryptor::with_session_key(Message::new(&mut out), cipher, sk.clone()).map_err(fail)?;
    if content.v2 {
        encryptor = encryptor.aead_algo(AEADAlgorithm::default());
    }
    let message = encryptor.build().map_err(fail)?;
    match signer {
        Some(s) => write_signed_literal(message, plaintext, s, named, at)?,
        None => write_literal(message, plaintext)?,
    }
    Ok(out)
}

/// The one-pass signature, the literal data and the signature, written
/// to `message`, which is then finished.
fn write_signed_literal(
    message: Message<'_>,
    plaintext: &[u8],
    s: &SigningKey,
    named: &[Fingerprint],
    at: Timestamp,
) -> Result<()> {
    let mut template = SignatureBuilder::new(SignatureType::Binary);
    if !named.is_empty() {
        template = template.set_intended_recipients(named).map_err(fail)?;
    }
    let signing = Signer::with_template(message, s.keypair.clone(), template)
        .map_err(fail)?
        .hash_algo(s.hash_algo())
        .map_err(fail)?
        .creation_time(system_time(at));
    write_literal(signing.build().map_err(fail)?, plaintext)
}

/// The literal data packet, written to `message`, which is then
/// finished.
fn write_literal(message: Message<'_>, plaintext: &[u8]) -> Result<()> {
    let mut literal = LiteralWriter::new(message).build().map_err(fail)?;
    literal
        .write_all(plaintext)
        .map_err(|e| Error::Crypto(e.to_string()))?;
    literal.finalize().map_err(fail)
}
