//! Interoperability with GnuPG 2.2 (tested with 2.2.40), both ways.
//! gpg makes keys and signs at the current time, so these tests use the
//! current time as the reference time; our own keys are made one day
//! earlier. gpg 2.2 knows neither SEIPD v2 nor v6 keys, and its keys
//! do not advertise v2: everything here is SEIPD v1.

use super::roundtrip::container;
use super::util::{armored, cert_made, run, run_ok, signer, Gpg};
use crate::mime;
use crate::openpgp::*;
use crate::time::Timestamp;

fn now() -> Timestamp {
    Timestamp::now()
}

fn ours(email: &str) -> sequoia_openpgp::Cert {
    cert_made(email, Timestamp(now().0 - 86_400))
}

/// `gpg --status-fd 1 ARGS...`: the status lines.
fn status(gpg: &Gpg, args: &[&str], stdin: &[u8]) -> String {
    let out = run(gpg.cmd().args(["--status-fd", "1"]).args(args), stdin);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn gpg_verifies_our_pgp_mime_signature() {
    let Some(gpg) = Gpg::new() else { return };
    let alice = ours("alice@example.org");
    gpg.import(&armored(&alice));
    let raw = b"From: alice@example.org\r\nSubject: hi\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\xc3\xbc\xc3\x9fe \r\n";
    let signed = sign_message(raw, &signer(&alice, now()), now()).unwrap();
    let analysis = analyze(&signed).unwrap();
    let Some(Protected::Signed {
        entity, signature, ..
    }) = analysis.root
    else {
        panic!("not PGP/MIME signed");
    };
    // What neomutt does: the signed entity and the signature as files.
    let data = gpg.file("entity.txt", &entity);
    let sig = gpg.file("entity.asc", &signature);
    let lines = status(
        &gpg,
        &["--verify", &sig.to_string_lossy(), &data.to_string_lossy()],
        b"",
    );
    assert!(lines.contains("[GNUPG:] GOODSIG"), "{lines}");
    let primary = alice.fingerprint().to_hex();
    assert!(
        lines
            .lines()
            .any(|l| l.starts_with("[GNUPG:] VALIDSIG") && l.ends_with(&primary)),
        "{lines}"
    );
    // gpg sees the hash that micalg names.
    assert!(String::from_utf8_lossy(&signed).contains("micalg=pgp-sha256"));
    assert!(
        lines.contains(" 8 00 "),
        "hash algorithm 8 (SHA-256): {lines}"
    );
}

#[test]
fn each_of_three_gpg_recipients_decrypts_ours() {
    let homes: Vec<Gpg> = (0..3).filter_map(|_| Gpg::new()).collect();
    if homes.len() < 3 {
        return;
    }
    let alice = ours("alice@example.org");
    let keys: Vec<_> = homes
        .iter()
        .enumerate()
        .map(|(i, g)| g.generate(&format!("r{i}@example.org")))
        .collect();
    let recipients: Vec<Recipient> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| Recipient {
            cert: k.clone().strip_secret_key_material(),
            hidden: i == 2,
            expired_ok: false,
        })
        .collect();
    let e = encrypt(
        b"to three\n",
        &recipients,
        Some(&signer(&alice, now())),
        now(),
    )
    .unwrap();
    assert_eq!((e.seipd_version, container(&e.armored).0), (1, 1));
    for g in &homes {
        g.import(&armored(&alice));
        let lines = status(g, &["--decrypt"], &e.armored);
        assert!(lines.contains("[GNUPG:] DECRYPTION_OKAY"), "{lines}");
        assert!(lines.contains("[GNUPG:] GOODSIG"), "{lines}");
        assert!(lines.contains("[GNUPG:] GOODMDC"), "{lines}");
        let plain = run_ok(g.cmd().arg("--decrypt"), &e.armored);
        assert_eq!(plain, b"to three\n");
    }
}

#[test]
fn we_verify_gpg_detached_and_clearsigned() {
    let Some(gpg) = Gpg::new() else { return };
    let bob = gpg.generate("bob@example.org");
    let keys = MemoryKeys::new([bob.clone().strip_secret_key_material()]);
    let entity = b"Content-Type: text/plain\r\n\r\nsigned by gpg\r\n";
    let sig = run_ok(gpg.cmd().args(["--armor", "--detach-sign"]), entity);
    let checks = verify_detached(entity, &sig, &keys, now()).unwrap();
    assert!(checks[0].is_good(), "{:?}", checks[0].reason);
    assert_eq!(checks[0].signer_fingerprint, Some(bob.fingerprint()));
    let checks = verify_detached(
        b"Content-Type: text/plain\r\n\r\nchanged\r\n",
        &sig,
        &keys,
        now(),
    )
    .unwrap();
    assert_eq!(checks[0].status, SigStatus::Bad);
    // The same signature in a PGP/MIME message, as neomutt builds it.
    let outer = mime::split_headers(b"From: bob@example.org\r\n\r\n")
        .unwrap()
        .0;
    let sig = DetachedSignature {
        armored: sig,
        micalg: "pgp-sha512".into(),
    };
    let report = verify_message(&build_signed(&outer, entity, &sig), &keys, now()).unwrap();
    assert!(report.signed[0].signatures[0].is_good());

    let clear = run_ok(
        gpg.cmd().arg("--clearsign"),
        b"Hello,\n- dashes\nFrom here\n",
    );
    let opened = open(&clear, &keys, now()).unwrap().expect("not encrypted");
    assert!(
        opened.signatures[0].is_good(),
        "{:?}",
        opened.signatures[0].reason
    );
    assert!(opened.content.starts_with(b"Hello,"));
    let mut mail = b"From: bob@example.org\r\nContent-Type: text/plain\r\n\r\n".to_vec();
    mail.extend_from_slice(&clear);
    let report = verify_message(&mail, &keys, now()).unwrap();
    assert_eq!(report.signed[0].form, Form::Inline);
    assert_eq!(report.signed[0].scope, Scope::Whole);
    assert!(report.signed[0].signatures[0].is_good());
    // Text added after the block is not covered.
    mail.extend_from_slice(b"\r\n-- \r\nunsigned footer\r\n");
    let report = verify_message(&mail, &keys, now()).unwrap();
    assert_eq!(report.signed[0].scope, Scope::Part("inline block".into()));
    // A changed word inside the block breaks it.
    let tampered = String::from_utf8(clear).unwrap().replace("Hello", "Jello");
    let opened = open(tampered.as_bytes(), &keys, now()).unwrap().unwrap();
    assert_eq!(opened.signatures[0].status, SigStatus::Bad);
}

#[test]
fn we_decrypt_gpg_messages_to_several_recipients() {
    let Some(gpg) = Gpg::new() else { return };
    let (a, b, s) = (
        gpg.generate("a@example.org"),
        gpg.generate("b@example.org"),
        gpg.generate("s@example.org"),
    );
    let plain = b"for a and b\n".repeat(50);
    let e = run_ok(
        gpg.cmd().args([
            "--armor",
            "-e",
            "-r",
            "a@example.org",
            "-r",
            "b@example.org",
        ]),
        &plain,
    );
    for k in [&a, &b] {
        let d = decrypt(&e, &MemoryKeys::new([k.clone()]), now()).unwrap();
        assert_eq!(
            (d.plaintext.as_slice(), d.seipd_version),
            (plain.as_slice(), 1)
        );
        assert!(d.signatures.is_empty());
    }
    assert!(matches!(
        decrypt(&e, &MemoryKeys::new([s.clone()]), now()),
        Err(crate::Error::NotForUs)
    ));
    // --sign --encrypt (compressed by default), and hidden key IDs.
    let se = run_ok(
        gpg.cmd().args([
            "--armor",
            "-u",
            "s@example.org",
            "--sign",
            "--throw-keyids",
            "-e",
            "-r",
            "b@example.org",
        ]),
        &plain,
    );
    let keys = MemoryKeys::new([b.clone(), s.clone().strip_secret_key_material()]);
    let d = decrypt(&se, &keys, now()).unwrap();
    assert_eq!(d.plaintext, plain);
    assert!(d.signatures[0].is_good(), "{:?}", d.signatures[0].reason);
    assert_eq!(d.signatures[0].signer_fingerprint, Some(s.fingerprint()));
    // Inline in a mail body.
    let mut mail = b"From: s@example.org\r\nTo: b@example.org\r\n\r\n".to_vec();
    mail.extend_from_slice(&se);
    let report = verify_message(&mail, &keys, now()).unwrap();
    assert!(report.encrypted);
    let opened = decrypt_message(&mail, &keys, now()).unwrap();
    assert_eq!(opened.form, Form::Inline);
    assert!(opened.signatures[0].is_good());
    assert!(opened.message.ends_with(&plain));
}
