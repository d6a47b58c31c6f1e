//! NSS as a peer: the library of Thunderbird and Firefox, driven through
//! Debian's `libnss3-tools` (`certutil`, `pk12util`, `cmsutil`). Both
//! ways: the PKCS#12 files and CMS messages NSS writes are read by us, and
//! what we write is read by NSS.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

/// The PKCS#12 ciphers `pk12util -c`/`-C` name.
const NSS_3DES: &str = "PKCS #12 V2 PBE With SHA-1 And 3KEY Triple DES-CBC";
const NSS_RC2_40: &str = "PKCS #12 V2 PBE With SHA-1 And 40 Bit RC2 CBC";
const NSS_RC2_128: &str = "PKCS #12 V2 PBE With SHA-1 And 128 Bit RC2 CBC";
const NSS_RC4_40: &str = "PKCS #12 V2 PBE With SHA-1 And 40 Bit RC4";

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nHello from NSS.\r\n";

/// An NSS database (sql: format, empty password) that trusts the test CA
/// for e-mail.
struct Nss {
    dir: tempfile::TempDir,
}

impl Nss {
    fn new(pki: &Pki) -> Nss {
        let nss = Nss {
            dir: tempfile::TempDir::new().unwrap(),
        };
        nss.run("certutil", &["-N", "--empty-password"]);
        nss.add_cert("Interop CA", &pki.ca(), "C,C,C");
        nss
    }

    fn db(&self) -> String {
        format!("sql:{}", self.dir.path().display())
    }

    fn cmd(&self, tool: &str) -> Command {
        let mut c = Command::new(tool);
        c.arg("-d").arg(self.db());
        c
    }

    fn run(&self, tool: &str, args: &[&str]) -> Output {
        run_ok(self.cmd(tool).args(args))
    }

    fn add_cert(&self, nick: &str, cert: &Path, trust: &str) {
        self.run("certutil", &["-A", "-n", nick, "-t", trust, "-i", s(cert)]);
    }

    /// The user's key and certificate under the nickname `nick`, through a
    /// PKCS#12 file made by openssl (as a user moves a key into
    /// Thunderbird).
    fn add_user(&self, user: &User, nick: &str) {
        let p12 = self.dir.path().join(format!("{nick}.p12"));
        run_ok(Command::new("openssl").args([
            "pkcs12",
            "-export",
            "-name",
            nick,
            "-in",
            s(&user.cert),
            "-inkey",
            s(&user.key),
            "-passout",
            &format!("pass:{PASS}"),
            "-out",
            s(&p12),
        ]));
        self.run("pk12util", &["-i", s(&p12), "-W", PASS]);
    }

    /// `pk12util -o`: the key and chain of `nick`, with the key and
    /// certificate ciphers given (NSS's defaults when `None`).
    fn export(&self, nick: &str, key_cipher: Option<&str>, cert_cipher: Option<&str>) -> PathBuf {
        let out = self.dir.path().join("export.p12");
        let _ = std::fs::remove_file(&out);
        let mut cmd = self.cmd("pk12util");
        cmd.args(["-o", s(&out), "-n", nick, "-W", PASS]);
        if let Some(c) = key_cipher {
            cmd.args(["-c", c]);
        }
        if let Some(c) = cert_cipher {
            cmd.args(["-C", c]);
        }
        run_ok(&mut cmd);
        out
    }

    /// `cmsutil -D -h 2`: the decoded content, and the status lines NSS
    /// prints for each level (`signer0.status=GoodSignature`).
    fn decode(&self, der: &[u8], detached_content: Option<&[u8]>) -> (Vec<u8>, String) {
        let d = self.dir.path();
        let input = write(d, "in.der", der);
        let mut cmd = self.cmd("cmsutil");
        cmd.args(["-D", "-h", "2", "-i", s(&input)]);
        if let Some(content) = detached_content {
            cmd.args(["-c", s(&write(d, "content", content))]);
        }
        let out = run_ok(&mut cmd);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (out.stdout, text)
    }

    /// `cmsutil` with `args`, reading `content`: the DER it writes.
    fn cms(&self, args: &[&str], content: &[u8]) -> Vec<u8> {
        let d = self.dir.path();
        let input = write(d, "cms-in", content);
        let out = d.join("cms-out.der");
        run_ok(
            self.cmd("cmsutil")
                .args(args)
                .args(["-i", s(&input), "-o", s(&out)]),
        );
        std::fs::read(out).unwrap()
    }
}

fn world() -> World {
    common::world("Interop CA")
}

/// The CMS of a mailseal message (opaque) or its signature (detached) and
/// signed entity.
fn cms_of(message: &[u8]) -> (Vec<u8>, Option<Vec<u8>>) {
    match mailseal::mime::analyze(message).unwrap().root {
        mailseal::mime::Body::Pkcs7Mime { der, .. } => (der, None),
        mailseal::mime::Body::MultipartSigned {
            signed, signature, ..
        } => (signature, Some(signed)),
        _ => panic!("not S/MIME"),
    }
}

/// A keyring with only `p12` imported and the CA as anchor; `p12` must
/// carry alice's key: a message signed with it verifies as trusted and
/// a message openssl encrypted to alice decrypts.
fn assert_alice_key_works(w: &World, p12: &Path, what: &str) {
    let env = Env::new();
    env.import(p12);
    env.anchor(&w.pki.ca());
    let msg = message(
        "alice@example.org",
        "alice@example.org",
        "imported",
        "signed with the imported key",
    );
    let signed = env.expect(&["sign", "--smime"], &msg, 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 0, "{what}: {v}");
    assert_eq!(
        v["signatures"][0]["signer"]["emails"][0],
        "alice@example.org"
    );

    let content = write(env.dir.path(), "content.txt", ENTITY);
    let enc = run_ok(Command::new("openssl").args([
        "cms",
        "-encrypt",
        "-aes-256-gcm",
        "-in",
        s(&content),
        s(&w.alice.cert),
    ]));
    let mut m = b"From: bob@example.org\r\nTo: alice@example.org\r\nSubject: x\r\n".to_vec();
    m.extend_from_slice(&enc.stdout);
    let clear = env.expect(&["decrypt"], &m, 0);
    assert!(contains(&clear, b"Hello from NSS."), "{what}");
}

#[test]
fn we_import_nss_pkcs12_default_and_legacy_ciphers() {
    let w = world();
    let nss = Nss::new(&w.pki);
    nss.add_user(&w.alice, "alice");
    let cases = [
        ("NSS defaults (PBES2 AES)", None, None),
        (
            "3DES key, RC2-40 certificates",
            Some(NSS_3DES),
            Some(NSS_RC2_40),
        ),
        ("RC2-128", Some(NSS_RC2_128), Some(NSS_RC2_128)),
    ];
    for (what, key, cert) in cases {
        let p12 = nss.export("alice", key, cert);
        // What makes these files hard: BER with indefinite lengths.
        let bytes = std::fs::read(&p12).unwrap();
        assert_eq!(&bytes[..2], &[0x30, 0x80], "{what}: NSS writes BER");
        assert_alice_key_works(&w, &p12, what);
    }
}

#[test]
fn fail_nss_pkcs12_with_rc4_or_a_wrong_passphrase_is_named() {
    let w = world();
    let nss = Nss::new(&w.pki);
    nss.add_user(&w.alice, "alice");
    let p12 = nss.export("alice", Some(NSS_RC4_40), Some(NSS_RC2_40));
    let env = Env::new();
    let err = env.refused(&["keyring", "import", s(&p12)], b"", 2);
    assert!(
        err.contains("PKCS#12 file with key encryption pbeWithSHAAnd40BitRC4")
            && err.contains("which mailseal does not support"),
        "{err}"
    );
    assert!(!err.contains("not a PEM file"), "{err}");

    let good = nss.export("alice", None, None);
    std::fs::write(env.path("pass"), "not the passphrase\n").unwrap();
    let err = env.refused(&["keyring", "import", s(&good)], b"", 2);
    assert!(
        err.contains("wrong passphrase for the PKCS#12 file"),
        "{err}"
    );
}

#[test]
fn nss_verifies_our_signatures() {
    let w = world();
    let nss = Nss::new(&w.pki);
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "to-nss",
        "checked by NSS",
    );
    for flags in [&["sign"][..], &["sign", "--opaque"][..]] {
        let signed = w.env.expect(flags, &msg, 0);
        let (der, entity) = cms_of(&signed);
        let (content, status) = nss.decode(&der, entity.as_deref());
        assert!(
            status.contains("signer0.status=GoodSignature"),
            "{flags:?}: {status}"
        );
        assert!(contains(&content, b"checked by NSS"), "{flags:?}");
    }
}

#[test]
fn nss_decrypts_ours() {
    let w = world();
    let nss = Nss::new(&w.pki);
    // A correspondent whose certificate is all we know of (no
    // capabilities seen), with the key in NSS.
    let carol = w.pki.user("carol@example.org", CertOpts::default());
    w.env.import(&carol.cert);
    nss.add_user(&carol, "carol");
    let msg = message(
        "alice@example.org",
        "carol@example.org",
        "to-nss",
        "read by NSS",
    );
    // NSS reads EnvelopedData, not AuthEnvelopedData (AES-GCM): cmsutil
    // answers SEC_ERROR_UNRECOGNIZED_OID. What we write for a correspondent
    // who cannot read GCM is AES-256-CBC, signed or not.
    for flags in [
        &["encrypt"][..],
        &["encrypt", "--cipher", "aes256-cbc"][..],
        &["encrypt", "--cipher", "aes256-cbc", "--sign"][..],
    ] {
        let enc = w.env.expect(flags, &msg, 0);
        let (der, _) = cms_of(&enc);
        let (content, status) = nss.decode(&der, None);
        assert!(status.contains("type=envelopedData"), "{flags:?}: {status}");
        if flags.contains(&"--sign") {
            // The signed entity inside, checked by NSS in turn.
            let inner = mailseal::mime::analyze(&content).unwrap();
            let mailseal::mime::Body::MultipartSigned {
                signed, signature, ..
            } = inner.root
            else {
                panic!("not multipart/signed inside")
            };
            let (body, status) = nss.decode(&signature, Some(&signed));
            assert!(status.contains("signer0.status=GoodSignature"), "{status}");
            assert!(contains(&body, b"read by NSS"));
        } else {
            assert!(contains(&content, b"read by NSS"), "{flags:?}");
        }
    }
}

/// Issue 17: in a keyring that holds only the CA anchor, a message NSS
/// signed (as Thunderbird sends it) verifies, its signer's certificate is
/// kept, and a reply encrypted to the signer is read by `openssl cms` and
/// by NSS.
#[test]
fn issue17_verify_keeps_the_nss_signer_and_encrypt_replies_to_it() {
    let pki = Pki::new("Interop CA");
    let carol = pki.user("carol@example.org", CertOpts::default());
    let nss = Nss::new(&pki);
    nss.add_user(&carol, "carol");
    let env = Env::new();
    env.anchor(&pki.ca());
    let signed = nss.cms(&["-S", "-N", "carol", "-G", "-P"], ENTITY);
    let (v, code) = env.verdict(&pkcs7_mime("carol@example.org", "signed-data", &signed));
    assert_eq!(code, 0, "cmsutil -S: {v}");

    let msg = message(
        "me@example.org",
        "carol@example.org",
        "reply",
        "a reply to NSS",
    );
    let out = env.run(
        &[
            "-v",
            "encrypt",
            "--smime",
            "--no-self",
            "-r",
            "carol@example.org",
        ],
        &msg,
    );
    let report = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        report.contains("S/MIME content encryption: AES-256-CBC"),
        "{report}"
    );
    assert!(report.contains("in signed mail of"), "{report}");
    let enc = write(env.dir.path(), "reply.eml", &out.stdout);
    let clear = run_ok(Command::new("openssl").args([
        "cms",
        "-decrypt",
        "-in",
        s(&enc),
        "-recip",
        s(&carol.cert),
        "-inkey",
        s(&carol.key),
    ]));
    assert!(contains(&clear.stdout, b"a reply to NSS"));
    let (der, _) = cms_of(&out.stdout);
    let (content, status) = nss.decode(&der, None);
    assert!(status.contains("type=envelopedData"), "{status}");
    assert!(contains(&content, b"a reply to NSS"));
}

#[test]
fn we_verify_nss_signatures() {
    let w = world();
    let nss = Nss::new(&w.pki);
    nss.add_user(&w.alice, "alice");
    let opaque = nss.cms(&["-S", "-N", "alice", "-G", "-P"], ENTITY);
    let (v, code) = w
        .env
        .verdict(&pkcs7_mime("alice@example.org", "signed-data", &opaque));
    assert_eq!(code, 0, "cmsutil -S: {v}");
    assert_eq!(v["signatures"][0]["trust"]["level"], "full");

    let detached = nss.cms(&["-S", "-T", "-N", "alice", "-G", "-P"], ENTITY);
    let (v, code) = w
        .env
        .verdict(&multipart_signed("alice@example.org", ENTITY, &detached));
    assert_eq!(code, 0, "cmsutil -S -T: {v}");
    assert_eq!(v["signatures"][0]["covers"], "whole");
}

#[test]
fn we_decrypt_nss_messages_under_the_cbc_rules() {
    let w = world();
    let nss = Nss::new(&w.pki);
    nss.add_user(&w.alice, "alice");
    nss.add_cert("bob", &w.bob.cert, ",,");
    let d = w.env.dir.path();
    let enc = nss.cms(&["-E", "-r", "bob@example.org"], ENTITY);
    let msg = pkcs7_mime("alice@example.org", "enveloped-data", &enc);

    // CBC without a signature inside: refused unless asked for.
    let out = d.join("clear.eml");
    let err = w.env.refused(&["decrypt", "-o", s(&out)], &msg, 1);
    assert!(err.contains("without integrity protection"), "{err}");
    assert!(!out.exists());
    let clear = w.env.expect(&["decrypt", "--legacy-cbc"], &msg, 0);
    assert!(contains(&clear, b"Hello from NSS."));

    // Signed by alice, then encrypted (as Thunderbird does): the trusted
    // signature vouches for the content, which is written, marked.
    let signed = nss.cms(&["-S", "-N", "alice", "-G", "-P"], ENTITY);
    let signed_entity = format!(
        "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        b64(&signed)
    );
    let enc = nss.cms(&["-E", "-r", "bob@example.org"], signed_entity.as_bytes());
    let msg = pkcs7_mime("alice@example.org", "enveloped-data", &enc);
    let json = w.env.expect(&["--json", "decrypt", "-o", s(&out)], &msg, 0);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["verdict"], "trusted", "{v}");
    assert_eq!(v["integrity_protected"], false);
    // The signed layer is kept; unwrapping it gives NSS's content.
    let written = std::fs::read(&out).unwrap();
    let unwrapped = d.join("unwrapped.eml");
    w.env.expect(&["verify", "-o", s(&unwrapped)], &written, 0);
    assert!(contains(
        &std::fs::read(&unwrapped).unwrap(),
        b"Hello from NSS."
    ));
}

#[test]
fn we_import_nss_certificates_as_pem_with_76_columns() {
    let w = world();
    let nss = Nss::new(&w.pki);
    nss.add_user(&w.alice, "alice");
    // certutil -L -a writes 64 columns; folded again at 76 as MIME tools do.
    let pem = nss.run("certutil", &["-L", "-a", "-n", "alice"]).stdout;
    let text = String::from_utf8(pem).unwrap();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    let folded: Vec<String> = body
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    let pem76 = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        folded.join("\n")
    );
    let env = Env::new();
    let f = write(env.dir.path(), "alice76.pem", pem76.as_bytes());
    let out = env.run(&["keyring", "import", s(&f)], b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("imported 1 certificate"), "{err}");
    let listed = env.expect(&["keyring", "list", "alice@example.org"], b"", 0);
    assert!(contains(&listed, b"alice@example.org"));
}
