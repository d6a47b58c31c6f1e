//! Per-domain policy in `mailseal.conf` as `verify` applies it (SPEC
//! section 2, "MUA and tool interfaces"): unsigned or untrusted mail from
//! a `require-signature` domain, and mail that arrived in clear from a
//! `require-encryption` domain, are policy violations (exit 3, the rule
//! and its line named), in single and batch verification alike; other
//! domains are judged as before. `send`'s side of the policy is in
//! `cli_send.rs`.

mod common;

use common::*;

/// Own OpenPGP keys for alice@example.org and bob@partner.example (so
/// both are trusted signers), and the policy `conf`.
fn partners(conf: &str) -> Env {
    let env = Env::new();
    env.generate_pgp("Alice", "alice@example.org");
    env.generate_pgp("Bob", "bob@partner.example");
    std::fs::write(env.keyring().join("mailseal.conf"), conf).unwrap();
    env
}

const SIGNING: &str = "prefer-protocol openpgp\nrequire-signature partner.example\n";

fn from_bob(subject: &str) -> Vec<u8> {
    message(
        "Bob <bob@partner.example>",
        "alice@example.org",
        subject,
        "hello",
    )
}

fn warnings(v: &serde_json::Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .map(|ws| {
            ws.iter()
                .map(|w| format!("{}: {}", w["kind"], w["text"]))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn unsigned_mail_from_a_signing_domain_is_a_violation_naming_the_rule() {
    let env = partners(SIGNING);
    let (v, code) = env.verdict(&from_bob("forged"));
    assert_eq!(
        (code, &v["verdict"]),
        (3, &serde_json::json!("untrusted")),
        "{v}"
    );
    let w = warnings(&v);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("\"policy\"")
            && w[0].contains("require-signature partner.example (mailseal.conf line 2)")
            && w[0].contains("bob@partner.example is not signed"),
        "{w:?}"
    );
    // The human report says it too.
    let out = env.run(&["verify"], &from_bob("forged"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{text}");
    assert!(
        text.contains("Not signed.")
            && text.contains("NOT trusted: policy violation: require-signature partner.example"),
        "{text}"
    );
}

#[test]
fn signed_trusted_mail_from_the_domain_passes_and_other_domains_are_unaffected() {
    let env = partners(SIGNING);
    let signed = env.expect(&["sign"], &from_bob("real"), 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!((code, warnings(&v).len()), (0, 0), "{v}");
    // Unsigned from elsewhere: unsigned, exit 4, as without a policy.
    let plain = message("carol@example.net", "alice@example.org", "plain", "hi");
    let (v, code) = env.verdict(&plain);
    assert_eq!(
        (code, &v["verdict"]),
        (4, &serde_json::json!("unsigned")),
        "{v}"
    );
    assert!(warnings(&v).is_empty(), "{v}");
    // A subdomain is covered; a look-alike is not.
    let sub = message("ops@mail.partner.example", "alice@example.org", "s", "hi");
    assert_eq!(env.verdict(&sub).1, 3);
    let lookalike = message("ops@badpartner.example", "alice@example.org", "s", "hi");
    assert_eq!(env.verdict(&lookalike).1, 4);
}

#[test]
fn an_untrusted_signer_is_named_and_a_bad_signature_stays_bad() {
    let env = partners(SIGNING);
    // dave@partner.example signs with a key the keyring does not trust.
    let other = Env::new();
    other.generate_pgp("Dave", "dave@partner.example");
    let cert = other.expect(&["keyring", "export", "dave@partner.example"], b"", 0);
    env.import(&write(env.dir.path(), "dave.asc", &cert));
    let draft = message("dave@partner.example", "alice@example.org", "u", "hello");
    let signed = other.expect(&["sign"], &draft, 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert!(
        warnings(&v)
            .iter()
            .any(|w| w.contains("dave@partner.example has no trusted signature")),
        "{v}"
    );
    // Bob's real signature over a changed body: bad, exit 1.
    let good = env.expect(&["sign"], &from_bob("tampered"), 0);
    let bad = replace_once(&good, b"hello", b"HELLO");
    let (v, code) = env.verdict(&bad);
    assert_eq!((code, &v["verdict"]), (1, &serde_json::json!("bad")), "{v}");
    assert!(
        warnings(&v)
            .iter()
            .any(|w| w.contains("has a bad signature")),
        "{v}"
    );
}

#[test]
fn batch_verification_applies_the_same_rule_to_every_message() {
    let env = partners(SIGNING);
    let dir = env.path("mail");
    std::fs::create_dir(&dir).unwrap();
    let signed = env.expect(&["sign"], &from_bob("real"), 0);
    write(&dir, "1-signed.eml", &signed);
    write(&dir, "2-forged.eml", &from_bob("forged"));
    let plain = message("carol@example.net", "alice@example.org", "plain", "hi");
    write(&dir, "3-elsewhere.eml", &plain);
    let out = env.run(&["--json", "verify", s(&dir)], b"");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    rows.sort_by_key(|v| v["path"].as_str().unwrap_or_default().to_string());
    let got: Vec<(String, i64, usize)> = rows
        .iter()
        .map(|v| {
            (
                v["verdict"].as_str().unwrap().to_string(),
                v["exit"].as_i64().unwrap(),
                warnings(v).len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("trusted".to_string(), 0, 0),
            ("untrusted".to_string(), 3, 1),
            ("unsigned".to_string(), 4, 0)
        ]
    );
    assert!(warnings(&rows[1])[0].contains("require-signature partner.example"));
    // The table names the rule on the forged message's row.
    let out = env.run(&["verify", s(&dir)], b"");
    let table = String::from_utf8_lossy(&out.stdout);
    let row = table
        .lines()
        .find(|l| l.contains("2-forged.eml"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        row.starts_with("untrusted 3") && row.contains("require-signature partner.example"),
        "{row}"
    );
}

#[test]
fn mail_in_clear_from_an_encrypting_domain_is_a_violation_encrypted_mail_is_not() {
    let env = partners("require-encryption partner.example\n");
    // Signed by a trusted key, but not encrypted.
    let signed = env.expect(&["sign"], &from_bob("clear"), 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!(
        (code, &v["verdict"]),
        (3, &serde_json::json!("untrusted")),
        "{v}"
    );
    assert!(
        warnings(&v).iter().any(|w| w.contains(
            "require-encryption partner.example (mailseal.conf line 1) requires mail from that \
             domain to be encrypted; this message from bob@partner.example was not encrypted"
        )),
        "{v}"
    );
    // Encrypted: verify does not look inside, and there is nothing to flag.
    let encrypted = env.expect(&["encrypt", "--sign"], &from_bob("sealed"), 0);
    let (v, code) = env.verdict(&encrypted);
    assert_eq!(
        (code, &v["verdict"]),
        (4, &serde_json::json!("encrypted")),
        "{v}"
    );
    assert!(warnings(&v).is_empty(), "{v}");
}

#[test]
fn fail_policy_lines_that_are_not_understood_name_the_line() {
    let env = partners("require-signature partner.example\nrequire-signature\n");
    let out = env.run(&["verify"], &from_bob("x"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("mailseal.conf line 2")
            && err.contains("require-signature needs a mail domain"),
        "{err}"
    );
    std::fs::write(
        env.keyring().join("mailseal.conf"),
        "require-signature partner.example\n\nrequire-signing partner.example\n",
    )
    .unwrap();
    let out = env.run(&["verify"], &from_bob("x"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("mailseal.conf line 3") && err.contains("unknown option \"require-signing\""),
        "{err}"
    );
}

#[test]
fn decrypt_judges_the_inside_by_the_same_rule() {
    let env = partners(SIGNING);
    // Encrypted to alice, but not signed inside: the rule is broken.
    let sealed = env.expect(
        &["encrypt", "-r", "alice@example.org"],
        &from_bob("sealed"),
        0,
    );
    let out = env.run(&["--json", "decrypt"], &sealed);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The message is written: it decrypted; the verdict names the rule.
    assert!(contains(&out.stdout, b"hello"));
    let v = common::pgp_mime::json_of(&out);
    assert_eq!(v["verdict"], "untrusted", "{v}");
    assert!(
        warnings(&v).iter().any(|w| w
            .contains("require-signature partner.example (mailseal.conf line 2)")
            && w.contains("bob@partner.example is not signed")),
        "{v}"
    );
    // Signed inside by bob: trusted, exit 0; unsigned from elsewhere: exit 0.
    let signed = env.expect(&["encrypt", "--sign"], &from_bob("signed"), 0);
    env.expect(&["decrypt"], &signed, 0);
    let other = message("carol@example.net", "alice@example.org", "o", "hi");
    let sealed = env.expect(&["encrypt", "-r", "alice@example.org"], &other, 0);
    env.expect(&["decrypt"], &sealed, 0);
}
