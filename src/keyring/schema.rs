//! The keyring database: where it lives, how it is opened, and its tables.
//!
//! One SQLite file, `keyring.sqlite`, in the keyring directory. WAL
//! journaling lets a reader (a mail client verifying) run beside a writer
//! (a script importing); the busy timeout makes a second writer wait
//! instead of failing. The schema version lives in `PRAGMA user_version`,
//! so later versions (OpenPGP tables) can migrate older files.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// The database file's name inside the keyring directory.
pub const DB_FILE: &str = "keyring.sqlite";

/// The schema this program writes.
pub const SCHEMA_VERSION: i64 = 9;

/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Version 8: what the keyring learned from signed mail (see
/// `super::learned`): certificates kept because they came with a signed
/// message that verified ("seen in signed mail from ADDR at TIME", once
/// per certificate), and each certificate's S/MIME capabilities, from its
/// own SMIMECapabilities extension (RFC 4262) and from the newest signed
/// mail of its holder. Both go with their certificate; the migration
/// reads the extension of the certificates already stored. Self-contained:
/// it creates only its own tables and reads only `x509_certs`.
const SCHEMA_V8: &str = "
CREATE TABLE x509_seen_in_mail (
    fingerprint TEXT PRIMARY KEY REFERENCES x509_certs(fingerprint) ON DELETE CASCADE,
    sender      TEXT,                  -- the From address, lower-cased; NULL if not known
    seen_at     INTEGER NOT NULL       -- the signing time, else the time it was verified
) WITHOUT ROWID;

CREATE TABLE x509_capabilities (
    fingerprint  TEXT NOT NULL REFERENCES x509_certs(fingerprint) ON DELETE CASCADE,
    source       TEXT NOT NULL,        -- 'certificate' (RFC 4262) or 'signed-mail'
    signed_at    INTEGER NOT NULL,     -- signed mail: its signing time (the newest wins)
    capabilities BLOB NOT NULL,        -- SMIMECapabilities, DER, as announced
    PRIMARY KEY (fingerprint, source)
) WITHOUT ROWID;
";

/// Version 9: recipient groups (`keyring group`): an address, such as a
/// mailing list's, that expands to its members when encrypting. One row
/// per member; a group is the set of its rows. Self-contained: it reads
/// and changes no other table, so it applies after any version 8, and
/// keeps the groups of a keyring whose version number was set back.
const SCHEMA_V9: &str = "
CREATE TABLE IF NOT EXISTS recipient_groups (
    name   TEXT NOT NULL,              -- lower-cased group address (or gpg group name)
    member TEXT NOT NULL,              -- lower-cased address, or an OpenPGP fingerprint
    PRIMARY KEY (name, member)
) WITHOUT ROWID;
";

/// Version 7: `pgp_keys` with its primary-key columns declared first,
/// the order in which SQLite stores the row of a WITHOUT ROWID table. The
/// `sqlite3` tool of Debian 12 (SQLite 3.40) checks a NOT NULL column
/// declared before a primary-key column at the wrong place in the record,
/// and its `PRAGMA integrity_check` called every keyring corrupt ("NULL
/// value in pgp_keys.keyid"). Same rows, same indexes; every WITHOUT ROWID
/// table now declares its primary-key columns first (a test keeps it so).
const SCHEMA_V7: &str = "
CREATE TABLE pgp_keys_v7 (
    key_fingerprint  TEXT NOT NULL,    -- primary key or subkey
    cert_fingerprint TEXT NOT NULL REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
    keyid            TEXT NOT NULL,    -- its 16-digit key ID
    PRIMARY KEY (key_fingerprint, cert_fingerprint)
) WITHOUT ROWID;
INSERT INTO pgp_keys_v7 (key_fingerprint, cert_fingerprint, keyid)
    SELECT key_fingerprint, cert_fingerprint, keyid FROM pgp_keys;
DROP TABLE pgp_keys;
ALTER TABLE pgp_keys_v7 RENAME TO pgp_keys;
CREATE INDEX pgp_keys_keyid ON pgp_keys(keyid);
CREATE INDEX pgp_keys_cert ON pgp_keys(cert_fingerprint);
";

/// Version 6: what encrypting to an RSA certificate needs of it, kept
/// beside it (see `super::x509_recipients`): derived data, written and
/// deleted with the certificate; the migration fills it in.
const SCHEMA_V6: &str = "
CREATE TABLE x509_recipients (
    fingerprint TEXT PRIMARY KEY REFERENCES x509_certs(fingerprint) ON DELETE CASCADE,
    not_before  INTEGER NOT NULL,
    not_after   INTEGER NOT NULL,
    spki        BLOB NOT NULL,         -- subjectPublicKeyInfo, DER
    rid         BLOB NOT NULL          -- IssuerAndSerialNumber, DER
) WITHOUT ROWID;
";

/// Version 5: judgements of OpenPGP certificates as encryption
/// recipients, kept between runs (see `crate::openpgp::recipient_cache`):
/// for one certificate and address, the keys to encrypt to and the times
/// between which that holds. Derived data: a row goes whenever its
/// certificate is written, and dropping all of them loses nothing.
const SCHEMA_V5: &str = "
CREATE TABLE pgp_recipients (
    fingerprint TEXT NOT NULL REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
    email       TEXT NOT NULL,         -- the lower-cased address judged
    judged_by   TEXT NOT NULL,         -- the program version that judged it
    created     INTEGER NOT NULL,      -- primary key creation time
    keys        BLOB NOT NULL,         -- the encryption keys, binary key packets
    seipd_v2    INTEGER NOT NULL,      -- whether SEIPD v2 is advertised
    valid_from  INTEGER NOT NULL,      -- Unix seconds: it holds for reference
    valid_until INTEGER NOT NULL,      --   times in [valid_from, valid_until)
    PRIMARY KEY (email, fingerprint)
) WITHOUT ROWID;
CREATE INDEX pgp_recipients_fingerprint ON pgp_recipients(fingerprint);
";

/// Version 4: Sequoia's signature-verification cache, kept between runs.
/// Each value is a hash over a signature, the digest it signs and the
/// key that verified it, stored only after a successful verification:
/// derived data, dropping it loses nothing.
const SCHEMA_V4: &str = "
CREATE TABLE pgp_verified (
    value BLOB PRIMARY KEY
) WITHOUT ROWID;
";

/// Version 3: OpenPGP certificates (one row per certificate, merged on
/// import), the keys and addresses they hold for indexed lookup, their
/// S2K-protected secret keys, web-of-trust roots, and pinned bindings for
/// either protocol.
const SCHEMA_V3: &str = "
CREATE TABLE pgp_certs (
    fingerprint TEXT PRIMARY KEY,      -- primary key fingerprint, upper-case hex
    version     INTEGER NOT NULL,      -- 4 or 6
    created     INTEGER NOT NULL,      -- primary key creation time
    userid      TEXT NOT NULL,         -- primary user ID, for listing
    userid_lc   TEXT NOT NULL,         -- lower-cased, for name search
    cert        BLOB NOT NULL          -- transferable public key, binary
) WITHOUT ROWID;

CREATE TABLE pgp_keys (
    key_fingerprint  TEXT NOT NULL,    -- primary key or subkey
    keyid            TEXT NOT NULL,    -- its 16-digit key ID
    cert_fingerprint TEXT NOT NULL REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
    PRIMARY KEY (key_fingerprint, cert_fingerprint)
) WITHOUT ROWID;
CREATE INDEX pgp_keys_keyid ON pgp_keys(keyid);
CREATE INDEX pgp_keys_cert ON pgp_keys(cert_fingerprint);

CREATE TABLE pgp_emails (
    email       TEXT NOT NULL,         -- lower-cased address of a user ID
    fingerprint TEXT NOT NULL REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
    PRIMARY KEY (email, fingerprint)
) WITHOUT ROWID;
CREATE INDEX pgp_emails_fingerprint ON pgp_emails(fingerprint);

CREATE TABLE pgp_secret_keys (
    fingerprint TEXT PRIMARY KEY REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
    tsk         BLOB NOT NULL          -- transferable secret key, secrets S2K-encrypted
) WITHOUT ROWID;

CREATE TABLE pgp_roots (
    fingerprint TEXT PRIMARY KEY,      -- a web-of-trust root the user chose
    amount      INTEGER NOT NULL       -- 1..=120
) WITHOUT ROWID;

CREATE TABLE pins (
    fingerprint TEXT NOT NULL,         -- X.509 SHA-256 or OpenPGP primary fingerprint
    email       TEXT NOT NULL,         -- lower-cased; the pinned binding
    protocol    TEXT NOT NULL,         -- 'smime' or 'openpgp'
    created     INTEGER NOT NULL,
    PRIMARY KEY (fingerprint, email)
) WITHOUT ROWID;
";

/// Version 2: a cache of trust decisions (see `crate::trust::cache`).
/// Only derived data: dropping it loses nothing.
const SCHEMA_V2: &str = "
CREATE TABLE trust_cache (
    key TEXT PRIMARY KEY,              -- signer fingerprint, address, offered certificates
    inputs TEXT NOT NULL,              -- digest of the anchors, CA certificates and CRLs used
    value TEXT NOT NULL,               -- the decision, JSON
    valid_from INTEGER NOT NULL,       -- Unix seconds: usable for reference times in
    valid_until INTEGER NOT NULL       --   [valid_from, valid_until]
);
";

/// Version 1: X.509 certificates, their addresses, secret keys, CRLs and
/// trust anchors. Fingerprints are upper-case hex; times are Unix seconds.
const SCHEMA_V1: &str = "
CREATE TABLE x509_certs (
    fingerprint TEXT PRIMARY KEY,      -- SHA-256 of the DER
    sha1        TEXT NOT NULL,         -- SHA-1 of the DER
    spki_sha256 TEXT NOT NULL,         -- SHA-256 of subjectPublicKeyInfo
    subject     TEXT NOT NULL,
    subject_lc  TEXT NOT NULL,         -- lower-cased, for name search
    issuer      TEXT NOT NULL,
    serial      TEXT NOT NULL,         -- upper-case hex
    not_before  INTEGER NOT NULL,
    not_after   INTEGER NOT NULL,
    der         BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX x509_certs_sha1 ON x509_certs(sha1);
CREATE INDEX x509_certs_spki ON x509_certs(spki_sha256);
CREATE INDEX x509_certs_serial ON x509_certs(serial);

CREATE TABLE x509_emails (
    email       TEXT NOT NULL,
    fingerprint TEXT NOT NULL REFERENCES x509_certs(fingerprint) ON DELETE CASCADE,
    PRIMARY KEY (email, fingerprint)
) WITHOUT ROWID;
CREATE INDEX x509_emails_fingerprint ON x509_emails(fingerprint);

CREATE TABLE x509_secret_keys (
    spki_sha256     TEXT PRIMARY KEY,
    algorithm       TEXT NOT NULL,
    encrypted_pkcs8 BLOB NOT NULL     -- EncryptedPrivateKeyInfo, PBES2
) WITHOUT ROWID;

CREATE TABLE x509_crls (
    sha256      TEXT PRIMARY KEY,
    issuer      TEXT NOT NULL,
    this_update INTEGER NOT NULL,
    next_update INTEGER,
    der         BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX x509_crls_issuer ON x509_crls(issuer);

CREATE TABLE x509_anchors (
    fingerprint TEXT PRIMARY KEY,
    sha1        TEXT NOT NULL,
    subject_lc  TEXT NOT NULL,
    der         BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX x509_anchors_sha1 ON x509_anchors(sha1);

CREATE TABLE x509_anchor_domains (
    fingerprint TEXT NOT NULL REFERENCES x509_anchors(fingerprint) ON DELETE CASCADE,
    domain      TEXT NOT NULL,
    PRIMARY KEY (fingerprint, domain)
) WITHOUT ROWID;
";

/// Opens (creating if needed) the database in `dir` and brings its schema
/// up to date.
pub fn open_db(dir: &Path) -> Result<Connection> {
    create_private_dir(dir)?;
    let path = dir.join(DB_FILE);
    create_private_file(&path)?;
    let mut conn = Connection::open(&path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String =
        retry_busy(|| conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Keyring(format!(
            "{}: cannot use write-ahead logging (journal mode {mode})",
            path.display()
        )));
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    let version = retry_busy(|| migrate(&mut conn))?;
    if version > SCHEMA_VERSION {
        return Err(Error::Keyring(format!(
            "the keyring has schema version {version}, newer than this program's \
             {SCHEMA_VERSION}; upgrade mailseal"
        )));
    }
    Ok(conn)
}

/// An empty keyring database in memory, with the current schema: what a
/// command that only reads works on in a directory without a keyring.
pub fn open_empty() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Retries `f` while SQLite reports the database busy, up to the busy
/// timeout. SQLite skips its busy handler where waiting could deadlock:
/// switching a fresh file to WAL while another connection does the same.
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> Result<T> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match f() {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return Ok(other?),
        }
    }
}

/// Every stored X.509 certificate that parses, with its fingerprint:
/// what a migration that derives rows from the certificates reads. One
/// that does not parse is left out.
pub(crate) fn stored_certificates(
    conn: &Connection,
) -> rusqlite::Result<Vec<(String, x509_cert::Certificate)>> {
    use der::Decode;
    let stored: Vec<(String, Vec<u8>)> = conn
        .prepare("SELECT fingerprint, der FROM x509_certs")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(stored
        .into_iter()
        .filter_map(|(fingerprint, der)| {
            x509_cert::Certificate::from_der(&der)
                .ok()
                .map(|cert| (fingerprint, cert))
        })
        .collect())
}

/// Creates the schema in a fresh database, inside one immediate
/// transaction so two processes opening a new keyring at once cannot both
/// create it. Returns the version found; a newer one is left untouched.
fn migrate(conn: &mut Connection) -> rusqlite::Result<i64> {
    // The common case, a current schema, needs no write lock.
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(current);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < 1 {
        tx.execute_batch(SCHEMA_V1)?;
    }
    if version < 2 {
        tx.execute_batch(SCHEMA_V2)?;
    }
    if version < 3 {
        tx.execute_batch(SCHEMA_V3)?;
    }
    if version < 4 {
        tx.execute_batch(SCHEMA_V4)?;
    }
    if version < 5 {
        tx.execute_batch(SCHEMA_V5)?;
    }
    if version < 6 {
        tx.execute_batch(SCHEMA_V6)?;
        super::x509_recipients::fill(&tx)?;
    }
    if version < 7 {
        tx.execute_batch(SCHEMA_V7)?;
    }
    if version < 8 {
        tx.execute_batch(SCHEMA_V8)?;
        super::learned::fill(&tx)?;
    }
    if version < 9 {
        tx.execute_batch(SCHEMA_V9)?;
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(version)
}

/// Creates the keyring directory, mode 0700 on Unix. An existing directory
/// is left as the user made it.
fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::io(dir, e))
}

/// Creates the database file mode 0600 before SQLite opens it (SQLite would
/// use the umask, usually 0644); its -wal and -shm files inherit that mode.
/// A file readable by others is tightened: it holds encrypted secret keys.
fn create_private_file(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path).map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        if meta.permissions().mode() & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))
                .map_err(|e| Error::io(path, e))?;
        }
    }
    drop(file);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_private_dir_and_file_with_schema() {
        let tmp = tempfile::TempDir::new().unwrap();
        let dir = tmp.path().join("a").join("keyring");
        let conn = open_db(&dir).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&dir.join(DB_FILE)), 0o600);
        }
        drop(conn);
        // Re-opening keeps the schema and does not fail.
        open_db(&dir).unwrap();
    }

    /// The primary-key columns of each WITHOUT ROWID table, and the
    /// columns declared before the last of them.
    fn key_layout(conn: &Connection) -> Vec<(String, Vec<String>, Vec<String>)> {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        tables
            .into_iter()
            .map(|t| {
                let cols: Vec<(String, i64)> = conn
                    .prepare(&format!("PRAGMA table_info({t})"))
                    .unwrap()
                    .query_map([], |r| Ok((r.get(1)?, r.get(5)?)))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                let last_key = cols.iter().rposition(|(_, pk)| *pk > 0).unwrap();
                let keys = cols
                    .iter()
                    .filter(|(_, pk)| *pk > 0)
                    .map(|(c, _)| c.clone());
                let before = cols[..=last_key].iter().map(|(c, _)| c.clone());
                (t, keys.collect(), before.collect())
            })
            .collect()
    }

    /// What makes SQLite 3.40's integrity check report false NOT NULL
    /// violations: a column declared before a primary-key column.
    #[test]
    fn without_rowid_tables_declare_their_primary_key_first() {
        let conn = open_empty().unwrap();
        let layout = key_layout(&conn);
        assert!(layout.iter().any(|(t, _, _)| t == "pgp_keys"));
        for (table, keys, before) in layout {
            let mut sorted_before = before.clone();
            sorted_before.sort();
            let mut sorted_keys = keys.clone();
            sorted_keys.sort();
            assert_eq!(
                sorted_before, sorted_keys,
                "{table}: {before:?} before the key {keys:?}"
            );
        }
    }

    #[test]
    fn version_7_keeps_the_key_index_of_a_version_6_keyring() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        for batch in [
            SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6,
        ] {
            conn.execute_batch(batch).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
        conn.execute_batch(
            "INSERT INTO pgp_certs VALUES ('C', 4, 1, 'a', 'a', x'00');
             INSERT INTO pgp_keys (key_fingerprint, keyid, cert_fingerprint) VALUES ('C', 'K1', 'C');
             INSERT INTO pgp_keys (key_fingerprint, keyid, cert_fingerprint) VALUES ('S', 'K2', 'C');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 6);
        let rows: Vec<(String, String, String)> = conn
            .prepare("SELECT key_fingerprint, keyid, cert_fingerprint FROM pgp_keys ORDER BY 1")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let row = |k: &str, id: &str| (k.to_string(), id.to_string(), "C".to_string());
        assert_eq!(rows, [row("C", "K1"), row("S", "K2")]);
        let indexes: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'pgp_keys' \
                 AND name IN ('pgp_keys_keyid', 'pgp_keys_cert')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 2);
        // The foreign key still holds: removing the certificate removes its keys.
        conn.execute("DELETE FROM pgp_certs", []).unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM pgp_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(key_layout(&conn).iter().all(|(_, k, b)| k.len() == b.len()));
    }

    #[test]
    fn version_9_adds_groups_to_a_version_7_keyring_and_keeps_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        for batch in [
            SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7,
        ] {
            conn.execute_batch(batch).unwrap();
        }
        conn.pragma_update(None, "user_version", 7).unwrap();
        conn.execute_batch(
            "INSERT INTO pgp_certs VALUES ('C', 4, 1, 'a', 'a', x'00');
             INSERT INTO pins VALUES ('C', 'a@example.org', 'openpgp', 1);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 7);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        conn.execute(
            "INSERT INTO recipient_groups (name, member) VALUES ('l@example.org', 'a@example.org')",
            [],
        )
        .unwrap();
        let kept: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM pgp_certs) + (SELECT count(*) FROM pins)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, 2);
    }

    #[test]
    fn fail_newer_schema() {
        let tmp = tempfile::TempDir::new().unwrap();
        let conn = open_db(tmp.path()).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        assert!(matches!(open_db(tmp.path()), Err(Error::Keyring(_))));
    }
}
