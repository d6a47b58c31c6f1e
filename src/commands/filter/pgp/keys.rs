//! `filter pgp list-keys`, `list-secret-keys`, `export` and `import`:
//! the keyring as a mail client's key picker and key extraction see it.

use std::path::Path;

use sequoia_openpgp::Fingerprint;

use crate::commands::io::{read_input, write_output};
use crate::commands::keyring::import_message;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::{Keyring, StoredPgpCert};
pub use crate::openpgp::colons::Ring;
use crate::openpgp::colons::{records, Listing, Validity};
use crate::trust::verdict::{Basis, Trust, TrustLevel};
use crate::trust::TrustData;

/// The certificates matching `patterns` (every one without), our own
/// only for [`Ring::Secret`], in gpg's colon format with each binding's
/// validity. Nothing matching is exit 2, as gpg.
pub fn list(ctx: &Ctx, patterns: &[String], ring: Ring) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let mut certs = matching(keyring, patterns)?;
    if ring == Ring::Secret {
        certs.retain(|c| c.has_secret);
    }
    if certs.is_empty() && !patterns.is_empty() {
        return Err(Error::KeyNotFound {
            what: match ring {
                Ring::Public => "OpenPGP certificate",
                Ring::Secret => "own OpenPGP key",
            },
            query: patterns.join(" "),
        });
    }
    let trust = TrustData::load(keyring, ctx.at)?;
    let mut out = String::new();
    for c in &certs {
        let secret = match (ring, c.has_secret) {
            (Ring::Secret, true) => secret_keys(keyring, c)?,
            _ => Vec::new(),
        };
        let validity = |email: &str| validity(&trust.openpgp_cert_trust(&c.cert, email));
        let listing = Listing {
            ring,
            own: c.has_secret,
            secret: &secret,
            validity: &validity,
        };
        out.push_str(&records(&c.cert, ctx.at, &listing));
    }
    write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// A binding's validity in gpg's letters.
fn validity(t: &Trust) -> Validity {
    match (t.level, t.basis) {
        (TrustLevel::Full, Basis::OwnKey) => Validity::Ultimate,
        (TrustLevel::Full, _) => Validity::Full,
        (TrustLevel::Marginal, _) => Validity::Marginal,
        (TrustLevel::None, _) => Validity::Unknown,
        (TrustLevel::Untrusted, _) => Validity::Never,
        (TrustLevel::Revoked, _) => Validity::Revoked,
        (TrustLevel::Expired, _) => Validity::Expired,
    }
}

/// The keys of `c` whose secrets the keyring holds.
fn secret_keys(keyring: &Keyring, c: &StoredPgpCert) -> Result<Vec<Fingerprint>> {
    Ok(keyring
        .pgp_secret(&c.fingerprint)?
        .keys()
        .secret()
        .map(|ka| ka.key().fingerprint())
        .collect())
}

/// gpg's patterns: an address, a key ID or fingerprint (`0x` allowed),
/// else a case-insensitive part of a user ID or the end of a key ID.
/// Each certificate once, in the order found.
fn matching(keyring: &Keyring, patterns: &[String]) -> Result<Vec<StoredPgpCert>> {
    if patterns.is_empty() {
        return keyring.pgp_all_stored();
    }
    let mut all: Option<Vec<StoredPgpCert>> = None;
    let mut out: Vec<StoredPgpCert> = Vec::new();
    for p in patterns.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let found = if indexed(p) {
            keyring.pgp_find(p)?
        } else {
            if all.is_none() {
                all = Some(keyring.pgp_all_stored()?);
            }
            let all = all.as_deref().unwrap_or_default();
            all.iter().filter(|c| mentions(c, p)).cloned().collect()
        };
        for c in found {
            if !out.iter().any(|o| o.fingerprint == c.fingerprint) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

/// A pattern the keyring's indexes answer: an address, or a long key
/// ID or fingerprint.
fn indexed(p: &str) -> bool {
    let addr = p.trim_start_matches('<').trim_end_matches('>');
    if let Some((local, domain)) = addr.split_once('@') {
        return !local.is_empty() && !domain.is_empty() && !addr.contains(char::is_whitespace);
    }
    let hex = p
        .strip_prefix("0x")
        .or_else(|| p.strip_prefix("0X"))
        .unwrap_or(p);
    matches!(hex.len(), 16 | 40 | 64) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Whether a user ID of `c` contains `p` (case-insensitive), or one of
/// its key IDs ends with it (a short key ID).
fn mentions(c: &StoredPgpCert, p: &str) -> bool {
    let needle = p.to_lowercase();
    let hex = p.strip_prefix("0x").unwrap_or(p).to_ascii_uppercase();
    c.cert.userids().any(|u| {
        String::from_utf8_lossy(u.userid().value())
            .to_lowercase()
            .contains(&needle)
    }) || (hex.len() >= 8
        && hex.chars().all(|ch| ch.is_ascii_hexdigit())
        && c.cert
            .keys()
            .any(|k| k.key().keyid().to_hex().ends_with(&hex)))
}

/// The certificates of `ids`, armored, without local signatures (pins
/// stay private).
pub fn export(ctx: &Ctx, ids: &[String]) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let mut text = String::new();
    for id in ids {
        text.push_str(&keyring.pgp_export(id)?);
    }
    if text.is_empty() {
        return Err(Error::KeyNotFound {
            what: "OpenPGP certificate",
            query: ids.join(" "),
        });
    }
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// Imports the keys in `file`; what came in, on standard output (the
/// client shows it on the terminal and waits for a key).
pub fn import(ctx: &Ctx, file: &Path) -> Result<ExitCode> {
    let bytes = read_input(Some(file))?;
    let summary = ctx.keyring()?.import(&bytes, &ctx.passphrase)?;
    write_output(
        None,
        format!("mailseal: {}\n", import_message(&summary)).as_bytes(),
    )?;
    Ok(ExitCode::Ok)
}
