//! Interoperability with `sqop` 0.27.3 (Sequoia 1.12 behind the
//! Stateless OpenPGP CLI), both ways. sqop makes keys and signs at the
//! current time, so these tests use the current time as reference.
//! Sequoia 1.12 knows neither v6 keys nor SEIPD v2, and its keys do not
//! advertise v2.

use sequoia_openpgp as openpgp;

use openpgp::parse::Parse;
use openpgp::Cert;

use super::roundtrip::container;
use super::util::{armored, armored_secret, cert_made, cert_v6, signer, Sqop};
use crate::openpgp::*;
use crate::time::Timestamp;

fn now() -> Timestamp {
    Timestamp::now()
}

fn ours(email: &str) -> Cert {
    cert_made(email, Timestamp(now().0 - 86_400))
}

/// `sqop generate-key`, as Sequoia reads it.
fn sqop_key(sqop: &Sqop, email: &str) -> (Cert, String) {
    let key = sqop.run_ok(&["generate-key", &format!("<{email}>")], b"");
    let path = sqop.file(&format!("{email}.key"), &key);
    (Cert::from_bytes(&key).expect("sqop key"), path)
}

#[test]
fn we_verify_sqop_signatures_and_decrypt_sqop_messages() {
    let Some(sqop) = Sqop::new() else { return };
    let (sq, sq_path) = sqop_key(&sqop, "sq@example.org");
    let alice = ours("alice@example.org");
    let alice_cert = sqop.file("alice.cert", &armored(&alice));
    let data = b"Content-Type: text/plain\r\n\r\nfrom sqop\r\n";
    let sig = sqop.run_ok(&["sign", &sq_path], data);
    let keys = MemoryKeys::new([sq.clone().strip_secret_key_material()]);
    let checks = verify_detached(data, &sig, &keys, now()).unwrap();
    assert!(checks[0].is_good(), "{:?}", checks[0].reason);
    assert_eq!(checks[0].signer_fingerprint, Some(sq.fingerprint()));
    // sqop encrypt --sign-with to our certificate.
    let e = sqop.run_ok(
        &["encrypt", "--sign-with", &sq_path, &alice_cert],
        b"sealed by sqop",
    );
    let d = decrypt(
        &e,
        &MemoryKeys::new([alice, sq.strip_secret_key_material()]),
        now(),
    )
    .unwrap();
    assert_eq!(d.plaintext, b"sealed by sqop");
    assert_eq!(d.seipd_version, container(&e).0);
    assert!(d.signatures[0].is_good(), "{:?}", d.signatures[0].reason);
}

#[test]
fn sqop_verifies_and_decrypts_ours() {
    let Some(sqop) = Sqop::new() else { return };
    let (sq, sq_path) = sqop_key(&sqop, "sq@example.org");
    let alice = ours("alice@example.org");
    let alice_cert = sqop.file("alice.cert", &armored(&alice));
    let data = b"Content-Type: text/plain\r\n\r\nfrom us\r\n";
    let sig = sign_detached(&signer(&alice, now()), data, now()).unwrap();
    let sig_path = sqop.file("data.sig", &sig.armored);
    let out = sqop.run(&["verify", &sig_path, &alice_cert], data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&alice.fingerprint().to_hex()));
    let out = sqop.run(
        &["verify", &sig_path, &alice_cert],
        b"Content-Type: text/plain\r\n\r\nchanged\r\n",
    );
    assert!(!out.status.success(), "sqop accepted a changed text");
    // Encrypted and signed to the sqop key: SEIPD v1 (it does not
    // advertise v2), decrypted and verified by sqop.
    let r = [Recipient {
        cert: sq.clone().strip_secret_key_material(),
        hidden: false,
        expired_ok: false,
    }];
    let e = encrypt(b"to sqop", &r, Some(&signer(&alice, now())), now()).unwrap();
    assert_eq!((e.seipd_version, container(&e.armored).0), (1, 1));
    let verifications = sqop.dir.path().join("verifications.txt");
    let verifications = verifications.to_string_lossy();
    let plain = sqop.run_ok(
        &[
            "decrypt",
            "--verifications-out",
            &verifications,
            "--verify-with",
            &alice_cert,
            &sq_path,
        ],
        &e.armored,
    );
    assert_eq!(plain, b"to sqop");
    let verified = std::fs::read_to_string(&*verifications).unwrap();
    assert!(
        verified.contains(&alice.fingerprint().to_hex()),
        "{verified}"
    );
}

#[test]
fn v6_keys_with_sqop() {
    // Sequoia 1.12 (in sqop 0.27.3) predates RFC 9580: it cannot read a
    // v6 certificate. What we check here is that our v6 keys round trip
    // through our own code with SEIPD v2 (see the round-trip tests) and
    // that sqop refuses them cleanly rather than misreading them.
    let Some(sqop) = Sqop::new() else { return };
    let v6 = cert_v6("six@example.org", Timestamp(now().0 - 86_400));
    let cert = sqop.file("six.cert", &armored(&v6));
    let key = sqop.file("six.key", &armored_secret(&v6));
    let r = [Recipient {
        cert: v6.clone(),
        hidden: false,
        expired_ok: false,
    }];
    let e = encrypt(b"v6", &r, Some(&signer(&v6, now())), now()).unwrap();
    assert_eq!((e.seipd_version, container(&e.armored).0), (2, 2));
    let d = decrypt(&e.armored, &MemoryKeys::new([v6.clone()]), now()).unwrap();
    assert_eq!(d.plaintext, b"v6");
    let decrypted = sqop.run(&["decrypt", &key], &e.armored);
    let encrypted = sqop.run(&["encrypt", &cert], b"x");
    if decrypted.status.success() {
        // A newer sqop: then it must get our plaintext back.
        assert_eq!(decrypted.stdout, b"v6");
        let d = decrypt(&encrypted.stdout, &MemoryKeys::new([v6]), now()).unwrap();
        assert_eq!((d.plaintext.as_slice(), d.seipd_version), (&b"x"[..], 2));
    } else {
        eprintln!("note: this sqop cannot read v6 keys; v6 is checked against our own code only");
        assert!(!encrypted.status.success());
    }
}
