//! Writing rows: certificates with their address index, encrypted secret
//! keys, CRLs, and trust anchors. Callers run these inside one transaction.

use der::{Decode, Encode};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::Digest;
use x509_cert::Certificate;

use super::import::{to_i64, ParsedCrl};
use super::query::normalize_hex;
use super::Anchor;
use crate::error::{Error, Result};
use crate::smime::cert::{self, hex_upper};

/// SHA-256 of the certificate's subjectPublicKeyInfo, upper-case hex: the
/// key a certificate's secret key is stored under.
pub(crate) fn spki_sha256(cert: &Certificate) -> Result<String> {
    let spki = cert.tbs_certificate().subject_public_key_info().to_der()?;
    Ok(hex_upper(&sha2::Sha256::digest(spki)))
}

/// Inserts a certificate and its addresses; `false` if it was there.
pub(crate) fn insert_cert(conn: &Connection, cert: &Certificate) -> Result<bool> {
    let der = cert.to_der()?;
    let fingerprint = cert::fingerprint(cert);
    let subject = cert::subject(cert);
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    let secs = |t: x509_cert::time::Time| to_i64(t.to_unix_duration().as_secs());
    let added = conn.execute(
        "INSERT OR IGNORE INTO x509_certs (fingerprint, sha1, spki_sha256, subject, \
         subject_lc, issuer, serial, not_before, not_after, der) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            fingerprint,
            cert::fingerprint_sha1(cert),
            spki_sha256(cert)?,
            subject,
            subject.to_lowercase(),
            cert::issuer(cert),
            hex_upper(tbs.serial_number().as_bytes()),
            secs(validity.not_before),
            secs(validity.not_after),
            der,
        ],
    )? == 1;
    if added {
        for email in cert::emails(cert) {
            conn.execute(
                "INSERT OR IGNORE INTO x509_emails (email, fingerprint) VALUES (?1, ?2)",
                params![email, fingerprint],
            )?;
        }
        super::x509_recipients::insert(conn, cert, &fingerprint)?;
        super::learned::insert_certificate_capabilities(conn, cert, &fingerprint)?;
    }
    Ok(added)
}

pub(crate) fn has_key(conn: &Connection, spki_sha256: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM x509_secret_keys WHERE spki_sha256 = ?1",
            [spki_sha256],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Inserts an already encrypted key; `false` if one was there.
pub(crate) fn insert_key(
    conn: &Connection,
    spki_sha256: &str,
    algorithm: &str,
    encrypted_pkcs8: &[u8],
) -> Result<bool> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO x509_secret_keys (spki_sha256, algorithm, encrypted_pkcs8) \
         VALUES (?1, ?2, ?3)",
        params![spki_sha256, algorithm, encrypted_pkcs8],
    )? == 1)
}

/// The stored `EncryptedPrivateKeyInfo` DER for a public key, if any.
pub(crate) fn encrypted_key(conn: &Connection, spki_sha256: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row(
            "SELECT encrypted_pkcs8 FROM x509_secret_keys WHERE spki_sha256 = ?1",
            [spki_sha256],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn insert_crl(conn: &Connection, crl: &ParsedCrl) -> Result<bool> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO x509_crls (sha256, issuer, this_update, next_update, der) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            crl.sha256,
            crl.issuer,
            crl.this_update,
            crl.next_update,
            crl.der
        ],
    )? == 1)
}

pub(crate) fn crls(conn: &Connection) -> Result<Vec<Vec<u8>>> {
    let mut stmt = conn.prepare_cached("SELECT der FROM x509_crls ORDER BY issuer, this_update")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The fingerprints of the certificates with this public key.
pub(crate) fn certs_with_spki(conn: &Connection, spki_sha256: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT fingerprint FROM x509_certs WHERE spki_sha256 = ?1")?;
    let rows = stmt.query_map([spki_sha256], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes a certificate, and its secret key if no other certificate
/// shares the public key. Returns whether the certificate was there.
pub(crate) fn remove_cert(conn: &Connection, fingerprint: &str) -> Result<bool> {
    let spki: Option<String> = conn
        .query_row(
            "SELECT spki_sha256 FROM x509_certs WHERE fingerprint = ?1",
            [fingerprint],
            |r| r.get(0),
        )
        .optional()?;
    let Some(spki) = spki else {
        return Ok(false);
    };
    conn.execute(
        "DELETE FROM x509_certs WHERE fingerprint = ?1",
        [fingerprint],
    )?;
    conn.execute(
        "DELETE FROM x509_secret_keys WHERE spki_sha256 = ?1 AND NOT EXISTS \
         (SELECT 1 FROM x509_certs WHERE spki_sha256 = ?1)",
        [&spki],
    )?;
    Ok(true)
}

/// Adds or updates an anchor; its domain list is replaced.
pub(crate) fn put_anchor(conn: &Connection, anchor: &Anchor) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO x509_anchors (fingerprint, sha1, subject_lc, der) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            anchor.fingerprint,
            cert::fingerprint_sha1(&anchor.cert),
            cert::subject(&anchor.cert).to_lowercase(),
            anchor.cert.to_der()?,
        ],
    )?;
    conn.execute(
        "DELETE FROM x509_anchor_domains WHERE fingerprint = ?1",
        [&anchor.fingerprint],
    )?;
    for domain in &anchor.domains {
        conn.execute(
            "INSERT OR IGNORE INTO x509_anchor_domains (fingerprint, domain) VALUES (?1, ?2)",
            params![anchor.fingerprint, domain],
        )?;
    }
    Ok(())
}

pub(crate) fn anchors(conn: &Connection) -> Result<Vec<Anchor>> {
    let mut stmt =
        conn.prepare_cached("SELECT fingerprint, der FROM x509_anchors ORDER BY fingerprint")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (fingerprint, der) = row?;
        let cert = Certificate::from_der(&der)
            .map_err(|e| Error::Keyring(format!("a stored trust anchor does not parse: {e}")))?;
        let domains = anchor_domains(conn, &fingerprint)?;
        out.push(Anchor {
            fingerprint,
            cert,
            domains,
        });
    }
    Ok(out)
}

fn anchor_domains(conn: &Connection, fingerprint: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT domain FROM x509_anchor_domains WHERE fingerprint = ?1 ORDER BY domain",
    )?;
    let rows = stmt.query_map([fingerprint], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes anchors whose SHA-256 or SHA-1 fingerprint is `query`, or
/// whose subject contains it; returns how many.
pub(crate) fn remove_anchors(conn: &Connection, query: &str) -> Result<usize> {
    let removed = match normalize_hex(query) {
        Some(digits) if digits.len() == 64 || digits.len() == 40 => conn.execute(
            "DELETE FROM x509_anchors WHERE fingerprint = ?1 OR sha1 = ?1",
            [&digits],
        )?,
        _ if query.trim().is_empty() => 0,
        _ => conn.execute(
            "DELETE FROM x509_anchors WHERE instr(subject_lc, ?1) > 0",
            [query.trim().to_lowercase()],
        )?,
    };
    Ok(removed)
}
