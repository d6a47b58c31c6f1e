//! Shared test harness: a throwaway keyring, the real binary, and a small
//! PKI made with the real `openssl` binary.
#![allow(dead_code)]

pub mod gpg;
pub mod pgp_mime;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// Every CLI test runs at this fixed time, inside every certificate's
/// validity unless a test says otherwise.
pub const AT: &str = "2026-06-01T12:00:00Z";

/// The passphrase of every test keyring and PKCS#12 file.
pub const PASS: &str = "test-passphrase";

/// Writes `data` to `dir/name`; returns the path.
pub fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// The path as a `&str` argument for a peer tool.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs a peer tool; panics with its stderr when it fails.
pub fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs `cmd` feeding `stdin` (from another thread, so a large input
/// cannot dead-lock against the output) and collects its output.
pub fn run_with_stdin(cmd: &mut Command, stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

pub fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
        || Command::new(tool)
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
}

/// A keyring directory and a passphrase file in a temporary directory.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = TempDir::new().unwrap();
        std::fs::write(dir.path().join("pass"), format!("{PASS}\n")).unwrap();
        Env { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn keyring(&self) -> PathBuf {
        self.path("keyring")
    }

    /// The binary with --keyring and --passphrase-file set.
    pub fn cmd(&self) -> Command {
        self.cmd_in(&self.keyring())
    }

    /// [`Env::cmd`] with another keyring directory.
    pub fn cmd_in(&self, keyring: &Path) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mailseal"));
        c.arg("--keyring")
            .arg(keyring)
            .arg("--passphrase-file")
            .arg(self.path("pass"))
            .stdin(Stdio::null());
        c
    }

    /// Runs mailseal with `args` (at the fixed time [`AT`] unless they
    /// give `--at`), feeding `stdin`.
    pub fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        self.run_in(&self.keyring(), args, stdin)
    }

    /// [`Env::run`] with another keyring directory.
    pub fn run_in(&self, keyring: &Path, args: &[&str], stdin: &[u8]) -> Output {
        let mut cmd = self.cmd_in(keyring);
        if !args.contains(&"--at") {
            cmd.args(["--at", AT]);
        }
        self.run_cmd(cmd.args(args), stdin)
    }

    pub fn run_cmd(&self, cmd: &mut Command, stdin: &[u8]) -> Output {
        run_with_stdin(cmd, stdin)
    }

    /// `keyring generate --openpgp`; returns the new key's fingerprint.
    pub fn generate_pgp(&self, name: &str, email: &str) -> String {
        self.generate_pgp_with(name, email, &[])
    }

    /// [`Env::generate_pgp`] with further options (`--profile rfc9580`,
    /// `--days 0`).
    pub fn generate_pgp_with(&self, name: &str, email: &str, extra: &[&str]) -> String {
        let mut args = vec![
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            email,
            "--name",
            name,
        ];
        args.extend_from_slice(extra);
        let out = self.expect(&args, b"", 0);
        String::from_utf8(out).unwrap().trim().to_string()
    }

    /// The fingerprint of the OpenPGP certificate `keyring list` shows for
    /// an address, judged at `at`.
    pub fn pgp_fingerprint(&self, email: &str, at: &str) -> String {
        let out = self.expect(&["--at", at, "--json", "keyring", "list", email], b"", 0);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let rows = v.as_array().cloned().unwrap_or_else(|| vec![v]);
        let row = rows
            .iter()
            .find(|r| r["protocol"] == "openpgp")
            .unwrap_or_else(|| panic!("no OpenPGP row in {rows:?}"));
        row["fingerprint"].as_str().unwrap().to_string()
    }

    /// Runs and asserts the exit code; returns stdout.
    pub fn expect(&self, args: &[&str], stdin: &[u8], code: i32) -> Vec<u8> {
        let out = self.run(args, stdin);
        assert_eq!(
            out.status.code(),
            Some(code),
            "mailseal {args:?}: stderr: {}\nstdout: {}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
                .chars()
                .take(2000)
                .collect::<String>()
        );
        out.stdout
    }

    /// Runs what must be refused with exit `code`: nothing on stdout (no
    /// message, no plaintext fallback). Returns stderr.
    pub fn refused(&self, args: &[&str], stdin: &[u8], code: i32) -> String {
        let out = self.run(args, stdin);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(code), "mailseal {args:?}: {err}");
        assert!(out.stdout.is_empty(), "mailseal {args:?} wrote to stdout");
        err
    }

    pub fn import(&self, file: &Path) {
        self.expect(&["keyring", "import", file.to_str().unwrap()], b"", 0);
    }

    pub fn anchor(&self, file: &Path) {
        self.expect(&["trust", "anchor", "add", file.to_str().unwrap()], b"", 0);
    }

    /// `--json verify` of a message: the parsed verdict and the exit code.
    pub fn verdict(&self, message: &[u8]) -> (serde_json::Value, i32) {
        self.verdict_at(message, AT)
    }

    /// [`Env::verdict`] at another reference time.
    pub fn verdict_at(&self, message: &[u8], at: &str) -> (serde_json::Value, i32) {
        let out = self.run(&["--at", at, "--json", "verify"], message);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "verify printed no JSON ({e}): {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (v, out.status.code().unwrap_or(-1))
    }
}

/// Options for a certificate issued by the test CA.
#[derive(Clone, Copy)]
pub struct CertOpts {
    /// `-startdate`/`-enddate` for `openssl ca`, YYYYMMDDHHMMSSZ.
    pub start: &'static str,
    pub end: &'static str,
    /// extendedKeyUsage emailProtection present.
    pub email_eku: bool,
    /// `rsa` or `ec` (P-256).
    pub key: &'static str,
    /// The subject's common name (default: the address's local part).
    pub cn: Option<&'static str>,
}

impl Default for CertOpts {
    fn default() -> Self {
        CertOpts {
            start: "20260101000000Z",
            end: "20280101000000Z",
            email_eku: true,
            key: "rsa",
            cn: None,
        }
    }
}

/// A test CA made with `openssl ca` in a temporary directory.
pub struct Pki {
    pub dir: TempDir,
    serial: std::cell::Cell<u32>,
}

/// A user certificate: PEM cert, unencrypted PEM key, and a PKCS#12.
pub struct User {
    pub email: String,
    pub cert: PathBuf,
    pub key: PathBuf,
    pub p12: PathBuf,
}

impl User {
    /// What `openssl cms -sign -in INPUT` by this user writes (S/MIME,
    /// detached unless `extra` says otherwise).
    pub fn cms_sign(&self, input: &Path, extra: &[&str]) -> Vec<u8> {
        let mut cmd = Command::new("openssl");
        cmd.args(["cms", "-sign", "-in", s(input)])
            .args(["-signer", s(&self.cert), "-inkey", s(&self.key)])
            .args(extra);
        run_ok(&mut cmd).stdout
    }
}

const CA_CNF: &str = "[ca]\ndefault_ca = tca\n[tca]\ndir = .\ndatabase = index.txt\nserial = serial\nnew_certs_dir = newcerts\ncertificate = ca.pem\nprivate_key = ca.key\ndefault_md = sha256\npolicy = anything\nunique_subject = no\ndefault_crl_days = 3650\ncrl_extensions = crl_ext\n[anything]\ncommonName = supplied\norganizationName = optional\n[crl_ext]\nauthorityKeyIdentifier = keyid:always\n[ca_ext]\nbasicConstraints = critical,CA:true\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n[user_ext]\nbasicConstraints = critical,CA:false\nkeyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment\nextendedKeyUsage = emailProtection\nsubjectKeyIdentifier = hash\nsubjectAltName = email:${ENV::MAILADDR}\n[ec_ext]\nbasicConstraints = critical,CA:false\nkeyUsage = critical,digitalSignature,nonRepudiation,keyAgreement\nextendedKeyUsage = emailProtection\nsubjectKeyIdentifier = hash\nsubjectAltName = email:${ENV::MAILADDR}\n[noeku_ext]\nbasicConstraints = critical,CA:false\nkeyUsage = critical,digitalSignature,keyEncipherment\nextendedKeyUsage = serverAuth\nsubjectKeyIdentifier = hash\nsubjectAltName = email:${ENV::MAILADDR}\n";

impl Pki {
    /// A CA named `name`, valid 2025-01-01 to 2035-01-01.
    pub fn new(name: &str) -> Pki {
        let dir = TempDir::new().unwrap();
        let d = dir.path();
        std::fs::write(d.join("ca.cnf"), CA_CNF).unwrap();
        std::fs::write(d.join("index.txt"), "").unwrap();
        std::fs::write(d.join("serial"), "1000\n").unwrap();
        std::fs::create_dir(d.join("newcerts")).unwrap();
        let pki = Pki {
            dir,
            serial: std::cell::Cell::new(0),
        };
        // openssl req -new -newkey rsa:2048 ...; openssl ca -selfsign ...
        pki.openssl(&[
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-subj",
            &format!("/CN={name}"),
            "-out",
            "ca.csr",
        ]);
        pki.openssl(&[
            "ca",
            "-batch",
            "-selfsign",
            "-config",
            "ca.cnf",
            "-keyfile",
            "ca.key",
            "-extensions",
            "ca_ext",
            "-in",
            "ca.csr",
            "-out",
            "ca.pem",
            "-startdate",
            "20250101000000Z",
            "-enddate",
            "20350101000000Z",
            "-notext",
        ]);
        pki
    }

    pub fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    pub fn openssl(&self, args: &[&str]) -> Output {
        run_ok(
            Command::new("openssl")
                .args(args)
                .current_dir(self.dir.path())
                .env("MAILADDR", "none@example.org"),
        )
    }

    /// Issues a certificate for `email` (CN = the local part).
    pub fn user(&self, email: &str, opts: CertOpts) -> User {
        let n = self.serial.get() + 1;
        self.serial.set(n);
        let base = format!("u{n}");
        let d = self.dir.path();
        let keygen: Vec<&str> = match opts.key {
            "ec" => vec![
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
            ],
            _ => vec![
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
            ],
        };
        let key = format!("{base}.key");
        let mut args = keygen;
        args.extend(["-out", &key]);
        self.openssl(&args);
        let cn = opts
            .cn
            .unwrap_or_else(|| email.split('@').next().unwrap_or(email));
        let csr = format!("{base}.csr");
        self.openssl(&[
            "req",
            "-new",
            "-key",
            &key,
            "-subj",
            &format!("/CN={cn}"),
            "-out",
            &csr,
        ]);
        let ext = match (opts.key, opts.email_eku) {
            (_, false) => "noeku_ext",
            ("ec", true) => "ec_ext",
            _ => "user_ext",
        };
        let cert = format!("{base}.pem");
        run_ok(
            Command::new("openssl")
                .args([
                    "ca",
                    "-batch",
                    "-config",
                    "ca.cnf",
                    "-extensions",
                    ext,
                    "-in",
                    &csr,
                    "-out",
                    &cert,
                    "-startdate",
                    opts.start,
                    "-enddate",
                    opts.end,
                    "-notext",
                ])
                .current_dir(d)
                .env("MAILADDR", email),
        );
        let p12 = format!("{base}.p12");
        self.openssl(&[
            "pkcs12",
            "-export",
            "-in",
            &cert,
            "-inkey",
            &key,
            "-passout",
            &format!("pass:{PASS}"),
            "-out",
            &p12,
        ]);
        User {
            email: email.to_string(),
            cert: d.join(cert),
            key: d.join(key),
            p12: d.join(p12),
        }
    }

    /// Revokes a user's certificate (keyCompromise) and returns a fresh CRL (PEM).
    pub fn revoke(&self, user: &User) -> PathBuf {
        self.revoke_for(user, "keyCompromise")
    }

    /// Revokes a user's certificate now, for `reason` (an `openssl ca
    /// -crl_reason` name), and returns a fresh CRL (PEM).
    pub fn revoke_for(&self, user: &User, reason: &str) -> PathBuf {
        let cert = user.cert.to_str().unwrap();
        self.openssl(&[
            "ca",
            "-config",
            "ca.cnf",
            "-revoke",
            cert,
            "-crl_reason",
            reason,
        ]);
        self.crl()
    }

    pub fn crl(&self) -> PathBuf {
        self.openssl(&["ca", "-config", "ca.cnf", "-gencrl", "-out", "crl.pem"]);
        self.dir.path().join("crl.pem")
    }
}

/// A plain message from `from` to `to` with the given body.
pub fn message(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Mon, 01 Jun 2026 12:00:00 +0000\r\nMessage-ID: <test-{subject}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// Replaces the first occurrence of `from` with `to` in `data`.
pub fn replace_once(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let pos = data
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(from)));
    let mut out = data[..pos].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&data[pos + from.len()..]);
    out
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// alice and bob under one CA that the keyring trusts, with both secret
/// keys imported (the same keyring plays both parts).
pub struct World {
    pub env: Env,
    pub pki: Pki,
    pub alice: User,
    pub bob: User,
}

impl World {
    /// `n` more users under the world's CA, PREFIX0@example.org and on,
    /// their certificates imported.
    pub fn users(&self, prefix: &str, n: usize) -> Vec<User> {
        let users: Vec<User> = (0..n)
            .map(|i| {
                self.pki
                    .user(&format!("{prefix}{i}@example.org"), CertOpts::default())
            })
            .collect();
        for u in &users {
            self.env.import(&u.cert);
        }
        users
    }
}

pub fn world(ca_name: &str) -> World {
    let env = Env::new();
    let pki = Pki::new(ca_name);
    let alice = pki.user("alice@example.org", CertOpts::default());
    let bob = pki.user("bob@example.org", CertOpts::default());
    env.import(&alice.p12);
    env.import(&bob.p12);
    env.anchor(&pki.ca());
    World {
        env,
        pki,
        alice,
        bob,
    }
}

/// The boundary parameter of the message's top-level Content-Type.
pub fn boundary(msg: &[u8]) -> String {
    let text = String::from_utf8_lossy(msg);
    let at = text.find("boundary=").expect("no boundary");
    let rest = &text[at + "boundary=".len()..];
    let rest = rest.trim_start_matches('"');
    rest.chars()
        .take_while(|c| *c != '"' && *c != ';' && *c != '\r' && *c != '\n')
        .collect()
}

/// The two body parts of a multipart message, as RFC 2046 delimits them
/// (the CRLF before a delimiter belongs to the delimiter).
pub fn two_parts(msg: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let b = boundary(msg);
    let text = msg.to_vec();
    let first = format!("--{b}\r\n");
    let delim = format!("\r\n--{b}");
    let start = find(&text, first.as_bytes()) + first.len();
    let mid = start + find(&text[start..], delim.as_bytes());
    let second = mid + delim.len() + 2;
    let end = second + find(&text[second..], delim.as_bytes());
    (text[start..mid].to_vec(), text[second..end].to_vec())
}

pub fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(needle)))
}

/// The body of a MIME part (after its header block).
pub fn part_body(part: &[u8]) -> Vec<u8> {
    let at = find(part, b"\r\n\r\n");
    part[at + 4..].to_vec()
}

/// Base64 in 76-column lines, as mail carries it.
pub fn b64(data: &[u8]) -> String {
    String::from_utf8(mailseal::mime::base64_encode_lines(data)).unwrap()
}

/// Wraps raw CMS from a peer (openssl, gpgsm, NSS) in a message, as a
/// mail client would.
pub fn pkcs7_mime(from: &str, smime_type: &str, der: &[u8]) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: bob@example.org\r\nSubject: from a peer\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type={smime_type}; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        b64(der)
    )
    .into_bytes()
}

/// A multipart/signed message around `entity` with a peer's detached
/// CMS signature.
pub fn multipart_signed(from: &str, entity: &[u8], sig: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: bob@example.org\r\nSubject: signed by a peer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b1\"\r\n\r\n--b1\r\n"
    )
    .into_bytes();
    m.extend_from_slice(entity);
    m.extend_from_slice(
        format!(
            "\r\n--b1\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n",
            b64(sig)
        )
        .as_bytes(),
    );
    m
}
