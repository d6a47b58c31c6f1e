//! Secret keys during decryption: each is unlocked at most once, and
//! passphrase problems are reported as such.

use std::cell::Cell;

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::crypto::KeyPair;
use openpgp::{Cert, KeyHandle};

use super::util::{cert, AT};
use crate::error::{Error, Result};
use crate::openpgp::keys::SecretKey;
use crate::openpgp::policy::system_time;
use crate::openpgp::*;
use crate::time::Timestamp;

/// Real keys, counting how often a secret key is unlocked.
struct Counting {
    inner: MemoryKeys,
    unlocks: Cell<usize>,
}

impl Keys for Counting {
    fn certs_for(&self, handle: &KeyHandle) -> Result<Vec<Cert>> {
        self.inner.certs_for(handle)
    }

    fn secret_keys(&self) -> Result<Vec<Cert>> {
        self.inner.secret_keys()
    }

    fn unlock(&self, tsk: &Cert, key: &SecretKey) -> Result<KeyPair> {
        self.unlocks.set(self.unlocks.get() + 1);
        self.inner.unlock(tsk, key)
    }
}

fn protected(email: &str) -> Cert {
    CertBuilder::general_purpose(Some(format!("<{email}>")))
        .set_creation_time(system_time(Timestamp(AT.0 - 86_400)))
        .set_password(Some("right".into()))
        .generate()
        .unwrap()
        .0
}

#[test]
fn each_key_is_unlocked_once_for_many_anonymous_pkesks() {
    let hidden: Vec<Recipient> = (0..5)
        .map(|i| Recipient {
            cert: cert(&format!("h{i}@example.org")),
            hidden: true,
            expired_ok: false,
        })
        .collect();
    let e = encrypt(b"x", &hidden, None, AT).unwrap();
    let keys = Counting {
        inner: MemoryKeys::new([cert("me@example.org")]),
        unlocks: Cell::new(0),
    };
    assert!(matches!(
        decrypt(&e.armored, &keys, AT),
        Err(Error::NotForUs)
    ));
    assert_eq!(keys.unlocks.get(), 1);
    // The last hidden recipient still finds its way in.
    let last = hidden[4].cert.clone();
    let keys = Counting {
        inner: MemoryKeys::new([cert("me@example.org"), last]),
        unlocks: Cell::new(0),
    };
    assert_eq!(decrypt(&e.armored, &keys, AT).unwrap().plaintext, b"x");
    assert_eq!(keys.unlocks.get(), 2);
}

#[test]
fn fail_passphrase_problems_are_reported() {
    let bob = protected("bob@example.org");
    let r = [Recipient {
        cert: bob.clone(),
        hidden: false,
        expired_ok: false,
    }];
    let e = encrypt(b"locked", &r, None, AT).unwrap();
    let none = MemoryKeys::new([bob.clone()]);
    assert!(matches!(
        decrypt(&e.armored, &none, AT),
        Err(Error::NoPassphraseSource(_))
    ));
    let wrong = MemoryKeys::new([bob.clone()]).with_password("wrong".into());
    assert!(matches!(
        decrypt(&e.armored, &wrong, AT),
        Err(Error::WrongPassphrase(_))
    ));
    let right = wrong.with_password("right".into());
    assert_eq!(
        decrypt(&e.armored, &right, AT).unwrap().plaintext,
        b"locked"
    );
}
