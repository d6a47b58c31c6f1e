//! Storage for the trust-decision cache: rows of derived data, tagged with
//! a digest of the inputs they were computed from. Rows for other inputs
//! are dropped when new ones are stored.

use rusqlite::params;

use super::Keyring;
use crate::error::Result;

/// One cached decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheRow {
    pub key: String,
    /// The decision, serialized by the trust module.
    pub value: String,
    pub valid_from: i64,
    pub valid_until: i64,
}

impl Keyring {
    /// Every certificate's fingerprint and notAfter (Unix seconds), read
    /// from the index without parsing a certificate: what the trust cache
    /// tags its rows with.
    pub fn cert_summary(&self) -> Result<Vec<(String, i64)>> {
        let conn = self.conn()?;
        let mut stmt = conn
            .prepare_cached("SELECT fingerprint, not_after FROM x509_certs ORDER BY fingerprint")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Cached decisions computed from `inputs`.
    pub fn trust_cache(&self, inputs: &str) -> Result<Vec<CacheRow>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT key, value, valid_from, valid_until FROM trust_cache WHERE inputs = ?1",
        )?;
        let rows = stmt.query_map([inputs], |r| {
            Ok(CacheRow {
                key: r.get(0)?,
                value: r.get(1)?,
                valid_from: r.get(2)?,
                valid_until: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds decisions computed from `inputs` and drops those from other
    /// inputs. The cache is derived data, so this transaction skips the
    /// fsync that keyring changes get: a crash can only lose cache rows.
    pub fn store_trust_cache(&self, inputs: &str, rows: &[CacheRow]) -> Result<()> {
        let conn = self.conn()?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        let result = (|| -> rusqlite::Result<()> {
            let tx = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            tx.execute("DELETE FROM trust_cache WHERE inputs <> ?1", [inputs])?;
            {
                let mut stmt = tx.prepare_cached(
                    "INSERT OR REPLACE INTO trust_cache (key, inputs, value, valid_from, valid_until) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for r in rows {
                    stmt.execute(params![r.key, inputs, r.value, r.valid_from, r.valid_until])?;
                }
            }
            tx.commit()
        })();
        conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(result?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str) -> CacheRow {
        CacheRow {
            key: key.into(),
            value: "{}".into(),
            valid_from: 10,
            valid_until: 20,
        }
    }

    #[test]
    fn stores_and_replaces_by_inputs() {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        k.store_trust_cache("A", &[row("x"), row("y")]).unwrap();
        assert_eq!(k.trust_cache("A").unwrap().len(), 2);
        k.store_trust_cache("B", &[row("z")]).unwrap();
        assert!(
            k.trust_cache("A").unwrap().is_empty(),
            "other inputs are dropped"
        );
        assert_eq!(k.trust_cache("B").unwrap(), vec![row("z")]);
    }
}
