//! The keyring: a directory holding one SQLite database with X.509 and
//! OpenPGP certificates, passphrase-protected secret keys, CRLs and trust
//! anchors.
//!
//! Every change is one transaction, so a crash or a concurrent process
//! never sees anything half-written. Lookups by address and fingerprint use
//! indexes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use der::Encode;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::safe::Safe;
use crate::smime::cert;
use crate::smime::key::PrivateKey;

pub mod cache;
mod check;
mod export;
pub mod generate;
mod generate_pgp;
mod gpg_groups;
pub mod groups;
mod import;
mod learned;
mod names;
mod open;
mod openpgp;
mod pbe;
mod pgp_features;
mod pgp_info;
mod pgp_parse;
mod pgp_recipients;
mod pgp_revoke;
mod pgp_secret;
mod pgp_store;
mod pkcs12;
mod protect;
mod query;
mod remove;
pub mod roots;
mod schema;
mod sigcache;
mod store;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;
mod x509_recipients;

pub use check::CheckReport;
pub use generate::{generate_smime, Generated, KeyAlgorithm};
pub use generate_pgp::{generate_openpgp, PgpProfile, DEFAULT_PGP_DAYS};
pub use gpg_groups::GpgGroups;
pub use groups::{Expansion, Group};
pub use open::{default_dir, env_dir, require_dir, standard_dir, OpenMode, Opened};
pub use openpgp::StoredPgpCert;
pub use pgp_features::{set_seipd_v2, FeaturesChange};
pub use pgp_info::{info as pgp_info, PgpInfo};
pub use pgp_recipients::{JudgedRecipient, RecipientCandidate};
pub use remove::{Removal, Removed};
pub use schema::DB_FILE;
pub use x509_recipients::KeptRecipient;

pub use import::read_certificate;
use import::{Parsed, Passphrases, PlainKey};
pub use learned::{Announced, FromMail, Kept, KnownCapabilities, SeenInMail, Sighting};
use query::Query;

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
    /// New X.509 certificates.
    pub certificates: usize,
    /// New X.509 secret keys.
    pub secret_keys: usize,
    pub crls: usize,
    /// New OpenPGP certificates.
    pub pgp_certificates: usize,
    /// Stored OpenPGP certificates that gained something by merging.
    pub pgp_updated: usize,
    /// OpenPGP secret keys (primary or subkey) newly stored.
    pub pgp_secret_keys: usize,
    /// Items of either protocol that were already stored as they are.
    pub unchanged: usize,
}

/// A handle on one keyring directory. It holds one database connection;
/// several handles (threads, processes) may work on the same directory.
pub struct Keyring {
    dir: PathBuf,
    conn: Mutex<Connection>,
}

/// A secret key encrypted for storage, not yet written.
struct SealedKey {
    spki_sha256: String,
    algorithm: String,
    encrypted: Vec<u8>,
}

impl Keyring {
    /// Opens the keyring in `dir`, creating it (mode 0700) if needed.
    pub fn open(dir: &Path) -> Result<Self> {
        Ok(Keyring::open_with(dir, OpenMode::Create)?.0)
    }

    /// Opens the keyring in `dir` as `mode` allows; says what it found.
    pub fn open_with(dir: &Path, mode: OpenMode) -> Result<(Self, Opened)> {
        let found = dir.join(DB_FILE).is_file();
        let (conn, opened) = match mode {
            _ if found => (schema::open_db(dir)?, Opened::Found),
            OpenMode::Create => (schema::open_db(dir)?, Opened::Created),
            OpenMode::Existing => {
                require_dir(dir)?;
                (schema::open_empty()?, Opened::Empty)
            }
        };
        let keyring = Keyring {
            dir: dir.to_path_buf(),
            conn: Mutex::new(conn),
        };
        Ok((keyring, opened))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn conn(&self) -> Result<MutexGuard<'_, Connection>> {
        self.conn
            .lock()
            .map_err(|_| Error::Keyring("the keyring handle was poisoned by a panic".into()))
    }

    /// Runs `f` in one write transaction. IMMEDIATE takes the write lock at
    /// the start, so a concurrent writer waits (busy timeout) instead of
    /// failing when it tries to upgrade a read lock.
    fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Imports everything recognisable in `bytes` (PEM or DER certificates,
    /// PKCS#8 keys plain or encrypted, PKCS#12, CRLs, OpenPGP certificates
    /// and secret keys armored or binary). `passphrase` unlocks encrypted
    /// X.509 input and protects unencrypted secret keys at rest; OpenPGP
    /// secret keys already encrypted are stored as they are. All or
    /// nothing: one transaction.
    pub fn import(&self, bytes: &[u8], passphrase: &PassphraseSource) -> Result<ImportSummary> {
        let mut pass = Passphrases::new(passphrase);
        let split = pgp_parse::split(bytes)?;
        let parsed = match &split.rest {
            Some(rest) => import::parse(rest, &mut pass)?,
            None => Parsed::default(),
        };
        let sealed = self.seal_new_keys(&parsed.keys, &mut pass)?;
        let mut certs = split.certs;
        certs.extend(self.pgp_apply_revocations(split.revocations)?);
        let pgp = self.pgp_prepare(certs, &mut pass)?;
        self.write(|tx| {
            let mut summary = store_parsed(tx, &parsed, &sealed)?;
            openpgp::store_certs(tx, &pgp, &mut summary)?;
            Ok(summary)
        })
    }

    /// Encrypts the keys not yet in the keyring (outside any transaction:
    /// scrypt takes a while and must not hold the write lock).
    fn seal_new_keys(
        &self,
        keys: &[PlainKey],
        pass: &mut Passphrases<'_>,
    ) -> Result<Vec<SealedKey>> {
        let mut seen = HashSet::new();
        let mut sealed = Vec::new();
        for key in keys {
            if !seen.insert(key.spki_sha256.clone())
                || store::has_key(&*self.conn()?, &key.spki_sha256)?
            {
                continue;
            }
            let passphrase = pass.for_protection()?;
            sealed.push(SealedKey {
                spki_sha256: key.spki_sha256.clone(),
                algorithm: key.algorithm.clone(),
                encrypted: protect::encrypt_pkcs8(&key.pkcs8, &passphrase)?,
            });
        }
        Ok(sealed)
    }

    /// Stores a certificate and its secret key made by this program.
    fn store_own(
        &self,
        cert: &Certificate,
        key: &PrivateKey,
        passphrase: &PassphraseSource,
    ) -> Result<StoredCert> {
        let parsed = Parsed {
            certs: vec![cert.clone()],
            keys: vec![PlainKey::from_key(key)?],
            crls: Vec::new(),
        };
        let mut pass = Passphrases::new(passphrase);
        let sealed = self.seal_new_keys(&parsed.keys, &mut pass)?;
        self.write(|tx| store_parsed(tx, &parsed, &sealed))?;
        self.by_fingerprint(&cert::fingerprint(cert))?
            .ok_or_else(|| Error::Keyring("the new certificate was not stored".into()))
    }

    /// Certificates matching an e-mail address, fingerprint (SHA-256 or
    /// SHA-1, hex), serial/key ID, or a substring of the subject name.
    pub fn find(&self, query: &str) -> Result<Vec<StoredCert>> {
        query::find(&*self.conn()?, &Query::parse(query))
    }

    /// Certificates whose SAN or subject holds exactly this address.
    pub fn by_email(&self, email: &str) -> Result<Vec<StoredCert>> {
        query::by_email(&*self.conn()?, email.trim())
    }

    /// [`Keyring::by_email`] for many addresses at once: read in one
    /// transaction, parsed in parallel outside the keyring lock.
    pub fn by_emails(&self, emails: &[String]) -> Result<Vec<Vec<StoredCert>>> {
        use rayon::prelude::*;
        let trimmed: Vec<String> = emails.iter().map(|e| e.trim().to_string()).collect();
        let raw = query::raw_by_emails(&*self.conn()?, &trimmed)?;
        raw.into_par_iter()
            .map(|rows| rows.into_iter().map(query::RawCert::parse).collect())
            .collect()
    }

    pub fn by_fingerprint(&self, fingerprint: &str) -> Result<Option<StoredCert>> {
        query::by_fingerprint(&*self.conn()?, fingerprint)
    }

    /// Every certificate, e.g. to offer intermediates for path building.
    pub fn all(&self) -> Result<Vec<StoredCert>> {
        query::all(&*self.conn()?)
    }

    /// Certificates for which the keyring holds a secret key.
    pub fn with_secret(&self) -> Result<Vec<StoredCert>> {
        query::with_secret(&*self.conn()?)
    }

    /// Decrypts the secret key of the certificate with this fingerprint.
    pub fn unlock(&self, fingerprint: &str, passphrase: &PassphraseSource) -> Result<PrivateKey> {
        let (stored, encrypted) = {
            let conn = self.conn()?;
            let stored =
                query::by_fingerprint(&conn, fingerprint)?.ok_or_else(|| Error::KeyNotFound {
                    what: "certificate",
                    query: fingerprint.into(),
                })?;
            let spki = store::spki_sha256(&stored.cert)?;
            let encrypted =
                store::encrypted_key(&conn, &spki)?.ok_or_else(|| Error::KeyNotFound {
                    what: "secret key",
                    query: fingerprint.into(),
                })?;
            (stored, encrypted)
        };
        let name = key_name(&stored);
        let secret = passphrase.get(&name)?;
        let plain = protect::decrypt_pkcs8(&encrypted, &secret, &name)?;
        let key = PrivateKey::from_pkcs8_der(&plain)?;
        if !key.matches(&stored.cert) {
            return Err(Error::Keyring(format!(
                "the stored secret key does not match {name}"
            )));
        }
        Ok(key)
    }

    /// Every imported CRL, DER.
    pub fn crls(&self) -> Result<Vec<Vec<u8>>> {
        store::crls(&*self.conn()?)
    }

    pub fn anchors(&self) -> Result<Vec<Anchor>> {
        store::anchors(&*self.conn()?)
    }

    /// Adds `cert` as a trust anchor for `domains` (lower-cased; empty: all
    /// domains). Adding it again replaces its domain list.
    pub fn add_anchor(&self, cert: &Certificate, domains: &[String]) -> Result<Anchor> {
        cert.to_der()?;
        let anchor = Anchor {
            fingerprint: cert::fingerprint(cert),
            cert: cert.clone(),
            domains: normalize_domains(domains),
        };
        self.write(|tx| store::put_anchor(tx, &anchor))?;
        Ok(anchor)
    }

    /// Removes anchors matching `query`; returns how many.
    pub fn remove_anchor(&self, query: &str) -> Result<usize> {
        self.write(|tx| store::remove_anchors(tx, query))
    }
}

/// Writes parsed input and sealed keys; counts what was new.
fn store_parsed(tx: &Connection, parsed: &Parsed, sealed: &[SealedKey]) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    for cert in &parsed.certs {
        tally(&mut summary, store::insert_cert(tx, cert)?, |s| {
            &mut s.certificates
        });
    }
    for key in sealed {
        let added = store::insert_key(tx, &key.spki_sha256, &key.algorithm, &key.encrypted)?;
        tally(&mut summary, added, |s| &mut s.secret_keys);
    }
    // Keys found already stored before sealing were skipped there.
    summary.unchanged += parsed.keys.len().saturating_sub(sealed.len());
    for crl in &parsed.crls {
        tally(&mut summary, store::insert_crl(tx, crl)?, |s| &mut s.crls);
    }
    Ok(summary)
}

/// Counts one item as added (in `field`) or unchanged.
fn tally(summary: &mut ImportSummary, added: bool, field: fn(&mut ImportSummary) -> &mut usize) {
    if added {
        *field(summary) += 1;
    } else {
        summary.unchanged += 1;
    }
}

/// How a passphrase prompt and errors name a key: its common name, else
/// its first address, else its fingerprint; escaped for the terminal.
fn key_name(stored: &StoredCert) -> String {
    let name = cert::common_name(&stored.cert)
        .or_else(|| stored.emails.first().cloned())
        .unwrap_or_else(|| stored.fingerprint.clone());
    format!("the secret key of {}", Safe(&name))
}

/// Lower-cased, trimmed domains without a leading '@' or '.', deduplicated.
fn normalize_domains(domains: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in domains {
        let d = d.trim().trim_start_matches(['@', '.']).to_lowercase();
        if !d.is_empty() && !out.contains(&d) {
            out.push(d);
        }
    }
    out
}
