//! Keys and peers for the tests. Certificates are made at test time with
//! Sequoia's CertBuilder (Ed25519 signing, Cv25519 encryption: cheap),
//! or by the real `gpg` / `sqop` in a temporary directory.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::{Features, ReasonForRevocation};
use openpgp::{Cert, Profile};
use tempfile::TempDir;

use crate::openpgp::policy::system_time;
use crate::openpgp::{MemoryKeys, SigningKey};
use crate::time::Timestamp;

/// The reference time of the tests (2026-06-01T12:00:00Z).
pub const AT: Timestamp = Timestamp(1_780_315_200);

/// A certificate (with unencrypted secrets) made one day before [`AT`],
/// valid for three years, advertising SEIPD v1 and v2 (Sequoia's
/// default features).
pub fn cert(email: &str) -> Cert {
    cert_made(email, Timestamp(AT.0 - 86_400))
}

/// Like [`cert`], made at `created`.
pub fn cert_made(email: &str, created: Timestamp) -> Cert {
    builder(email, created).generate().expect("generate").0
}

/// Like [`cert`], but advertising SEIPD v1 only (as GnuPG 2.2 keys do).
pub fn cert_v1_only(email: &str) -> Cert {
    builder(email, Timestamp(AT.0 - 86_400))
        .set_features(Features::empty().set_seipdv1())
        .expect("features")
        .generate()
        .expect("generate")
        .0
}

/// A version 6 certificate (RFC 9580 profile: Ed25519 and X25519 keys).
pub fn cert_v6(email: &str, created: Timestamp) -> Cert {
    builder(email, created)
        .set_profile(Profile::RFC9580)
        .expect("profile")
        .generate()
        .expect("generate")
        .0
}

fn builder(email: &str, created: Timestamp) -> CertBuilder<'static> {
    CertBuilder::general_purpose(Some(format!("<{email}>")))
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_creation_time(system_time(created))
}

/// The primary key of an unencrypted TSK, to sign with directly.
pub fn primary_keypair(tsk: &Cert) -> openpgp::crypto::KeyPair {
    tsk.primary_key()
        .key()
        .clone()
        .parts_into_secret()
        .expect("secret primary key")
        .into_keypair()
        .expect("key pair")
}

/// Revokes `tsk` (the whole certificate) at `when` for `reason`.
pub fn revoke(tsk: &Cert, reason: ReasonForRevocation, when: Timestamp) -> Cert {
    let sig = CertRevocationBuilder::new()
        .set_signature_creation_time(system_time(when))
        .expect("time")
        .set_reason_for_revocation(reason, b"test revocation")
        .expect("reason")
        .build(&mut primary_keypair(tsk), tsk, None)
        .expect("revocation");
    tsk.clone().insert_packets(sig).expect("insert").0
}

/// The signing key of an unencrypted TSK.
pub fn signer(tsk: &Cert, at: Timestamp) -> SigningKey {
    SigningKey::new(&MemoryKeys::new([tsk.clone()]), tsk, at).expect("signing key")
}

/// Keys holding only the public parts of `certs`.
pub fn public(certs: &[&Cert]) -> MemoryKeys {
    MemoryKeys::new(
        certs
            .iter()
            .map(|c| (*c).clone().strip_secret_key_material()),
    )
}

/// The armored public certificate.
pub fn armored(cert: &Cert) -> Vec<u8> {
    cert.armored().to_vec().expect("armor")
}

/// The armored secret key.
pub fn armored_secret(tsk: &Cert) -> Vec<u8> {
    tsk.as_tsk().armored().to_vec().expect("armor")
}

/// Whether a peer tool is installed; tests that need it say so and pass
/// when it is not.
pub fn have(tool: &str) -> bool {
    let works = |arg: &str| {
        Command::new(tool)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    // gpg answers --version; SOP tools answer `version`.
    let found = works("--version") || works("version");
    if !found {
        eprintln!("note: {tool} not found; skipping this interoperability test");
    }
    found
}

/// Runs `cmd` with `stdin`; returns its output whatever the status.
pub fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    out
}

/// Like [`run`], but the command must succeed.
pub fn run_ok(cmd: &mut Command, stdin: &[u8]) -> Vec<u8> {
    let out = run(cmd, stdin);
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A throwaway GnuPG home (`gpg` 2.2). Keys are made without
/// passphrases; the agent started there is stopped on drop.
pub struct Gpg {
    pub home: TempDir,
}

impl Gpg {
    pub fn new() -> Option<Gpg> {
        if !have("gpg") {
            return None;
        }
        let home = TempDir::new().expect("temp dir");
        std::fs::write(
            home.path().join("gpg-agent.conf"),
            "allow-loopback-pinentry\n",
        )
        .expect("agent conf");
        Some(Gpg { home })
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new("gpg");
        c.env("GNUPGHOME", self.home.path()).args([
            "--batch",
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--trust-model",
            "always",
        ]);
        c
    }

    /// `gpg --gen-key` for an Ed25519 primary with a Cv25519 subkey;
    /// returns the secret key as Sequoia reads it.
    pub fn generate(&self, email: &str) -> Cert {
        let params = format!(
            "%no-protection\nKey-Type: eddsa\nKey-Curve: ed25519\nKey-Usage: sign\n\
             Subkey-Type: ecdh\nSubkey-Curve: cv25519\nSubkey-Usage: encrypt\n\
             Name-Email: {email}\nExpire-Date: 0\n%commit\n"
        );
        run_ok(self.cmd().arg("--gen-key"), params.as_bytes());
        let secret = run_ok(self.cmd().args(["--export-secret-keys", email]), b"");
        Cert::from_bytes(&secret).expect("gpg secret key")
    }

    /// `gpg --import` of a certificate or key.
    pub fn import(&self, data: &[u8]) {
        run_ok(self.cmd().arg("--import"), data);
    }

    /// Writes `data` into the home directory and returns the path.
    pub fn file(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.home.path().join(name);
        std::fs::write(&path, data).expect("write");
        path
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "gpg-agent"])
            .output();
    }
}

/// `sqop` (Sequoia's Stateless OpenPGP CLI) with files in a temporary
/// directory.
pub struct Sqop {
    pub dir: TempDir,
}

impl Sqop {
    pub fn new() -> Option<Sqop> {
        have("sqop").then(|| Sqop {
            dir: TempDir::new().expect("temp dir"),
        })
    }

    pub fn file(&self, name: &str, data: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, data).expect("write");
        path.to_string_lossy().into_owned()
    }

    /// `sqop ARGS...` fed `stdin`: the output, whatever the status.
    pub fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        run(Command::new("sqop").args(args), stdin)
    }

    pub fn run_ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8> {
        run_ok(Command::new("sqop").args(args), stdin)
    }
}
