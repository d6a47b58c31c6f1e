//! Benchmarks against the peers, on the same inputs in the same run
//! (`cargo bench --bench peers`). Prints the median wall time of each
//! command, as whole processes, and the ratio peer / mailseal. The peer
//! and mailseal run in turn, so both see the same moments of a shared
//! machine.
//!
//! Workloads (SPEC.md section 8):
//! - encrypt 1 MB to 100 RSA-2048 recipients: `openssl cms -encrypt`
//! - sign, verify and decrypt a 1 MB message: `openssl cms`
//! - verify a directory of signed 4 KB messages: one `openssl cms -verify`
//!   process per message (what administrators script today) against one
//!   `mailseal verify DIR`
//! - encrypt 1 MB to 100 Cv25519 recipients: `sqop encrypt` and
//!   `gpg --encrypt` (see `peers/openpgp.rs`)
//!
//! `cargo bench --bench peers -- smime` or `-- openpgp` runs one half.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "peers/openpgp.rs"]
mod openpgp;

const RUNS: usize = 15;
const RECIPIENTS: usize = 100;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let only = |half: &str| {
        let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
        args.next().is_none_or(|a| a == half)
    };
    let dir = tempfile::TempDir::new().expect("temp dir");
    let d = dir.path();
    let message = one_mb_message(d);
    println!(
        "{:<58} {:>10} {:>10} {:>7}",
        "workload", "peer ms", "ours ms", "ratio"
    );
    if only("smime") {
        eprintln!("setting up {RECIPIENTS} recipients ...");
        let setup = Setup::new(d);
        bench_encrypt(&setup, &message);
        bench_single(&setup, &message);
        bench_batch(&setup);
    }
    if only("openpgp") {
        openpgp::bench_encrypt(d, &message);
    }
}

/// Messages in the batch workload (the peer runs one process for each).
const BATCH: usize = 200;

fn bench_batch(s: &Setup) {
    let dir = s.dir.join("batch");
    std::fs::create_dir_all(&dir).unwrap();
    let (cert, key) = (s.certs[0].to_str().unwrap(), s.path("r0.key"));
    for i in 0..BATCH {
        let body = format!(
            "Content-Type: text/plain\r\n\r\nmessage {i}\r\n{}",
            "lorem ipsum dolor sit amet \r\n".repeat(140)
        );
        let content = s.dir.join("content.txt");
        std::fs::write(&content, body).unwrap();
        let out = Command::new("openssl")
            .args([
                "cms",
                "-sign",
                "-in",
                content.to_str().unwrap(),
                "-signer",
                cert,
                "-inkey",
                &key,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let mut msg =
            format!("From: r0@example.org\r\nTo: r1@example.org\r\nSubject: batch {i}\r\n")
                .into_bytes();
        msg.extend_from_slice(&out.stdout);
        std::fs::write(dir.join(format!("{i:04}.eml")), msg).unwrap();
    }
    let ca = s.ca.to_str().unwrap();
    let files: Vec<PathBuf> = (0..BATCH)
        .map(|i| dir.join(format!("{i:04}.eml")))
        .collect();
    let t = Instant::now();
    for f in &files {
        let st = Command::new("openssl")
            .args([
                "cms",
                "-verify",
                "-CAfile",
                ca,
                "-in",
                f.to_str().unwrap(),
                "-out",
                "/dev/null",
            ])
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(st.success());
    }
    let peer = t.elapsed();
    let d = dir.to_str().unwrap();
    let ours = median(|| s.ours(&["--json", "verify", d]));
    report(
        &format!("verify {BATCH} signed 4 KB messages (openssl, one process each)"),
        peer,
        ours,
    );
    let rate = BATCH as f64 / ours.as_secs_f64();
    println!(
        "{:<58} {rate:>10.0} messages/s",
        "  mailseal batch verify throughput"
    );
}

struct Setup {
    dir: PathBuf,
    keyring: PathBuf,
    pass: PathBuf,
    certs: Vec<PathBuf>,
    emails: Vec<String>,
    ca: PathBuf,
}

impl Setup {
    fn new(d: &Path) -> Setup {
        let pass = d.join("pass");
        std::fs::write(&pass, "bench\n").unwrap();
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-subj",
                "/CN=Bench CA",
                "-days",
                "3650",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        std::fs::write(d.join("ext.cnf"), "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=emailProtection\nsubjectAltName=email:${ENV::MAILADDR}\n").unwrap();
        let mut certs = Vec::new();
        let mut emails = Vec::new();
        for i in 0..RECIPIENTS {
            let email = format!("r{i}@example.org");
            let (key, csr, crt) = (
                format!("r{i}.key"),
                format!("r{i}.csr"),
                format!("r{i}.pem"),
            );
            openssl(
                d,
                &[
                    "req",
                    "-new",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    &key,
                    "-out",
                    &csr,
                    "-subj",
                    &format!("/CN=r{i}"),
                ],
            );
            let ok = Command::new("openssl")
                .args([
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    "ca.pem",
                    "-CAkey",
                    "ca.key",
                    "-set_serial",
                    &(1000 + i).to_string(),
                    "-days",
                    "3650",
                    "-extfile",
                    "ext.cnf",
                    "-out",
                    &crt,
                ])
                .env("MAILADDR", &email)
                .current_dir(d)
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(ok.success());
            certs.push(d.join(crt));
            emails.push(email);
        }
        // r0 also gets its secret key, to sign and decrypt with.
        openssl(
            d,
            &[
                "pkcs12",
                "-export",
                "-in",
                "r0.pem",
                "-inkey",
                "r0.key",
                "-passout",
                "pass:bench",
                "-out",
                "r0.p12",
            ],
        );
        let s = Setup {
            dir: d.to_path_buf(),
            keyring: d.join("keyring"),
            pass,
            certs,
            emails,
            ca: d.join("ca.pem"),
        };
        let mut import = vec![
            "keyring".to_string(),
            "import".to_string(),
            d.join("r0.p12").display().to_string(),
        ];
        import.extend(s.certs.iter().skip(1).map(|c| c.display().to_string()));
        assert!(s
            .ours(&import.iter().map(String::as_str).collect::<Vec<_>>())
            .status()
            .unwrap()
            .success());
        assert!(s
            .ours(&["trust", "anchor", "add", s.ca.to_str().unwrap()])
            .status()
            .unwrap()
            .success());
        s
    }

    fn ours(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mailseal"));
        // A set RUST_BACKTRACE makes every internal error capture a backtrace.
        c.env_remove("RUST_BACKTRACE");
        c.arg("--keyring")
            .arg(&self.keyring)
            .arg("--passphrase-file")
            .arg(&self.pass)
            .args(args);
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

fn openssl(d: &Path, args: &[&str]) {
    let ok = Command::new("openssl")
        .args(args)
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success(), "openssl {args:?}");
}

fn one_mb_message(d: &Path) -> PathBuf {
    let mut m = b"From: r0@example.org\r\nTo: r1@example.org\r\nSubject: bench\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n".to_vec();
    let line = b"The quick brown fox jumps over the lazy dog, again and again and again.\r\n";
    while m.len() < 1 << 20 {
        m.extend_from_slice(line);
    }
    let p = d.join("1mb.eml");
    std::fs::write(&p, m).unwrap();
    p
}

/// `openssl cms ARGS`, its diagnostics discarded.
fn cms(args: &[&str]) -> Command {
    let mut c = Command::new("openssl");
    c.arg("cms").args(args).stderr(Stdio::null());
    c
}

/// Median wall time of [`RUNS`] runs of a freshly built command.
fn median(mut make: impl FnMut() -> Command) -> Duration {
    medians(&mut [&mut make])[0]
}

/// Median wall times of commands run in turn, [`RUNS`] rounds of each
/// once: a slower stretch of a shared machine falls on all of them alike.
fn medians(makers: &mut [&mut dyn FnMut() -> Command]) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(RUNS); makers.len()];
    for _ in 0..RUNS {
        for (make, t) in makers.iter_mut().zip(&mut times) {
            t.push(time(make()));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[RUNS / 2]
        })
        .collect()
}

/// The wall time of one successful run.
fn time(mut c: Command) -> Duration {
    let t = Instant::now();
    let st = c.status().expect("run");
    let e = t.elapsed();
    assert!(st.success(), "{c:?} failed");
    e
}

/// [`medians`] of a peer's command and ours.
fn pair(
    mut peer: impl FnMut() -> Command,
    mut ours: impl FnMut() -> Command,
) -> (Duration, Duration) {
    let m = medians(&mut [&mut peer, &mut ours]);
    (m[0], m[1])
}

fn report(name: &str, peer: Duration, ours: Duration) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<58} {:>10.2} {:>10.2} {:>6.1}x",
        ms(peer),
        ms(ours),
        ms(peer) / ms(ours)
    );
}

fn bench_encrypt(s: &Setup, msg: &Path) {
    let m = msg.to_str().unwrap();
    let (peer, ours) = pair(
        || {
            let mut c = cms(&["-encrypt", "-aes-256-gcm", "-in", m, "-out", "/dev/null"]);
            c.args(&s.certs);
            c
        },
        || {
            let mut args = vec!["encrypt", "--no-self", "-o", "/dev/null"];
            for e in &s.emails {
                args.extend(["-r", e.as_str()]);
            }
            args.push(m);
            s.ours(&args)
        },
    );
    report(
        "encrypt 1 MB to 100 RSA-2048 recipients (openssl cms)",
        peer,
        ours,
    );
}

fn bench_single(s: &Setup, msg: &Path) {
    let m = msg.to_str().unwrap();
    let (cert, key) = (s.certs[0].to_str().unwrap(), s.path("r0.key"));
    let (peer, ours) = pair(
        || {
            cms(&[
                "-sign",
                "-in",
                m,
                "-signer",
                cert,
                "-inkey",
                &key,
                "-out",
                "/dev/null",
            ])
        },
        || s.ours(&["sign", "-o", "/dev/null", m]),
    );
    report("sign a 1 MB message (openssl cms -sign)", peer, ours);

    let signed = s.path("signed.eml");
    assert!(s
        .ours(&["sign", "-o", &signed, m])
        .status()
        .unwrap()
        .success());
    let ca = s.ca.to_str().unwrap();
    let (peer, ours) = pair(
        || {
            cms(&[
                "-verify",
                "-CAfile",
                ca,
                "-in",
                &signed,
                "-out",
                "/dev/null",
            ])
        },
        || s.ours(&["verify", &signed]),
    );
    report(
        "verify a 1 MB signed message (openssl cms -verify)",
        peer,
        ours,
    );

    let enc = s.path("enc.eml");
    assert!(s
        .ours(&["encrypt", "-r", "r0@example.org", "-o", &enc, m])
        .status()
        .unwrap()
        .success());
    let (peer, ours) = pair(
        || {
            cms(&[
                "-decrypt",
                "-in",
                &enc,
                "-recip",
                cert,
                "-inkey",
                &key,
                "-out",
                "/dev/null",
            ])
        },
        || s.ours(&["decrypt", "-o", "/dev/null", &enc]),
    );
    report("decrypt a 1 MB message (openssl cms -decrypt)", peer, ours);
}
