//! The keyring as the OpenPGP layer's source of certificates and secret
//! keys. Secret keys are unlocked with the user's passphrase source; an
//! unlocked key is kept for the rest of the process, so signing and
//! decrypting in one run asks once.

use std::collections::HashMap;
use std::sync::Mutex;

use sequoia_openpgp::crypto::KeyPair;
use sequoia_openpgp::{Cert, Fingerprint, KeyHandle};

use super::keys::{Keys, SecretKey};
use crate::error::{Error, Result};
use crate::keyring::Keyring;
use crate::passphrase::PassphraseSource;

pub struct KeyringKeys<'a> {
    keyring: &'a Keyring,
    passphrase: Option<&'a PassphraseSource>,
    unlocked: Mutex<HashMap<Fingerprint, KeyPair>>,
    /// Certificates already looked up, by the handle asked for: a batch
    /// of mail from few signers reads and parses each certificate once.
    certs: Mutex<HashMap<String, Vec<Cert>>>,
}

impl<'a> KeyringKeys<'a> {
    /// `passphrase` is `None` where no secret key is needed (verifying).
    pub fn new(keyring: &'a Keyring, passphrase: Option<&'a PassphraseSource>) -> Self {
        KeyringKeys {
            keyring,
            passphrase,
            unlocked: Mutex::new(HashMap::new()),
            certs: Mutex::new(HashMap::new()),
        }
    }
}

impl Keys for KeyringKeys<'_> {
    fn certs_for(&self, handle: &KeyHandle) -> Result<Vec<Cert>> {
        let key = handle.to_hex();
        if let Some(known) = self.certs.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(known);
        }
        let found: Vec<Cert> = self
            .keyring
            .pgp_by_key_handle(handle)?
            .into_iter()
            .map(|s| s.cert)
            .collect();
        if let Ok(mut m) = self.certs.lock() {
            m.insert(key, found.clone());
        }
        Ok(found)
    }

    fn secret_keys(&self) -> Result<Vec<Cert>> {
        self.keyring
            .pgp_with_secret()?
            .iter()
            .map(|s| self.keyring.pgp_secret(&s.fingerprint))
            .collect()
    }

    fn unlock(&self, tsk: &Cert, key: &SecretKey) -> Result<KeyPair> {
        let fpr = key.fingerprint();
        if let Some(pair) = self.unlocked.lock().ok().and_then(|m| m.get(&fpr).cloned()) {
            return Ok(pair);
        }
        let source = self.passphrase.ok_or_else(|| {
            Error::NoPassphraseSource("no passphrase source for this operation".into())
        })?;
        let secret =
            self.keyring
                .pgp_unlock(&tsk.fingerprint().to_hex(), &KeyHandle::from(&fpr), source)?;
        let pair = secret
            .into_keypair()
            .map_err(|e| Error::Crypto(format!("OpenPGP key {fpr}: {e}")))?;
        if let Ok(mut m) = self.unlocked.lock() {
            m.insert(fpr, pair.clone());
        }
        Ok(pair)
    }
}
