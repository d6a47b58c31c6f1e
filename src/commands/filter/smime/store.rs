//! The key and certificate directories neomutt and mutt read
//! ($smime_keys, $smime_certificates), written from the keyring: the
//! user never keeps a second store by hand.
//!
//! The format is the one mutt's `smime_keys` script writes and neomutt's
//! `ncrypt/smime.c` reads: in each directory one file per certificate,
//! named by an ID, and an `.index` with one line per address and
//! certificate, fields separated by a space:
//!
//! ```text
//! mailbox ID label issuer-ID trust purpose
//! alice@example.org 3f2a9c0d11e4b7a2 Alice_Example ? t es
//! ```
//!
//! - ID: the first 16 hex digits of the certificate's SHA-256
//!   fingerprint; neomutt passes `DIR/ID` as %c and %k.
//! - label: the subject's common name, spaces and other characters
//!   outside `[A-Za-z0-9._@+-]` replaced by `_`.
//! - issuer-ID: always `?` (no issuer file): `filter smime sign` takes
//!   the chain from the keyring.
//! - trust, as mailseal judges the binding of the certificate to the
//!   address at the time of writing: `t` fully valid (for the user's own
//!   certificates: current and not revoked), `u` not valid (no path to an
//!   anchor, no pin), `i` invalid path, `e` expired or not yet valid, `r`
//!   revoked. neomutt picks a `t` certificate by itself and asks before
//!   using any other; `filter smime encrypt` refuses what is not fully
//!   valid whatever the index says.
//! - purpose: `e` usable for encryption, `s` for signing (`-` neither).
//!
//! `certificates/ID` holds the certificate (PEM), for every certificate
//! in the keyring that is not a CA and has an address that fits a line.
//! `keys/ID`, for each of the user's own certificates, holds a key
//! reference ([`files::key_reference`]): the fingerprint, never key
//! material.
//!
//! When: a stamp beside the directories records a digest of what they
//! were made from (certificates, anchors, CRLs, pins, secret keys) and
//! until when that judgement stands (the first expiry or CRL update
//! ahead, at most a day). Every `filter smime` command, and every command
//! that changes keys or trust, rewrites whatever changed when the stamp
//! is out of date; `filter smime sync` rewrites at once. Only files that
//! change are written (each atomically, the `.index` after the files it
//! names), and files nothing names any more are removed.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::files;
use crate::commands::filter::muttrc::muttrc_path;
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::{Keyring, StoredCert, DB_FILE};
use crate::smime::cert;
use crate::time::Timestamp;
use crate::trust::verdict::{Protocol, TrustLevel};
use crate::trust::x509::{check_usage, Purpose};
use crate::trust::{cache, TrustData};

/// The directory in the keyring that holds both.
pub const STORE_DIR: &str = "mutt-smime";
/// The stamp file in [`STORE_DIR`], beside the two directories.
const STAMP: &str = "stamp";
/// Changes whenever what is written changes form, so an older store is
/// rewritten.
const FORMAT: &str = "mailseal-mutt-smime-1";
const INDEX: &str = ".index";

/// Where the store of a keyring is.
pub struct Store {
    pub root: PathBuf,
}

impl Store {
    pub fn of(keyring_dir: &Path) -> Store {
        Store {
            root: keyring_dir.join(STORE_DIR),
        }
    }

    /// neomutt's $smime_keys.
    pub fn keys(&self) -> PathBuf {
        self.root.join("keys")
    }

    /// neomutt's $smime_certificates.
    pub fn certificates(&self) -> PathBuf {
        self.root.join("certificates")
    }
}

/// The name of a certificate's files and its ID in the `.index`.
pub fn id(fingerprint: &str) -> String {
    fingerprint
        .get(..16)
        .unwrap_or(fingerprint)
        .to_ascii_lowercase()
}

/// Brings the store up to date if it is out of date, creating it if it
/// is missing: what every `filter smime` command does last. A failure is
/// a warning; the command's own work is done.
pub fn keep_current(ctx: &Ctx) {
    if let Err(e) = refresh_if_stale(ctx) {
        warn(ctx, &e);
    }
}

/// Brings the store up to date if there is one and it is out of date:
/// what the commands that change keys or trust do.
pub fn refresh_if_present(ctx: &Ctx) {
    if !Store::of(&ctx.keyring_dir).root.is_dir() {
        return;
    }
    keep_current(ctx);
}

fn warn(ctx: &Ctx, e: &Error) {
    ctx.warn(format_args!(
        "the S/MIME directories for neomutt and mutt ({}) could not be brought up to date: {e}",
        Store::of(&ctx.keyring_dir).root.display()
    ));
}

fn refresh_if_stale(ctx: &Ctx) -> Result<()> {
    if !has_database(&ctx.keyring_dir) {
        return Ok(());
    }
    let keyring = ctx.keyring()?;
    let store = Store::of(keyring.dir());
    let (digest, until) = stamp(keyring, ctx.at)?;
    if read_stamp(&store).is_some_and(|(d, from, to)| d == digest && from <= ctx.at && ctx.at <= to)
    {
        return Ok(());
    }
    write(ctx, keyring, &store, &digest, until).map(|_| ())
}

/// A keyring directory without a database is an empty keyring held in
/// memory: nothing is written into it.
fn has_database(dir: &Path) -> bool {
    dir.join(DB_FILE).is_file()
}

/// Writes the store now; returns the default key's ID, if the user has
/// a key.
pub fn refresh(ctx: &Ctx) -> Result<Option<String>> {
    if !has_database(&ctx.keyring_dir) {
        return Err(Error::Usage(format!(
            "{} holds no keyring: import your key and your correspondents' certificates with \
             `mailseal keyring import` first",
            ctx.keyring_dir.display()
        )));
    }
    let keyring = ctx.keyring()?;
    let (digest, until) = stamp(keyring, ctx.at)?;
    write(ctx, keyring, &Store::of(keyring.dir()), &digest, until)
}

/// `filter smime sync`: writes the store and prints the neomutt settings
/// for it, so that `source 'mailseal filter smime sync|'` in the muttrc
/// sets them.
pub fn sync(ctx: &Ctx) -> Result<ExitCode> {
    let default_key = refresh(ctx)?;
    // neomutt runs commands in other directories: the paths must not be
    // relative.
    let dir = std::path::absolute(&ctx.keyring_dir).map_err(|e| Error::io(&ctx.keyring_dir, e))?;
    let store = Store::of(&dir);
    let keys = muttrc_path(&store.keys())?;
    let certificates = muttrc_path(&store.certificates())?;
    let mut out = format!(
        "# S/MIME keys and certificates written by mailseal from the keyring {}\n",
        crate::safe::Safe(&dir.to_string_lossy())
    );
    let _ = writeln!(out, "set smime_keys={keys}");
    let _ = writeln!(out, "set smime_certificates={certificates}");
    out.push_str("unset smime_ca_location\n");
    match default_key {
        Some(id) => {
            let _ = writeln!(out, "set smime_default_key=\"{id}\"");
        }
        None => out.push_str("# no S/MIME key of your own in the keyring\n"),
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// What the store is made from, as a digest, and until when the
/// judgements in it stand.
fn stamp(keyring: &Keyring, at: Timestamp) -> Result<(String, Timestamp)> {
    let inputs = cache::Inputs::new(
        &keyring.anchors()?,
        &keyring.cert_summary()?,
        &keyring.crls()?,
        at,
    );
    let mut parts = vec![FORMAT.to_string(), inputs.digest];
    parts.extend(
        keyring
            .pins()?
            .into_iter()
            .filter(|p| p.protocol == Protocol::Smime)
            .map(|p| format!("pin {} {}", p.fingerprint, p.email)),
    );
    parts.extend(
        keyring
            .with_secret()?
            .into_iter()
            .map(|c| format!("secret {}", c.fingerprint)),
    );
    parts[1..].sort();
    let digest = cert::hex_upper(&Sha256::digest(parts.join("\n")));
    Ok((digest, inputs.stable_until))
}

/// The stamp: digest, and the times from and until which it stands.
fn read_stamp(store: &Store) -> Option<(String, Timestamp, Timestamp)> {
    let text = std::fs::read_to_string(store.root.join(STAMP)).ok()?;
    let mut fields = text.split_whitespace();
    let digest = fields.next()?.to_string();
    let from = fields.next()?.parse().ok()?;
    let until = fields.next()?.parse().ok()?;
    Some((digest, Timestamp(from), Timestamp(until)))
}

/// One directory's files by name, and its `.index`.
#[derive(Default)]
struct Dir {
    files: BTreeMap<String, Vec<u8>>,
    index: String,
}

fn write(
    ctx: &Ctx,
    keyring: &Keyring,
    store: &Store,
    digest: &str,
    until: Timestamp,
) -> Result<Option<String>> {
    let trust = TrustData::load(keyring, ctx.at)?;
    let own = keyring.with_secret()?;
    let default_key = files::default_key_with(&trust, own, Purpose::Sign);
    let (keys, certificates) = contents(&trust, keyring.all()?)?;
    trust.save();
    make_dir(&store.root)?;
    write_dir(&store.certificates(), &certificates)?;
    write_dir(&store.keys(), &keys)?;
    let stamp = format!("{digest} {} {}\n", ctx.at.0, until.0);
    io::write_atomic(&store.root.join(STAMP), stamp.as_bytes(), false)?;
    Ok(default_key.map(|c| id(&c.fingerprint)))
}

/// The key directory and the certificate directory for `all`.
fn contents(trust: &TrustData<'_>, mut all: Vec<StoredCert>) -> Result<(Dir, Dir)> {
    // Newest first: neomutt offers them in this order.
    all.sort_by_key(|c| std::cmp::Reverse(cert::validity(&c.cert).0));
    let mut keys = Dir::default();
    let mut certificates = Dir::default();
    for c in all.iter().filter(|c| !cert::is_ca(&c.cert)) {
        let emails: Vec<&String> = c.emails.iter().filter(|e| fits_index(e)).collect();
        if emails.is_empty() {
            continue;
        }
        let id = id(&c.fingerprint);
        let label = label(&c.cert);
        let purpose = purpose(&c.cert);
        certificates
            .files
            .insert(id.clone(), files::pem(&c.cert)?.into_bytes());
        if c.has_secret {
            keys.files.insert(
                id.clone(),
                files::key_reference(&c.fingerprint).into_bytes(),
            );
        }
        for email in emails {
            let flag = if c.has_secret {
                own_flag(trust, c)
            } else {
                flag(trust, c, email)
            };
            let line = format!("{email} {id} {label} ? {flag} {purpose}\n");
            certificates.index.push_str(&line);
            if c.has_secret {
                keys.index.push_str(&line);
            }
        }
    }
    Ok((keys, certificates))
}

/// An address neomutt can read back from a line: printable ASCII without
/// spaces, so it can neither split a field nor start a line.
fn fits_index(email: &str) -> bool {
    email.len() <= 254 && email.contains('@') && email.bytes().all(|b| b.is_ascii_graphic())
}

fn label(c: &x509_cert::Certificate) -> String {
    let name = cert::common_name(c).unwrap_or_default();
    let label: String = name
        .chars()
        .take(64)
        .map(|ch| match ch {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '_' | '@' | '+' | '-' => ch,
            _ => '_',
        })
        .collect();
    if label.is_empty() {
        "-".into()
    } else {
        label
    }
}

fn purpose(c: &x509_cert::Certificate) -> &'static str {
    match (
        check_usage(c, Purpose::Encrypt).is_ok(),
        check_usage(c, Purpose::Sign).is_ok(),
    ) {
        (true, true) => "es",
        (true, false) => "e",
        (false, true) => "s",
        (false, false) => "-",
    }
}

/// The trust flag of a correspondent's certificate for `email`.
fn flag(trust: &TrustData<'_>, c: &StoredCert, email: &str) -> char {
    if !cert::valid_at(&c.cert, trust.at()) {
        return 'e';
    }
    match trust
        .validate_known(&c.cert, &c.fingerprint, &[], Some(email))
        .level
    {
        TrustLevel::Full => 't',
        TrustLevel::Expired => 'e',
        TrustLevel::Revoked => 'r',
        TrustLevel::Untrusted => 'i',
        TrustLevel::None | TrustLevel::Marginal => 'u',
    }
}

/// The trust flag of one of the user's own certificates: usable or not.
fn own_flag(trust: &TrustData<'_>, c: &StoredCert) -> char {
    if !cert::valid_at(&c.cert, trust.at()) {
        return 'e';
    }
    match files::usable_own(trust, c) {
        None => 't',
        Some(_) => 'r',
    }
}

fn make_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| Error::io(dir, e))
}

/// Writes the files that changed, then the `.index`, then removes the
/// files nothing names any more (never another process's temporary
/// file).
fn write_dir(dir: &Path, contents: &Dir) -> Result<()> {
    make_dir(dir)?;
    let changed = |path: &Path, bytes: &[u8]| std::fs::read(path).map_or(true, |b| b != bytes);
    for (name, bytes) in &contents.files {
        let path = dir.join(name);
        if changed(&path, bytes) {
            io::write_atomic(&path, bytes, false)?;
        }
    }
    let index = dir.join(INDEX);
    if changed(&index, contents.index.as_bytes()) {
        io::write_atomic(&index, contents.index.as_bytes(), false)?;
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == INDEX || contents.files.contains_key(&name);
        let temporary = name.starts_with('.') && name.ends_with(".tmp");
        if !ours && !temporary && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_addresses_that_could_split_a_line_are_left_out() {
        assert!(fits_index("alice@example.org"));
        assert!(!fits_index("alice@example.org t es\nmallory@evil.test"));
        assert!(!fits_index("a b@example.org"));
        assert!(!fits_index("nobody"));
    }
}
