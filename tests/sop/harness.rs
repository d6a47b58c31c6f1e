//! A scratch directory, the real `mailseal` binary and the real `sqop`,
//! and small checks on their outputs.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use sequoia_openpgp as openpgp;
use tempfile::TempDir;

use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::policy::StandardPolicy;
use openpgp::{Cert, Packet};

/// Both tools run inside one temporary directory, so file arguments
/// are plain relative names.
pub struct T {
    pub dir: TempDir,
}

impl T {
    pub fn new() -> T {
        T {
            dir: TempDir::new().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `data` to `name` and returns the name.
    pub fn file<'a>(&self, name: &'a str, data: &[u8]) -> &'a str {
        std::fs::write(self.path(name), data).unwrap();
        name
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap()
    }

    /// `mailseal sop ARGS`, with no HOME or keyring in the environment:
    /// sop must not need one.
    pub fn ms(&self, args: &[&str], stdin: &[u8]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_mailseal"))
            .arg("sop")
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("HOME")
            .env_remove("MAILSEAL_HOME")
            .env_remove("XDG_DATA_HOME")
            .write_stdin(stdin)
            .output()
            .unwrap()
    }

    /// `sqop ARGS`.
    pub fn sq(&self, args: &[&str], stdin: &[u8]) -> Output {
        Command::new("sqop")
            .args(args)
            .current_dir(self.dir.path())
            .write_stdin(stdin)
            .output()
            .unwrap()
    }

    /// The RFC 9580 sqop that `scripts/install-peers.sh` builds into
    /// `target/peers` (Debian's sqop predates v6 keys).
    pub fn sq9580(&self, args: &[&str], stdin: &[u8]) -> Output {
        let sqop = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/bin/sqop");
        assert!(
            sqop.exists(),
            "{} is missing: run scripts/install-peers.sh",
            sqop.display()
        );
        Command::new(sqop)
            .args(args)
            .current_dir(self.dir.path())
            .write_stdin(stdin)
            .output()
            .unwrap()
    }

    /// A shell script, for file-descriptor designators; `$MS` is mailseal.
    pub fn sh(&self, script: &str) -> Output {
        Command::new("bash")
            .args(["-c", script])
            .env("MS", env!("CARGO_BIN_EXE_mailseal"))
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// A mailseal key and its certificate, in NAME.key and NAME.cert.
    pub fn ms_key(&self, name: &str, extra: &[&str]) -> (String, String) {
        let uid = format!("{name} <{name}@example.org>");
        let mut args = vec!["generate-key"];
        args.extend_from_slice(extra);
        args.push(&uid);
        let key = ok(&self.ms(&args, b""));
        let cert = ok(&self.ms(&["extract-cert"], &key));
        self.keep(name, key, cert)
    }

    /// A sqop key and its certificate, in NAME.key and NAME.cert.
    pub fn sq_key(&self, name: &str) -> (String, String) {
        let uid = format!("{name} <{name}@example.org>");
        let key = ok(&self.sq(&["generate-key", &uid], b""));
        let cert = ok(&self.sq(&["extract-cert"], &key));
        self.keep(name, key, cert)
    }

    fn keep(&self, name: &str, key: Vec<u8>, cert: Vec<u8>) -> (String, String) {
        let (k, c) = (format!("{name}.key"), format!("{name}.cert"));
        self.file(&k, &key);
        self.file(&c, &cert);
        (k, c)
    }
}

/// Asserts success and returns stdout.
pub fn ok(out: &Output) -> Vec<u8> {
    expect(out, 0)
}

/// Asserts the exit code (never a panic) and returns stdout.
pub fn expect(out: &Output, code: i32) -> Vec<u8> {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout.clone()
}

/// Asserts a failure with `code` that wrote nothing to stdout.
pub fn fails(out: &Output, code: i32) {
    let stdout = expect(out, code);
    assert!(stdout.is_empty(), "a failure wrote {} bytes", stdout.len());
}

/// (primary fingerprint, signing subkey fingerprint) of a certificate.
pub fn fingerprints(cert: &[u8]) -> (String, String) {
    let cert = Cert::from_bytes(cert).unwrap();
    let p = StandardPolicy::new();
    let signing = cert
        .with_policy(&p, None)
        .unwrap()
        .keys()
        .for_signing()
        .next()
        .unwrap()
        .key()
        .fingerprint();
    (cert.fingerprint().to_hex(), signing.to_hex())
}

/// Checks one VERIFICATIONS line: a time within the last hour, the
/// signing key, the primary key, and (for mailseal's lines) the mode.
pub fn check_line(line: &str, cert: &[u8], mode: Option<&str>) {
    let (primary, signing) = fingerprints(cert);
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert!(fields.len() >= 3, "short line {line:?}");
    let t = mailseal::time::Timestamp::parse_rfc3339(fields[0]).unwrap();
    let now = mailseal::time::Timestamp::now();
    assert!(
        t <= now && now.unix() - t.unix() < 3600,
        "time {}",
        fields[0]
    );
    assert_eq!(fields[1], signing, "signing key in {line:?}");
    assert_eq!(fields[2], primary, "primary key in {line:?}");
    if let Some(mode) = mode {
        assert_eq!(fields.get(3), Some(&mode), "mode in {line:?}");
    }
}

/// The only VERIFICATIONS line of `out`.
pub fn one_line(out: &[u8]) -> String {
    let text = String::from_utf8(out.to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text:?}");
    lines[0].to_string()
}

/// The version of the SEIPD packet of an encrypted message.
pub fn seipd_version(msg: &[u8]) -> u8 {
    let mut ppr = PacketParser::from_bytes(msg).unwrap();
    while let PacketParserResult::Some(pp) = ppr {
        if let Packet::SEIP(seip) = &pp.packet {
            return seip.version();
        }
        ppr = pp.next().unwrap().1;
    }
    panic!("no SEIPD packet")
}

/// The key version of a certificate or key.
pub fn key_version(key: &[u8]) -> u8 {
    Cert::from_bytes(key).unwrap().primary_key().key().version()
}

/// `data` with one byte flipped at `at` from the end.
pub fn flip(data: &[u8], at: usize) -> Vec<u8> {
    let mut v = data.to_vec();
    let i = v.len() - at;
    v[i] ^= 0x01;
    v
}
