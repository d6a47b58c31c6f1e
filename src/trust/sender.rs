//! What a person reads besides the address a signature is matched
//! against (SPEC section 4): the From display name, Sender and Reply-To,
//! and the Date. A good signature by Eve on a message whose From reads
//! `"manager@bigcorp.example" <eve@bigcorp.example>` proves only that Eve
//! wrote it; a reader sees the manager. Each mismatch is named in the
//! verdict; a display name naming another address and a Date far from
//! the signing time keep the message from being trusted.

use crate::mime::{self, HeaderField, Mailbox};
use crate::safe::Safe;
use crate::time::Timestamp;
use crate::trust::verdict::{SigStatus, Signature, Warning};

/// How far the Date header may be from the signing time the author's
/// signature states, either way: a client dates and signs a message
/// when it sends it. Farther apart, the signature may be an old one
/// replayed under a fresh Date.
pub const DATE_TOLERANCE_SECS: u64 = 60 * 60;

/// The checks for a message whose author signed `author` (the good
/// signatures of the innermost layer covering the body). `names` gives
/// the addresses the keyring knows under a name.
pub fn warnings(
    headers: &[HeaderField],
    author: &[&Signature],
    names: &dyn Fn(&str) -> Vec<String>,
) -> Vec<Warning> {
    let good: Vec<&Signature> = author
        .iter()
        .copied()
        .filter(|s| s.status == SigStatus::Good)
        .collect();
    if good.is_empty() {
        return Vec::new();
    }
    let signer_emails: Vec<&str> = good
        .iter()
        .filter_map(|s| s.signer.as_ref())
        .flat_map(|s| s.emails.iter().map(String::as_str))
        .collect();
    let mut out = Vec::new();
    let from = mime::addresses(headers, "From");
    if let [mailbox] = from.as_slice() {
        display_name(mailbox, names, &mut out);
    }
    for (field, kind) in [("Sender", "sender"), ("Reply-To", "reply-to")] {
        for other in mime::addresses(headers, field) {
            if !signer_emails
                .iter()
                .any(|e| e.eq_ignore_ascii_case(&other.email))
            {
                out.push(Warning {
                    kind,
                    text: format!(
                        "the {field} address {} is not the signer's",
                        Safe(&other.email)
                    ),
                    lowers: false,
                });
            }
        }
    }
    if let Some(w) = date_far_from_signing(headers, &good) {
        out.push(w);
    }
    out
}

/// A display name that carries an address other than the mailbox's own,
/// or that is the name of someone else in the keyring.
fn display_name(mailbox: &Mailbox, names: &dyn Fn(&str) -> Vec<String>, out: &mut Vec<Warning>) {
    let Some(name) = mailbox.name.as_deref() else {
        return;
    };
    if let Some(other) = addresses_in(name).find(|a| !a.eq_ignore_ascii_case(&mailbox.email)) {
        out.push(Warning {
            kind: "display-name",
            text: format!(
                "the From display name \"{}\" names the address {}, but the message is from {}",
                Safe(name),
                Safe(other),
                Safe(&mailbox.email)
            ),
            lowers: true,
        });
        return;
    }
    let known = names(name);
    if !known.is_empty() && !known.iter().any(|k| k.eq_ignore_ascii_case(&mailbox.email)) {
        out.push(Warning {
            kind: "known-name",
            text: format!(
                "the From display name \"{}\" is the name of {} in your keyring, but the message is from {}",
                Safe(name),
                Safe(&known.join(", ")),
                Safe(&mailbox.email)
            ),
            lowers: false,
        });
    }
}

/// Words of a display name that look like addresses (`local@domain.tld`),
/// stripped of the brackets and quotes around them.
pub fn addresses_in(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | '"' | '\'')
    })
    .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '[' | ']')))
    .filter(|w| {
        w.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.contains('@')
        })
    })
}

/// The Date field against the signing times the author's signatures
/// state: a replayed signature keeps its old time under a new Date.
fn date_far_from_signing(headers: &[HeaderField], good: &[&Signature]) -> Option<Warning> {
    let date = mime::header::date(headers)?;
    good.iter().find_map(|s| {
        let signed = Timestamp::parse_rfc3339(s.signed_at.as_deref()?).ok()?;
        let apart = (date - i64::try_from(signed.unix()).ok()?).unsigned_abs();
        (apart > DATE_TOLERANCE_SECS).then(|| Warning {
            kind: "date",
            text: format!(
                "the Date header is {} {} the signing time {}: the signature may be an old one sent again",
                human_span(apart),
                if date > i64::try_from(signed.unix()).unwrap_or(0) { "after" } else { "before" },
                signed
            ),
            lowers: true,
        })
    })
}

/// `3 hours`, `2 days`: a span in the largest unit that fits.
fn human_span(secs: u64) -> String {
    let (n, unit) = match secs {
        s if s >= 2 * 86_400 => (s / 86_400, "days"),
        s if s >= 2 * 3_600 => (s / 3_600, "hours"),
        s => (s / 60, "minutes"),
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::verdict::{Covers, Signer, Trust};

    fn headers(raw: &str) -> Vec<HeaderField> {
        mime::split_headers(raw.as_bytes()).unwrap().0
    }

    fn signed_by(email: &str, at: &str) -> Signature {
        let mut s = Signature::new(SigStatus::Good, Trust::none("test"), Covers::Whole);
        s.signer = Some(Signer {
            fingerprint: "F".into(),
            name: None,
            emails: vec![email.into()],
        });
        s.signed_at = Some(at.into());
        s
    }

    fn kinds(raw: &str, sig: &Signature, known: &[&str]) -> Vec<(&'static str, bool)> {
        let names = |_: &str| known.iter().map(|s| s.to_string()).collect();
        warnings(&headers(raw), &[sig], &names)
            .into_iter()
            .map(|w| (w.kind, w.lowers))
            .collect()
    }

    const DATE: &str = "Date: Mon, 01 Jun 2026 12:00:00 +0000\r\n";

    #[test]
    fn display_name_naming_another_address_lowers() {
        let eve = signed_by("eve@bigcorp.example", "2026-06-01T12:00:00Z");
        let raw = format!("From: \"manager@bigcorp.example\" <eve@bigcorp.example>\r\n{DATE}\r\n");
        assert_eq!(kinds(&raw, &eve, &[]), [("display-name", true)]);
        let own = format!("From: \"eve@bigcorp.example\" <eve@bigcorp.example>\r\n{DATE}\r\n");
        assert_eq!(kinds(&own, &eve, &[]), []);
        let plain = format!("From: Eve Example <eve@bigcorp.example>\r\n{DATE}\r\n");
        assert_eq!(kinds(&plain, &eve, &[]), []);
    }

    #[test]
    fn someone_elses_name_sender_and_reply_to_are_named() {
        let eve = signed_by("eve@bigcorp.example", "2026-06-01T12:00:00Z");
        let raw = format!(
            "From: The Manager <eve@bigcorp.example>\r\nSender: boss@bigcorp.example\r\n\
             Reply-To: <Eve@BigCorp.example>, other@evil.example\r\n{DATE}\r\n"
        );
        assert_eq!(
            kinds(&raw, &eve, &["manager@bigcorp.example"]),
            [
                ("known-name", false),
                ("sender", false),
                ("reply-to", false)
            ]
        );
        // The name is Eve's own in the keyring: nothing to say.
        let own = format!("From: The Manager <eve@bigcorp.example>\r\n{DATE}\r\n");
        assert_eq!(kinds(&own, &eve, &["eve@bigcorp.example"]), []);
    }

    #[test]
    fn date_far_from_the_signing_time_lowers_either_way() {
        let raw = format!("From: eve@bigcorp.example\r\n{DATE}\r\n");
        for (at, want) in [
            ("2026-06-01T11:10:00Z", vec![]),
            ("2026-06-01T12:55:00Z", vec![]),
            ("2026-06-01T09:00:00Z", vec![("date", true)]),
            ("2026-06-01T13:30:00Z", vec![("date", true)]),
            ("2025-06-01T12:00:00Z", vec![("date", true)]),
        ] {
            assert_eq!(
                kinds(&raw, &signed_by("eve@bigcorp.example", at), &[]),
                want,
                "{at}"
            );
        }
        // No Date, or no signing time: nothing to compare.
        let undated = "From: eve@bigcorp.example\r\n\r\n";
        assert_eq!(
            kinds(
                undated,
                &signed_by("eve@bigcorp.example", "2020-01-01T00:00:00Z"),
                &[]
            ),
            []
        );
    }

    #[test]
    fn bad_signatures_are_not_checked_against_the_headers() {
        let mut bad = signed_by("eve@bigcorp.example", "2020-01-01T00:00:00Z");
        bad.status = SigStatus::Bad;
        let raw = format!("From: \"boss@bigcorp.example\" <eve@bigcorp.example>\r\n{DATE}\r\n");
        assert_eq!(kinds(&raw, &bad, &[]), []);
    }
}
