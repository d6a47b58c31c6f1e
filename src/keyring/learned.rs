//! What the keyring keeps from signed mail (schema v8): certificates that
//! came with a signed message that verified, noted as "seen in signed
//! mail from ADDR at TIME" once per certificate, and S/MIME capabilities
//! (RFC 8551 section 2.5.2) for the cipher choice: those a certificate
//! announces itself (RFC 4262), stored with it, and those its holder's
//! newest verified signed mail announced.
//!
//! Storage only: what is worth keeping is decided while mail is judged
//! (`crate::trust::learn`), and kept here in one transaction per run. A
//! kept certificate is one more certificate: no validity comes with it.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use x509_cert::Certificate;

use super::import::to_i64;
use super::{store, Keyring};
use crate::error::{Error, Result};
use crate::smime::capabilities;
use crate::time::Timestamp;

/// The `source` of capabilities announced by a certificate's extension.
const FROM_CERTIFICATE: &str = "certificate";
/// The `source` of capabilities announced in signed mail.
const FROM_SIGNED_MAIL: &str = "signed-mail";

/// A certificate that came with a signed message that verified.
#[derive(Debug, Clone)]
pub struct Sighting {
    /// SHA-256 of the certificate, upper-case hex.
    pub fingerprint: String,
    pub cert: Certificate,
    /// The message's From address, when it has one.
    pub sender: Option<String>,
    /// The signing time, else the time the message was verified.
    pub seen_at: Timestamp,
}

/// What a signature that verified announced its signer reads.
#[derive(Debug, Clone)]
pub struct Announced {
    /// The signer's certificate (which the same run keeps if it is new).
    pub fingerprint: String,
    pub signed_at: Timestamp,
    /// The SMIMECapabilities value, DER.
    pub capabilities: Vec<u8>,
}

/// What one run learned from the mail it verified.
#[derive(Debug, Default, Clone)]
pub struct FromMail {
    pub sightings: Vec<Sighting>,
    pub announced: Vec<Announced>,
}

/// What was written: certificates new to the keyring, and capability
/// lists new or newer than those kept.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub certificates: usize,
    pub capabilities: usize,
}

/// A certificate's capabilities as the keyring knows them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KnownCapabilities {
    /// A secret key for the certificate is in the keyring: it is the
    /// user's own, and mailseal reads what is encrypted to it.
    pub own: bool,
    /// From the holder's newest signed mail: its signing time and the DER.
    pub signed_mail: Option<(Timestamp, Vec<u8>)>,
    /// From the certificate's SMIMECapabilities extension, DER.
    pub certificate: Option<Vec<u8>>,
}

/// Where a certificate came from, as far as the keyring noted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenInMail {
    pub sender: Option<String>,
    pub seen_at: Timestamp,
}

/// Keeps the capabilities a certificate just stored announces itself.
pub(crate) fn insert_certificate_capabilities(
    conn: &Connection,
    cert: &Certificate,
    fingerprint: &str,
) -> Result<()> {
    if let Some(der) = capabilities::from_certificate(cert) {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO x509_capabilities \
             (fingerprint, source, signed_at, capabilities) VALUES (?1, ?2, 0, ?3)",
        )?
        .execute(params![fingerprint, FROM_CERTIFICATE, der])?;
    }
    Ok(())
}

/// Rows for the certificates already stored (the migration to schema
/// v8). A certificate that does not parse gets none.
pub(crate) fn fill(conn: &Connection) -> rusqlite::Result<()> {
    for (fingerprint, cert) in super::schema::stored_certificates(conn)? {
        if let Some(caps) = capabilities::from_certificate(&cert) {
            conn.execute(
                "INSERT OR REPLACE INTO x509_capabilities \
                 (fingerprint, source, signed_at, capabilities) VALUES (?1, ?2, 0, ?3)",
                params![fingerprint, FROM_CERTIFICATE, caps],
            )?;
        }
    }
    Ok(())
}

/// For each fingerprint of `wanted`: whether its certificate is stored,
/// and the signing time of the capabilities kept from its signed mail.
type StoredState = HashMap<String, (bool, Option<i64>)>;

impl Keyring {
    /// Keeps what a run learned from signed mail, in one transaction, and
    /// only what is new: certificates not yet stored (each with its note)
    /// and capability lists newer than those kept (a list that does not
    /// parse is dropped). When nothing is new, nothing is written: a
    /// mailbox checked again leaves the keyring as it was.
    pub fn keep_from_mail(&self, learned: &FromMail) -> Result<Kept> {
        let wanted: Vec<String> = learned
            .sightings
            .iter()
            .map(|s| s.fingerprint.clone())
            .chain(learned.announced.iter().map(|a| a.fingerprint.clone()))
            .collect();
        if wanted.is_empty() {
            return Ok(Kept::default());
        }
        let state = self.stored_state(&wanted)?;
        let is_stored = |fp: &str| state.get(fp).is_some_and(|(stored, _)| *stored);
        let new_certs: Vec<&Sighting> = learned
            .sightings
            .iter()
            .filter(|s| !is_stored(&s.fingerprint))
            .collect();
        let will_be_stored =
            |fp: &str| is_stored(fp) || new_certs.iter().any(|s| s.fingerprint == fp);
        let newer: Vec<(&Announced, Vec<u8>)> = learned
            .announced
            .iter()
            .filter(|a| will_be_stored(&a.fingerprint))
            .filter(|a| {
                let kept = state.get(&a.fingerprint).and_then(|(_, at)| *at);
                kept.is_none_or(|at| at < to_i64(a.signed_at.unix()))
            })
            .filter_map(|a| capabilities::checked(a.capabilities.clone()).map(|der| (a, der)))
            .collect();
        if new_certs.is_empty() && newer.is_empty() {
            return Ok(Kept::default());
        }
        self.write(|tx| {
            let mut kept = Kept::default();
            for s in &new_certs {
                if store::insert_cert(tx, &s.cert)? {
                    note_sighting(tx, s)?;
                    kept.certificates += 1;
                }
            }
            for (a, der) in &newer {
                kept.capabilities += keep_announced(tx, a, der)?;
            }
            Ok(kept)
        })
    }

    fn stored_state(&self, wanted: &[String]) -> Result<StoredState> {
        let list = serde_json::to_string(wanted)
            .map_err(|e| Error::Keyring(format!("listing certificates: {e}")))?;
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT w.value, c.fingerprint IS NOT NULL, cap.signed_at \
             FROM json_each(?1) w \
             LEFT JOIN x509_certs c ON c.fingerprint = w.value \
             LEFT JOIN x509_capabilities cap \
               ON cap.fingerprint = w.value AND cap.source = 'signed-mail'",
        )?;
        let rows = stmt.query_map([list], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The capabilities the keyring knows for each of `fingerprints`, in
    /// their order (the default for a certificate it does not hold). One
    /// query however many recipients.
    pub fn capabilities_of(&self, fingerprints: &[String]) -> Result<Vec<KnownCapabilities>> {
        let list = serde_json::to_string(fingerprints)
            .map_err(|e| Error::Keyring(format!("listing certificates: {e}")))?;
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT w.key, \
               EXISTS (SELECT 1 FROM x509_secret_keys k WHERE k.spki_sha256 = c.spki_sha256), \
               cap.source, cap.signed_at, cap.capabilities \
             FROM json_each(?1) w \
             JOIN x509_certs c ON c.fingerprint = w.value \
             LEFT JOIN x509_capabilities cap ON cap.fingerprint = c.fingerprint",
        )?;
        let rows = stmt.query_map([list], |r| {
            let index: i64 = r.get(0)?;
            let source: Option<String> = r.get(2)?;
            let signed_at: Option<i64> = r.get(3)?;
            let der: Option<Vec<u8>> = r.get(4)?;
            Ok((index, (r.get::<_, bool>(1)?, source, signed_at, der)))
        })?;
        let mut out = vec![KnownCapabilities::default(); fingerprints.len()];
        for row in rows {
            let (index, (own, source, signed_at, der)) = row?;
            let Some(known) = usize::try_from(index).ok().and_then(|i| out.get_mut(i)) else {
                continue;
            };
            known.own = own;
            match (source.as_deref(), der) {
                (Some(FROM_SIGNED_MAIL), Some(der)) => {
                    let at = signed_at.and_then(|s| u64::try_from(s).ok()).unwrap_or(0);
                    known.signed_mail = Some((Timestamp(at), der));
                }
                (Some(FROM_CERTIFICATE), Some(der)) => known.certificate = Some(der),
                _ => {}
            }
        }
        Ok(out)
    }

    /// The note of a certificate kept from signed mail, if it was.
    pub fn seen_in_mail(&self, fingerprint: &str) -> Result<Option<SeenInMail>> {
        let conn = self.conn()?;
        let row: Option<(Option<String>, i64)> = conn
            .prepare_cached("SELECT sender, seen_at FROM x509_seen_in_mail WHERE fingerprint = ?1")?
            .query_row([fingerprint], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.map(|(sender, at)| SeenInMail {
            sender,
            seen_at: Timestamp(u64::try_from(at).unwrap_or(0)),
        }))
    }
}

fn note_sighting(tx: &Connection, s: &Sighting) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO x509_seen_in_mail (fingerprint, sender, seen_at) \
         VALUES (?1, ?2, ?3)",
    )?
    .execute(params![s.fingerprint, s.sender, to_i64(s.seen_at.unix())])?;
    Ok(())
}

/// Keeps an announced list unless the keyring holds a newer one (another
/// process may have kept one since it was read) or lost the certificate.
fn keep_announced(tx: &Connection, a: &Announced, der: &[u8]) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO x509_capabilities (fingerprint, source, signed_at, capabilities) \
             SELECT ?1, 'signed-mail', ?2, ?3 \
             WHERE EXISTS (SELECT 1 FROM x509_certs WHERE fingerprint = ?1) \
             ON CONFLICT (fingerprint, source) DO UPDATE \
             SET signed_at = excluded.signed_at, capabilities = excluded.capabilities \
             WHERE excluded.signed_at > x509_capabilities.signed_at",
        )?
        .execute(params![a.fingerprint, to_i64(a.signed_at.unix()), der])?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::testutil::{pass, Scratch, PASS};
    use crate::smime::capabilities::Capabilities;
    use der::DecodePem;

    /// SMIMECapabilities { aes256-GCM, aes256-CBC }, as the RFC 4262
    /// extension of the certificates mailseal makes.
    const GCM_AND_CBC: &str = "301a300b060960864801650304012e300b060960864801650304012a";

    fn cert(s: &Scratch, stem: &str) -> (Certificate, String) {
        let c = Certificate::from_pem(s.read(&format!("{stem}.pem"))).unwrap();
        let fp = crate::smime::cert::fingerprint(&c);
        (c, fp)
    }

    fn rows(k: &Keyring, table: &str) -> i64 {
        k.conn()
            .unwrap()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    fn sighting(c: &(Certificate, String), sender: &str, at: u64) -> Sighting {
        Sighting {
            fingerprint: c.1.clone(),
            cert: c.0.clone(),
            sender: Some(sender.into()),
            seen_at: Timestamp(at),
        }
    }

    fn announced(c: &(Certificate, String), at: u64, caps: Vec<u8>) -> Announced {
        Announced {
            fingerprint: c.1.clone(),
            signed_at: Timestamp(at),
            capabilities: caps,
        }
    }

    fn openssl_cbc_only() -> Vec<u8> {
        // SMIMECapabilities { aes256-CBC }
        vec![
            0x30, 0x0d, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01,
            0x2a,
        ]
    }

    #[test]
    fn keeps_new_certificates_once_and_the_newest_capabilities() {
        let s = Scratch::new();
        s.ec_cert("a", "A", "a@example.org");
        s.ec_cert("b", "B", "b@example.org");
        s.ec_cert("x", "X", "x@example.org");
        let k = Keyring::open(&s.keyring_dir("k")).unwrap();
        k.import(&s.read("b.pem"), &pass(PASS)).unwrap();
        let (a, b, x) = (cert(&s, "a"), cert(&s, "b"), cert(&s, "x"));
        let ours = Capabilities::signed_by_us().unwrap().to_der().unwrap();
        let learned = FromMail {
            sightings: vec![
                sighting(&a, "a@example.org", 100),
                sighting(&b, "b@example.org", 100),
            ],
            announced: vec![announced(&a, 100, ours.clone())],
        };
        let kept = k.keep_from_mail(&learned).unwrap();
        assert_eq!(
            kept,
            Kept {
                certificates: 1,
                capabilities: 1
            }
        );
        assert_eq!(rows(&k, "x509_certs"), 2);
        let note = k.seen_in_mail(&a.1).unwrap().unwrap();
        assert_eq!(
            (note.sender.as_deref(), note.seen_at),
            (Some("a@example.org"), Timestamp(100))
        );
        assert_eq!(k.seen_in_mail(&b.1).unwrap(), None, "b was imported");

        // The same again: nothing to write.
        assert_eq!(k.keep_from_mail(&learned).unwrap(), Kept::default());
        assert_eq!(rows(&k, "x509_seen_in_mail"), 1);

        // An older list loses, a newer one wins, garbage is dropped, and a
        // list for a certificate the keyring does not hold is not kept.
        let older = FromMail {
            announced: vec![announced(&a, 50, openssl_cbc_only())],
            ..Default::default()
        };
        assert_eq!(k.keep_from_mail(&older).unwrap(), Kept::default());
        let newer = FromMail {
            announced: vec![
                announced(&a, 200, openssl_cbc_only()),
                announced(&b, 300, vec![0x30, 0x03, 0x06]),
                announced(&x, 300, ours.clone()),
            ],
            ..Default::default()
        };
        assert_eq!(
            k.keep_from_mail(&newer).unwrap(),
            Kept {
                certificates: 0,
                capabilities: 1
            }
        );
        let known = k
            .capabilities_of(&[a.1.clone(), b.1.clone(), x.1.clone()])
            .unwrap();
        assert_eq!(
            known[0].signed_mail,
            Some((Timestamp(200), openssl_cbc_only()))
        );
        assert_eq!(known[1], KnownCapabilities::default());
        assert_eq!(known[2], KnownCapabilities::default());
        assert_eq!(rows(&k, "x509_capabilities"), 1);

        // They go with their certificate.
        k.remove(&a.1, false).unwrap();
        assert_eq!(
            rows(&k, "x509_capabilities") + rows(&k, "x509_seen_in_mail"),
            0
        );
    }

    #[test]
    fn a_certificate_s_own_capabilities_are_kept_on_import_and_by_the_migration() {
        let s = Scratch::new();
        let ext = format!("1.2.840.113549.1.9.15=DER:{GCM_AND_CBC}");
        let args = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-addext",
            &ext,
        ];
        s.self_signed("c", "C", "c@example.org", &args);
        let c = cert(&s, "c");
        let dir = s.keyring_dir("k");
        let want = Capabilities::in_our_certificates().to_der().unwrap();
        {
            let k = Keyring::open(&dir).unwrap();
            k.import(&s.read("c.pem"), &pass(PASS)).unwrap();
            let known = k.capabilities_of(std::slice::from_ref(&c.1)).unwrap();
            assert_eq!(known[0].certificate.as_deref(), Some(want.as_slice()));
            assert!(!known[0].own && known[0].signed_mail.is_none());
            // As a keyring of schema v7 was.
            k.conn()
                .unwrap()
                .execute_batch(
                    "DROP TABLE x509_capabilities; DROP TABLE x509_seen_in_mail; \
                     PRAGMA user_version = 7;",
                )
                .unwrap();
        }
        let k = Keyring::open(&dir).unwrap();
        let known = k.capabilities_of(std::slice::from_ref(&c.1)).unwrap();
        assert_eq!(known[0].certificate.as_deref(), Some(want.as_slice()));
        assert!(k.check().unwrap().is_sound());
    }
}
