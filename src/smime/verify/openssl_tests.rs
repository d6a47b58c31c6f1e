//! Signatures made by the real `openssl cms` (OpenSSL 3.0), checked by us.

use crate::smime::algorithms::{DigestAlg, SignatureAlg};
use crate::smime::signed_view;
use crate::smime::verify::fixture::{keys, Fixture, Work, CONTENT};
use crate::smime::verify::{verify, SignatureStatus, SignedData};
use crate::time::Timestamp;

/// `openssl cms -sign -binary -in content.bin -signer NAME.crt -inkey
/// NAME.key -outform DER -out sig.der EXTRA...`; detached unless EXTRA
/// has `-nodetach`. Returns what openssl wrote (BER with `-stream`).
pub fn openssl_sign(work: &Work, f: &Fixture, extra: &[&str]) -> Vec<u8> {
    let content = work.write("content.bin", CONTENT);
    let (key, crt) = work.install(f);
    let mut args = vec!["cms", "-sign", "-binary", "-in", &content, "-signer", &crt];
    args.extend(["-inkey", &key, "-outform", "DER", "-out", "sig.der"]);
    args.extend(extra);
    work.openssl_ok(&args);
    work.read("sig.der")
}

/// Asserts one good signer by `f`, signed just now when `timed`.
pub fn assert_good(result: &SignedData, f: &Fixture, timed: bool) {
    assert_eq!(result.content, CONTENT);
    let [signer] = result.signers.as_slice() else {
        panic!("expected one signer, got {}", result.signers.len())
    };
    assert_eq!(signer.status, SignatureStatus::Good, "{}", f.name);
    assert_eq!(signer.cert.as_ref(), Some(&f.cert));
    assert!(result.certificates.contains(&f.cert));
    match signer.signing_time {
        Some(t) if timed => assert!(t.0.abs_diff(Timestamp::now().0) < 600, "{t}"),
        None if !timed => {}
        other => panic!("signing time {other:?}, expected one: {timed}"),
    }
}

/// The signatureAlgorithm and digest of the first SignerInfo.
fn algorithms(sig: &[u8]) -> (SignatureAlg, DigestAlg) {
    let der = crate::smime::ber::to_der(sig).unwrap();
    let view = signed_view::parse(&der).unwrap();
    let info = &view.signers[0].info;
    (
        SignatureAlg::from_identifier(&info.signature_algorithm).unwrap(),
        DigestAlg::from_oid(info.digest_alg.oid).unwrap(),
    )
}

#[test]
fn verifies_openssl_rsa_detached_opaque_and_streamed() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let f = &keys.rsa;
    let sig = openssl_sign(&work, f, &[]);
    assert_eq!(
        algorithms(&sig),
        (SignatureAlg::RsaPkcs1 { hash: None }, DigestAlg::Sha256)
    );
    assert_good(&verify(&sig, Some(CONTENT)).unwrap(), f, true);
    assert_good(
        &verify(&openssl_sign(&work, f, &["-nodetach"]), None).unwrap(),
        f,
        true,
    );
    // -stream writes indefinite lengths (BER) and the eContent as a
    // constructed, chunked OCTET STRING. With DER output openssl then
    // encapsulates the content even without -nodetach.
    for extra in [&["-stream"][..], &["-stream", "-nodetach"]] {
        let ber = openssl_sign(&work, f, extra);
        assert_eq!(&ber[..2], &[0x30, 0x80], "indefinite length");
        assert_good(&verify(&ber, None).unwrap(), f, true);
        assert!(verify(&ber, Some(CONTENT)).is_err(), "content given twice");
    }
}

#[test]
fn verifies_openssl_rsa_pss() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let f = &keys.rsa;
    // Default PSS: SHA-256, MGF1-SHA-256, the largest salt (222 octets).
    let sig = openssl_sign(&work, f, &["-keyopt", "rsa_padding_mode:pss"]);
    let pss = SignatureAlg::RsaPss {
        hash: DigestAlg::Sha256,
        salt_len: 222,
    };
    assert_eq!(algorithms(&sig), (pss, DigestAlg::Sha256));
    assert_good(&verify(&sig, Some(CONTENT)).unwrap(), f, true);
    // SHA-512 with a digest-sized salt.
    let sig = openssl_sign(
        &work,
        f,
        &[
            "-md",
            "sha512",
            "-keyopt",
            "rsa_padding_mode:pss",
            "-keyopt",
            "rsa_pss_saltlen:digest",
        ],
    );
    let pss = SignatureAlg::RsaPss {
        hash: DigestAlg::Sha512,
        salt_len: 64,
    };
    assert_eq!(algorithms(&sig), (pss, DigestAlg::Sha512));
    assert_good(&verify(&sig, Some(CONTENT)).unwrap(), f, true);
}

#[test]
fn verifies_openssl_digests_sha384_sha512_and_legacy_sha1() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let f = &keys.rsa;
    for (md, alg) in [
        ("sha384", DigestAlg::Sha384),
        ("sha512", DigestAlg::Sha512),
        ("sha1", DigestAlg::Sha1),
    ] {
        let sig = openssl_sign(&work, f, &["-md", md]);
        assert_eq!(algorithms(&sig).1, alg);
        let result = verify(&sig, Some(CONTENT)).unwrap();
        assert_good(&result, f, true);
        let weak = result.signers[0]
            .digest
            .and_then(crate::trust::digest::weakness)
            .is_some();
        assert_eq!(weak, alg == DigestAlg::Sha1, "{md}");
    }
}

#[test]
fn verifies_openssl_ecdsa_p256_and_p384_with_each_digest() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    for f in [&keys.p256, &keys.p384] {
        for md in ["sha256", "sha384", "sha512"] {
            let sig = openssl_sign(&work, f, &["-md", md]);
            let want = DigestAlg::from_oid(algorithms(&sig).1.oid()).unwrap();
            assert_eq!(algorithms(&sig).0, SignatureAlg::Ecdsa { hash: Some(want) });
            assert_good(&verify(&sig, Some(CONTENT)).unwrap(), f, true);
        }
        let opaque = openssl_sign(&work, f, &["-nodetach", "-stream"]);
        assert_good(&verify(&opaque, None).unwrap(), f, true);
    }
}

#[test]
fn verifies_openssl_without_signed_attributes() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    for f in [&keys.rsa, &keys.p256, &keys.p384] {
        let sig = openssl_sign(&work, f, &["-noattr"]);
        let result = verify(&sig, Some(CONTENT)).unwrap();
        assert_good(&result, f, false);
    }
}

#[test]
fn verifies_openssl_subject_key_identifier_and_extra_certificates() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let (_, other) = work.install(&keys.p384);
    // -keyid names the signer by subjectKeyIdentifier; -certfile adds a
    // certificate that is not the signer's.
    let sig = openssl_sign(&work, &keys.p256, &["-keyid", "-certfile", &other]);
    let result = verify(&sig, Some(CONTENT)).unwrap();
    assert_eq!(result.certificates.len(), 2);
    assert!(result.certificates.contains(&keys.p384.cert));
    assert_eq!(result.signers[0].status, SignatureStatus::Good);
    assert_eq!(result.signers[0].cert.as_ref(), Some(&keys.p256.cert));
}

#[test]
fn verifies_openssl_two_signers() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let (key2, crt2) = work.install(&keys.p384);
    let sig = openssl_sign(&work, &keys.rsa, &["-signer", &crt2, "-inkey", &key2]);
    let result = verify(&sig, Some(CONTENT)).unwrap();
    assert_eq!(result.signers.len(), 2);
    let mut certs: Vec<_> = result
        .signers
        .iter()
        .map(|s| s.cert.clone().unwrap())
        .collect();
    assert!(result
        .signers
        .iter()
        .all(|s| s.status == SignatureStatus::Good));
    certs.retain(|c| *c != keys.rsa.cert && *c != keys.p384.cert);
    assert!(certs.is_empty());
}

/// OpenSSL 3.0 cannot make CMS Ed25519 signatures (`cms -sign` fails in
/// `eddsa_digest_signverify_init`), so openssl makes the signature value:
/// `openssl pkeyutl -sign -rawin -inkey ed25519.key -in attrs.der` over
/// signed attributes we encode, and we assemble the SignerInfo around it.
#[test]
fn verifies_openssl_ed25519_signature_value() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let f = &keys.ed25519;
    let digest = DigestAlg::Sha512;
    let when = Timestamp(1_795_525_509);
    let attrs = crate::smime::attrs::build(
        const_oid::db::rfc5911::ID_DATA,
        &digest.digest(CONTENT),
        when,
        crate::smime::capabilities::Reader::Mailseal,
    )
    .unwrap();
    let attrs_path = work.write("attrs.der", der::Encode::to_der(&attrs).unwrap());
    let (key, _) = work.install(f);
    work.openssl_ok(&[
        "pkeyutl",
        "-sign",
        "-rawin",
        "-inkey",
        &key,
        "-in",
        &attrs_path,
        "-out",
        "sig.bin",
    ]);
    let value = work.read("sig.bin");
    assert_eq!(value.len(), 64);
    let assemble = |value: Vec<u8>, detached| {
        let alg = SignatureAlg::Ed25519.identifier().unwrap();
        let info =
            crate::smime::sign::signer_info(&f.cert, digest, attrs.clone(), alg, value).unwrap();
        crate::smime::sign::assemble(CONTENT, &f.signer(), info, digest, detached).unwrap()
    };
    for detached in [true, false] {
        let cms = assemble(value.clone(), detached);
        let result = verify(&cms, detached.then_some(CONTENT)).unwrap();
        assert_eq!(result.signers[0].status, SignatureStatus::Good);
        assert_eq!(result.signers[0].signing_time, Some(when));
    }
    let mut flipped = value;
    flipped[10] ^= 1;
    let result = verify(&assemble(flipped, true), Some(CONTENT)).unwrap();
    assert_eq!(
        result.signers[0].status,
        SignatureStatus::Bad("signature does not verify".into())
    );
}

#[test]
fn reads_certificates_only_signed_data() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let (_, crt) = work.install(&keys.p256);
    // openssl crl2pkcs7 -nocrl -certfile p256.crt -outform DER -out certs.p7c
    work.openssl_ok(&[
        "crl2pkcs7",
        "-nocrl",
        "-certfile",
        &crt,
        "-outform",
        "DER",
        "-out",
        "certs.p7c",
    ]);
    let result = verify(&work.read("certs.p7c"), None).unwrap();
    assert!(result.signers.is_empty());
    assert!(result.content.is_empty());
    assert_eq!(result.certificates, std::slice::from_ref(&keys.p256.cert));
}
