//! Test vectors made at test time by the real `openssl` binary (3.0), in a
//! throwaway directory. Each helper names the commands it runs.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;
use zeroize::Zeroizing;

use crate::passphrase::PassphraseSource;

/// The passphrase used for encrypted test inputs and keys at rest.
pub const PASS: &str = "test passphrase";

pub fn pass(p: &str) -> PassphraseSource {
    PassphraseSource::Fixed(Zeroizing::new(p.to_string()))
}

/// A scratch directory for openssl's files; `keyring()` lies beside them.
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            dir: TempDir::new().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A fresh keyring directory (not yet created) under the scratch dir.
    pub fn keyring_dir(&self, name: &str) -> PathBuf {
        self.path(name).join("keyring")
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap()
    }

    pub fn write(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.path(name), bytes).unwrap();
    }

    /// Runs `openssl args...` in the scratch dir; panics (fails the test)
    /// unless it succeeds. Returns stdout.
    pub fn openssl(&self, args: &[&str]) -> String {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("running openssl");
        assert!(
            out.status.success(),
            "openssl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `openssl req -x509 -newkey rsa:2048 -nodes -keyout {stem}.key
    /// -out {stem}.pem -days 365 -subj /CN={cn} -addext
    /// subjectAltName=email:{email}`: a self-signed certificate and its
    /// unencrypted PKCS#8 key, both PEM.
    pub fn rsa_cert(&self, stem: &str, cn: &str, email: &str) {
        self.self_signed(stem, cn, email, &["-newkey", "rsa:2048"]);
    }

    /// As [`Scratch::rsa_cert`] with `-newkey ec -pkeyopt
    /// ec_paramgen_curve:P-256` (fast, for tests that need many).
    pub fn ec_cert(&self, stem: &str, cn: &str, email: &str) {
        self.self_signed(
            stem,
            cn,
            email,
            &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        );
    }

    /// `openssl req -x509 -nodes -keyout {stem}.key -out {stem}.pem -days
    /// 365 -subj /CN={cn} -addext subjectAltName=email:{email} ARGS...`
    /// (a later `-days` wins).
    pub fn self_signed(&self, stem: &str, cn: &str, email: &str, more: &[&str]) {
        let (key, cert) = (format!("{stem}.key"), format!("{stem}.pem"));
        let (subj, san) = (format!("/CN={cn}"), format!("subjectAltName=email:{email}"));
        let mut args = vec!["req", "-x509", "-nodes", "-keyout", &key, "-out", &cert];
        args.extend_from_slice(&["-days", "365", "-subj", &subj, "-addext", &san]);
        args.extend_from_slice(more);
        self.openssl(&args);
    }

    /// A CA (`ca.pem`, `ca.key`, made by [`Scratch::rsa_cert`]) and a leaf
    /// it signed (`{stem}.pem`, `{stem}.key`):
    /// `openssl req -new -newkey rsa:2048 -nodes ... | openssl x509 -req
    /// -CA ca.pem -CAkey ca.key -copy_extensions copy`.
    pub fn ca_and_leaf(&self, stem: &str, cn: &str, email: &str) {
        self.rsa_cert("ca", "Test CA", "ca@example.org");
        let (key, csr, cert) = (
            format!("{stem}.key"),
            format!("{stem}.csr"),
            format!("{stem}.pem"),
        );
        let (subj, san) = (format!("/CN={cn}"), format!("subjectAltName=email:{email}"));
        self.openssl(&[
            "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", &key, "-out", &csr, "-subj",
            &subj, "-addext", &san,
        ]);
        self.openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-days",
            "30",
            "-copy_extensions",
            "copy",
            "-out",
            &cert,
        ]);
    }

    /// A CRL issued by `ca.pem`/`ca.key`, PEM `crl.pem` and DER `crl.der`:
    /// `openssl ca -config ca.cnf -gencrl -keyfile ca.key -cert ca.pem
    /// -out crl.pem`, then `openssl crl -in crl.pem -outform DER`.
    pub fn crl(&self) {
        self.write(
            "ca.cnf",
            b"[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\ncrlnumber = crlnumber\n\
              default_md = sha256\ndefault_crl_days = 30\n",
        );
        self.write("index.txt", b"");
        self.write("crlnumber", b"01\n");
        self.openssl(&[
            "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "ca.pem", "-out",
            "crl.pem",
        ]);
        self.openssl(&[
            "crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der",
        ]);
    }

    /// The SHA-1 fingerprint as openssl prints it, `AB:CD:...`:
    /// `openssl x509 -noout -fingerprint -sha1 -in {cert}`.
    pub fn sha1_colons(&self, cert: &str) -> String {
        let out = self.openssl(&["x509", "-noout", "-fingerprint", "-sha1", "-in", cert]);
        out.trim().rsplit('=').next().unwrap().to_string()
    }

    /// The key's PKCS#8 DER without encryption:
    /// `openssl pkcs8 -topk8 -nocrypt -in {key} -outform DER`.
    pub fn plain_pkcs8_der(&self, key: &str) -> Vec<u8> {
        let out = format!("{key}.p8.der");
        self.openssl(&[
            "pkcs8", "-topk8", "-nocrypt", "-in", key, "-outform", "DER", "-out", &out,
        ]);
        self.read(&out)
    }

    pub fn concat(&self, names: &[&str]) -> Vec<u8> {
        names.iter().flat_map(|n| self.read(n)).collect()
    }
}

/// Every byte of the files in `dir` (the database and its WAL).
pub fn dir_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        all.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    all
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
