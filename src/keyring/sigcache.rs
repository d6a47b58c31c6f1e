//! Sequoia's signature-verification cache, kept in the keyring between
//! runs. Checking the self-signatures and certifications of every
//! certificate is most of the work of building the web of trust; a
//! one-shot process would otherwise repeat all of it each time.
//!
//! An entry is Sequoia's hash over a signature, the digest it covers and
//! the key that verified it; only successful verifications are entered,
//! and an entry is useless for any other signature, digest or key.

use std::sync::mpsc;
use std::time::Duration;

use sequoia_openpgp::packet::signature::cache::SignatureVerificationCache;

use super::Keyring;
use crate::error::Result;

/// Above this many entries the table is emptied before new ones go in,
/// so it cannot grow without bound (each entry is 32 bytes).
const MAX_ENTRIES: i64 = 200_000;

/// How long to wait for Sequoia to load the entries.
const RESTORE_WAIT: Duration = Duration::from_secs(5);

impl Keyring {
    /// Loads the stored entries into Sequoia's cache and waits until they
    /// are in place.
    pub fn restore_verified(&self) -> Result<()> {
        let values: Vec<Vec<u8>> = {
            let conn = self.conn()?;
            let mut stmt = conn.prepare_cached("SELECT value FROM pgp_verified")?;
            let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if values.is_empty() {
            return Ok(());
        }
        let (done, wait) = mpsc::channel();
        SignatureVerificationCache::restore(values.into_iter(), move || {
            let _ = done.send(());
        });
        // A restore still running only costs speed: verification then
        // simply misses the cache.
        let _ = wait.recv_timeout(RESTORE_WAIT);
        Ok(())
    }

    /// Stores the verifications made in this process, if any.
    pub fn save_verified(&self) -> Result<()> {
        if SignatureVerificationCache::insertions() == 0 {
            return Ok(());
        }
        let fresh: Vec<Vec<u8>> = SignatureVerificationCache::dump()
            .into_iter()
            .filter(|e| e.inserted())
            .map(|e| e.value().to_vec())
            .collect();
        self.write(|tx| {
            let count: i64 = tx.query_row("SELECT count(*) FROM pgp_verified", [], |r| r.get(0))?;
            if count + fresh.len() as i64 > MAX_ENTRIES {
                tx.execute("DELETE FROM pgp_verified", [])?;
            }
            let mut stmt =
                tx.prepare_cached("INSERT OR IGNORE INTO pgp_verified (value) VALUES (?1)")?;
            for v in &fresh {
                stmt.execute([v])?;
            }
            Ok(())
        })?;
        SignatureVerificationCache::clear_insertions();
        Ok(())
    }
}
