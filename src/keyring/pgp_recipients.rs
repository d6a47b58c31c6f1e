//! Storage for judgements of OpenPGP certificates as encryption
//! recipients (what they say, and when they hold, is
//! `crate::openpgp::recipient_cache`'s business). A row is only as good as
//! the certificate it was made of: writing a certificate deletes its rows
//! in the same transaction, and a row is only stored while the
//! certificate is still the one it was judged from.
//!
//! What the certificate asks of the encryption is one integer in the
//! column `seipd_v2`: bit 0 for SEIPD v2, bit `1 + n` for symmetric
//! algorithm `n`. The column held the first bit alone before judgement
//! format 2; rows of format 1 are never read (the format is part of
//! `judged_by`), so no schema change was needed.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::Keyring;
use crate::error::Result;
use crate::time::Timestamp;

/// What a judgement says of one certificate and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedRecipient {
    /// The primary key's fingerprint, upper-case hex.
    pub fingerprint: String,
    /// The lower-cased address.
    pub email: String,
    /// SHA-256 of the stored certificate it was made of.
    pub cert_sha256: [u8; 32],
    /// The primary key's creation time (Unix seconds).
    pub created: i64,
    /// The keys to encrypt to: binary public key packets, one after the
    /// other.
    pub keys: Vec<u8>,
    pub seipd_v2: bool,
    /// The symmetric algorithms listed: bit `n` for identifier `n`.
    pub ciphers: u32,
    /// It holds for reference times in `[valid_from, valid_until)`.
    pub valid_from: i64,
    pub valid_until: i64,
}

/// One certificate with an address, and its judgement if one made by
/// `judged_by` holds at the reference time.
#[derive(Debug, Clone)]
pub struct RecipientCandidate {
    pub fingerprint: String,
    pub judged: Option<JudgedRecipient>,
}

/// The `seipd_v2` column's value: SEIPD v2 in bit 0, the symmetric
/// algorithms above it.
fn pack_features(seipd_v2: bool, ciphers: u32) -> i64 {
    i64::from(seipd_v2) | i64::from(ciphers) << 1
}

fn unpack_features(value: i64) -> (bool, u32) {
    let ciphers = u32::try_from((value >> 1) & i64::from(u32::MAX)).unwrap_or(0);
    (value & 1 != 0, ciphers)
}

/// SHA-256 of a certificate as stored.
pub(crate) fn stored_sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl Keyring {
    /// For each of `emails` (lower-cased, in their order), every
    /// certificate with a user ID holding it, and its judgement by
    /// `judged_by` for that address if one holds at `at`. No certificate
    /// is read or parsed.
    pub fn pgp_recipient_candidates(
        &self,
        emails: &[String],
        judged_by: &str,
        at: Timestamp,
    ) -> Result<Vec<Vec<RecipientCandidate>>> {
        let list = super::query::address_list(emails)?;
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT w.key, e.fingerprint, r.created, r.keys, r.seipd_v2, \
             r.valid_from, r.valid_until \
             FROM json_each(?1) w \
             JOIN pgp_emails e ON e.email = w.value \
             LEFT JOIN pgp_recipients r ON r.email = e.email AND r.fingerprint = e.fingerprint \
             AND r.judged_by = ?2 AND r.valid_from <= ?3 AND ?3 < r.valid_until \
             ORDER BY w.key, e.fingerprint",
        )?;
        let at = super::import::to_i64(at.unix());
        let rows = stmt.query_map(params![list, judged_by, at], |r| {
            let index: i64 = r.get(0)?;
            let fingerprint: String = r.get(1)?;
            let judged = match r.get::<_, Option<i64>>(2)? {
                Some(created) => {
                    let (seipd_v2, ciphers) = unpack_features(r.get(4)?);
                    Some(JudgedRecipient {
                        fingerprint: fingerprint.clone(),
                        email: String::new(),
                        cert_sha256: [0; 32],
                        created,
                        keys: r.get(3)?,
                        seipd_v2,
                        ciphers,
                        valid_from: r.get(5)?,
                        valid_until: r.get(6)?,
                    })
                }
                None => None,
            };
            Ok((
                index,
                RecipientCandidate {
                    fingerprint,
                    judged,
                },
            ))
        })?;
        let mut out = super::query::per_address(emails.len(), rows)?;
        for (slot, email) in out.iter_mut().zip(emails) {
            for j in slot.iter_mut().filter_map(|c| c.judged.as_mut()) {
                j.email.clone_from(email);
            }
        }
        Ok(out)
    }

    /// Stores judgements by `judged_by`, each only if its certificate is
    /// still stored as it was judged. Derived data, so this transaction
    /// skips the fsync that keyring changes get: a crash can only lose
    /// rows.
    pub fn store_pgp_recipients(&self, judged_by: &str, rows: &[JudgedRecipient]) -> Result<()> {
        let conn = self.conn()?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        let result = (|| -> Result<()> {
            let tx = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            {
                let mut current =
                    tx.prepare_cached("SELECT cert FROM pgp_certs WHERE fingerprint = ?1")?;
                let mut insert = tx.prepare_cached(
                    "INSERT OR REPLACE INTO pgp_recipients (fingerprint, email, judged_by, \
                     created, keys, seipd_v2, valid_from, valid_until) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for r in rows {
                    let stored: Option<Vec<u8>> = current
                        .query_row([&r.fingerprint], |row| row.get(0))
                        .optional()?;
                    if stored.is_some_and(|c| stored_sha256(&c) == r.cert_sha256) {
                        insert.execute(params![
                            r.fingerprint,
                            r.email,
                            judged_by,
                            r.created,
                            r.keys,
                            pack_features(r.seipd_v2, r.ciphers),
                            r.valid_from,
                            r.valid_until
                        ])?;
                    }
                }
            }
            Ok(tx.commit()?)
        })();
        conn.pragma_update(None, "synchronous", "FULL")?;
        result
    }
}

#[cfg(test)]
mod tests {
    use sequoia_openpgp::cert::prelude::*;
    use sequoia_openpgp::packet::signature::SignatureBuilder;
    use sequoia_openpgp::packet::Packet;
    use sequoia_openpgp::serialize::SerializeInto;
    use sequoia_openpgp::types::SignatureType;

    use super::*;
    use crate::keyring::testutil::pass;
    use crate::openpgp::tests::util::primary_keypair;

    const AT: Timestamp = Timestamp(1_780_315_200);

    /// A new key whose certificate (without secrets) is imported.
    fn imported(k: &Keyring, userid: &str) -> Cert {
        let tsk = CertBuilder::general_purpose(Some(userid))
            .generate()
            .unwrap()
            .0;
        let public = tsk.clone().strip_secret_key_material();
        k.import(&public.to_vec().unwrap(), &pass("x")).unwrap();
        tsk
    }

    fn judged(k: &Keyring, email: &str) -> JudgedRecipient {
        let stored = k.pgp_by_email(email).unwrap().remove(0);
        JudgedRecipient {
            fingerprint: stored.fingerprint,
            email: email.into(),
            cert_sha256: stored.stored_sha256,
            created: 1,
            keys: vec![1, 2, 3],
            seipd_v2: true,
            ciphers: 1 << 9 | 1 << 7,
            valid_from: i64::try_from(AT.0).unwrap(),
            valid_until: i64::try_from(AT.0 + 100).unwrap(),
        }
    }

    fn found(k: &Keyring, emails: &[&str], by: &str, at: u64) -> Vec<Vec<bool>> {
        let emails: Vec<String> = emails.iter().map(|e| e.to_string()).collect();
        k.pgp_recipient_candidates(&emails, by, Timestamp(at))
            .unwrap()
            .iter()
            .map(|c| c.iter().map(|c| c.judged.is_some()).collect())
            .collect()
    }

    #[test]
    fn judgements_found_by_address_version_and_time() {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        imported(&k, "A <a@example.org>");
        imported(&k, "B <b@example.org>");
        let a = judged(&k, "a@example.org");
        k.store_pgp_recipients("v1", std::slice::from_ref(&a))
            .unwrap();
        let asked = ["b@example.org", "a@example.org", "nobody@example.org"];
        assert_eq!(
            found(&k, &asked, "v1", AT.0),
            [vec![false], vec![true], vec![]]
        );
        let row = k
            .pgp_recipient_candidates(&["a@example.org".into()], "v1", AT)
            .unwrap()
            .remove(0)
            .remove(0);
        let mut expected = a.clone();
        expected.cert_sha256 = [0; 32];
        assert_eq!(row.judged.unwrap(), expected);
        assert_eq!(found(&k, &asked, "v2", AT.0)[1], [false], "another version");
        assert_eq!(found(&k, &asked, "v1", AT.0 - 1)[1], [false], "before");
        assert_eq!(found(&k, &asked, "v1", AT.0 + 99)[1], [true]);
        assert_eq!(found(&k, &asked, "v1", AT.0 + 100)[1], [false], "after");
    }

    #[test]
    fn features_pack_into_one_column() {
        for (v2, ciphers) in [(false, 0), (true, 0), (true, 1 << 7), (false, u32::MAX)] {
            assert_eq!(unpack_features(pack_features(v2, ciphers)), (v2, ciphers));
        }
        // A row of judgement format 1 held 0 or 1 alone.
        assert_eq!(unpack_features(1), (true, 0));
    }

    #[test]
    fn a_judgement_goes_with_its_certificate() {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        let cert = imported(&k, "A <a@example.org>");
        let a = judged(&k, "a@example.org");
        // Not of the certificate as stored: not kept.
        let mut other = a.clone();
        other.cert_sha256[0] ^= 1;
        k.store_pgp_recipients("v1", &[other]).unwrap();
        assert_eq!(found(&k, &["a@example.org"], "v1", AT.0), [vec![false]]);
        k.store_pgp_recipients("v1", &[a]).unwrap();
        assert_eq!(found(&k, &["a@example.org"], "v1", AT.0), [vec![true]]);
        // The certificate written again with a new user ID: judgements of
        // it as it was are gone.
        let mut signer = primary_keypair(&cert);
        let uid = sequoia_openpgp::packet::UserID::from("A2 <a@example.org>");
        let binding = uid
            .bind(
                &mut signer,
                &cert,
                SignatureBuilder::new(SignatureType::PositiveCertification),
            )
            .unwrap();
        let (updated, _) = cert
            .clone()
            .insert_packets(vec![Packet::from(uid), binding.into()])
            .unwrap();
        k.pgp_merge(updated).unwrap();
        assert_eq!(found(&k, &["a@example.org"], "v1", AT.0), [vec![false]]);
        // And removing the certificate removes its rows.
        let a = judged(&k, "a@example.org");
        k.store_pgp_recipients("v1", &[a]).unwrap();
        k.remove(&cert.fingerprint().to_hex(), true).unwrap();
        let conn = k.conn().unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM pgp_recipients", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }
}
