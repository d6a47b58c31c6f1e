//! Interoperability of PGP/MIME with the real peers, both ways: `gpg` and
//! `sqop` accept what we write, and we accept what they write.
//!
//! Keys for alice, bob and carol are made by gpg (Ed25519 + Cv25519,
//! created 2026-01-01 through `--faked-system-time`); our keyring holds
//! the secret keys it needs, imported from gpg, and pins the others.

mod common;

use std::path::{Path, PathBuf};

use common::gpg::Gpg;
use common::pgp_mime::*;
use common::*;

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nHello from a peer.\r\n";

struct PgpWorld {
    gpg: Gpg,
    /// Our keyring: `me`'s secret key, the others' certificates pinned.
    env: Env,
    fprs: Vec<(String, String)>,
}

const PEOPLE: [(&str, &str); 3] = [
    ("Alice", "alice@example.org"),
    ("Bob", "bob@example.org"),
    ("Carol", "carol@example.org"),
];

impl PgpWorld {
    /// gpg makes alice, bob and carol; our keyring is `me`'s.
    fn new(me: &str) -> PgpWorld {
        let gpg = Gpg::new();
        let fprs = PEOPLE
            .iter()
            .map(|(name, email)| (email.to_string(), gpg.generate(name, email)))
            .collect::<Vec<_>>();
        let env = Env::new();
        let secret = write(env.dir.path(), "me.asc", &gpg.export_secret(me));
        env.import(&secret);
        for (email, fpr) in &fprs {
            if email != me {
                let cert = write(env.dir.path(), "cert.asc", &gpg.export(email));
                env.import(&cert);
                env.expect(&["trust", "pin", fpr, "--email", email], b"", 0);
            }
        }
        PgpWorld { gpg, env, fprs }
    }

    fn fpr(&self, email: &str) -> &str {
        &self.fprs.iter().find(|(e, _)| e == email).unwrap().1
    }
}

fn the_signature(v: &serde_json::Value) -> &serde_json::Value {
    let sigs = v["signatures"].as_array().expect("signatures");
    assert_eq!(sigs.len(), 1, "{v}");
    &sigs[0]
}

#[test]
fn gpg_verifies_our_signature() {
    let w = PgpWorld::new("alice@example.org");
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "pgp-sign",
        "Signed by us.",
    );
    let signed = w.env.expect(&["sign", "--openpgp"], &msg, 0);
    assert!(contains(&signed, b"application/pgp-signature"));
    assert!(contains(&signed, b"micalg=pgp-sha"));
    let (entity, sig_part) = two_parts(&signed);
    let d = w.env.dir.path();
    let data = write(d, "signed.txt", &entity);
    let sig = write(d, "sig.asc", &part_body(&sig_part));
    let out = w
        .gpg
        .run_with(&["--status-fd", "1", "--verify", s(&sig), s(&data)], b"");
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "gpg: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        status.contains(&format!("VALIDSIG {}", w.fpr("alice@example.org"))),
        "{status}"
    );
    // One changed byte and gpg refuses it.
    let tampered = write(
        d,
        "tampered.txt",
        &replace_once(&entity, b"Signed", b"signed"),
    );
    let out = w.gpg.run_with(&["--verify", s(&sig), s(&tampered)], b"");
    assert!(!out.status.success());
}

#[test]
fn gpg_decrypts_our_message_for_each_of_three_recipients() {
    let w = PgpWorld::new("alice@example.org");
    let msg = message(
        "alice@example.org",
        "bob@example.org, carol@example.org",
        "pgp-encrypt",
        "For three readers.",
    );
    let enc = w.env.expect(&["encrypt", "--openpgp", "--sign"], &msg, 0);
    assert!(contains(&enc, b"multipart/encrypted"));
    assert!(contains(&enc, b"application/pgp-encrypted"));
    assert!(!contains(&enc, b"For three readers."));
    let (_, body_part) = two_parts(&enc);
    let armored = write(w.env.dir.path(), "enc.asc", &part_body(&body_part));
    for (_, email) in PEOPLE {
        // A home holding only this recipient's secret key.
        let reader = Gpg::new();
        let key = write(reader.home.path(), "key.asc", &w.gpg.export_secret(email));
        reader.import(&key);
        let signer = write(
            reader.home.path(),
            "alice.asc",
            &w.gpg.export("alice@example.org"),
        );
        reader.import(&signer);
        let out = reader.run(&["--status-fd", "2", "--decrypt", s(&armored)]);
        assert!(contains(&out.stdout, b"For three readers."), "{email}");
        let status = String::from_utf8_lossy(&out.stderr);
        assert!(status.contains("GOODSIG"), "{email}: {status}");
        assert!(status.contains("DECRYPTION_OKAY"), "{email}: {status}");
    }
}

#[test]
fn we_verify_gpgs_detached_signature() {
    let w = PgpWorld::new("bob@example.org");
    let d = w.env.dir.path();
    let data = write(d, "entity.txt", ENTITY);
    let how = ["--armor", "--detach-sign", "--digest-algo", "SHA256"];
    let sig = w.gpg.sign(&how, "alice@example.org", &data);
    let msg = pgp_mime_signed("alice@example.org", ENTITY, &sig, "pgp-sha256");
    let (v, code) = w.env.verdict(&msg);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["protocol"], "openpgp");
    let sig = the_signature(&v);
    assert_eq!(sig["status"], "good");
    assert_eq!(sig["signer"]["fingerprint"], w.fpr("alice@example.org"));
    assert_eq!(sig["trust"]["level"], "full");
    assert_eq!(sig["sender_match"], true);
    // Tampered text: bad signature, exit 1.
    let bad = replace_once(&msg, b"Hello from a peer.", b"Hello from a thief");
    assert_eq!(w.env.verdict(&bad).1, 1);
    // Another From address: good but not from the sender, exit 3.
    let other = replace_once(&msg, b"From: alice@", b"From: carol@");
    let (v, code) = w.env.verdict(&other);
    assert_eq!(code, 3, "{v}");
    assert_eq!(the_signature(&v)["sender_match"], false);
}

#[test]
fn we_decrypt_gpgs_messages() {
    let w = PgpWorld::new("bob@example.org");
    let d = w.env.dir.path();
    let data = write(d, "entity.txt", ENTITY);
    let encrypt = |extra: &[&str]| {
        let mut args = vec!["--armor", "-o", "-"];
        args.extend_from_slice(extra);
        args.push(s(&data));
        w.gpg.run(&args).stdout
    };
    // Encrypted to several, unsigned.
    let armored = encrypt(&[
        "--encrypt",
        "-r",
        "alice@example.org",
        "-r",
        "bob@example.org",
        "-r",
        "carol@example.org",
    ]);
    let msg = pgp_mime_encrypted("alice@example.org", &armored);
    let out = w.env.expect(&["decrypt"], &msg, 0);
    assert!(contains(&out, b"Hello from a peer."));
    assert!(contains(&out, b"From: alice@example.org"));
    // Signed and encrypted in one pass.
    let armored = encrypt(&[
        "--sign",
        "-u",
        "alice@example.org",
        "--encrypt",
        "-r",
        "bob@example.org",
    ]);
    let msg = pgp_mime_encrypted("alice@example.org", &armored);
    let out = w.env.run(&["--json", "decrypt"], &msg);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(contains(&out.stdout, b"Hello from a peer."));
    let v = json_of(&out);
    assert_eq!(v["encrypted"], true);
    let sig = the_signature(&v);
    assert_eq!(sig["status"], "good");
    assert_eq!(sig["signer"]["fingerprint"], w.fpr("alice@example.org"));
    // Not for us: carol only.
    let armored = encrypt(&["--encrypt", "-r", "carol@example.org"]);
    let msg = pgp_mime_encrypted("alice@example.org", &armored);
    let target = d.join("out.eml");
    w.env.expect(&["decrypt", "-o", s(&target)], &msg, 1);
    assert!(!target.exists());
}

#[test]
fn we_verify_gpgs_inline_clearsigned_text() {
    let w = PgpWorld::new("bob@example.org");
    let d = w.env.dir.path();
    let text = write(d, "text.txt", b"Meet me at noon.\n");
    let clear = w.gpg.sign(&["--clearsign"], "alice@example.org", &text);
    let mut msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: inline\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n".to_vec();
    msg.extend_from_slice(&clear);
    let (v, code) = w.env.verdict(&msg);
    assert_eq!(code, 0, "{v}");
    assert_eq!(the_signature(&v)["status"], "good");
    let bad = replace_once(&msg, b"noon", b"dawn");
    assert_eq!(w.env.verdict(&bad).1, 1);
}

/// sqop's keys and signatures are made now, by the real clock, so these
/// tests work around the present: our key is made a minute ago, and
/// everything is judged a minute ahead.
fn now_plus(seconds: i64) -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + seconds;
    mailseal::time::Timestamp(t as u64).to_string()
}

/// The SOP implementation to talk to: Debian's sqop (Sequoia 1.x, which
/// predates RFC 9580), or for v6 keys the newer sqop that
/// `scripts/install-peers.sh` builds into `target/peers`.
#[derive(Clone, Copy)]
enum Sop {
    Debian,
    Rfc9580,
}

impl Sop {
    fn program(self) -> PathBuf {
        match self {
            Sop::Debian => PathBuf::from("sqop"),
            Sop::Rfc9580 => {
                let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/bin/sqop");
                assert!(
                    p.exists(),
                    "{} is missing: run scripts/install-peers.sh",
                    p.display()
                );
                p
            }
        }
    }
}

fn sop_run(sop: Sop, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = run_with_stdin(std::process::Command::new(sop.program()).args(args), stdin);
    assert!(
        out.status.success(),
        "sqop {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A keyring with our own key for `me` (made by us, v4 or v6) and sqop's
/// key for dave, pinned.
struct SqopWorld {
    env: Env,
    at: String,
    dave_key: PathBuf,
    our_cert: PathBuf,
}

fn sqop_world(profile: &str, sop: Sop) -> SqopWorld {
    let env = Env::new();
    let at = now_plus(60);
    let made = now_plus(-60);
    let d = env.dir.path().to_path_buf();
    let mut generate = vec!["generate-key"];
    if profile == "rfc9580" {
        generate.push("--profile=rfc9580");
    }
    generate.push("Dave <dave@example.org>");
    let dave_key = write(&d, "dave.key", &sop_run(sop, &generate, b""));
    let dave_cert = write(
        &d,
        "dave.cert",
        &sop_run(sop, &["extract-cert"], &std::fs::read(&dave_key).unwrap()),
    );
    env.expect(
        &[
            "--at",
            &made,
            "keyring",
            "generate",
            "--openpgp",
            "--profile",
            profile,
            "--email",
            "erin@example.org",
            "--name",
            "Erin",
        ],
        b"",
        0,
    );
    let our_cert = write(
        &d,
        "erin.cert",
        &env.expect(
            &["--at", &at, "keyring", "export", "erin@example.org"],
            b"",
            0,
        ),
    );
    env.import(&dave_cert);
    let fpr = env.pgp_fingerprint("dave@example.org", &at);
    env.expect(
        &[
            "--at",
            &at,
            "trust",
            "pin",
            &fpr,
            "--email",
            "dave@example.org",
        ],
        b"",
        0,
    );
    SqopWorld {
        env,
        at,
        dave_key,
        our_cert,
    }
}

/// The version byte of the first SEIPD packet (tag 18) of a binary
/// OpenPGP message: 1 or 2.
fn seipd_version(binary: &[u8]) -> u8 {
    let mut i = 0;
    while i < binary.len() {
        let ctb = binary[i];
        assert!(ctb & 0x80 != 0, "not an OpenPGP packet at {i}");
        let (tag, hdr, len) = if ctb & 0x40 != 0 {
            let tag = ctb & 0x3f;
            let l0 = binary[i + 1] as usize;
            match l0 {
                0..=191 => (tag, 2, l0),
                192..=223 => (tag, 3, ((l0 - 192) << 8) + binary[i + 2] as usize + 192),
                255 => (
                    tag,
                    6,
                    u32::from_be_bytes(binary[i + 2..i + 6].try_into().unwrap()) as usize,
                ),
                _ => (tag, 2, 0), // partial length: only the body's start matters
            }
        } else {
            let tag = (ctb >> 2) & 0x0f;
            match ctb & 3 {
                0 => (tag, 2, binary[i + 1] as usize),
                1 => (
                    tag,
                    3,
                    u16::from_be_bytes([binary[i + 1], binary[i + 2]]) as usize,
                ),
                2 => (
                    tag,
                    5,
                    u32::from_be_bytes(binary[i + 1..i + 5].try_into().unwrap()) as usize,
                ),
                _ => panic!("indeterminate length"),
            }
        };
        if tag == 18 {
            return binary[i + hdr];
        }
        i += hdr + len;
    }
    panic!("no SEIPD packet")
}

fn encrypted_payload(msg: &[u8]) -> Vec<u8> {
    let (_, body) = two_parts(msg);
    part_body(&body)
}

fn sqop_round_trip(profile: &str, sop: Sop, expect_seipd: u8) {
    let w = sqop_world(profile, sop);
    let sqop = |args: &[&str], stdin: &[u8]| sop_run(sop, args, stdin);
    let at = w.at.as_str();
    // sqop encrypts to our key, signing inside; we decrypt and verify.
    let dave_key = s(&w.dave_key);
    let armored = sqop(
        &["encrypt", "--sign-with", dave_key, s(&w.our_cert)],
        ENTITY,
    );
    let binary = sqop(&["dearmor"], &armored);
    assert_eq!(seipd_version(&binary), expect_seipd);
    let msg = pgp_mime_encrypted("dave@example.org", &armored);
    let out = w.env.run(&["--at", at, "--json", "decrypt"], &msg);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(contains(&out.stdout, b"Hello from a peer."));
    let v = json_of(&out);
    assert_eq!(v["verdict"], "trusted", "{v}");
    // Our default output (signed, to dave and to ourselves) to dave's
    // key; sqop decrypts it and verifies the signature.
    let msg = message(
        "erin@example.org",
        "dave@example.org",
        "to-dave",
        "Hi Dave.",
    );
    let enc = w
        .env
        .expect(&["--at", at, "encrypt", "--openpgp", "--sign"], &msg, 0);
    let payload = encrypted_payload(&enc);
    assert_eq!(seipd_version(&sqop(&["dearmor"], &payload)), expect_seipd);
    let d = w.env.dir.path();
    let (session, verified) = (d.join("session"), d.join("verified"));
    let clear = sqop(
        &[
            "decrypt",
            "--session-key-out",
            s(&session),
            "--verifications-out",
            s(&verified),
            "--verify-with",
            s(&w.our_cert),
            dave_key,
        ],
        &payload,
    );
    assert!(contains(&clear, b"Hi Dave."));
    assert!(
        !std::fs::read(&verified).unwrap().is_empty(),
        "sqop verified no signature"
    );
    // Both keys list AES-256 (algorithm 9) first.
    let session = std::fs::read_to_string(&session).unwrap();
    assert!(session.starts_with("9:"), "{session}");
    // sqop signs; we verify. We sign; sqop verifies.
    let sig = sqop(&["sign", "--as=text", s(&w.dave_key)], ENTITY);
    let msg = pgp_mime_signed("dave@example.org", ENTITY, &sig, "pgp-sha512");
    let (v, code) = w.env.verdict_at(&msg, at);
    assert_eq!(code, 0, "{v}");
    let msg = message(
        "erin@example.org",
        "dave@example.org",
        "from-erin",
        "Signed.",
    );
    let signed = w.env.expect(&["--at", at, "sign", "--openpgp"], &msg, 0);
    let (entity, sig_part) = two_parts(&signed);
    let sig = write(w.env.dir.path(), "erin.sig", &part_body(&sig_part));
    let verifications = sqop(&["verify", s(&sig), s(&w.our_cert)], &entity);
    assert!(!verifications.is_empty());
}

#[test]
fn sqop_round_trips_v4() {
    sqop_round_trip("rfc4880", Sop::Debian, 1);
}

#[test]
fn sqop_round_trips_v6_with_seipd_v2() {
    sqop_round_trip("rfc9580", Sop::Rfc9580, 2);
}

/// Bob's encryption subkeys as gpg lists them: (algorithm number, bits,
/// fingerprint), from `--with-colons --list-keys`.
fn encryption_subkeys(gpg: &Gpg, email: &str) -> Vec<(String, String, String)> {
    let out = gpg.run(&["--with-colons", "--list-keys", email]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut found = Vec::new();
    let mut sub: Option<(String, String)> = None;
    for line in text.lines() {
        let f: Vec<&str> = line.split(':').collect();
        match f[0] {
            "sub" if f[11].contains('e') => sub = Some((f[3].to_string(), f[2].to_string())),
            "fpr" => {
                if let Some((algo, bits)) = sub.take() {
                    found.push((algo, bits, f[9].to_string()));
                }
            }
            _ => {}
        }
    }
    found
}

/// gpg encrypts to each of Bob's encryption subkeys in turn (Cv25519,
/// RSA-3072, NIST P-256, RSA-1024): we decrypt all but the RSA-1024 one,
/// which is refused with a reason naming the size (exit 1, nothing
/// written).
#[test]
fn we_decrypt_gpgs_messages_to_rsa_and_p256_subkeys_but_not_rsa_1024() {
    let w = PgpWorld::new("bob@example.org");
    let d = w.env.dir.path();
    let bob = w.fpr("bob@example.org").to_string();
    for algo in ["rsa3072", "nistp256", "rsa1024"] {
        w.gpg.run(&["--quick-add-key", &bob, algo, "encr", "never"]);
    }
    let secret = write(d, "bob-more.asc", &w.gpg.export_secret("bob@example.org"));
    w.env.import(&secret);
    let data = write(d, "entity.txt", ENTITY);
    let subkeys = encryption_subkeys(&w.gpg, "bob@example.org");
    let kinds: Vec<(&str, &str)> = subkeys
        .iter()
        .map(|(a, b, _)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [("18", "255"), ("1", "3072"), ("18", "256"), ("1", "1024")]
    );
    for (algo, bits, fpr) in &subkeys {
        let to = format!("{fpr}!");
        let armored = w
            .gpg
            .run(&["--armor", "-o", "-", "--encrypt", "-r", &to, s(&data)])
            .stdout;
        let msg = pgp_mime_encrypted("alice@example.org", &armored);
        let target = d.join("out.eml");
        let out = w.env.run(&["decrypt", "-o", s(&target)], &msg);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if bits == "1024" {
            assert_eq!(out.status.code(), Some(1), "{stderr}");
            assert!(stderr.contains("2048 bits"), "{stderr}");
            assert!(!target.exists());
        } else {
            assert_eq!(out.status.code(), Some(0), "{algo}/{bits}: {stderr}");
            let plain = std::fs::read(&target).unwrap();
            assert!(contains(&plain, b"Hello from a peer."), "{algo}/{bits}");
            std::fs::remove_file(&target).unwrap();
        }
    }
}
