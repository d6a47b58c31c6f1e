//! `trust root`, `trust pin` and `trust check` through the real binary, for
//! OpenPGP (keys made by mailseal at the fixed time) and X.509 (a CA the
//! keyring does not trust, made with openssl).

mod common;

use common::*;

/// Our keyring with our own key, and dave's certificate (made in another
/// keyring) imported: known, but not valid.
fn me_and_dave() -> (Env, String) {
    let me = Env::new();
    me.generate_pgp("Me", "me@example.org");
    let dave = Env::new();
    dave.generate_pgp("Dave", "dave@example.org");
    let cert = dave.expect(&["keyring", "export", "dave@example.org"], b"", 0);
    let path = me.path("dave.asc");
    std::fs::write(&path, &cert).unwrap();
    me.import(&path);
    let fpr = me.pgp_fingerprint("dave@example.org", AT);
    (me, fpr)
}

fn check(env: &Env, id: &str) -> (Vec<serde_json::Value>, i32) {
    let out = env.run(&["--json", "trust", "check", id], b"");
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (rows, out.status.code().unwrap())
}

#[test]
fn own_key_is_fully_valid() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let (rows, code) = check(&env, "me@example.org");
    assert_eq!(code, 0);
    assert_eq!(rows[0]["trust"]["basis"], "own-key");
    assert_eq!(rows[0]["trust"]["amount"], 120);
}

#[test]
fn pin_makes_a_binding_valid_with_a_local_certification() {
    let (me, fpr) = me_and_dave();
    let before = me.expect(&["keyring", "export", "dave@example.org"], b"", 0);
    let (rows, code) = check(&me, "dave@example.org");
    assert_eq!(code, 3);
    assert_eq!(rows[0]["trust"]["level"], "none");
    assert!(rows[0]["trust"]["reason"]
        .as_str()
        .unwrap()
        .contains("no certification"));

    me.expect(
        &["trust", "pin", &fpr, "--email", "dave@example.org"],
        b"",
        0,
    );
    let (rows, code) = check(&me, "dave@example.org");
    assert_eq!(code, 0, "{rows:?}");
    assert_eq!(rows[0]["trust"]["basis"], "pinned");
    assert_eq!(rows[0]["trust"]["path"].as_array().unwrap().len(), 2);
    // The human form names the path.
    let text = me.expect(&["trust", "check", &fpr], b"", 0);
    assert!(
        contains(&text, b"pinned"),
        "{}",
        String::from_utf8_lossy(&text)
    );
    // The local certification never leaves the keyring.
    let after = me.expect(&["keyring", "export", "dave@example.org"], b"", 0);
    assert_eq!(before, after);
}

#[test]
fn fail_pin_without_own_key_or_with_a_foreign_address() {
    let (me, fpr) = me_and_dave();
    let out = me.run(&["trust", "pin", &fpr, "--email", "eve@example.org"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not carry"));

    let lonely = Env::new();
    let cert = me.expect(&["keyring", "export", "dave@example.org"], b"", 0);
    let path = lonely.path("dave.asc");
    std::fs::write(&path, cert).unwrap();
    lonely.import(&path);
    let out = lonely.run(&["trust", "pin", &fpr], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("own OpenPGP key"));
    assert_eq!(check(&lonely, "dave@example.org").1, 3);
}

#[test]
fn root_amount_limits_validity_and_remove_undoes_it() {
    let (me, fpr) = me_and_dave();
    me.expect(&["trust", "root", &fpr, "--amount", "60"], b"", 0);
    let (rows, code) = check(&me, "dave@example.org");
    assert_eq!(code, 3);
    assert_eq!(rows[0]["trust"]["level"], "marginal");
    assert_eq!(rows[0]["trust"]["amount"], 60);

    me.expect(&["trust", "root", &fpr], b"", 0);
    let (rows, code) = check(&me, "dave@example.org");
    assert_eq!(code, 0);
    assert_eq!(rows[0]["trust"]["basis"], "web-of-trust");

    me.expect(&["trust", "root", &fpr, "--remove"], b"", 0);
    assert_eq!(check(&me, "dave@example.org").1, 3);
    me.expect(&["trust", "root", &fpr, "--remove"], b"", 2);
    me.expect(&["trust", "root", &fpr, "--amount", "121"], b"", 2);
}

#[test]
fn fail_check_of_unknown_id() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    env.expect(&["trust", "check", "nobody@example.org"], b"", 2);
}

#[test]
fn x509_pin_trusts_a_certificate_without_an_anchor() {
    let env = Env::new();
    let pki = Pki::new("Unchosen CA");
    let alice = pki.user("alice@example.org", CertOpts::default());
    env.import(&alice.p12);
    let (rows, code) = check(&env, "alice@example.org");
    assert_eq!(code, 3, "{rows:?}");
    assert_eq!(rows[0]["protocol"], "smime");
    let fpr = rows[0]["fingerprint"].as_str().unwrap().to_string();

    let msg = message("alice@example.org", "bob@example.org", "pinned", "Hello.");
    let signed = env.expect(&["sign", "--smime"], &msg, 0);
    assert_eq!(env.verdict(&signed).1, 3);

    env.expect(
        &["trust", "pin", &fpr, "--email", "alice@example.org"],
        b"",
        0,
    );
    let (rows, code) = check(&env, "alice@example.org");
    assert_eq!(code, 0);
    assert_eq!(rows[0]["trust"]["basis"], "pinned");
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["basis"], "pinned");
    // The pin is for that address only.
    let other = replace_once(&signed, b"From: alice@", b"From: mallory@");
    assert_eq!(env.verdict(&other).1, 3);
}

#[test]
fn domain_scoped_anchor_is_believed_only_for_its_domains() {
    // One openssl CA issues for three domains; the user believes it only
    // for example.org (and its subdomains).
    let env = Env::new();
    let pki = Pki::new("Example Org CA");
    let users = [
        "alice@example.org",
        "dev@lab.example.org",
        "mallory@evil.test",
    ];
    for email in users {
        env.import(&pki.user(email, CertOpts::default()).p12);
    }
    let ca = pki.ca();
    env.expect(
        &["trust", "anchor", "add", s(&ca), "--domain", "example.org"],
        b"",
        0,
    );
    let listed = env.expect(&["trust", "anchor", "list"], b"", 0);
    assert!(contains(&listed, b"example.org"), "{listed:?}");
    for (email, code) in [(users[0], 0), (users[1], 0), (users[2], 3)] {
        let (rows, got) = check(&env, email);
        assert_eq!(got, code, "{email}: {rows:?}");
        let msg = message(email, "bob@example.org", "scoped", "Hello.");
        let signed = env.expect(&["sign", "--smime"], &msg, 0);
        let (v, got) = env.verdict(&signed);
        assert_eq!(got, code, "{email}: {v}");
    }
    // The explanation names the anchor, its scope and the address.
    let out = env.run(&["trust", "check", users[2]], b"");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("limited to domains example.org")
            && text.contains("not for mallory@evil.test"),
        "{text}"
    );
    // Nor may mail be encrypted to that certificate.
    let msg = message(users[0], users[2], "scoped", "secret");
    let out = env.run(&["encrypt", "--smime"], &msg);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("mallory@evil.test"));
    // Without the scope, the same CA vouches for every address.
    env.expect(&["trust", "anchor", "add", s(&ca)], b"", 0);
    assert_eq!(check(&env, users[2]).1, 0);
}
