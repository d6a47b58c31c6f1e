//! Detached signatures (RFC 9580 section 10.4), as PGP/MIME carries
//! them (RFC 3156 section 5): binary signatures over the exact bytes of
//! the signed entity, armored.

use std::cell::RefCell;
use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::armor;
use openpgp::parse::stream::DetachedVerifierBuilder;
use openpgp::parse::Parse;
use openpgp::serialize::stream::{Armorer, Message, Signer};
use openpgp::types::HashAlgorithm;

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
    let crypto = |e: anyhow::Error| from_sequoia(e, WHAT);
    let mut armored = Vec::with_capacity(1024);
    let message = Armorer::new(Message::new(&mut armored))
        .kind(armor::Kind::Signature)
        .build()
        .map_err(crypto)?;
    let mut sink = Signer::new(message, signer.keypair.clone())
        .map_err(crypto)?
        .hash_algo(signer.hash_algo())
        .map_err(crypto)?
        .creation_time(system_time(at))
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
