//! Issue 16, OpenPGP: mail between mailseal users reads in GnuPG 2.2
//! (Debian's `gpg`), the symmetric cipher is one every recipient lists,
//! and keys that still advertise SEIPD v2 can be changed. GnuPG 2.4's
//! OCB packet (tag 20) is refused with an error that names it.
//!
//! Each mailseal user has a keyring of their own with a key made by
//! `keyring generate` at [`AT`]; gpg runs an hour later ([`GPG_AFTER`]),
//! with the recipient's secret key as `keyring export --secret` writes it.

mod common;

use std::time::{Duration, UNIX_EPOCH};

use common::gpg::Gpg;
use common::*;
use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::packet::{Packet, SEIP};
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::PacketPile;

/// gpg's clock: after mailseal made its keys and signatures at [`AT`].
const GPG_AFTER: &str = "20260601T130000!";

/// A mailseal user: a keyring of their own holding their key.
struct User {
    env: Env,
    email: &'static str,
}

impl User {
    /// A user whose key `keyring generate --openpgp` makes (`extra`:
    /// `--profile rfc9580`).
    fn generated(name: &str, email: &'static str, extra: &[&str]) -> User {
        let env = Env::new();
        env.generate_pgp_with(name, email, extra);
        User { env, email }
    }

    /// A user whose key was made as earlier versions of mailseal made
    /// it (v4, advertising SEIPD v2), imported with its secrets.
    fn with_old_key(name: &str, email: &'static str) -> User {
        let env = Env::new();
        let made = UNIX_EPOCH + Duration::from_secs(1_767_225_600); // 2026-01-01
        let (tsk, _) = CertBuilder::new()
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_creation_time(made)
            .set_primary_key_flags(
                openpgp::types::KeyFlags::empty()
                    .set_certification()
                    .set_signing(),
            )
            .add_userid(format!("{name} <{email}>"))
            .add_subkey(
                openpgp::types::KeyFlags::empty()
                    .set_transport_encryption()
                    .set_storage_encryption(),
                None,
                None,
            )
            .set_password(Some(PASS.into()))
            .generate()
            .unwrap();
        let file = write(env.dir.path(), "old.key", &tsk.as_tsk().to_vec().unwrap());
        env.import(&file);
        User { env, email }
    }

    fn cert(&self) -> Vec<u8> {
        self.env.expect(&["keyring", "export", self.email], b"", 0)
    }

    /// Imports `other`'s certificate (merged with what is there).
    fn imports(&self, other: &User) {
        let file = write(self.env.dir.path(), "peer.asc", &other.cert());
        self.env.import(&file);
    }

    /// Imports `other`'s certificate and pins it for their address.
    fn knows(&self, other: &User) {
        self.imports(other);
        let fpr = self.env.pgp_fingerprint(other.email, AT);
        self.env
            .expect(&["trust", "pin", &fpr, "--email", other.email], b"", 0);
    }

    /// A signed and encrypted message to `to` (and to ourselves), as
    /// `encrypt --openpgp --sign` makes it by default; returns the
    /// armored OpenPGP message inside.
    fn send(&self, to: &str, body: &str) -> Vec<u8> {
        let msg = message(self.email, to, "compat", body);
        let enc = self
            .env
            .expect(&["encrypt", "--openpgp", "--sign"], &msg, 0);
        assert!(!contains(&enc, body.as_bytes()));
        let (_, part) = two_parts(&enc);
        part_body(&part)
    }

    /// A gpg home holding this user's secret key, exported from mailseal,
    /// and the certificates of `peers`.
    fn in_gpg(&self, peers: &[&User]) -> Gpg {
        let gpg = Gpg::new();
        let secret = self
            .env
            .expect(&["keyring", "export", self.email, "--secret"], b"", 0);
        let file = write(gpg.home.path(), "secret.asc", &secret);
        run_ok(gpg.cmd_at(GPG_AFTER).arg("--import").arg(&file));
        for p in peers {
            let file = write(gpg.home.path(), "peer.asc", &p.cert());
            run_ok(gpg.cmd_at(GPG_AFTER).arg("--import").arg(&file));
        }
        gpg
    }
}

/// `--json decrypt` that must succeed: the verdict and the message.
fn decrypted(env: &Env, msg: &[u8]) -> (serde_json::Value, Vec<u8>) {
    let out = env.run(&["--json", "decrypt"], msg);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    (common::pgp_mime::json_of(&out), out.stdout)
}

/// gpg's status lines and output for `--decrypt`; panics when it fails.
fn gpg_decrypts(gpg: &Gpg, armored: &[u8]) -> (String, Vec<u8>) {
    let mut cmd = gpg.cmd_at(GPG_AFTER);
    cmd.args(["--status-fd", "2", "--decrypt"]);
    let out = run_with_stdin(&mut cmd, armored);
    let status = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "gpg --decrypt: {status}");
    assert!(status.contains("DECRYPTION_OKAY"), "{status}");
    (status, out.stdout)
}

/// gpg's `DECRYPTION_INFO <mdc_method> <sym_algo> [<aead_algo>]`: the
/// symmetric algorithm's number (7 AES-128, 9 AES-256), after checking
/// that the container was SEIPD v1 with MDC.
fn gpg_cipher(status: &str) -> u8 {
    let info = status
        .lines()
        .find_map(|l| l.strip_prefix("[GNUPG:] DECRYPTION_INFO "))
        .unwrap_or_else(|| panic!("no DECRYPTION_INFO: {status}"));
    let fields: Vec<&str> = info.split_whitespace().collect();
    assert_eq!(fields[0], "2", "MDC (SEIPD v1): {info}");
    assert!(fields.get(2).is_none_or(|a| *a == "0"), "no AEAD: {info}");
    fields[1].parse().unwrap()
}

/// The SEIPD version of an armored OpenPGP message, read by Sequoia.
fn seipd_version(armored: &[u8]) -> u8 {
    let pile = PacketPile::from_bytes(armored).unwrap();
    let version = pile
        .children()
        .find_map(|p| match p {
            Packet::SEIP(SEIP::V1(_)) => Some(1),
            Packet::SEIP(SEIP::V2(_)) => Some(2),
            _ => None,
        })
        .expect("no SEIPD packet");
    version
}

#[test]
fn gpg_2_2_decrypts_mail_between_two_mailseal_users_with_default_keys() {
    let alice = User::generated("Alice", "alice@example.org", &[]);
    let bob = User::generated("Bob", "bob@example.org", &[]);
    alice.knows(&bob);
    bob.knows(&alice);
    let armored = alice.send(bob.email, "Readable in GnuPG 2.2.");
    assert_eq!(seipd_version(&armored), 1);
    // Bob reads it in mailseal...
    let msg = common::pgp_mime::pgp_mime_encrypted(alice.email, &armored);
    let (v, out) = decrypted(&bob.env, &msg);
    assert!(contains(&out, b"Readable in GnuPG 2.2."));
    assert_eq!(v["verdict"], "trusted", "{v}");
    // ... and in gpg 2.2, with his key exported from mailseal.
    let gpg = bob.in_gpg(&[&alice]);
    let (status, clear) = gpg_decrypts(&gpg, &armored);
    assert!(contains(&clear, b"Readable in GnuPG 2.2."));
    assert!(status.contains("GOODSIG"), "{status}");
    assert_eq!(gpg_cipher(&status), 9, "both keys list AES-256: {status}");
}

#[test]
fn aes_128_for_a_gpg_key_that_lists_only_aes_128() {
    let alice = User::generated("Alice", "alice@example.org", &[]);
    let gpg = Gpg::new();
    let prefs = ["--default-preference-list", "AES128 SHA256 ZLIB"];
    let uid = "Carol <carol@example.org>";
    run_ok(
        gpg.cmd()
            .args(prefs)
            .args(["--quick-gen-key", uid, "ed25519", "sign,cert", "never"]),
    );
    let fpr = gpg.fingerprint("carol@example.org");
    run_ok(
        gpg.cmd()
            .args(prefs)
            .args(["--quick-add-key", &fpr, "cv25519", "encr", "never"]),
    );
    let cert = write(
        alice.env.dir.path(),
        "carol.asc",
        &gpg.export("carol@example.org"),
    );
    alice.env.import(&cert);
    alice.env.expect(
        &["trust", "pin", &fpr, "--email", "carol@example.org"],
        b"",
        0,
    );
    let signer = write(gpg.home.path(), "alice.asc", &alice.cert());
    run_ok(gpg.cmd_at(GPG_AFTER).arg("--import").arg(&signer));
    // Twice: the second run encrypts with the judgement the first kept.
    for round in ["first", "kept"] {
        let armored = alice.send("carol@example.org", "For an AES-128 key.");
        let (status, clear) = gpg_decrypts(&gpg, &armored);
        assert!(contains(&clear, b"For an AES-128 key."));
        assert_eq!(gpg_cipher(&status), 7, "{round}: AES-128: {status}");
    }
}

#[test]
fn seipd_v2_only_when_every_recipient_advertises_it() {
    let v6 = ["--profile", "rfc9580"];
    let alice = User::generated("Alice", "alice@example.org", &v6);
    let bob = User::generated("Bob", "bob@example.org", &v6);
    let carol = User::generated("Carol", "carol@example.org", &[]);
    alice.knows(&bob);
    alice.knows(&carol);
    bob.knows(&alice);
    let armored = alice.send(bob.email, "All v6.");
    assert_eq!(seipd_version(&armored), 2);
    let msg = common::pgp_mime::pgp_mime_encrypted(alice.email, &armored);
    assert!(contains(&bob.env.expect(&["decrypt"], &msg, 0), b"All v6."));
    // Carol's default (v4) key does not advertise v2: v1 for all.
    let armored = alice.send(&format!("{}, {}", bob.email, carol.email), "Mixed.");
    assert_eq!(seipd_version(&armored), 1);
    // (gpg 2.2 reads no v6 signature: Carol reads it in mailseal.)
    carol.knows(&alice);
    let msg = common::pgp_mime::pgp_mime_encrypted(alice.email, &armored);
    let (v, out) = decrypted(&carol.env, &msg);
    assert!(contains(&out, b"Mixed."));
    assert_eq!(v["signatures"][0]["status"], "good", "{v}");
}

#[test]
fn set_features_makes_an_old_key_readable_in_gpg_2_2() {
    let alice = User::with_old_key("Alice", "alice@example.org");
    let bob = User::with_old_key("Bob", "bob@example.org");
    alice.knows(&bob);
    bob.knows(&alice);
    // Both keys advertise SEIPD v2: gpg 2.2 cannot read what they get.
    let armored = alice.send(bob.email, "Before.");
    assert_eq!(seipd_version(&armored), 2);
    let gpg = bob.in_gpg(&[&alice]);
    let mut cmd = gpg.cmd_at(GPG_AFTER);
    let out = run_with_stdin(cmd.arg("--decrypt"), &armored);
    assert!(!out.status.success(), "gpg 2.2 read SEIPD v2");
    // Bob changes what his key advertises and sends alice the update.
    let out = bob.env.run(
        &["keyring", "set-features", bob.email, "--seipd-v1-only"],
        b"",
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("now advertises SEIPD v1 only"), "{said}");
    assert!(said.contains("mailseal keyring export"), "{said}");
    alice.imports(&bob);
    let armored = alice.send(bob.email, "After.");
    assert_eq!(seipd_version(&armored), 1);
    let gpg = bob.in_gpg(&[&alice]);
    let (status, clear) = gpg_decrypts(&gpg, &armored);
    assert!(contains(&clear, b"After."));
    assert!(status.contains("GOODSIG"), "{status}");
    // Asked again: nothing to change, nothing asked.
    let out = bob.env.run(
        &[
            "--json",
            "keyring",
            "set-features",
            bob.email,
            "--seipd-v1-only",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["seipd_v2"].as_bool(), v["changed"].as_bool()),
        (Some(false), Some(false))
    );
}

#[test]
fn fail_set_features_needs_an_own_key_and_a_choice() {
    let alice = User::generated("Alice", "alice@example.org", &[]);
    let bob = User::generated("Bob", "bob@example.org", &[]);
    alice.knows(&bob);
    let err = alice.env.refused(
        &["keyring", "set-features", bob.email, "--seipd-v1-only"],
        b"",
        2,
    );
    assert!(err.contains("secret key"), "{err}");
    let err = alice
        .env
        .refused(&["keyring", "set-features", alice.email], b"", 2);
    assert!(err.contains("--seipd-v1-only"), "{err}");
}

/// An OpenPGP message as GnuPG 2.3 and later write it to a key that
/// advertises their "AEAD" feature (bit 0x02 of Features): a PKESK v3 for
/// `cert`'s encryption subkey, then the AEAD Encrypted Data packet (tag
/// 20, version 1) of draft-ietf-openpgp-rfc4880bis-10 section 5.16, now
/// LibrePGP's OCB Encrypted Data packet, with AES-256 and `aead` around
/// a literal packet holding `text`, in one chunk of GnuPG's default size
/// (2^22 octets). Debian's gpg 2.2 cannot write it; the packet is put
/// together here, the cipher is Sequoia's AEAD primitive.
fn librepgp_aead_message(
    cert: &openpgp::Cert,
    aead: openpgp::types::AEADAlgorithm,
    text: &[u8],
) -> Vec<u8> {
    use openpgp::crypto::SessionKey;
    use openpgp::packet::{pkesk::PKESK3, Literal};
    use openpgp::types::{DataFormat, SymmetricAlgorithm};
    use std::io::Write;
    let sym = SymmetricAlgorithm::AES256;
    let key = SessionKey::new(32).unwrap();
    let policy = openpgp::policy::StandardPolicy::new();
    let subkey = cert
        .keys()
        .with_policy(&policy, None)
        .for_transport_encryption()
        .next()
        .unwrap();
    let pkesk = PKESK3::for_recipient(sym, &key, subkey.key()).unwrap();
    let mut literal = Literal::new(DataFormat::Binary);
    literal.set_body(text.to_vec());
    let plain = Packet::from(literal).to_vec().unwrap();
    // The header octets that every chunk's associated data starts with.
    let prefix = [0xd4, 1, sym.into(), aead.into(), 16];
    let iv: Vec<u8> = (0..aead.nonce_size().unwrap() as u8)
        .map(|i| i.wrapping_mul(37).wrapping_add(1))
        .collect();
    let nonce = |index: u64| -> Vec<u8> {
        let mut n = iv.clone();
        let low = n.len() - 8;
        for (o, b) in n[low..].iter_mut().zip(index.to_be_bytes()) {
            *o ^= b;
        }
        n
    };
    let seal = |ad: &[u8], nonce: &[u8], src: &[u8]| -> Vec<u8> {
        let mut ctx = aead
            .context(sym, &key, ad, nonce)
            .unwrap()
            .for_encryption()
            .unwrap();
        let mut dst = vec![0; src.len() + ctx.digest_size()];
        ctx.encrypt_seal(&mut dst, src).unwrap();
        dst
    };
    let mut body = prefix[1..].to_vec();
    body.extend_from_slice(&iv);
    body.extend(seal(
        &[&prefix[..], &0u64.to_be_bytes()].concat(),
        &nonce(0),
        &plain,
    ));
    let total = (plain.len() as u64).to_be_bytes();
    let last = [&prefix[..], &1u64.to_be_bytes(), &total].concat();
    body.extend(seal(&last, &nonce(1), b""));
    let mut binary = Packet::from(openpgp::packet::PKESK::from(pkesk))
        .to_vec()
        .unwrap();
    binary.push(0xd4);
    binary.push(0xff);
    binary.extend_from_slice(&(body.len() as u32).to_be_bytes());
    binary.extend_from_slice(&body);
    let mut w = openpgp::armor::Writer::new(Vec::new(), openpgp::armor::Kind::Message).unwrap();
    w.write_all(&binary).unwrap();
    w.finalize().unwrap()
}

#[test]
fn fail_gnupg_ocb_packet_is_named_not_misread() {
    let bob = User::generated("Bob", "bob@example.org", &[]);
    let cert = openpgp::Cert::from_bytes(&bob.cert()).unwrap();
    let ocb = openpgp::types::AEADAlgorithm::OCB;
    let armored = librepgp_aead_message(&cert, ocb, b"Written by GnuPG 2.4.");
    let msg = common::pgp_mime::pgp_mime_encrypted("alice@example.org", &armored);
    for args in [&["decrypt"][..], &["--json", "decrypt"]] {
        let err = bob.env.refused(args, &msg, 2);
        assert!(err.contains("tag 20"), "{err}");
        assert!(err.contains("OCB"), "{err}");
        assert!(err.contains("GnuPG"), "{err}");
        assert!(err.contains("set-features"), "{err}");
    }
    // The same packet inline, as a whole text body.
    let inline = [
        &b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: inline\r\n\r\n"[..],
        &armored,
    ]
    .concat();
    let err = bob.env.refused(&["decrypt"], &inline, 2);
    assert!(err.contains("tag 20"), "{err}");
}

#[test]
fn librepgp_aead_sample_reads_in_sequoia_1() {
    // The sample's format, checked against Debian's sqop (Sequoia 1.x,
    // which still reads the tag 20 packet). Its Nettle (3.8) has no OCB,
    // so the check uses EAX, the packet's other mode: only the mode's
    // number and the nonce length differ.
    if !have("sqop") {
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let mut gen = std::process::Command::new("sqop");
    let key = run_ok(gen.args(["generate-key", "Bob <bob@example.org>"])).stdout;
    let key_file = write(dir.path(), "bob.key", &key);
    let cert = openpgp::Cert::from_bytes(&key).unwrap();
    let eax = openpgp::types::AEADAlgorithm::EAX;
    let armored = librepgp_aead_message(&cert, eax, b"Written by GnuPG 2.4.");
    let mut dec = std::process::Command::new("sqop");
    let out = run_with_stdin(dec.arg("decrypt").arg(&key_file), &armored);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "sqop decrypt: {err}");
    assert_eq!(out.stdout, b"Written by GnuPG 2.4.");
}
