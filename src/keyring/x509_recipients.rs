//! What encrypting to an X.509 certificate needs of it, kept beside the
//! certificate (schema v6): its RSA key, its issuer and serial number and
//! its validity period, for RSA certificates whose key usage allows
//! encryption. Encrypting to recipients whose trust decisions are stored
//! (`crate::trust::cache`) then reads and parses no certificate.
//!
//! Derived data: written with the certificate in the same transaction,
//! deleted with it, and filled in by the migration that introduced it.
//! A certificate without a row is read and judged in full.

use der::Encode;
use rusqlite::{params, Connection};
use x509_cert::Certificate;

use super::Keyring;
use crate::error::Result;
use crate::time::Timestamp;
use crate::trust::x509::{check_usage, Purpose};

use const_oid::db::rfc5912::RSA_ENCRYPTION;

/// An RSA certificate's encryption data as kept in the keyring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptRecipient {
    /// SHA-256 of the certificate, upper-case hex.
    pub fingerprint: String,
    pub not_before: Timestamp,
    pub not_after: Timestamp,
    /// The subjectPublicKeyInfo, DER.
    pub spki: Vec<u8>,
    /// The IssuerAndSerialNumber that names the recipient, DER.
    pub rid: Vec<u8>,
}

/// The row for `cert`, or `None` unless its key is RSA and its key usage
/// allows encryption.
pub(crate) fn kept_for(cert: &Certificate, fingerprint: &str) -> Result<Option<KeptRecipient>> {
    let tbs = cert.tbs_certificate();
    let spki = tbs.subject_public_key_info();
    if spki.algorithm.oid != RSA_ENCRYPTION || check_usage(cert, Purpose::Encrypt).is_err() {
        return Ok(None);
    }
    let rid = crate::smime::ktri::issuer_and_serial(cert);
    let (not_before, not_after) = crate::smime::cert::validity(cert);
    Ok(Some(KeptRecipient {
        fingerprint: fingerprint.to_string(),
        not_before,
        not_after,
        spki: spki.to_der()?,
        rid: rid.to_der()?,
    }))
}

/// Stores the row for a certificate just inserted, if it gets one.
pub(crate) fn insert(conn: &Connection, cert: &Certificate, fingerprint: &str) -> Result<()> {
    if let Some(kept) = kept_for(cert, fingerprint)? {
        store(conn, &kept)?;
    }
    Ok(())
}

fn store(conn: &Connection, kept: &KeptRecipient) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO x509_recipients \
         (fingerprint, not_before, not_after, spki, rid) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        kept.fingerprint,
        super::import::to_i64(kept.not_before.unix()),
        super::import::to_i64(kept.not_after.unix()),
        kept.spki,
        kept.rid,
    ])?;
    Ok(())
}

/// Rows for every stored certificate (the migration to schema v6). A
/// certificate that does not parse gets none.
pub(crate) fn fill(conn: &Connection) -> rusqlite::Result<()> {
    for (fingerprint, cert) in super::schema::stored_certificates(conn)? {
        if let Some(kept) = kept_for(&cert, &fingerprint).ok().flatten() {
            store(conn, &kept)?;
        }
    }
    Ok(())
}

impl Keyring {
    /// For each of `emails` (in their order), every X.509 certificate
    /// holding it, newest first as [`Keyring::by_emails`] orders them:
    /// its kept encryption data, or `None` for one that has none. No
    /// certificate is read.
    pub fn x509_recipient_candidates(
        &self,
        emails: &[String],
    ) -> Result<Vec<Vec<Option<KeptRecipient>>>> {
        let list = super::query::address_list(emails)?;
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT w.key, e.fingerprint, r.not_before, r.not_after, r.spki, r.rid \
             FROM json_each(?1) w \
             JOIN x509_emails e ON e.email = w.value \
             LEFT JOIN x509_recipients r ON r.fingerprint = e.fingerprint \
             ORDER BY w.key, r.not_after DESC, e.fingerprint",
        )?;
        let rows = stmt.query_map([list], |r| {
            let time = |i| -> rusqlite::Result<Option<Timestamp>> {
                let secs: Option<i64> = r.get(i)?;
                Ok(secs.and_then(|s| u64::try_from(s).ok()).map(Timestamp))
            };
            let kept = match (time(2)?, time(3)?) {
                (Some(not_before), Some(not_after)) => Some(KeptRecipient {
                    fingerprint: r.get(1)?,
                    not_before,
                    not_after,
                    spki: r.get(4)?,
                    rid: r.get(5)?,
                }),
                _ => None,
            };
            Ok((r.get(0)?, kept))
        })?;
        super::query::per_address(emails.len(), rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::testutil::{pass, Scratch, PASS};
    use der::Decode;

    fn kept_rows(k: &Keyring) -> i64 {
        k.conn()
            .unwrap()
            .query_row("SELECT count(*) FROM x509_recipients", [], |r| r.get(0))
            .unwrap()
    }

    fn candidates(k: &Keyring, email: &str) -> Vec<Option<KeptRecipient>> {
        k.x509_recipient_candidates(&[email.to_string()])
            .unwrap()
            .remove(0)
    }

    #[test]
    fn rows_are_kept_for_rsa_encryption_certificates_only() {
        let s = Scratch::new();
        s.rsa_cert("a", "A", "a@example.org");
        s.ec_cert("b", "B", "a@example.org");
        // RSA, but only for signing.
        let sign_only = [
            "-newkey",
            "rsa:2048",
            "-addext",
            "keyUsage=digitalSignature",
        ];
        s.self_signed("c", "C", "a@example.org", &sign_only);
        let k = Keyring::open(&s.keyring_dir("k")).unwrap();
        for name in ["a.pem", "b.pem", "c.pem"] {
            k.import(&s.read(name), &pass(PASS)).unwrap();
        }
        let found = candidates(&k, "a@example.org");
        let by_email = k.by_email("a@example.org").unwrap();
        assert_eq!(found.len(), 3);
        let kept: Vec<&KeptRecipient> = found.iter().flatten().collect();
        assert_eq!(kept.len(), 1, "{found:?}");
        let rsa = by_email
            .iter()
            .find(|c| c.fingerprint == kept[0].fingerprint)
            .unwrap();
        let tbs = rsa.cert.tbs_certificate();
        assert_eq!(
            kept[0].spki,
            tbs.subject_public_key_info().to_der().unwrap()
        );
        let rid = cms::cert::IssuerAndSerialNumber::from_der(&kept[0].rid).unwrap();
        assert_eq!(&rid.issuer, tbs.issuer());
        assert_eq!(&rid.serial_number, tbs.serial_number());
        assert_eq!(
            (kept[0].not_before, kept[0].not_after),
            crate::smime::cert::validity(&rsa.cert)
        );
        assert!(candidates(&k, "nobody@example.org").is_empty());
        // Removing the certificate removes its row.
        assert_eq!(kept_rows(&k), 1);
        k.remove(&kept[0].fingerprint, false).unwrap();
        assert_eq!(kept_rows(&k), 0);
    }

    #[test]
    fn candidates_come_in_the_order_of_the_full_lookup() {
        let s = Scratch::new();
        let k = Keyring::open(&s.keyring_dir("k")).unwrap();
        for (i, days) in ["30", "400", "90"].iter().enumerate() {
            let stem = format!("r{i}");
            let args = ["-newkey", "rsa:2048", "-days", days];
            s.self_signed(&stem, &stem, "r@example.org", &args);
            k.import(&s.read(&format!("{stem}.pem")), &pass(PASS))
                .unwrap();
        }
        let light: Vec<String> = candidates(&k, "r@example.org")
            .into_iter()
            .map(|c| c.unwrap().fingerprint)
            .collect();
        let full: Vec<String> = k
            .by_emails(&["r@example.org".to_string()])
            .unwrap()
            .remove(0)
            .into_iter()
            .map(|c| c.fingerprint)
            .collect();
        assert_eq!(light.len(), 3);
        assert_eq!(light, full);
    }

    #[test]
    fn the_migration_fills_rows_for_stored_certificates() {
        let s = Scratch::new();
        s.rsa_cert("a", "A", "a@example.org");
        let dir = s.keyring_dir("k");
        {
            let k = Keyring::open(&dir).unwrap();
            k.import(&s.read("a.pem"), &pass(PASS)).unwrap();
            // As a keyring of schema v5 was.
            let conn = k.conn().unwrap();
            conn.execute_batch(
                "DROP TABLE x509_recipients; DROP TABLE x509_seen_in_mail; \
                 DROP TABLE x509_capabilities; PRAGMA user_version = 5;",
            )
            .unwrap();
        }
        let k = Keyring::open(&dir).unwrap();
        assert_eq!(kept_rows(&k), 1);
        assert!(candidates(&k, "a@example.org")[0].is_some());
    }
}
