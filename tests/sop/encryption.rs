//! Encryption both ways: to certificates, to passwords, v4 and v6 keys,
//! SEIPD v1 and v2. mailseal or sqop made every key and message here.

use super::harness::*;

#[test]
fn encrypt_and_decrypt_both_ways() {
    let t = T::new();
    let (ms_key, ms_cert) = t.ms_key("alice", &[]);
    let (sq_a_key, sq_a_cert) = t.sq_key("bob");
    let (_, sq_b_cert) = t.sq_key("carol");
    let data = b"Attack at dawn.\n";

    // Ours to two sqop certificates, signed: sqop decrypts and verifies.
    let args = [
        "encrypt",
        "--sign-with",
        &ms_key,
        "--session-key-out=ms.sk",
        &sq_a_cert,
        &sq_b_cert,
    ];
    let msg = ok(&t.ms(&args, data));
    assert_eq!(seipd_version(&msg), 1, "sqop's certificates lack SEIPD v2");
    t.file("ms.msg", &msg);
    let args = [
        "decrypt",
        "--verify-with",
        &ms_cert,
        "--verifications-out=sq.ver",
        &sq_a_key,
    ];
    assert_eq!(ok(&t.sq(&args, &msg)), data);
    check_line(&one_line(&t.read("sq.ver")), &t.read(&ms_cert), None);
    let sk = String::from_utf8(t.read("ms.sk")).unwrap();
    assert!(sk.starts_with("9:") && sk.len() == 2 + 64, "{sk}");
    assert_eq!(
        ok(&t.sq(&["decrypt", "--with-session-key=ms.sk"], &msg)),
        data
    );

    // sqop's to us, signed: we decrypt, verify and hand out the session key.
    let msg = ok(&t.sq(&["encrypt", "--sign-with", &sq_a_key, &ms_cert], data));
    let args = [
        "decrypt",
        "--verify-with",
        &sq_a_cert,
        "--verifications-out=ms.ver",
        "--session-key-out=sq.sk",
        &ms_key,
    ];
    assert_eq!(ok(&t.ms(&args, &msg)), data);
    check_line(
        &one_line(&t.read("ms.ver")),
        &t.read(&sq_a_cert),
        Some("mode:binary"),
    );
    assert_eq!(
        ok(&t.sq(&["decrypt", "--with-session-key=sq.sk"], &msg)),
        data
    );
    assert_eq!(
        ok(&t.ms(&["decrypt", "--with-session-key=sq.sk"], &msg)),
        data
    );
}

#[test]
fn password_encryption_both_ways() {
    let t = T::new();
    // A trailing newline is not part of the password, for either tool.
    t.file("pw", b"correct horse\n");
    t.file("pw-bare", b"correct horse");
    let msg = ok(&t.ms(&["encrypt", "--with-password=pw"], b"secret"));
    assert_eq!(
        ok(&t.sq(&["decrypt", "--with-password=pw-bare"], &msg)),
        b"secret"
    );
    let msg = ok(&t.sq(&["encrypt", "--with-password=pw-bare"], b"secret"));
    assert_eq!(
        ok(&t.ms(&["decrypt", "--with-password=pw"], &msg)),
        b"secret"
    );
    t.file("wrong", b"battery staple");
    fails(&t.ms(&["decrypt", "--with-password=wrong"], &msg), 29);
    t.file("latin1", b"caf\xe9");
    fails(&t.ms(&["encrypt", "--with-password=latin1"], b"x"), 31);
}

#[test]
fn v6_keys_and_seipd_v2() {
    let t = T::new();
    let (v6_key, v6_cert) = t.ms_key("dave", &["--profile=rfc9580"]);
    assert_eq!(key_version(&t.read(&v6_key)), 6);
    let (v4_key, v4_cert) = t.ms_key("erin", &[]);
    let (sq_key, sq_cert) = t.sq_key("frank");

    // Every recipient advertises SEIPD v2: AEAD.
    let args = ["encrypt", "--sign-with", &v6_key, &v6_cert, &v4_cert];
    let msg = ok(&t.ms(&args, b"v6 data"));
    assert_eq!(seipd_version(&msg), 2);
    for key in [&v6_key, &v4_key] {
        let args = [
            "decrypt",
            "--verify-with",
            &v6_cert,
            "--verifications-out=@FD:1",
            key,
        ];
        let out = String::from_utf8(ok(&t.ms(&args, &msg))).unwrap();
        assert!(out.starts_with("v6 data"), "{out}");
        check_line(
            out.trim_start_matches("v6 data"),
            &t.read(&v6_cert),
            Some("mode:binary"),
        );
    }
    // The v2 session key opens the message again.
    ok(&t.ms(&["decrypt", "--session-key-out=v2.sk", &v4_key], &msg));
    assert_eq!(
        ok(&t.ms(&["decrypt", "--with-session-key=v2.sk"], &msg)),
        b"v6 data"
    );

    // With a recipient that lacks v2 (sqop's), or when asked: SEIPD v1,
    // and sqop reads its part of the mixed message.
    let msg = ok(&t.ms(&["encrypt", &v6_cert, &sq_cert], b"mixed"));
    assert_eq!(seipd_version(&msg), 1);
    assert_eq!(ok(&t.sq(&["decrypt", &sq_key], &msg)), b"mixed");
    assert_eq!(ok(&t.ms(&["decrypt", &v6_key], &msg)), b"mixed");
    let msg = ok(&t.ms(&["encrypt", "--profile=rfc4880", &v6_cert], b"old"));
    assert_eq!(seipd_version(&msg), 1);
    assert_eq!(ok(&t.ms(&["decrypt", &v6_key], &msg)), b"old");

    // v6 signatures verify; sqop 0.27 predates RFC 9580 and refuses v6
    // certificates as bad data.
    let sig = ok(&t.ms(&["sign", &v6_key], b"x"));
    t.file("v6.sig", &sig);
    check_line(
        &one_line(&ok(&t.ms(&["verify", "v6.sig", &v6_cert], b"x"))),
        &t.read(&v6_cert),
        None,
    );
    fails(&t.sq(&["verify", "v6.sig", &v6_cert], b"x"), 41);
}

#[test]
fn v6_keys_round_trip_with_an_rfc9580_sqop() {
    let t = T::new();
    let (ms_key, ms_cert) = t.ms_key("gina", &["--profile=rfc9580"]);
    let uid = "Hank <hank@example.org>";
    let sq_key = ok(&t.sq9580(&["generate-key", "--profile=rfc9580", uid], b""));
    assert_eq!(key_version(&sq_key), 6);
    let sq_cert = ok(&t.sq9580(&["extract-cert"], &sq_key));
    let (sq_key, sq_cert) = (t.file("hank.key", &sq_key), t.file("hank.cert", &sq_cert));

    // sqop encrypts and signs to our v6 key: SEIPD v2, and we verify it.
    let args = ["encrypt", "--sign-with", sq_key, &ms_cert];
    let msg = ok(&t.sq9580(&args, b"from sqop"));
    assert_eq!(seipd_version(&msg), 2);
    let args = [
        "decrypt",
        "--verify-with",
        sq_cert,
        "--verifications-out=@FD:1",
        &ms_key,
    ];
    let out = String::from_utf8(ok(&t.ms(&args, &msg))).unwrap();
    assert!(out.starts_with("from sqop"), "{out}");
    check_line(
        out.trim_start_matches("from sqop"),
        &t.read("hank.cert"),
        None,
    );

    // We encrypt and sign to sqop's v6 key; sqop decrypts and verifies.
    let args = ["encrypt", "--sign-with", &ms_key, sq_cert];
    let msg = ok(&t.ms(&args, b"from mailseal"));
    assert_eq!(seipd_version(&msg), 2);
    let args = [
        "decrypt",
        "--verify-with",
        &ms_cert,
        "--verifications-out=v.txt",
        sq_key,
    ];
    assert_eq!(ok(&t.sq9580(&args, &msg)), b"from mailseal");
    assert!(!t.read("v.txt").is_empty());

    // Detached signatures both ways.
    let sig = ok(&t.ms(&["sign", &ms_key], b"data"));
    t.file("ms.sig", &sig);
    ok(&t.sq9580(&["verify", "ms.sig", &ms_cert], b"data"));
    let sig = ok(&t.sq9580(&["sign", sq_key], b"data"));
    t.file("sq.sig", &sig);
    ok(&t.ms(&["verify", "sq.sig", sq_cert], b"data"));
}
