//! Defects a reliability run found (issue 18): inputs read twice, a
//! malformed CMS body taken for no protection at all, quadratic recipient
//! handling, temporary files left behind by a killed run, and a keyring
//! schema that older `sqlite3` tools call corrupt. Each test failed before
//! its fix.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{message, s, world, write, Env, World, AT};

/// Waits for `child` at most `limit`; kills it and fails the test if it
/// is still running then (a read that never ends is the defect).
fn wait_bounded(mut child: Child, limit: Duration) -> Output {
    let deadline = Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A message alice signs, which bob's side (the same keyring) trusts.
fn trusted_message(w: &World) -> Vec<u8> {
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "once",
        "read me once",
    );
    w.env.expect(&["sign"], &msg, 0)
}

/// `verify` with its arguments, stdout and stderr piped.
fn verify_cmd(env: &Env, args: &[&str]) -> Command {
    let mut cmd = env.cmd();
    cmd.args(["--at", AT, "verify"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn code_and_text(out: &Output) -> (Option<i32>, String) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// Makes a FIFO with the `mkfifo` tool (no unsafe code in tests either).
fn fifo(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    common::run_ok(Command::new("mkfifo").arg(&p));
    p
}

/// Writes `data` into the FIFO from another thread, as a writer process would.
fn feed(fifo: PathBuf, data: Vec<u8>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
        let _ = f.write_all(&data);
    })
}

#[test]
fn issue18_verify_reads_a_named_fifo_once() {
    let w = world("Fifo CA");
    let signed = trusted_message(&w);
    let pipe = fifo(w.env.dir.path(), "m.eml");
    let writer = feed(pipe.clone(), signed);
    let child = verify_cmd(&w.env, &[s(&pipe)]).spawn().unwrap();
    let out = wait_bounded(child, Duration::from_secs(60));
    writer.join().unwrap();
    let (code, text) = code_and_text(&out);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("Good signature"), "{text}");
}

#[test]
fn issue18_verify_reads_dev_stdin_from_a_pipe_once() {
    let w = world("Stdin CA");
    let signed = trusted_message(&w);
    let out = w.env.run(&["verify", "/dev/stdin"], &signed);
    let (code, text) = code_and_text(&out);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("Good signature"), "{text}");
}

#[test]
fn issue18_verify_reads_process_substitution_once() {
    let w = world("Subst CA");
    let file = write(w.env.dir.path(), "m.eml", &trusted_message(&w));
    let script = format!("exec \"$0\" --keyring \"$1\" --at {AT} verify <(cat \"$2\")",);
    let child = Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_mailseal")])
        .arg(w.env.keyring())
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, Duration::from_secs(60));
    let (code, text) = code_and_text(&out);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("Good signature"), "{text}");
}

/// An mbox that arrives through a pipe is still told from a single
/// message by its first bytes, and each of its messages gets a verdict.
#[test]
fn issue18_verify_reads_an_mbox_from_a_fifo_once() {
    let w = world("Mbox CA");
    let signed = trusted_message(&w);
    let plain = message(
        "alice@example.org",
        "bob@example.org",
        "plain",
        "no signature",
    );
    let mut mbox = b"From alice@example.org Mon Jun  1 12:00:00 2026\n".to_vec();
    mbox.extend_from_slice(&signed);
    mbox.extend_from_slice(b"\nFrom alice@example.org Mon Jun  1 12:00:01 2026\n");
    mbox.extend_from_slice(&plain);
    let pipe = fifo(w.env.dir.path(), "box");
    let writer = feed(pipe.clone(), mbox);
    let child = verify_cmd(&w.env, &["--json", s(&pipe)]).spawn().unwrap();
    let out = wait_bounded(child, Duration::from_secs(60));
    writer.join().unwrap();
    let (code, text) = code_and_text(&out);
    // The worst of trusted (0) and unsigned (4).
    assert_eq!(code, Some(4), "{text}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|v| v["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["trusted", "unsigned"], "{text}");
    assert_eq!(lines[0]["path"], format!("{}:1", pipe.display()));
}

/// A message whose root is an application/pkcs7-mime body of `der`.
fn pkcs7_message(der: &[u8], smime_type: &str) -> Vec<u8> {
    let mut msg = format!(
        "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: cut\r\nMIME-Version: 1.0\r\n\
         Content-Type: application/pkcs7-mime; smime-type={smime_type}; name=smime.p7m\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n"
    )
    .into_bytes();
    // Base64 lines with CRLF, as a mail client writes them.
    msg.extend_from_slice(&mailseal::mime::base64_encode_lines(der));
    msg
}

/// `verify` and `decrypt` both refuse `msg` as malformed: exit 2, no
/// verdict, no plaintext.
fn assert_malformed(env: &Env, msg: &[u8], what: &str) {
    for cmd in ["verify", "decrypt"] {
        let out = env.run(&[cmd], msg);
        let (code, text) = code_and_text(&out);
        assert_eq!(code, Some(2), "{cmd} of {what}: {text}");
        assert!(out.stdout.is_empty(), "{cmd} of {what} wrote {text}");
        assert!(text.contains("malformed"), "{cmd} of {what}: {text}");
    }
}

/// Truncated CMS as `openssl cms -encrypt` and `-sign` write it, DER and
/// streamed BER (indefinite lengths), cut at several lengths; garbage
/// base64; an empty body. None of it is "encrypted" or "unsigned".
#[test]
fn issue18_truncated_or_garbage_pkcs7_mime_is_malformed() {
    let w = world("Cut CA");
    let dir = w.env.dir.path();
    let plain = write(
        dir,
        "plain.eml",
        &message("alice@example.org", "bob@example.org", "x", "hi"),
    );
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    for stream in [false, true] {
        // openssl cms -encrypt [-stream] -outform DER -aes256 bob.pem
        let mut enc = Command::new("openssl");
        enc.args([
            "cms",
            "-encrypt",
            "-in",
            s(&plain),
            "-outform",
            "DER",
            "-aes256",
        ]);
        if stream {
            enc.arg("-stream");
        }
        enc.arg(&w.bob.cert);
        // openssl cms -sign -nodetach [-stream] -outform DER
        let mut sign = Command::new("openssl");
        sign.args([
            "cms",
            "-sign",
            "-nodetach",
            "-in",
            s(&plain),
            "-outform",
            "DER",
        ])
        .args(["-signer", s(&w.alice.cert), "-inkey", s(&w.alice.key)]);
        if stream {
            sign.arg("-stream");
        }
        for (kind, cmd) in [("enveloped-data", &mut enc), ("signed-data", &mut sign)] {
            let der = common::run_ok(cmd).stdout;
            let len = der.len();
            for cut in [1, 2, 5, 12, 20, 40, len / 3, len / 2, len - 20, len - 1] {
                let what = format!("{kind} (stream {stream}) cut to {cut} of {len} bytes");
                cases.push((what, pkcs7_message(&der[..cut], kind)));
            }
        }
    }
    for (what, msg) in &cases {
        assert_malformed(&w.env, msg, what);
    }
    let garbage = pkcs7_message(b"", "enveloped-data");
    let garbage = [&garbage[..], b"!!not base64 at all**\r\n"].concat();
    assert_malformed(&w.env, &garbage, "garbage base64");
    assert_malformed(
        &w.env,
        &pkcs7_message(b"", "enveloped-data"),
        "an empty body",
    );
    // Readable base64 that is no CMS at all.
    assert_malformed(
        &w.env,
        &pkcs7_message(b"plain text, not CMS", "enveloped-data"),
        "text",
    );
}

/// A message from alice to `n` addresses, none of which has a key.
fn to_many(n: usize) -> Vec<u8> {
    let to: Vec<String> = (0..n).map(|i| format!("r{i}@example.net")).collect();
    format!(
        "From: alice@example.org\r\nTo: {}\r\nSubject: many\r\n\r\nhello\r\n",
        to.join(",\r\n ")
    )
    .into_bytes()
}

/// 20,000 recipients without keys: refused in time linear in their
/// number, with one line per distinct problem (and protocol), not one per
/// recipient.
#[test]
fn issue18_encrypt_to_many_addresses_groups_what_is_missing() {
    let env = Env::new();
    env.generate_pgp("Alice", "alice@example.org");
    let out = env.run(&["encrypt"], &to_many(20_000));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(out.stdout.is_empty());
    let lines = err.lines().count();
    assert!(lines <= 8, "{lines} lines: {}", &err[..err.len().min(2000)]);
    for protocol in ["OpenPGP", "S/MIME"] {
        assert!(
            err.lines().any(|l| l.contains(protocol)
                && l.contains("20000 recipients")
                && l.contains("r0@example.net")),
            "{err}"
        );
    }
}

/// Files in `dir` whose names start with `prefix`.
fn named(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

/// Sends `signal` (a `kill` name) to `pid` with the `kill` tool.
fn kill(signal: &str, pid: u32) {
    common::run_ok(Command::new("kill").args([&format!("-{signal}"), &pid.to_string()]));
}

/// `encrypt -o out.eml` of a large message, stopped by SIGTERM or SIGINT
/// while it writes its hidden temporary file: the file goes with it.
#[test]
fn issue18_a_terminated_encrypt_removes_its_temporary_file() {
    let w = world("Kill CA");
    let dir = w.env.dir.path();
    let mut msg = message("alice@example.org", "bob@example.org", "big", "");
    let line = format!("{}\r\n", "0123456789abcdef".repeat(4));
    msg.extend_from_slice(line.repeat(48 << 20 >> 6).as_bytes());
    let input = write(dir, "big.eml", &msg);
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for signal in ["TERM", "INT"] {
        let output = out_dir.join("out.eml");
        let mut cmd = w.env.cmd();
        cmd.args([
            "--at",
            AT,
            "encrypt",
            "--smime",
            s(&input),
            "-o",
            s(&output),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        let child = cmd.spawn().unwrap();
        let pid = child.id();
        let temp = format!(".out.eml.{pid}.tmp");
        let deadline = Instant::now() + Duration::from_secs(120);
        while !out_dir.join(&temp).exists() {
            assert!(Instant::now() < deadline, "no temporary file appeared");
            std::thread::sleep(Duration::from_micros(200));
        }
        kill(signal, pid);
        let out = wait_bounded(child, Duration::from_secs(60));
        let expected = if signal == "TERM" { 128 + 15 } else { 128 + 2 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{signal}: {:?}",
            out.status
        );
        assert!(
            named(&out_dir, "").is_empty(),
            "{signal}: {:?}",
            named(&out_dir, "")
        );
    }
}

/// A run that was killed outright (SIGKILL) leaves its temporary file;
/// the next run writing the same file removes it, and nothing else.
#[test]
fn issue18_a_later_run_removes_stale_temporary_files_of_its_own() {
    let w = world("Stale CA");
    let dir = w.env.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    // A process id that is no longer running.
    let mut gone = Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let dead = gone.id();
    let live = std::process::id();
    let stale = format!(".out.eml.{dead}.tmp");
    let kept = [
        format!(".out.eml.{live}.tmp"),   // a run still going
        format!(".other.eml.{dead}.tmp"), // another output's
        ".out.eml.notapid.tmp".to_string(),
        format!("out.eml.{dead}.tmp"),
        "notes.txt".to_string(),
    ];
    for name in kept.iter().chain([&stale]) {
        std::fs::write(dir.join(name), b"partial").unwrap();
    }
    let msg = message("alice@example.org", "bob@example.org", "x", "hello");
    let output = dir.join("out.eml");
    w.env
        .expect(&["encrypt", "--smime", "-o", s(&output)], &msg, 0);
    let mut left = named(&dir, "");
    left.sort();
    let mut want: Vec<String> = kept.to_vec();
    want.push("out.eml".into());
    want.sort();
    assert_eq!(left, want);
}

/// `PRAGMA integrity_check` as the system's `sqlite3` tool says it.
fn system_integrity(db: &Path) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg("PRAGMA integrity_check")
        .output()
        .expect("the sqlite3 tool (scripts/install-peers.sh installs it)");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn keyring_check(env: &Env, keyring: &Path) -> (Option<i32>, String) {
    code_and_text(&env.run_in(keyring, &["keyring", "check"], b""))
}

/// A keyring with certificates and secret keys of both protocols reads
/// as sound to the system's sqlite3 and to `keyring check`, which then
/// names what is damaged on purpose.
#[test]
fn issue18_keyring_reads_as_sound_and_check_finds_damage() {
    let w = world("Sound CA");
    let fpr = w.env.generate_pgp("Alice", "alice@example.org");
    w.env.generate_pgp("Bob", "bob@example.org");
    let db = w.env.keyring().join("keyring.sqlite");
    assert_eq!(system_integrity(&db), "ok");
    let (code, text) = keyring_check(&w.env, &w.env.keyring());
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("is sound"), "{text}");
    // Damage: an address index row of alice's OpenPGP certificate goes.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("DELETE FROM pgp_emails WHERE fingerprint = ?1", [&fpr])
        .unwrap();
    let (code, text) = keyring_check(&w.env, &w.env.keyring());
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(&format!("OpenPGP certificate {fpr}: its address index")),
        "{text}"
    );
    // And bob's S/MIME certificate, whose secret key stays.
    conn.execute(
        "DELETE FROM x509_certs WHERE fingerprint IN \
         (SELECT fingerprint FROM x509_emails WHERE email = 'bob@example.org')",
        [],
    )
    .unwrap();
    let (code, text) = keyring_check(&w.env, &w.env.keyring());
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("X.509 secret key"), "{text}");
    assert!(text.contains("no certificate for it is stored"), "{text}");
    // Not a keyring at all: cannot be read (exit 2).
    let junk = w.env.path("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join("keyring.sqlite"), b"not a database, just text").unwrap();
    let (code, text) = keyring_check(&w.env, &junk);
    assert_eq!(code, Some(2), "{text}");
}

/// A keyring written before the fix (the shipped example, with its key
/// index as it was laid out then) is migrated by the next run and then
/// reads as sound to the system's sqlite3 too.
#[test]
fn issue18_an_old_keyring_migrates_to_a_layout_sqlite3_reads_as_sound() {
    let env = Env::new();
    let keyring = env.path("bob");
    std::fs::create_dir(&keyring).unwrap();
    let db = keyring.join("keyring.sqlite");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("keyring-examples/bob/keyring.sqlite");
    std::fs::copy(shipped, &db).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE old_keys (
             key_fingerprint  TEXT NOT NULL,
             keyid            TEXT NOT NULL,
             cert_fingerprint TEXT NOT NULL REFERENCES pgp_certs(fingerprint) ON DELETE CASCADE,
             PRIMARY KEY (key_fingerprint, cert_fingerprint)
         ) WITHOUT ROWID;
         INSERT INTO old_keys SELECT key_fingerprint, keyid, cert_fingerprint FROM pgp_keys;
         DROP TABLE pgp_keys;
         ALTER TABLE old_keys RENAME TO pgp_keys;
         CREATE INDEX pgp_keys_keyid ON pgp_keys(keyid);
         CREATE INDEX pgp_keys_cert ON pgp_keys(cert_fingerprint);
         PRAGMA user_version = 6;",
    )
    .unwrap();
    drop(conn);
    // The layout as it was, which Debian 12's sqlite3 (3.40) calls
    // corrupt ("NULL value in pgp_keys.keyid"); newer ones do not.
    let (code, text) = keyring_check(&env, &keyring);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(system_integrity(&db), "ok");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 7, "{version}");
    let keys: i64 = conn
        .query_row("SELECT count(*) FROM pgp_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keys, 6);
    // It still finds alice's OpenPGP certificate by key ID.
    let listed = env.run_in(&keyring, &["keyring", "list", "alice@example.org"], b"");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Alice"));
}
