//! mailseal in the mail clients: what the neomutt/mutt configuration
//! runs besides the crypto commands (`filter install-config`, the file a
//! muttrc sources; `filter check`, the one-key full check of a whole
//! message as the client pipes it; `filter policy-colors`, the index
//! marks of the per-domain policy), and real neomutt and mutt, headless
//! under tmux with that configuration, reading and sending mail made by
//! gpg, openssl and mailseal.

mod common;
#[path = "filter_client/desk.rs"]
mod desk;
#[path = "filter_client/screen.rs"]
mod screen;

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

/// Every message of the neomutt test: subject, and how it was made.
fn fill_maildir(d: &desk::Desk) {
    d.deliver(
        "1",
        &d.gpg_signed("alice", "pgp-gpg-good", "Signed by gpg."),
    );
    d.deliver(
        "2",
        &d.mailseal(
            &["sign", "--openpgp"],
            "pgp-mailseal-good",
            "Signed by mailseal.",
        ),
    );
    let bad = d.gpg_signed("alice", "pgp-gpg-bad", "Pay 10 euros.");
    d.deliver("3", &replace_once(&bad, b"Pay 10 euros", b"Pay 99 euros"));
    d.deliver(
        "4",
        &d.gpg_signed("carol", "pgp-gpg-untrusted", "From carol."),
    );
    let signed = d.gpg_signed("alice", "x", "The signed half.");
    d.deliver("5", &desk::partly_signed(&signed, "pgp-gpg-partly"));
    d.deliver("6", &d.gpg_encrypted("pgp-gpg-encrypted", "Sealed by gpg."));
    d.deliver(
        "7",
        &d.mailseal(
            &[
                "encrypt",
                "--openpgp",
                "--sign",
                "--trust-any",
                "-r",
                "bob@example.org",
            ],
            "pgp-mailseal-encrypted",
            "Sealed by mailseal.",
        ),
    );
    d.deliver(
        "8",
        &d.openssl_signed(&d.alice, "smime-openssl-good", "Signed by openssl."),
    );
    d.deliver(
        "9",
        &d.mailseal(
            &["sign", "--smime"],
            "smime-mailseal-good",
            "Signed by mailseal.",
        ),
    );
    let bad = d.openssl_signed(&d.alice, "smime-openssl-bad", "Pay 10 euros.");
    d.deliver("10", &replace_once(&bad, b"Pay 10 euros", b"Pay 99 euros"));
    d.deliver(
        "11",
        &d.openssl_signed(&d.carol, "smime-openssl-untrusted", "From carol."),
    );
    let signed = d.openssl_signed(&d.alice, "y", "The signed half.");
    d.deliver("12", &desk::partly_signed(&signed, "smime-openssl-partly"));
    d.deliver(
        "13",
        &d.openssl_encrypted("smime-openssl-encrypted", "Sealed by openssl."),
    );
    d.deliver(
        "14",
        &d.mailseal(
            &[
                "encrypt",
                "--smime",
                "--sign",
                "--cipher",
                "aes256-cbc",
                "-r",
                "bob@example.org",
            ],
            "smime-mailseal-encrypted",
            "Sealed by mailseal.",
        ),
    );
    d.deliver(
        "17",
        &d.mailseal(
            &[
                "encrypt",
                "--smime",
                "--sign",
                "--cipher",
                "aes256-gcm",
                "-r",
                "bob@example.org",
            ],
            "smime-mailseal-gcm",
            "Sealed with GCM.",
        ),
    );
    d.deliver(
        "15",
        &message(
            "Pat <pat@partner.example>",
            "bob@example.org",
            "policy-unsigned",
            "Pay to account 666.",
        ),
    );
    d.deliver(
        "16",
        &message(
            "carol@example.org",
            "bob@example.org",
            "plain-elsewhere",
            "Hello.",
        ),
    );
}

/// What the pager shows for a signature the client calls good: its own
/// verdict on the last line, mailseal's words for alice, the text.
fn assert_good(screen: &str, protocol: &str, body: &str) {
    // mutt ends the line with a full stop.
    let last = screen
        .lines()
        .last()
        .unwrap_or_default()
        .trim_end_matches('.');
    assert_eq!(
        last,
        format!("{protocol} signature successfully verified"),
        "{screen}"
    );
    assert!(
        screen.contains("Good signature from Alice <alice@example.org>, trusted")
            || screen.contains("Good signature from alice <alice@example.org>, trusted"),
        "{screen}"
    );
    assert!(screen.contains(body), "{screen}");
}

/// What the pager shows for a signature that is not good: the client's
/// own verdict is not, and mailseal says why.
fn assert_not_good(screen: &str, last: &str, why: &str) {
    assert!(!screen.contains("successfully verified"), "{screen}");
    let shown = screen.lines().last().map(|l| l.trim_end_matches('.'));
    assert_eq!(shown, Some(last), "{screen}");
    assert!(screen.contains(why), "{screen}");
}

/// The index with its colours, the cursor on another line than the one
/// showing `subject` (the cursor's colours hide the line's own in mutt).
fn index_colours(client: &desk::Client, subject: &str) -> String {
    for key in ["=", "*"] {
        client.screen.keys(&[key]);
        std::thread::sleep(std::time::Duration::from_millis(300));
        client.screen.wait("the index", |s| s.starts_with("q:Quit"));
        let colours = client.screen.colours();
        let cursor = colours.lines().skip(1).find(|l| l.contains("[7m"));
        if !cursor.is_some_and(|l| l.contains(subject)) {
            return colours;
        }
    }
    panic!("the cursor stays on {subject}");
}

/// Whether the index line showing `subject` is in red.
fn red(colours: &str, subject: &str) -> bool {
    let line = colours
        .lines()
        .find(|l| l.contains(subject))
        .unwrap_or_else(|| panic!("{subject} is not in the index:\n{colours}"));
    line.contains("[31m") || line.contains(";31m") || line.contains("[91m")
}

/// The key IDs of the encryption subkeys of `email` in gpg.
fn gpg_subkeys(d: &desk::Desk, email: &str) -> Vec<String> {
    let out = d.gpg.run(&["--with-colons", "--list-keys", email]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("sub:"))
        .filter_map(|l| l.split(':').nth(4).map(str::to_string))
        .collect()
}

/// The sent message with `subject`, from the outbox.
fn sent_with(d: &desk::Desk, subject: &str) -> Vec<u8> {
    let sent = d.sent();
    let header = format!("Subject: {subject}\n");
    sent.into_iter()
        .find(|m| contains(m, header.as_bytes()))
        .unwrap_or_else(|| panic!("nothing with {subject} was delivered"))
}

/// The PGP/MIME message bob sent to alice and dave: both can decrypt it
/// (gpg names their subkeys), and gpg finds bob's signature good inside.
fn assert_gpg_reads_what_bob_sent(d: &desk::Desk, sent: &[u8]) {
    assert!(!contains(sent, desk::BODY.as_bytes()), "sent in the clear");
    let file = write(d.env.dir.path(), "sent.asc", &desk::armored(sent));
    let out =
        run_ok(
            d.gpg
                .cmd_at(desk::GPG_LATER)
                .args(["--status-fd", "2", "--decrypt", s(&file)]),
        );
    let status = String::from_utf8_lossy(&out.stderr);
    assert!(contains(&out.stdout, desk::BODY.as_bytes()), "{status}");
    assert!(status.contains("[GNUPG:] DECRYPTION_OKAY"), "{status}");
    assert!(
        status.contains("[GNUPG:] GOODSIG") && status.contains("Bob <bob@example.org>"),
        "{status}"
    );
    for who in ["alice@example.org", "dave@example.org"] {
        let keys = gpg_subkeys(d, who);
        assert!(
            keys.iter().any(|k| status.contains(&format!("ENC_TO {k}"))),
            "not encrypted to {who} ({keys:?}): {status}"
        );
    }
}

/// The S/MIME message bob sent: alice and dave each decrypt it with
/// `openssl cms`, which verifies bob's signature inside to the CA.
fn assert_openssl_reads_what_bob_sent(d: &desk::Desk, sent: &[u8]) {
    assert!(!contains(sent, desk::BODY.as_bytes()), "sent in the clear");
    for user in [&d.alice, &d.dave] {
        let inner = desk::openssl_decrypt(d.env.dir.path(), user, sent);
        let file = write(d.env.dir.path(), "inner.eml", &inner);
        let out = run_ok(Command::new("openssl").args([
            "cms",
            "-verify",
            "-in",
            s(&file),
            "-CAfile",
            s(&d.pki.ca()),
            "-attime",
            desk::OPENSSL_AT,
        ]));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("Verification successful"),
            "{}: {err}",
            user.email
        );
        assert!(contains(&out.stdout, desk::BODY.as_bytes()), "{err}");
    }
}

/// neomutt with the shipped configuration, over bob's Maildir: every
/// signature made by gpg, openssl and mailseal reads as good only when
/// it is good and trusted, encrypted mail of both protocols decrypts and
/// shows the signature inside, the one-key check and the index name a
/// policy violation, and what bob signs and encrypts to two people in
/// neomutt reaches them through `mailseal send` readable by gpg and
/// openssl.
#[test]
fn neomutt_reads_and_sends_with_mailseal() {
    let d = desk::Desk::new();
    fill_maildir(&d);
    let client = d.start("neomutt", &[], ".neomuttrc");
    // Signed, good and trusted.
    assert_good(&client.read("pgp-gpg-good"), "PGP", "Signed by gpg.");
    assert_good(
        &client.read("pgp-mailseal-good"),
        "PGP",
        "Signed by mailseal.",
    );
    assert_good(
        &client.read("smime-openssl-good"),
        "S/MIME",
        "Signed by openssl.",
    );
    assert_good(
        &client.read("smime-mailseal-good"),
        "S/MIME",
        "Signed by mailseal.",
    );
    // Bad, untrusted.
    assert_not_good(
        &client.read("pgp-gpg-bad"),
        "PGP signature could NOT be verified",
        "mailseal: BAD signature from Alice <alice@example.org>",
    );
    assert_not_good(
        &client.read("pgp-gpg-untrusted"),
        "PGP signature could NOT be verified",
        "mailseal: Good signature from Carol <carol@example.org>, but NOT trusted",
    );
    let screen = client.read("smime-openssl-bad");
    assert_not_good(
        &screen,
        "S/MIME signature could NOT be verified",
        "BAD signature from alice <alice@example.org>",
    );
    assert!(screen.contains("Verification failure"), "{screen}");
    assert_not_good(
        &client.read("smime-openssl-untrusted"),
        "S/MIME signature could NOT be verified",
        "Good signature from carol <carol@example.org>, but NOT trusted",
    );
    // Partly signed: the client warns, and the unsigned part stands
    // outside the signed data.
    for subject in ["pgp-gpg-partly", "smime-openssl-partly"] {
        let screen = client.read(subject);
        assert_not_good(
            &screen,
            "Warning: Part of this message has not been signed",
            "Unsigned addendum",
        );
        let end = screen.find("[-- End of signed data --]").unwrap();
        assert!(screen[end..].contains("Unsigned addendum"), "{screen}");
        // The full check says so too.
        let check = client.check(subject);
        assert!(
            check.contains("NOT trusted") && check.contains("part"),
            "{check}"
        );
    }
    // Encrypted by gpg, openssl and mailseal: decrypted, the signature
    // inside good.
    for (subject, protocol, body) in [
        ("pgp-gpg-encrypted", "PGP", "Sealed by gpg."),
        ("pgp-mailseal-encrypted", "PGP", "Sealed by mailseal."),
        ("smime-openssl-encrypted", "S/MIME", "Sealed by openssl."),
        ("smime-mailseal-encrypted", "S/MIME", "Sealed by mailseal."),
    ] {
        let screen = client.read(subject);
        assert_good(&screen, protocol, body);
        assert!(
            screen.contains(&format!("[-- The following data is {protocol}")),
            "{screen}"
        );
    }
    // The policy: unsigned mail from partner.example is red in the index,
    // and the full check names the rule; a plain message from elsewhere
    // is neither.
    let check = client.check("policy-unsigned");
    assert!(
        check
            .contains("policy violation: require-signature partner.example (mailseal.conf line 1)")
            && check.contains("pat@partner.example is not signed"),
        "{check}"
    );
    assert!(!check.contains("Pay to account"), "{check}");
    let check = client.check("plain-elsewhere");
    assert!(
        check.starts_with("Not signed") && !check.contains("policy"),
        "{check}"
    );
    client.limit_to(
        "~A",
        &["policy-unsigned", "plain-elsewhere", "pgp-gpg-good"],
    );
    let colours = index_colours(&client, "policy-unsigned");
    assert!(red(&colours, "policy-unsigned"), "{colours}");
    assert!(
        !red(&colours, "plain-elsewhere") && !red(&colours, "pgp-gpg-good"),
        "{colours}"
    );
    // The full check of a good message compares the signer with From.
    let check = client.check("pgp-mailseal-good");
    assert!(
        check.starts_with("Good signature from Alice <alice@example.org>, trusted"),
        "{check}"
    );
    // Encrypted: the check asks for the passphrase on the terminal,
    // decrypts, judges the signature inside, and shows no content.
    let check = client.check("pgp-mailseal-encrypted");
    assert!(
        check.contains("Encrypted (integrity-protected).")
            && check.contains("Good signature from Alice <alice@example.org>, trusted")
            && !check.contains("Sealed by mailseal."),
        "{check}"
    );
    // AES-256-GCM as `mailseal encrypt` labels it (authEnveloped-data,
    // RFC 5083): neomutt 2022 knows only enveloped-data and never calls
    // its decrypt command for it; the full check reads it.
    let check = client.check("smime-mailseal-gcm");
    assert!(
        check.contains("Encrypted (integrity-protected).")
            && check.contains("Good signature from alice <alice@example.org>, trusted")
            && !check.contains("Sealed with GCM."),
        "{check}"
    );
    client.limit_to("~A", &["policy-unsigned"]);
    // bob signs and encrypts to alice and dave, in each protocol.
    let to = "alice@example.org, dave@example.org";
    client.send(to, "sent-pgp", "p", "b");
    client.send(to, "sent-smime", "S", "b");
    assert_gpg_reads_what_bob_sent(&d, &sent_with(&d, "sent-pgp"));
    let smime = sent_with(&d, "sent-smime");
    assert_openssl_reads_what_bob_sent(&d, &smime);
    // What neomutt sent is encrypted to bob too. alice and dave are not
    // known to read AES-GCM, so it is AES-256-CBC (RFC 8551 section 2.7):
    // his copy reads back, covered by his trusted signature inside.
    assert!(contains(&smime, b"smime-type=enveloped-data"));
    d.deliver_new(
        "copy",
        &replace_once(&smime, b"Subject: sent-smime", b"Subject: copy-smime"),
    );
    let screen = client.read("copy-smime");
    let last = screen.lines().last().unwrap_or_default();
    assert_eq!(last, "S/MIME signature successfully verified", "{screen}");
    assert!(
        screen.contains("Good signature from bob <bob@example.org>, trusted")
            && screen.contains(desk::BODY)
            && screen.contains("a trusted signature inside covers it"),
        "{screen}"
    );
}

/// mutt, with the same file (written where mutt users keep theirs):
/// signed and encrypted mail of both protocols, a bad signature, the
/// full check, and one message signed and encrypted on its way out.
#[test]
fn mutt_reads_and_sends_with_mailseal() {
    let d = desk::Desk::new();
    d.deliver(
        "1",
        &d.gpg_signed("alice", "pgp-gpg-good", "Signed by gpg."),
    );
    let bad = d.gpg_signed("alice", "pgp-gpg-bad", "Pay 10 euros.");
    d.deliver("2", &replace_once(&bad, b"Pay 10 euros", b"Pay 99 euros"));
    d.deliver(
        "3",
        &d.mailseal(
            &[
                "encrypt",
                "--openpgp",
                "--sign",
                "--trust-any",
                "-r",
                "bob@example.org",
            ],
            "pgp-mailseal-encrypted",
            "Sealed by mailseal.",
        ),
    );
    d.deliver(
        "4",
        &d.openssl_signed(&d.alice, "smime-openssl-good", "Signed by openssl."),
    );
    d.deliver(
        "5",
        &d.openssl_encrypted("smime-openssl-encrypted", "Sealed by openssl."),
    );
    d.deliver(
        "6",
        &message(
            "Pat <pat@partner.example>",
            "bob@example.org",
            "policy-unsigned",
            "Pay.",
        ),
    );
    let dir = d.home.join(".mutt");
    let client = d.start("mutt", &[s(&dir)], ".muttrc");
    assert!(dir.join("mailseal.muttrc").exists());
    assert_good(&client.read("pgp-gpg-good"), "PGP", "Signed by gpg.");
    assert_not_good(
        &client.read("pgp-gpg-bad"),
        "PGP signature could NOT be verified",
        "mailseal: BAD signature from Alice <alice@example.org>",
    );
    assert_good(
        &client.read("pgp-mailseal-encrypted"),
        "PGP",
        "Sealed by mailseal.",
    );
    assert_good(
        &client.read("smime-openssl-good"),
        "S/MIME",
        "Signed by openssl.",
    );
    assert_good(
        &client.read("smime-openssl-encrypted"),
        "S/MIME",
        "Sealed by openssl.",
    );
    let check = client.check("policy-unsigned");
    assert!(
        check.contains("policy violation: require-signature partner.example"),
        "{check}"
    );
    client.limit_to("~A", &["policy-unsigned", "pgp-gpg-good"]);
    let colours = index_colours(&client, "policy-unsigned");
    assert!(
        red(&colours, "policy-unsigned") && !red(&colours, "pgp-gpg-good"),
        "{colours}"
    );
    client.send("alice@example.org, dave@example.org", "sent-pgp", "p", "b");
    assert_gpg_reads_what_bob_sent(&d, &sent_with(&d, "sent-pgp"));
}

/// The commands of README.md's "Use it from neomutt/mutt", each line of
/// its `sh` blocks as written (comments left out).
fn readme_commands() -> Vec<String> {
    let readme = include_str!("../README.md");
    let section = readme
        .split("### Use it from neomutt/mutt\n")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("README.md has no section \"Use it from neomutt/mutt\"");
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in section.lines() {
        match line {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            _ if in_sh => {
                let command = line.split("  #").next().unwrap_or_default().trim();
                commands.push(command.to_string());
            }
            _ => {}
        }
    }
    commands
}

/// Every command of the README's section runs, in a shell, in a home
/// whose keyring is where mailseal looks by default, and does what the
/// README says.
#[test]
fn readme_commands_for_mail_clients_do_what_it_says() {
    let env = Env::new();
    let home = env.path("home");
    let keyring = home.join(".local/share/mailseal");
    let bin = env.path("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let wrapper = bin.join("mailseal");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec {} --at {AT} \"$@\"\n",
            env!("CARGO_BIN_EXE_mailseal")
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    env.run_in(
        &keyring,
        &[
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "bob@example.org",
            "--name",
            "Bob",
        ],
        b"",
    );
    let alice = Env::new();
    let fpr = alice.generate_pgp("Alice", "alice@example.org");
    let cert = alice.expect(&["keyring", "export", "alice@example.org"], b"", 0);
    let cert = write(env.dir.path(), "alice.asc", &cert);
    for args in [
        &["keyring", "import", s(&cert)][..],
        &["trust", "pin", &fpr, "--email", "alice@example.org"][..],
    ] {
        assert_eq!(code(&env.run_in(&keyring, args, b"")), 0, "{args:?}");
    }
    std::fs::write(
        keyring.join("mailseal.conf"),
        "require-signature partner.example\n",
    )
    .unwrap();
    let draft = message("alice@example.org", "bob@example.org", "lunch", "Noon?");
    write(&home, "message.eml", &alice.expect(&["sign"], &draft, 0));

    let commands = readme_commands();
    assert_eq!(commands.len(), 5, "{commands:?}");
    for command in &commands {
        let out = Command::new("sh")
            .args(["-c", command])
            .env_clear()
            .env("HOME", &home)
            .env("PATH", format!("{}:/usr/bin:/bin", s(&bin)))
            .current_dir(&home)
            .output()
            .unwrap();
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(code(&out), 0, "{command}: {stderr}");
        assert!(stderr.is_empty(), "{command}: {stderr}");
        let neomutt = home.join(".config/neomutt/mailseal.muttrc");
        let said = stdout.lines().last().unwrap_or_default();
        match command.as_str() {
            "mailseal filter install-config" => {
                assert_eq!(said, format!("source \"{}\"", neomutt.display()));
                let file = std::fs::read_to_string(&neomutt).unwrap();
                assert!(file.contains("set crypt_use_gpgme=no\n"), "{file}");
                assert!(file.contains("macro index,pager X "), "{file}");
            }
            "mailseal filter install-config ~/.mutt" => {
                let mutt = home.join(".mutt/mailseal.muttrc");
                assert_eq!(said, format!("source \"{}\"", mutt.display()));
                assert_eq!(
                    std::fs::read(&mutt).unwrap(),
                    std::fs::read(&neomutt).unwrap()
                );
            }
            c if c.starts_with("mailseal filter install-config --sendmail") => {
                assert!(
                    stdout.contains("set sendmail=\"mailseal send msmtp -a work\"\n"),
                    "{stdout}"
                );
            }
            "mailseal filter check < message.eml" => assert!(
                stdout.starts_with("Good signature from Alice <alice@example.org>, trusted"),
                "{stdout}"
            ),
            "mailseal filter policy-colors" => assert!(
                stdout.contains(
                    "color index brightred default \"~f '@(.+\\\\.)?partner\\\\.example\\$' !~g !~G\""
                ),
                "{stdout}"
            ),
            other => panic!("the README's command {other:?} is not tested"),
        }
    }
}

/// The client's verify commands see a part and its signature, never From:
/// unsigned mail never reaches them (the index marks and the full check
/// cover it), but an untrusted signature by someone at a
/// `require-signature` domain names the rule in the pager, in both
/// protocols; a signer elsewhere does not.
#[test]
fn filter_verify_names_the_rule_a_partners_untrusted_signature_breaks() {
    let bob = Env::new();
    bob.generate_pgp("Bob", "bob@example.org");
    std::fs::write(
        bob.keyring().join("mailseal.conf"),
        "require-signature partner.example\n",
    )
    .unwrap();
    let part = write(
        bob.dir.path(),
        "part",
        b"Content-Type: text/plain\r\n\r\nPay to account 666.\r\n",
    );
    let rule = "policy violation: require-signature partner.example (mailseal.conf line 1)";
    // OpenPGP: pat's key is known, not trusted; carol's likewise.
    for (who, breaks) in [("pat@partner.example", true), ("carol@example.net", false)] {
        let signer = Env::new();
        signer.generate_pgp("Someone", who);
        let cert = signer.expect(&["keyring", "export", who], b"", 0);
        bob.import(&write(bob.dir.path(), "cert.asc", &cert));
        let sig = signer.expect(&["filter", "pgp", "sign", s(&part)], b"", 0);
        let sig = write(bob.dir.path(), "part.asc", &sig);
        let out = bob.run(
            &[
                "filter",
                "pgp",
                "verify",
                "--status-fd",
                "2",
                s(&sig),
                s(&part),
            ],
            b"",
        );
        let (stdout, status) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(code(&out), 3, "{stdout}{status}");
        assert!(!status.contains("GOODSIG"), "{status}");
        assert_eq!(stdout.contains(rule), breaks, "{who}: {stdout}");
        if breaks {
            assert!(
                stdout.contains(&format!("mailseal: {rule} requires mail from that domain to carry a trusted signature; this message from {who} has no trusted signature")),
                "{stdout}"
            );
        }
    }
    // S/MIME: pat's certificate is under a CA bob does not trust.
    let pki = Pki::new("Partner CA");
    let pat = pki.user("pat@partner.example", CertOpts::default());
    let sig = pat.cms_sign(&part, &["-outform", "DER"]);
    let sig = write(bob.dir.path(), "part.p7s", &sig);
    let out = bob.run(
        &[
            "filter",
            "smime",
            "verify",
            "--sig",
            s(&sig),
            "--content",
            s(&part),
        ],
        b"",
    );
    let words = text(&out.stderr);
    assert_eq!(code(&out), 3, "{words}");
    assert!(words.starts_with("Verification failure\n"), "{words}");
    assert!(words.contains(rule), "{words}");
}
