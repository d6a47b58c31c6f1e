//! The real `gpg` in a throwaway home directory, at a fixed time.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use super::{run_ok, PASS};

/// gpg's clock in these tests: keys and signatures are made on
/// 2026-01-01, before the tests' reference time [`super::AT`].
pub const GPG_TIME: &str = "20260101T000000!";

/// A gpg home directory; its agent is stopped when dropped.
pub struct Gpg {
    pub home: TempDir,
}

impl Gpg {
    pub fn new() -> Gpg {
        let home = tempfile::Builder::new().prefix("g").tempdir().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        std::fs::write(
            home.path().join("gpg-agent.conf"),
            "allow-loopback-pinentry\n",
        )
        .unwrap();
        Gpg { home }
    }

    /// gpg with the home, batch mode, loopback passphrase and fixed time.
    pub fn cmd(&self) -> Command {
        self.cmd_at(GPG_TIME)
    }

    /// [`Gpg::cmd`] with the clock at `time` (gpg's `YYYYMMDDTHHMMSS!`).
    pub fn cmd_at(&self, time: &str) -> Command {
        let mut c = self.interactive_at(time);
        c.args(["--batch", "--yes", "--trust-model", "always"])
            .stdin(Stdio::null());
        c
    }

    /// gpg with the home, loopback passphrase and the clock at `time`,
    /// but not in batch mode: for the commands that refuse it.
    fn interactive_at(&self, time: &str) -> Command {
        let mut c = Command::new("gpg");
        c.arg("--homedir").arg(self.home.path()).args([
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            PASS,
            "--faked-system-time",
            time,
        ]);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_ok(self.cmd().args(args))
    }

    /// Runs gpg with `stdin`; returns the output whatever the status.
    pub fn run_with(&self, args: &[&str], stdin: &[u8]) -> Output {
        super::run_with_stdin(self.cmd().args(args), stdin)
    }

    /// An Ed25519 signing key with a Cv25519 encryption subkey for
    /// `Name <email>`, protected with [`PASS`]; returns its fingerprint.
    pub fn generate(&self, name: &str, email: &str) -> String {
        self.generate_expiring(name, email, "never")
    }

    /// [`Gpg::generate`] with both keys expiring as gpg's `expire`
    /// argument says (`59d`, `never`, ...), counted from [`GPG_TIME`].
    pub fn generate_expiring(&self, name: &str, email: &str, expire: &str) -> String {
        let uid = format!("{name} <{email}>");
        self.run(&["--quick-gen-key", &uid, "ed25519", "sign,cert", expire]);
        let fpr = self.fingerprint(email);
        self.run(&["--quick-add-key", &fpr, "cv25519", "encr", expire]);
        fpr
    }

    pub fn fingerprint(&self, email: &str) -> String {
        let out = self.run(&["--with-colons", "--list-keys", email]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("fpr:"))
            .and_then(|l| l.split(':').nth(9))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("gpg has no key for {email}"))
    }

    /// What `gpg HOW -u SIGNER -o - FILE` writes (a signature or a
    /// clearsigned text), with the clock at `time`.
    pub fn sign_at(&self, time: &str, how: &[&str], signer: &str, file: &Path) -> Vec<u8> {
        let mut cmd = self.cmd_at(time);
        cmd.args(how).args(["-u", signer, "-o", "-"]).arg(file);
        run_ok(&mut cmd).stdout
    }

    /// [`Gpg::sign_at`] at [`GPG_TIME`].
    pub fn sign(&self, how: &[&str], signer: &str, file: &Path) -> Vec<u8> {
        self.sign_at(GPG_TIME, how, signer, file)
    }

    pub fn export(&self, email: &str) -> Vec<u8> {
        self.run(&["--armor", "--export", email]).stdout
    }

    pub fn export_secret(&self, email: &str) -> Vec<u8> {
        self.run(&["--armor", "--export-secret-keys", email]).stdout
    }

    /// Revokes the key with the revocation certificate gpg made with it
    /// (reason: none given, so a hard revocation).
    pub fn revoke(&self, fpr: &str) {
        let path = self.home.path().join(format!("openpgp-revocs.d/{fpr}.rev"));
        let text = std::fs::read_to_string(path)
            .unwrap()
            .replace(":-----BEGIN", "-----BEGIN");
        let file = self.home.path().join("rev.asc");
        std::fs::write(&file, text).unwrap();
        self.import(&file);
    }

    /// Revokes the key at gpg time `time` with a revocation certificate
    /// of the given reason (gpg's menu: 1 compromised, 2 superseded,
    /// 3 no longer used) and returns that certificate, armored.
    pub fn revoke_at(&self, fpr: &str, reason: u8, time: &str) -> Vec<u8> {
        let answers = format!("y\n{reason}\nrevoked in a test\n\ny\n");
        // --gen-revoke refuses --batch; the answers come on --command-fd.
        let mut cmd = self.interactive_at(time);
        cmd.args(["--command-fd", "0", "--armor", "--gen-revoke", fpr]);
        let out = super::run_with_stdin(&mut cmd, answers.as_bytes());
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "gpg --gen-revoke: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    pub fn import(&self, file: &Path) {
        self.run(&["--import", file.to_str().unwrap()]);
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .arg("--homedir")
            .arg(self.home.path())
            .args(["--kill", "gpg-agent"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
