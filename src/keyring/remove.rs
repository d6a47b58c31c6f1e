//! Removing certificates: what a QUERY takes out, and the rule that a
//! secret key goes only when the caller says so.
//!
//! One removal is one transaction. It is planned first (which
//! certificates match, which secret keys would go with them); a plan that
//! would delete a secret key the caller did not allow is refused before
//! anything is deleted.
//!
//! What goes: the certificate rows and what hangs on them (their address
//! and key index rows, the derived encryption data beside them, the
//! OpenPGP recipient judgements), and a secret key when no certificate
//! left in the keyring shares it. What stays: trust anchors, CRLs, the
//! user's pins and web-of-trust roots (also those about a removed
//! certificate: they apply again if it is imported again, and the caller
//! is told), and caches tagged with what they were judged by (a trust
//! decision rests on the list of certificates, which the removal changes,
//! so it is not used again).

use std::collections::{BTreeSet, HashSet};

use rusqlite::Connection;

use super::query::{self, Query};
use super::roots::{self, Pin};
use super::{pgp_store, store, Keyring};
use crate::error::{Error, Result};
use crate::safe::Safe;
use crate::trust::verdict::Protocol;

/// A certificate that a removal takes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub protocol: Protocol,
    /// X.509: SHA-256 of the certificate; OpenPGP: the primary key's.
    pub fingerprint: String,
    pub emails: Vec<String>,
    /// Whether its secret key goes with it.
    pub secret_key: bool,
}

impl Removed {
    /// "S/MIME FINGERPRINT addr, addr", escaped for display.
    pub fn describe(&self) -> String {
        let label = match self.protocol {
            Protocol::Smime => "S/MIME",
            Protocol::Openpgp => "OpenPGP",
        };
        let emails: Vec<String> = self.emails.iter().map(|e| Safe(e).to_string()).collect();
        format!("{label} {} {}", self.fingerprint, emails.join(", "))
            .trim_end()
            .to_string()
    }
}

/// What one removal did.
#[derive(Debug, Clone, Default)]
pub struct Removal {
    pub removed: Vec<Removed>,
    /// The user's pins of removed certificates, which stay.
    pub kept_pins: Vec<Pin>,
    /// The web-of-trust roots among removed certificates (fingerprint,
    /// amount), which stay.
    pub kept_roots: Vec<(String, u8)>,
}

impl Keyring {
    /// Removes the certificates of either protocol matching `query`, with
    /// their secret keys only if `with_secret`: without it, a query that
    /// would remove a secret key is [`Error::SecretKeyRemoval`] and
    /// nothing is removed. One transaction, all or nothing.
    pub fn remove(&self, query: &str, with_secret: bool) -> Result<Removal> {
        if query.trim().is_empty() {
            return Err(Error::Usage(
                "an empty query would remove every certificate".into(),
            ));
        }
        let query = Query::parse(query);
        self.write(|tx| {
            let plan = plan(tx, &query)?;
            let secrets: Vec<String> = plan
                .iter()
                .filter(|r| r.secret_key)
                .map(Removed::describe)
                .collect();
            if !with_secret && !secrets.is_empty() {
                return Err(Error::SecretKeyRemoval(secrets));
            }
            for r in &plan {
                match r.protocol {
                    Protocol::Smime => store::remove_cert(tx, &r.fingerprint)?,
                    Protocol::Openpgp => pgp_store::remove(tx, &r.fingerprint)?,
                };
            }
            kept_statements(tx, plan)
        })
    }
}

/// The certificates `query` matches, and which secret keys would go.
fn plan(tx: &Connection, query: &Query) -> Result<Vec<Removed>> {
    let x509 = query::find(tx, query)?;
    let going: HashSet<&str> = x509.iter().map(|c| c.fingerprint.as_str()).collect();
    // Two certificates may share one key: it goes with the last of them,
    // and is named once.
    let mut keys_named = HashSet::new();
    let mut plan = Vec::new();
    for c in &x509 {
        let spki = store::spki_sha256(&c.cert)?;
        let secret_key = c.has_secret
            && store::certs_with_spki(tx, &spki)?
                .iter()
                .all(|f| going.contains(f.as_str()))
            && keys_named.insert(spki);
        plan.push(Removed {
            protocol: Protocol::Smime,
            fingerprint: c.fingerprint.clone(),
            emails: c.emails.clone(),
            secret_key,
        });
    }
    for c in pgp_store::find(tx, query)? {
        plan.push(Removed {
            protocol: Protocol::Openpgp,
            fingerprint: c.fingerprint,
            emails: c.emails,
            secret_key: c.has_secret,
        });
    }
    Ok(plan)
}

/// The removal with the pins and roots about its certificates.
fn kept_statements(tx: &Connection, removed: Vec<Removed>) -> Result<Removal> {
    let fingerprints: BTreeSet<&str> = removed.iter().map(|r| r.fingerprint.as_str()).collect();
    let kept_pins = roots::read_pins(tx)?
        .into_iter()
        .filter(|p| fingerprints.contains(p.fingerprint.as_str()))
        .collect();
    let kept_roots = roots::read_roots(tx)?
        .into_iter()
        .filter(|(f, _)| fingerprints.contains(f.as_str()))
        .collect();
    Ok(Removal {
        removed,
        kept_pins,
        kept_roots,
    })
}
