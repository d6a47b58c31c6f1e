//! The protocol `sign` and `encrypt` choose without `--smime`/`--openpgp`
//! (SPEC section 4): the one in which every recipient has a fully valid
//! binding, preferring `prefer-protocol` from `mailseal.conf` (default
//! OpenPGP) when both do. S/MIME certificates come from `openssl ca`;
//! OpenPGP keys are made by mailseal.

mod common;

use common::*;

/// alice and bob with S/MIME certificates under a trusted CA and OpenPGP
/// keys of their own, in one keyring; carol with an OpenPGP key only.
fn both() -> World {
    let w = world("Protocol CA");
    w.env.generate_pgp("Alice", "alice@example.org");
    w.env.generate_pgp("Bob", "bob@example.org");
    w.env.generate_pgp("Carol", "carol@example.org");
    w
}

fn prefer(env: &Env, text: &str) {
    std::fs::write(env.keyring().join("mailseal.conf"), text).unwrap();
}

const PGP_ENC: &[u8] = b"application/pgp-encrypted";
const SMIME_ENC: &[u8] = b"application/pkcs7-mime";

#[test]
fn preference_decides_when_both_protocols_would_do() {
    let w = both();
    let to_bob = message("alice@example.org", "bob@example.org", "p", "secret");
    // Default: OpenPGP.
    let out = w.env.expect(&["encrypt"], &to_bob, 0);
    assert!(contains(&out, PGP_ENC) && !contains(&out, SMIME_ENC));
    let out = w.env.expect(&["sign"], &to_bob, 0);
    assert!(contains(&out, b"application/pgp-signature"));
    // Preferring S/MIME.
    prefer(&w.env, "# work mail goes S/MIME\nprefer-protocol smime\n");
    let out = w.env.expect(&["encrypt"], &to_bob, 0);
    assert!(contains(&out, SMIME_ENC) && !contains(&out, PGP_ENC));
    let text = w.env.expect(&["decrypt"], &out, 0);
    assert!(contains(&text, b"secret"));
    let out = w.env.expect(&["sign"], &to_bob, 0);
    assert!(contains(&out, b"application/pkcs7-signature"));
    // A flag still wins over the preference.
    let out = w.env.expect(&["encrypt", "--openpgp"], &to_bob, 0);
    assert!(contains(&out, PGP_ENC));
}

#[test]
fn the_protocol_every_recipient_has_wins_over_the_preference() {
    let w = both();
    prefer(&w.env, "prefer-protocol = smime\n");
    // carol has no S/MIME certificate: OpenPGP despite the preference.
    let to_carol = message("alice@example.org", "carol@example.org", "p", "secret");
    let out = w.env.expect(&["encrypt"], &to_carol, 0);
    assert!(contains(&out, PGP_ENC), "{}", String::from_utf8_lossy(&out));
    // dave has neither: exit 2, nothing written, each protocol named.
    let to_dave = message("alice@example.org", "dave@example.org", "p", "secret");
    let err = w.env.refused(&["encrypt"], &to_dave, 2);
    assert!(
        err.contains("OpenPGP") && err.contains("S/MIME") && err.contains("dave@example.org"),
        "{err}"
    );
    // carol lacks S/MIME, dave both: one line per protocol and recipient.
    let to_both = message(
        "alice@example.org",
        "carol@example.org, dave@example.org",
        "p",
        "secret",
    );
    let err = w.env.refused(&["encrypt"], &to_both, 2);
    let lines: Vec<&str> = err.lines().map(str::trim).collect();
    for (protocol, who) in [("OpenPGP", "dave"), ("S/MIME", "carol"), ("S/MIME", "dave")] {
        let start = format!("{protocol}: {who}@example.org: no ");
        assert_eq!(
            lines.iter().filter(|l| l.starts_with(&start)).count(),
            1,
            "{start}\n{err}"
        );
    }
    assert!(
        !lines.iter().any(|l| l.starts_with("OpenPGP: carol")),
        "{err}"
    );
}

#[test]
fn fail_bad_configuration_names_the_line_and_sends_nothing() {
    let w = both();
    prefer(&w.env, "\nprefer-protocol x400\n");
    let to_bob = message("alice@example.org", "bob@example.org", "p", "secret");
    let err = w.env.refused(&["encrypt"], &to_bob, 2);
    assert!(
        err.contains("mailseal.conf line 2") && err.contains("x400"),
        "{err}"
    );
}
