//! OpenPGP workloads: encrypt 1 MB to 100 Cv25519 recipients with
//! `sqop encrypt` and `gpg --encrypt` against `mailseal encrypt --openpgp`.
//! The keys are made by sqop (v4, Ed25519 + Cv25519); mailseal imports
//! the certificates and makes each a web-of-trust root, so it checks that
//! every binding is fully valid, which the peers skip. Its first run
//! judges every certificate and keeps the judgements in the keyring, as
//! for a user who writes to the same people again; the median is of runs
//! that reuse them (trust itself is still decided in each run).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::Cert;

use super::{medians, report, RECIPIENTS};

struct Keys {
    dir: PathBuf,
    certs: Vec<PathBuf>,
    fingerprints: Vec<String>,
    emails: Vec<String>,
    keyring: PathBuf,
    gnupghome: PathBuf,
}

pub fn bench_encrypt(d: &Path, msg: &Path) {
    eprintln!("setting up {RECIPIENTS} OpenPGP recipients ...");
    let k = Keys::new(d);
    let m = msg.to_str().unwrap();
    let mut sqop = || {
        let mut c = Command::new("sqop");
        c.arg("encrypt").args(&k.certs);
        c.stdin(std::fs::File::open(msg).unwrap());
        c.stdout(Stdio::null());
        c
    };
    let mut gpg = || {
        let mut c = k.gpg();
        c.args(["--trust-model", "always", "--encrypt", "-o", "/dev/null"]);
        for f in &k.fingerprints {
            c.args(["-r", f]);
        }
        c.arg(m);
        c
    };
    let mut ours = || {
        let mut c = k.ours();
        c.args(["encrypt", "--openpgp", "--no-self", "-o", "/dev/null"]);
        for e in &k.emails {
            c.args(["-r", e]);
        }
        c.arg(m);
        c
    };
    let m = medians(&mut [&mut sqop, &mut gpg, &mut ours]);
    let (sqop, gpg, ours) = (m[0], m[1], m[2]);
    report(
        "encrypt 1 MB to 100 Cv25519 recipients (sqop encrypt)",
        sqop,
        ours,
    );
    report(
        "encrypt 1 MB to 100 Cv25519 recipients (gpg --encrypt)",
        gpg,
        ours,
    );
}

impl Keys {
    fn new(d: &Path) -> Keys {
        let dir = d.join("openpgp");
        std::fs::create_dir_all(&dir).unwrap();
        let gnupghome = dir.join("gnupg");
        std::fs::create_dir_all(&gnupghome).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&gnupghome, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let mut k = Keys {
            keyring: dir.join("keyring"),
            dir,
            certs: Vec::new(),
            fingerprints: Vec::new(),
            emails: Vec::new(),
            gnupghome,
        };
        for i in 0..RECIPIENTS {
            k.add_recipient(i);
        }
        let mut import = k.ours();
        import.args(["keyring", "import"]).args(&k.certs);
        assert!(import.status().unwrap().success(), "keyring import");
        for f in &k.fingerprints {
            let mut root = k.ours();
            root.args(["trust", "root", f]);
            assert!(root.status().unwrap().success(), "trust root");
        }
        let mut import = k.gpg();
        import.arg("--import").args(&k.certs);
        assert!(import.status().unwrap().success(), "gpg --import");
        k
    }

    fn add_recipient(&mut self, i: usize) {
        let email = format!("p{i}@example.org");
        let key = sqop(&["generate-key", &format!("P{i} <{email}>")], b"");
        let cert = sqop(&["extract-cert"], &key);
        let parsed = Cert::from_bytes(&cert).expect("sqop certificate");
        let path = self.dir.join(format!("p{i}.cert"));
        std::fs::write(&path, &cert).unwrap();
        self.certs.push(path);
        self.fingerprints.push(parsed.fingerprint().to_hex());
        self.emails.push(email);
    }

    fn ours(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mailseal"));
        c.env_remove("RUST_BACKTRACE");
        c.arg("--keyring").arg(&self.keyring);
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    }

    fn gpg(&self) -> Command {
        let mut c = Command::new("gpg");
        c.arg("--homedir")
            .arg(&self.gnupghome)
            .args(["--batch", "--yes", "--quiet"]);
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    }
}

fn sqop(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut child = Command::new("sqop")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sqop");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "sqop {args:?}");
    out.stdout
}
