//! Reading OpenPGP messages (RFC 9580 section 10.3): decryption with
//! our secret keys, and verification of the signatures inside.
//!
//! Nothing is returned until the whole message was read and, when it is
//! encrypted, authenticated: the plaintext is collected in memory and
//! dropped on any error. An error after a session key was accepted
//! means the ciphertext was altered ([`Error::IntegrityFailure`]): with
//! SEIPD v1 a change shows up as a bad MDC or as garbage packets, with
//! v2 as a failed AEAD tag.

use std::cell::RefCell;
use std::io::Read;

use sequoia_openpgp as openpgp;

use openpgp::parse::stream::{DecryptorBuilder, VerifierBuilder};
use openpgp::parse::Parse;

use super::armor::dearmor_message;
use super::helper::{Collected, EncryptedMarker, Helper, Mode};
use super::keys::Keys;
use super::policy::{policy_at, system_time};
use super::SigCheck;
use super::{from_sequoia, no_panic};
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// Decrypted content may be this large whatever the input size.
pub const MIN_PLAINTEXT_LIMIT: usize = 64 << 20;
/// Beyond [`MIN_PLAINTEXT_LIMIT`], content may be this many times the
/// size of the message: compression rarely gains more on mail, and the
/// cap keeps a compressed bomb from exhausting memory.
pub const MAX_EXPANSION: usize = 32;

const WHAT: &str = "OpenPGP message";

/// A decrypted message.
#[derive(Debug, Clone)]
pub struct Decrypted {
    pub plaintext: Vec<u8>,
    /// Signatures inside the encryption, in the order found.
    pub signatures: Vec<SigCheck>,
    /// 1: SEIPD v1 (MDC); 2: SEIPD v2 (AEAD).
    pub seipd_version: u8,
}

/// A message read without decrypting: its literal content and the
/// signatures over it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub content: Vec<u8>,
    pub signatures: Vec<SigCheck>,
}

/// Decrypts an OpenPGP message (armored or binary) with the secret keys
/// of `keys` and checks the signatures inside with its certificates.
///
/// Errors: [`Error::NotForUs`] when no key of ours is a recipient,
/// [`Error::Unauthenticated`] for a container without integrity
/// protection, [`Error::IntegrityFailure`] when the ciphertext was
/// changed, [`Error::NothingToDo`] when the message is not encrypted.
pub fn decrypt(message: &[u8], keys: &dyn Keys, at: Timestamp) -> Result<Decrypted> {
    let (plaintext, collected) = read(message, keys, at, Mode::Decrypt)?;
    let Some(seipd_version) = collected.seipd_version else {
        return Err(Error::NothingToDo(
            "the OpenPGP message is not encrypted".into(),
        ));
    };
    Ok(Decrypted {
        plaintext,
        signatures: collected.results,
        seipd_version,
    })
}

/// Reads a signed (not encrypted) message: an armored or binary
/// OpenPGP message, or a cleartext-signed text (RFC 9580 section 7).
/// Returns `Ok(None)` when the message is encrypted: verification never
/// decrypts (and so never asks for a passphrase).
pub fn open(message: &[u8], keys: &dyn Keys, at: Timestamp) -> Result<Option<Opened>> {
    match read(message, keys, at, Mode::VerifyOnly) {
        Ok((content, collected)) => Ok(Some(Opened {
            content,
            signatures: collected.results,
        })),
        Err(Encountered::Encrypted) => Ok(None),
        Err(Encountered::Error(e)) => Err(e),
    }
}

/// Why [`read`] stopped.
enum Encountered {
    /// Verify-only mode met an encryption container.
    Encrypted,
    Error(Error),
}

impl From<Encountered> for Error {
    fn from(e: Encountered) -> Self {
        match e {
            Encountered::Encrypted => Error::NothingToDo("the message is encrypted".into()),
            Encountered::Error(e) => e,
        }
    }
}

/// Dearmors, checks the container and runs Sequoia over the whole
/// message, collecting the content.
fn read(
    input: &[u8],
    keys: &dyn Keys,
    at: Timestamp,
    mode: Mode,
) -> Result<(Vec<u8>, Collected), Encountered> {
    let binary = dearmor_message(input).map_err(Encountered::Error)?;
    no_panic(|| {
        if mode == Mode::Decrypt {
            check_container(&binary).map_err(Encountered::Error)?;
        }
        read_unguarded(&binary, keys, at, mode)
    })
    .unwrap_or_else(|e| Err(Encountered::Error(e)))
}

/// The shortest SEIPD v1 ciphertext Sequoia 2.4.2 can start to decrypt
/// without panicking: the random prefix (block size + 2, at most 18)
/// and the reserved MDC packet (22). Shorter ones cannot hold a message
/// anyway (a literal packet takes at least 8 more bytes).
const MIN_SEIPD1_BODY: usize = 16 + 2 + 22;

/// What GnuPG 2.3 and later write to keys that advertise their "AEAD"
/// feature flag: the AEAD Encrypted Data packet of the RFC 4880bis
/// drafts, now LibrePGP's OCB Encrypted Data packet. RFC 9580 did not
/// adopt it (SEIPD v2 took its place) and Sequoia 2 dropped it.
const GNUPG_OCB: &str = "it is encrypted in GnuPG's OCB format (AEAD Encrypted Data, \
     packet tag 20, of LibrePGP and the RFC 4880bis drafts), which GnuPG 2.3 and later \
     write to keys that advertise it; mailseal reads SEIPD v1 and v2 (RFC 9580)";

/// Names GnuPG's OCB packet, which Sequoia only calls insecure, and
/// refuses a SEIPD v1 packet too short to hold a message. Sequoia
/// 2.4.2 unwraps a read of the MDC reserve when it decrypts one
/// (parse.rs, `PacketParser::decrypt_`), so anyone who can encrypt to
/// us could otherwise crash the process. Only the packets up to the
/// first container and its first bytes are read; compressed data is
/// entered (a compressed message may hold an encrypted one), encrypted
/// data cannot be and need not be: the helper refuses nested
/// encryption.
fn check_container(input: &[u8]) -> Result<()> {
    use openpgp::packet::{Packet, Tag, SEIP};
    use openpgp::parse::{PacketParser, PacketParserResult};
    let fail = |e: anyhow::Error| from_sequoia(e, WHAT);
    let mut ppr = PacketParser::from_bytes(input).map_err(fail)?;
    while let PacketParserResult::Some(mut pp) = ppr {
        if pp.packet.tag() == Tag::AED {
            return Err(Error::UnreadablePgpFormat(GNUPG_OCB.into()));
        }
        if let Packet::SEIP(SEIP::V1(_)) = pp.packet {
            let mut head = Vec::with_capacity(MIN_SEIPD1_BODY);
            (&mut pp)
                .take(MIN_SEIPD1_BODY as u64)
                .read_to_end(&mut head)
                .map_err(|e| fail(e.into()))?;
            if head.len() < MIN_SEIPD1_BODY {
                return Err(Error::malformed(WHAT, "the encrypted data is too short"));
            }
            return Ok(());
        }
        ppr = match pp.packet {
            Packet::CompressedData(_) => pp.recurse(),
            _ => pp.next(),
        }
        .map_err(fail)?
        .1;
    }
    Ok(())
}

/// Decrypts with Sequoia's `Decryptor`, or verifies with its
/// `Verifier` (which alone understands cleartext-signed text).
fn read_unguarded(
    input: &[u8],
    keys: &dyn Keys,
    at: Timestamp,
    mode: Mode,
) -> Result<(Vec<u8>, Collected), Encountered> {
    let policy = policy_at(at);
    let collected = RefCell::new(Collected::default());
    let helper = Helper::new(keys, &policy, at, mode, &collected);
    let fail = |e: anyhow::Error| classify(e, &collected);
    let limit = plaintext_limit(input.len());
    let t = system_time(at);
    let content = match mode {
        Mode::Decrypt => {
            let builder = DecryptorBuilder::from_bytes(input).map_err(fail)?;
            drain(
                builder.with_policy(&policy, t, helper).map_err(fail)?,
                limit,
            )
        }
        Mode::VerifyOnly => {
            let builder = VerifierBuilder::from_bytes(input).map_err(fail)?;
            drain(
                builder.with_policy(&policy, t, helper).map_err(fail)?,
                limit,
            )
        }
    };
    let content = content.map_err(|e| match e {
        Drained::Io(e) => fail(io_to_anyhow(e)),
        Drained::TooLarge => Encountered::Error(Error::malformed(
            WHAT,
            format!("the content is larger than {limit} bytes"),
        )),
    })?;
    Ok((content, collected.into_inner()))
}

enum Drained {
    Io(std::io::Error),
    TooLarge,
}

/// Reads everything `reader` gives, up to `limit` bytes.
fn drain(mut reader: impl Read, limit: usize) -> Result<Vec<u8>, Drained> {
    let mut content = Vec::with_capacity(limit.min(1 << 20));
    (&mut reader)
        .take(limit as u64 + 1)
        .read_to_end(&mut content)
        .map_err(Drained::Io)?;
    if content.len() > limit {
        return Err(Drained::TooLarge);
    }
    Ok(content)
}

/// The largest content accepted from an input of `len` bytes.
fn plaintext_limit(len: usize) -> usize {
    len.saturating_mul(MAX_EXPANSION).max(MIN_PLAINTEXT_LIMIT)
}

/// Sorts an error from Sequoia: our marker and our own errors as they
/// are; after a session key was accepted, anything but an algorithm the
/// policy refuses is an integrity failure.
fn classify(e: anyhow::Error, collected: &RefCell<Collected>) -> Encountered {
    if e.downcast_ref::<EncryptedMarker>().is_some() {
        return Encountered::Encrypted;
    }
    let ours = e.downcast_ref::<Error>().is_some();
    let decrypted = collected.borrow().decrypted;
    let err = from_sequoia(e, WHAT);
    if decrypted && !ours && !matches!(err, Error::Unsupported { .. }) {
        return Encountered::Error(Error::IntegrityFailure);
    }
    Encountered::Error(err)
}

/// Sequoia's readers wrap its errors in `io::Error`; unwrap them so
/// that our own errors and Sequoia's kinds can be told apart.
fn io_to_anyhow(e: std::io::Error) -> anyhow::Error {
    if e.get_ref().is_none() {
        return e.into();
    }
    match e.into_inner() {
        Some(inner) => match inner.downcast::<Error>() {
            Ok(ours) => anyhow::Error::from(*ours),
            Err(inner) => anyhow::Error::from_boxed(inner),
        },
        None => anyhow::anyhow!("read error"),
    }
}
