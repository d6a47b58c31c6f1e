//! Keys and certificates made once per test run with the real `openssl`
//! binary, and helpers to run `openssl cms` on messages.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use der::DecodePem;
use x509_cert::Certificate;

use crate::smime::key::PrivateKey;

/// One recipient: PEM files as openssl wrote them, and our parsed forms.
pub struct Party {
    pub name: &'static str,
    pub key_pem: String,
    pub cert_pem: String,
    pub key: PrivateKey,
    pub cert: Certificate,
}

pub struct Fixture {
    /// Three RSA-2048 recipients.
    pub rsa: Vec<Party>,
    /// A P-256 recipient (KeyAgree).
    pub p256: Party,
    /// A P-384 recipient: openssl encrypts to it; our encrypt refuses it.
    pub p384: Party,
}

/// The shared fixture, or `None` (with a note printed) when openssl is not
/// installed, so the calling test can return early.
pub fn fixture() -> Option<&'static Fixture> {
    static FIXTURE: OnceLock<Option<Fixture>> = OnceLock::new();
    let f = FIXTURE.get_or_init(|| openssl_available().then(make_fixture));
    if f.is_none() {
        eprintln!("note: openssl not found, skipping an interoperability test");
    }
    f.as_ref()
}

fn openssl_available() -> bool {
    Command::new("openssl")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn make_fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let rsa = ["rsa1", "rsa2", "rsa3"]
        .into_iter()
        .map(|name| {
            make_party(
                dir.path(),
                name,
                &["-newkey", "rsa:2048"],
                "keyEncipherment",
            )
        })
        .collect();
    let p256 = make_party(
        dir.path(),
        "p256",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "keyAgreement",
    );
    let p384 = make_party(
        dir.path(),
        "p384",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "keyAgreement",
    );
    Fixture { rsa, p256, p384 }
}

/// A new key and a self-signed S/MIME encryption certificate:
/// `openssl req -x509 -newkey <alg> -noenc -keyout NAME.key -out NAME.crt
///  -subj /CN=NAME/emailAddress=NAME@example.org -days 3650
///  -addext keyUsage=<usage> -addext extendedKeyUsage=emailProtection`
pub fn make_party(dir: &Path, name: &'static str, newkey: &[&str], usage: &str) -> Party {
    let key_file = format!("{name}.key");
    let cert_file = format!("{name}.crt");
    let subj = format!("/CN={name}/emailAddress={name}@example.org");
    let key_usage = format!("keyUsage={usage}");
    let mut args = vec!["req", "-x509"];
    args.extend_from_slice(newkey);
    args.extend_from_slice(&[
        "-noenc",
        "-keyout",
        &key_file,
        "-out",
        &cert_file,
        "-subj",
        &subj,
        "-days",
        "3650",
        "-addext",
        &key_usage,
        "-addext",
        "extendedKeyUsage=emailProtection",
    ]);
    openssl(dir, &args);
    let key_pem = std::fs::read_to_string(dir.join(&key_file)).unwrap();
    let cert_pem = std::fs::read_to_string(dir.join(&cert_file)).unwrap();
    let (label, key_der) = der::pem::decode_vec(key_pem.as_bytes()).unwrap();
    assert_eq!(label, "PRIVATE KEY");
    Party {
        name,
        key: PrivateKey::from_pkcs8_der(&key_der).unwrap(),
        cert: Certificate::from_pem(cert_pem.as_bytes()).unwrap(),
        key_pem,
        cert_pem,
    }
}

impl Party {
    /// Writes NAME.key and NAME.crt into `dir` for openssl to read.
    pub fn write_to(&self, dir: &Path) {
        std::fs::write(dir.join(self.key_file()), &self.key_pem).unwrap();
        std::fs::write(dir.join(self.cert_file()), &self.cert_pem).unwrap();
    }

    pub fn key_file(&self) -> String {
        format!("{}.key", self.name)
    }

    pub fn cert_file(&self) -> String {
        format!("{}.crt", self.name)
    }
}

/// Runs openssl in `dir`; panics with its stderr if it fails.
pub fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A MIME entity with CRLF line ends, 8-bit text and every byte value, so
/// any newline or charset translation shows up as a mismatch.
pub fn sample_content() -> Vec<u8> {
    let mut content = b"Content-Type: application/octet-stream\r\n\
        Content-Transfer-Encoding: binary\r\n\r\n\
        Gr\xc3\xbc\xc3\x9fe \xe2\x80\x94 \x1b$B$3$s$K$A$O\x1b(B\r\n"
        .to_vec();
    content.extend(0u8..=255);
    content.extend(b"\r\n.\r\nend\n");
    content
}
