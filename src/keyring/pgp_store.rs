//! Rows of the OpenPGP tables: one certificate per primary key, merged on
//! every import, with the keys and addresses it holds indexed for lookup,
//! and its transferable secret key beside it. Callers run writes inside
//! one transaction.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, ToSql};
use sequoia_openpgp::cert::Cert;
use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::serialize::SerializeInto;

use super::openpgp::StoredPgpCert;
use super::pgp_info;
use super::pgp_secret::has_plain_secret;
use super::query::Query;
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// What writing a certificate did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    New,
    Updated,
    Unchanged,
}

/// The stored certificate with its secret keys, if any (the TSK, which
/// holds everything the public row holds).
pub(crate) fn load_full(conn: &Connection, fingerprint: &str) -> Result<Option<Cert>> {
    let row: Option<(Vec<u8>, Option<Vec<u8>>)> = conn
        .query_row(
            "SELECT c.cert, s.tsk FROM pgp_certs c \
             LEFT JOIN pgp_secret_keys s ON s.fingerprint = c.fingerprint \
             WHERE c.fingerprint = ?1",
            [fingerprint],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(cert, tsk)| parse_stored(tsk.as_deref().unwrap_or(&cert)))
        .transpose()
}

/// The stored TSK of a certificate, if it has secret keys.
pub(crate) fn load_tsk(conn: &Connection, fingerprint: &str) -> Result<Option<Cert>> {
    let tsk: Option<Vec<u8>> = conn
        .query_row(
            "SELECT tsk FROM pgp_secret_keys WHERE fingerprint = ?1",
            [fingerprint],
            |r| r.get(0),
        )
        .optional()?;
    tsk.map(|t| parse_stored(&t)).transpose()
}

fn parse_stored(bytes: &[u8]) -> Result<Cert> {
    Cert::from_bytes(bytes).map_err(|e| {
        Error::Keyring(format!(
            "a stored OpenPGP certificate does not parse: {e:#}"
        ))
    })
}

/// Writes `full` (a certificate, with encrypted secret keys if any) and
/// its index rows, replacing what was stored for its fingerprint.
/// Refuses unencrypted secrets: they never reach the disk.
pub(crate) fn put(conn: &Connection, full: &Cert) -> Result<Change> {
    if has_plain_secret(full) {
        return Err(Error::Keyring(
            "refusing to store an unencrypted OpenPGP secret key".into(),
        ));
    }
    let fingerprint = full.fingerprint().to_hex();
    let public = serialize(full.to_vec())?;
    let tsk = if full.is_tsk() {
        Some(serialize(full.as_tsk().to_vec())?)
    } else {
        None
    };
    let old: Option<(Vec<u8>, Option<Vec<u8>>)> = conn
        .query_row(
            "SELECT c.cert, s.tsk FROM pgp_certs c \
             LEFT JOIN pgp_secret_keys s ON s.fingerprint = c.fingerprint \
             WHERE c.fingerprint = ?1",
            [&fingerprint],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let change = match &old {
        None => Change::New,
        Some((c, t)) if *c == public && *t == tsk => return Ok(Change::Unchanged),
        Some(_) => Change::Updated,
    };
    put_cert_row(conn, full, &fingerprint, &public)?;
    put_index(conn, full, &fingerprint)?;
    // Judgements of the certificate as it was no longer hold.
    conn.execute(
        "DELETE FROM pgp_recipients WHERE fingerprint = ?1",
        [&fingerprint],
    )?;
    match tsk {
        Some(tsk) => conn.execute(
            "INSERT INTO pgp_secret_keys (fingerprint, tsk) VALUES (?1, ?2) \
             ON CONFLICT(fingerprint) DO UPDATE SET tsk = excluded.tsk",
            params![fingerprint, tsk],
        )?,
        None => conn.execute(
            "DELETE FROM pgp_secret_keys WHERE fingerprint = ?1",
            [&fingerprint],
        )?,
    };
    Ok(change)
}

fn serialize(bytes: sequoia_openpgp::Result<Vec<u8>>) -> Result<Vec<u8>> {
    bytes.map_err(|e| Error::Keyring(format!("serializing an OpenPGP certificate: {e:#}")))
}

/// An upsert, not INSERT OR REPLACE: replacing would delete the row and
/// with it, through the foreign keys, its secret key.
fn put_cert_row(conn: &Connection, cert: &Cert, fingerprint: &str, public: &[u8]) -> Result<()> {
    let userid = pgp_info::primary_userid(cert, Timestamp::now()).unwrap_or_default();
    let created = pgp_info::timestamp(cert.primary_key().key().creation_time());
    conn.execute(
        "INSERT INTO pgp_certs (fingerprint, version, created, userid, userid_lc, cert) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(fingerprint) DO UPDATE SET \
         userid = excluded.userid, userid_lc = excluded.userid_lc, cert = excluded.cert",
        params![
            fingerprint,
            cert.primary_key().key().version(),
            super::import::to_i64(created.unix()),
            userid,
            userid.to_lowercase(),
            public,
        ],
    )?;
    Ok(())
}

/// Rewrites the key and address index of one certificate: a merge may
/// have added subkeys and user IDs.
fn put_index(conn: &Connection, cert: &Cert, fingerprint: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM pgp_keys WHERE cert_fingerprint = ?1",
        [fingerprint],
    )?;
    conn.execute(
        "DELETE FROM pgp_emails WHERE fingerprint = ?1",
        [fingerprint],
    )?;
    for key in cert.keys() {
        conn.execute(
            "INSERT OR IGNORE INTO pgp_keys (key_fingerprint, keyid, cert_fingerprint) \
             VALUES (?1, ?2, ?3)",
            params![
                key.key().fingerprint().to_hex(),
                key.key().keyid().to_hex(),
                fingerprint
            ],
        )?;
    }
    for email in pgp_info::emails(cert) {
        conn.execute(
            "INSERT OR IGNORE INTO pgp_emails (email, fingerprint) VALUES (?1, ?2)",
            params![email, fingerprint],
        )?;
    }
    Ok(())
}

/// Removes a certificate; its keys, addresses and secret keys go with it
/// (ON DELETE CASCADE).
pub(crate) fn remove(conn: &Connection, fingerprint: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM pgp_certs WHERE fingerprint = ?1",
        [fingerprint],
    )? == 1)
}

/// The columns every lookup selects from `pgp_certs c`, in the order
/// [`raw_row`] reads them.
const COLUMNS: &str = "c.fingerprint, c.cert, EXISTS(SELECT 1 FROM pgp_secret_keys s \
                       WHERE s.fingerprint = c.fingerprint), \
                       (SELECT json_group_array(email ORDER BY email) FROM pgp_emails m \
                       WHERE m.fingerprint = c.fingerprint)";
/// Newest first: the certificate a user most likely means.
const ORDER: &str = "ORDER BY c.created DESC, c.fingerprint";

/// Certificates matching a user's query: an address, a primary or subkey
/// fingerprint or key ID, else a substring of the primary user ID.
pub(crate) fn find(conn: &Connection, query: &Query) -> Result<Vec<StoredPgpCert>> {
    match query {
        Query::Email(addr) => by_email(conn, addr),
        Query::Hex { digits, text } => {
            let found = match digits.len() {
                16 | 40 | 64 => by_key(conn, digits)?,
                _ => Vec::new(),
            };
            if found.is_empty() {
                by_name(conn, text)
            } else {
                Ok(found)
            }
        }
        Query::Text(text) => by_name(conn, text),
    }
}

pub(crate) fn by_email(conn: &Connection, addr: &str) -> Result<Vec<StoredPgpCert>> {
    parse_all(by_email_raw(conn, addr)?)
}

pub(crate) fn parse_all(rows: Vec<RawPgp>) -> Result<Vec<StoredPgpCert>> {
    rows.into_iter().map(RawPgp::parse).collect()
}

/// By the fingerprint or key ID (upper-case hex) of any of its keys.
pub(crate) fn by_key(conn: &Connection, digits: &str) -> Result<Vec<StoredPgpCert>> {
    parse_all(by_key_raw(conn, digits)?)
}

fn by_name(conn: &Connection, text: &str) -> Result<Vec<StoredPgpCert>> {
    select(conn, "WHERE instr(c.userid_lc, ?1) > 0", &[&text])
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<StoredPgpCert>> {
    select(conn, "", &[])
}

pub(crate) fn with_secret(conn: &Connection) -> Result<Vec<StoredPgpCert>> {
    select(
        conn,
        "WHERE c.fingerprint IN (SELECT fingerprint FROM pgp_secret_keys)",
        &[],
    )
}

fn select(conn: &Connection, filter: &str, params: &[&dyn ToSql]) -> Result<Vec<StoredPgpCert>> {
    select_raw(conn, filter, params)?
        .into_iter()
        .map(RawPgp::parse)
        .collect()
}

fn select_raw(conn: &Connection, filter: &str, params: &[&dyn ToSql]) -> Result<Vec<RawPgp>> {
    let sql = format!("SELECT {COLUMNS} FROM pgp_certs c {filter} {ORDER}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| raw_row(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The [`COLUMNS`] of a row, starting at column `first`.
fn raw_row(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<RawPgp> {
    Ok(RawPgp {
        fingerprint: r.get(first)?,
        bytes: r.get(first + 1)?,
        has_secret: r.get(first + 2)?,
        emails: r.get(first + 3)?,
    })
}

/// A certificate row as read, not yet parsed: parsing (the costly part)
/// can then happen after the connection is released, on several threads.
pub(crate) struct RawPgp {
    fingerprint: String,
    bytes: Vec<u8>,
    has_secret: bool,
    /// The address index's rows for it (what [`pgp_info::emails`] gave
    /// when it was stored), as a JSON array: parsing every user ID again
    /// costs a fifth of parsing the certificate.
    emails: String,
}

impl RawPgp {
    pub(crate) fn parse(self) -> Result<StoredPgpCert> {
        let cert = parse_stored(&self.bytes)?;
        let stored_sha256 = super::pgp_recipients::stored_sha256(&self.bytes);
        let emails = serde_json::from_str(&self.emails)
            .map_err(|e| Error::Keyring(format!("a stored address list does not parse: {e}")))?;
        Ok(StoredPgpCert {
            fingerprint: self.fingerprint,
            emails,
            cert,
            has_secret: self.has_secret,
            stored_sha256,
        })
    }
}

/// [`by_email`], unparsed.
pub(crate) fn by_email_raw(conn: &Connection, addr: &str) -> Result<Vec<RawPgp>> {
    select_raw(
        conn,
        "WHERE c.fingerprint IN (SELECT fingerprint FROM pgp_emails WHERE email = ?1)",
        &[&addr.trim().to_lowercase()],
    )
}

/// [`by_email`] for many addresses in one query, unparsed: each row with
/// the lower-cased address that found it, newest first per address (the
/// order of [`by_email`]). The addresses travel as one JSON array, so the
/// statement is prepared once whatever their number.
pub(crate) fn by_emails_raw(conn: &Connection, addrs: &[String]) -> Result<Vec<(String, RawPgp)>> {
    let list = super::query::address_list(addrs)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.email, {COLUMNS} \
         FROM pgp_emails e JOIN pgp_certs c ON c.fingerprint = e.fingerprint \
         WHERE e.email IN (SELECT value FROM json_each(?1)) \
         ORDER BY e.email, c.created DESC, c.fingerprint"
    ))?;
    let rows = stmt.query_map([list], |r| Ok((r.get(0)?, raw_row(r, 1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rows of [`by_emails_raw`] parsed, grouped per address of
/// `emails`, in their order. Each certificate is parsed once, on all
/// cores, however many of the addresses it holds; one found by a single
/// address (the usual case) is moved there, not copied.
pub(crate) fn parse_per_email(
    rows: Vec<(String, RawPgp)>,
    emails: &[String],
) -> Result<Vec<Vec<StoredPgpCert>>> {
    let mut raw: BTreeMap<String, RawPgp> = BTreeMap::new();
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (email, row) in rows {
        found
            .entry(email)
            .or_default()
            .push(row.fingerprint.clone());
        raw.entry(row.fingerprint.clone()).or_insert(row);
    }
    let mut parsed: BTreeMap<String, StoredPgpCert> = raw
        .into_par_iter()
        .map(|(fpr, row)| row.parse().map(|c| (fpr, c)))
        .collect::<Result<_>>()?;
    let keys: Vec<String> = emails.iter().map(|e| e.trim().to_lowercase()).collect();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for f in keys.iter().filter_map(|e| found.get(e)).flatten() {
        *uses.entry(f).or_default() += 1;
    }
    let mut take = |f: &str| match uses.get_mut(f) {
        Some(n) if *n > 1 => {
            *n -= 1;
            parsed.get(f).cloned()
        }
        _ => parsed.remove(f),
    };
    Ok(keys
        .iter()
        .map(|e| {
            found
                .get(e)
                .map(|fprs| fprs.iter().filter_map(|f| take(f)).collect())
                .unwrap_or_default()
        })
        .collect())
}

/// [`by_key`], unparsed.
pub(crate) fn by_key_raw(conn: &Connection, digits: &str) -> Result<Vec<RawPgp>> {
    select_raw(
        conn,
        "WHERE c.fingerprint IN (SELECT cert_fingerprint FROM pgp_keys \
         WHERE key_fingerprint = ?1 OR keyid = ?1)",
        &[&digits],
    )
}

/// [`by_primary`], unparsed.
pub(crate) fn by_primary_raw(conn: &Connection, digits: &str) -> Result<Vec<RawPgp>> {
    select_raw(conn, "WHERE c.fingerprint = ?1", &[&digits])
}
