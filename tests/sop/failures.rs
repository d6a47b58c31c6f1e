//! Failures: each ends with the draft's exit code, writes nothing to
//! standard output, and never panics (exit 101).

use super::harness::*;

#[test]
fn fail_usage_errors_have_sop_codes() {
    let t = T::new();
    let (key, cert) = t.ms_key("alice", &[]);
    fails(&t.ms(&["frobnicate"], b""), 69);
    fails(&t.ms(&["sign", "--frobnicate", &key], b""), 37);
    fails(&t.ms(&["sign", "--as=poem", &key], b""), 37);
    fails(&t.ms(&["sign"], b""), 19);
    fails(&t.ms(&["verify"], b""), 19);
    fails(&t.ms(&[], b""), 19);
    fails(&t.ms(&["version", "--backend", "--extended"], b""), 83);
    fails(&t.ms(&["list-profiles", "sign"], b""), 89);
    fails(&t.ms(&["generate-key", "--profile=rfc2440"], b""), 89);
    fails(&t.ms(&["encrypt", "--profile=rfc2440", &cert], b""), 89);
    fails(&t.ms(&["encrypt"], b"data"), 19);
    fails(&t.ms(&["decrypt"], b"data"), 19);
    fails(
        &t.ms(&["decrypt", "--verify-with", &cert, &key], b"data"),
        23,
    );
    fails(
        &t.ms(&["verify", "--not-before=yesterday-ish", "x", &cert], b""),
        1,
    );
}

#[test]
fn fail_inputs_and_outputs() {
    let t = T::new();
    let (key, cert) = t.ms_key("alice", &[]);
    fails(&t.ms(&["sign", "missing.key"], b"data"), 61);
    fails(
        &t.ms(
            &["sign", "--with-key-password=@ENV:SOP_SURELY_UNSET", &key],
            b"",
        ),
        61,
    );
    fails(&t.ms(&["sign", "@FOO:bar"], b"data"), 71);
    fails(
        &t.ms(&["encrypt", "--session-key-out=@ENV:X", &cert], b"data"),
        71,
    );
    // A file literally named like a designator makes it ambiguous.
    t.file("@ENV:HOME", b"");
    fails(
        &t.ms(&["sign", "--with-key-password=@ENV:HOME", &key], b"data"),
        73,
    );
    // Outputs are never overwritten, and a failed run leaves none behind.
    t.file("exists", b"keep me");
    fails(&t.ms(&["sign", "--micalg-out=exists", &key], b"data"), 59);
    assert_eq!(t.read("exists"), b"keep me");
    fails(&t.ms(&["sign", "--micalg-out=new", &cert], b"data"), 41);
    assert!(!t.path("new").exists());
}

#[test]
fn fail_garbage_is_bad_data() {
    let t = T::new();
    let (key, cert) = t.ms_key("alice", &[]);
    let garbage = b"\x00garbage, not OpenPGP\xff\xfe";
    t.file("garbage", garbage);
    let sig = ok(&t.ms(&["sign", &key], b"data"));
    let truncated = &sig[..sig.len() / 2];
    t.file("truncated.sig", truncated);
    let msg = ok(&t.ms(&["encrypt", &cert], b"data"));
    let cert_bytes = t.read(&cert);
    let cases: &[(&[&str], &[u8])] = &[
        (&["extract-cert"], garbage),
        (&["extract-cert"], &[]),
        (&["extract-cert"], &cert_bytes),
        (&["sign", "garbage"], b"data"),
        (&["sign", &cert], b"data"),
        (&["verify", "garbage", &cert], b"data"),
        (&["verify", "truncated.sig", &cert], b"data"),
        (&["verify", &key, "garbage"], b"data"),
        (&["encrypt", "garbage"], b"data"),
        (&["decrypt", &key], garbage),
        (&["decrypt", &key], &msg[..msg.len() / 2]),
        (&["decrypt", "garbage"], &msg),
        (&["inline-verify", &cert], garbage),
        (&["inline-detach", "--signatures-out=s"], garbage),
        (&["armor"], garbage),
        (&["dearmor"], garbage),
        (
            &["dearmor"],
            b"-----BEGIN PGP MESSAGE-----\n\n!!!!\n-----END PGP MESSAGE-----\n",
        ),
    ];
    for (args, stdin) in cases {
        let out = t.ms(args, stdin);
        assert_eq!(
            out.status.code(),
            Some(41),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?} wrote output");
    }
}

#[test]
fn fail_wrong_key_cannot_decrypt() {
    let t = T::new();
    let (_, cert) = t.ms_key("alice", &[]);
    let (other, _) = t.ms_key("mallory", &[]);
    let (sq_other, _) = t.sq_key("eve");
    let msg = ok(&t.ms(&["encrypt", &cert], b"data"));
    fails(&t.ms(&["decrypt", &other], &msg), 29);
    fails(&t.ms(&["decrypt", &sq_other], &msg), 29);
    t.file(
        "bad.sk",
        b"9:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF",
    );
    fails(&t.ms(&["decrypt", "--with-session-key=bad.sk"], &msg), 29);
}

#[test]
fn fail_tampered_ciphertext_writes_nothing() {
    let t = T::new();
    let (key, cert) = t.ms_key("alice", &[]);
    let (v6_key, v6_cert) = t.ms_key("bob", &["--profile=rfc9580"]);
    let (sq_key, sq_cert) = t.sq_key("carol");
    let data = vec![b'x'; 4096];
    // SEIPD v1 from sqop (MDC), SEIPD v2 from us (AEAD).
    let v1 = ok(&t.sq(&["encrypt", "--no-armor", &cert], &data));
    let v2 = ok(&t.ms(&["encrypt", "--no-armor", &v6_cert, &cert], &data));
    assert_eq!((seipd_version(&v1), seipd_version(&v2)), (1, 2));
    for (msg, key) in [(&v1, &key), (&v2, &key), (&v2, &v6_key)] {
        assert_eq!(ok(&t.ms(&["decrypt", key], msg)), data);
        for at in [1, 30, 2000] {
            let out = t.ms(&["decrypt", key], &flip(msg, at));
            assert!(out.stdout.is_empty(), "tampered plaintext leaked");
            let code = out.status.code();
            assert!(code == Some(41) || code == Some(29), "{code:?}");
        }
    }
    let ours = ok(&t.ms(&["encrypt", "--no-armor", &sq_cert], &data));
    let out = t.sq(&["decrypt", &sq_key], &flip(&ours, 30));
    assert!(!out.status.success(), "sqop found no tampering");
}

#[test]
fn fail_plaintext_without_integrity_or_encryption() {
    let t = T::new();
    let (key, _) = t.ms_key("alice", &[]);
    t.file("pw", b"pw");
    // A signed, unencrypted message is not something decrypt accepts.
    let signed = ok(&t.ms(&["inline-sign", &key], b"data"));
    fails(&t.ms(&["decrypt", &key], &signed), 41);
    // Symmetrically encrypted data without MDC, made by gpg --rfc2440.
    let home = tempfile::TempDir::new().unwrap();
    let out = std::process::Command::new("gpg")
        .args([
            "--homedir",
            home.path().to_str().unwrap(),
            "--batch",
            "--pinentry-mode",
            "loopback",
        ])
        .args([
            "--passphrase",
            "pw",
            "--rfc2440",
            "--cipher-algo",
            "CAST5",
            "--symmetric",
            "-o",
        ])
        .arg(t.path("sed.gpg"))
        .arg(t.path("pw"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fails(
        &t.ms(&["decrypt", "--with-password=pw"], &t.read("sed.gpg")),
        41,
    );
}

#[test]
fn fail_keys_that_cannot_sign() {
    let t = T::new();
    let (key, _) = t.ms_key("alice", &[]);
    let (_, sq_cert) = t.sq_key("bob");
    // A signing-capable key must be there; sqop's cert has no secrets.
    fails(&t.ms(&["sign", &sq_cert], b"data"), 41);
    fails(&t.ms(&["inline-sign", &sq_cert], b"data"), 41);
    fails(
        &t.ms(&["encrypt", "--sign-with", &sq_cert, &sq_cert], b"data"),
        41,
    );
    ok(&t.ms(&["inline-sign", &key], b"data"));
}
