//! `mailseal sop` against the real sqop 0.27, both ways, verb by verb.
//! Every key, certificate, signature and message is made at test time
//! by `mailseal sop` or `sqop` in a temporary directory; the helper
//! names say which (`ms_key`, `sq_key`).

#[path = "sop/harness.rs"]
mod harness;

#[path = "sop/encryption.rs"]
mod encryption;
#[path = "sop/failures.rs"]
mod failures;

use harness::*;

#[test]
fn version_help_and_profiles() {
    let t = T::new();
    let plain = String::from_utf8(ok(&t.ms(&["version"], b""))).unwrap();
    assert!(plain.starts_with("mailseal "), "{plain}");
    let extended = String::from_utf8(ok(&t.ms(&["version", "--extended"], b""))).unwrap();
    assert_eq!(extended.lines().next(), plain.lines().next());
    let backend = ok(&t.ms(&["version", "--backend"], b""));
    assert_eq!(backend, b"sequoia-openpgp 2.4.2\n");
    let spec = String::from_utf8(ok(&t.ms(&["version", "--sop-spec"], b""))).unwrap();
    assert_eq!(
        spec.lines().next(),
        Some("draft-dkg-openpgp-stateless-cli-04")
    );

    let help = String::from_utf8(ok(&t.ms(&["--help"], b""))).unwrap();
    for needle in [
        "draft-dkg-openpgp-stateless-cli-04",
        "NO_SIGNATURE",
        "not mailseal's",
        "@FD:N",
    ] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
    let profiles = String::from_utf8(ok(&t.ms(&["list-profiles", "generate-key"], b""))).unwrap();
    assert!(profiles.starts_with("default: ") && profiles.contains("\nrfc9580: "));
    let profiles = String::from_utf8(ok(&t.ms(&["list-profiles", "encrypt"], b""))).unwrap();
    assert!(profiles.contains("rfc4880: "));
}

#[test]
fn generate_key_and_extract_cert_agree_with_sqop() {
    let t = T::new();
    // sqop's key: our extract-cert equals sqop's, byte for byte.
    let (sq_key, _) = t.sq_key("alice");
    let key = t.read(&sq_key);
    let ours = ok(&t.ms(&["extract-cert"], &key));
    let theirs = ok(&t.sq(&["extract-cert"], &key));
    assert_eq!(ours, theirs, "armored certificates differ");
    let ours_bin = ok(&t.ms(&["extract-cert", "--no-armor"], &key));
    assert_eq!(ours_bin, ok(&t.sq(&["dearmor"], &theirs)));
    assert!(ours_bin[0] & 0x80 != 0, "binary output");

    // Our key: sqop's extract-cert equals ours.
    let (ms_key, ms_cert) = t.ms_key("bob", &[]);
    let theirs = ok(&t.sq(&["extract-cert"], &t.read(&ms_key)));
    assert_eq!(
        ok(&t.sq(&["dearmor"], &theirs)),
        ok(&t.ms(&["dearmor"], &t.read(&ms_cert)))
    );
    let text = String::from_utf8(t.read(&ms_key)).unwrap();
    assert!(text.starts_with("-----BEGIN PGP PRIVATE KEY BLOCK-----"));
    assert!(text.contains("Comment: bob <bob@example.org>"));
    assert_eq!(key_version(&t.read(&ms_key)), 4);
}

#[test]
fn signing_only_keys_cannot_be_encrypted_to() {
    let t = T::new();
    let (key, cert) = t.ms_key("signer", &["--signing-only"]);
    assert_eq!(subkeys(&t.read(&cert)), 1);
    let (_, full) = t.ms_key("full", &[]);
    assert_eq!(subkeys(&t.read(&full)), 2);
    let sig = ok(&t.ms(&["sign", &key], b"data"));
    t.file("sig", &sig);
    ok(&t.ms(&["verify", "sig", &cert], b"data"));
    fails(&t.ms(&["encrypt", &cert], b"data"), 17);
}

#[test]
fn sign_and_verify_both_ways() {
    let t = T::new();
    let (ms_key, ms_cert) = t.ms_key("alice", &[]);
    let (sq_key, sq_cert) = t.sq_key("bob");
    let data = b"Hello, world.\n";
    for mode in ["binary", "text"] {
        let as_ = format!("--as={mode}");
        // Ours, checked by sqop and by us.
        let sig = ok(&t.ms(&["sign", &as_, "--micalg-out=micalg", &ms_key], data));
        assert!(sig.starts_with(b"-----BEGIN PGP SIGNATURE-----\n"));
        assert_eq!(t.read("micalg"), b"pgp-sha512");
        std::fs::remove_file(t.path("micalg")).unwrap();
        t.file("ms.sig", &sig);
        let line = one_line(&ok(&t.sq(&["verify", "ms.sig", &ms_cert], data)));
        check_line(&line, &t.read(&ms_cert), None);
        let line = one_line(&ok(&t.ms(&["verify", "ms.sig", &ms_cert], data)));
        check_line(&line, &t.read(&ms_cert), Some(&format!("mode:{mode}")));
        // sqop's, checked by us.
        let sig = ok(&t.sq(&["sign", &as_, &sq_key], data));
        t.file("sq.sig", &sig);
        let line = one_line(&ok(&t.ms(&["verify", "sq.sig", &sq_cert], data)));
        check_line(&line, &t.read(&sq_cert), Some(&format!("mode:{mode}")));
        // Against the wrong certificate or data: no signature.
        fails(&t.ms(&["verify", "sq.sig", &ms_cert], data), 3);
        fails(
            &t.ms(&["verify", "sq.sig", &sq_cert], b"Hello, world!\n"),
            3,
        );
    }
}

#[test]
fn text_signatures_canonicalise_line_endings() {
    let t = T::new();
    let (key, cert) = t.ms_key("alice", &[]);
    let sig = ok(&t.ms(&["sign", "--as=text", &key], b"one\ntwo\n"));
    t.file("text.sig", &sig);
    ok(&t.ms(&["verify", "text.sig", &cert], b"one\r\ntwo\r\n"));
    ok(&t.sq(&["verify", "text.sig", &cert], b"one\r\ntwo\r\n"));
    let sig = ok(&t.ms(&["sign", &key], b"one\ntwo\n"));
    t.file("binary.sig", &sig);
    fails(
        &t.ms(&["verify", "binary.sig", &cert], b"one\r\ntwo\r\n"),
        3,
    );
    fails(
        &t.ms(&["sign", "--as=text", &key], b"\xff\xfe not UTF-8"),
        53,
    );
}

#[test]
fn verify_honours_not_before_and_not_after() {
    let t = T::new();
    let (key, cert) = t.sq_key("alice");
    let sig = ok(&t.sq(&["sign", &key], b"data"));
    t.file("sig", &sig);
    let verify = |window: &[&str]| {
        let mut args = vec!["verify"];
        args.extend_from_slice(window);
        args.extend_from_slice(&["sig", &cert]);
        t.ms(&args, b"data")
    };
    ok(&verify(&["--not-before=2000-01-01T00:00:00Z"]));
    ok(&verify(&["--not-before=20000101T000000Z", "--not-after=-"]));
    ok(&verify(&["--not-before=-", "--not-after=now"]));
    fails(&verify(&["--not-after=2000-01-01T00:00:00Z"]), 3);
    fails(
        &verify(&["--not-before=2999-01-01T00:00:00Z", "--not-after=-"]),
        3,
    );
}

#[test]
fn inline_sign_and_verify_both_ways() {
    let t = T::new();
    let (ms_key, ms_cert) = t.ms_key("alice", &[]);
    let (sq_key, sq_cert) = t.sq_key("bob");
    let data = b"line one\nline two\n- a dash\n";
    for mode in ["binary", "text", "clearsigned"] {
        let as_ = format!("--as={mode}");
        let signed = ok(&t.ms(&["inline-sign", &as_, &ms_key], data));
        let ver = format!("sq-{mode}.ver");
        let content = ok(&t.sq(
            &[
                "inline-verify",
                &format!("--verifications-out={ver}"),
                &ms_cert,
            ],
            &signed,
        ));
        same_content(mode, &content, data);
        check_line(&one_line(&t.read(&ver)), &t.read(&ms_cert), None);

        let signed = ok(&t.sq(&["inline-sign", &as_, &sq_key], data));
        let ver = format!("ms-{mode}.ver");
        let content = ok(&t.ms(
            &[
                "inline-verify",
                &format!("--verifications-out={ver}"),
                &sq_cert,
            ],
            &signed,
        ));
        same_content(mode, &content, data);
        let expected_mode = if mode == "binary" {
            "mode:binary"
        } else {
            "mode:text"
        };
        check_line(
            &one_line(&t.read(&ver)),
            &t.read(&sq_cert),
            Some(expected_mode),
        );
        fails(&t.ms(&["inline-verify", &ms_cert], &signed), 3);

        // inline-detach of sqop's message: both tools verify the parts.
        let sigs = format!("detached-{mode}.sig");
        let content = ok(&t.ms(
            &["inline-detach", &format!("--signatures-out={sigs}")],
            &signed,
        ));
        ok(&t.sq(&["verify", &sigs, &sq_cert], &content));
        ok(&t.ms(&["verify", &sigs, &sq_cert], &content));
    }
    fails(
        &t.ms(
            &["inline-sign", "--as=clearsigned", "--no-armor", &ms_key],
            data,
        ),
        83,
    );
}

/// The cleartext framework drops trailing whitespace and, per RFC 9580
/// section 7, the last line ending; sqop 0.27 adds one back on output.
fn same_content(mode: &str, got: &[u8], sent: &[u8]) {
    if mode == "clearsigned" {
        let trim = |b: &[u8]| {
            String::from_utf8(b.to_vec())
                .unwrap()
                .trim_end()
                .to_string()
        };
        assert_eq!(trim(got), trim(sent));
    } else {
        assert_eq!(got, sent);
    }
}

#[test]
fn armor_and_dearmor_match_sqop() {
    let t = T::new();
    let (key, cert) = t.sq_key("alice");
    let sig = ok(&t.sq(&["sign", &key], b"data"));
    let msg = ok(&t.sq(&["encrypt", &cert], b"data"));
    for armored in [t.read(&key), t.read(&cert), sig, msg] {
        let binary = ok(&t.ms(&["dearmor"], &armored));
        assert_eq!(binary, ok(&t.sq(&["dearmor"], &armored)));
        let ours = ok(&t.ms(&["armor"], &binary));
        assert_eq!(
            ours,
            ok(&t.sq(&["armor"], &binary)),
            "armor differs from sqop's"
        );
        assert_eq!(ok(&t.ms(&["armor"], &ours)), ours, "armor is idempotent");
        assert_eq!(
            ok(&t.ms(&["dearmor"], &binary)),
            binary,
            "binary passes dearmor"
        );
    }
    let binary = ok(&t.ms(&["dearmor"], &t.read(&cert)));
    let labelled = ok(&t.ms(&["armor", "--label=sig"], &binary));
    assert!(labelled.starts_with(b"-----BEGIN PGP SIGNATURE-----\n"));
}

#[test]
fn protected_keys_both_ways() {
    let t = T::new();
    t.file("pw", b"sesame\n");
    let (key, cert) = t.ms_key("alice", &["--with-key-password=pw"]);
    fails(&t.ms(&["sign", &key], b"data"), 67);
    fails(&t.sq(&["sign", &key], b"data"), 67);
    t.file("wrong", b"open barley");
    fails(
        &t.ms(&["sign", "--with-key-password=wrong", &key], b"data"),
        67,
    );
    let sig = ok(&t.ms(
        &[
            "sign",
            "--with-key-password=wrong",
            "--with-key-password=pw",
            &key,
        ],
        b"data",
    ));
    t.file("ms.sig", &sig);
    ok(&t.sq(&["verify", "ms.sig", &cert], b"data"));
    // sqop unlocks our key with the same password file.
    let sig = ok(&t.sq(&["sign", "--with-key-password=pw", &key], b"data"));
    t.file("sq.sig", &sig);
    ok(&t.ms(&["verify", "sq.sig", &cert], b"data"));

    // Decryption with the locked key.
    let msg = ok(&t.ms(&["encrypt", &cert], b"data"));
    fails(&t.ms(&["decrypt", &key], &msg), 67);
    assert_eq!(
        ok(&t.ms(&["decrypt", "--with-key-password=pw", &key], &msg)),
        b"data"
    );

    // A key sqop protected, unlocked by us.
    let sq_key = ok(&t.sq(&["generate-key", "--with-key-password=pw", "bob"], b""));
    t.file("sq.key", &sq_key);
    fails(&t.ms(&["sign", "sq.key"], b"data"), 67);
    ok(&t.ms(&["sign", "--with-key-password=pw", "sq.key"], b"data"));
}

#[test]
fn special_designators() {
    let t = T::new();
    t.file("pw", b"sesame");
    // @ENV: and @FD: for inputs (passwords, keys, signatures) and @FD:
    // for an output; mailseal made every key and signature here.
    let out = t.sh("set -e
         SOP_PW=sesame \"$MS\" sop generate-key --with-key-password=@ENV:SOP_PW alice > k.key
         \"$MS\" sop extract-cert < k.key > k.cert
         SOP_PW=sesame \"$MS\" sop sign --with-key-password=@ENV:SOP_PW k.key < pw > env.sig
         \"$MS\" sop sign --with-key-password=@FD:5 @FD:6 < pw 5<pw 6<k.key > fd.sig
         \"$MS\" sop verify @FD:6 @FD:7 < pw 6<fd.sig 7<k.cert > fd.ver
         \"$MS\" sop encrypt --session-key-out=@FD:3 k.cert < pw 3>fd.sk > /dev/null");
    ok(&out);
    ok(&t.ms(&["verify", "env.sig", "k.cert"], b"sesame"));
    check_line(
        &one_line(&t.read("fd.ver")),
        &t.read("k.cert"),
        Some("mode:binary"),
    );
    assert!(t.read("fd.sk").starts_with(b"9:"));
}

fn subkeys(cert: &[u8]) -> usize {
    use sequoia_openpgp::parse::Parse;
    sequoia_openpgp::Cert::from_bytes(cert)
        .unwrap()
        .keys()
        .subkeys()
        .count()
}
