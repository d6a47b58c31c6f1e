//! Per-domain policy, as an organisation agrees it with a partner:
//! `require-encryption DOMAIN` and `require-signature DOMAIN` lines in
//! `mailseal.conf` ([`crate::config`]). A domain covers itself and its
//! subdomains, in any case, as a domain-scoped trust anchor does
//! ([`crate::mime::in_domain`]).
//!
//! Outgoing mail: `mailseal send` refuses (hands nothing over) a message
//! to such a domain that cannot be encrypted or signed, whatever its
//! flags ([`Policy::required_for`]).
//!
//! Received mail ([`check_verdict`]): mail from such a domain that breaks
//! the rule is a policy violation, named in the verdict as a warning of
//! kind `policy` that keeps it from being trusted (exit 3 at best; a bad
//! signature stays exit 1):
//! - `require-signature`: the message is unsigned, or its signatures are
//!   not all good and trusted. An encrypted message that `verify` did not
//!   look into is left to `decrypt`, which checks the signature inside.
//! - `require-encryption`: the message arrived in clear (no encryption
//!   layer). Only a verdict on the message as it was received can tell;
//!   content a mail client decrypted before asking is not judged for it.
//!
//! So a forged plain message that claims to come from a partner stands
//! out: unsigned mail from a domain whose mail is agreed to be signed is
//! "untrusted", not merely "unsigned".

use std::fmt;

use crate::mime::{self, HeaderField};
use crate::trust::sender::addresses_in;
use crate::trust::verdict::{Signature, Verdict, VerdictKind, Warning};

/// The `kind` of the verdict warning that names a broken rule.
pub const WARNING_KIND: &str = "policy";

/// What a rule requires of mail to and from its domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Encryption,
    Signature,
}

impl Requirement {
    /// The option that sets it in `mailseal.conf`.
    pub fn option(self) -> &'static str {
        match self {
            Requirement::Encryption => "require-encryption",
            Requirement::Signature => "require-signature",
        }
    }

    fn from_option(option: &str) -> Option<Requirement> {
        [Requirement::Encryption, Requirement::Signature]
            .into_iter()
            .find(|r| r.option() == option)
    }
}

/// One policy line of `mailseal.conf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub requires: Requirement,
    /// Lower-cased, without a leading or trailing dot.
    pub domain: String,
    /// The line of `mailseal.conf` it was read from.
    pub line: usize,
}

impl fmt::Display for Rule {
    /// `require-signature partner.example (mailseal.conf line 3)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({} line {})",
            self.requires.option(),
            self.domain,
            crate::config::FILE_NAME,
            self.line
        )
    }
}

/// Every policy line of `mailseal.conf`, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub rules: Vec<Rule>,
}

impl Policy {
    /// Reads one option of `mailseal.conf` on line `line` if it is a
    /// policy option: `None` when it is not one, else whether its value
    /// is a domain (the error says why not).
    pub fn read_option(
        &mut self,
        option: &str,
        value: &str,
        line: usize,
    ) -> Option<std::result::Result<(), String>> {
        let requires = Requirement::from_option(option)?;
        Some(domain(option, value).map(|domain| {
            self.rules.push(Rule {
                requires,
                domain,
                line,
            })
        }))
    }

    /// For mail to `recipients`: each rule with `requires` that applies,
    /// with the first recipient in its domain.
    pub fn required_for<'a, S: AsRef<str>>(
        &'a self,
        recipients: &'a [S],
        requires: Requirement,
    ) -> Vec<(&'a Rule, &'a str)> {
        self.rules
            .iter()
            .filter(|rule| rule.requires == requires)
            .filter_map(|rule| {
                recipients
                    .iter()
                    .map(AsRef::as_ref)
                    .find(|r| mime::in_domain(r, &rule.domain))
                    .map(|r| (rule, r))
            })
            .collect()
    }
}

/// A domain as a policy line gives it: one word of labels, without `@`
/// or wildcards, lower-cased.
fn domain(option: &str, value: &str) -> std::result::Result<String, String> {
    let example = format!("e.g. `{option} partner.example`");
    let word = value.trim();
    if word.is_empty() {
        return Err(format!("{option} needs a mail domain, {example}"));
    }
    if word.split_whitespace().nth(1).is_some() {
        return Err(format!(
            "{option} takes one domain per line, not {word:?}: write one line for each"
        ));
    }
    if let Some(parent) = word.strip_prefix("*.") {
        return Err(format!(
            "{option} {parent} already covers the subdomains of {parent}: write it without \"*.\""
        ));
    }
    if word.contains('@') {
        return Err(format!(
            "{option} takes a mail domain, not an address ({word:?}), {example}"
        ));
    }
    let domain = word.trim_matches('.').to_lowercase();
    let label_ok = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !domain.split('.').all(label_ok) {
        return Err(format!(
            "{option}: {word:?} is not a mail domain, {example}"
        ));
    }
    Ok(domain)
}

/// What a verdict was made from, as far as the policy asks.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The addresses the message says it is from: each From mailbox, and
    /// an address written in a From display name (what a person reads).
    pub from: Vec<String>,
    /// Whether the verdict is on the message as it was received, so that
    /// whether it came encrypted is known (`verify`). Content a mail
    /// client took out of a message, perhaps decrypting it first (a part
    /// with its detached signature), is not.
    pub as_received: bool,
}

impl Seen {
    /// A whole message as it was received, with these header fields.
    pub fn received(headers: &[HeaderField]) -> Seen {
        let mut from = Vec::new();
        for mailbox in mime::addresses(headers, "From") {
            if let Some(name) = &mailbox.name {
                from.extend(addresses_in(name).map(str::to_ascii_lowercase));
            }
            from.push(mailbox.email);
        }
        from.dedup();
        Seen {
            from,
            as_received: true,
        }
    }

    /// Content taken out of a message whose sender is `from`, if known.
    pub fn content(from: Option<&str>) -> Seen {
        Seen {
            from: from.map(str::to_string).into_iter().collect(),
            as_received: false,
        }
    }
}

/// Adds to `verdict` a warning (kind [`WARNING_KIND`]) for every rule
/// that a message from `seen.from` breaks, and judges it again: at best
/// `untrusted` (exit 3), also when it is unsigned; a bad signature stays
/// `bad` (exit 1). The one check for `verify`, one message or many, and
/// for mail clients' verification of signed parts. A verdict that is an
/// error (the message could not be read) is left as it is.
pub fn check_verdict(policy: &Policy, seen: &Seen, verdict: &mut Verdict) {
    if verdict.error.is_some() {
        return;
    }
    let broken: Vec<Warning> = policy
        .rules
        .iter()
        .filter_map(|rule| {
            let from = seen
                .from
                .iter()
                .find(|a| mime::in_domain(a, &rule.domain))?;
            let what = shortfall(rule.requires, seen, verdict)?;
            Some(Warning {
                kind: WARNING_KIND,
                text: format!(
                    "policy violation: {rule} requires mail from that domain {}; \
                     this message from {from} {what}",
                    match rule.requires {
                        Requirement::Signature => "to carry a trusted signature",
                        Requirement::Encryption => "to be encrypted",
                    }
                ),
                lowers: true,
            })
        })
        .collect();
    if broken.is_empty() {
        return;
    }
    verdict.warnings.extend(broken);
    verdict.conclude();
}

/// What a mail client's verify command can tell of the policy from one
/// signature: the client hands over a part and its signature, never the
/// header, so the signer's own addresses stand for the sender. A
/// signature that is not trusted (bad, untrusted, unknown) by a signer
/// with an address in a `require-signature` domain breaks that rule; the
/// rules broken, in the words of [`check_verdict`]. Unsigned mail never
/// reaches such a command: `filter check` and `filter policy-colors`
/// cover it, and a signer who is not the sender.
pub fn signer_violations(policy: &Policy, signature: &Signature) -> Vec<String> {
    let Some(signer) = &signature.signer else {
        return Vec::new();
    };
    let seen = Seen {
        from: signer
            .emails
            .iter()
            .map(|e| e.to_ascii_lowercase())
            .collect(),
        as_received: false,
    };
    let mut verdict = Verdict::new(None);
    verdict.signatures.push(signature.clone());
    verdict.conclude();
    check_verdict(policy, &seen, &mut verdict);
    verdict
        .warnings
        .into_iter()
        .filter(|w| w.kind == WARNING_KIND)
        .map(|w| w.text)
        .collect()
}

/// How `verdict` falls short of `requires`, in words; `None` if it does
/// not, or cannot be told.
fn shortfall(requires: Requirement, seen: &Seen, verdict: &Verdict) -> Option<&'static str> {
    match requires {
        Requirement::Signature => match verdict.verdict {
            VerdictKind::Unsigned => Some("is not signed"),
            VerdictKind::Untrusted => Some("has no trusted signature"),
            VerdictKind::Bad => Some("has a bad signature"),
            VerdictKind::Trusted | VerdictKind::Encrypted | VerdictKind::Error => None,
        },
        Requirement::Encryption => {
            (seen.as_received && !verdict.encrypted).then_some("was not encrypted")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitCode;
    use crate::trust::verdict::{Covers, SigStatus, Signature, Trust};

    fn policy(lines: &[(Requirement, &str)]) -> Policy {
        let mut p = Policy::default();
        for (n, (requires, domain)) in lines.iter().enumerate() {
            p.read_option(requires.option(), domain, n + 1)
                .unwrap()
                .unwrap();
        }
        p
    }

    fn from(address: &str) -> Seen {
        let raw = format!("From: {address}\r\n\r\n");
        Seen::received(&mime::split_headers(raw.as_bytes()).unwrap().0)
    }

    fn unsigned() -> Verdict {
        let mut v = Verdict::new(None);
        v.conclude();
        v
    }

    fn signed(status: SigStatus, full: bool) -> Verdict {
        let trust = match full {
            true => Trust {
                level: crate::trust::verdict::TrustLevel::Full,
                ..Trust::none("")
            },
            false => Trust::none("no path to an anchor"),
        };
        let mut sig = Signature::new(status, trust, Covers::Whole);
        sig.sender_match = true;
        let mut v = Verdict::new(None);
        v.signatures.push(sig);
        v.conclude();
        v
    }

    #[test]
    fn domains_are_read_strictly() {
        let mut p = Policy::default();
        assert_eq!(p.read_option("prefer-protocol", "smime", 1), None);
        assert_eq!(
            p.read_option("require-signature", " Partner.Example. ", 2),
            Some(Ok(()))
        );
        assert_eq!(p.rules[0].domain, "partner.example");
        assert_eq!(
            p.rules[0].to_string(),
            "require-signature partner.example (mailseal.conf line 2)"
        );
        for bad in [
            "",
            "a.example b.example",
            "*.partner.example",
            "x@partner.example",
            "a..b",
            "a_b.example",
        ] {
            let why = p
                .read_option("require-encryption", bad, 3)
                .unwrap()
                .unwrap_err();
            assert!(why.contains("require-encryption"), "{bad:?}: {why}");
        }
        assert_eq!(p.rules.len(), 1);
    }

    #[test]
    fn rules_apply_to_recipients_in_the_domain_and_below() {
        let p = policy(&[
            (Requirement::Encryption, "partner.example"),
            (Requirement::Signature, "other.example"),
        ]);
        let to = ["a@example.org", "b@Lab.Partner.example"];
        let found = p.required_for(&to, Requirement::Encryption);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.line, found[0].1), (1, "b@Lab.Partner.example"));
        assert!(p.required_for(&to, Requirement::Signature).is_empty());
        assert!(p
            .required_for(&["x@badpartner.example"], Requirement::Encryption)
            .is_empty());
    }

    #[test]
    fn unsigned_mail_from_a_signing_domain_is_untrusted_and_names_the_rule() {
        let p = policy(&[(Requirement::Signature, "partner.example")]);
        let mut v = unsigned();
        check_verdict(&p, &from("Boss <boss@mail.partner.example>"), &mut v);
        assert_eq!(
            (v.verdict, v.exit_code()),
            (VerdictKind::Untrusted, ExitCode::Untrusted)
        );
        let w = &v.warnings[0];
        assert!(w.lowers && w.kind == WARNING_KIND);
        assert!(
            w.text
                .contains("require-signature partner.example (mailseal.conf line 1)"),
            "{}",
            w.text
        );
        assert!(
            w.text.contains("boss@mail.partner.example is not signed"),
            "{}",
            w.text
        );
        // Other domains, and trusted mail, are left alone.
        let mut v = unsigned();
        check_verdict(&p, &from("someone@example.org"), &mut v);
        assert_eq!((v.exit_code(), v.warnings.len()), (ExitCode::Nothing, 0));
        let mut v = signed(SigStatus::Good, true);
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!((v.exit_code(), v.warnings.len()), (ExitCode::Ok, 0));
    }

    #[test]
    fn a_bad_signature_stays_bad_and_an_untrusted_one_is_named() {
        let p = policy(&[(Requirement::Signature, "partner.example")]);
        let mut v = signed(SigStatus::Bad, true);
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!(
            (v.verdict, v.exit_code()),
            (VerdictKind::Bad, ExitCode::Failed)
        );
        assert!(v.warnings[0].text.contains("has a bad signature"));
        let mut v = signed(SigStatus::Good, false);
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!(v.exit_code(), ExitCode::Untrusted);
        assert!(v.warnings[0].text.contains("has no trusted signature"));
    }

    #[test]
    fn an_address_in_the_display_name_counts_as_what_a_person_reads() {
        let p = policy(&[(Requirement::Signature, "partner.example")]);
        let mut v = unsigned();
        check_verdict(
            &p,
            &from("\"boss@partner.example\" <eve@evil.test>"),
            &mut v,
        );
        assert_eq!(v.exit_code(), ExitCode::Untrusted);
    }

    #[test]
    fn clear_mail_from_an_encrypting_domain_is_flagged_when_seen_as_received() {
        let p = policy(&[(Requirement::Encryption, "partner.example")]);
        let mut v = signed(SigStatus::Good, true);
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!(v.exit_code(), ExitCode::Untrusted);
        assert!(v.warnings[0].text.contains("was not encrypted"));
        // Encrypted, or a part whose message is not seen: not judged.
        let mut v = unsigned();
        v.encrypted = true;
        v.conclude();
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!((v.verdict, v.warnings.len()), (VerdictKind::Encrypted, 0));
        let mut v = signed(SigStatus::Good, true);
        check_verdict(&p, &Seen::content(Some("boss@partner.example")), &mut v);
        assert_eq!(v.exit_code(), ExitCode::Ok);
    }

    #[test]
    fn an_error_verdict_is_left_as_it_is() {
        let p = policy(&[(Requirement::Signature, "partner.example")]);
        let mut v = Verdict::new(None);
        v.error = Some("malformed".into());
        v.conclude();
        check_verdict(&p, &from("boss@partner.example"), &mut v);
        assert_eq!((v.exit_code(), v.warnings.len()), (ExitCode::Usage, 0));
    }
}
