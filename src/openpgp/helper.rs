//! The helper Sequoia's streaming verifier and decryptor call back:
//! certificates come from [`Keys`], results are collected as
//! [`SigCheck`]s, and session keys are recovered with our secret keys.

use std::cell::RefCell;
use std::collections::HashMap;

use sequoia_openpgp as openpgp;

use openpgp::crypto::SessionKey;
use openpgp::packet::{Tag, PKESK, SKESK};
use openpgp::parse::stream::{
    DecryptionHelper, MessageLayer, MessageStructure, VerificationHelper,
};
use openpgp::parse::PacketParser;
use openpgp::policy::Policy;
use openpgp::types::SymmetricAlgorithm;
use openpgp::{Cert, Fingerprint, KeyHandle};

use super::decryptor::ProviderDecryptor;
use super::keys::{Keys, SecretKey};
use super::sigcheck::{from_result, SigCheck};
use crate::error::Error;
use crate::time::Timestamp;

/// What the helper may do when it meets an encrypted message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Decrypt with our secret keys.
    Decrypt,
    /// Stop: the caller only verifies, and an encrypted message is
    /// reported, not opened (no passphrase prompts during verify).
    VerifyOnly,
}

/// What the helper learned. It lives outside the helper because
/// Sequoia drops the helper when building the decryptor fails, and the
/// caller still needs to know how far decryption got.
#[derive(Default)]
pub(crate) struct Collected {
    pub results: Vec<SigCheck>,
    /// 1 or 2 for SEIPD v1 / v2, once the encryption layer was seen.
    pub seipd_version: Option<u8>,
    /// Whether a session key was accepted: errors from here on mean the
    /// ciphertext was altered.
    pub decrypted: bool,
}

/// Raised (inside Sequoia) in [`Mode::VerifyOnly`] when the message
/// turns out to be encrypted.
#[derive(Debug)]
pub(crate) struct EncryptedMarker;

impl std::fmt::Display for EncryptedMarker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the message is encrypted")
    }
}

impl std::error::Error for EncryptedMarker {}

pub(crate) struct Helper<'a> {
    keys: &'a dyn Keys,
    policy: &'a dyn Policy,
    at: Timestamp,
    mode: Mode,
    out: &'a RefCell<Collected>,
}

impl<'a> Helper<'a> {
    pub fn new(
        keys: &'a dyn Keys,
        policy: &'a dyn Policy,
        at: Timestamp,
        mode: Mode,
        out: &'a RefCell<Collected>,
    ) -> Self {
        Helper {
            keys,
            policy,
            at,
            mode,
            out,
        }
    }
}

impl VerificationHelper for Helper<'_> {
    /// In verify-only mode, stops at the first sign of encryption.
    fn inspect(&mut self, pp: &PacketParser<'_>) -> openpgp::Result<()> {
        let encrypted = matches!(
            pp.packet.tag(),
            Tag::PKESK | Tag::SKESK | Tag::SEIP | Tag::SED | Tag::AED
        );
        if self.mode == Mode::VerifyOnly && encrypted {
            return Err(EncryptedMarker.into());
        }
        Ok(())
    }

    fn get_certs(&mut self, ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        let mut out: Vec<Cert> = Vec::new();
        for id in ids {
            for c in self.keys.certs_for(id)? {
                if !out.iter().any(|o| o.fingerprint() == c.fingerprint()) {
                    out.push(c);
                }
            }
        }
        Ok(out)
    }

    fn check(&mut self, structure: MessageStructure<'_>) -> openpgp::Result<()> {
        let mut out = self.out.borrow_mut();
        for layer in structure {
            match layer {
                MessageLayer::Encryption { aead_algo, .. } => {
                    out.seipd_version = Some(if aead_algo.is_some() { 2 } else { 1 });
                }
                MessageLayer::SignatureGroup { results } => {
                    for r in &results {
                        out.results.push(from_result(r, self.policy, self.at));
                    }
                }
                MessageLayer::Compression { .. } => {}
            }
        }
        Ok(())
    }
}

impl DecryptionHelper for Helper<'_> {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        skesks: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        if self.mode == Mode::VerifyOnly {
            return Err(EncryptedMarker.into());
        }
        if self.out.borrow().decrypted {
            // Encryption inside encryption: nobody sends it, and the
            // inner container escapes the length check made on the
            // outer one before decrypting.
            return Err(Error::unsupported("OpenPGP message", "nested encryption").into());
        }
        let tsks = self.keys.secret_keys()?;
        let candidates = candidates(&tsks, pkesks);
        if candidates.is_empty() {
            return Err(not_for_us(skesks).into());
        }
        let addressed = candidates.iter().any(|(p, _, _)| p.recipient().is_some());
        let mut unlocked = Unlocked::default();
        for (pkesk, tsk, key) in candidates.into_iter().take(MAX_ATTEMPTS) {
            let Some(pair) = unlocked.get(self.keys, tsk, key) else {
                continue;
            };
            let opened = pkesk.decrypt(pair, sym_algo);
            if opened.is_some_and(|(algo, sk)| decrypt(algo, &sk)) {
                self.out.borrow_mut().decrypted = true;
                return Ok(Some(tsk.clone()));
            }
        }
        // Anonymous PKESKs that none of our keys opens are simply not
        // for us; one addressed to our key that fails is a failure.
        let key_error = unlocked
            .pairs
            .values_mut()
            .flatten()
            .find_map(ProviderDecryptor::take_key_error);
        Err(match unlocked.error.or(key_error) {
            Some(e) => e,
            None if !addressed => Error::NotForUs,
            None => Error::DecryptionFailed("our key does not recover the session key".into()),
        }
        .into())
    }
}

/// How many (PKESK, key) pairs one message may make us try: enough for
/// hundreds of hidden recipients, few enough that a message stuffed
/// with anonymous PKESKs cannot keep us busy for long.
const MAX_ATTEMPTS: usize = 1000;

/// Key pairs unlocked during one decryption, so that each key is
/// unlocked (and its passphrase asked for) at most once.
#[derive(Default)]
struct Unlocked {
    pairs: HashMap<Fingerprint, Option<ProviderDecryptor>>,
    /// The last unlock failure (e.g. a wrong passphrase).
    error: Option<Error>,
}

impl Unlocked {
    fn get(
        &mut self,
        keys: &dyn Keys,
        tsk: &Cert,
        key: &SecretKey,
    ) -> Option<&mut ProviderDecryptor> {
        let fpr = key.fingerprint();
        if !self.pairs.contains_key(&fpr) {
            let pair = keys
                .unlock(tsk, key)
                .map(ProviderDecryptor::new)
                .map_err(|e| self.error = Some(e))
                .ok();
            self.pairs.insert(fpr.clone(), pair);
        }
        self.pairs.get_mut(&fpr).and_then(Option::as_mut)
    }
}

/// Why no key of ours applies: only password-encrypted, or not ours.
fn not_for_us(skesks: &[SKESK]) -> Error {
    if skesks.is_empty() {
        Error::NotForUs
    } else {
        Error::unsupported(
            "OpenPGP message",
            "encrypted with a password only; decrypt it with `sq` or `gpg`",
        )
    }
}

/// Each (PKESK, certificate, secret key) worth a try, those addressed
/// to one of our keys first, then each of our encryption keys for each
/// anonymous (wildcard) PKESK.
fn candidates<'c, 'p>(
    tsks: &'c [Cert],
    pkesks: &'p [PKESK],
) -> Vec<(&'p PKESK, &'c Cert, &'c SecretKey)> {
    let mut out = Vec::new();
    for p in pkesks {
        let Some(recipient) = p.recipient() else {
            continue;
        };
        for tsk in tsks {
            for ka in tsk.keys().secret() {
                if ka.key().key_handle().aliases(&recipient) {
                    out.push((p, tsk, ka.key()));
                }
            }
        }
    }
    for p in pkesks.iter().filter(|p| p.recipient().is_none()) {
        for tsk in tsks {
            for ka in tsk.keys().secret() {
                if ka.key().pk_algo().for_encryption() && ka.key().pk_algo() == p.pk_algo() {
                    out.push((p, tsk, ka.key()));
                }
            }
        }
    }
    out
}
