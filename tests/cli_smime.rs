//! End-to-end tests of the S/MIME commands through the real binary, in a
//! throwaway keyring, at a fixed time. Certificates come from `openssl ca`.

mod common;

use common::*;

fn world() -> World {
    common::world("Test CA")
}

fn alice_to_bob(subject: &str, body: &str) -> Vec<u8> {
    message(
        "Alice <alice@example.org>",
        "Bob <bob@example.org>",
        subject,
        body,
    )
}

#[test]
fn signed_message_verifies_as_trusted() {
    let w = world();
    let signed = w
        .env
        .expect(&["sign"], &alice_to_bob("hello", "Grüße aus Köln"), 0);
    assert!(contains(&signed, b"multipart/signed"));
    assert!(
        contains(&signed, b"Subject: hello\r\n"),
        "outer headers kept"
    );
    let (v, code) = w.env.verdict(&signed);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["verdict"], "trusted");
    assert_eq!(v["protocol"], "smime");
    assert_eq!(v["from"], "alice@example.org");
    let sig = &v["signatures"][0];
    assert_eq!(sig["status"], "good");
    assert_eq!(sig["sender_match"], true);
    assert_eq!(sig["covers"], "whole");
    assert_eq!(sig["trust"]["level"], "full");
    assert_eq!(sig["trust"]["basis"], "ca-chain");
    assert_eq!(sig["signer"]["emails"][0], "alice@example.org");
    assert_eq!(sig["signed_at"], AT);
}

#[test]
fn human_report_names_the_anchor() {
    let w = world();
    let signed = w.env.expect(&["sign"], &alice_to_bob("human", "hi"), 0);
    let out = w.env.expect(&["verify"], &signed, 0);
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Good signature from"), "{text}");
    assert!(text.contains("Test CA"), "names the anchor: {text}");
}

#[test]
fn opaque_signed_message_verifies_and_unwraps() {
    let w = world();
    let signed = w.env.expect(
        &["sign", "--opaque"],
        &alice_to_bob("opaque", "opaque body"),
        0,
    );
    assert!(contains(&signed, b"smime-type=signed-data"));
    let out = w.env.path("unwrapped.eml");
    w.env
        .expect(&["verify", "-o", out.to_str().unwrap()], &signed, 0);
    let unwrapped = std::fs::read(&out).unwrap();
    assert!(contains(&unwrapped, b"opaque body"));
    assert!(contains(&unwrapped, b"Subject: opaque"));
}

#[test]
fn signature_survives_lf_line_ends() {
    let w = world();
    let signed = w
        .env
        .expect(&["sign"], &alice_to_bob("lf", "line one\nline two"), 0);
    let lf: Vec<u8> = String::from_utf8(signed)
        .unwrap()
        .replace("\r\n", "\n")
        .into_bytes();
    let (v, code) = w.env.verdict(&lf);
    assert_eq!(code, 0, "{v}");
}

#[test]
fn fail_tampered_content_is_bad() {
    let w = world();
    let signed = w
        .env
        .expect(&["sign"], &alice_to_bob("tamper", "pay 100 EUR"), 0);
    let tampered = replace_once(&signed, b"pay 100 EUR", b"pay 900 EUR");
    let (v, code) = w.env.verdict(&tampered);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["verdict"], "bad");
    assert_eq!(v["signatures"][0]["status"], "bad");
}

#[test]
fn fail_signer_not_the_sender_is_untrusted() {
    let w = world();
    let msg = message(
        "Carol <carol@example.org>",
        "bob@example.org",
        "spoof",
        "I am carol",
    );
    let signed = w
        .env
        .expect(&["sign", "--signer", "alice@example.org"], &msg, 0);
    let (v, code) = w.env.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["sender_match"], false);
    assert_eq!(v["verdict"], "untrusted");
}

#[test]
fn fail_unknown_ca_is_untrusted() {
    let w = world();
    let signed = w.env.expect(&["sign"], &alice_to_bob("ca", "x"), 0);
    let other = Env::new();
    // An empty keyring directory: no anchor, no certificate.
    std::fs::create_dir(other.keyring()).unwrap();
    let (v, code) = other.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["status"], "good");
    assert_ne!(v["signatures"][0]["trust"]["level"], "full");
}

#[test]
fn fail_revoked_signer_is_bad() {
    let w = world();
    let signed = w.env.expect(&["sign"], &alice_to_bob("revoked", "x"), 0);
    let crl = w.pki.revoke(&w.alice);
    w.env.import(&crl);
    let (v, code) = w.env.verdict(&signed);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "revoked");
}

#[test]
fn encrypted_message_decrypts_for_each_recipient() {
    let w = world();
    let plain = alice_to_bob("secret", "the secret is 42");
    let enc = w.env.expect(&["encrypt"], &plain, 0);
    assert!(contains(&enc, b"application/pkcs7-mime"));
    assert!(contains(&enc, b"authEnveloped-data"));
    assert!(!contains(&enc, b"the secret is 42"));
    assert!(contains(&enc, b"Subject: secret"));
    let out = w.env.expect(&["decrypt"], &enc, 0);
    assert!(contains(&out, b"the secret is 42"));
    assert!(contains(&out, b"Subject: secret"));
    // bob alone (alice's key removed) can still read it.
    let bob_only = Env::new();
    bob_only.import(&w.bob.p12);
    let out = bob_only.expect(&["decrypt"], &enc, 0);
    assert!(contains(&out, b"the secret is 42"));
}

#[test]
fn sign_then_encrypt_reports_the_inner_signature() {
    let w = world();
    let enc = w.env.expect(
        &["encrypt", "--sign"],
        &alice_to_bob("both", "signed and sealed"),
        0,
    );
    let out = w.env.run(
        &[
            "--json",
            "decrypt",
            "-o",
            w.env.path("out.eml").to_str().unwrap(),
        ],
        &enc,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encrypted"], true);
    assert_eq!(v["integrity_protected"], true);
    assert_eq!(v["verdict"], "trusted");
    assert!(contains(
        &std::fs::read(w.env.path("out.eml")).unwrap(),
        b"signed and sealed"
    ));
}

#[test]
fn cbc_needs_a_signature_or_explicit_consent() {
    let w = world();
    let plain = alice_to_bob("cbc", "legacy");
    let enc = w
        .env
        .expect(&["encrypt", "--cipher", "aes256-cbc"], &plain, 0);
    assert!(contains(&enc, b"enveloped-data"));
    let out = w.env.path("cbc.eml");
    w.env
        .expect(&["decrypt", "-o", out.to_str().unwrap()], &enc, 1);
    assert!(
        !out.exists(),
        "no plaintext from unauthenticated ciphertext"
    );
    let clear = w.env.expect(&["decrypt", "--legacy-cbc"], &enc, 0);
    assert!(contains(&clear, b"legacy"));
    let signed_enc = w
        .env
        .expect(&["encrypt", "--sign", "--cipher", "aes256-cbc"], &plain, 0);
    w.env.expect(&["decrypt"], &signed_enc, 0);
}

#[test]
fn fail_message_not_for_us_leaves_no_output() {
    let w = world();
    let carol = w.pki.user("carol@example.org", CertOpts::default());
    let sender = Env::new();
    sender.import(&carol.cert);
    sender.anchor(&w.pki.ca());
    let msg = message(
        "x@example.org",
        "carol@example.org",
        "notforus",
        "for carol",
    );
    let enc = sender.expect(&["encrypt", "--no-self"], &msg, 0);
    let out = w.env.path("never.eml");
    let res = w.env.run(&["decrypt", "-o", out.to_str().unwrap()], &enc);
    assert_eq!(res.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&res.stderr).contains("not encrypted to any key"));
    assert!(!out.exists());
}

#[test]
fn fail_tampered_gcm_ciphertext_is_refused() {
    let w = world();
    let enc = w
        .env
        .expect(&["encrypt"], &alice_to_bob("gcm", "integrity"), 0);
    // Flip the last byte of the DER: the GCM authentication tag.
    let a = mailseal::mime::analyze(&enc).unwrap();
    let mailseal::mime::Body::Pkcs7Mime { mut der, .. } = a.root else {
        panic!("not pkcs7-mime")
    };
    *der.last_mut().unwrap() ^= 1;
    let bytes = mailseal::mime::build_pkcs7_mime(&a.headers, "authEnveloped-data", &der);
    let out = w.env.path("tampered.eml");
    let res = w.env.run(&["decrypt", "-o", out.to_str().unwrap()], &bytes);
    assert_eq!(
        res.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert!(!out.exists());
}

#[test]
fn fail_garbage_and_truncated_input_exit_2() {
    let w = world();
    let signed = w
        .env
        .expect(&["sign", "--opaque"], &alice_to_bob("trunc", "x"), 0);
    let garbage = b"Content-Type: application/pkcs7-mime; smime-type=signed-data\r\nContent-Transfer-Encoding: base64\r\n\r\nMIIB////\r\n";
    for input in [&signed[..signed.len() - 300], &garbage[..]] {
        let res = w.env.run(&["verify"], input);
        assert_eq!(
            res.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
        assert!(String::from_utf8_lossy(&res.stderr).starts_with("error: "));
    }
}

#[test]
fn unsigned_message_exits_4() {
    let w = world();
    let (v, code) = w.env.verdict(&alice_to_bob("plain", "nothing"));
    assert_eq!(code, 4);
    assert_eq!(v["verdict"], "unsigned");
    w.env
        .expect(&["decrypt"], &alice_to_bob("plain", "nothing"), 4);
}

#[test]
fn japanese_text_is_carried_byte_exact() {
    let w = world();
    // "日本語" in ISO-2022-JP: ESC $ B F| K\ 8l ESC ( B
    let jis: &[u8] = b"\x1b$BF|K\\8l\x1b(B";
    let mut msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: jis\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n".to_vec();
    msg.extend_from_slice(jis);
    msg.extend_from_slice(b"\r\n");
    let sjis: &[u8] = b"\x93\xfa\x96\x7b\x8c\xea"; // "日本語" in Shift_JIS (8-bit)
    let mut msg2 = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: sjis\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
    msg2.extend_from_slice(sjis);
    msg2.extend_from_slice(b"\r\n");
    for (m, raw) in [(msg, jis), (msg2, sjis)] {
        let signed = w.env.expect(&["sign"], &m, 0);
        assert!(signed.iter().all(|b| *b < 0x80), "signed output is 7-bit");
        w.env.expect(&["verify"], &signed, 0);
        let enc = w.env.expect(&["encrypt"], &m, 0);
        let dec = w.env.expect(&["decrypt"], &enc, 0);
        assert!(decoded_body_contains(&dec, raw), "charset bytes survive");
    }
}

/// Decodes a quoted-printable or plain body and looks for `raw`.
fn decoded_body_contains(msg: &[u8], raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(msg);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
    contains(msg, raw) || contains(&mailseal::mime::qp_decode(body.as_bytes()), raw)
}

#[test]
fn fail_no_passphrase_source_fails_at_once() {
    let w = world();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mailseal"));
    cmd.args([
        "--keyring",
        w.env.keyring().to_str().unwrap(),
        "--at",
        AT,
        "sign",
    ]);
    let started = std::time::Instant::now();
    let res = w.env.run_cmd(&mut cmd, &alice_to_bob("nopass", "x"));
    assert_eq!(res.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&res.stderr).contains("passphrase"));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn fail_missing_recipient_is_named_and_nothing_is_sent() {
    let w = world();
    let msg = message(
        "alice@example.org",
        "bob@example.org, zed@example.org",
        "missing",
        "x",
    );
    let res = w.env.run(&["encrypt"], &msg);
    assert_eq!(res.status.code(), Some(2));
    assert!(res.stdout.is_empty(), "no plaintext fallback");
    assert!(String::from_utf8_lossy(&res.stderr).contains("zed@example.org"));
}

#[test]
fn bcc_is_removed_from_the_encrypted_output() {
    let w = world();
    let msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nBcc: alice@example.org\r\nSubject: bcc\r\n\r\nhi\r\n";
    let enc = w.env.expect(&["encrypt"], msg, 0);
    assert!(!contains(&enc, b"Bcc:"));
}

#[test]
fn keyring_list_export_remove() {
    let w = world();
    let list = w.env.expect(&["--json", "keyring", "list"], b"", 0);
    let rows: serde_json::Value = serde_json::from_slice(&list).unwrap();
    let emails: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            r["emails"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap().to_string())
        })
        .collect();
    assert!(
        emails.contains(&"alice@example.org".into()) && emails.contains(&"bob@example.org".into())
    );
    let pem = w
        .env
        .expect(&["keyring", "export", "bob@example.org"], b"", 0);
    assert!(contains(&pem, b"-----BEGIN CERTIFICATE-----"));
    assert!(!contains(&pem, b"PRIVATE KEY"));
    let secret = w.env.expect(
        &["keyring", "export", "--secret", "bob@example.org"],
        b"",
        0,
    );
    assert!(contains(&secret, b"-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    // Bob's PKCS#12 brought his secret key: removing it needs --secret.
    w.env
        .expect(&["keyring", "remove", "bob@example.org"], b"", 2);
    w.env.expect(
        &["keyring", "remove", "--secret", "bob@example.org"],
        b"",
        0,
    );
    w.env
        .expect(&["keyring", "list", "bob@example.org"], b"", 2);
}

#[test]
fn generated_key_signs_and_its_csr_is_valid() {
    let env = Env::new();
    let csr = env.path("req.pem");
    env.expect(
        &[
            "keyring",
            "generate",
            "--smime",
            "--email",
            "gen@example.org",
            "--name",
            "Gen User",
            "--algorithm",
            "p256",
            "--csr",
            csr.to_str().unwrap(),
        ],
        b"",
        0,
    );
    run_ok(std::process::Command::new("openssl").args([
        "req",
        "-verify",
        "-noout",
        "-in",
        csr.to_str().unwrap(),
    ]));
    let msg = message("gen@example.org", "x@example.org", "gen", "self-signed");
    let signed = env.expect(&["sign"], &msg, 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!(v["signatures"][0]["status"], "good", "{v}");
    assert_eq!(
        code, 3,
        "a self-signed certificate is not trusted until anchored"
    );
}

#[test]
fn batch_verifies_maildir_and_mbox_and_never_stops() {
    let w = world();
    let md = w.env.path("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).unwrap();
    }
    let good = w.env.expect(&["sign"], &alice_to_bob("good", "fine"), 0);
    let bad = replace_once(&good, b"fine", b"FINE");
    std::fs::write(md.join("cur/1:2,S"), &good).unwrap();
    std::fs::write(md.join("new/2"), &bad).unwrap();
    std::fs::write(md.join("new/3"), alice_to_bob("plain", "unsigned")).unwrap();
    std::fs::write(md.join("new/4"), b"\x00\x01garbage without headers").unwrap();
    std::fs::write(md.join("tmp/5"), &bad).unwrap(); // still being delivered: skipped
    let mut mbox = b"From alice@example.org Mon Jun  1 12:00:00 2026\n".to_vec();
    mbox.extend(
        String::from_utf8(good.clone())
            .unwrap()
            .replace("\r\n", "\n")
            .into_bytes(),
    );
    mbox.extend(b"\nFrom bob@example.org Mon Jun  1 12:00:01 2026\nFrom: bob@example.org\nSubject: x\n\nplain\n");
    let mbox_path = w.env.path("box.mbox");
    std::fs::write(&mbox_path, &mbox).unwrap();

    let out = w.env.run(
        &[
            "--json",
            "verify",
            md.to_str().unwrap(),
            mbox_path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "worst code wins: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let by_path = |suffix: &str| {
        lines
            .iter()
            .find(|v| v["path"].as_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("{suffix} missing"))
    };
    assert_eq!(lines.len(), 6);
    assert_eq!(by_path("cur/1:2,S")["verdict"], "trusted");
    assert_eq!(by_path("new/2")["verdict"], "bad");
    assert_eq!(by_path("new/3")["verdict"], "unsigned");
    assert_eq!(by_path("box.mbox:1")["verdict"], "trusted");
    assert_eq!(by_path("box.mbox:2")["verdict"], "unsigned");
    assert!(String::from_utf8_lossy(&out.stderr).contains("6 messages"));
}

#[test]
fn cached_trust_is_dropped_when_a_crl_revokes_a_recipient() {
    let w = world();
    let users = w.users("u", 9);
    let mut args = vec!["encrypt", "--no-self"];
    for u in &users {
        args.extend(["-r", u.email.as_str()]);
    }
    let msg = alice_to_bob("many", "to nine");
    // The first run validates nine paths and caches them; the second uses the cache.
    w.env.expect(&args, &msg, 0);
    w.env.expect(&args, &msg, 0);
    let crl = w.pki.revoke(&users[3]);
    w.env.import(&crl);
    let out = w.env.run(&args, &msg);
    assert_eq!(out.status.code(), Some(2), "a revoked recipient is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("u3@example.org"));
    assert!(out.stdout.is_empty());
}

#[test]
fn passphrase_from_a_file_descriptor_and_wrong_passphrases() {
    let w = world();
    let msg = alice_to_bob("fd", "via fd");
    let pass = w.env.path("pass");
    // bash opens the passphrase file as fd 3 for the child.
    let script = format!(
        "exec {} --keyring {} --at {AT} --passphrase-fd 3 sign 3<{}",
        env!("CARGO_BIN_EXE_mailseal"),
        w.env.keyring().display(),
        pass.display()
    );
    let out = w.env.run_cmd(
        std::process::Command::new("bash").args(["-c", &script]),
        &msg,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(contains(&out.stdout, b"multipart/signed"));

    let wrong = w.env.path("wrong");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mailseal"));
    cmd.args([
        "--keyring",
        w.env.keyring().to_str().unwrap(),
        "--at",
        AT,
        "--passphrase-file",
        wrong.to_str().unwrap(),
        "sign",
    ]);
    let out = w.env.run_cmd(&mut cmd, &msg);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong passphrase"));
    assert!(out.stdout.is_empty());
}

/// Runs mailseal on a pseudo-terminal (util-linux `script`), typing `typed`.
fn on_terminal(keyring: &std::path::Path, args: &str, typed: &str) -> std::process::Output {
    let cmd = format!(
        "{} --keyring {} --at {AT} {args}",
        env!("CARGO_BIN_EXE_mailseal"),
        keyring.display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(typed.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn new_key_passphrase_is_asked_twice_on_a_terminal() {
    if !have("script") {
        eprintln!("note: util-linux script not found; skipping");
        return;
    }
    let env = Env::new();
    let generate = "keyring generate --smime --email tty@example.org --name Tty --algorithm p256";
    let out = on_terminal(&env.keyring(), generate, "one\ntwo\n");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("do not match"));
    let out = on_terminal(&env.keyring(), generate, "same\nsame\n");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The key opens with what was typed.
    std::fs::write(env.path("pass"), "same\n").unwrap();
    env.expect(
        &["sign"],
        &message("tty@example.org", "x@example.org", "tty", "typed"),
        0,
    );
}

#[test]
fn the_cms_content_type_decides_not_the_smime_type_label() {
    let w = world();
    let signed = w
        .env
        .expect(&["sign", "--opaque"], &alice_to_bob("label", "labelled"), 0);
    let mislabelled = replace_once(
        &signed,
        b"smime-type=signed-data",
        b"smime-type=enveloped-data",
    );
    let (v, code) = w.env.verdict(&mislabelled);
    assert_eq!((code, v["encrypted"].as_bool()), (0, Some(false)), "{v}");
    let enc = w
        .env
        .expect(&["encrypt"], &alice_to_bob("label", "sealed"), 0);
    let mislabelled = replace_once(
        &enc,
        b"smime-type=authEnveloped-data",
        b"smime-type=signed-data",
    );
    let (v, code) = w.env.verdict(&mislabelled);
    assert_eq!((code, v["encrypted"].as_bool()), (4, Some(true)), "{v}");
    assert!(contains(
        &w.env.expect(&["decrypt"], &mislabelled, 0),
        b"sealed"
    ));
}

#[test]
fn bcc_recipients_get_their_own_message_or_a_refusal() {
    let w = world();
    let plain = b"From: alice@example.org\r\nTo: alice@example.org\r\nBcc: bob@example.org\r\nSubject: blind\r\nContent-Type: text/plain\r\n\r\nFor alice, and bob in secret.\r\n";
    // One S/MIME message would show bob's certificate to every reader.
    let out = w.env.run(&["encrypt", "--smime"], plain);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot hide Bcc") && err.contains("bob@example.org"),
        "{err}"
    );

    let dir = w.env.path("out");
    std::fs::create_dir(&dir).unwrap();
    w.env.expect(
        &["encrypt", "--smime", "-o", dir.to_str().unwrap()],
        plain,
        0,
    );
    let main = std::fs::read(dir.join("message.eml")).unwrap();
    let bcc = std::fs::read(dir.join("bcc-1.eml")).unwrap();
    assert!(!contains(&main, b"Bcc:") && !contains(&bcc, b"Bcc:"));
    let bob_only = Env::new();
    bob_only.import(&w.bob.p12);
    // bob is not among the main message's recipients, but reads his own.
    bob_only.expect(&["decrypt"], &main, 1);
    let text = bob_only.expect(&["decrypt"], &bcc, 0);
    assert!(contains(&text, b"bob in secret"));
    // Naming the recipients with -r is the user's explicit choice.
    w.env
        .expect(&["encrypt", "--smime", "-r", "bob@example.org"], plain, 0);
}
