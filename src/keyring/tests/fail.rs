//! Bad input: garbage, truncations, flipped bytes. Every case ends in an
//! error or a clean import, never a panic, and a failed import writes
//! nothing.

use super::*;

/// Asserts `bytes` fails to import and leaves `k` empty.
fn assert_rejected(k: &Keyring, bytes: &[u8], what: &str) {
    let got = k.import(bytes, &pass(PASS));
    assert!(got.is_err(), "{what}: {got:?}");
    assert_empty(k, what);
}

fn assert_empty(k: &Keyring, what: &str) {
    assert!(k.all().unwrap().is_empty(), "{what}");
    assert!(k.with_secret().unwrap().is_empty(), "{what}");
    assert!(k.crls().unwrap().is_empty(), "{what}");
}

#[test]
fn fail_garbage() {
    let s = Scratch::new();
    let k = open(&s, "k");
    for (bytes, what) in [
        (&b""[..], "empty"),
        (b"just some text\n", "text"),
        (&[0u8; 64][..], "zeros"),
        (b"\x30\x80\x30\x80\x00\x00\x00\x00", "indefinite length"),
        (b"\x30\x84\xff\xff\xff\xff", "huge length"),
        (
            b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "bad key",
        ),
        (b"-----BEGIN CERTIFICATE-----\nMIIB\n", "no END"),
    ] {
        let got = k.import(bytes, &pass(PASS));
        assert!(
            matches!(got, Err(Error::Malformed { .. })),
            "{what}: {got:?}"
        );
        assert_empty(&k, what);
    }
}

#[test]
fn fail_truncated_pem_der_and_pkcs12() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    s.openssl(&[
        "x509",
        "-in",
        "alice.pem",
        "-outform",
        "DER",
        "-out",
        "alice.der",
    ]);
    // openssl pkcs12 -export (PBES2) and openssl pkcs8 -topk8 -v2 aes-256-cbc -outform DER
    let passout = format!("pass:{PASS}");
    s.openssl(&[
        "pkcs12",
        "-export",
        "-in",
        "alice.pem",
        "-inkey",
        "alice.key",
        "-out",
        "alice.p12",
        "-passout",
        &passout,
    ]);
    s.openssl(&[
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        "alice.key",
        "-outform",
        "DER",
        "-out",
        "enc.der",
        "-passout",
        &passout,
    ]);
    let k = open(&s, "k");
    for file in ["alice.der", "alice.p12", "enc.der"] {
        let bytes = s.read(file);
        for len in [
            0,
            1,
            2,
            4,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert_rejected(&k, &bytes[..len], &format!("{file}[..{len}]"));
        }
    }
    let pem = s.read("alice.pem");
    // Cut inside the base64 and inside the END line.
    for cut in [pem.len() / 2, pem.len() - 10] {
        assert_rejected(&k, &pem[..cut], &format!("alice.pem[..{cut}]"));
    }
    // A good certificate followed by a broken key: nothing is written.
    let mut mixed = pem.clone();
    let key = s.read("alice.key");
    mixed.extend_from_slice(&key[..key.len() - 40]);
    assert_rejected(&k, &mixed, "certificate + truncated key");
}

#[test]
fn fail_pkcs12_byte_flips_never_panic() {
    let s = Scratch::new();
    s.ec_cert("alice", "Alice", "alice@example.org");
    s.openssl(&[
        "pkcs12",
        "-export",
        "-in",
        "alice.pem",
        "-inkey",
        "alice.key",
        "-out",
        "alice.p12",
        "-passout",
        &format!("pass:{PASS}"),
    ]);
    let good = s.read("alice.p12");
    for i in (0..good.len()).step_by(11) {
        let mut bad = good.clone();
        bad[i] ^= 0x41;
        let k = open(&s, &format!("k{i}"));
        // Flipped padding or unused bytes may still import; anything else
        // must fail cleanly and leave the keyring empty.
        if k.import(&bad, &pass(PASS)).is_err() {
            assert_empty(&k, &format!("flip at {i}"));
        }
    }
}

#[test]
fn fail_wrong_structure() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    // openssl req -new -key alice.key: a CSR is neither a certificate nor a key.
    s.openssl(&[
        "req",
        "-new",
        "-key",
        "alice.key",
        "-subj",
        "/CN=x",
        "-out",
        "req.pem",
    ]);
    s.openssl(&[
        "req", "-in", "req.pem", "-outform", "DER", "-out", "req.der",
    ]);
    let k = open(&s, "k");
    assert_rejected(&k, &s.read("req.pem"), "CSR PEM");
    assert_rejected(&k, &s.read("req.der"), "CSR DER");
    // A certificate under a key label.
    let cert = String::from_utf8(s.read("alice.pem")).unwrap();
    assert_rejected(
        &k,
        cert.replace("CERTIFICATE", "PRIVATE KEY").as_bytes(),
        "relabelled",
    );
}
