//! The trust model: X.509 paths to user-chosen anchors, and the verdict.

pub mod verdict;
pub mod x509;

use std::collections::HashMap;
use std::sync::Mutex;

use x509_cert::Certificate;

use crate::error::Result;
use crate::keyring::Keyring;
use crate::time::Timestamp;
use verdict::Trust;

/// Everything trust decisions need from the keyring, read once per run
/// (or once per batch), not once per signature, and judged at one time.
/// Decisions are cached per signer, address and offered intermediates, so
/// a mailbox of mail from one signer validates its path once.
pub struct TrustData {
    /// Every certificate in the keyring, for signatures that do not carry
    /// their signer's certificate.
    pub known: Vec<Certificate>,
    validator: x509::X509Validator,
    cache: Mutex<HashMap<String, Trust>>,
}

impl TrustData {
    /// Reads anchors, CA certificates and CRLs from the keyring; `at` is
    /// the time every decision is made for.
    pub fn load(keyring: &Keyring, at: Timestamp) -> Result<Self> {
        let anchors = keyring.anchors()?;
        let intermediates: Vec<Certificate> = keyring.all()?.into_iter().map(|c| c.cert).collect();
        let crls = keyring.crls()?;
        let ctx = x509::X509Context {
            anchors: &anchors,
            intermediates: &intermediates,
            crls: &crls,
            time: at,
        };
        Ok(TrustData {
            validator: x509::X509Validator::new(&ctx),
            known: intermediates,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The time decisions are made for.
    pub fn time(&self) -> Timestamp {
        self.validator.time()
    }

    /// The validity of `cert`'s binding to `email`.
    pub fn validate(
        &self,
        cert: &Certificate,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        let key = cache_key(cert, extra, email);
        if let Some(t) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return t;
        }
        let t = self.validator.validate(cert, extra, email);
        if let Ok(mut c) = self.cache.lock() {
            c.insert(key, t.clone());
        }
        t
    }
}

fn cache_key(cert: &Certificate, extra: &[Certificate], email: Option<&str>) -> String {
    use crate::smime::cert::fingerprint;
    let mut key = format!("{}|{}", fingerprint(cert), email.unwrap_or(""));
    for c in extra {
        key.push('|');
        key.push_str(&fingerprint(c));
    }
    key
}
