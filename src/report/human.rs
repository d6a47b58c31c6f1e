//! The human report: one or two plain lines per message, naming the
//! anchor or path that made a signer trusted. Every string from a message
//! or certificate goes through [`Safe`].

use std::fmt::Write;

use crate::safe::Safe;
use crate::trust::verdict::{
    Basis, Covers, Role, SigStatus, Signature, TrustLevel, Verdict, VerdictKind,
};

pub fn verdict(v: &Verdict, verbose: bool) -> String {
    let mut out = String::new();
    if let Some(p) = &v.path {
        let _ = write!(out, "{}: ", Safe(p));
    }
    if let Some(e) = &v.error {
        let _ = writeln!(out, "error: {}", Safe(e));
        return out;
    }
    if v.encrypted {
        out.push_str(match v.integrity_protected {
            Some(true) => "Encrypted (integrity-protected). ",
            Some(false) => "Encrypted WITHOUT integrity protection (legacy CBC): the text may have been altered. ",
            None => "Encrypted. ",
        });
    }
    if v.signatures.is_empty() {
        out.push_str(match (v.verdict, v.encrypted) {
            (_, true) if v.integrity_protected.is_none() => {
                "Not verified: decrypt it with `mailseal decrypt` to check any signature inside.\n"
            }
            (_, true) => "No signature inside.\n",
            (VerdictKind::Unsigned, false) => "Not signed: nothing to verify.\n",
            _ => "Not signed.\n",
        });
        warning_lines(&mut out, v);
        return out;
    }
    let layered = v.layers.len() > 1;
    for (i, s) in v.signatures.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        if layered {
            let _ = write!(out, "[layer {}] ", s.layer);
        }
        out.push_str(&signature_line(s));
        out.push('\n');
        if verbose {
            detail_lines(&mut out, s);
        }
    }
    warning_lines(&mut out, v);
    if let Some(hint) = &v.hint {
        let _ = writeln!(out, "  The signed content is encrypted: {hint}.");
    }
    out
}

/// What a person reads that does not fit, and broken policy rules.
fn warning_lines(out: &mut String, v: &Verdict) {
    for w in &v.warnings {
        let _ = writeln!(
            out,
            "  {}: {}",
            if w.lowers { "NOT trusted" } else { "Warning" },
            Safe(&w.text)
        );
    }
}

fn signature_line(s: &Signature) -> String {
    if s.role == Role::AlsoSigned {
        return also_signed_line(s, &who(s), &reason(s));
    }
    signer_line(s)
}

/// One signature in a sentence, naming the signer by the first of
/// `signer.emails`: "Good signature from A <a@example.org>, trusted:
/// ...", "..., but NOT trusted: ...", "BAD signature from ...", "...
/// could not be checked: ...".
pub fn signer_line(s: &Signature) -> String {
    let who = who(s);
    let reason = reason(s);
    let part = if s.covers == Covers::Part {
        " (covers only part of the message)"
    } else {
        ""
    };
    match (s.status, s.exit_code()) {
        (SigStatus::Bad, _) => format!("BAD signature from {who}{part}: {reason}"),
        (_, crate::error::ExitCode::Failed) => format!("REVOKED signer {who}{part}: {reason}"),
        (SigStatus::Error, _) => {
            format!("Signature from {who} could not be checked{part}: {reason}")
        }
        (SigStatus::Good, crate::error::ExitCode::Ok) => {
            format!("Good signature from {who}, trusted: {}", basis(s))
        }
        (SigStatus::Good, _) => format!(
            "Good signature from {who}{part}, but NOT trusted: {}",
            untrusted_why(s, &reason)
        ),
    }
}

fn who(s: &Signature) -> String {
    s.signer
        .as_ref()
        .map(|sg| match (&sg.name, sg.emails.first()) {
            (Some(n), Some(e)) => format!("{} <{}>", Safe(n), Safe(e)),
            (Some(n), None) => Safe(n).to_string(),
            (None, Some(e)) => format!("<{}>", Safe(e)),
            (None, None) => sg.fingerprint.clone(),
        })
        .unwrap_or_else(|| "an unknown signer".into())
}

fn reason(s: &Signature) -> String {
    s.reason
        .as_deref()
        .map(|r| Safe(r).to_string())
        .unwrap_or_default()
}

/// A signer of an outer layer: not the author, judged for its own
/// address.
fn also_signed_line(s: &Signature, who: &str, reason: &str) -> String {
    match (s.status, s.exit_code()) {
        (SigStatus::Bad, _) => format!("BAD signature (also signed by {who}): {reason}"),
        (_, crate::error::ExitCode::Failed) => {
            format!("REVOKED signer (also signed by {who}): {reason}")
        }
        (SigStatus::Error, _) => {
            format!("Also signed by {who}, but it could not be checked: {reason}")
        }
        (SigStatus::Good, crate::error::ExitCode::Ok) => {
            format!("Also signed by {who}, trusted: {}", basis(s))
        }
        (SigStatus::Good, _) => format!(
            "Also signed by {who}, but NOT trusted: {}",
            untrusted_why(s, reason)
        ),
    }
}

fn basis(s: &Signature) -> String {
    let path = &s.trust.path;
    match (s.trust.basis, path.last()) {
        (Basis::CaChain, Some(anchor)) => {
            format!("certificate chain to anchor {}", Safe(anchor))
        }
        (Basis::WebOfTrust, Some(root)) if path.len() > 1 => {
            format!("web of trust from your root {}", Safe(root))
        }
        (Basis::WebOfTrust, _) => "it is one of your web-of-trust roots".into(),
        (Basis::Pinned, Some(own)) if path.len() > 1 => {
            format!(
                "pinned by you (certified locally by your key {})",
                Safe(own)
            )
        }
        (Basis::Pinned, _) => "pinned by you".into(),
        (Basis::OwnKey, _) => "your own key".into(),
        (basis, _) => format!("{basis:?}"),
    }
}

fn untrusted_why(s: &Signature, reason: &str) -> String {
    let level = match s.trust.level {
        TrustLevel::Expired => "expired",
        TrustLevel::Untrusted => "invalid certificate path",
        TrustLevel::Revoked => "revoked",
        TrustLevel::Marginal => "only marginal validity",
        TrustLevel::None | TrustLevel::Full => "",
    };
    match (level.is_empty(), reason.is_empty()) {
        (true, true) => "unknown signer".into(),
        (true, false) => reason.into(),
        (false, true) => level.into(),
        (false, false) => format!("{level}: {reason}"),
    }
}

fn detail_lines(out: &mut String, s: &Signature) {
    if let Some(sg) = &s.signer {
        let _ = writeln!(out, "    fingerprint: {}", sg.fingerprint);
    }
    if let Some(t) = &s.signed_at {
        let _ = writeln!(out, "    signed at:   {}", Safe(t));
    }
    if !s.trust.path.is_empty() {
        let path: Vec<String> = s.trust.path.iter().map(|p| Safe(p).to_string()).collect();
        let _ = writeln!(out, "    path:        {}", path.join(" -> "));
    }
}
