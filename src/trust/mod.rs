//! The trust model: X.509 paths to user-chosen anchors, and the verdict.

pub mod verdict;
pub mod x509;

use std::collections::HashMap;
use std::sync::Mutex;

use x509_cert::Certificate;

use crate::error::Result;
use crate::keyring::{Anchor, Keyring};
use crate::time::Timestamp;
use verdict::Trust;

/// Everything trust decisions need from the keyring, read once per run
/// (or once per batch), not once per signature. Decisions are cached per
/// signer, address, offered intermediates and time, so a mailbox of mail
/// from one signer validates its path once.
pub struct TrustData {
    pub anchors: Vec<Anchor>,
    pub intermediates: Vec<Certificate>,
    pub crls: Vec<Vec<u8>>,
    cache: Mutex<HashMap<String, Trust>>,
}

impl TrustData {
    pub fn load(keyring: &Keyring) -> Result<Self> {
        Ok(TrustData {
            anchors: keyring.anchors()?,
            intermediates: keyring.all()?.into_iter().map(|c| c.cert).collect(),
            crls: keyring.crls()?,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The validity of `cert`'s binding to `email` at `at`.
    pub fn validate(
        &self,
        at: Timestamp,
        cert: &Certificate,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        let key = cache_key(at, cert, extra, email);
        if let Some(t) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return t;
        }
        let ctx = x509::X509Context {
            anchors: &self.anchors,
            intermediates: &self.intermediates,
            crls: &self.crls,
            time: at,
        };
        let t = x509::validate(&ctx, cert, extra, email);
        if let Ok(mut c) = self.cache.lock() {
            c.insert(key, t.clone());
        }
        t
    }
}

fn cache_key(
    at: Timestamp,
    cert: &Certificate,
    extra: &[Certificate],
    email: Option<&str>,
) -> String {
    use crate::smime::cert::fingerprint;
    let mut key = format!("{}|{}|{}", at.0, fingerprint(cert), email.unwrap_or(""));
    for c in extra {
        key.push('|');
        key.push_str(&fingerprint(c));
    }
    key
}
