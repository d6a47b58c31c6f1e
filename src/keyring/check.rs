//! `keyring check`: the database as SQLite sees it (integrity and
//! foreign keys, with the bundled SQLite) and as mailseal needs it: every
//! stored certificate, CRL and anchor parses and has the fingerprint it is
//! stored under, the index rows are exactly those its certificate gives,
//! derived rows and secret keys belong to a stored certificate.

use std::collections::BTreeSet;

use der::{Decode, Encode};
use rusqlite::Connection;
use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::Cert;
use sha2::Digest;
use x509_cert::certificate::Rfc5280;
use x509_cert::crl::CertificateList;
use x509_cert::Certificate;

use super::{pgp_info, store, Keyring};
use crate::error::Result;
use crate::safe::Safe;
use crate::smime::cert::{self, hex_upper};

/// What `keyring check` looked at and what it found wrong.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct CheckReport {
    /// One line per check that was made, with what it covered.
    pub checked: Vec<String>,
    /// One line per problem found; empty when the keyring is sound.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Tables whose rows belong to a certificate: (table, its column naming
/// the certificate, the certificate table, what the rows are).
const BELONGING: [(&str, &str, &str, &str); 8] = [
    (
        "x509_emails",
        "fingerprint",
        "x509_certs",
        "an address index row",
    ),
    (
        "x509_recipients",
        "fingerprint",
        "x509_certs",
        "a kept recipient row",
    ),
    (
        "x509_seen_in_mail",
        "fingerprint",
        "x509_certs",
        "a seen-in-mail note",
    ),
    (
        "x509_capabilities",
        "fingerprint",
        "x509_certs",
        "a capabilities row",
    ),
    (
        "pgp_keys",
        "cert_fingerprint",
        "pgp_certs",
        "a key index row",
    ),
    (
        "pgp_emails",
        "fingerprint",
        "pgp_certs",
        "an address index row",
    ),
    (
        "pgp_recipients",
        "fingerprint",
        "pgp_certs",
        "a kept recipient row",
    ),
    (
        "pgp_secret_keys",
        "fingerprint",
        "pgp_certs",
        "a secret key",
    ),
];

impl Keyring {
    /// Checks the keyring; an `Err` only when it cannot be read at all.
    pub fn check(&self) -> Result<CheckReport> {
        let conn = self.conn()?;
        let mut report = CheckReport::default();
        sqlite_checks(&conn, &mut report)?;
        belonging(&conn, &mut report)?;
        x509_certs(&conn, &mut report)?;
        x509_secret_keys(&conn, &mut report)?;
        x509_others(&conn, &mut report)?;
        pgp_certs(&conn, &mut report)?;
        pgp_secret_keys(&conn, &mut report)?;
        Ok(report)
    }
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
fn sqlite_checks(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let version = rusqlite::version();
    report
        .checked
        .push(format!("SQLite integrity check (SQLite {version})"));
    if rows != ["ok"] {
        report
            .problems
            .extend(rows.iter().map(|r| format!("SQLite integrity check: {r}")));
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    report.checked.push("SQLite foreign key check".into());
    // One line per table and parent, however many rows.
    let mut counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for row in rows {
        *counts.entry(row).or_default() += 1;
    }
    report
        .problems
        .extend(counts.iter().map(|((table, parent), n)| {
            format!(
                "SQLite foreign key check: {n} row(s) of {table} refer to a missing {parent} row"
            )
        }));
    Ok(())
}

/// Rows that belong to a certificate that is not there, whatever the
/// foreign keys say.
fn belonging(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    for (table, column, certs, what) in BELONGING {
        let sql = format!(
            "SELECT DISTINCT t.{column} FROM {table} t WHERE NOT EXISTS \
             (SELECT 1 FROM {certs} c WHERE c.fingerprint = t.{column})"
        );
        let mut stmt = conn.prepare(&sql)?;
        let orphans: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        report.problems.extend(orphans.iter().map(|f| {
            format!(
                "{table}: {what} for certificate {}, which is not stored",
                Safe(f)
            )
        }));
    }
    report.checked.push(
        "index rows, kept recipients, what was learned from signed mail and OpenPGP secret keys \
         belong to stored certificates"
            .into(),
    );
    Ok(())
}

/// The sorted, distinct values of a one-column query for `key`.
fn column_set(conn: &Connection, sql: &str, key: &str) -> Result<BTreeSet<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map([key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn x509_certs(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT fingerprint, spki_sha256, der FROM x509_certs")?;
    let rows: Vec<(String, String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (fingerprint, spki, der) in &rows {
        let name = format!("X.509 certificate {}", Safe(fingerprint));
        let c = match Certificate::from_der(der) {
            Ok(c) => c,
            Err(e) => {
                report.problems.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        if cert::fingerprint(&c) != *fingerprint {
            report.problems.push(format!(
                "{name}: is stored under another fingerprint than its own"
            ));
        }
        if store::spki_sha256(&c).ok().as_ref() != Some(spki) {
            report.problems.push(format!(
                "{name}: its public key index does not match the certificate"
            ));
        }
        let want: BTreeSet<String> = cert::emails(&c).into_iter().collect();
        let have = column_set(
            conn,
            "SELECT email FROM x509_emails WHERE fingerprint = ?1",
            fingerprint,
        )?;
        if want != have {
            report.problems.push(format!(
                "{name}: its address index does not match the certificate"
            ));
        }
        let kept = column_set(
            conn,
            "SELECT hex(spki) FROM x509_recipients WHERE fingerprint = ?1",
            fingerprint,
        )?;
        let own_spki = c
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map(|d| hex_upper(&d))
            .unwrap_or_default();
        if kept.iter().any(|k| *k != own_spki) {
            report.problems.push(format!(
                "{name}: its kept recipient key is not the certificate's key"
            ));
        }
    }
    report.checked.push(format!(
        "{} X.509 certificate(s): parse, fingerprints, public key and address index, kept \
         recipient keys",
        rows.len()
    ));
    Ok(())
}

/// Every S/MIME secret key has a certificate (it is stored under the
/// SHA-256 of the certificate's public key).
fn x509_secret_keys(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT k.spki_sha256, EXISTS(SELECT 1 FROM x509_certs c \
         WHERE c.spki_sha256 = k.spki_sha256) FROM x509_secret_keys k",
    )?;
    let rows: Vec<(String, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    report
        .problems
        .extend(rows.iter().filter(|(_, has)| !has).map(|(spki, _)| {
            format!(
                "X.509 secret key for public key SHA-256 {}: no certificate for it is stored",
                Safe(spki)
            )
        }));
    report.checked.push(format!(
        "{} X.509 secret key(s): each has a certificate",
        rows.len()
    ));
    Ok(())
}

/// Trust anchors and CRLs parse and have the fingerprints they are
/// stored under.
fn x509_others(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT fingerprint, der FROM x509_anchors")?;
    let anchors: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (fingerprint, der) in &anchors {
        let ok = Certificate::from_der(der).is_ok_and(|c| cert::fingerprint(&c) == *fingerprint);
        if !ok {
            report.problems.push(format!(
                "trust anchor {}: does not parse, or is stored under another fingerprint",
                Safe(fingerprint)
            ));
        }
    }
    let mut stmt = conn.prepare("SELECT sha256, der FROM x509_crls")?;
    let crls: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (sha256, der) in &crls {
        let ok = CertificateList::<Rfc5280>::from_der(der).is_ok()
            && hex_upper(&sha2::Sha256::digest(der)) == *sha256;
        if !ok {
            report.problems.push(format!(
                "CRL {}: does not parse, or is stored under another digest",
                Safe(sha256)
            ));
        }
    }
    report.checked.push(format!(
        "{} trust anchor(s) and {} CRL(s): parse and fingerprints",
        anchors.len(),
        crls.len()
    ));
    Ok(())
}

fn pgp_certs(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT fingerprint, cert FROM pgp_certs")?;
    let rows: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (fingerprint, bytes) in &rows {
        let name = format!("OpenPGP certificate {}", Safe(fingerprint));
        let c = match Cert::from_bytes(bytes) {
            Ok(c) => c,
            Err(e) => {
                report.problems.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        if c.fingerprint().to_hex() != *fingerprint {
            report.problems.push(format!(
                "{name}: is stored under another fingerprint than its own"
            ));
        }
        let want: BTreeSet<String> = c
            .keys()
            .map(|k| {
                format!(
                    "{} {}",
                    k.key().fingerprint().to_hex(),
                    k.key().keyid().to_hex()
                )
            })
            .collect();
        let have = column_set(
            conn,
            "SELECT key_fingerprint || ' ' || keyid FROM pgp_keys WHERE cert_fingerprint = ?1",
            fingerprint,
        )?;
        if want != have {
            report.problems.push(format!(
                "{name}: its key index does not match the certificate"
            ));
        }
        let want: BTreeSet<String> = pgp_info::emails(&c).into_iter().collect();
        let have = column_set(
            conn,
            "SELECT email FROM pgp_emails WHERE fingerprint = ?1",
            fingerprint,
        )?;
        if want != have {
            report.problems.push(format!(
                "{name}: its address index does not match the certificate"
            ));
        }
    }
    report.checked.push(format!(
        "{} OpenPGP certificate(s): parse, fingerprints, key and address index",
        rows.len()
    ));
    Ok(())
}

/// Every OpenPGP secret key parses as the secret key of the certificate
/// it is stored beside.
fn pgp_secret_keys(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT fingerprint, tsk FROM pgp_secret_keys")?;
    let rows: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (fingerprint, bytes) in &rows {
        let ok = Cert::from_bytes(bytes)
            .is_ok_and(|c| c.is_tsk() && c.fingerprint().to_hex() == *fingerprint);
        if !ok {
            report.problems.push(format!(
                "OpenPGP secret key {}: does not parse as the secret key of that certificate",
                Safe(fingerprint)
            ));
        }
    }
    report.checked.push(format!(
        "{} OpenPGP secret key(s): parse and match their certificates",
        rows.len()
    ));
    Ok(())
}
