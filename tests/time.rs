//! Time (SPEC section 4, issue "one tool, both protocols" point 3): a
//! signature is judged at its signing time for the key's expiry; a key
//! revoked as compromised invalidates every signature, one retired after
//! the signature does not; the verdict says which applied; old mail
//! still decrypts with an expired key.
//!
//! S/MIME certificates and CRLs come from `openssl ca`, some signatures
//! from `openssl cms -sign` (whose signing time is the real clock).
//! OpenPGP keys, signatures, revocations and ciphertexts come from `gpg`
//! with a faked clock.

mod common;

use common::gpg::Gpg;
use common::pgp_mime::*;
use common::*;

/// After every real clock this suite will meet, before the test CA
/// (2025-2035) expires.
const LATE: &str = "2034-01-01T00:00:00Z";
/// After the real clock when revocations are made, before the default
/// test certificates (2026-01-01 to 2028-01-01) expire.
const AFTER_REVOCATION: &str = "2027-12-01T00:00:00Z";

fn trust_reason(v: &serde_json::Value) -> String {
    v["signatures"][0]["trust"]["reason"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// dave's certificate was valid from 2025-01-01 to 2026-01-01; his secret
/// key is in the keyring.
fn with_dave(w: &World) -> User {
    let dave = w.pki.user(
        "dave@example.org",
        CertOpts {
            start: "20250101000000Z",
            end: "20260101000000Z",
            ..CertOpts::default()
        },
    );
    w.env.import(&dave.p12);
    dave
}

/// `openssl cms -sign` of `msg` by `user`, now (real clock).
fn openssl_signs(w: &World, user: &User, msg: &[u8]) -> Vec<u8> {
    let d = w.env.dir.path();
    let input = write(d, "to-sign.eml", msg);
    let mut signed = format!("From: {}\r\n", user.email).into_bytes();
    signed.extend_from_slice(&user.cms_sign(&input, &[]));
    signed
}

#[test]
fn smime_signature_is_judged_at_its_signing_time() {
    let w = world("Time CA");
    with_dave(&w);
    let msg = replace_once(
        &message("dave@example.org", "bob@example.org", "old", "x"),
        b"Mon, 01 Jun 2026 12:00:00",
        b"Sun, 01 Jun 2025 00:00:00",
    );
    // Signed on 2025-06-01, while the certificate was valid.
    let signed = w
        .env
        .expect(&["--at", "2025-06-01T00:00:00Z", "sign"], &msg, 0);
    let (v, code) = w.env.verdict(&signed);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "full");
    let why = trust_reason(&v);
    assert!(
        why.contains("judged at the signing time 2025-06-01T00:00:00Z")
            && why.contains("since then"),
        "{why}"
    );
    // Signed by openssl after the certificate expired: expired, exit 3.
    let body = b"Content-Type: text/plain\r\n\r\nlate\r\n";
    let dave = with_dave(&w);
    let late = openssl_signs(&w, &dave, body);
    let (v, code) = w.env.verdict_at(&late, LATE);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["status"], "good");
    assert_eq!(v["signatures"][0]["trust"]["level"], "expired");
}

#[test]
fn smime_retired_certificate_keeps_older_signatures() {
    let w = world("Time CA");
    let msg = message("alice@example.org", "bob@example.org", "before", "x");
    let before = w.env.expect(&["sign"], &msg, 0);
    // Revoked now (real clock, after AT) as superseded: a soft reason.
    let crl = w.pki.revoke_for(&w.alice, "superseded");
    w.env.import(&crl);
    let (v, code) = w.env.verdict_at(&before, AFTER_REVOCATION);
    assert_eq!(code, 0, "{v}");
    let why = trust_reason(&v);
    assert!(
        why.contains("judged at the signing time") && why.contains("superseded"),
        "{why}"
    );
    // Signed after the revocation: revoked, exit 1.
    let body = b"Content-Type: text/plain\r\n\r\nafter\r\n";
    let after = openssl_signs(&w, &w.alice, body);
    let (v, code) = w.env.verdict_at(&after, AFTER_REVOCATION);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "revoked");
}

#[test]
fn fail_smime_compromised_key_invalidates_older_signatures() {
    let w = world("Time CA");
    let msg = message("alice@example.org", "bob@example.org", "before", "x");
    let before = w.env.expect(&["sign"], &msg, 0);
    let crl = w.pki.revoke_for(&w.alice, "keyCompromise");
    w.env.import(&crl);
    let (v, code) = w.env.verdict_at(&before, AFTER_REVOCATION);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["verdict"], "bad");
    assert_eq!(v["signatures"][0]["trust"]["level"], "revoked");
    assert!(trust_reason(&v).contains("keyCompromise"), "{v}");
}

#[test]
fn smime_old_mail_decrypts_with_an_expired_certificate() {
    let w = world("Time CA");
    let dave = with_dave(&w);
    let plain = b"Content-Type: text/plain\r\n\r\nold secret\r\n";
    // Encrypted by openssl to dave's certificate (AES-256-GCM) ...
    let d = w.env.dir.path();
    let input = write(d, "plain.txt", plain);
    let out = d.join("enc.eml");
    run_ok(std::process::Command::new("openssl").args([
        "cms",
        "-encrypt",
        "-aes-256-gcm",
        "-in",
        s(&input),
        "-out",
        s(&out),
        s(&dave.cert),
    ]));
    let mut enc = b"From: alice@example.org\r\nTo: dave@example.org\r\n".to_vec();
    enc.extend_from_slice(&std::fs::read(&out).unwrap());
    // ... and by us while the certificate was valid.
    let msg = message("alice@example.org", "dave@example.org", "old", "old secret");
    let ours = w.env.expect(
        &[
            "--at",
            "2025-06-01T00:00:00Z",
            "encrypt",
            "-r",
            "dave@example.org",
        ],
        &msg,
        0,
    );
    // Read in 2026-06, after the certificate expired.
    for message in [enc, ours] {
        let text = w.env.expect(&["decrypt"], &message, 0);
        assert!(contains(&text, b"old secret"));
    }
}

/// gpg's clock when the keys are made and the old messages written.
const MADE: &str = "20260101T000000!";

/// A gpg home where alice's key (made 2026-01-01) expires after
/// `alice_days`, and our keyring with bob's secret key (from gpg).
fn pgp_world(alice_days: &str) -> (Gpg, Env, String) {
    let gpg = Gpg::new();
    let alice = gpg.generate_expiring("Alice", "alice@example.org", alice_days);
    gpg.generate("Bob", "bob@example.org");
    let env = Env::new();
    env.import(&write(
        env.dir.path(),
        "bob.asc",
        &gpg.export_secret("bob@example.org"),
    ));
    env.import(&write(
        env.dir.path(),
        "alice.asc",
        &gpg.export("alice@example.org"),
    ));
    (gpg, env, alice)
}

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nSigned long ago.\r\n";

fn gpg_signed(gpg: &Gpg, env: &Env) -> Vec<u8> {
    let data = write(env.dir.path(), "entity.txt", ENTITY);
    let sig = gpg.sign_at(
        MADE,
        &["--armor", "--detach-sign"],
        "alice@example.org",
        &data,
    );
    pgp_mime_signed("alice@example.org", ENTITY, &sig, "pgp-sha256")
}

#[test]
fn openpgp_signature_is_judged_at_its_signing_time() {
    // alice's key lives 59 days: 2026-01-01 to 2026-03-01.
    let (gpg, env, alice) = pgp_world("59d");
    let signed = gpg_signed(&gpg, &env);
    // Without a pin nothing vouches for alice: untrusted at any time.
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    // Pinned while alive; read on 2026-06-01, after it expired.
    let at = ["--at", "2026-02-01T00:00:00Z"];
    env.expect(
        &[
            at[0],
            at[1],
            "trust",
            "pin",
            &alice,
            "--email",
            "alice@example.org",
        ],
        b"",
        0,
    );
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "full");
    let why = trust_reason(&v);
    assert!(
        why.contains("judged at the signing time 2026-01-01") && why.contains("not alive"),
        "{why}"
    );
    // `trust check` for today still says the binding has expired.
    let out = env.run(&["trust", "check", "alice@example.org"], b"");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{text}");
    assert!(text.contains("not alive"), "{text}");
}

/// alice revokes her key on 2026-03-01 for `reason` (gpg's menu number)
/// after signing on 2026-01-01; bob pinned her binding before.
fn revoked_after_signing(reason: u8) -> (serde_json::Value, i32) {
    let (gpg, env, alice) = pgp_world("0");
    let signed = gpg_signed(&gpg, &env);
    env.expect(
        &["trust", "pin", &alice, "--email", "alice@example.org"],
        b"",
        0,
    );
    let revocation = gpg.revoke_at(&alice, reason, "20260301T000000!");
    env.import(&write(env.dir.path(), "rev.asc", &revocation));
    env.verdict(&signed)
}

#[test]
fn openpgp_retired_key_keeps_older_signatures() {
    let (v, code) = revoked_after_signing(2);
    assert_eq!(code, 0, "{v}");
    let why = trust_reason(&v);
    assert!(
        why.contains("judged at the signing time") && why.contains("soft"),
        "{why}"
    );
}

#[test]
fn fail_openpgp_compromised_key_invalidates_older_signatures() {
    let (v, code) = revoked_after_signing(1);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["verdict"], "bad");
    let sig = &v["signatures"][0];
    assert_eq!(sig["trust"]["level"], "revoked");
    let why = sig["reason"].as_str().unwrap_or_default();
    assert!(why.contains("hard"), "{why}");
}

#[test]
fn openpgp_old_mail_decrypts_with_an_expired_key() {
    let gpg = Gpg::new();
    gpg.generate_expiring("Bob", "bob@example.org", "59d");
    let env = Env::new();
    env.import(&write(
        env.dir.path(),
        "bob.asc",
        &gpg.export_secret("bob@example.org"),
    ));
    let data = write(env.dir.path(), "entity.txt", ENTITY);
    let armored = run_ok(gpg.cmd_at(MADE).args([
        "--armor",
        "--encrypt",
        "-r",
        "bob@example.org",
        "-o",
        "-",
        s(&data),
    ]))
    .stdout;
    let msg = pgp_mime_encrypted("alice@example.org", &armored);
    // Read on 2026-06-01, three months after the key expired.
    let text = env.expect(&["decrypt"], &msg, 0);
    assert!(contains(&text, b"Signed long ago."));
}
