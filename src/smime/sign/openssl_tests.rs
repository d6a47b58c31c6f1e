//! Our signatures, checked by the real `openssl cms` (OpenSSL 3.0).

use crate::smime::sign::{micalg, sign};
use crate::smime::verify::fixture::{keys, Fixture, Work, CONTENT};
use crate::time::Timestamp;

/// 2026-11-24T13:05:09Z
const WHEN: Timestamp = Timestamp(1_795_525_509);

/// Signs with `f`, then runs
/// `openssl cms -verify -binary -inform DER -in sig.der [-content content.bin]
///  -CAfile NAME.crt -out out.bin` and checks what openssl wrote out.
fn openssl_verifies(work: &Work, f: &Fixture, detached: bool) -> Vec<u8> {
    let sig = sign(CONTENT, &f.signer(), WHEN, detached).unwrap();
    let sig_path = work.write("sig.der", &sig);
    let content_path = work.write("content.bin", CONTENT);
    let (_, crt) = work.install(f);
    let mut args = vec![
        "cms", "-verify", "-binary", "-inform", "DER", "-in", &sig_path,
    ];
    if detached {
        args.extend(["-content", &content_path]);
    }
    // The certificates are valid now, not at WHEN, so check them at now.
    args.extend(["-CAfile", &crt, "-out", "out.bin"]);
    let out = work.openssl_ok(&args);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Verification successful"));
    assert_eq!(
        work.read("out.bin"),
        CONTENT,
        "{} detached={detached}",
        f.name
    );
    sig
}

/// `openssl cms -cmsout -print -inform DER -in sig.der`: openssl's view
/// of the structure.
fn openssl_print(work: &Work, sig: &[u8]) -> String {
    let path = work.write("print.der", sig);
    let out = work.openssl_ok(&["cms", "-cmsout", "-print", "-inform", "DER", "-in", &path]);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn openssl_verifies_detached_and_opaque_rsa_and_ecdsa() {
    let Some(keys) = keys() else { return };
    for f in [&keys.rsa, &keys.p256, &keys.p384] {
        let work = Work::new();
        let sig = openssl_verifies(&work, f, true);
        openssl_verifies(&work, f, false);
        let printed = openssl_print(&work, &sig);
        assert!(printed.contains("signingTime"), "{printed}");
        assert!(printed.contains("S/MIME Capabilities"), "{printed}");
        assert!(
            printed.contains("UTCTIME:Nov 24 13:05:09 2026 GMT"),
            "{printed}"
        );
    }
}

#[test]
fn micalg_matches_the_digest() {
    let Some(keys) = keys() else { return };
    let got: Vec<_> = keys.all().iter().map(|f| micalg(&f.signer())).collect();
    assert_eq!(got, ["sha-256", "sha-256", "sha-384", "sha-512"]);
}

/// OpenSSL 3.0 cannot check CMS Ed25519 signatures with signed attributes
/// (`eddsa_digest_signverify_init: invalid digest`; fixed in later
/// releases), so the parts are checked instead: openssl parses the
/// structure, and `openssl pkeyutl` verifies our signature value over our
/// DER signed attributes with the certificate's key.
#[test]
fn openssl_checks_ed25519_signature_value_and_structure() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let f = &keys.ed25519;
    let sig = sign(CONTENT, &f.signer(), WHEN, true).unwrap();
    let printed = openssl_print(&work, &sig);
    assert!(
        printed.contains("algorithm: ED25519 (1.3.101.112)"),
        "{printed}"
    );
    assert!(
        printed.contains("algorithm: sha512 (2.16.840.1.101.3.4.2.3)"),
        "{printed}"
    );
    assert!(printed.contains("S/MIME Capabilities"), "{printed}");

    let view = crate::smime::signed_view::parse(&sig).unwrap();
    let [signer] = view.signers.as_slice() else {
        panic!("one signer")
    };
    let attrs = work.write("attrs.der", signer.signed_attrs_der.as_ref().unwrap());
    let value = work.write("sig.bin", signer.info.signature.as_bytes());
    let (_, crt) = work.install(f);
    // openssl pkeyutl -verify -certin -inkey ed25519.crt -rawin -in attrs.der -sigfile sig.bin
    let out = work.openssl_ok(&[
        "pkeyutl", "-verify", "-certin", "-inkey", &crt, "-rawin", "-in", &attrs, "-sigfile",
        &value,
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Signature Verified Successfully"));

    // The same check must fail for other bytes.
    let other = work.write("other.der", b"not the signed attributes");
    let out = work.openssl(&[
        "pkeyutl", "-verify", "-certin", "-inkey", &crt, "-rawin", "-in", &other, "-sigfile",
        &value,
    ]);
    assert!(!out.status.success());
}
