//! Keys come with the mail (issue 17, item 1) and the S/MIME content
//! encryption follows RFC 8551 section 2.7 (issue 16, item 1): the
//! certificate of a signature that verifies is kept with what it
//! announces, and the cipher is AES-256-GCM only for recipients known to
//! read it. The peers are real: `openssl cms -sign` writes the signed
//! mail, `openssl cms -decrypt` and `openssl smime -decrypt` (what
//! neomutt's stock setup runs) read what mailseal writes. Each test failed
//! before the change it guards.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nSigned by a peer.\r\n";

/// A keyring that holds only the test CA as a trust anchor.
fn ca_only(pki: &Pki) -> Env {
    let env = Env::new();
    env.anchor(&pki.ca());
    env
}

/// What `openssl cms -sign` writes for `user` (detached, with its
/// certificate), as a message from the user.
fn openssl_signed(env: &Env, user: &User) -> Vec<u8> {
    let content = write(env.dir.path(), "content.txt", ENTITY);
    let mut msg = format!(
        "From: {}\r\nTo: me@example.org\r\nSubject: signed by openssl\r\n",
        user.email
    )
    .into_bytes();
    msg.extend_from_slice(&user.cms_sign(&content, &[]));
    msg
}

/// `openssl TOOL -decrypt` (cms or smime) of an encrypted message as
/// `user`.
fn openssl_decrypt(env: &Env, tool: &str, user: &User, encrypted: &[u8]) -> Output {
    let f = write(env.dir.path(), "encrypted.eml", encrypted);
    Command::new("openssl")
        .args([tool, "-decrypt", "-in", s(&f)])
        .args(["-recip", s(&user.cert), "-inkey", s(&user.key)])
        .output()
        .unwrap()
}

/// `mailseal --json encrypt ARGS`: the message and the cipher report
/// (the JSON object on standard error).
fn encrypt_json(env: &Env, args: &[&str], msg: &[u8]) -> (Vec<u8>, serde_json::Value) {
    let mut all = vec!["--json", "encrypt"];
    all.extend_from_slice(args);
    let out = env.run(&all, msg);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "encrypt {args:?}: {err}");
    let report = err
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v.get("cipher").is_some())
        .unwrap_or_else(|| panic!("no cipher report: {err}"));
    (out.stdout, report)
}

fn to(recipient: &str) -> Vec<u8> {
    message("me@example.org", recipient, "reply", "an encrypted reply")
}

fn table_rows(keyring: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(keyring.join("keyring.sqlite")).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn issue17_verify_keeps_the_openssl_signer_and_encrypt_replies_to_it() {
    let pki = Pki::new("Learn CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    let env = ca_only(&pki);
    let (v, code) = env.verdict(&openssl_signed(&env, &carol));
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "full", "{v}");

    // The reply, to the signer alone: openssl's signature announced no
    // AES-GCM, so it is AES-256-CBC, which both openssl tools read.
    let (enc, report) = encrypt_json(
        &env,
        &["--smime", "--no-self", "-r", &carol.email],
        &to(&carol.email),
    );
    assert!(
        contains(&enc, b"smime-type=enveloped-data"),
        "{}",
        text(&enc)
    );
    assert_eq!(report["cipher"], "aes256-cbc", "{report}");
    assert_eq!(report["chosen_by"], "capabilities", "{report}");
    assert_eq!(
        report["recipients"][0]["known_from"], "signed-mail",
        "{report}"
    );
    assert_eq!(
        report["recipients"][0]["reads_aes256_gcm"], false,
        "{report}"
    );
    for tool in ["cms", "smime"] {
        let out = openssl_decrypt(&env, tool, &carol, &enc);
        assert!(
            out.status.success(),
            "openssl {tool}: {}",
            text(&out.stderr)
        );
        assert!(
            contains(&out.stdout, b"an encrypted reply"),
            "openssl {tool}"
        );
    }

    // Where the certificate came from.
    let out = env.run(&["trust", "check", &carol.email], b"");
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("source: seen in signed mail from carol@example.org at 20"),
        "{said}"
    );
    assert!(said.contains("reads (signed mail of"), "{said}");
    assert!(said.contains("id-aes256-CBC"), "{said}");
}

#[test]
fn issue17_a_certificate_kept_from_mail_is_not_trusted_by_itself() {
    let pki = Pki::new("Unknown CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    // The keyring trusts another CA only.
    let env = ca_only(&Pki::new("Other CA"));
    let signed = openssl_signed(&env, &carol);
    // No anchor of carol's: good but not trusted, and the certificate is
    // kept.
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["signatures"][0]["status"], "good", "{v}");
    assert_eq!(table_rows(&env.keyring(), "x509_seen_in_mail"), 1);
    // Kept is not trusted: encrypting to it is refused, verify stays
    // untrusted, trust check says why and where it came from.
    let err = env.refused(
        &["encrypt", "--smime", "--no-self", "-r", &carol.email],
        &to(&carol.email),
        2,
    );
    assert!(err.contains("carol@example.org"), "{err}");
    let (v, code) = env.verdict(&signed);
    assert_eq!(
        (code, &v["signatures"][0]["trust"]["level"]),
        (3, &"none".into()),
        "{v}"
    );
    let out = env.run(&["--json", "trust", "check", &carol.email], b"");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let checked: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked["trust"]["level"], "none", "{checked}");
    let source = checked["source"].as_str().unwrap_or_default();
    assert!(
        source.starts_with("seen in signed mail from carol@example.org at "),
        "{checked}"
    );
}

#[test]
fn issue17_learning_is_turned_off_by_the_flag_or_mailseal_conf() {
    let pki = Pki::new("Learn CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    let env = ca_only(&pki);
    let signed = openssl_signed(&env, &carol);
    let keyring = env.keyring();
    let out = env.run(&["verify", "--no-learn"], &signed);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(table_rows(&keyring, "x509_certs"), 0, "nothing kept");
    std::fs::write(keyring.join("mailseal.conf"), "learn-from-mail no\n").unwrap();
    env.expect(&["verify"], &signed, 0);
    assert_eq!(table_rows(&keyring, "x509_certs"), 0, "nothing kept");
    std::fs::write(keyring.join("mailseal.conf"), "learn-from-mail yes\n").unwrap();
    let out = env.run(&["-v", "verify"], &signed);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr)
            .contains("kept from signed mail: 1 new certificate(s), 1 capability list(s)"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(table_rows(&keyring, "x509_certs"), 1);
}

/// A batch of 1,000 messages from three signers, each message carrying
/// its signer's certificate: three certificates kept, each noted once;
/// a second run over the same mail writes nothing.
#[test]
fn issue17_a_batch_of_1000_messages_keeps_each_signer_once() {
    let pki = Pki::new("Batch CA");
    let env = ca_only(&pki);
    let signers: Vec<User> = (0..3)
        .map(|i| pki.user(&format!("s{i}@example.org"), CertOpts::default()))
        .collect();
    let signed: Vec<Vec<u8>> = signers.iter().map(|u| openssl_signed(&env, u)).collect();
    let dir = env.path("mail");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..1000 {
        write(&dir, &format!("m{i:04}.eml"), &signed[i % 3]);
    }
    let keyring = env.keyring();
    let before = table_rows(&keyring, "x509_certs");
    let out = env.run(&["--json", "verify", s(&dir)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 1000);
    assert_eq!(table_rows(&keyring, "x509_certs"), before + 3);
    assert_eq!(table_rows(&keyring, "x509_seen_in_mail"), 3);
    assert_eq!(
        table_rows(&keyring, "x509_capabilities"),
        3,
        "one announcement per signer"
    );
    let db = std::fs::read(keyring.join("keyring.sqlite")).unwrap();
    env.expect(&["verify", s(&dir)], b"", 0);
    assert!(
        std::fs::read(keyring.join("keyring.sqlite")).unwrap() == db,
        "a second run over the same mail changed the keyring"
    );
    for u in &signers {
        let out = env.run(&["trust", "check", &u.email], b"");
        let said = text(&out.stdout);
        assert!(
            said.contains(&format!("seen in signed mail from {}", u.email)),
            "{said}"
        );
    }
}

/// A recipient whose certificate is all the keyring knows of (imported,
/// no capabilities) gets AES-256-CBC by default, which `openssl smime`
/// (neomutt's stock S/MIME setup) reads; asking for GCM gives GCM, which
/// `openssl cms` reads.
#[test]
fn issue16_unknown_capabilities_get_cbc_and_openssl_smime_reads_it() {
    let pki = Pki::new("Cipher CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    let env = ca_only(&pki);
    env.import(&carol.cert);
    let args = ["--smime", "--no-self", "-r", "carol@example.org"];
    let (enc, report) = encrypt_json(&env, &args, &to("carol@example.org"));
    assert_eq!(
        (&report["cipher"], &report["content_type"]),
        (&"aes256-cbc".into(), &"enveloped-data".into()),
        "{report}"
    );
    assert_eq!(report["recipients"][0]["known_from"], "unknown", "{report}");
    let reason = report["reason"].as_str().unwrap_or_default();
    assert!(
        reason.contains("carol@example.org: capabilities unknown"),
        "{report}"
    );
    let out = openssl_decrypt(&env, "smime", &carol, &enc);
    assert!(out.status.success(), "openssl smime: {}", text(&out.stderr));
    assert!(contains(&out.stdout, b"an encrypted reply"));

    // -v says the same in words.
    let out = env.run(
        &[
            "-v",
            "encrypt",
            "--smime",
            "--no-self",
            "-r",
            "carol@example.org",
        ],
        &to("carol@example.org"),
    );
    let said = text(&out.stderr);
    assert!(
        said.contains("S/MIME content encryption: AES-256-CBC"),
        "{said}"
    );
    assert!(
        said.contains("carol@example.org: capabilities unknown"),
        "{said}"
    );

    // --cipher overrides the choice, and mailseal.conf does unless
    // --cipher says otherwise.
    let mut gcm = args.to_vec();
    gcm.extend(["--cipher", "aes256-gcm"]);
    let (enc, report) = encrypt_json(&env, &gcm, &to("carol@example.org"));
    assert_eq!(
        (&report["cipher"], &report["chosen_by"]),
        (&"aes256-gcm".into(), &"--cipher".into()),
        "{report}"
    );
    let out = openssl_decrypt(&env, "cms", &carol, &enc);
    assert!(out.status.success(), "openssl cms: {}", text(&out.stderr));
    assert!(contains(&out.stdout, b"an encrypted reply"));
    std::fs::write(
        env.keyring().join("mailseal.conf"),
        "smime-cipher aes256-gcm\n",
    )
    .unwrap();
    let (_, report) = encrypt_json(&env, &args, &to("carol@example.org"));
    assert_eq!(
        report["chosen_by"], "smime-cipher in mailseal.conf",
        "{report}"
    );
    assert_eq!(report["cipher"], "aes256-gcm", "{report}");
    let mut auto = args.to_vec();
    auto.extend(["--cipher", "auto"]);
    let (_, report) = encrypt_json(&env, &auto, &to("carol@example.org"));
    assert_eq!(report["cipher"], "aes256-cbc", "{report}");
}

/// Mail between mailseal users: carol's signed mail announces AES-GCM,
/// so once it has verified, mail to her is AuthEnvelopedData; a newer
/// signature from a client that does not announce it turns that back to
/// CBC (the newest announcement wins).
#[test]
fn issue16_gcm_once_the_recipient_is_known_to_read_it_and_the_newest_announcement_wins() {
    let pki = Pki::new("Cipher CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    let env = ca_only(&pki);
    let carols = Env::new();
    carols.import(&carol.p12);
    let hello = message("carol@example.org", "me@example.org", "hello", "from carol");
    // Signed by carol's mailseal before openssl's signature (signed now).
    let signed = carols.expect(
        &["--at", "2026-06-01T11:30:00Z", "sign", "--smime"],
        &hello,
        0,
    );
    env.expect(&["--at", "2026-06-01T11:30:00Z", "verify"], &signed, 0);
    let args = ["--smime", "--no-self", "-r", "carol@example.org"];
    let (enc, report) = encrypt_json(&env, &args, &to("carol@example.org"));
    assert_eq!(report["cipher"], "aes256-gcm", "{report}");
    assert_eq!(
        report["recipients"][0]["known_from"], "signed-mail",
        "{report}"
    );
    assert!(contains(&enc, b"smime-type=authEnveloped-data"));
    let out = openssl_decrypt(&env, "cms", &carol, &enc);
    assert!(out.status.success(), "openssl cms: {}", text(&out.stderr));
    assert!(contains(&out.stdout, b"an encrypted reply"));
    // Carol reads it with mailseal too, and it is integrity-protected.
    let out = carols.run(&["--json", "decrypt"], &enc);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(contains(&out.stdout, b"an encrypted reply"));
    assert!(
        text(&out.stderr).contains("\"integrity_protected\":true"),
        "{}",
        text(&out.stderr)
    );

    // Then mail from openssl (signed later, announcing no GCM).
    env.expect(&["verify"], &openssl_signed(&env, &carol), 0);
    let (_, report) = encrypt_json(&env, &args, &to("carol@example.org"));
    assert_eq!(report["cipher"], "aes256-cbc", "{report}");
    let reason = report["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("their signed mail of 20"), "{report}");
}

/// A certificate made by `keyring generate` announces AES-GCM (RFC 4262):
/// mail to a new mailseal user is integrity-protected before any signed
/// mail from them was seen, and openssl shows the extension.
#[test]
fn issue16_generated_certificates_announce_gcm_and_mail_to_them_uses_it() {
    let bobs = Env::new();
    let out = bobs.run(
        &[
            "keyring",
            "generate",
            "--smime",
            "--email",
            "bob@example.org",
            "--name",
            "Bob",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let cert = bobs.expect(&["keyring", "export", "bob@example.org"], b"", 0);
    let cert_file = write(bobs.dir.path(), "bob.pem", &cert);
    let shown =
        run_ok(Command::new("openssl").args(["x509", "-noout", "-text", "-in", s(&cert_file)]));
    assert!(
        contains(&shown.stdout, b"S/MIME Capabilities"),
        "{}",
        text(&shown.stdout)
    );

    let env = Env::new();
    env.import(&cert_file);
    let listed = env.expect(&["--json", "keyring", "list", "bob@example.org"], b"", 0);
    let rows: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    let fingerprint = rows[0]["fingerprint"].as_str().unwrap().to_string();
    env.expect(
        &["trust", "pin", &fingerprint, "--email", "bob@example.org"],
        b"",
        0,
    );
    let args = ["--smime", "--no-self", "-r", "bob@example.org"];
    let (enc, report) = encrypt_json(&env, &args, &to("bob@example.org"));
    assert_eq!(report["cipher"], "aes256-gcm", "{report}");
    assert_eq!(
        report["recipients"][0]["known_from"], "certificate",
        "{report}"
    );
    let out = bobs.run(&["decrypt"], &enc);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(contains(&out.stdout, b"an encrypted reply"));
}

/// A keyring of schema 7 (the shipped example, as written before the
/// change) is upgraded by the next run, and reads as sound.
#[test]
fn issue16_a_schema_7_keyring_is_upgraded() {
    let env = Env::new();
    let keyring = env.path("alice");
    std::fs::create_dir(&keyring).unwrap();
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("keyring-examples/alice/keyring.sqlite");
    std::fs::copy(shipped, keyring.join("keyring.sqlite")).unwrap();
    let version = |k: &Path| -> i64 {
        rusqlite::Connection::open(k.join("keyring.sqlite"))
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&keyring), 7);
    let out = env.run_in(&keyring, &["keyring", "check"], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(version(&keyring) >= 8);
    assert_eq!(table_rows(&keyring, "x509_seen_in_mail"), 0);
}
