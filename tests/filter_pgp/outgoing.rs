//! Outgoing mail: `filter pgp sign`, `clearsign` and `encrypt`, as
//! `pgp_sign_command`, `pgp_clear_sign_command`,
//! `pgp_encrypt_only_command` and `pgp_encrypt_sign_command` run them.
//! Their output goes into the message as it is, and anything on stderr
//! makes neomutt stop and show it, so success is silent there.

use super::world::*;
use crate::common::*;

/// neomutt writes the part to sign with local (LF) line ends.
fn outgoing(w: &W) -> std::path::PathBuf {
    let lf = String::from_utf8_lossy(PART).replace("\r\n", "\n");
    w.file("outgoing", lf.as_bytes())
}

/// gpg at a time after our signatures (made at the tests' time).
fn gpg_later(w: &W, args: &[&str]) -> std::process::Output {
    let mut cmd = w.gpg.cmd_at("20260602T000000!");
    run_with_stdin(cmd.args(args), b"")
}

fn silent_success(out: &std::process::Output, what: &str) {
    assert_code(out, 0, what);
    assert!(
        out.stderr.is_empty(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.stdout.contains(&b'\r'),
        "{what}: armor with LF line ends, as gpg writes it"
    );
}

#[test]
fn sign_makes_a_text_signature_that_gpg_verifies_over_lf_and_crlf() {
    let w = W::new();
    let part = outgoing(&w);
    let out = w.filter_pw(&["sign", "--local-user", "bob@example.org", s(&part)]);
    silent_success(&out, "sign");
    assert!(out.stdout.starts_with(b"-----BEGIN PGP SIGNATURE-----\n"));
    let sig = w.file("sig.asc", &out.stdout);
    let bob = w.fpr("bob@example.org");
    for (name, data) in [
        ("lf", std::fs::read(&part).unwrap()),
        ("crlf", PART.to_vec()),
    ] {
        let data = w.file(name, &data);
        let out = gpg_later(&w, &["--status-fd", "1", "--verify", s(&sig), s(&data)]);
        assert_code(&out, 0, name);
        let lines = status(&out.stdout);
        let valid = lines.iter().find(|l| l.starts_with("VALIDSIG")).unwrap();
        // Signature class 01: a text signature, as gpg --textmode makes.
        assert!(
            valid.starts_with(&format!("VALIDSIG {bob} 2026-06-01 ")),
            "{valid}"
        );
        assert!(valid.ends_with(&format!(" 01 {bob}")), "{valid}");
    }
    // Without --local-user: the one own key there is.
    let out = w.filter_pw(&["sign", s(&part)]);
    silent_success(&out, "default signer");
    let sig = w.file("sig2.asc", &out.stdout);
    let out = gpg_later(&w, &["--status-fd", "1", "--verify", s(&sig), s(&part)]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("VALIDSIG {bob}")));
}

#[test]
fn clearsign_is_verified_by_gpg_and_read_back_by_decode() {
    let w = W::new();
    let text = w.file("text", b"Meet me at noon.\n- a dash line\n");
    let out = w.filter_pw(&["clearsign", "-u", "bob@example.org", s(&text)]);
    silent_success(&out, "clearsign");
    assert!(out
        .stdout
        .starts_with(b"-----BEGIN PGP SIGNED MESSAGE-----\n"));
    let signed = w.file("signed.asc", &out.stdout);
    let gpg = gpg_later(&w, &["--status-fd", "1", "--verify", s(&signed)]);
    assert_code(&gpg, 0, "gpg --verify");
    assert!(says_good(&status(&gpg.stdout)));
    let out = w.filter(&["decode", "--status-fd", "2", s(&signed)], b"");
    assert_code(&out, 0, "decode");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        "Meet me at noon.\n- a dash line\n"
    );
    assert!(says_good(&status(&out.stderr)));
}

#[test]
fn signing_without_a_passphrase_source_fails_at_once() {
    let w = W::new();
    let part = outgoing(&w);
    let out = no_stdin(
        w.cmd()
            .args(["filter", "pgp", "sign", "-u", "bob@example.org"])
            .arg(&part),
    );
    assert_code(&out, 2, "no passphrase source");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("never prompt") && err.contains("--passphrase-fd"),
        "{err}"
    );
    // A wrong passphrase: a clear error, no signature.
    let out = w.filter(
        &[
            "--passphrase-fd",
            "0",
            "sign",
            "-u",
            "bob@example.org",
            s(&part),
        ],
        b"not the passphrase\n",
    );
    assert_code(&out, 2, "wrong passphrase");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong passphrase"), "{err}");
}

#[test]
fn encrypt_to_key_ids_from_the_listing_and_to_ourselves() {
    let w = W::new();
    let part = outgoing(&w);
    let alice = format!("0x{}", w.fpr("alice@example.org"));
    let out = w.filter(&["encrypt", s(&part), &alice], b"");
    silent_success(&out, "encrypt");
    assert!(out.stdout.starts_with(b"-----BEGIN PGP MESSAGE-----\n"));
    let enc = w.file("enc.asc", &out.stdout);
    // alice reads it with gpg ...
    let reader = crate::common::gpg::Gpg::new();
    let key = write(
        reader.home.path(),
        "k.asc",
        &w.gpg.export_secret("alice@example.org"),
    );
    reader.import(&key);
    let out = reader.run_with(&["--status-fd", "2", "--decrypt", s(&enc)], b"");
    assert_code(&out, 0, "alice with gpg");
    assert_eq!(crlf(&out.stdout), PART);
    assert!(status(&out.stderr).contains(&"DECRYPTION_OKAY".to_string()));
    // ... and so do we, with our own key added as gpg's encrypt-to would.
    let out = w.filter_pw(&["decrypt", "--status-fd", "2", s(&enc)]);
    assert_code(&out, 0, "we read what we sent");
    assert_eq!(crlf(&out.stdout), PART);
    // --no-self: only alice.
    let out = w.filter(&["encrypt", "--no-self", s(&part), &alice], b"");
    silent_success(&out, "encrypt --no-self");
    let enc = w.file("enc2.asc", &out.stdout);
    let out = w.filter_pw(&["decrypt", "--status-fd", "2", s(&enc)]);
    assert_code(&out, 2, "not for us");
    assert!(out.stdout.is_empty());
}

#[test]
fn encrypt_and_sign_gpg_sees_our_good_signature() {
    let w = W::new();
    let part = outgoing(&w);
    let out = w.filter_pw(&[
        "encrypt",
        "--sign",
        "--local-user",
        "bob@example.org",
        "-r",
        "alice@example.org",
        s(&part),
    ]);
    silent_success(&out, "encrypt --sign");
    let enc = w.file("enc.asc", &out.stdout);
    let out = gpg_later(&w, &["--status-fd", "2", "--decrypt", s(&enc)]);
    assert_code(&out, 0, "gpg decrypts");
    let lines = status(&out.stderr);
    assert!(
        lines.contains(&format!(
            "GOODSIG {} Bob <bob@example.org>",
            w.keyid("bob@example.org")
        )),
        "{lines:?}"
    );
    assert_eq!(crlf(&out.stdout), PART);
}

#[test]
fn encrypt_refuses_a_key_without_full_validity_unless_asked() {
    let w = W::new();
    let part = outgoing(&w);
    let carol = format!("0x{}", w.fpr("carol@example.org"));
    let out = w.filter(&["encrypt", s(&part), &carol], b"");
    assert_code(&out, 2, "untrusted recipient");
    assert!(out.stdout.is_empty(), "never a plaintext fallback");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(w.fpr("carol@example.org")) && err.contains("not fully valid"),
        "{err}"
    );
    let out = w.filter(&["encrypt", "--trust-any", s(&part), &carol], b"");
    silent_success(&out, "--trust-any");
    // An unknown recipient is refused too.
    let out = w.filter(&["encrypt", s(&part), "dave@example.org"], b"");
    assert_code(&out, 2, "unknown recipient");
    assert!(out.stdout.is_empty());
    // Encrypt-and-sign without a passphrase source fails at once.
    let out = no_stdin(
        w.cmd()
            .args(["filter", "pgp", "encrypt", "--sign"])
            .arg(&part)
            .arg("alice@example.org"),
    );
    assert_code(&out, 2, "sign without passphrase");
    assert!(out.stdout.is_empty());
}
