//! What a user's QUERY means, and the indexed lookups behind it.
//!
//! An address (anything with '@') is looked up in the address index; a
//! hex string in the fingerprint indexes (SHA-256: 64 digits, SHA-1: 40)
//! and the serial-number index; anything else is a case-insensitive
//! substring of the subject name, the one lookup that reads every row.

use der::Decode;
use rusqlite::{params_from_iter, Connection, ToSql};
use x509_cert::Certificate;

use super::StoredCert;
use crate::error::{Error, Result};
use crate::smime::cert;

/// A parsed QUERY.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Query {
    /// Lower-cased address.
    Email(String),
    /// Upper-case hex digits, separators removed; `text` is the query as
    /// typed, searched in subjects if no fingerprint or serial matches.
    Hex { digits: String, text: String },
    /// Lower-cased subject substring.
    Text(String),
}

impl Query {
    pub fn parse(query: &str) -> Query {
        let query = query.trim();
        if query.contains('@') {
            let addr = query.trim_start_matches('<').trim_end_matches('>');
            return Query::Email(addr.trim().to_lowercase());
        }
        match normalize_hex(query) {
            Some(digits) if digits.len() >= 8 => Query::Hex {
                digits,
                text: query.to_lowercase(),
            },
            _ => Query::Text(query.to_lowercase()),
        }
    }
}

/// Hex digits of a fingerprint as people paste them: `0x` prefix, colons
/// and spaces allowed, any case. `None` if anything else is in it.
pub(crate) fn normalize_hex(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    let digits: String = s.chars().filter(|c| !matches!(c, ':' | ' ')).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(digits.to_ascii_uppercase())
}

/// The columns every certificate lookup selects, in `row_to_cert` order.
const SELECT: &str = "SELECT c.der, EXISTS(SELECT 1 FROM x509_secret_keys s \
                      WHERE s.spki_sha256 = c.spki_sha256), c.fingerprint FROM x509_certs c";
/// Newest first: the certificate a user most likely means.
const ORDER: &str = "ORDER BY c.not_after DESC, c.fingerprint";

/// Certificates matching `query`.
pub(crate) fn find(conn: &Connection, query: &Query) -> Result<Vec<StoredCert>> {
    match query {
        Query::Email(addr) => by_email(conn, addr),
        Query::Hex { digits, text } => {
            let found = by_hex(conn, digits)?;
            if found.is_empty() {
                by_subject(conn, text)
            } else {
                Ok(found)
            }
        }
        Query::Text(text) => by_subject(conn, text),
    }
}

pub(crate) fn by_email(conn: &Connection, addr: &str) -> Result<Vec<StoredCert>> {
    select(
        conn,
        "WHERE c.fingerprint IN (SELECT fingerprint FROM x509_emails WHERE email = ?1)",
        &[&addr.to_lowercase()],
    )
}

/// By SHA-256 or SHA-1 fingerprint (by length), or serial number.
pub(crate) fn by_hex(conn: &Connection, digits: &str) -> Result<Vec<StoredCert>> {
    let column = match digits.len() {
        64 => "c.fingerprint = ?1 OR",
        40 => "c.sha1 = ?1 OR",
        _ => "",
    };
    let serial = digits.trim_start_matches("00");
    select(
        conn,
        &format!("WHERE {column} c.serial = ?2"),
        &[&digits, &serial],
    )
}

/// By exact fingerprint only (SHA-256 or SHA-1 hex, any formatting).
pub(crate) fn by_fingerprint(conn: &Connection, fingerprint: &str) -> Result<Option<StoredCert>> {
    let digits = normalize_hex(fingerprint).unwrap_or_default();
    let sql = match digits.len() {
        64 => "WHERE c.fingerprint = ?1",
        40 => "WHERE c.sha1 = ?1",
        _ => return Ok(None),
    };
    Ok(select(conn, sql, &[&digits])?.into_iter().next())
}

fn by_subject(conn: &Connection, text: &str) -> Result<Vec<StoredCert>> {
    select(conn, "WHERE instr(c.subject_lc, ?1) > 0", &[&text])
}

/// A certificate row as read, parsed later ([`RawCert::parse`]) so the
/// parsing can run outside the keyring lock and in parallel.
pub(crate) struct RawCert {
    der: Vec<u8>,
    fingerprint: String,
    has_secret: bool,
}

impl RawCert {
    pub fn parse(self) -> Result<StoredCert> {
        row_to_cert(&self.der, self.fingerprint, self.has_secret)
    }
}

/// The certificates of each address, newest first, all read in one
/// statement ([`address_list`]): one consistent view and one lock instead
/// of one per address. Whether a secret key exists is looked up in a set
/// read once, not per row: each row's probe of the secret-key table reads
/// the stored key, which spills to an overflow page.
///
/// Certificate rows do not fit a page either: every key comparison on the
/// way down the certificate index reads an overflow page, and SQLite reads
/// those from the file directly (one `pread` each, about eight per
/// address) unless the file is memory-mapped. So it is, for this read
/// only. The keyring is never truncated (no VACUUM), the one way a mapped
/// database file can fail other than a disk error.
pub(crate) fn raw_by_emails(conn: &Connection, addrs: &[String]) -> Result<Vec<Vec<RawCert>>> {
    conn.pragma_update(None, "mmap_size", MAP_LIMIT)?;
    let out = raw_by_emails_mapped(conn, addrs);
    // Failing to unmap only leaves the mapping in place: not an error.
    let _ = conn.pragma_update(None, "mmap_size", 0);
    out
}

/// The most of the keyring file mapped for [`raw_by_emails`].
const MAP_LIMIT: i64 = 1 << 30;

fn raw_by_emails_mapped(conn: &Connection, addrs: &[String]) -> Result<Vec<Vec<RawCert>>> {
    let tx = conn.unchecked_transaction()?;
    let secrets: std::collections::HashSet<String> = tx
        .prepare_cached("SELECT spki_sha256 FROM x509_secret_keys")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let list = address_list(addrs)?;
    let mut stmt = tx.prepare_cached(
        "SELECT w.key, c.der, c.spki_sha256, c.fingerprint FROM json_each(?1) w \
         JOIN x509_emails e ON e.email = w.value \
         JOIN x509_certs c ON c.fingerprint = e.fingerprint \
         ORDER BY w.key, c.not_after DESC, c.fingerprint",
    )?;
    let rows = stmt.query_map([list], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            RawCert {
                der: r.get(1)?,
                has_secret: secrets.contains(r.get_ref(2)?.as_str()?),
                fingerprint: r.get(3)?,
            },
        ))
    })?;
    let out = per_address(addrs.len(), rows)?;
    drop(stmt);
    tx.commit()?;
    Ok(out)
}

/// Addresses, trimmed and lower-cased, as one JSON array for a statement
/// that reads them with `json_each(?1)` (row `key` is the index): prepared
/// once whatever their number.
pub(crate) fn address_list(addrs: &[String]) -> Result<String> {
    let wanted: Vec<String> = addrs.iter().map(|a| a.trim().to_lowercase()).collect();
    serde_json::to_string(&wanted).map_err(|e| Error::Keyring(format!("listing addresses: {e}")))
}

/// The rows of such a statement, each with its address's index in a list
/// of `n`, grouped per address in row order.
pub(crate) fn per_address<T>(
    n: usize,
    rows: impl Iterator<Item = rusqlite::Result<(i64, T)>>,
) -> Result<Vec<Vec<T>>> {
    let mut out: Vec<Vec<T>> = (0..n).map(|_| Vec::new()).collect();
    for row in rows {
        let (index, item) = row?;
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| out.get_mut(i)) {
            slot.push(item);
        }
    }
    Ok(out)
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<StoredCert>> {
    select(conn, "", &[])
}

pub(crate) fn with_secret(conn: &Connection) -> Result<Vec<StoredCert>> {
    select(
        conn,
        "WHERE c.spki_sha256 IN (SELECT spki_sha256 FROM x509_secret_keys)",
        &[],
    )
}

fn select(conn: &Connection, filter: &str, params: &[&dyn ToSql]) -> Result<Vec<StoredCert>> {
    let sql = format!("{SELECT} {filter} {ORDER}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
        Ok((
            r.get::<_, Vec<u8>>(0)?,
            r.get::<_, bool>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (der, has_secret, fingerprint) = row?;
        row_to_cert(&der, fingerprint, has_secret)
    })
    .collect()
}

/// The fingerprint is the stored one (the SHA-256 of `der`, computed at
/// import), not recomputed on every read.
fn row_to_cert(der: &[u8], fingerprint: String, has_secret: bool) -> Result<StoredCert> {
    let cert = Certificate::from_der(der)
        .map_err(|e| Error::Keyring(format!("a stored certificate does not parse: {e}")))?;
    Ok(StoredCert {
        fingerprint,
        emails: cert::emails(&cert),
        cert,
        has_secret,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_queries() {
        assert_eq!(
            Query::parse(" <Alice@Example.ORG> "),
            Query::Email("alice@example.org".into())
        );
        assert_eq!(
            Query::parse("0xab:cd ef:01 23"),
            Query::Hex {
                digits: "ABCDEF0123".into(),
                text: "0xab:cd ef:01 23".into()
            }
        );
        assert_eq!(Query::parse("Alice"), Query::Text("alice".into()));
        // Short hex-looking words are names, not fingerprints.
        assert_eq!(Query::parse("cafe"), Query::Text("cafe".into()));
    }

    #[test]
    fn normalizes_fingerprints() {
        assert_eq!(normalize_hex("0XaB:01").as_deref(), Some("AB01"));
        assert_eq!(normalize_hex("g0"), None);
        assert_eq!(normalize_hex(": :"), None);
    }
}
