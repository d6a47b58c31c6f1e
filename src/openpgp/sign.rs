//! Detached signatures (RFC 9580 section 10.4), as PGP/MIME carries
//! them (RFC 3156 section 5): binary signatures over the exact bytes of
//! the signed entity, armored.

use std::cell::RefCell;
use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::armor;
use openpgp::packet::signature::SignatureBuilder;
use openpgp::parse::stream::DetachedVerifierBuilder;
use openpgp::parse::Parse;
use openpgp::serialize::stream::{Armorer, Message, Signer};
use openpgp::types::{HashAlgorithm, SignatureType};

use super::helper::{Collected, Helper, Mode};
use super::keys::{Keys, SigningKey};
use super::policy::{policy_at, system_time};
use super::{from_sequoia, no_panic, SigCheck};
use crate::error::{Error, Result};
use crate::time::Timestamp;

const WHAT: &str = "OpenPGP signature";

/// An armored detached signature and the `micalg` parameter that
/// names its hash.
#[derive(Debug, Clone)]
pub struct DetachedSignature {
    /// `-----BEGIN PGP SIGNATURE-----` ... with LF line ends.
    pub armored: Vec<u8>,
    /// e.g. `pgp-sha256`.
    pub micalg: String,
}

/// Signs `data` as it is (a binary signature, RFC 9580 section 5.2.1),
/// with signature creation time `at`, hashing with
/// [`SigningKey::hash_algo`], which `micalg` names.
pub fn sign_detached(signer: &SigningKey, data: &[u8], at: Timestamp) -> Result<DetachedSignature> {
    sign_detached_as(signer, data, at, SignatureType::Binary)
}

/// [`sign_detached`] as a text signature (type 0x01, RFC 9580 section
/// 5.2.1): line ends are hashed as CRLF whatever they are in `data`, as
/// `gpg --textmode` signs. A mail client that writes the part with local
/// line ends gets a signature that holds over the part as sent.
pub fn sign_detached_text(
    signer: &SigningKey,
    data: &[u8],
    at: Timestamp,
) -> Result<DetachedSignature> {
    sign_detached_as(signer, data, at, SignatureType::Text)
}

fn sign_detached_as(
    signer: &SigningKey,
    data: &[u8],
    at: Timestamp,
    typ: SignatureType,
) -> Result<DetachedSignature> {
    let crypto = |e: anyhow::Error| from_sequoia(e, WHAT);
    let mut armored = Vec::with_capacity(1024);
    let message = Armorer::new(Message::new(&mut armored))
        .kind(armor::Kind::Signature)
        .build()
        .map_err(crypto)?;
    let mut sink = signer_for(message, signer, typ, at)?
        .detached()
        .build()
        .map_err(crypto)?;
    sink.write_all(data)
        .map_err(|e| Error::Crypto(e.to_string()))?;
    sink.finalize().map_err(crypto)?;
    Ok(DetachedSignature {
        armored,
        micalg: micalg(signer.hash_algo()),
    })
}

/// A cleartext-signed text (RFC 9580 section 7), as inline PGP mail
/// carries it: the armor header, the dash-escaped text (trailing white
/// space removed, as the format requires) and a text signature, with LF
/// line ends.
pub fn sign_cleartext(signer: &SigningKey, text: &[u8], at: Timestamp) -> Result<Vec<u8>> {
    let crypto = |e: anyhow::Error| from_sequoia(e, WHAT);
    let mut out = Vec::with_capacity(text.len() + 1024);
    let mut sink = signer_for(Message::new(&mut out), signer, SignatureType::Text, at)?
        .cleartext()
        .build()
        .map_err(crypto)?;
    sink.write_all(text)
        .map_err(|e| Error::Crypto(e.to_string()))?;
    sink.finalize().map_err(crypto)?;
    Ok(out)
}

/// A streaming signer making `typ` signatures with `signer` at `at`.
fn signer_for<'a>(
    message: Message<'a>,
    signer: &SigningKey,
    typ: SignatureType,
    at: Timestamp,
) -> Result<Signer<'a>> {
    let crypto = |e: anyhow::Error| from_sequoia(e, WHAT);
    Ok(
        Signer::with_template(message, signer.keypair.clone(), SignatureBuilder::new(typ))
            .map_err(crypto)?
            .hash_algo(signer.hash_algo())
            .map_err(crypto)?
            .creation_time(system_time(at)),
    )
}

/// The RFC 3156 section 5 `micalg` value for a hash: "pgp-" and the
/// lower-cased textual name from RFC 9580 section 9.5.
pub fn micalg(hash: HashAlgorithm) -> String {
    let name = match hash {
        HashAlgorithm::MD5 => "md5",
        HashAlgorithm::SHA1 => "sha1",
        HashAlgorithm::RipeMD => "ripemd160",
        HashAlgorithm::SHA224 => "sha224",
        HashAlgorithm::SHA256 => "sha256",
        HashAlgorithm::SHA384 => "sha384",
        HashAlgorithm::SHA512 => "sha512",
        HashAlgorithm::SHA3_256 => "sha3-256",
        HashAlgorithm::SHA3_512 => "sha3-512",
        _ => return format!("pgp-{}", u8::from(hash)),
    };
    format!("pgp-{name}")
}

/// Checks every signature in `signature` (armored or binary) over
/// `data`, with certificates from `keys`, as of `at`. Malformed input,
/// or a signature block without signatures, is an `Err`; a signature
/// that does not check out is `Ok` with a bad or error status.
pub fn verify_detached(
    data: &[u8],
    signature: &[u8],
    keys: &dyn Keys,
    at: Timestamp,
) -> Result<Vec<SigCheck>> {
    no_panic(|| verify_unguarded(data, signature, keys, at))?
}

fn verify_unguarded(
    data: &[u8],
    signature: &[u8],
    keys: &dyn Keys,
    at: Timestamp,
) -> Result<Vec<SigCheck>> {
    let policy = policy_at(at);
    let collected = RefCell::new(Collected::default());
    let helper = Helper::new(keys, &policy, at, Mode::VerifyOnly, &collected);
    let fail = |e: anyhow::Error| from_sequoia(e, WHAT);
    let mut verifier = DetachedVerifierBuilder::from_bytes(signature)
        .map_err(fail)?
        .with_policy(&policy, system_time(at), helper)
        .map_err(fail)?;
    verifier.verify_bytes(data).map_err(fail)?;
    drop(verifier);
    let results = collected.into_inner().results;
    if results.is_empty() {
        return Err(Error::malformed(WHAT, "no signature packets"));
    }
    Ok(results)
}
