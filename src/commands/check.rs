//! `mailseal trust check ID`: the validity of every binding of an address,
//! fingerprint or key ID, in both protocols, with the path that makes it
//! valid or what is missing.

use std::fmt::Write;

use serde_json::json;

use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::cert;
use crate::trust::verdict::{Trust, TrustLevel};
use crate::trust::TrustData;

/// One binding's judgement, ready to print.
struct Checked {
    protocol: &'static str,
    fingerprint: String,
    email: String,
    trust: Trust,
    /// Plain-language lines: the path, its amount, what is missing.
    explanation: Vec<String>,
    /// Where the certificate came from, when the protocol says.
    source: Option<String>,
}

pub fn dispatch(ctx: &Ctx, id: &str) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let trust = TrustData::load(keyring, ctx.at)?;
    let mut checked = openpgp_bindings(&trust, id)?;
    checked.extend(x509_bindings(&trust, id)?);
    if checked.is_empty() {
        return Err(Error::KeyNotFound {
            what: "certificate",
            query: id.to_string(),
        });
    }
    emit(Stream::Stdout, &render(ctx, &checked));
    Ok(checked
        .iter()
        .map(|c| exit_of(&c.trust))
        .fold(ExitCode::Ok, ExitCode::worst))
}

fn exit_of(t: &Trust) -> ExitCode {
    match t.level {
        TrustLevel::Full => ExitCode::Ok,
        TrustLevel::Revoked => ExitCode::Failed,
        _ => ExitCode::Untrusted,
    }
}

/// The address in `id`, if it is one.
fn address(id: &str) -> Option<String> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    id.contains('@').then(|| id.to_ascii_lowercase())
}

/// The address asked about, or every address of the certificate.
fn addresses_to_check(wanted: Option<&str>, emails: &[String]) -> Vec<String> {
    match wanted {
        Some(a) => vec![a.to_string()],
        None => emails.to_vec(),
    }
}

fn openpgp_bindings(trust: &TrustData, id: &str) -> Result<Vec<Checked>> {
    let keyring = trust.keyring();
    let wanted = address(id);
    let certs = match &wanted {
        Some(a) => keyring.pgp_by_email(a)?,
        None => keyring.pgp_find(id)?,
    };
    if certs.is_empty() {
        return Ok(Vec::new());
    }
    let wot = trust.web_of_trust()?;
    let mut out = Vec::new();
    for c in certs {
        for email in addresses_to_check(wanted.as_deref(), &c.emails) {
            let validity = wot.authenticate(&c.cert.fingerprint(), &email);
            out.push(Checked {
                protocol: "openpgp",
                fingerprint: c.fingerprint.clone(),
                trust: validity.to_trust(),
                explanation: validity.explain(),
                email,
                source: None,
            });
        }
    }
    Ok(out)
}

fn x509_bindings(trust: &TrustData, id: &str) -> Result<Vec<Checked>> {
    let keyring = trust.keyring();
    let wanted = address(id);
    let certs = match &wanted {
        Some(a) => keyring.by_email(a)?,
        None => keyring.find(id)?,
    };
    let mut out = Vec::new();
    for c in certs {
        let source = x509_source(keyring, &c)?;
        let reads = x509_capabilities(keyring, &c)?;
        for email in addresses_to_check(wanted.as_deref(), &c.emails) {
            let t = trust.validate_known(&c.cert, &c.fingerprint, &[], Some(&email));
            let mut explanation = explain_x509(&cert::subject(&c.cert), &email, &t);
            explanation.push(format!("  source: {source}"));
            explanation.extend(reads.iter().map(|r| format!("  {r}")));
            out.push(Checked {
                protocol: "smime",
                explanation,
                fingerprint: c.fingerprint.clone(),
                trust: t,
                email,
                source: Some(source.clone()),
            });
        }
    }
    Ok(out)
}

/// Where an X.509 certificate came from: the user's own, seen in signed
/// mail (kept by verify or decrypt), or imported.
fn x509_source(
    keyring: &crate::keyring::Keyring,
    c: &crate::keyring::StoredCert,
) -> Result<String> {
    if c.has_secret {
        return Ok("your own (its secret key is in the keyring)".into());
    }
    Ok(match keyring.seen_in_mail(&c.fingerprint)? {
        Some(seen) => match &seen.sender {
            Some(from) => format!(
                "seen in signed mail from {} at {}",
                Safe(from),
                seen.seen_at
            ),
            None => format!("seen in signed mail at {}", seen.seen_at),
        },
        None => "imported".into(),
    })
}

/// What the certificate's holder is known to read, for the cipher choice
/// (`mailseal encrypt`): the newest signed mail's announcement and the
/// certificate's own; nothing when neither is known.
fn x509_capabilities(
    keyring: &crate::keyring::Keyring,
    c: &crate::keyring::StoredCert,
) -> Result<Vec<String>> {
    use crate::smime::capabilities::Capabilities;
    let known = keyring.capabilities_of(std::slice::from_ref(&c.fingerprint))?;
    let Some(known) = known.first() else {
        return Ok(Vec::new());
    };
    let list = |der: &[u8]| {
        Capabilities::from_der(der)
            .map(|caps| caps.names().join(", "))
            .unwrap_or_else(|_| "unreadable".into())
    };
    let mut lines = Vec::new();
    if let Some((at, der)) = &known.signed_mail {
        lines.push(format!("reads (signed mail of {at}): {}", list(der)));
    }
    if let Some(der) = &known.certificate {
        lines.push(format!("reads (its certificate): {}", list(der)));
    }
    Ok(lines)
}

/// The X.509 counterpart of the web-of-trust explanation.
fn explain_x509(subject: &str, email: &str, t: &Trust) -> Vec<String> {
    let how = match (t.level, t.basis) {
        (TrustLevel::Full, crate::trust::verdict::Basis::Pinned) => {
            "fully valid: you pinned this certificate for the address".to_string()
        }
        (TrustLevel::Full, _) => "fully valid: a certificate chain to your trust anchor".into(),
        (level, _) => format!("not valid ({})", level_word(level)),
    };
    let mut lines = vec![format!("{} {}: {how}", Safe(email), Safe(subject))];
    if !t.path.is_empty() {
        let path: Vec<String> = t.path.iter().map(|p| Safe(p).to_string()).collect();
        lines.push(format!("  path: {}", path.join(" -> ")));
    }
    if let Some(r) = &t.reason {
        lines.push(format!("  {}", Safe(r)));
    }
    lines
}

fn level_word(level: TrustLevel) -> &'static str {
    match level {
        TrustLevel::Full => "full",
        TrustLevel::Marginal => "marginal",
        TrustLevel::None => "none",
        TrustLevel::Untrusted => "untrusted",
        TrustLevel::Revoked => "revoked",
        TrustLevel::Expired => "expired",
    }
}

fn render(ctx: &Ctx, checked: &[Checked]) -> String {
    if ctx.json() {
        return checked.iter().fold(String::new(), |mut out, c| {
            let mut row = json!({
                "protocol": c.protocol,
                "fingerprint": c.fingerprint,
                "email": c.email,
                "trust": c.trust,
                "explanation": c.explanation,
            });
            if let (Some(source), Some(obj)) = (&c.source, row.as_object_mut()) {
                obj.insert("source".into(), source.clone().into());
            }
            let _ = writeln!(out, "{row}");
            out
        });
    }
    checked.iter().fold(String::new(), |mut out, c| {
        let _ = writeln!(out, "{} {}", label(c.protocol), c.fingerprint);
        for line in &c.explanation {
            let _ = writeln!(out, "  {line}");
        }
        out
    })
}

fn label(protocol: &str) -> &'static str {
    if protocol == "openpgp" {
        "OpenPGP"
    } else {
        "X.509"
    }
}
