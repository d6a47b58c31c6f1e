//! `mailseal keyring` on OpenPGP certificates and secret keys, through the
//! real binary in a throwaway keyring at a fixed time. Keys come from the
//! real `gpg` 2.2 (a temporary GNUPGHOME, loopback pinentry, the clock
//! frozen at 2026-01-01 with --faked-system-time so creation and expiry
//! dates are fixed) and from `sqop generate-key`; what mailseal exports
//! goes back into gpg and sqop.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;
use sequoia_openpgp::cert::Cert;
use sequoia_openpgp::parse::Parse;
use tempfile::TempDir;

/// gpg's frozen clock: every gpg key is created at 2026-01-01T00:00:00Z.
const GPG_TIME: &str = "20260101T000000!";

/// A GNUPGHOME of its own. The agent caches no passphrase, so a wrong
/// one is really tried; it is stopped when the home goes away.
struct Gpg {
    home: TempDir,
    time: &'static str,
}

impl Gpg {
    fn new() -> Gpg {
        Gpg::at(GPG_TIME)
    }

    /// A home whose clock is frozen at `time` (gpg's --faked-system-time).
    fn at(time: &'static str) -> Gpg {
        use std::os::unix::fs::PermissionsExt;
        let home = TempDir::new().unwrap();
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        std::fs::write(
            home.path().join("gpg-agent.conf"),
            "default-cache-ttl 0\nmax-cache-ttl 0\nallow-loopback-pinentry\n",
        )
        .unwrap();
        Gpg { home, time }
    }

    fn cmd(&self, passphrase: &str) -> Command {
        let mut c = Command::new("gpg");
        c.env("GNUPGHOME", self.home.path())
            .args(["--batch", "--no-tty", "--pinentry-mode", "loopback"])
            .args(["--passphrase", passphrase, "--faked-system-time", self.time]);
        c
    }

    /// Runs gpg with the test passphrase; panics unless it succeeds.
    fn run(&self, args: &[&str]) -> Vec<u8> {
        run_ok(self.cmd(PASS).args(args)).stdout
    }

    /// Runs gpg with `passphrase`, feeding `stdin`.
    fn run_with(&self, passphrase: &str, args: &[&str], stdin: &[u8]) -> Output {
        use std::io::Write;
        let mut child = self
            .cmd(passphrase)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    }

    /// `gpg --quick-gen-key "NAME <EMAIL>" ed25519 sign,cert EXPIRE`, then
    /// `gpg --quick-add-key FPR cv25519 encr EXPIRE`: the key pair gpg
    /// makes by default. Returns the primary fingerprint.
    fn key(&self, name: &str, email: &str, expire: &str) -> String {
        let uid = format!("{name} <{email}>");
        self.run(&["--quick-gen-key", &uid, "ed25519", "sign,cert", expire]);
        let fpr = self.fingerprint(email);
        self.run(&["--quick-add-key", &fpr, "cv25519", "encr", expire]);
        fpr
    }

    fn fingerprint(&self, email: &str) -> String {
        let out = self.run(&["--with-colons", "--list-keys", email]);
        String::from_utf8(out)
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("fpr:::::::::"))
            .map(|l| l.trim_end_matches(':').to_string())
            .unwrap()
    }

    /// Imports the revocation certificate gpg made with the key
    /// (openpgp-revocs.d/FPR.rev, whose BEGIN line gpg prefixes with ':'
    /// against accidental import).
    fn revoke(&self, fpr: &str) {
        let path = self.home.path().join(format!("openpgp-revocs.d/{fpr}.rev"));
        let text = std::fs::read_to_string(path)
            .unwrap()
            .replace(":-----BEGIN", "-----BEGIN");
        let file = self.home.path().join("rev.asc");
        std::fs::write(&file, text).unwrap();
        self.run(&["--import", file.to_str().unwrap()]);
    }
}

impl Drop for Gpg {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "gpg-agent"])
            .status();
    }
}

fn write(env: &Env, name: &str, bytes: &[u8]) -> String {
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn stderr_of(env: &Env, args: &[&str]) -> String {
    let out = env.run(args, b"");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// `keyring list --json`, OpenPGP rows only.
fn pgp_rows(env: &Env, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["--json"];
    args.extend_from_slice(extra);
    args.extend(["keyring", "list"]);
    let out = env.expect(&args, b"", 0);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    rows.into_iter()
        .filter(|r| r["protocol"] == "openpgp")
        .collect()
}

fn row<'a>(rows: &'a [serde_json::Value], fpr: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["fingerprint"] == fpr)
        .unwrap_or_else(|| panic!("{fpr} not listed in {rows:?}"))
}

fn db_bytes(env: &Env) -> Vec<u8> {
    std::fs::read(env.keyring().join("keyring.sqlite")).unwrap()
}

/// The transferable secret keys as stored, read straight from the
/// database.
fn stored_tsks(env: &Env) -> Vec<Cert> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let db =
        rusqlite::Connection::open_with_flags(env.keyring().join("keyring.sqlite"), flags).unwrap();
    let mut stmt = db.prepare("SELECT tsk FROM pgp_secret_keys").unwrap();
    let blobs: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    blobs.iter().map(|b| Cert::from_bytes(b).unwrap()).collect()
}

/// Every secret key packet is encrypted (S2K), and there are `n`.
fn assert_all_encrypted(tsk: &Cert, n: usize) {
    let secrets: Vec<_> = tsk.keys().secret().collect();
    assert_eq!(secrets.len(), n, "{}", tsk.fingerprint());
    assert!(secrets.iter().all(|k| k.key().secret().is_encrypted()));
}

#[test]
fn imports_gpg_keys_armored_and_binary_and_merges_secrets() {
    let env = Env::new();
    let gpg = Gpg::new();
    let alice = gpg.key("Alice", "alice@example.org", "2y");
    let bob = gpg.key("Bob", "bob@example.org", "2y");
    // `gpg --export --armor` of two keys: one armored block holding both.
    let public = gpg.run(&[
        "--export",
        "--armor",
        "alice@example.org",
        "bob@example.org",
    ]);
    let public = write(&env, "public.asc", &public);
    let err = stderr_of(&env, &["keyring", "import", &public]);
    assert!(
        err.contains("imported 2 OpenPGP certificate(s); 0 unchanged"),
        "{err}"
    );
    let rows = pgp_rows(&env, &[]);
    assert_eq!(rows.len(), 2);
    assert_eq!(row(&rows, &alice)["secret"], false);
    assert_eq!(row(&rows, &alice)["emails"][0], "alice@example.org");
    assert_eq!(row(&rows, &alice)["userid"], "Alice <alice@example.org>");
    assert_eq!(row(&rows, &alice)["created"], "2026-01-01T00:00:00Z");
    assert_eq!(row(&rows, &alice)["expires"], "2028-01-01T00:00:00Z");
    assert_eq!(row(&rows, &bob)["status"], "valid");

    // `gpg --export-secret-keys` (binary) of both: the secrets are merged
    // into the stored certificates, still under gpg's protection.
    let secret = gpg.run(&[
        "--export-secret-keys",
        "alice@example.org",
        "bob@example.org",
    ]);
    let secret = write(&env, "secret.pgp", &secret);
    let err = stderr_of(&env, &["keyring", "import", &secret]);
    assert!(
        err.contains("2 updated OpenPGP certificate(s), 4 OpenPGP secret key(s)"),
        "{err}"
    );
    let rows = pgp_rows(&env, &[]);
    assert!(rows.iter().all(|r| r["secret"] == true), "{rows:?}");
    let tsks = stored_tsks(&env);
    assert_eq!(tsks.len(), 2);
    tsks.iter().for_each(|t| assert_all_encrypted(t, 2));
    let list = String::from_utf8(env.expect(&["keyring", "list", "Alice"], b"", 0)).unwrap();
    assert!(
        list.starts_with(&format!("sec  pgp   {alice} [secret]\n")),
        "{list}"
    );
    assert!(
        list.contains("user ID: Alice <alice@example.org>"),
        "{list}"
    );

    // Importing both files again (armored public, binary secret) is a
    // no-op: nothing changes, not even a byte of the database.
    let before = db_bytes(&env);
    let err = stderr_of(&env, &["keyring", "import", &public, &secret]);
    assert!(err.contains("imported nothing new; 4 unchanged"), "{err}");
    assert_eq!(db_bytes(&env), before);
}

#[test]
fn unencrypted_sqop_key_is_encrypted_at_rest() {
    let env = Env::new();
    // `sqop generate-key` writes an unprotected secret key.
    let key =
        run_ok(Command::new("sqop").args(["generate-key", "Carol <carol@example.org>"])).stdout;
    assert!(
        Cert::from_bytes(&key)
            .unwrap()
            .keys()
            .unencrypted_secret()
            .count()
            > 0
    );
    let file = write(&env, "carol.asc", &key);
    let err = stderr_of(&env, &["keyring", "import", &file]);
    assert!(
        err.contains("1 OpenPGP certificate(s), 3 OpenPGP secret key(s)"),
        "{err}"
    );
    let tsks = stored_tsks(&env);
    assert_eq!(tsks.len(), 1);
    assert_all_encrypted(&tsks[0], 3);

    // Re-importing the unprotected copy keeps the stored secrets.
    let before = db_bytes(&env);
    let err = stderr_of(&env, &["keyring", "import", &file]);
    assert!(err.contains("imported nothing new; 1 unchanged"), "{err}");
    assert_eq!(db_bytes(&env), before);

    // The export opens with our passphrase in sqop, and only with it.
    let exported = env.expect(
        &["keyring", "export", "--secret", "carol@example.org"],
        b"",
        0,
    );
    let exported = write(&env, "carol-export.asc", &exported);
    let sign = |password: &str| {
        let pw = write(&env, "sqop-pass", password.as_bytes());
        let mut cmd = Command::new("sqop");
        cmd.args(["sign", "--with-key-password", &pw, &exported]);
        env.run_cmd(&mut cmd, b"hello")
    };
    assert!(sign(PASS).status.success());
    assert!(!sign("wrong").status.success());
}

#[test]
fn fail_unencrypted_key_without_passphrase_source_imports_nothing() {
    if !have("setsid") {
        eprintln!("note: setsid not found; skipping");
        return;
    }
    let env = Env::new();
    // A keyring to compare with (`keyring list` refuses a missing one).
    env.generate_pgp("Me", "me@example.org");
    let before = db_bytes(&env);
    let key =
        run_ok(Command::new("sqop").args(["generate-key", "Carol <carol@example.org>"])).stdout;
    let file = write(&env, "carol.asc", &key);
    // A new session has no controlling terminal to ask on.
    let mut cmd = Command::new("setsid");
    cmd.arg("-w")
        .arg(env!("CARGO_BIN_EXE_mailseal"))
        .args(["--keyring", env.keyring().to_str().unwrap()])
        .args(["keyring", "import", &file]);
    let out = env.run_cmd(&mut cmd, b"");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("passphrase"),
        "{out:?}"
    );
    assert_eq!(db_bytes(&env), before);
}

#[test]
fn expired_and_revoked_certificates_are_kept_and_reported() {
    let env = Env::new();
    let gpg = Gpg::new();
    let short = gpg.key("Short", "short@example.org", "30d");
    let gone = gpg.key("Gone", "gone@example.org", "2y");
    let before_revocation = gpg.run(&["--export", "gone@example.org"]);
    gpg.revoke(&gone);
    let both = gpg.run(&[
        "--export",
        "--armor",
        "short@example.org",
        "gone@example.org",
    ]);
    let both = write(&env, "both.asc", &both);
    env.import(Path::new(&both));

    // At the test time (2026-06-01) the 30-day key has expired.
    let rows = pgp_rows(&env, &[]);
    let (s, g) = (row(&rows, &short), row(&rows, &gone));
    assert_eq!(
        (s["expired"].clone(), s["revoked"].clone()),
        (true.into(), false.into())
    );
    assert_eq!(s["status"], "expired");
    assert_eq!(s["expires"], "2026-01-31T00:00:00Z");
    assert_eq!(
        (g["revoked"].clone(), g["status"].clone()),
        (true.into(), "revoked".into())
    );
    let list = String::from_utf8(env.expect(&["keyring", "list"], b"", 0)).unwrap();
    assert!(
        list.contains(&format!("pub  pgp   {short} [expired]\n")),
        "{list}"
    );
    assert!(
        list.contains(&format!("pub  pgp   {gone} [revoked]\n")),
        "{list}"
    );
    // Judged at an earlier time, the short key is still valid.
    let early = pgp_rows(&env, &["--at", "2026-01-15T00:00:00Z"]);
    assert_eq!(row(&early, &short)["status"], "valid");

    // The copy from before the revocation adds nothing and loses nothing.
    let old = write(&env, "old.pgp", &before_revocation);
    let err = stderr_of(&env, &["keyring", "import", &old]);
    assert!(err.contains("imported nothing new; 1 unchanged"), "{err}");
    assert_eq!(row(&pgp_rows(&env, &[]), &gone)["revoked"], true);
}

#[test]
fn revocation_is_merged_into_a_stored_certificate() {
    let env = Env::new();
    let gpg = Gpg::new();
    let fpr = gpg.key("Dan", "dan@example.org", "2y");
    let plain = gpg.run(&["--export", "dan@example.org"]);
    env.import(Path::new(&write(&env, "plain.pgp", &plain)));
    assert_eq!(row(&pgp_rows(&env, &[]), &fpr)["revoked"], false);
    gpg.revoke(&fpr);
    let revoked = gpg.run(&["--export", "dan@example.org"]);
    let err = stderr_of(
        &env,
        &["keyring", "import", &write(&env, "rev.pgp", &revoked)],
    );
    assert!(
        err.contains("imported 1 updated OpenPGP certificate(s)"),
        "{err}"
    );
    assert_eq!(row(&pgp_rows(&env, &[]), &fpr)["revoked"], true);
}

#[test]
fn secret_export_round_trips_into_gpg() {
    let env = Env::new();
    let source = Gpg::new();
    let fpr = source.key("Erin", "erin@example.org", "2y");
    let secret = source.run(&["--export-secret-keys", "--armor", "erin@example.org"]);
    env.import(Path::new(&write(&env, "erin.asc", &secret)));

    let exported = env.expect(&["keyring", "export", "--secret", &fpr], b"", 0);
    assert!(contains(
        &exported,
        b"-----BEGIN PGP PRIVATE KEY BLOCK-----"
    ));
    let target = Gpg::new();
    let file = write(&env, "export.asc", &exported);
    target.run(&["--import", &file]);
    let sign = |pw: &str| target.run_with(pw, &["-u", &fpr, "--sign"], b"hello");
    assert!(
        !sign("wrong passphrase").status.success(),
        "still protected"
    );
    let signed = sign(PASS);
    assert!(signed.status.success(), "{signed:?}");
    let verified = target.run_with(PASS, &["--verify"], &signed.stdout);
    assert!(verified.status.success(), "{verified:?}");

    // The public export holds no secret, in armor or in packets.
    let public = env.expect(&["keyring", "export", "erin@example.org"], b"", 0);
    assert!(contains(&public, b"-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(!contains(&public, b"PRIVATE"));
    let cert = Cert::from_bytes(&public).unwrap();
    assert_eq!(cert.fingerprint().to_hex(), fpr);
    assert!(!cert.is_tsk());
}

#[test]
fn generated_v4_key_is_read_by_gpg() {
    let env = Env::new();
    let args = [
        "keyring",
        "generate",
        "--openpgp",
        "--email",
        "Fay@Example.org",
        "--name",
        "Fay",
    ];
    let out = env.expect(&args, b"", 0);
    let fpr = String::from_utf8(out).unwrap().trim().to_string();
    assert_eq!(fpr.len(), 40, "{fpr}");
    let rows = pgp_rows(&env, &[]);
    let r = row(&rows, &fpr);
    assert_eq!(r["version"], 4);
    assert_eq!(r["userid"], "Fay <fay@example.org>");
    // Created at --at, expiring after three years (1095 days).
    assert_eq!(r["created"], AT);
    assert_eq!(r["expires"], "2029-05-31T12:00:00Z");
    assert_eq!(r["secret"], true);
    assert_all_encrypted(&stored_tsks(&env)[0], 2);

    let exported = env.expect(
        &["keyring", "export", "--secret", "fay@example.org"],
        b"",
        0,
    );
    // gpg refuses keys from its future: its clock is set to the test time.
    let gpg = Gpg::at("20260601T120000!");
    gpg.run(&["--import", &write(&env, "fay.asc", &exported)]);
    let colons = String::from_utf8(gpg.run(&["--with-colons", "--list-secret-keys"])).unwrap();
    // Ed25519 (EdDSA, algorithm 22) certifying and signing; Cv25519
    // (ECDH, algorithm 18) encrypting.
    let sec = colons.lines().find(|l| l.starts_with("sec:")).unwrap();
    let ssb = colons.lines().find(|l| l.starts_with("ssb:")).unwrap();
    assert!(sec.contains(":22:") && sec.contains(":sc"), "{colons}");
    assert!(ssb.contains(":18:") && ssb.contains(":e:"), "{colons}");
    let signed = gpg.run_with(PASS, &["-u", &fpr, "--sign"], b"hello");
    assert!(signed.status.success(), "{signed:?}");
}

#[test]
fn generated_v6_key_with_rfc9580_profile() {
    let env = Env::new();
    let fpr = env.generate_pgp_with(
        "Gil",
        "gil@example.org",
        &["--profile", "rfc9580", "--days", "0"],
    );
    let fpr = fpr.as_str();
    assert_eq!(fpr.len(), 64, "{fpr}");
    let public = env.expect(&["keyring", "export", fpr], b"", 0);
    let cert = Cert::from_bytes(&public).unwrap();
    assert_eq!(cert.primary_key().key().version(), 6);
    assert!(cert.keys().all(|k| k.key().version() == 6));
    let rows = pgp_rows(&env, &[]);
    assert_eq!(
        row(&rows, fpr)["expires"],
        serde_json::Value::Null,
        "--days 0: never"
    );
    let secret = env.expect(&["keyring", "export", "--secret", fpr], b"", 0);
    assert_all_encrypted(&Cert::from_bytes(&secret).unwrap(), 2);
}

#[test]
fn fail_profile_without_openpgp_and_algorithm_with_it() {
    let env = Env::new();
    let base = [
        "keyring",
        "generate",
        "--email",
        "h@example.org",
        "--name",
        "H",
    ];
    let mut smime_profile = base.to_vec();
    smime_profile.extend(["--smime", "--profile", "rfc9580"]);
    env.expect(&smime_profile, b"", 2);
    let mut pgp_algorithm = base.to_vec();
    pgp_algorithm.extend(["--openpgp", "--algorithm", "p256"]);
    env.expect(&pgp_algorithm, b"", 2);
}

#[test]
fn queries_by_key_id_fingerprint_address_and_name_then_remove() {
    let env = Env::new();
    let gpg = Gpg::new();
    let ivy = gpg.key("Ivy", "ivy@example.org", "2y");
    let jon = gpg.key("Jon", "jon@example.org", "2y");
    let both = gpg.run(&["--export", "ivy@example.org", "jon@example.org"]);
    env.import(Path::new(&write(&env, "both.pgp", &both)));
    let colons = String::from_utf8(gpg.run(&["--with-colons", "--list-keys", &jon])).unwrap();
    let sub_keyid = colons
        .lines()
        .find(|l| l.starts_with("sub:"))
        .and_then(|l| l.split(':').nth(4))
        .unwrap()
        .to_string();
    let listed = |q: &str| -> Vec<String> {
        let out = env.expect(&["--json", "keyring", "list", q], b"", 0);
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
        rows.iter()
            .map(|r| r["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(listed(&sub_keyid), vec![jon.clone()], "subkey key ID");
    assert_eq!(
        listed(&format!("0x{}", &ivy[24..])),
        vec![ivy.clone()],
        "primary key ID"
    );
    let spaced: String = ivy
        .chars()
        .enumerate()
        .fold(String::new(), |mut s, (i, c)| {
            if i > 0 && i % 4 == 0 {
                s.push(' ');
            }
            s.push(c);
            s
        });
    assert_eq!(listed(&spaced), vec![ivy.clone()], "spaced fingerprint");
    assert_eq!(listed("<JON@example.org>"), vec![jon.clone()]);
    assert_eq!(listed("ivy <"), vec![ivy.clone()], "name substring");

    let err = stderr_of(&env, &["keyring", "remove", &sub_keyid]);
    assert!(err.contains("removed 1 certificate(s)"), "{err}");
    assert_eq!(listed("example.org").len(), 1);
    env.expect(&["keyring", "list", "jon@example.org"], b"", 2);
    env.expect(&["keyring", "remove", "jon@example.org"], b"", 2);
    env.expect(&["keyring", "export", &jon], b"", 2);
    env.expect(&["keyring", "remove", "ivy@example.org"], b"", 0);
    assert!(pgp_rows(&env, &[]).is_empty());
}

#[test]
fn mixed_export_holds_both_protocols_and_imports_again() {
    let env = Env::new();
    let id = ["--email", "kim@example.org", "--name", "Kim"];
    let mut smime = vec!["keyring", "generate", "--smime", "--algorithm", "p256"];
    smime.extend(id);
    env.expect(&smime, b"", 0);
    let mut pgp = vec!["keyring", "generate", "--openpgp"];
    pgp.extend(id);
    env.expect(&pgp, b"", 0);
    let exported = env.expect(
        &["keyring", "export", "--secret", "kim@example.org"],
        b"",
        0,
    );
    for label in [
        &b"-----BEGIN CERTIFICATE-----"[..],
        b"-----BEGIN ENCRYPTED PRIVATE KEY-----",
        b"-----BEGIN PGP PRIVATE KEY BLOCK-----",
    ] {
        assert!(
            contains(&exported, label),
            "{}",
            String::from_utf8_lossy(label)
        );
    }
    let other = Env::new();
    let file = write(&other, "kim.txt", &exported);
    let err = stderr_of(&other, &["keyring", "import", &file]);
    assert!(
        err.contains("imported 1 certificate(s), 1 secret key(s), 1 OpenPGP certificate(s), 2 OpenPGP secret key(s)"),
        "{err}"
    );
}

#[test]
fn fail_malformed_openpgp_input_imports_nothing() {
    let env = Env::new();
    let gpg = Gpg::new();
    gpg.key("Lee", "lee@example.org", "2y");
    gpg.key("Max", "max@example.org", "2y");
    env.import(Path::new(&write(
        &env,
        "lee.pgp",
        &gpg.run(&["--export", "lee@example.org"]),
    )));
    let before = db_bytes(&env);

    let binary = gpg.run(&["--export", "max@example.org"]);
    let armored = String::from_utf8(gpg.run(&["--export", "--armor", "max@example.org"])).unwrap();
    let secret = gpg.run(&["--export-secret-keys", "max@example.org"]);
    let body_start = armored.find("\n\n").unwrap() + 2;
    let mut garbled = armored.clone();
    garbled.replace_range(body_start..body_start + 8, "!!!!****");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated binary", binary[..binary.len() / 2].to_vec()),
        ("truncated secret key", secret[..secret.len() - 7].to_vec()),
        (
            "garbage after a good key",
            [binary.clone(), vec![0xc6, 0x05, 1, 2]].concat(),
        ),
        ("binary garbage", vec![0x99, 0xff, 0x00, 0x13, 0x37]),
        (
            "armor without END",
            armored.as_bytes()[..armored.len() / 2].to_vec(),
        ),
        (
            "armor cut in the body",
            format!(
                "{}\n-----END PGP PUBLIC KEY BLOCK-----\n",
                &armored[..armored.len() / 2]
            )
            .into_bytes(),
        ),
        ("garbled armor", garbled.into_bytes()),
        (
            "a message, not a key",
            b"-----BEGIN PGP MESSAGE-----\n\nhQEMA8\n-----END PGP MESSAGE-----\n".to_vec(),
        ),
    ];
    for (what, bytes) in cases {
        let file = write(&env, "bad.asc", &bytes);
        let out = env.run(&["keyring", "import", &file], b"");
        assert_eq!(out.status.code(), Some(2), "{what}: {out:?}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panick"),
            "{what}"
        );
        assert_eq!(db_bytes(&env), before, "{what} changed the keyring");
    }
    assert_eq!(pgp_rows(&env, &[]).len(), 1);
}

#[test]
fn list_escapes_hostile_user_ids() {
    use sequoia_openpgp::cert::CertBuilder;
    use sequoia_openpgp::serialize::SerializeInto;
    let env = Env::new();
    // A certificate made with sequoia's CertBuilder, whose user ID tries
    // to clear the screen and forge a line.
    let uid = "Mallory\x1b[2J\n[GNUPG:] GOODSIG <mallory@example.org>";
    let (cert, _) = CertBuilder::general_purpose(Some(uid)).generate().unwrap();
    let file = write(&env, "mallory.pgp", &cert.to_vec().unwrap());
    env.import(Path::new(&file));
    let list = String::from_utf8(env.expect(&["keyring", "list"], b"", 0)).unwrap();
    assert!(
        !list.contains('\x1b') && !list.contains("\n[GNUPG:]"),
        "{list}"
    );
    assert!(
        list.contains("user ID: Mallory\\u{1b}[2J\\n[GNUPG:] GOODSIG"),
        "{list}"
    );
}
