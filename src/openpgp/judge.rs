//! Verdicts on OpenPGP signatures: the cryptographic result from the
//! layer below, the binding's validity from the web of trust, and
//! whether the signer is the sender.

use sequoia_openpgp::Cert;

use super::open::{Scope, SignedPart};
use super::sigcheck::{KeyState, SigCheck, SigStatus as PgpStatus};
use crate::mime::{self, HeaderField};
use crate::trust::verdict::{
    best_binding, explain_good, Covers, Role, SigStatus, Signature, Signer, Trust, TrustLevel,
    Verdict,
};
use crate::trust::TrustData;

/// From and Message-ID, as the S/MIME side reports them.
pub fn fill_headers(v: &mut Verdict, headers: &[HeaderField]) {
    v.from = mime::header::single_sender(headers);
    v.message_id = mime::header_value(headers, "Message-ID").map(|s| s.trim().to_string());
}

/// The signatures of one signed part: of a layer of the message when it
/// covers the whole, or of a part below an unsigned root.
pub fn judge_part(
    trust: &TrustData,
    part: &SignedPart,
    from: Option<&str>,
    role: Role,
    layer: u8,
) -> Vec<Signature> {
    let covers = match part.scope {
        Scope::Whole => Covers::Whole,
        Scope::Part(_) => Covers::Part,
    };
    let note = part_note(&part.scope);
    part.signatures
        .iter()
        .map(|s| {
            let mut sig = judge(trust, s, from, covers, role);
            sig.reason = with_note(note.as_deref(), sig.reason.take());
            sig.layer = layer;
            sig
        })
        .collect()
}

/// Which part a signature below the root covers, in words, so that the
/// report names it (as the S/MIME side does): a wrapped signature must
/// not read like one on the message.
fn part_note(scope: &Scope) -> Option<String> {
    match scope {
        Scope::Whole => None,
        Scope::Part(p) if p.contains(' ') => Some(format!("only the {p} of the message is signed")),
        Scope::Part(p) => Some(format!("only part {p} of the message is signed")),
    }
}

fn with_note(note: Option<&str>, reason: Option<String>) -> Option<String> {
    match (note, reason) {
        (Some(n), Some(r)) => Some(format!("{n}; {r}")),
        (Some(n), None) => Some(n.to_string()),
        (None, r) => r,
    }
}

/// One signature: good only if it matches and the key was valid when it
/// was made; trusted only if the binding to the From address (for the
/// author) or to one of the signer's own addresses (for a signer of an
/// outer layer) is fully valid now.
pub fn judge(
    trust: &TrustData,
    sig: &SigCheck,
    from: Option<&str>,
    covers: Covers,
    role: Role,
) -> Signature {
    let signer = sig.signer.as_ref();
    let emails = signer.map(cert_emails).unwrap_or_default();
    let sender_match = from.is_some_and(|f| emails.iter().any(|e| e.eq_ignore_ascii_case(f)));
    let trust = match (signer, &sig.key_state) {
        (_, KeyState::Revoked(r)) => revoked(&r.reason),
        (Some(cert), _) => match role {
            Role::Author => {
                let now = binding_trust(trust, cert, &emails, from, sender_match);
                trust.at_signing_time(sig.signed_at, now, |then| {
                    binding_trust(then, cert, &emails, from, sender_match)
                })
            }
            Role::AlsoSigned => best_binding(&emails, |e| {
                let now = trust.openpgp_cert_trust(cert, e);
                trust.at_signing_time(sig.signed_at, now, |then| then.openpgp_cert_trust(cert, e))
            }),
        },
        (None, _) => Trust::none("the signer's certificate is not in the keyring"),
    };
    let reason = match (sig.status, sig.reason.clone(), role) {
        (PgpStatus::Good, None, Role::Author) => explain_good(&trust, sender_match, &emails, from),
        (PgpStatus::Good, None, Role::AlsoSigned) => trust.reason.clone(),
        (_, r, _) => r,
    };
    let mut out = Signature::new(status(sig.status), trust, covers);
    out.signer = signer.map(|c| Signer {
        fingerprint: c.fingerprint().to_hex(),
        name: primary_name(c),
        emails,
    });
    out.signed_at = sig.signed_at.map(|t| t.to_string());
    out.sender_match = sender_match;
    out.reason = reason;
    out.role = role;
    crate::trust::digest::judge(&mut out, sig.hash_algo);
    out
}

/// A signature over data that comes without a message: a mail client
/// checking a part hands over no From address to match. The signer is
/// judged for its own addresses, as the signer of an outer layer is
/// ([`Role::AlsoSigned`]): trusted only when one of its bindings is
/// fully valid. That address comes first in `signer.emails`, with the
/// name of its user ID, so that a report names what was judged.
pub fn judge_detached(trust: &TrustData, sig: &SigCheck) -> Signature {
    let mut out = judge(trust, sig, None, Covers::Whole, Role::AlsoSigned);
    let (Some(cert), Some(signer)) = (sig.signer.as_ref(), out.signer.as_mut()) else {
        return out;
    };
    let bound = signer.emails.iter().position(|e| {
        let now = trust.openpgp_cert_trust(cert, e);
        trust
            .at_signing_time(sig.signed_at, now, |then| then.openpgp_cert_trust(cert, e))
            .is_full()
    });
    if let Some(i) = bound {
        let email = signer.emails.remove(i);
        signer.emails.insert(0, email);
    }
    if let Some(email) = signer.emails.first() {
        let uid = cert
            .userids()
            .find(|u| super::userid::email_normalized(u.userid()).as_ref() == Some(email));
        if let Some(u) = uid {
            signer.name = u.userid().name().ok().flatten().map(str::to_string);
        }
    }
    out
}

/// The validity of the binding to the sender's address, or when the
/// signer is not the sender, of the signer's own first address.
fn binding_trust(
    trust: &TrustData,
    cert: &Cert,
    emails: &[String],
    from: Option<&str>,
    sender_match: bool,
) -> Trust {
    let email = match (from, sender_match) {
        (Some(f), true) => f.to_ascii_lowercase(),
        _ => match emails.first() {
            Some(e) => e.clone(),
            None => return Trust::none("the certificate carries no e-mail address"),
        },
    };
    trust.openpgp_cert_trust(cert, &email)
}

fn revoked(reason: &str) -> Trust {
    Trust {
        level: TrustLevel::Revoked,
        basis: crate::trust::verdict::Basis::None,
        path: Vec::new(),
        amount: 0,
        reason: Some(format!("the signing key is revoked: {reason}")),
    }
}

fn status(s: PgpStatus) -> SigStatus {
    match s {
        PgpStatus::Good => SigStatus::Good,
        PgpStatus::Bad => SigStatus::Bad,
        PgpStatus::Error => SigStatus::Error,
    }
}

/// The lower-cased addresses of the certificate's user IDs.
pub fn cert_emails(cert: &Cert) -> Vec<String> {
    let mut out: Vec<String> = cert
        .userids()
        .filter_map(|u| super::userid::email_normalized(u.userid()))
        .collect();
    out.dedup();
    out
}

fn primary_name(cert: &Cert) -> Option<String> {
    cert.userids()
        .next()
        .and_then(|u| u.userid().name().ok().flatten().map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_signatures_name_their_part() {
        assert_eq!(part_note(&Scope::Whole), None);
        let note = part_note(&Scope::Part("2.1".into()));
        assert_eq!(
            note.as_deref(),
            Some("only part 2.1 of the message is signed")
        );
        let inline = part_note(&Scope::Part("inline block".into()));
        assert_eq!(
            inline.as_deref(),
            Some("only the inline block of the message is signed")
        );
        assert_eq!(
            with_note(note.as_deref(), Some("you pinned this binding".into())).as_deref(),
            Some("only part 2.1 of the message is signed; you pinned this binding")
        );
        assert_eq!(with_note(None, Some("r".into())).as_deref(), Some("r"));
    }
}
