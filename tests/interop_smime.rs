//! Interoperability with the real peers, both ways: `openssl cms` and
//! `gpgsm` accept what we write, and we accept what they write.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nHello from a peer.\r\n";

fn world() -> World {
    common::world("Interop CA")
}

#[test]
fn openssl_verifies_our_signatures() {
    let w = world();
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "to-openssl",
        "checked by openssl",
    );
    for flags in [&["sign"][..], &["sign", "--opaque"][..]] {
        let signed = w.env.expect(flags, &msg, 0);
        let f = write(w.env.dir.path(), "signed.eml", &signed);
        let out = run_ok(Command::new("openssl").args([
            "cms",
            "-verify",
            "-CAfile",
            s(&w.pki.ca()),
            "-in",
            s(&f),
            "-purpose",
            "smimesign",
        ]));
        assert!(contains(&out.stdout, b"checked by openssl"), "{flags:?}");
    }
}

#[test]
fn we_verify_openssl_signatures() {
    let w = world();
    let d = w.env.dir.path();
    let content = write(d, "content.txt", ENTITY);
    for extra in [
        &[][..],
        &["-nodetach"][..],
        &["-nodetach", "-stream"][..],
        &["-md", "sha512"][..],
        &["-keyopt", "rsa_padding_mode:pss"][..],
    ] {
        let out = w.alice.cms_sign(&content, extra);
        let mut msg =
            b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: openssl\r\n".to_vec();
        msg.extend_from_slice(&out);
        let (v, code) = w.env.verdict(&msg);
        assert_eq!(code, 0, "openssl cms -sign {extra:?}: {v}");
        assert_eq!(v["signatures"][0]["trust"]["level"], "full");
    }
}

#[test]
fn openssl_decrypts_ours_for_each_of_three_recipients() {
    let w = world();
    let carol = w.pki.user("carol@example.org", CertOpts::default());
    w.env.import(&carol.cert);
    let msg = message(
        "alice@example.org",
        "bob@example.org, carol@example.org",
        "three",
        "for three readers",
    );
    let d = w.env.dir.path();
    for flags in [
        &["encrypt"][..],
        &["encrypt", "--key-transport", "oaep"][..],
        &["encrypt", "--cipher", "aes256-cbc"][..],
        &["encrypt", "--sign"][..],
    ] {
        let enc = w.env.expect(flags, &msg, 0);
        let f = write(d, "enc.eml", &enc);
        for u in [&w.alice, &w.bob, &carol] {
            let out = run_ok(Command::new("openssl").args([
                "cms",
                "-decrypt",
                "-in",
                s(&f),
                "-recip",
                s(&u.cert),
                "-inkey",
                s(&u.key),
            ]));
            if flags.contains(&"--sign") {
                let inner = write(d, "inner.eml", &out.stdout);
                let v = run_ok(Command::new("openssl").args([
                    "cms",
                    "-verify",
                    "-CAfile",
                    s(&w.pki.ca()),
                    "-in",
                    s(&inner),
                ]));
                assert!(contains(&v.stdout, b"for three readers"));
            } else {
                assert!(
                    contains(&out.stdout, b"for three readers"),
                    "{flags:?} for {}",
                    u.email
                );
            }
        }
    }
}

#[test]
fn we_decrypt_openssl_messages() {
    let w = world();
    let d = w.env.dir.path();
    let content = write(d, "content.txt", ENTITY);
    let cases: [(&[&str], &[&str]); 5] = [
        (&["-aes-256-gcm"], &[]),
        (&["-aes256"], &["--legacy-cbc"]),
        (&["-aes128", "-stream"], &["--legacy-cbc"]),
        (
            &["-aes256", "-keyopt", "rsa_padding_mode:oaep"],
            &["--legacy-cbc"],
        ),
        (
            &[
                "-aes256",
                "-keyopt",
                "rsa_padding_mode:oaep",
                "-keyopt",
                "rsa_oaep_md:sha256",
            ],
            &["--legacy-cbc"],
        ),
    ];
    for (ossl, ours) in cases {
        let out = run_ok(
            Command::new("openssl")
                .args([
                    "cms",
                    "-encrypt",
                    "-in",
                    s(&content),
                    "-recip",
                    s(&w.bob.cert),
                ])
                .args(ossl),
        );
        let mut msg =
            b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: openssl\r\n".to_vec();
        msg.extend_from_slice(&out.stdout);
        let mut args = vec!["decrypt"];
        args.extend_from_slice(ours);
        let clear = w.env.expect(&args, &msg, 0);
        assert!(contains(&clear, b"Hello from a peer."), "{ossl:?}");
    }
}

#[test]
fn we_decrypt_and_verify_openssl_sign_then_encrypt() {
    let w = world();
    let d = w.env.dir.path();
    let content = write(d, "content.txt", ENTITY);
    let signed_f = write(d, "signed.eml", &w.alice.cms_sign(&content, &[]));
    let enc = run_ok(Command::new("openssl").args([
        "cms",
        "-encrypt",
        "-aes256",
        "-in",
        s(&signed_f),
        s(&w.bob.cert),
    ]));
    let mut msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: s+e\r\n".to_vec();
    msg.extend_from_slice(&enc.stdout);
    // CBC, but a good signature inside authenticates the content.
    let out = w
        .env
        .run(&["--json", "decrypt", "-o", s(&d.join("clear.eml"))], &msg);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "trusted");
    assert_eq!(v["integrity_protected"], false);
}

/// A gpgsm home that trusts the test CA, with `dave@example.org`'s key
/// made by gpgsm and certified by the test CA.
struct Gpgsm {
    home: tempfile::TempDir,
    dave_cert: PathBuf,
}

impl Gpgsm {
    fn new(pki: &Pki) -> Gpgsm {
        let home = tempfile::Builder::new()
            .prefix("gs")
            .tempdir_in("/tmp")
            .unwrap();
        let h = home.path().to_path_buf();
        let h = h.as_path();
        std::fs::write(h.join("gpgsm.conf"), "disable-crl-checks\n").unwrap();
        std::fs::write(h.join("gpg-agent.conf"), "allow-loopback-pinentry\n").unwrap();
        let mut g = Gpgsm {
            home,
            dave_cert: PathBuf::new(),
        };
        g.run(&["--import", s(&pki.ca())]);
        let colons = g.run(&["--with-colons", "--list-keys"]);
        let fpr = String::from_utf8_lossy(&colons.stdout)
            .lines()
            .find(|l| l.starts_with("fpr:"))
            .and_then(|l| l.split(':').nth(9))
            .unwrap()
            .to_string();
        std::fs::write(h.join("trustlist.txt"), format!("{fpr} S relax\n")).unwrap();
        let params = write(h, "genkey.txt", b"Key-Type: RSA\nKey-Length: 2048\nKey-Usage: sign, encrypt\nName-DN: CN=dave,O=Example Org\nName-Email: dave@example.org\n");
        let csr = g.run(&["--armor", "--gen-key", s(&params)]);
        let csr_f = write(pki.dir.path(), "dave.csr", &csr.stdout);
        run_ok(
            Command::new("openssl")
                .args([
                    "ca",
                    "-batch",
                    "-config",
                    "ca.cnf",
                    "-extensions",
                    "user_ext",
                    "-in",
                    s(&csr_f),
                    "-out",
                    "dave.pem",
                    "-startdate",
                    "20260101000000Z",
                    "-enddate",
                    "20280101000000Z",
                    "-notext",
                ])
                .current_dir(pki.dir.path())
                .env("MAILADDR", "dave@example.org"),
        );
        let dave_cert = pki.dir.path().join("dave.pem");
        g.run(&["--import", s(&dave_cert)]);
        g.dave_cert = dave_cert;
        g
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("gpgsm");
        c.env("GNUPGHOME", self.home.path()).args([
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--faked-system-time",
            "20260601T120000",
        ]);
        c
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        run_ok(self.cmd().args(args))
    }
}

impl Drop for Gpgsm {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "gpg-agent"])
            .status();
    }
}

#[test]
fn gpgsm_verifies_our_signatures() {
    let w = world();
    let g = Gpgsm::new(&w.pki);
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "to-gpgsm",
        "checked by gpgsm",
    );
    let d = w.env.dir.path();
    let signed = w.env.expect(&["sign"], &msg, 0);
    let a = mailseal::mime::analyze(&signed).unwrap();
    let mailseal::mime::Body::MultipartSigned {
        signed: entity,
        signature,
        ..
    } = a.root
    else {
        panic!("not multipart/signed")
    };
    let sig = write(d, "sig.der", &signature);
    let content = write(d, "content", &entity);
    let out = g
        .cmd()
        .args(["--verify", s(&sig), s(&content)])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.contains("Good signature"),
        "{err}"
    );

    let opaque = w.env.expect(&["sign", "--opaque"], &msg, 0);
    let a = mailseal::mime::analyze(&opaque).unwrap();
    let mailseal::mime::Body::Pkcs7Mime { der, .. } = a.root else {
        panic!("not pkcs7-mime")
    };
    let f = write(d, "opaque.der", &der);
    let out = g
        .cmd()
        .args(["--output", "-", "--verify", s(&f)])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.contains("Good signature"),
        "{err}"
    );
    assert!(contains(&out.stdout, b"checked by gpgsm"));
}

#[test]
fn gpgsm_decrypts_ours() {
    let w = world();
    let g = Gpgsm::new(&w.pki);
    w.env.import(&g.dave_cert);
    let msg = message(
        "alice@example.org",
        "dave@example.org, bob@example.org",
        "to-gpgsm",
        "read by gpgsm",
    );
    // gpgsm 2.2 reads EnvelopedData only (not AuthEnvelopedData).
    let enc = w
        .env
        .expect(&["encrypt", "--cipher", "aes256-cbc"], &msg, 0);
    let a = mailseal::mime::analyze(&enc).unwrap();
    let mailseal::mime::Body::Pkcs7Mime { der, .. } = a.root else {
        panic!("not pkcs7-mime")
    };
    let f = write(w.env.dir.path(), "enc.der", &der);
    let out = g.cmd().args(["--decrypt", s(&f)]).output().unwrap();
    assert!(
        contains(&out.stdout, b"read by gpgsm"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn we_verify_and_decrypt_gpgsm_output() {
    let w = world();
    let g = Gpgsm::new(&w.pki);
    w.env.import(&g.dave_cert);
    let d = w.env.dir.path();
    let content = write(d, "entity", ENTITY);
    let sig = g.run(&[
        "--detach-sign",
        "--local-user",
        "dave@example.org",
        s(&content),
    ]);
    let (v, code) = w
        .env
        .verdict(&multipart_signed("dave@example.org", ENTITY, &sig.stdout));
    assert_eq!(code, 0, "{v}");
    let opaque = g.run(&["--sign", "--local-user", "dave@example.org", s(&content)]);
    let (v, code) = w.env.verdict(&pkcs7_mime(
        "dave@example.org",
        "signed-data",
        &opaque.stdout,
    ));
    assert_eq!(code, 0, "{v}");

    g.run(&["--import", s(&w.bob.cert)]);
    let enc = g.run(&["--encrypt", "--recipient", "bob@example.org", s(&content)]);
    let clear = w.env.expect(
        &["decrypt", "--legacy-cbc"],
        &pkcs7_mime("dave@example.org", "enveloped-data", &enc.stdout),
        0,
    );
    assert!(contains(&clear, b"Hello from a peer."));
}
