//! Keyring tests against inputs made by the real `openssl` binary.

mod fail;
mod formats;
mod ops;

use super::testutil::{pass, Scratch, PASS};
use super::Keyring;
use crate::error::Error;

/// A keyring in a not yet existing directory under `scratch`.
fn open(scratch: &Scratch, name: &str) -> Keyring {
    Keyring::open(&scratch.keyring_dir(name)).unwrap()
}

/// Imports with the test passphrase.
fn import(keyring: &Keyring, bytes: &[u8]) -> super::ImportSummary {
    keyring.import(bytes, &pass(PASS)).unwrap()
}

fn assert_counts(
    s: &super::ImportSummary,
    certs: usize,
    keys: usize,
    crls: usize,
    unchanged: usize,
) {
    assert_eq!(
        (s.certificates, s.secret_keys, s.crls, s.unchanged),
        (certs, keys, crls, unchanged),
        "{s:?}"
    );
}

/// Unlocks the only certificate for `email` and checks the key is its.
fn assert_unlocks(keyring: &Keyring, email: &str, passphrase: &str) {
    let found = keyring.by_email(email).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].has_secret);
    let key = keyring
        .unlock(&found[0].fingerprint, &pass(passphrase))
        .unwrap();
    assert!(key.matches(&found[0].cert));
}

fn assert_wrong_passphrase<T: std::fmt::Debug>(got: crate::error::Result<T>) {
    assert!(matches!(got, Err(Error::WrongPassphrase(_))), "{got:?}");
}
