//! `mailseal keyring ...`

use std::fmt::Write;

use super::io;
use crate::cli::{GenerateKeyArgs, KeyAlgorithmArg, KeyringCommand, PgpProfileArg};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::generate::{generate_smime, KeyAlgorithm};
use crate::keyring::{
    generate_openpgp, pgp_info, set_seipd_v2, FeaturesChange, ImportSummary, PgpInfo, PgpProfile,
    Removal, StoredCert, StoredPgpCert, DEFAULT_PGP_DAYS,
};
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::cert;

pub fn dispatch(ctx: &Ctx, cmd: KeyringCommand) -> Result<ExitCode> {
    match cmd {
        KeyringCommand::Import { files } => import(ctx, &files),
        KeyringCommand::List { query } => list(ctx, query.as_deref()),
        KeyringCommand::Export {
            query,
            secret,
            output,
        } => {
            let text = ctx.keyring()?.export(&query, secret)?;
            if text.is_empty() {
                return Err(Error::KeyNotFound {
                    what: "certificate",
                    query,
                });
            }
            match output {
                Some(p) => io::write_atomic(&p, text.as_bytes(), secret)?,
                None => io::write_output(None, text.as_bytes())?,
            }
            Ok(ExitCode::Ok)
        }
        KeyringCommand::Remove { query, secret } => remove(ctx, query, secret),
        KeyringCommand::Generate(args) => generate(ctx, &args),
        KeyringCommand::SetFeatures {
            query, seipd_v2, ..
        } => set_features(ctx, &query, seipd_v2),
        KeyringCommand::Check => check(ctx),
        KeyringCommand::Group(cmd) => super::group::dispatch(ctx, cmd),
    }
}

/// `keyring set-features`: what the key advertises now, and that
/// correspondents need the updated certificate (stderr, or JSON on
/// stdout).
fn set_features(ctx: &Ctx, query: &str, seipd_v2: bool) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let change = set_seipd_v2(keyring, query, seipd_v2, ctx.at, &ctx.passphrase)?;
    if ctx.json() {
        let v = serde_json::json!({
            "fingerprint": change.fingerprint,
            "seipd_v2": change.seipd_v2,
            "changed": change.resigned > 0,
        });
        emit(Stream::Stdout, &(v.to_string() + "\n"));
    }
    if ctx.verbosity >= 0 {
        eprintln!("{}", features_message(&change));
    }
    Ok(ExitCode::Ok)
}

fn features_message(change: &FeaturesChange) -> String {
    let what = match change.seipd_v2 {
        true => "SEIPD v1 and v2 (AEAD)",
        false => "SEIPD v1 only",
    };
    let fpr = &change.fingerprint;
    if change.resigned == 0 {
        return format!("{fpr} already advertises {what}; nothing changed");
    }
    format!(
        "{fpr} now advertises {what} ({} self-signature(s) made anew); send the updated \
         certificate to your correspondents: mailseal keyring export {fpr}",
        change.resigned
    )
}

/// `keyring check`: what was checked and what is wrong, on stdout; exit
/// 0 when sound, 1 when not (an unreadable keyring is an error, exit 2).
fn check(ctx: &Ctx) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let report = keyring.check()?;
    if ctx.json() {
        let v = serde_json::json!({
            "keyring": keyring.dir().display().to_string(),
            "sound": report.is_sound(),
            "checked": report.checked,
            "problems": report.problems,
        });
        emit(Stream::Stdout, &(v.to_string() + "\n"));
    } else {
        emit(Stream::Stdout, &check_message(keyring.dir(), &report));
    }
    Ok(match report.is_sound() {
        true => ExitCode::Ok,
        false => ExitCode::Failed,
    })
}

fn check_message(dir: &std::path::Path, report: &crate::keyring::CheckReport) -> String {
    let mut out = String::new();
    for c in &report.checked {
        let _ = writeln!(out, "checked: {c}");
    }
    for p in &report.problems {
        let _ = writeln!(out, "problem: {p}");
    }
    let dir = dir.display().to_string();
    let dir = Safe(&dir);
    let _ = match report.problems.len() {
        0 => writeln!(out, "the keyring {dir} is sound"),
        n => writeln!(out, "the keyring {dir} has {n} problem(s)"),
    };
    out
}

fn import(ctx: &Ctx, files: &[std::path::PathBuf]) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let mut total = ImportSummary::default();
    for f in files {
        let bytes = io::read_input(Some(f))?;
        let s = keyring
            .import(&bytes, &ctx.passphrase)
            .map_err(|e| match e {
                Error::Malformed { what, detail } => Error::Malformed {
                    what,
                    detail: format!("{}: {detail}", f.display()),
                },
                other => other,
            })?;
        add_summary(&mut total, &s);
    }
    if ctx.verbosity >= 0 {
        eprintln!("{}", import_message(&total));
    }
    Ok(ExitCode::Ok)
}

/// `keyring remove`: what went (each secret key named) on stderr, or as
/// JSON on stdout; the kept pins and roots of removed certificates.
fn remove(ctx: &Ctx, query: String, secret: bool) -> Result<ExitCode> {
    let removal = ctx.keyring()?.remove(&query, secret)?;
    if removal.removed.is_empty() {
        return Err(Error::KeyNotFound {
            what: "certificate",
            query,
        });
    }
    if ctx.json() {
        emit(Stream::Stdout, &(removal_json(&removal).to_string() + "\n"));
    }
    if ctx.verbosity >= 0 {
        eprint!("{}", removal_message(&removal));
    }
    Ok(ExitCode::Ok)
}

/// One line per certificate and per secret key removed, one per kept
/// statement, then the counts.
fn removal_message(removal: &Removal) -> String {
    let mut out = String::new();
    for r in &removal.removed {
        let _ = writeln!(out, "removed certificate {}", r.describe());
        if r.secret_key {
            let _ = writeln!(out, "removed secret key {}", r.describe());
        }
    }
    for p in &removal.kept_pins {
        let _ = writeln!(
            out,
            "kept your pin of {} to {} (it applies again if the certificate is imported again)",
            Safe(&p.email),
            p.fingerprint
        );
    }
    for (fpr, amount) in &removal.kept_roots {
        let _ = writeln!(
            out,
            "kept your web-of-trust root {fpr} (amount {amount}; it applies again if the \
             certificate is imported again)"
        );
    }
    let secrets = removal.removed.iter().filter(|r| r.secret_key).count();
    let _ = write!(out, "removed {} certificate(s)", removal.removed.len());
    if secrets > 0 {
        let _ = write!(out, " and {secrets} secret key(s)");
    }
    out.push('\n');
    out
}

fn removal_json(removal: &Removal) -> serde_json::Value {
    let removed: Vec<serde_json::Value> = removal
        .removed
        .iter()
        .map(|r| {
            serde_json::json!({
                "protocol": r.protocol,
                "fingerprint": r.fingerprint,
                "emails": r.emails,
                "secret_key": r.secret_key,
            })
        })
        .collect();
    let pins: Vec<serde_json::Value> = removal
        .kept_pins
        .iter()
        .map(|p| serde_json::json!({"fingerprint": p.fingerprint, "email": p.email}))
        .collect();
    let roots: Vec<serde_json::Value> = removal
        .kept_roots
        .iter()
        .map(|(f, a)| serde_json::json!({"fingerprint": f, "amount": a}))
        .collect();
    serde_json::json!({"removed": removed, "kept_pins": pins, "kept_roots": roots})
}

fn add_summary(total: &mut ImportSummary, s: &ImportSummary) {
    total.certificates += s.certificates;
    total.secret_keys += s.secret_keys;
    total.crls += s.crls;
    total.pgp_certificates += s.pgp_certificates;
    total.pgp_updated += s.pgp_updated;
    total.pgp_secret_keys += s.pgp_secret_keys;
    total.unchanged += s.unchanged;
}

/// "imported 1 certificate(s), 2 OpenPGP certificate(s); 0 unchanged",
/// naming only what was found.
pub(crate) fn import_message(t: &ImportSummary) -> String {
    let parts: Vec<String> = [
        (t.certificates, "certificate(s)"),
        (t.secret_keys, "secret key(s)"),
        (t.crls, "CRL(s)"),
        (t.pgp_certificates, "OpenPGP certificate(s)"),
        (t.pgp_updated, "updated OpenPGP certificate(s)"),
        (t.pgp_secret_keys, "OpenPGP secret key(s)"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if parts.is_empty() {
        format!("imported nothing new; {} unchanged", t.unchanged)
    } else {
        format!("imported {}; {} unchanged", parts.join(", "), t.unchanged)
    }
}

fn list(ctx: &Ctx, query: Option<&str>) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let (certs, pgp) = match query {
        Some(q) => (keyring.find(q)?, keyring.pgp_find(q)?),
        None => (keyring.all()?, keyring.pgp_all_stored()?),
    };
    if let Some(q) = query.filter(|_| certs.is_empty() && pgp.is_empty()) {
        return Err(Error::KeyNotFound {
            what: "certificate",
            query: q.to_string(),
        });
    }
    let pgp: Vec<_> = pgp.iter().map(|c| (c, pgp_info(&c.cert, ctx.at))).collect();
    let text = if ctx.json() {
        let rows: Vec<serde_json::Value> = certs
            .iter()
            .map(|c| json_row(ctx, c))
            .chain(pgp.iter().map(|(c, info)| pgp_json_row(c, info)))
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
    } else {
        let mut out = String::new();
        certs.iter().for_each(|c| human_row(&mut out, ctx, c));
        pgp.iter()
            .for_each(|(c, info)| pgp_human_row(&mut out, c, info));
        out
    };
    emit(Stream::Stdout, &text);
    Ok(ExitCode::Ok)
}

fn status(ctx: &Ctx, c: &StoredCert) -> &'static str {
    let (from, until) = cert::validity(&c.cert);
    if ctx.at < from {
        "not yet valid"
    } else if ctx.at > until {
        "expired"
    } else {
        "valid"
    }
}

fn human_row(out: &mut String, ctx: &Ctx, c: &StoredCert) {
    let (from, until) = cert::validity(&c.cert);
    let kind = if c.has_secret { "sec" } else { "crt" };
    let _ = writeln!(out, "{kind}  x509  {}", c.fingerprint);
    let _ = writeln!(out, "      subject: {}", Safe(&cert::subject(&c.cert)));
    let _ = writeln!(out, "      issuer:  {}", Safe(&cert::issuer(&c.cert)));
    for e in &c.emails {
        let _ = writeln!(out, "      email:   {}", Safe(e));
    }
    let _ = writeln!(out, "      valid:   {from} .. {until} ({})", status(ctx, c));
}

fn json_row(ctx: &Ctx, c: &StoredCert) -> serde_json::Value {
    let (from, until) = cert::validity(&c.cert);
    serde_json::json!({
        "protocol": "smime",
        "fingerprint": c.fingerprint,
        "sha1": cert::fingerprint_sha1(&c.cert),
        "subject": cert::subject(&c.cert),
        "issuer": cert::issuer(&c.cert),
        "emails": c.emails,
        "secret": c.has_secret,
        "not_before": from.to_string(),
        "not_after": until.to_string(),
        "status": status(ctx, c),
    })
}

/// The flags an OpenPGP certificate is listed with.
fn pgp_flags(c: &StoredPgpCert, info: &PgpInfo) -> String {
    [
        (c.has_secret, " [secret]"),
        (info.expired, " [expired]"),
        (info.revoked, " [revoked]"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, flag)| *flag)
    .collect()
}

fn pgp_human_row(out: &mut String, c: &StoredPgpCert, info: &PgpInfo) {
    let kind = if c.has_secret { "sec" } else { "pub" };
    let _ = writeln!(out, "{kind}  pgp   {}{}", c.fingerprint, pgp_flags(c, info));
    let primary = info.primary_userid.as_deref();
    for uid in primary.into_iter().chain(
        info.userids
            .iter()
            .map(String::as_str)
            .filter(|u| Some(*u) != primary),
    ) {
        let _ = writeln!(out, "      user ID: {}", Safe(uid));
    }
    for e in &c.emails {
        let _ = writeln!(out, "      email:   {}", Safe(e));
    }
    let expires = info
        .expires
        .map_or_else(|| "never".to_string(), |t| t.to_string());
    let _ = writeln!(
        out,
        "      valid:   {} .. {expires} ({}, v{})",
        info.created,
        info.status(),
        c.cert.primary_key().key().version()
    );
}

fn pgp_json_row(c: &StoredPgpCert, info: &PgpInfo) -> serde_json::Value {
    serde_json::json!({
        "protocol": "openpgp",
        "fingerprint": c.fingerprint,
        "version": c.cert.primary_key().key().version(),
        "userid": info.primary_userid,
        "userids": info.userids,
        "emails": c.emails,
        "secret": c.has_secret,
        "created": info.created.to_string(),
        "expires": info.expires.map(|t| t.to_string()),
        "expired": info.expired,
        "revoked": info.revoked,
        "status": info.status(),
    })
}

fn generate(ctx: &Ctx, args: &GenerateKeyArgs) -> Result<ExitCode> {
    if args.openpgp {
        return generate_pgp(ctx, args);
    }
    let algorithm = match args.algorithm {
        KeyAlgorithmArg::Rsa2048 => KeyAlgorithm::Rsa2048,
        KeyAlgorithmArg::Rsa3072 => KeyAlgorithm::Rsa3072,
        KeyAlgorithmArg::P256 => KeyAlgorithm::P256,
    };
    let keyring = ctx.keyring()?;
    let generated = generate_smime(
        keyring,
        &args.email,
        &args.name,
        algorithm,
        args.days.unwrap_or(730),
        ctx.at,
        &ctx.passphrase,
    )?;
    if let Some(path) = &args.csr {
        io::write_atomic(path, generated.csr_pem.as_bytes(), false)?;
    }
    if ctx.verbosity >= 0 {
        eprintln!(
            "generated {} key and self-signed certificate {}",
            args.algorithm_name(),
            generated.cert.fingerprint
        );
    }
    Ok(ExitCode::Ok)
}

/// `keyring generate --openpgp`: prints the new fingerprint on stdout.
fn generate_pgp(ctx: &Ctx, args: &GenerateKeyArgs) -> Result<ExitCode> {
    let profile = match args.profile {
        Some(PgpProfileArg::Rfc9580) => PgpProfile::Rfc9580,
        Some(PgpProfileArg::Rfc4880) | None => PgpProfile::Rfc4880,
    };
    let days = match args.days {
        None => Some(DEFAULT_PGP_DAYS),
        Some(0) => None,
        Some(d) => Some(d),
    };
    let stored = generate_openpgp(
        ctx.keyring()?,
        &args.email,
        &args.name,
        profile,
        days,
        ctx.at,
        &ctx.passphrase,
    )?;
    let info = pgp_info(&stored.cert, ctx.at);
    if ctx.json() {
        emit(
            Stream::Stdout,
            &(pgp_json_row(&stored, &info).to_string() + "\n"),
        );
    } else {
        emit(Stream::Stdout, &format!("{}\n", stored.fingerprint));
    }
    if ctx.verbosity >= 0 {
        let expires = info
            .expires
            .map_or_else(|| "never".into(), |t| t.to_string());
        eprintln!(
            "generated OpenPGP v{} key {} for {}, expires {expires}",
            stored.cert.primary_key().key().version(),
            stored.fingerprint,
            Safe(info.primary_userid.as_deref().unwrap_or_default()),
        );
    }
    Ok(ExitCode::Ok)
}

impl GenerateKeyArgs {
    fn algorithm_name(&self) -> &'static str {
        match self.algorithm {
            KeyAlgorithmArg::Rsa2048 => "RSA-2048",
            KeyAlgorithmArg::Rsa3072 => "RSA-3072",
            KeyAlgorithmArg::P256 => "P-256",
        }
    }
}
