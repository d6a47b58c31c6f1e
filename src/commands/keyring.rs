//! `mailseal keyring ...`

use std::fmt::Write;

use super::io;
use crate::cli::{GenerateKeyArgs, KeyAlgorithmArg, KeyringCommand};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::generate::{generate_smime, KeyAlgorithm};
use crate::keyring::{ImportSummary, StoredCert};
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
            let pem = ctx.keyring()?.export(&query, secret)?;
            if pem.is_empty() {
                return Err(Error::KeyNotFound {
                    what: "certificate",
                    query,
                });
            }
            match output {
                Some(p) => io::write_atomic(&p, pem.as_bytes(), secret)?,
                None => io::write_output(None, pem.as_bytes())?,
            }
            Ok(ExitCode::Ok)
        }
        KeyringCommand::Remove { query } => {
            let n = ctx.keyring()?.remove(&query)?;
            if n == 0 {
                return Err(Error::KeyNotFound {
                    what: "certificate",
                    query,
                });
            }
            if ctx.verbosity >= 0 {
                eprintln!("removed {n} certificate(s)");
            }
            Ok(ExitCode::Ok)
        }
        KeyringCommand::Generate(args) => generate(ctx, &args),
    }
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
        total.certificates += s.certificates;
        total.secret_keys += s.secret_keys;
        total.crls += s.crls;
        total.unchanged += s.unchanged;
    }
    if ctx.verbosity >= 0 {
        eprintln!(
            "imported {} certificate(s), {} secret key(s), {} CRL(s); {} unchanged",
            total.certificates, total.secret_keys, total.crls, total.unchanged
        );
    }
    Ok(ExitCode::Ok)
}

fn list(ctx: &Ctx, query: Option<&str>) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let certs = match query {
        Some(q) => keyring.find(q)?,
        None => keyring.all()?,
    };
    if let Some(q) = query.filter(|_| certs.is_empty()) {
        return Err(Error::KeyNotFound {
            what: "certificate",
            query: q.to_string(),
        });
    }
    let text = if ctx.json() {
        let rows: Vec<serde_json::Value> = certs.iter().map(|c| json_row(ctx, c)).collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
    } else {
        certs.iter().fold(String::new(), |mut out, c| {
            human_row(&mut out, ctx, c);
            out
        })
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

fn generate(ctx: &Ctx, args: &GenerateKeyArgs) -> Result<ExitCode> {
    if args.openpgp {
        return Err(Error::unsupported(
            "protocol",
            "OpenPGP keys are not available in this version; use --smime",
        ));
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
        args.days,
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

impl GenerateKeyArgs {
    fn algorithm_name(&self) -> &'static str {
        match self.algorithm {
            KeyAlgorithmArg::Rsa2048 => "RSA-2048",
            KeyAlgorithmArg::Rsa3072 => "RSA-3072",
            KeyAlgorithmArg::P256 => "P-256",
        }
    }
}
