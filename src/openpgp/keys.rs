//! Where this layer gets its keys: the [`Keys`] trait (implemented by
//! the keyring elsewhere), an in-memory implementation, and the signing
//! key chosen from a secret certificate.

use std::collections::HashMap;

use sequoia_openpgp as openpgp;

use openpgp::crypto::{KeyPair, Password};
use openpgp::packet::key::{SecretParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::types::HashAlgorithm;
use openpgp::{Cert, Fingerprint, KeyHandle, KeyID};

use super::policy::{policy_at, system_time};
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// A secret (sub)key as Sequoia hands it out.
pub type SecretKey = Key<SecretParts, UnspecifiedRole>;

/// The certificates and secret keys an operation may use.
///
/// Implementations should parse certificates once and hand out clones:
/// verification asks once per message, and batch verification asks for
/// thousands of messages.
pub trait Keys {
    /// Every certificate with a primary key or subkey that `handle`
    /// names (a key ID may name several).
    fn certs_for(&self, handle: &KeyHandle) -> Result<Vec<Cert>>;

    /// Our certificates that carry secret key material, encrypted or
    /// not (TSKs).
    fn secret_keys(&self) -> Result<Vec<Cert>>;

    /// A usable key pair for `key`, a secret key of `tsk`: decrypts the
    /// secret with the user's passphrase when it is encrypted
    /// ([`unlock_with`] does the work once a passphrase is known).
    fn unlock(&self, tsk: &Cert, key: &SecretKey) -> Result<KeyPair>;
}

/// Unlocks `key` with the first of `passwords` that decrypts it; an
/// unencrypted key needs none.
pub fn unlock_with(key: &SecretKey, passwords: &[Password]) -> Result<KeyPair> {
    let crypto = |e: anyhow::Error| Error::Crypto(e.to_string());
    if !key.secret().is_encrypted() {
        return key.clone().into_keypair().map_err(crypto);
    }
    let name = key.fingerprint().to_hex();
    if passwords.is_empty() {
        return Err(Error::NoPassphraseSource(name));
    }
    for p in passwords {
        if let Ok(k) = key.clone().decrypt_secret(p) {
            return k.into_keypair().map_err(crypto);
        }
    }
    Err(Error::WrongPassphrase(name))
}

/// Certificates held in memory, indexed by key ID, with the passphrases
/// that may unlock their secret keys.
#[derive(Default, Clone)]
pub struct MemoryKeys {
    certs: Vec<Cert>,
    by_keyid: HashMap<KeyID, Vec<usize>>,
    passwords: Vec<Password>,
}

impl MemoryKeys {
    pub fn new(certs: impl IntoIterator<Item = Cert>) -> Self {
        let mut keys = MemoryKeys::default();
        for c in certs {
            keys.add(c);
        }
        keys
    }

    /// Adds a certificate (or TSK); one with the same fingerprint is
    /// merged with it.
    pub fn add(&mut self, cert: Cert) {
        let fpr = cert.fingerprint();
        if let Some(old) = self.certs.iter_mut().find(|c| c.fingerprint() == fpr) {
            if let Ok(merged) = old.clone().merge_public_and_secret(cert) {
                *old = merged;
            }
            self.reindex();
            return;
        }
        self.certs.push(cert);
        self.reindex();
    }

    /// A passphrase to try on encrypted secret keys.
    pub fn with_password(mut self, password: Password) -> Self {
        self.passwords.push(password);
        self
    }

    pub fn certs(&self) -> &[Cert] {
        &self.certs
    }

    fn reindex(&mut self) {
        self.by_keyid.clear();
        for (i, c) in self.certs.iter().enumerate() {
            for k in c.keys() {
                let slot = self.by_keyid.entry(k.key().keyid()).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
    }
}

impl Keys for MemoryKeys {
    fn certs_for(&self, handle: &KeyHandle) -> Result<Vec<Cert>> {
        let keyid = KeyID::from(handle);
        let found = self.by_keyid.get(&keyid).map(Vec::as_slice);
        Ok(found
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.certs.get(i))
            .filter(|c| c.keys().any(|k| k.key().key_handle().aliases(handle)))
            .cloned()
            .collect())
    }

    fn secret_keys(&self) -> Result<Vec<Cert>> {
        Ok(self.certs.iter().filter(|c| c.is_tsk()).cloned().collect())
    }

    fn unlock(&self, _tsk: &Cert, key: &SecretKey) -> Result<KeyPair> {
        unlock_with(key, &self.passwords)
    }
}

/// An unlocked signing key, chosen once and reused for many signatures.
#[derive(Clone)]
pub struct SigningKey {
    pub(crate) keypair: KeyPair,
    /// The certificate's primary fingerprint.
    pub cert_fingerprint: Fingerprint,
}

impl SigningKey {
    /// The newest signing-capable key of `tsk` that is valid at `at`
    /// under the standard policy, unlocked through `keys`. A certificate
    /// revoked at `at` signs nothing, even with a subkey that is not.
    pub fn new(keys: &dyn Keys, tsk: &Cert, at: Timestamp) -> Result<Self> {
        let policy = policy_at(at);
        let not_usable = |why: String| Error::KeyNotFound {
            what: "valid OpenPGP signing key",
            query: format!("{} ({why})", tsk.fingerprint()),
        };
        let valid = tsk
            .with_policy(&policy, system_time(at))
            .map_err(|e| not_usable(e.to_string()))?;
        valid.alive().map_err(|e| not_usable(e.to_string()))?;
        if let openpgp::types::RevocationStatus::Revoked(_) = valid.revocation_status() {
            return Err(not_usable("the certificate is revoked".into()));
        }
        let key = valid
            .keys()
            .secret()
            .supported()
            .alive()
            .revoked(false)
            .for_signing()
            .max_by_key(|ka| ka.key().creation_time())
            .ok_or_else(|| not_usable("no secret signing key".into()))?;
        let keypair = keys.unlock(tsk, key.key())?;
        Ok(SigningKey {
            keypair,
            cert_fingerprint: tsk.fingerprint(),
        })
    }

    /// The fingerprint of the (sub)key that signs.
    pub fn key_fingerprint(&self) -> Fingerprint {
        self.keypair.public().fingerprint()
    }

    /// The hash this key signs with: SHA-256 (every implementation
    /// verifies it, and with SHA extensions it is the fastest SHA-2),
    /// unless the algorithm needs a longer digest (RFC 9580 sections
    /// 5.2.3 and 9.2: Ed448 needs 512 bits, ECDSA at least the curve
    /// size).
    pub fn hash_algo(&self) -> HashAlgorithm {
        use openpgp::crypto::mpi::PublicKey as Mpi;
        use openpgp::types::Curve;
        match self.keypair.public().mpis() {
            Mpi::Ed448 { .. } => HashAlgorithm::SHA512,
            Mpi::ECDSA { curve, .. } | Mpi::EdDSA { curve, .. } => match curve {
                Curve::NistP521 | Curve::BrainpoolP512 => HashAlgorithm::SHA512,
                Curve::NistP384 | Curve::BrainpoolP384 => HashAlgorithm::SHA384,
                _ => HashAlgorithm::SHA256,
            },
            _ => HashAlgorithm::SHA256,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openpgp::tests::util::{cert, AT};

    #[test]
    fn finds_certs_by_subkey_handle() {
        let alice = cert("alice@example.org");
        let keys = MemoryKeys::new([alice.clone()]);
        for k in alice.keys() {
            let by_fpr = keys.certs_for(&k.key().key_handle()).unwrap();
            assert_eq!(by_fpr.len(), 1);
            let by_id = keys.certs_for(&KeyHandle::from(k.key().keyid())).unwrap();
            assert_eq!(by_id[0].fingerprint(), alice.fingerprint());
        }
        assert_eq!(keys.secret_keys().unwrap().len(), 1);
        let public = MemoryKeys::new([alice.strip_secret_key_material()]);
        assert!(public.secret_keys().unwrap().is_empty());
    }

    #[test]
    fn fail_wrong_or_missing_passphrase() {
        let (tsk, _) = openpgp::cert::CertBuilder::general_purpose(Some("p@example.org"))
            .set_creation_time(system_time(Timestamp(AT.0 - 86_400)))
            .set_password(Some("right".into()))
            .generate()
            .unwrap();
        let none = MemoryKeys::new([tsk.clone()]);
        assert!(matches!(
            SigningKey::new(&none, &tsk, AT),
            Err(Error::NoPassphraseSource(_))
        ));
        let wrong = MemoryKeys::new([tsk.clone()]).with_password("wrong".into());
        assert!(matches!(
            SigningKey::new(&wrong, &tsk, AT),
            Err(Error::WrongPassphrase(_))
        ));
        let right = wrong.with_password("right".into());
        let key = SigningKey::new(&right, &tsk, AT).unwrap();
        assert_eq!(key.cert_fingerprint, tsk.fingerprint());
        assert_ne!(
            key.key_fingerprint(),
            tsk.fingerprint(),
            "signs with the subkey"
        );
    }

    #[test]
    fn fail_no_signing_key_when_expired() {
        let alice = cert("alice@example.org");
        let later = Timestamp(AT.0 + 10 * 365 * 86_400);
        let keys = MemoryKeys::new([alice.clone()]);
        assert!(matches!(
            SigningKey::new(&keys, &alice, later),
            Err(Error::KeyNotFound { .. })
        ));
    }
}
