//! What the neomutt/mutt configuration runs besides the crypto commands
//! (issue 14): `filter install-config` (the file a muttrc sources),
//! `filter check` (the one-key full check of a whole message, as the
//! client pipes it) and `filter policy-colors` (the index marks of the
//! per-domain policy). The clients themselves drive them in
//! `mua_neomutt.rs` and `mua_mutt.rs`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// mailseal with only `home` as HOME: no MAILSEAL_HOME, no XDG_*.
fn in_home(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mailseal"));
    c.env_clear()
        .env("HOME", home)
        .env("PATH", "/usr/bin:/bin")
        .stdin(std::process::Stdio::null());
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

#[test]
fn install_config_writes_the_file_and_says_how_to_source_it() {
    let env = Env::new();
    let home = env.path("home");
    let keyring = home.join(".local/share/mailseal");
    env.run_in(
        &keyring,
        &[
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "me@example.org",
            "--name",
            "Me",
        ],
        b"",
    );
    let out = in_home(&home)
        .args(["filter", "install-config"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let file = home.join(".config/neomutt/mailseal.muttrc");
    let written = std::fs::read_to_string(&file).unwrap();
    let said = text(&out.stdout);
    assert_eq!(
        said.lines().last(),
        Some(format!("source \"{}\"", file.display()).as_str()),
        "{said}"
    );
    // The default keyring is not named; the file is what `-` prints.
    assert!(!written.contains("--keyring"), "{written}");
    assert!(written.contains("set sendmail=\"mailseal send /usr/sbin/sendmail -oem -oi\"\n"));
    assert!(written
        .contains("set pgp_verify_command=\"mailseal filter pgp verify --status-fd 2 %s %f\"\n"));
    assert!(written.contains("source 'mailseal filter smime sync|'\n"));
    assert!(written.contains("macro index,pager X \""));
    let printed = in_home(&home)
        .args(["filter", "install-config", "-"])
        .output()
        .unwrap();
    assert_eq!(text(&printed.stdout), written);
    // Another keyring is named in every command, and so is --sendmail.
    let other = env.keyring();
    env.run(
        &[
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "me@example.org",
            "--name",
            "Me",
        ],
        b"",
    );
    let out = in_home(&home)
        .arg("--keyring")
        .arg(&other)
        .args([
            "filter",
            "install-config",
            "--sendmail",
            "msmtp -a work",
            "-",
        ])
        .output()
        .unwrap();
    let file = text(&out.stdout);
    let named = format!("mailseal --keyring {} ", other.display());
    assert!(
        file.contains(&format!("set sendmail=\"{named}send msmtp -a work\"\n"))
            && file.contains(&format!("source '{named}filter smime sync|'\n")),
        "{file}"
    );
}

#[test]
fn fail_install_config_refuses_what_the_client_cannot_run() {
    let env = Env::new();
    let home = env.path("home");
    // No keyring there yet.
    let out = in_home(&home)
        .args(["filter", "install-config", "-"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        text(&out.stderr).contains("keyring"),
        "{}",
        text(&out.stderr)
    );
    // A keyring path the client's shell and $sendmail would split.
    let spaced = env.path("my keys");
    env.run_in(
        &spaced,
        &[
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "me@example.org",
            "--name",
            "Me",
        ],
        b"",
    );
    let out = env.run_in(&spaced, &["filter", "install-config", "-"], b"");
    assert_eq!(code(&out), 2);
    assert!(
        text(&out.stderr).contains("a symbolic link will do") && out.stdout.is_empty(),
        "{}",
        text(&out.stderr)
    );
    let out = env.run_in(
        &spaced,
        &[
            "filter",
            "install-config",
            "--sendmail",
            "sendmail -- x",
            "-",
        ],
        b"",
    );
    assert_eq!(code(&out), 2, "{}", text(&out.stderr));
}

#[test]
fn policy_colors_mark_mail_that_breaks_each_rule() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let out = env.expect(&["filter", "policy-colors"], b"", 0);
    assert_eq!(text(&out), "# no per-domain policy in mailseal.conf\n");
    std::fs::write(
        env.keyring().join("mailseal.conf"),
        "require-signature partner.example\nrequire-encryption Secret.Example\n",
    )
    .unwrap();
    let out = env.expect(&["filter", "policy-colors"], b"", 0);
    assert_eq!(
        text(&out),
        "# require-signature partner.example (mailseal.conf line 1)\n\
         color index brightred default \"~f '@(.+\\\\.)?partner\\\\.example\\$' !~g !~G\"\n\
         # require-encryption secret.example (mailseal.conf line 2)\n\
         color index brightred default \"~f '@(.+\\\\.)?secret\\\\.example\\$' !~G\"\n"
    );
}

/// bob's keyring: his own OpenPGP key, alice's (made in another keyring)
/// pinned; `require-signature partner.example`.
struct Check {
    env: Env,
    alice: Env,
}

impl Check {
    fn new() -> Check {
        let env = Env::new();
        env.generate_pgp("Bob", "bob@example.org");
        let alice = Env::new();
        let fpr = alice.generate_pgp("Alice", "alice@example.org");
        let cert = alice.expect(&["keyring", "export", "alice@example.org"], b"", 0);
        env.import(&write(env.dir.path(), "alice.asc", &cert));
        env.expect(
            &["trust", "pin", &fpr, "--email", "alice@example.org"],
            b"",
            0,
        );
        std::fs::write(
            env.keyring().join("mailseal.conf"),
            "require-signature partner.example\n",
        )
        .unwrap();
        Check { env, alice }
    }

    /// `filter check` as the client pipes a message: an mbox `From `
    /// line first, LF line ends. Exit code and standard output.
    fn check(&self, message: &[u8]) -> (i32, String) {
        let lf = text(message).replace("\r\n", "\n");
        let piped = format!("From alice@example.org Mon Jun  1 12:00:00 2026\n{lf}");
        let out = self.env.run(&["filter", "check"], piped.as_bytes());
        (code(&out), text(&out.stdout) + &text(&out.stderr))
    }
}

#[test]
fn check_judges_the_whole_message_the_signer_against_from() {
    let c = Check::new();
    let draft = message("alice@example.org", "bob@example.org", "lunch", "Noon?");
    let signed = c.alice.expect(&["sign"], &draft, 0);
    let (code, out) = c.check(&signed);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("Good signature from Alice <alice@example.org>, trusted: pinned by you"),
        "{out}"
    );
    // The same signature under another From: what the client's own PGP
    // verification cannot see.
    let forged = replace_once(
        &signed,
        b"From: alice@example.org",
        b"From: pat@partner.example",
    );
    let (code, out) = c.check(&forged);
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains(
            "NOT trusted: the signer (alice@example.org) is not the sender (pat@partner.example)"
        ),
        "{out}"
    );
}

#[test]
fn check_decrypts_and_names_a_policy_violation_never_the_content() {
    let c = Check::new();
    let draft = message("alice@example.org", "bob@example.org", "plan", "Room 4.12");
    let bob = c
        .env
        .expect(&["keyring", "export", "bob@example.org"], b"", 0);
    c.alice.import(&write(c.alice.dir.path(), "bob.asc", &bob));
    let sealed = c.alice.expect(
        &["encrypt", "--sign", "--trust-any", "-r", "bob@example.org"],
        &draft,
        0,
    );
    let (code, out) = c.check(&sealed);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Encrypted")
            && out.contains("Good signature from Alice <alice@example.org>, trusted"),
        "{out}"
    );
    assert!(!out.contains("Room 4.12"), "{out}");
    // Unsigned mail from a require-signature domain.
    let plain = message(
        "Pat <pat@partner.example>",
        "bob@example.org",
        "pay",
        "New account",
    );
    let (code, out) = c.check(&plain);
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains("NOT trusted: policy violation: require-signature partner.example (mailseal.conf line 1)"),
        "{out}"
    );
}
