//! Issue 13, "fail closed on what real users feed it", for the keyring:
//! `keyring remove` never deletes a secret key without `--secret`; a
//! keyring directory that does not exist (a typo in `--keyring`) is
//! refused by the commands that only read it, and created (and said so)
//! by those that write; with `--json` a failure is a JSON object too, on
//! stdout for report commands and on stderr where stdout carries a
//! message or keys.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `--json keyring list QUERY` rows.
fn listed(env: &Env, query: &str) -> Vec<serde_json::Value> {
    let out = env.expect(&["--json", "keyring", "list", query], b"", 0);
    serde_json::from_slice(&out).unwrap()
}

/// The fingerprint of the row of `protocol` in `rows`.
fn fingerprint_of(rows: &[serde_json::Value], protocol: &str) -> String {
    let row = rows
        .iter()
        .find(|r| r["protocol"] == protocol)
        .unwrap_or_else(|| panic!("no {protocol} row in {rows:?}"));
    row["fingerprint"].as_str().unwrap().to_string()
}

/// An S/MIME key and an OpenPGP key for `email`, made by mailseal in
/// `env`; returns their fingerprints (S/MIME, OpenPGP).
fn own_keys(env: &Env, name: &str, email: &str) -> (String, String) {
    let pgp = env.generate_pgp(name, email);
    env.expect(
        &[
            "keyring",
            "generate",
            "--smime",
            "--algorithm",
            "p256",
            "--email",
            email,
            "--name",
            name,
        ],
        b"",
        0,
    );
    (fingerprint_of(&listed(env, email), "smime"), pgp)
}

/// Bob's certificates of both protocols, without secret keys, imported
/// into `env`; returns their fingerprints (S/MIME, OpenPGP).
fn import_bob(env: &Env) -> (String, String) {
    let bob = Env::new();
    let fprs = own_keys(&bob, "Bob", "bob@example.org");
    let public = bob.expect(&["keyring", "export", "bob@example.org"], b"", 0);
    env.import(&write(env.dir.path(), "bob.txt", &public));
    fprs
}

/// A line of `err` holding every one of `words`.
fn has_line(err: &str, words: &[&str]) -> bool {
    err.lines().any(|l| words.iter().all(|w| l.contains(w)))
}

#[test]
fn remove_without_secret_refuses_and_keeps_both_secret_keys() {
    let env = Env::new();
    let (smime, pgp) = own_keys(&env, "Me", "me@example.org");
    let (bob_smime, bob_pgp) = import_bob(&env);

    let err = env.refused(&["keyring", "remove", "me@example.org"], b"", 2);
    assert!(
        has_line(&err, &["S/MIME", &smime, "me@example.org"]),
        "{err}"
    );
    assert!(
        has_line(&err, &["OpenPGP", &pgp, "me@example.org"]),
        "{err}"
    );
    assert!(err.contains("--secret"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("removed")), "{err}");

    // A query that also matches certificates without secret keys removes
    // nothing either: one transaction, all or nothing.
    let err = env.refused(&["keyring", "remove", "example.org"], b"", 2);
    assert!(err.contains(&pgp) && err.contains("--secret"), "{err}");
    let bob = listed(&env, "bob@example.org");
    assert_eq!(fingerprint_of(&bob, "smime"), bob_smime);
    assert_eq!(fingerprint_of(&bob, "openpgp"), bob_pgp);

    let rows = listed(&env, "me@example.org");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r["secret"] == true), "{rows:?}");
    let msg = message("me@example.org", "bob@example.org", "still", "signs");
    let signed = env.expect(&["sign", "--smime"], &msg, 0);
    assert!(contains(&signed, b"application/pkcs7-signature"));
    let signed = env.expect(&["sign", "--openpgp"], &msg, 0);
    assert!(contains(&signed, b"application/pgp-signature"));
}

#[test]
fn remove_with_secret_names_each_secret_key_removed() {
    let env = Env::new();
    let (smime, pgp) = own_keys(&env, "Me", "me@example.org");
    let out = env.run(&["keyring", "remove", "--secret", "me@example.org"], b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for (protocol, fpr) in [("S/MIME", &smime), ("OpenPGP", &pgp)] {
        assert!(
            has_line(&err, &["secret key", protocol, fpr, "me@example.org"]),
            "{err}"
        );
        assert!(
            has_line(&err, &["certificate", protocol, fpr, "me@example.org"]),
            "{err}"
        );
    }
    env.expect(&["keyring", "list", "me@example.org"], b"", 2);
    let msg = message("me@example.org", "bob@example.org", "gone", "no key");
    env.refused(&["sign"], &msg, 2);
}

#[test]
fn removing_a_plain_certificate_needs_no_secret_flag_and_keeps_statements() {
    let env = Env::new();
    let (smime, pgp) = own_keys(&env, "Me", "me@example.org");
    let (bob_smime, bob_pgp) = import_bob(&env);
    env.expect(
        &["trust", "pin", &bob_smime, "--email", "bob@example.org"],
        b"",
        0,
    );
    env.expect(&["trust", "root", &bob_pgp, "--amount", "60"], b"", 0);

    let out = env.run(&["--json", "keyring", "remove", "bob@example.org"], b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let removed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = removed["removed"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{removed}");
    assert!(rows.iter().all(|r| r["secret_key"] == false), "{removed}");
    assert_eq!(fingerprint_of(rows, "smime"), bob_smime);
    assert_eq!(fingerprint_of(rows, "openpgp"), bob_pgp);
    // The user's statements about the certificates are kept, and said to be.
    assert!(has_line(&err, &["kept", "pin", &bob_smime]), "{err}");
    assert!(has_line(&err, &["kept", "root", &bob_pgp]), "{err}");
    env.expect(&["keyring", "list", "bob@example.org"], b"", 2);
    let mine = listed(&env, "me@example.org");
    assert_eq!(fingerprint_of(&mine, "smime"), smime);
    assert_eq!(fingerprint_of(&mine, "openpgp"), pgp);

    // Imported again, the pin applies again.
    import_bob_again(&env);
    let out = env.expect(&["--json", "trust", "check", &bob_smime], b"", 0);
    let row: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(row["trust"]["basis"], "pinned", "{row}");
}

/// Bob's certificates as `import_bob` wrote them.
fn import_bob_again(env: &Env) {
    env.import(&env.path("bob.txt"));
}

/// The refusal of a missing keyring directory: exit 2, the directory and
/// the hint named, nothing on stdout, nothing created.
fn assert_no_keyring(out: &Output, dir: &Path, what: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {err}");
    assert!(out.stdout.is_empty(), "{what} wrote to stdout");
    assert!(
        has_line(
            &err,
            &["error:", &dir.display().to_string(), "does not exist"]
        ),
        "{what}: {err}"
    );
    assert!(
        has_line(&err, &["hint:", "MAILSEAL_HOME", "--keyring"]),
        "{what}: {err}"
    );
    assert!(!dir.exists(), "{what} created {}", dir.display());
}

#[test]
fn read_only_commands_refuse_a_missing_keyring_directory() {
    let env = Env::new();
    let typo = env.path("typo").join("keyring");
    let msg = message("me@example.org", "bob@example.org", "typo", "hello");
    let file = write(env.dir.path(), "msg.eml", &msg);
    let file = s(&file);
    let commands: [&[&str]; 9] = [
        &["verify", file],
        &["decrypt", file],
        &["keyring", "list"],
        &["keyring", "export", "me@example.org"],
        &["trust", "check", "me@example.org"],
        &["trust", "anchor", "list"],
        &["sign", file],
        &["encrypt", "-r", "bob@example.org", file],
        &["keyring", "remove", "me@example.org"],
    ];
    for args in commands {
        let out = env.run_in(&typo, args, b"");
        assert_no_keyring(&out, &typo, &args.join(" "));
    }
    // From $MAILSEAL_HOME as well.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mailseal"));
    cmd.env("MAILSEAL_HOME", &typo).args(["keyring", "list"]);
    let out = run_with_stdin(&mut cmd, b"");
    assert_no_keyring(&out, &typo, "MAILSEAL_HOME keyring list");
}

#[test]
fn write_commands_create_a_missing_keyring_and_say_so_once() {
    let env = Env::new();
    let dir = env.keyring();
    let created = format!("created keyring {}", dir.display());
    let generate = [
        "keyring",
        "generate",
        "--openpgp",
        "--email",
        "me@example.org",
        "--name",
        "Me",
    ];
    let out = env.run(&generate, b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches(&created).count(), 1, "{err}");
    assert!(dir.join("keyring.sqlite").is_file());
    let err = text(&env.run(&generate, b"").stderr);
    assert!(!err.contains("created keyring"), "{err}");

    let exported = env.expect(&["keyring", "export", "me@example.org"], b"", 0);
    let file = write(env.dir.path(), "me.asc", &exported);
    let other = env.path("deeper").join("other");
    let import = ["keyring", "import", s(&file)];
    let out = env.run_in(&other, &import, b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!("created keyring {}", other.display())),
        "{err}"
    );
    let err = text(&env.run_in(&other, &import, b"").stderr);
    assert!(!err.contains("created keyring"), "{err}");

    let quiet = env.path("quiet");
    let out = env.run_in(&quiet, &["-q", "keyring", "import", s(&file)], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert!(quiet.join("keyring.sqlite").is_file());
}

#[test]
fn read_only_command_in_an_empty_directory_writes_nothing() {
    let env = Env::new();
    let dir = env.path("empty");
    std::fs::create_dir(&dir).unwrap();
    let out = env.run_in(&dir, &["keyring", "list"], b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        has_line(&err, &["warning:", &dir.display().to_string()]),
        "{err}"
    );
    let msg = message("me@example.org", "bob@example.org", "empty", "hello");
    let out = env.run_in(&dir, &["verify"], &msg);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A multipart/signed message without its parts.
const MALFORMED: &[u8] = b"From: me@example.org\r\nContent-Type: multipart/signed; \
protocol=\"application/pgp-signature\"; boundary=x\r\n\r\ngarbage\r\n";

/// A PGP/MIME encrypted message whose content is not OpenPGP.
const SEALED_GARBAGE: &[u8] = b"From: me@example.org\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=x\r\n\r\n\
--x\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\
--x\r\nContent-Type: application/octet-stream\r\n\r\ngarbage\r\n--x--\r\n";

/// The one JSON error object in `bytes`, with its exit code checked.
fn json_error(bytes: &[u8], exit: i64, what: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("{what}: not one JSON object ({e}): {}", text(bytes)));
    assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
    assert!(v["because"].is_array(), "{v}");
    assert_eq!(v["exit"], exit, "{what}: {v}");
    v
}

#[test]
fn json_errors_of_report_commands_are_json_on_stdout() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let missing = env.path("missing.eml");
    let out = env.run(&["--json", "verify", s(&missing)], b"");
    assert_eq!(out.status.code(), Some(2));
    let v = json_error(&out.stdout, 2, "verify of a missing file");
    assert!(v["error"].as_str().unwrap().contains("missing.eml"), "{v}");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    let out = env.run(&["--json", "verify"], MALFORMED);
    assert_eq!(out.status.code(), Some(2));
    json_error(&out.stdout, 2, "verify of a malformed message");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    // Bare text: whatever verify makes of it, stdout is one JSON object
    // with the exit code.
    let out = env.run(&["--json", "verify"], b"just some text, no headers\n");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exit"], i64::from(out.status.code().unwrap()), "{v}");

    let out = env.run(&["--json", "keyring", "list", "nobody@example.org"], b"");
    assert_eq!(out.status.code(), Some(2));
    let v = json_error(&out.stdout, 2, "list of an unknown address");
    assert!(v["hint"].as_str().is_some(), "{v}");

    let typo = env.path("typo");
    let msg = message("me@example.org", "bob@example.org", "typo", "hello");
    let out = env.run_in(&typo, &["--json", "verify"], &msg);
    assert_eq!(out.status.code(), Some(2));
    let v = json_error(&out.stdout, 2, "verify with a missing keyring");
    assert!(v["error"].as_str().unwrap().contains("typo"), "{v}");
    assert!(v["hint"].as_str().unwrap().contains("MAILSEAL_HOME"), "{v}");
    assert!(!typo.exists());
}

#[test]
fn json_errors_of_data_commands_are_json_on_stderr() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let stranger = message("nobody@example.org", "me@example.org", "x", "hello");
    let cases: [(&[&str], &[u8], i32); 5] = [
        (&["--json", "decrypt"], SEALED_GARBAGE, 2),
        (&["--json", "decrypt"], &stranger, 4),
        (&["--json", "sign"], &stranger, 2),
        (
            &["--json", "encrypt", "-r", "nobody@example.org"],
            &stranger,
            2,
        ),
        (
            &["--json", "keyring", "export", "nobody@example.org"],
            b"",
            2,
        ),
    ];
    for (args, stdin, exit) in cases {
        let what = args.join(" ");
        let out = env.run(args, stdin);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(exit), "{what}: {err}");
        assert!(out.stdout.is_empty(), "{what} wrote to stdout");
        json_error(&out.stderr, exit.into(), &what);
    }
    // Without --json, errors stay lines for people.
    let out = env.run(&["decrypt"], SEALED_GARBAGE);
    assert!(
        text(&out.stderr).starts_with("error: "),
        "{}",
        text(&out.stderr)
    );
}
