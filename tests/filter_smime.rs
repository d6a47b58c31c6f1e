//! `mailseal filter smime`: neomutt's and mutt's classic S/MIME backend
//! (issue 14). Every operation is driven as neomutt drives it: the part
//! and the signature in files (%f, %s), the key and certificate files
//! from the directories mailseal writes (%k, %c), the passphrase on
//! standard input, and the verdict read from the first line of standard
//! error and the exit status.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

/// A part as neomutt writes it for verification (CRLF line ends).
const PART: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Bob,\r\nthe meeting is at noon.\r\n";

/// The same part as neomutt writes it for signing and encryption (LF).
const PART_LF: &[u8] = b"Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\nHello Bob,\nthe meeting is at noon.\n";

/// alice and bob under one CA, each with a keyring of their own that
/// holds their key, the other's certificate and the CA as an anchor.
struct Pair {
    pki: Pki,
    alice: User,
    bob: User,
    /// alice's keyring.
    a: Env,
    /// bob's keyring.
    b: Env,
}

fn pair(ca: &str) -> Pair {
    let pki = Pki::new(ca);
    let alice = pki.user("alice@example.org", CertOpts::default());
    let bob = pki.user("bob@example.org", CertOpts::default());
    let a = Env::new();
    a.import(&alice.p12);
    a.import(&bob.cert);
    a.anchor(&pki.ca());
    let b = Env::new();
    b.import(&bob.p12);
    b.import(&alice.cert);
    b.anchor(&pki.ca());
    Pair {
        pki,
        alice,
        bob,
        a,
        b,
    }
}

/// mailseal as a mail client runs it: the keyring and the fixed time, no
/// passphrase option (neomutt writes the passphrase to standard input).
fn client(env: &Env, args: &[&str], stdin: &[u8]) -> Output {
    client_at(env, AT, args, stdin)
}

/// [`client`] at another time.
fn client_at(env: &Env, at: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailseal"));
    cmd.arg("--keyring").arg(env.keyring()).args(["--at", at]);
    cmd.args(["filter", "smime"]).args(args);
    run_with_stdin(&mut cmd, stdin)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The passphrase line neomutt writes.
fn pass_line() -> Vec<u8> {
    format!("{PASS}\n").into_bytes()
}

fn first_line(out: &Output) -> String {
    text(&out.stderr)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Verification as neomutt runs it: the exit status, the first line of
/// standard error (neomutt's "good" test) and the whole of it.
fn verify(env: &Env, sig: &Path, content: Option<&Path>) -> (i32, String, String, Vec<u8>) {
    let mut args = vec!["verify", "--sig", s(sig)];
    if let Some(c) = content {
        args.extend(["--content", s(c)]);
    }
    let out = client(env, &args, b"");
    (
        out.status.code().unwrap_or(-1),
        first_line(&out),
        text(&out.stderr),
        out.stdout,
    )
}

/// `openssl cms -sign` as the user, detached, DER.
fn openssl_sign(user: &User, part: &Path, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["-binary", "-outform", "DER"];
    args.extend_from_slice(extra);
    user.cms_sign(part, &args)
}

/// What neomutt runs to sign with openssl's stock line.
fn openssl_smime_sign(user: &User, part: &Path) -> Vec<u8> {
    run_ok(Command::new("openssl").args([
        "smime",
        "-sign",
        "-md",
        "sha256",
        "-signer",
        s(&user.cert),
        "-inkey",
        s(&user.key),
        "-in",
        s(part),
        "-outform",
        "DER",
    ]))
    .stdout
}

/// The store's directories: (keys, certificates).
fn store(env: &Env) -> (PathBuf, PathBuf) {
    let root = env.keyring().join("mutt-smime");
    (root.join("keys"), root.join("certificates"))
}

/// `filter smime sync`; returns its output (muttrc lines).
fn sync(env: &Env) -> String {
    let out = client(env, &["sync"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The `.index` lines of a store directory for an address.
fn index_lines(dir: &Path, email: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join(".index"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.split(' ').next() == Some(email))
        .map(str::to_string)
        .collect()
}

/// The ID neomutt uses for the certificate (second field of its line).
fn id_of(dir: &Path, email: &str) -> String {
    let lines = index_lines(dir, email);
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines[0].split(' ').nth(1).unwrap().to_string()
}

/// A multipart/signed message from `from` over [`PART`], as neomutt
/// copies it for its sender check (get-signer-cert).
fn signed_message(from: &str, sig: &[u8]) -> Vec<u8> {
    [
        format!("From: {from}\r\nTo: bob@example.org\r\nSubject: hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b1\"\r\n\r\n--b1\r\n").as_bytes(),
        PART,
        b"\r\n--b1\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        &mailseal::mime::base64_encode_lines(sig),
        b"\r\n--b1--\r\n",
    ]
    .concat()
}

/// An opaque signed message (application/pkcs7-mime) from `from`.
fn opaque_message(from: &str, der: &[u8]) -> Vec<u8> {
    [
        format!("From: {from}\r\nTo: bob@example.org\r\nSubject: hi\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n").as_bytes(),
        &mailseal::mime::base64_encode_lines(der),
        b"\r\n",
    ]
    .concat()
}

// ---------------------------------------------------------------- verify

#[test]
fn verify_good_trusted_signature_says_verification_successful() {
    let p = pair("Verify CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(d, "sig.der", &openssl_sign(&p.alice, &part, &[]));
    let (code, first, all, stdout) = verify(&p.b, &sig, Some(&part));
    assert_eq!(code, 0, "{all}");
    assert_eq!(first, "Verification successful");
    assert!(all.contains("alice@example.org"), "{all}");
    assert!(
        all.contains("trusted: certificate chain to anchor"),
        "{all}"
    );
    // neomutt closes standard output for a detached signature.
    assert!(stdout.is_empty());
}

#[test]
fn verify_reads_openssl_smime_signatures_over_lf_parts() {
    // neomutt's stock sign line: openssl smime -sign over the LF part;
    // neomutt verifies it later over the part with CRLF.
    let p = pair("Smime CA");
    let d = p.b.dir.path();
    let part_lf = write(d, "part-lf", PART_LF);
    let part = write(d, "part", PART);
    let sig = write(d, "sig.der", &openssl_smime_sign(&p.alice, &part_lf));
    let (code, first, all, _) = verify(&p.b, &sig, Some(&part));
    assert_eq!(
        (code, first.as_str()),
        (0, "Verification successful"),
        "{all}"
    );
    // The LF part as given reads the same.
    let (code, first, all, _) = verify(&p.b, &sig, Some(&part_lf));
    assert_eq!(
        (code, first.as_str()),
        (0, "Verification successful"),
        "{all}"
    );
}

#[test]
fn fail_verify_untrusted_signer_is_no_success_and_names_the_signer() {
    let p = pair("Known CA");
    let other = Pki::new("Nobody Anchors This CA");
    let carol = other.user("carol@example.net", CertOpts::default());
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(d, "sig.der", &openssl_sign(&carol, &part, &[]));
    let (code, first, all, _) = verify(&p.b, &sig, Some(&part));
    assert_eq!(code, 3, "{all}");
    assert_eq!(first, "Verification failure");
    assert!(
        !all.to_lowercase().contains("verification successful"),
        "{all}"
    );
    assert!(all.contains("carol@example.net"), "{all}");
    assert!(all.contains("NOT trusted"), "{all}");
}

#[test]
fn fail_verify_changed_part_is_bad() {
    let p = pair("Bad CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(d, "sig.der", &openssl_sign(&p.alice, &part, &[]));
    let changed = write(d, "changed", &replace_once(PART, b"noon", b"dusk"));
    let (code, first, all, stdout) = verify(&p.b, &sig, Some(&changed));
    assert_eq!(code, 1, "{all}");
    assert_eq!(first, "Verification failure");
    assert!(all.contains("BAD signature"), "{all}");
    assert!(all.contains("alice@example.org"), "{all}");
    assert!(stdout.is_empty());
}

#[test]
fn fail_verify_sha1_signature_is_weak_not_good() {
    let p = pair("Weak CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(
        d,
        "sig.der",
        &openssl_sign(&p.alice, &part, &["-md", "sha1"]),
    );
    let (code, first, all, _) = verify(&p.b, &sig, Some(&part));
    assert_eq!(code, 3, "{all}");
    assert_eq!(first, "Verification failure");
    assert!(all.contains("weak digest"), "{all}");
    assert!(all.contains("alice@example.org"), "{all}");
}

#[test]
fn verify_opaque_signature_prints_the_content_and_the_verdict() {
    let p = pair("Opaque CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = openssl_sign(&p.alice, &part, &["-nodetach"]);
    let sig_f = write(d, "opaque.der", &sig);
    let (code, first, all, stdout) = verify(&p.b, &sig_f, None);
    assert_eq!(
        (code, first.as_str()),
        (0, "Verification successful"),
        "{all}"
    );
    assert_eq!(stdout, PART);

    // The content changed inside the signature: bad, and nothing shown.
    let tampered = write(d, "tampered.der", &replace_once(&sig, b"noon", b"dusk"));
    let (code, first, all, stdout) = verify(&p.b, &tampered, None);
    assert_eq!((code, first.as_str()), (1, "Verification failure"), "{all}");
    assert!(stdout.is_empty(), "bad content was shown");
}

#[test]
fn fail_verify_garbage_is_an_error_not_success() {
    let p = pair("Garbage CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(d, "sig.der", b"\x30\x03\x02\x01\x00");
    let (code, first, all, stdout) = verify(&p.b, &sig, Some(&part));
    assert_eq!(code, 2, "{all}");
    assert!(!first.eq_ignore_ascii_case("verification successful"));
    assert!(stdout.is_empty());
}

// ------------------------------------------------------------------ sign

/// A signature made through the filter is read by neomutt or mutt, which
/// never hand `authEnveloped-data` (AES-GCM) to a decrypt command: it
/// announces AES-CBC only, so a correspondent's mailseal that learns it
/// replies with EnvelopedData the client can open. A signature made by
/// `mailseal sign` announces AES-GCM.
#[test]
fn filter_signatures_announce_what_the_mail_client_reads() {
    let p = pair("Announce CA");
    let d = p.a.dir.path();
    let part = write(d, "part", PART_LF);
    let out = client(&p.a, &["sign", s(&part)], &pass_line());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sig = write(d, "sig.der", &out.stdout);
    let printed = Command::new("openssl")
        .args(["cms", "-cmsout", "-print", "-inform", "DER", "-in", s(&sig)])
        .output()
        .unwrap();
    let printed = text(&printed.stdout);
    assert!(printed.contains("aes-256-cbc"), "{printed}");
    assert!(!printed.contains("gcm"), "{printed}");

    // bob verifies it as neomutt does, which keeps what alice announced.
    let sig_b = write(p.b.dir.path(), "sig.der", &out.stdout);
    let part_b = write(p.b.dir.path(), "part", PART);
    let (code, _, all, _) = verify(&p.b, &sig_b, Some(&part_b));
    assert_eq!(code, 0, "{all}");
    let reply = message("bob@example.org", "alice@example.org", "re", "a reply");
    let out = p.b.run(
        &["-v", "encrypt", "--smime", "-r", "alice@example.org"],
        &reply,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(contains(&out.stdout, b"smime-type=enveloped-data"));
    let report = text(&out.stderr);
    assert!(report.contains("AES-256-CBC (EnvelopedData"), "{report}");
    assert!(
        report.contains("did not announce AES-256-GCM in signed mail"),
        "{report}"
    );

    // Whole messages signed by mailseal (later: the newest announcement
    // counts) announce AES-GCM.
    let later = "2026-06-01T12:30:00Z";
    let hello = message("alice@example.org", "bob@example.org", "hi", "hello");
    let signed = p.a.expect(&["--at", later, "sign", "--smime"], &hello, 0);
    p.b.expect(&["--at", later, "verify"], &signed, 0);
    let out = p.b.run(
        &["-v", "encrypt", "--smime", "-r", "alice@example.org"],
        &reply,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(contains(&out.stdout, b"smime-type=authEnveloped-data"));
}

#[test]
fn sign_with_the_key_files_of_the_store_verifies_with_openssl() {
    let p = pair("Sign CA");
    sync(&p.a);
    let (keys, certs) = store(&p.a);
    let id = id_of(&keys, "alice@example.org");
    let d = p.a.dir.path();
    let part_lf = write(d, "part", PART_LF);
    let out = client(
        &p.a,
        &[
            "sign",
            "--digest",
            "sha256",
            "--key",
            s(&keys.join(&id)),
            "--cert",
            s(&certs.join(&id)),
            "--certfile",
            s(&certs.join(&id)),
            s(&part_lf),
        ],
        &pass_line(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", text(&out.stderr));
    let sig = write(d, "sig.der", &out.stdout);
    // openssl checks it over the part as it travels (CRLF).
    let part = write(d, "part-crlf", PART);
    let checked = Command::new("openssl")
        .args(["cms", "-verify", "-inform", "DER", "-in", s(&sig)])
        .args(["-content", s(&part), "-CAfile", s(&p.pki.ca())])
        .args(["-binary", "-purpose", "any", "-out", "/dev/null"])
        .args(["-attime", "1780315200"])
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    // And bob's mailseal says so as neomutt reads it.
    let sig_b = write(p.b.dir.path(), "sig.der", &out.stdout);
    let part_b = write(p.b.dir.path(), "part", PART);
    let (code, first, all, _) = verify(&p.b, &sig_b, Some(&part_b));
    assert_eq!(
        (code, first.as_str()),
        (0, "Verification successful"),
        "{all}"
    );
}

#[test]
fn fail_sign_with_a_wrong_passphrase_writes_nothing() {
    let p = pair("Wrong Pass CA");
    sync(&p.a);
    let (keys, _) = store(&p.a);
    let id = id_of(&keys, "alice@example.org");
    let part = write(p.a.dir.path(), "part", PART_LF);
    let out = client(
        &p.a,
        &["sign", "--key", s(&keys.join(&id)), s(&part)],
        b"not the passphrase\n",
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("wrong passphrase"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fail_sign_refuses_a_plain_private_key_file() {
    let p = pair("Plain Key CA");
    let part = write(p.a.dir.path(), "part", PART_LF);
    let out = client(
        &p.a,
        &[
            "sign",
            "--key",
            s(&p.alice.key),
            "--cert",
            s(&p.alice.cert),
            s(&part),
        ],
        &pass_line(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("holds a private key"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fail_sign_refuses_a_micalg_the_key_does_not_sign_with() {
    let p = pair("Micalg CA");
    let part = write(p.a.dir.path(), "part", PART_LF);
    let out = client(&p.a, &["sign", "--digest", "sha1", s(&part)], &pass_line());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("smime_sign_digest_alg=\"sha256\""),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn sign_nodetach_makes_opaque_signed_data() {
    let p = pair("Nodetach CA");
    let d = p.a.dir.path();
    let part = write(d, "part", PART_LF);
    let out = client(&p.a, &["sign", "--nodetach", s(&part)], &pass_line());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sig = write(d, "opaque.der", &out.stdout);
    let content = run_ok(
        Command::new("openssl")
            .args(["cms", "-verify", "-inform", "DER", "-in", s(&sig)])
            .args(["-CAfile", s(&p.pki.ca()), "-binary"]),
    );
    assert_eq!(content.stdout, PART);
}

// --------------------------------------------------------------- encrypt

/// `openssl cms -decrypt` of DER with a user's key.
fn openssl_decrypt(user: &User, der: &Path) -> Output {
    Command::new("openssl")
        .args(["cms", "-decrypt", "-inform", "DER", "-in", s(der)])
        .args(["-recip", s(&user.cert), "-inkey", s(&user.key)])
        .output()
        .unwrap()
}

#[test]
fn encrypt_to_the_store_certificate_decrypts_for_recipient_and_sender() {
    let p = pair("Encrypt CA");
    // bob's mailseal announces AES-GCM in his signed mail, which alice's
    // verified: neomutt's aes256 is then AES-256-GCM for him.
    let hello = message("bob@example.org", "alice@example.org", "caps", "hello");
    let signed = p.b.expect(&["sign", "--smime"], &hello, 0);
    p.a.expect(&["verify"], &signed, 0);
    sync(&p.a);
    let (_, certs) = store(&p.a);
    let bob_id = id_of(&certs, "bob@example.org");
    let d = p.a.dir.path();
    let part = write(d, "part", PART_LF);
    let out = client(
        &p.a,
        &[
            "encrypt",
            "--cipher",
            "aes256",
            "--in",
            s(&part),
            s(&certs.join(&bob_id)),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", text(&out.stderr));
    let der = write(d, "enc.der", &out.stdout);
    for user in [&p.bob, &p.alice] {
        let clear = openssl_decrypt(user, &der);
        assert!(clear.status.success(), "{}", text(&clear.stderr));
        assert_eq!(clear.stdout, PART, "for {}", user.email);
    }
    // AuthEnvelopedData: every recipient is known to read it.
    let parsed =
        run_ok(Command::new("openssl").args(["asn1parse", "-inform", "DER", "-in", s(&der)]));
    assert!(text(&parsed.stdout).contains("id-smime-ct-authEnvelopedData"));
    // bob's mailseal decrypts it as neomutt asks.
    let der_b = write(p.b.dir.path(), "enc.der", &out.stdout);
    let clear = client(&p.b, &["decrypt", s(&der_b)], &pass_line());
    assert_eq!(clear.status.code(), Some(0), "{}", text(&clear.stderr));
    assert_eq!(clear.stdout, PART);
    assert!(clear.stderr.is_empty(), "{}", text(&clear.stderr));
}

#[test]
fn encrypt_with_cbc_on_request_and_refuses_des() {
    let p = pair("Cipher CA");
    let d = p.a.dir.path();
    let part = write(d, "part", PART_LF);
    let out = client(
        &p.a,
        &[
            "encrypt",
            "--cipher",
            "aes256-cbc",
            "--in",
            s(&part),
            s(&p.bob.cert),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let der = write(d, "enc.der", &out.stdout);
    let clear = openssl_decrypt(&p.bob, &der);
    assert_eq!(clear.stdout, PART, "{}", text(&clear.stderr));
    let out = client(
        &p.a,
        &[
            "encrypt",
            "--cipher",
            "des3",
            "--in",
            s(&part),
            s(&p.bob.cert),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn fail_encrypt_to_a_certificate_outside_the_keyring_names_it() {
    let p = pair("Outside CA");
    let carol = p.pki.user("carol@example.org", CertOpts::default());
    let part = write(p.a.dir.path(), "part", PART_LF);
    let out = client(
        &p.a,
        &["encrypt", "--in", s(&part), s(&p.bob.cert), s(&carol.cert)],
        b"",
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "something was encrypted");
    assert!(err.contains("carol@example.org"), "{err}");
    assert!(err.contains("not in the mailseal keyring"), "{err}");
}

#[test]
fn fail_encrypt_to_an_untrusted_certificate_is_refused() {
    let p = pair("Trusted CA");
    let other = Pki::new("Unanchored CA");
    let mallory = other.user("mallory@example.net", CertOpts::default());
    p.a.import(&mallory.cert);
    let part = write(p.a.dir.path(), "part", PART_LF);
    let out = client(&p.a, &["encrypt", "--in", s(&part), s(&mallory.cert)], b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        err.contains("mallory@example.net") && err.contains("not trusted"),
        "{err}"
    );
}

#[test]
fn encrypt_sign_puts_a_signed_part_inside() {
    let p = pair("Encrypt Sign CA");
    let d = p.a.dir.path();
    let part = write(d, "part", PART_LF);
    let out = client(
        &p.a,
        &["encrypt", "--sign", "--in", s(&part), s(&p.bob.cert)],
        &pass_line(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let der = write(d, "enc.der", &out.stdout);
    let clear = openssl_decrypt(&p.bob, &der);
    assert!(
        contains(&clear.stdout, b"multipart/signed"),
        "{}",
        text(&clear.stderr)
    );
    let signed = write(d, "signed.eml", &clear.stdout);
    let checked = run_ok(
        Command::new("openssl")
            .args(["smime", "-verify", "-in", s(&signed)])
            .args(["-CAfile", s(&p.pki.ca())]),
    );
    assert!(contains(&checked.stdout, b"the meeting is at noon."));
}

// --------------------------------------------------------------- decrypt

/// `openssl cms -encrypt` of `input` to bob, DER.
fn openssl_encrypt(p: &Pair, input: &Path, cipher: &str) -> PathBuf {
    let out = run_ok(Command::new("openssl").args([
        "cms",
        "-encrypt",
        cipher,
        "-outform",
        "DER",
        "-in",
        s(input),
        s(&p.bob.cert),
    ]));
    write(p.b.dir.path(), &format!("enc{cipher}.der"), &out.stdout)
}

#[test]
fn decrypt_openssl_gcm_prints_the_entity() {
    let p = pair("Gcm CA");
    let part = write(p.b.dir.path(), "part", PART);
    let der = openssl_encrypt(&p, &part, "-aes-256-gcm");
    let out = client(&p.b, &["decrypt", s(&der)], &pass_line());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(out.stdout, PART);
    assert!(out.stderr.is_empty());
}

#[test]
fn fail_decrypt_unsigned_cbc_is_refused_unless_legacy() {
    let p = pair("Cbc CA");
    let part = write(p.b.dir.path(), "part", PART);
    let der = openssl_encrypt(&p, &part, "-aes256");
    let out = client(&p.b, &["decrypt", s(&der)], &pass_line());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        out.stdout.is_empty(),
        "unauthenticated plaintext was written"
    );
    assert!(text(&out.stderr).contains("without integrity protection"));

    let out = client(&p.b, &["decrypt", "--legacy-cbc", s(&der)], &pass_line());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(out.stdout, PART);
    assert!(text(&out.stderr).contains("may have been altered"));
}

#[test]
fn decrypt_cbc_with_a_trusted_signature_inside_is_accepted() {
    let p = pair("Signed Cbc CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let signed = write(d, "signed", &p.alice.cms_sign(&part, &[]));
    let der = openssl_encrypt(&p, &signed, "-aes256");
    let out = client(&p.b, &["decrypt", s(&der)], &pass_line());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(contains(&out.stdout, b"multipart/signed"));
    assert!(text(&out.stderr).contains("a trusted signature inside covers it"));
}

#[test]
fn fail_decrypt_tampered_gcm_writes_nothing() {
    let p = pair("Tamper CA");
    let part = write(p.b.dir.path(), "part", PART);
    let der = openssl_encrypt(&p, &part, "-aes-256-gcm");
    let mut bytes = std::fs::read(&der).unwrap();
    // A byte of the ciphertext, well after the recipient infos.
    let at = bytes.len() - 40;
    bytes[at] ^= 0x01;
    let tampered = write(p.b.dir.path(), "tampered.der", &bytes);
    let out = client(&p.b, &["decrypt", s(&tampered)], &pass_line());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        out.stdout.is_empty(),
        "plaintext of a changed message was written"
    );
}

#[test]
fn fail_decrypt_not_for_us_writes_nothing() {
    let p = pair("Other Recipient CA");
    let part = write(p.a.dir.path(), "part", PART);
    // Encrypted to bob only; alice's keyring has no key for it.
    let der = openssl_encrypt(&p, &part, "-aes-256-gcm");
    let out = client(&p.a, &["decrypt", s(&der)], &pass_line());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("not encrypted to any key"));
}

// ------------------------------------------------------------------ store

#[test]
fn sync_writes_the_directories_neomutt_reads_without_key_material() {
    let p = pair("Store CA");
    let settings = sync(&p.a);
    let (keys, certs) = store(&p.a);
    // One line per address: mailbox ID label issuer trust purpose.
    let alice = index_lines(&certs, "alice@example.org");
    assert_eq!(alice.len(), 1);
    let fields: Vec<&str> = alice[0].split(' ').collect();
    assert_eq!(fields.len(), 6, "{alice:?}");
    let id = fields[1];
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert_eq!(&fields[2..], ["alice", "?", "t", "es"]);
    let bob = index_lines(&certs, "bob@example.org");
    assert!(bob.len() == 1 && bob[0].ends_with(" bob ? t es"), "{bob:?}");
    // The user's own key is in the key directory under the same ID.
    assert_eq!(index_lines(&keys, "alice@example.org"), alice);
    assert!(index_lines(&keys, "bob@example.org").is_empty());
    // Files named by the IDs: a certificate, and a key reference.
    let cert = std::fs::read_to_string(certs.join(id)).unwrap();
    assert!(cert.starts_with("-----BEGIN CERTIFICATE-----"));
    let key = std::fs::read_to_string(keys.join(id)).unwrap();
    assert!(key.contains("holds no key material"), "{key}");
    // No private key anywhere in the store.
    for dir in [&keys, &certs] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(!contains(&data, b"PRIVATE KEY"));
        }
    }
    // The settings name both directories and the default key.
    assert!(settings.contains(&format!("set smime_keys=\"{}\"", keys.display())));
    assert!(settings.contains(&format!("set smime_certificates=\"{}\"", certs.display())));
    assert!(
        settings.contains(&format!("set smime_default_key=\"{id}\"")),
        "{settings}"
    );
}

#[test]
fn a_certificate_imported_into_mailseal_shows_up_in_the_store() {
    let p = pair("Import CA");
    sync(&p.a);
    let (_, certs) = store(&p.a);
    let carol = p.pki.user("carol@example.org", CertOpts::default());
    let other = Pki::new("Foreign CA");
    let dave = other.user("dave@example.net", CertOpts::default());
    // Plain keyring commands, no sync: the store follows.
    p.a.import(&carol.cert);
    p.a.import(&dave.cert);
    let carol_line = index_lines(&certs, "carol@example.org");
    assert!(
        carol_line.len() == 1 && carol_line[0].ends_with(" ? t es"),
        "{carol_line:?}"
    );
    let dave_line = index_lines(&certs, "dave@example.net");
    assert!(
        dave_line.len() == 1 && dave_line[0].ends_with(" ? u es"),
        "{dave_line:?}"
    );
    // Anchoring dave's CA makes him trusted there too.
    p.a.anchor(&other.ca());
    let dave_line = index_lines(&certs, "dave@example.net");
    assert!(dave_line[0].ends_with(" ? t es"), "{dave_line:?}");
    // And removing a certificate takes it out.
    p.a.expect(&["keyring", "remove", "carol@example.org"], b"", 0);
    assert!(index_lines(&certs, "carol@example.org").is_empty());
    let id = dave_line[0].split(' ').nth(1).unwrap();
    assert!(certs.join(id).is_file());
}

#[test]
fn neomutt_import_flow_adds_the_signer_certificate() {
    // pk7out on the message, get-cert on its output, import with the
    // label on standard input: then carol is in the store.
    let p = pair("Flow CA");
    let carol = p.pki.user("carol@example.org", CertOpts::default());
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = openssl_sign(&carol, &part, &[]);
    let msg = write(d, "msg.eml", &signed_message("carol@example.org", &sig));
    let pk7 = client(&p.b, &["pk7out", s(&msg)], b"");
    assert_eq!(pk7.status.code(), Some(0), "{}", text(&pk7.stderr));
    assert!(text(&pk7.stdout).starts_with("-----BEGIN PKCS7-----"));
    let pk7_f = write(d, "pk7", &pk7.stdout);
    let certs_out = client(&p.b, &["get-cert", s(&pk7_f)], b"");
    assert_eq!(
        certs_out.status.code(),
        Some(0),
        "{}",
        text(&certs_out.stderr)
    );
    assert!(text(&certs_out.stdout).contains("-----BEGIN CERTIFICATE-----"));
    let cert_f = write(d, "certs.pem", &certs_out.stdout);
    let email = client(&p.b, &["get-cert-email", s(&cert_f)], b"");
    assert_eq!(text(&email.stdout), "carol@example.org\n");
    let imported = client(&p.b, &["import", s(&cert_f)], b"carol's label\n");
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    assert!(text(&imported.stdout).contains("carol@example.org"));
    let (_, certs) = store(&p.b);
    assert_eq!(index_lines(&certs, "carol@example.org").len(), 1);
    // get-signer-cert writes the signer's certificate, and nothing to
    // standard output (neomutt leaves that on its screen).
    let signer = d.join("signer.pem");
    let out = client(
        &p.b,
        &["get-signer-cert", "--out", s(&signer), s(&msg)],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let email = client(&p.b, &["get-cert-email", s(&signer)], b"");
    assert_eq!(text(&email.stdout), "carol@example.org\n");
}

#[test]
fn fail_get_signer_cert_of_a_bad_signature_writes_nothing() {
    let p = pair("Signer CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = openssl_sign(&p.alice, &part, &["-nodetach"]);
    let tampered = replace_once(&sig, b"noon", b"dusk");
    let msg = write(
        d,
        "msg.eml",
        &opaque_message("alice@example.org", &tampered),
    );
    let signer = d.join("signer.pem");
    let out = client(
        &p.b,
        &["get-signer-cert", "--out", s(&signer), s(&msg)],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!signer.exists());
}

#[test]
fn the_store_follows_time_expired_certificates_are_marked() {
    // Written at the test time; a day after the certificates expired
    // (2028-01-01), any filter command rewrites the trust flags.
    let p = pair("Time CA");
    sync(&p.a);
    let (keys, certs) = store(&p.a);
    assert!(index_lines(&certs, "bob@example.org")[0].ends_with(" ? t es"));
    let out = client_at(
        &p.a,
        "2028-06-01T00:00:00Z",
        &["export", "bob@example.org"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("-----BEGIN CERTIFICATE-----"));
    let bob = index_lines(&certs, "bob@example.org");
    assert!(bob[0].ends_with(" ? e es"), "{bob:?}");
    let alice = index_lines(&keys, "alice@example.org");
    assert!(alice[0].ends_with(" ? e es"), "{alice:?}");
}

#[test]
fn get_signer_cert_writes_into_the_file_neomutt_holds_open() {
    // neomutt creates the file, keeps it open and reads the certificate
    // through that handle: the file must be written in place.
    use std::io::Read;
    let p = pair("Open File CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = openssl_sign(&p.alice, &part, &["-nodetach"]);
    let msg = write(d, "msg.eml", &opaque_message("alice@example.org", &sig));
    let out_path = write(d, "signer.pem", b"");
    let mut held = std::fs::File::open(&out_path).unwrap();
    let out = client(
        &p.b,
        &["get-signer-cert", "--out", s(&out_path), s(&msg)],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut seen = String::new();
    held.read_to_string(&mut seen).unwrap();
    assert!(seen.starts_with("-----BEGIN CERTIFICATE-----"), "{seen:?}");
}

#[test]
fn fail_decrypt_of_a_signature_is_nothing_to_decrypt() {
    let p = pair("Not Encrypted CA");
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = write(
        d,
        "opaque.der",
        &openssl_sign(&p.alice, &part, &["-nodetach"]),
    );
    let out = client(&p.b, &["decrypt", s(&sig)], &pass_line());
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("filter smime verify"));
}

#[test]
fn fail_get_signer_cert_of_a_signer_who_is_not_the_sender_writes_nothing() {
    // neomutt's sender check takes the signer's certificate from
    // get-signer-cert and accepts it when one of the addresses
    // get-cert-email prints starts with the From address: a certificate
    // for alice@example.org.evil.test would pass for alice@example.org.
    // Only a signer fully valid for the From address itself is written.
    let p = pair("Sender CA");
    let lookalike = p
        .pki
        .user("alice@example.org.evil.test", CertOpts::default());
    let d = p.b.dir.path();
    let part = write(d, "part", PART);
    let sig = openssl_sign(&lookalike, &part, &[]);
    let msg = write(d, "msg.eml", &signed_message("alice@example.org", &sig));
    // The signature itself is good and trusted for its own address.
    let sig_f = write(d, "sig.der", &sig);
    let (code, first, all, _) = verify(&p.b, &sig_f, Some(&part));
    assert_eq!(
        (code, first.as_str()),
        (0, "Verification successful"),
        "{all}"
    );
    let signer = d.join("signer.pem");
    let out = client(
        &p.b,
        &["get-signer-cert", "--out", s(&signer), s(&msg)],
        b"",
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(!signer.exists(), "the signer was written");
    assert!(out.stdout.is_empty());
    assert!(
        err.contains("alice@example.org.evil.test") && err.contains("not the sender"),
        "{err}"
    );
}
