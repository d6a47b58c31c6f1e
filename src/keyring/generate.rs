//! S/MIME key generation (placeholder until the keyring lands).
use super::{Keyring, StoredCert};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;

pub enum KeyAlgorithm {
    Rsa2048,
    Rsa3072,
    P256,
}

pub struct Generated {
    pub cert: StoredCert,
    pub csr_pem: String,
}

pub fn generate_smime(
    keyring: &Keyring,
    email: &str,
    name: &str,
    algorithm: KeyAlgorithm,
    days: u32,
    now: Timestamp,
    passphrase: &PassphraseSource,
) -> Result<Generated> {
    let _ = (keyring, email, name, algorithm, days, now, passphrase);
    Err(Error::Keyring("not built yet".into()))
}
