//! The world of the `filter pgp` tests: gpg makes alice, bob, carol and
//! dave (Ed25519 + Cv25519, created 2026-01-01); our keyring is bob's,
//! as a mail client's user has it: bob's secret key, alice's certificate
//! pinned (fully valid), carol's imported and not vouched for, dave
//! unknown. mailseal runs as neomutt runs it: the passphrase, when one is
//! needed, on standard input with `--passphrase-fd 0`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use crate::common::gpg::Gpg;
use crate::common::*;

pub const PEOPLE: [(&str, &str); 4] = [
    ("Alice", "alice@example.org"),
    ("Bob", "bob@example.org"),
    ("Carol", "carol@example.org"),
    ("Dave", "dave@example.org"),
];

/// A body part as neomutt hands it over for verifying: CRLF line ends.
pub const PART: &[u8] =
    b"Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nMeet me at noon.\r\n";

/// gpg's signing time in these tests (`GPG_TIME`), in seconds.
pub const GPG_UNIX: u64 = 1_767_225_600;

pub struct W {
    pub gpg: Gpg,
    pub env: Env,
    fprs: Vec<(String, String)>,
}

impl W {
    /// A copy of the world made once per test run ([`template`]): gpg's
    /// key generation is slow on a busy machine.
    pub fn new() -> W {
        let t = template();
        let gpg = Gpg {
            home: tempfile::Builder::new().prefix("g").tempdir().unwrap(),
        };
        copy_dir(&t.join("gnupg"), gpg.home.path());
        let env = Env::new();
        copy_dir(&t.join("keyring"), &env.keyring());
        let fprs = std::fs::read_to_string(t.join("fprs"))
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(e, f)| (e.to_string(), f.to_string()))
            .collect();
        W { gpg, env, fprs }
    }

    /// Makes the world from nothing.
    fn build() -> W {
        let gpg = Gpg::new();
        let fprs: Vec<(String, String)> = PEOPLE
            .iter()
            .map(|(name, email)| (email.to_string(), gpg.generate(name, email)))
            .collect();
        let env = Env::new();
        let w = W { gpg, env, fprs };
        w.import_secret("bob@example.org");
        w.import_cert("alice@example.org");
        w.env.expect(
            &[
                "trust",
                "pin",
                w.fpr("alice@example.org"),
                "--email",
                "alice@example.org",
            ],
            b"",
            0,
        );
        w.import_cert("carol@example.org");
        w
    }

    pub fn fpr(&self, email: &str) -> &str {
        &self.fprs.iter().find(|(e, _)| e == email).unwrap().1
    }

    /// The long key ID of a primary key (the last 16 digits of a v4
    /// fingerprint).
    pub fn keyid(&self, email: &str) -> &str {
        let f = self.fpr(email);
        &f[f.len() - 16..]
    }

    pub fn import_cert(&self, email: &str) {
        let cert = write(self.env.dir.path(), "cert.asc", &self.gpg.export(email));
        self.env.import(&cert);
    }

    fn import_secret(&self, email: &str) {
        let key = write(
            self.env.dir.path(),
            "key.asc",
            &self.gpg.export_secret(email),
        );
        self.env.import(&key);
    }

    pub fn file(&self, name: &str, data: &[u8]) -> PathBuf {
        write(self.env.dir.path(), name, data)
    }

    /// mailseal as a mail client runs it: the keyring, the tests' time,
    /// no passphrase source unless `args` name one.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mailseal"));
        c.arg("--keyring")
            .arg(self.env.keyring())
            .args(["--at", AT]);
        c
    }

    /// `mailseal filter pgp ARGS` with `stdin` (the passphrase, for
    /// `--passphrase-fd 0`).
    pub fn filter(&self, args: &[&str], stdin: &[u8]) -> Output {
        run_with_stdin(self.cmd().args(["filter", "pgp"]).args(args), stdin)
    }

    /// [`W::filter`] with the passphrase on standard input, as neomutt
    /// gives it.
    pub fn filter_pw(&self, args: &[&str]) -> Output {
        let mut all = vec!["--passphrase-fd", "0"];
        all.extend_from_slice(args);
        self.filter(&all, format!("{PASS}\n").as_bytes())
    }

    /// What gpg writes for `HOW -u SIGNER` over `data`.
    pub fn gpg_sign(&self, how: &[&str], signer: &str, data: &[u8]) -> Vec<u8> {
        let input = self.file("to-sign", data);
        self.gpg.sign(how, signer, &input)
    }

    /// gpg's armored encryption of `data` with `args` (`-r ...`, `--sign -u ...`).
    pub fn gpg_encrypt(&self, args: &[&str], data: &[u8]) -> Vec<u8> {
        let input = self.file("to-encrypt", data);
        let mut all = vec!["--armor", "-o", "-"];
        all.extend_from_slice(args);
        all.push(s(&input));
        self.gpg.run(&all).stdout
    }
}

/// The `[GNUPG:]` lines of `text`, without the prefix.
pub fn status(text: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(text)
        .lines()
        .filter_map(|l| l.strip_prefix("[GNUPG:] "))
        .map(str::to_string)
        .collect()
}

/// The lines of `text` that are not status lines.
pub fn human(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .lines()
        .filter(|l| !l.starts_with("[GNUPG:] "))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Asserts the exit code, showing both streams when it differs.
pub fn assert_code(out: &Output, want: i32, what: &str) {
    assert_eq!(
        code(out),
        want,
        "{what}: stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether a status line says "good" to a client: neomutt's stock
/// `pgp_good_sign` is `^\[GNUPG:\] GOODSIG`.
pub fn says_good(lines: &[String]) -> bool {
    lines.iter().any(|l| l.starts_with("GOODSIG"))
}

/// Converts LF line ends to CRLF (a part as it goes on the wire).
pub fn crlf(data: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(data)
        .replace("\r\n", "\n")
        .replace('\n', "\r\n")
        .into_bytes()
}

/// The world as made once in this run, in Cargo's directory for test
/// files (made again by every run, so it never goes stale).
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("filter-pgp-world");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let w = W::build();
        copy_dir(w.gpg.home.path(), &dir.join("gnupg"));
        copy_dir(&w.env.keyring(), &dir.join("keyring"));
        let fprs: String = w.fprs.iter().map(|(e, f)| format!("{e} {f}\n")).collect();
        std::fs::write(dir.join("fprs"), fprs).unwrap();
        dir
    })
}

/// Copies a directory tree, leaving out sockets (gpg-agent's).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// stdin closed: a filter that would wait for a terminal or a pipe
/// must not.
pub fn no_stdin(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().unwrap()
}
