//! Fixtures and helpers shared by the attack classes: an S/MIME world
//! (a trusted CA with alice, bob and mallory, and eve under a CA nobody
//! trusts), OpenPGP keyrings, MIME surgery, and the two checks every case
//! ends in: the verdict of `verify`, and a refused `decrypt`.

use std::process::Command;

use serde_json::Value;

use crate::common::gpg::Gpg;
use crate::common::*;

/// What `mailseal --json verify` said about a message.
pub struct Checked {
    pub code: i32,
    /// The verdict, or on exit 2 the JSON error object.
    pub v: Value,
    pub stderr: String,
}

impl Checked {
    pub fn statuses(&self) -> Vec<String> {
        self.sigs()
            .iter()
            .map(|s| s["status"].as_str().unwrap_or("?").to_string())
            .collect()
    }

    pub fn sigs(&self) -> Vec<Value> {
        self.v["signatures"].as_array().cloned().unwrap_or_default()
    }

    /// No signature in the verdict claims to cover the whole message.
    pub fn nothing_whole(&self) -> bool {
        self.sigs().iter().all(|s| s["covers"] != "whole")
    }
}

/// `--json verify` of `msg`: a verdict, or an error object on exit 2.
pub fn verify(env: &Env, msg: &[u8]) -> Checked {
    let out = env.run(&["--json", "verify"], msg);
    let code = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert!(
        !v.is_null(),
        "verify printed no JSON (exit {code}): {stderr}"
    );
    Checked { code, v, stderr }
}

/// Asserts that `bytes` are one JSON error object for exit `code`.
pub fn json_error(case: &str, bytes: &[u8], code: i32) {
    let v: Value = serde_json::from_slice(bytes).unwrap_or(Value::Null);
    assert!(
        v["error"].is_string() && v["exit"] == code,
        "{case}: not a JSON error for exit {code}: {}",
        String::from_utf8_lossy(bytes)
    );
}

/// Asserts the exit code, the verdict word and the statuses (in any
/// order) of a verify run; `case` names the attack in failures.
pub fn expect(
    case: &str,
    env: &Env,
    msg: &[u8],
    code: i32,
    verdict: &str,
    statuses: &[&str],
) -> Checked {
    let c = verify(env, msg);
    assert_eq!(c.code, code, "{case}: exit; verdict {} {}", c.v, c.stderr);
    assert_eq!(c.v["verdict"], verdict, "{case}: verdict {}", c.v);
    assert_eq!(c.v["exit"], code, "{case}: exit field {}", c.v);
    let mut got = c.statuses();
    got.sort();
    let mut want: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "{case}: statuses {}", c.v);
    c
}

/// Asserts that verify refuses the input as malformed (exit 2, an error,
/// no verdict that could be read as trusted): a JSON error object with
/// `--json`, an `error:` line without.
pub fn expect_malformed(case: &str, env: &Env, msg: &[u8]) {
    let c = verify(env, msg);
    assert_eq!(c.code, 2, "{case}: {} {}", c.v, c.stderr);
    assert!(
        c.v["verdict"] == "error" || c.v["error"].is_string(),
        "{case}: {}",
        c.v
    );
    assert!(c.v["verdict"].is_null() || c.v["verdict"] == "error");
    let out = env.run(&["verify"], msg);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: "), "{case}: {stderr}");
}

/// The human report of `verify`.
pub fn human(env: &Env, msg: &[u8]) -> String {
    String::from_utf8_lossy(&env.run(&["verify"], msg).stdout).into_owned()
}

/// Asserts that `decrypt` (with `args`) exits `code`, writes no output
/// file, and prints nothing on stdout, both with `-o` and to stdout.
/// Returns stderr.
pub fn refuse_decrypt(case: &str, env: &Env, msg: &[u8], args: &[&str], code: i32) -> String {
    let target = env.path("refused.eml");
    let t = target.to_str().unwrap();
    let mut with_file = vec!["--json", "decrypt", "-o", t];
    with_file.extend_from_slice(args);
    let out = env.run(&with_file, msg);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{case}: {stderr}");
    assert!(!target.exists(), "{case}: an output file was written");
    assert!(
        out.stdout.is_empty(),
        "{case}: stdout with -o: {:?}",
        out.stdout
    );
    json_error(case, &out.stderr, code);
    let mut to_stdout = vec!["decrypt"];
    to_stdout.extend_from_slice(args);
    let out = env.run(&to_stdout, msg);
    assert_eq!(out.status.code(), Some(code), "{case}: to stdout");
    assert!(out.stdout.is_empty(), "{case}: plaintext on stdout");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.starts_with("error: "), "{case}: {stderr}");
    stderr
}

/// `--json decrypt -o FILE`: exit code, verdict and the written message.
pub fn decrypt(env: &Env, msg: &[u8], args: &[&str]) -> (i32, Value, Option<Vec<u8>>) {
    let target = env.path("decrypted.eml");
    let _ = std::fs::remove_file(&target);
    let mut a = vec!["--json", "decrypt", "-o", target.to_str().unwrap()];
    a.extend_from_slice(args);
    let out = env.run(&a, msg);
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let written = std::fs::read(&target).ok();
    (out.status.code().unwrap_or(-1), v, written)
}

// ---- MIME surgery -------------------------------------------------------

/// The header block of a message (with its final CRLF) and the rest.
pub fn split(msg: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let at = find(msg, b"\r\n\r\n") + 2;
    (msg[..at].to_vec(), msg[at + 2..].to_vec())
}

/// The message's MIME entity: its Content-* header fields and body, as a
/// part to put inside another multipart (outer fields dropped).
pub fn entity(msg: &[u8]) -> Vec<u8> {
    let (head, body) = split(msg);
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut fields = String::new();
    let mut keep = false;
    for line in text.split_inclusive("\r\n") {
        if !line.starts_with([' ', '\t']) {
            keep = line.to_ascii_lowercase().starts_with("content-");
        }
        if keep {
            fields.push_str(line);
        }
    }
    let mut out = fields.into_bytes();
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    out
}

/// Outer header fields of a message from `from` to bob, dated at the
/// tests' reference time (when mailseal signs).
pub fn outer(from: &str, subject: &str) -> String {
    outer_at(from, subject, "Mon, 01 Jun 2026 12:00:00 +0000")
}

/// The Date gpg's clock gives its signatures in these tests: a message
/// signed then is dated then.
pub const GPG_DATE: &str = "Thu, 01 Jan 2026 00:00:00 +0000";

/// The Date of a message signed now by `openssl cms -sign`, which puts
/// the real time in its signing-time attribute.
pub fn now_date() -> String {
    let out = run_ok(Command::new("date").args(["-u", "-R"])).stdout;
    String::from_utf8_lossy(&out).trim().to_string()
}

/// [`outer`] with another Date.
pub fn outer_at(from: &str, subject: &str, date: &str) -> String {
    format!("From: {from}\r\nTo: bob@example.org\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{subject}@attack.example>\r\nMIME-Version: 1.0\r\n")
}

/// A multipart of `kind` around `parts` (each a whole entity with its
/// Content-* fields), under `head` (outer fields, ending in CRLF).
pub fn multipart(head: &str, kind: &str, parts: &[&[u8]]) -> Vec<u8> {
    multipart_with(head, kind, "attack-boundary-7", parts)
}

/// [`multipart`] with a given boundary, for nesting.
pub fn multipart_with(head: &str, kind: &str, b: &str, parts: &[&[u8]]) -> Vec<u8> {
    let mut out =
        format!("{head}Content-Type: multipart/{kind}; boundary=\"{b}\"\r\n\r\n").into_bytes();
    for p in parts {
        out.extend_from_slice(format!("--{b}\r\n").as_bytes());
        out.extend_from_slice(p);
        if !p.ends_with(b"\r\n") {
            out.extend_from_slice(b"\r\n");
        }
    }
    out.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    out
}

/// A text part of `kind` (`plain` or `html`).
pub fn text(kind: &str, body: &str) -> Vec<u8> {
    format!("Content-Type: text/{kind}; charset=us-ascii\r\n\r\n{body}\r\n").into_bytes()
}

/// An attacker's HTML part: the classic EFAIL opener or closer.
pub fn html(body: &str) -> Vec<u8> {
    text("html", body)
}

/// `application/pkcs7-mime` message or entity around DER.
pub fn pkcs7(head: &str, smime_type: &str, der: &[u8]) -> Vec<u8> {
    let b64 = String::from_utf8(mailseal::mime::base64_encode_lines(der)).unwrap();
    format!("{head}Content-Type: application/pkcs7-mime; smime-type={smime_type}; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n").into_bytes()
}

/// S/MIME multipart/signed around `signed` (an entity) and a DER signature.
pub fn smime_signed(head: &str, signed: &[u8], sig: &[u8]) -> Vec<u8> {
    smime_signed_with(head, signed, sig, "sig-b")
}

/// [`smime_signed`] with a given boundary, for nesting.
pub fn smime_signed_with(head: &str, signed: &[u8], sig: &[u8], b: &str) -> Vec<u8> {
    let b64 = String::from_utf8(mailseal::mime::base64_encode_lines(sig)).unwrap();
    let mut m = format!("{head}Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"{b}\"\r\n\r\n--{b}\r\n").into_bytes();
    m.extend_from_slice(signed);
    m.extend_from_slice(format!("\r\n--{b}\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--{b}--\r\n").as_bytes());
    m
}

/// PGP/MIME multipart/signed around `signed` and an armored signature.
pub fn pgp_signed(head: &str, signed: &[u8], armored: &[u8]) -> Vec<u8> {
    let mut m = format!("{head}Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha512; boundary=\"pgp-b\"\r\n\r\n--pgp-b\r\n").into_bytes();
    m.extend_from_slice(signed);
    m.extend_from_slice(b"\r\n--pgp-b\r\nContent-Type: application/pgp-signature\r\n\r\n");
    m.extend_from_slice(&to_crlf(armored));
    m.extend_from_slice(b"\r\n--pgp-b--\r\n");
    m
}

/// A binary OpenPGP signature, armored.
pub fn armor_signature(binary: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let kind = sequoia_openpgp::armor::Kind::Signature;
    let mut w = sequoia_openpgp::armor::Writer::new(Vec::new(), kind).unwrap();
    w.write_all(binary).unwrap();
    w.finalize().unwrap()
}

pub fn to_crlf(data: &[u8]) -> Vec<u8> {
    mailseal::mime::to_crlf(data).into_owned()
}

/// The DER inside an application/pkcs7-mime message.
pub fn pkcs7_der(msg: &[u8]) -> Vec<u8> {
    match mailseal::mime::analyze(msg).unwrap().root {
        mailseal::mime::Body::Pkcs7Mime { der, .. } => {
            mailseal::smime::ber::to_der(&der).unwrap().into_owned()
        }
        other => panic!("not application/pkcs7-mime: {other:?}"),
    }
}

/// The signed entity and the decoded signature of a multipart/signed.
pub fn signed_parts(msg: &[u8]) -> (Vec<u8>, Vec<u8>) {
    match mailseal::mime::analyze(msg).unwrap().root {
        mailseal::mime::Body::MultipartSigned {
            signed, signature, ..
        } => (signed, signature),
        other => panic!("not multipart/signed: {other:?}"),
    }
}

/// `openssl cms -encrypt` of the file `input` (as binary: no line-end
/// conversion) to `recipient`'s certificate with `cipher` (`-aes256` for
/// CBC, `-aes-256-gcm`): the DER.
pub fn openssl_encrypt_der(
    input: &std::path::Path,
    cipher: &str,
    recipient: &std::path::Path,
) -> Vec<u8> {
    run_ok(Command::new("openssl").args([
        "cms",
        "-encrypt",
        cipher,
        "-binary",
        "-outform",
        "DER",
        "-in",
        s(input),
        s(recipient),
    ]))
    .stdout
}

/// Flips the bits of `mask` in the byte `back` bytes before the end.
pub fn flip_from_end(data: &[u8], back: usize, mask: u8) -> Vec<u8> {
    let mut d = data.to_vec();
    let i = d.len() - back;
    d[i] ^= mask;
    d
}

// ---- S/MIME fixture -----------------------------------------------------

/// bob's keyring (with alice's, bob's and mallory's secret keys, so that
/// mailseal can sign as any of them), a CA it trusts, and eve under a CA
/// it does not know.
pub struct Smime {
    pub w: World,
    /// mallory@example.org under the trusted CA: a valid certificate, but
    /// for her own address only.
    mallory: User,
    /// eve@example.org under an unknown CA.
    pub eve: User,
    _eve_ca: Pki,
}

pub fn smime() -> Smime {
    let w = world("Attack CA");
    let ec = CertOpts {
        key: "ec",
        ..CertOpts::default()
    };
    let mallory = w.pki.user("mallory@example.org", ec);
    w.env.import(&mallory.p12);
    let eve_ca = Pki::new("Eve CA");
    let eve = eve_ca.user("eve@example.org", ec);
    Smime {
        w,
        mallory,
        eve,
        _eve_ca: eve_ca,
    }
}

impl Smime {
    pub fn env(&self) -> &Env {
        &self.w.env
    }

    pub fn mallory(&self) -> &User {
        &self.mallory
    }

    /// `mailseal sign --smime` (detached unless `opaque`) of a text
    /// message from `from`, signed by `signer`.
    pub fn sign(&self, from: &str, signer: &str, body: &str, opaque: bool) -> Vec<u8> {
        let msg = message(from, "bob@example.org", "signed", body);
        let mut args = vec!["sign", "--smime", "--signer", signer];
        if opaque {
            args.push("--opaque");
        }
        self.env().expect(&args, &msg, 0)
    }

    /// `openssl cms -sign -binary -outform DER` of `content` by
    /// `signers`, with extra flags (e.g. `-nodetach`).
    pub fn openssl_sign(&self, content: &[u8], signers: &[&User], extra: &[&str]) -> Vec<u8> {
        let d = self.env().dir.path();
        let input = write(d, "content.bin", content);
        let out = d.join("sig.der");
        let mut cmd = Command::new("openssl");
        cmd.args([
            "cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER",
        ]);
        cmd.args(["-in", s(&input), "-out", s(&out)]);
        for u in signers {
            cmd.args(["-signer", s(&u.cert), "-inkey", s(&u.key)]);
        }
        run_ok(cmd.args(extra));
        std::fs::read(out).unwrap()
    }

    /// A PKCS#1 v1.5 SHA-256 signature of `data` by `user`'s key, from
    /// `openssl dgst`.
    pub fn raw_sign(&self, user: &User, data: &[u8]) -> Vec<u8> {
        let d = self.env().dir.path();
        let input = write(d, "tbs.bin", data);
        run_ok(Command::new("openssl").args([
            "dgst",
            "-sha256",
            "-binary",
            "-sign",
            s(&user.key),
            s(&input),
        ]))
        .stdout
    }
}

// ---- OpenPGP fixture ----------------------------------------------------

/// Keyrings made by mailseal: bob (the reader) pins alice and mallory
/// (each for her own address) and knows carol without vouching for her.
pub struct Pgp {
    pub alice: Env,
    pub bob: Env,
    pub mallory: Env,
    pub carol: Env,
}

/// Copies `email`'s certificate from one keyring to another.
pub fn give(from: &Env, email: &str, to: &Env) {
    let cert = from.expect(&["keyring", "export", email], b"", 0);
    let path = to.path(&format!("{email}.asc"));
    std::fs::write(&path, cert).unwrap();
    to.import(&path);
}

pub fn pgp() -> Pgp {
    let (alice, bob, mallory, carol) = (Env::new(), Env::new(), Env::new(), Env::new());
    let a = alice.generate_pgp("Alice", "alice@example.org");
    bob.generate_pgp("Bob", "bob@example.org");
    let m = mallory.generate_pgp("Mallory", "mallory@example.org");
    carol.generate_pgp("Carol", "carol@example.org");
    for (env, email) in [
        (&alice, "alice@example.org"),
        (&mallory, "mallory@example.org"),
        (&carol, "carol@example.org"),
    ] {
        give(env, email, &bob);
    }
    give(&bob, "bob@example.org", &alice);
    bob.expect(&["trust", "pin", &a], b"", 0);
    bob.expect(&["trust", "pin", &m], b"", 0);
    Pgp {
        alice,
        bob,
        mallory,
        carol,
    }
}

impl Pgp {
    /// `mailseal sign --openpgp` of a text message by `env`'s key.
    pub fn sign(env: &Env, from: &str, body: &str) -> Vec<u8> {
        let msg = message(from, "bob@example.org", "signed", body);
        env.expect(&["sign", "--openpgp", "--signer", from], &msg, 0)
    }
}

/// gpg with alice and mallory; bob's mailseal keyring pins alice, knows
/// mallory without vouching for her, and gpg can encrypt to bob.
pub struct GpgWorld {
    pub gpg: Gpg,
    pub bob: Env,
    pub alice_fpr: String,
}

pub fn gpg_world() -> GpgWorld {
    let gpg = Gpg::new();
    let alice_fpr = gpg.generate("Alice", "alice@example.org");
    gpg.generate("Mallory", "mallory@example.org");
    let bob = Env::new();
    // Made before gpg's fixed clock, or gpg would not encrypt to it.
    let early = [
        "--at",
        "2025-12-01T00:00:00Z",
        "keyring",
        "generate",
        "--openpgp",
        "--email",
        "bob@example.org",
        "--name",
        "Bob",
    ];
    bob.expect(&early, b"", 0);
    for email in ["alice@example.org", "mallory@example.org"] {
        let p = write(bob.dir.path(), &format!("{email}.asc"), &gpg.export(email));
        bob.import(&p);
    }
    bob.expect(&["trust", "pin", &alice_fpr], b"", 0);
    let bob_cert = bob.expect(&["keyring", "export", "bob@example.org"], b"", 0);
    let p = write(bob.dir.path(), "bob.asc", &bob_cert);
    gpg.import(&p);
    GpgWorld {
        gpg,
        bob,
        alice_fpr,
    }
}

impl GpgWorld {
    /// A binary detached signature by each of `signers` over `data`
    /// (`gpg --detach-sign -u A -u B`).
    pub fn detach_sign(&self, signers: &[&str], data: &[u8]) -> Vec<u8> {
        let d = self.bob.dir.path();
        let input = write(d, "to-sign", data);
        let mut args = vec!["--detach-sign", "-o", "-"];
        for s in signers {
            args.extend(["-u", s]);
        }
        args.push(s(&input));
        self.gpg.run(&args).stdout
    }

    /// `gpg --encrypt` (binary) of `data` to bob, with extra flags.
    pub fn encrypt(&self, data: &[u8], extra: &[&str]) -> Vec<u8> {
        let d = self.bob.dir.path();
        let input = write(d, "to-encrypt", data);
        let mut args = vec!["--encrypt", "-r", "bob@example.org", "-o", "-"];
        args.extend_from_slice(extra);
        args.push(s(&input));
        self.gpg.run(&args).stdout
    }
}
