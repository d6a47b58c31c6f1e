//! The keyring: a directory holding one SQLite database with certificates,
//! passphrase-protected secret keys, CRLs and trust anchors.
//!
//! Every change is one transaction, so a crash or a concurrent process
//! never sees anything half-written. Lookups by address and fingerprint use
//! indexes.

use std::path::{Path, PathBuf};

use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::smime::key::PrivateKey;

/// An X.509 certificate as stored.
#[derive(Debug, Clone)]
pub struct StoredCert {
    /// SHA-256 of the DER, upper-case hex.
    pub fingerprint: String,
    pub cert: Certificate,
    /// Lower-cased rfc822Name SANs and subject emailAddress values.
    pub emails: Vec<String>,
    /// Whether a secret key for it is in the keyring.
    pub has_secret: bool,
}

/// A trust anchor and the mail domains it is believed for (empty: all).
#[derive(Debug, Clone)]
pub struct Anchor {
    pub fingerprint: String,
    pub cert: Certificate,
    pub domains: Vec<String>,
}

/// What one `import` call added.
#[derive(Debug, Default, Clone)]
pub struct ImportSummary {
    pub certificates: usize,
    pub secret_keys: usize,
    pub crls: usize,
    pub unchanged: usize,
}

pub struct Keyring {
    dir: PathBuf,
}

impl Keyring {
    /// Opens the keyring in `dir`, creating it (mode 0700) if needed.
    pub fn open(dir: &Path) -> Result<Self> {
        Ok(Keyring {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Imports everything recognisable in `bytes` (PEM or DER certificates,
    /// PKCS#8 keys plain or encrypted, PKCS#12, CRLs). `passphrase` unlocks
    /// encrypted input and protects secret keys at rest.
    pub fn import(&self, bytes: &[u8], passphrase: &PassphraseSource) -> Result<ImportSummary> {
        let _ = (bytes, passphrase);
        Err(Error::Keyring("not built yet".into()))
    }

    /// Certificates matching an e-mail address, fingerprint (SHA-256 or
    /// SHA-1, hex), serial/key ID, or a substring of the subject name.
    pub fn find(&self, query: &str) -> Result<Vec<StoredCert>> {
        let _ = query;
        Ok(Vec::new())
    }

    /// Certificates whose SAN or subject holds exactly this address.
    pub fn by_email(&self, email: &str) -> Result<Vec<StoredCert>> {
        let _ = email;
        Ok(Vec::new())
    }

    pub fn by_fingerprint(&self, fingerprint: &str) -> Result<Option<StoredCert>> {
        let _ = fingerprint;
        Ok(None)
    }

    /// Every certificate, e.g. to offer intermediates for path building.
    pub fn all(&self) -> Result<Vec<StoredCert>> {
        Ok(Vec::new())
    }

    /// Certificates for which the keyring holds a secret key.
    pub fn with_secret(&self) -> Result<Vec<StoredCert>> {
        Ok(Vec::new())
    }

    /// Decrypts the secret key of the certificate with this fingerprint.
    pub fn unlock(&self, fingerprint: &str, passphrase: &PassphraseSource) -> Result<PrivateKey> {
        let _ = (fingerprint, passphrase);
        Err(Error::KeyNotFound {
            what: "secret key",
            query: fingerprint.into(),
        })
    }

    /// Every imported CRL, DER.
    pub fn crls(&self) -> Result<Vec<Vec<u8>>> {
        Ok(Vec::new())
    }

    pub fn anchors(&self) -> Result<Vec<Anchor>> {
        Ok(Vec::new())
    }

    pub fn add_anchor(&self, cert: &Certificate, domains: &[String]) -> Result<Anchor> {
        let _ = (cert, domains);
        Err(Error::Keyring("not built yet".into()))
    }

    /// Removes anchors matching `query`; returns how many.
    pub fn remove_anchor(&self, query: &str) -> Result<usize> {
        let _ = query;
        Ok(0)
    }

    /// Removes certificates (and their secret keys) matching `query`.
    pub fn remove(&self, query: &str) -> Result<usize> {
        let _ = query;
        Ok(0)
    }

    /// PEM of the matching certificates, with their encrypted PKCS#8 keys
    /// when `secret`.
    pub fn export(&self, query: &str, secret: bool) -> Result<String> {
        let _ = (query, secret);
        Ok(String::new())
    }
}
pub mod generate;
