//! Class 9, what a person reads: a good signature by mallory (fully valid
//! for her own address) under outer fields that make the message look
//! like someone else's: a From display name naming another address
//! (exit 3), a display name that is another person's name in the keyring,
//! Sender or Reply-To addresses that are not the signer (named in the
//! verdict). Class 10, replay: a genuine signed message sent again under
//! a fresh Date far from its signing time (exit 3). Inputs: `mailseal
//! sign` (S/MIME and OpenPGP) and `gpg --detach-sign`, then the unsigned
//! outer fields rewritten.

use serde_json::Value;

use super::support::*;
use crate::common::*;

const M: &str = "mallory@example.org";

/// (kind, lowers) of each warning in a verdict.
type Warnings = Vec<(String, bool)>;

fn warnings(v: &Value) -> Warnings {
    v["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| {
            (
                w["kind"].as_str().unwrap_or("?").to_string(),
                w["lowers"] == true,
            )
        })
        .collect()
}

fn w(kind: &str, lowers: bool) -> (String, bool) {
    (kind.to_string(), lowers)
}

/// The cases for one protocol: `signed` is mallory's signed message
/// (From mallory), `known` a display name the keyring knows for another
/// address.
fn cases(proto: &str, env: &Env, signed: &[u8], known: &str) {
    let from = format!("From: {M}\r\n");
    let with = |fields: &str| replace_once(signed, from.as_bytes(), fields.as_bytes());
    let control = verify(env, signed);
    assert_eq!(control.code, 0, "{proto} control: {}", control.v);
    assert!(warnings(&control.v).is_empty(), "{}", control.v);

    let list: Vec<(&str, String, i32, Warnings)> = vec![
        (
            "display name is another address",
            format!("From: \"bob@example.org\" <{M}>\r\n"),
            3,
            vec![w("display-name", true)],
        ),
        (
            "display name with an address in angle brackets",
            format!("From: \"Bob <bob@example.org>\" <{M}>\r\n"),
            3,
            vec![w("display-name", true)],
        ),
        (
            "display name is another person's name in the keyring",
            format!("From: {known} <{M}>\r\n"),
            0,
            vec![w("known-name", false)],
        ),
        (
            "Sender is someone else",
            format!("From: The Manager <{M}>\r\nSender: bob@example.org\r\n"),
            0,
            vec![w("sender", false)],
        ),
        (
            "Reply-To is someone else",
            format!("From: {M}\r\nReply-To: boss@attacker.example\r\n"),
            0,
            vec![w("reply-to", false)],
        ),
        (
            "Reply-To is the signer",
            format!("From: {M}\r\nReply-To: Mallory <MALLORY@example.org>\r\n"),
            0,
            vec![],
        ),
    ];
    for (case, fields, code, want) in list {
        let case = format!("{proto}: {case}");
        let msg = with(&fields);
        let verdict = if code == 0 { "trusted" } else { "untrusted" };
        let c = expect(&case, env, &msg, code, verdict, &["good"]);
        assert_eq!(warnings(&c.v), want, "{case}: {}", c.v);
        if !want.is_empty() {
            let report = human(env, &msg);
            let line = if code == 0 {
                "Warning: "
            } else {
                "NOT trusted: "
            };
            assert!(report.contains(line), "{case}: {report}");
        }
    }
}

#[test]
fn smime_display_names_sender_and_reply_to_are_named() {
    let f = smime();
    let signed = f.sign(M, M, "Please wire the money today.", false);
    // The test CA names bob's certificate "bob".
    cases("S/MIME", f.env(), &signed, "Bob");
}

#[test]
fn openpgp_display_names_sender_and_reply_to_are_named() {
    let p = pgp();
    let signed = Pgp::sign(&p.mallory, M, "Please wire the money today.");
    cases("OpenPGP", &p.bob, &signed, "Alice");
}

/// The Date field of `msg` replaced by `date`.
fn redated(msg: &[u8], old: &str, date: &str) -> Vec<u8> {
    replace_once(
        msg,
        format!("Date: {old}").as_bytes(),
        format!("Date: {date}").as_bytes(),
    )
}

#[test]
fn replayed_signatures_under_a_fresh_date_are_not_trusted() {
    const SIGNED_AT: &str = "Mon, 01 Jun 2026 12:00:00 +0000";
    let f = smime();
    let alice = f.sign(
        "alice@example.org",
        "alice@example.org",
        "You are promoted.",
        false,
    );
    let p = pgp();
    let pgp_alice = Pgp::sign(&p.alice, "alice@example.org", "You are promoted.");
    for (proto, env, msg) in [("S/MIME", f.env(), &alice), ("OpenPGP", &p.bob, &pgp_alice)] {
        for (date, code) in [
            // Within the hour: a client signs and dates as it sends.
            ("Mon, 01 Jun 2026 12:50:00 +0000", 0),
            ("Mon, 01 Jun 2026 13:50:00 +0200", 0),
            // Hours, or a year, later: the old signature sent again.
            ("Mon, 01 Jun 2026 15:00:00 +0000", 3),
            ("Tue, 01 Jun 2027 12:00:00 +0000", 3),
            // Dated well before it was signed.
            ("Sun, 31 May 2026 12:00:00 +0000", 3),
        ] {
            let case = format!("{proto}: Date {date}");
            let m = redated(msg, SIGNED_AT, date);
            let verdict = if code == 0 { "trusted" } else { "untrusted" };
            let c = expect(&case, env, &m, code, verdict, &["good"]);
            let want = if code == 0 {
                vec![]
            } else {
                vec![w("date", true)]
            };
            assert_eq!(warnings(&c.v), want, "{case}: {}", c.v);
            if code != 0 {
                let report = human(env, &m);
                assert!(
                    report.contains("NOT trusted: the Date header is"),
                    "{case}: {report}"
                );
            }
        }
    }

    // gpg signs at its own clock; the message is dated a day later.
    let gw = gpg_world();
    let entity = b"Content-Type: text/plain\r\n\r\nYou are promoted.\r\n";
    let sig = gw.detach_sign(&["alice@example.org"], entity);
    let armored = armor_signature(&sig);
    let on_time = pgp_signed(
        &outer_at("alice@example.org", "gpg", GPG_DATE),
        entity,
        &armored,
    );
    expect(
        "gpg: dated when signed",
        &gw.bob,
        &on_time,
        0,
        "trusted",
        &["good"],
    );
    let late = pgp_signed(
        &outer_at(
            "alice@example.org",
            "gpg",
            "Fri, 02 Jan 2026 00:00:00 +0000",
        ),
        entity,
        &armored,
    );
    let c = expect("gpg: a day late", &gw.bob, &late, 3, "untrusted", &["good"]);
    assert_eq!(warnings(&c.v), [w("date", true)]);
}
