//! Test keys and certificates made by the real `openssl` binary, and a
//! scratch directory to run it in. Key generation happens once per test
//! process; every test gets its own directory.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use der::DecodePem;
use tempfile::TempDir;
use x509_cert::Certificate;

use crate::smime::capabilities::Reader;
use crate::smime::key::PrivateKey;
use crate::smime::sign::Signer;

/// One signer: key and self-signed certificate, in memory and as PEM.
pub struct Fixture {
    pub name: &'static str,
    pub key: PrivateKey,
    pub key_pem: String,
    pub cert: Certificate,
    pub cert_pem: String,
}

impl Fixture {
    pub fn signer(&self) -> Signer<'_> {
        Signer {
            key: &self.key,
            cert: &self.cert,
            chain: &[],
            reader: Reader::Mailseal,
        }
    }
}

/// The four key types, in this order.
pub struct Keys {
    pub rsa: Fixture,
    pub p256: Fixture,
    pub p384: Fixture,
    pub ed25519: Fixture,
}

impl Keys {
    pub fn all(&self) -> [&Fixture; 4] {
        [&self.rsa, &self.p256, &self.p384, &self.ed25519]
    }
}

pub fn openssl_available() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The shared keys, or `None` (with a note on stderr) without openssl.
pub fn keys() -> Option<&'static Keys> {
    static KEYS: OnceLock<Option<Keys>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| openssl_available().then(generate_keys));
    if keys.is_none() {
        eprintln!("note: openssl not found; skipping this interoperability test");
    }
    keys.as_ref()
}

fn generate_keys() -> Keys {
    let work = Work::new();
    Keys {
        rsa: work.generate(
            "rsa",
            &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ),
        p256: work.generate(
            "p256",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ),
        p384: work.generate(
            "p384",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ),
        ed25519: work.generate("ed25519", &["-algorithm", "ED25519"]),
    }
}

/// A temporary directory to run openssl in.
pub struct Work {
    pub dir: TempDir,
}

impl Work {
    pub fn new() -> Self {
        Work {
            dir: TempDir::new().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file and returns its path as a string for openssl.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap()
    }

    /// Runs `openssl args...` in the directory.
    pub fn openssl(&self, args: &[&str]) -> Output {
        Command::new("openssl")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// Runs openssl and fails the test, showing stderr, if it fails.
    pub fn openssl_ok(&self, args: &[&str]) -> Output {
        let out = self.openssl(args);
        assert!(
            out.status.success(),
            "openssl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Writes a fixture's key and certificate as `NAME.key` / `NAME.crt`.
    pub fn install(&self, f: &Fixture) -> (String, String) {
        (
            self.write(&format!("{}.key", f.name), &f.key_pem),
            self.write(&format!("{}.crt", f.name), &f.cert_pem),
        )
    }

    fn generate(&self, name: &'static str, genpkey: &[&str]) -> Fixture {
        let key = format!("{name}.key");
        let crt = format!("{name}.crt");
        // openssl genpkey <algorithm options> -out NAME.key  (PKCS#8 PEM)
        self.openssl_ok(&[&["genpkey"], genpkey, &["-out", &key]].concat());
        // A self-signed S/MIME certificate valid for ten years, signed with
        // SHA-384 for P-384 (gpgsm refuses a shorter hash for that curve):
        // openssl req -x509 -new -key NAME.key [-sha384] -subj ... -addext ... -out NAME.crt
        let hash = if name == "p384" { "-sha384" } else { "-sha256" };
        let hash = if name == "ed25519" { "-batch" } else { hash };
        let subj = format!("/CN=Test {name}/emailAddress={name}@example.org");
        let san = format!("subjectAltName=email:{name}@example.org");
        self.openssl_ok(&[
            "req",
            "-x509",
            "-new",
            "-key",
            &key,
            hash,
            "-subj",
            &subj,
            "-days",
            "3650",
            "-addext",
            "extendedKeyUsage=emailProtection",
            "-addext",
            "keyUsage=digitalSignature,nonRepudiation",
            "-addext",
            &san,
            "-out",
            &crt,
        ]);
        let key_pem = String::from_utf8(self.read(&key)).unwrap();
        let (label, der) = der::pem::decode_vec(key_pem.as_bytes()).unwrap();
        assert_eq!(label, "PRIVATE KEY");
        let cert_pem = String::from_utf8(self.read(&crt)).unwrap();
        Fixture {
            name,
            key: PrivateKey::from_pkcs8_der(&der).unwrap(),
            cert: Certificate::from_pem(cert_pem.as_bytes()).unwrap(),
            key_pem,
            cert_pem,
        }
    }
}

impl Default for Work {
    fn default() -> Self {
        Self::new()
    }
}

/// The content every test signs: a small canonical MIME entity.
pub const CONTENT: &[u8] =
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nHello, world.\r\n-- \r\nAlice\r\n";
