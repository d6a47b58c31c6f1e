//! PGP/MIME through the real binary: our own keys (made by mailseal at the
//! fixed test time), trust by pins, and the negative cases: tampering,
//! unknown and untrusted signers, revoked keys, garbage input, missing
//! recipients, Bcc.

mod common;

use common::gpg::Gpg;
use common::*;

/// alice's keyring (her own key; bob pinned; carol known, not valid) and
/// bob's (his own key; alice pinned).
struct Pair {
    alice: Env,
    bob: Env,
}

fn give(from: &Env, email: &str, to: &Env) {
    let cert = from.expect(&["keyring", "export", email], b"", 0);
    let path = to.path(&format!("{email}.asc"));
    std::fs::write(&path, cert).unwrap();
    to.import(&path);
}

fn pair() -> Pair {
    let (alice, bob, carol) = (Env::new(), Env::new(), Env::new());
    let a = alice.generate_pgp("Alice", "alice@example.org");
    let b = bob.generate_pgp("Bob", "bob@example.org");
    carol.generate_pgp("Carol", "carol@example.org");
    give(&alice, "alice@example.org", &bob);
    give(&bob, "bob@example.org", &alice);
    give(&carol, "carol@example.org", &alice);
    alice.expect(&["trust", "pin", &b], b"", 0);
    bob.expect(&["trust", "pin", &a], b"", 0);
    Pair { alice, bob }
}

fn msg(from: &str, to: &str, body: &str) -> Vec<u8> {
    message(from, to, "pgp", body)
}

#[test]
fn sign_and_verify_round_trip_with_openpgp_by_default() {
    let p = pair();
    let signed = p.alice.expect(
        &["sign"],
        &msg("alice@example.org", "bob@example.org", "Hi."),
        0,
    );
    assert!(contains(&signed, b"application/pgp-signature"));
    let (v, code) = p.bob.verdict(&signed);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["protocol"], "openpgp");
    assert_eq!(v["signatures"][0]["trust"]["basis"], "pinned");
    assert_eq!(v["signatures"][0]["covers"], "whole");
    // Tampered text: exit 1.
    let bad = replace_once(&signed, b"Hi.", b"Ho.");
    let (v, code) = p.bob.verdict(&bad);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["signatures"][0]["status"], "bad");
}

#[test]
fn unknown_and_untrusted_signers_are_not_trusted() {
    let p = pair();
    let carol = Env::new();
    carol.generate_pgp("Carol", "carol@example.org");
    let signed = carol.expect(
        &["sign", "--openpgp"],
        &msg("carol@example.org", "alice@example.org", "Hello."),
        0,
    );
    // bob has never seen carol's key: unknown signer, exit 3.
    let (v, code) = p.bob.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["status"], "error");
    // alice has a carol certificate, but not this one; give her this one:
    // known, good, but nobody vouches for it: exit 3.
    give(&carol, "carol@example.org", &p.bob);
    let (v, code) = p.bob.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["status"], "good");
    assert_eq!(v["signatures"][0]["trust"]["level"], "none");
}

#[test]
fn encrypt_decrypt_and_the_failures_leave_no_output() {
    let p = pair();
    let enc = p.alice.expect(
        &["encrypt", "--openpgp", "--sign"],
        &msg("alice@example.org", "bob@example.org", "Secret plan."),
        0,
    );
    assert!(contains(&enc, b"multipart/encrypted"));
    assert!(!contains(&enc, b"Secret plan."));
    let out = p.bob.expect(&["decrypt"], &enc, 0);
    assert!(contains(&out, b"Secret plan."));
    // The sender can read her sent mail (encrypted to herself too).
    assert!(contains(
        &p.alice.expect(&["decrypt"], &enc, 0),
        b"Secret plan."
    ));

    // A changed byte in the ciphertext: exit 1, no output file.
    let (_, body) = two_parts(&enc);
    let armored = String::from_utf8(body).unwrap();
    let line = armored
        .lines()
        .filter(|l| l.len() > 40 && !l.starts_with('-'))
        .nth(3)
        .unwrap()
        .to_string();
    let mut flipped = line.clone().into_bytes();
    flipped[10] = if flipped[10] == b'A' { b'B' } else { b'A' };
    let tampered = replace_once(&enc, line.as_bytes(), &flipped);
    let target = p.bob.path("out.eml");
    let t = target.to_str().unwrap();
    let res = p.bob.run(&["decrypt", "-o", t], &tampered);
    assert_eq!(
        res.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert!(!target.exists());
    assert!(res.stdout.is_empty());

    // Not for us: a keyring without bob's or alice's key.
    let stranger = Env::new();
    stranger.generate_pgp("Stranger", "stranger@example.org");
    let res = stranger.run(&["decrypt", "-o", t], &enc);
    assert_eq!(res.status.code(), Some(1));
    assert!(!target.exists());
}

#[test]
fn fail_recipient_without_valid_key_is_named_and_nothing_is_sent() {
    let p = pair();
    let m = msg(
        "alice@example.org",
        "bob@example.org, carol@example.org, dave@example.org",
        "To three.",
    );
    let out = p.alice.run(&["encrypt", "--openpgp"], &m);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("carol@example.org"), "{err}");
    assert!(err.contains("dave@example.org"), "{err}");
    assert!(!err.contains("bob@example.org:"), "{err}");
    // --trust-any takes carol's unvouched key; dave still has none.
    let out = p.alice.run(&["encrypt", "--openpgp", "--trust-any"], &m);
    assert_eq!(out.status.code(), Some(2));
    let m = msg(
        "alice@example.org",
        "bob@example.org, carol@example.org",
        "To two.",
    );
    p.alice
        .expect(&["encrypt", "--openpgp", "--trust-any"], &m, 0);
}

#[test]
fn bcc_is_removed_and_its_recipient_hidden() {
    let p = pair();
    let mut m =
        b"From: alice@example.org\r\nTo: alice@example.org\r\nBcc: bob@example.org\r\n".to_vec();
    m.extend_from_slice(b"Subject: bcc\r\nContent-Type: text/plain\r\n\r\nBlind copy.\r\n");
    let enc = p.alice.expect(&["encrypt", "--openpgp"], &m, 0);
    assert!(!contains(&enc, b"Bcc:"));
    assert!(!contains(&enc, b"bob@example.org"));
    // bob still reads it, although the message does not name his key.
    assert!(contains(
        &p.bob.expect(&["decrypt"], &enc, 0),
        b"Blind copy."
    ));
}

#[test]
fn revoked_signer_is_bad() {
    let gpg = Gpg::new();
    let fpr = gpg.generate("Rex", "rex@example.org");
    let env = Env::new();
    let d = env.dir.path();
    let entity = b"Content-Type: text/plain\r\n\r\nSigned before the revocation.\r\n";
    std::fs::write(d.join("entity"), entity).unwrap();
    let sig = gpg.sign(&["--armor", "--detach-sign"], &fpr, &d.join("entity"));
    gpg.revoke(&fpr);
    let cert = d.join("rex.asc");
    std::fs::write(&cert, gpg.export("rex@example.org")).unwrap();
    env.import(&cert);
    env.expect(&["trust", "root", &fpr], b"", 0);
    let mut m = b"From: rex@example.org\r\nTo: x@example.org\r\nSubject: r\r\nContent-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha512; boundary=\"b\"\r\n\r\n--b\r\n".to_vec();
    m.extend_from_slice(entity);
    m.extend_from_slice(b"\r\n--b\r\nContent-Type: application/pgp-signature\r\n\r\n");
    m.extend_from_slice(&sig);
    m.extend_from_slice(b"\r\n--b--\r\n");
    let (v, code) = env.verdict(&m);
    assert_eq!(code, 1, "{v}");
}

#[test]
fn fail_garbage_armor_is_malformed_without_panic() {
    let p = pair();
    for body in [
        "-----BEGIN PGP MESSAGE-----\r\n\r\n!!!! not base64 !!!!\r\n-----END PGP MESSAGE-----\r\n",
        "-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA\r\n",
        "-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\ntext\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\nAAAA\r\n-----END PGP SIGNATURE-----\r\n",
    ] {
        let mut m = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: g\r\nContent-Type: text/plain\r\n\r\n".to_vec();
        m.extend_from_slice(body.as_bytes());
        for cmd in ["verify", "decrypt"] {
            let out = p.bob.run(&[cmd], &m);
            let code = out.status.code().unwrap();
            assert!(
                code == 2 || (cmd == "verify" && (code == 1 || code == 3)) || (cmd == "decrypt" && code == 4 && body.contains("SIGNED")),
                "{cmd} {body:?}: {code} {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
        }
    }
    let mut m = b"From: a@example.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n".to_vec();
    m.extend_from_slice(
        b"-----BEGIN PGP MESSAGE-----\r\n\r\nzzzz====\r\n-----END PGP MESSAGE-----\r\n--b--\r\n",
    );
    p.bob.expect(&["decrypt"], &m, 2);
}
