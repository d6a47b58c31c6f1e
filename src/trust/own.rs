//! The user's own keys and certificates as makers of new signatures and
//! certifications: one that is revoked or expired at the reference time
//! makes none (a pin, a signed message), and the user hears which key it
//! was and why. What they made before is judged elsewhere: a revoked own
//! key's pins by the web of trust ([`super::wot`]), its signatures by the
//! verifier.

use sequoia_openpgp::Cert;
use x509_cert::Certificate;

use super::verdict::TrustLevel;
use super::wot;
use super::TrustData;
use crate::error::Error;
use crate::openpgp::{policy_at, system_time};
use crate::safe::Safe;
use crate::smime::cert;
use crate::time::Timestamp;

/// Why the user's own OpenPGP key `cert` may make no new signature or
/// certification at `at`: "is revoked since ... (reason)", "expired on
/// ...", or why the policy rejects it. `None` if it may.
pub fn openpgp_unusable(cert: &Cert, at: Timestamp) -> Option<String> {
    let policy = policy_at(at);
    let valid = match cert.with_policy(&policy, system_time(at)) {
        Ok(v) => v,
        Err(e) => return Some(format!("is not valid at {at}: {e}")),
    };
    if let Some(revocation) = wot::revocation_at(cert, at) {
        return Some(format!("is revoked {}", revocation.since()));
    }
    if valid.alive().is_err() {
        return Some(match valid.primary_key().key_expiration_time() {
            Some(t) => format!("expired on {}", wot::timestamp(t)),
            None => format!("is not alive at {at}"),
        });
    }
    None
}

/// "your OpenPGP key FPR (User ID) PROBLEM", the user ID escaped.
pub fn openpgp_key_line(cert: &Cert, problem: &str) -> String {
    let userid = cert
        .userids()
        .next()
        .map(|u| String::from_utf8_lossy(u.userid().value()).into_owned())
        .unwrap_or_default();
    format!(
        "your OpenPGP key {} ({}) {problem}",
        cert.fingerprint().to_hex(),
        Safe(&userid)
    )
}

/// Why the user's own certificate may sign nothing at `at`: outside its
/// validity period, or revoked by an imported CRL. `crls` judges the
/// latter, given when the keyring holds CRLs; revocation is known only
/// when the certificate has a path to one of the user's anchors. `None`
/// if it may sign.
pub fn x509_unusable(
    certificate: &Certificate,
    at: Timestamp,
    crls: Option<&TrustData<'_>>,
) -> Option<String> {
    let (from, until) = cert::validity(certificate);
    if at < from {
        return Some(format!("is not valid before {from}"));
    }
    if at > until {
        return Some(format!("expired on {until}"));
    }
    let judged = crls?.validate(certificate, &[], None);
    (judged.level == TrustLevel::Revoked).then(|| {
        let why = judged.reason.unwrap_or_default();
        format!("is revoked: {}", Safe(&why))
    })
}

/// "your S/MIME certificate FPR (subject) PROBLEM", the subject escaped.
pub fn x509_cert_line(fingerprint: &str, certificate: &Certificate, problem: &str) -> String {
    format!(
        "your S/MIME certificate {fingerprint} ({}) {problem}",
        Safe(&cert::subject(certificate))
    )
}

/// The error for own keys that are all unusable: what was wanted, then one
/// line per key.
pub fn unusable_error(what: &str, lines: Vec<String>) -> Error {
    Error::OwnKeyUnusable {
        what: what.to_string(),
        keys: lines,
    }
}
