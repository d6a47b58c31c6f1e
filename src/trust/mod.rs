//! The trust model: X.509 paths to user-chosen anchors, and the verdict.

pub mod verdict;
pub mod x509;

use x509_cert::Certificate;

use crate::error::Result;
use crate::keyring::{Anchor, Keyring};
use crate::time::Timestamp;
use verdict::Trust;

/// Everything trust decisions need from the keyring, read once per run
/// (or once per batch), not once per signature.
pub struct TrustData {
    pub anchors: Vec<Anchor>,
    pub intermediates: Vec<Certificate>,
    pub crls: Vec<Vec<u8>>,
}

impl TrustData {
    pub fn load(keyring: &Keyring) -> Result<Self> {
        Ok(TrustData {
            anchors: keyring.anchors()?,
            intermediates: keyring.all()?.into_iter().map(|c| c.cert).collect(),
            crls: keyring.crls()?,
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
        let ctx = x509::X509Context {
            anchors: &self.anchors,
            intermediates: &self.intermediates,
            crls: &self.crls,
            time: at,
        };
        x509::validate(&ctx, cert, extra, email)
    }
}
