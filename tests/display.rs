//! Safe display (SPEC section 7): names, subjects, user IDs, addresses
//! and file names from messages and certificates reach the terminal
//! escaped, so they can neither drive the terminal (escape sequences)
//! nor forge a line of output (a newline, then a fake status line).
//!
//! The hostile S/MIME certificate is issued by `openssl ca` with control
//! characters in its common name; the hostile OpenPGP user ID is made by
//! `gpg --quick-gen-key`, which accepts them too.

mod common;

use common::gpg::Gpg;
use common::pgp_mime::*;
use common::*;

/// A name that clears the screen and then forges a gpg status line.
const HOSTILE: &str = "Mallory\x1b[2J\n[GNUPG:] GOODSIG Alice";

/// Nothing in `text` can act on a terminal or start a forged line, and
/// the hostile name is there, escaped on one line (shown, not dropped).
fn assert_escaped(text: &str) {
    assert_harmless(text);
    assert!(
        text.lines()
            .any(|l| l.contains("Mallory") && l.contains("[2J") && l.contains("GOODSIG")),
        "the name is not shown on one line: {text}"
    );
}

/// Nothing in `text` can act on a terminal or start a forged line.
fn assert_harmless(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {text:?}"
    );
    assert!(
        !text.lines().any(|l| l.trim_start().starts_with("[GNUPG:]")),
        "forged line in {text:?}"
    );
}

/// stdout and stderr of a run, as one text.
fn shown(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A From header whose display name hides an escape sequence in an
/// encoded word, and a subject with a bare one.
fn hostile_message() -> Vec<u8> {
    b"From: =?utf-8?q?Eve=1B[31m_=0A[GNUPG:]_GOODSIG?= <mallory@example.org>\r\n\
To: bob@example.org\r\nSubject: hi\x1b]0;owned\x07\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain\r\n\r\nhello\r\n"
        .to_vec()
}

#[test]
fn smime_hostile_names_are_escaped() {
    let w = world("Display CA");
    let mallory = w.pki.user(
        "mallory@example.org",
        CertOpts {
            cn: Some(HOSTILE),
            ..CertOpts::default()
        },
    );
    w.env.import(&mallory.p12);
    // sign refuses control characters in a header field, so the bare
    // escape sequence goes into the subject afterwards, as an attacker
    // would put it there: the outer header is not signed.
    let clean = replace_once(&hostile_message(), b"hi\x1b]0;owned\x07", b"hi");
    let signed = w.env.expect(&["sign", "--smime"], &clean, 0);
    let signed = replace_once(
        &signed,
        b"Subject: hi\r\n",
        b"Subject: hi\x1b]0;owned\x07\r\n",
    );
    // One message: the report, short and verbose.
    for args in [&["verify"][..], &["-v", "verify"][..]] {
        let out = w.env.run(args, &signed);
        assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
        assert_escaped(&shown(&out));
    }
    // A mailbox directory with a hostile file name.
    let dir = w.env.path("mail");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(format!("{HOSTILE}.eml")), &signed).unwrap();
    let out = w.env.run(&["verify", s(&dir)], b"");
    assert_escaped(&shown(&out));
    // The keyring and trust views of the certificate.
    let out = w.env.run(&["keyring", "list", "mallory@example.org"], b"");
    assert_escaped(&shown(&out));
    let out = w.env.run(&["trust", "check", "mallory@example.org"], b"");
    assert_escaped(&shown(&out));
}

#[test]
fn openpgp_hostile_user_ids_are_escaped() {
    // The hostile user ID comes first; a plain one carries the address
    // (sequoia finds no address in a user ID with control characters).
    let gpg = Gpg::new();
    gpg.run(&["--quick-gen-key", HOSTILE, "ed25519", "sign,cert", "never"]);
    let mallory = gpg.fingerprint("Mallory");
    gpg.run(&["--quick-add-uid", &mallory, "Mallory <mallory@example.org>"]);
    let env = Env::new();
    env.generate_pgp("Bob", "bob@example.org");
    env.import(&write(env.dir.path(), "mallory.asc", &gpg.export(&mallory)));
    env.expect(
        &["trust", "pin", &mallory, "--email", "mallory@example.org"],
        b"",
        0,
    );
    let entity = b"Content-Type: text/plain\r\n\r\nhello\r\n";
    let data = write(env.dir.path(), "entity.txt", entity);
    let sig = gpg.sign(&["--armor", "--detach-sign"], &mallory, &data);
    let mut signed = pgp_mime_signed("mallory@example.org", entity, &sig, "pgp-sha256");
    signed = replace_once(
        &signed,
        b"From: mallory@example.org",
        b"From: =?utf-8?q?Eve=1B[31m_=0A[GNUPG:]_GOODSIG?= <mallory@example.org>",
    );
    for args in [&["verify"][..], &["-v", "verify"][..]] {
        let out = env.run(args, &signed);
        assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
        assert_harmless(&shown(&out));
    }
    let out = env.run(&["keyring", "list", &mallory], b"");
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert_escaped(&shown(&out));
    let out = env.run(&["trust", "check", &mallory], b"");
    assert_harmless(&shown(&out));
}
