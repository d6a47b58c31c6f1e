//! bob's desk: his keyring where mailseal looks by default, the file of
//! `mailseal filter install-config`, a Maildir of mail from alice (made
//! by gpg, openssl and mailseal), carol and a partner, and neomutt or
//! mutt running over it under tmux. What bob sends goes through
//! `mailseal send` into an outbox Maildir.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::common::gpg::Gpg;
use super::common::pgp_mime::{pgp_mime_encrypted, pgp_mime_signed};
use super::common::*;
use super::screen::Screen;

/// gpg's clock for what involves bob's key, made at [`AT`].
pub const GPG_LATER: &str = "20260601T130000!";
/// [`AT`] as gpg's clock: when bob's key was made.
pub const GPG_AT: &str = "20260601T120000!";
/// [`AT`] as openssl's `-attime`.
pub const OPENSSL_AT: &str = "1780315200";

pub const BODY: &str = "The plans for Monday.";

pub struct Desk {
    /// alice's mailseal keyring is `env.keyring()`.
    pub env: Env,
    pub home: PathBuf,
    pub keyring: PathBuf,
    /// alice, carol and dave in gpg.
    pub gpg: Gpg,
    pub pki: Pki,
    pub alice: User,
    pub dave: User,
    pub bob: User,
    /// Under a CA bob does not trust.
    pub carol: User,
    _other: Pki,
}

impl Desk {
    pub fn new() -> Desk {
        let env = Env::new();
        let home = env.path("home");
        let keyring = home.join(".local/share/mailseal");
        let gpg = Gpg::new();
        let alice_fpr = gpg.generate("Alice", "alice@example.org");
        let dave_fpr = gpg.generate("Dave", "dave@example.org");
        gpg.generate("Carol", "carol@example.org");
        let pki = Pki::new("Mail CA");
        let other = Pki::new("Other CA");
        let alice = pki.user("alice@example.org", CertOpts::default());
        let dave = pki.user("dave@example.org", CertOpts::default());
        let bob = pki.user("bob@example.org", CertOpts::default());
        let carol = other.user("carol@example.org", CertOpts::default());
        std::fs::create_dir_all(&home).unwrap();
        for d in ["mail", "outbox", "bin"] {
            for sub in ["cur", "new", "tmp"] {
                std::fs::create_dir_all(env.path(d).join(sub)).unwrap();
            }
        }
        let desk = Desk {
            env,
            home,
            keyring,
            gpg,
            pki,
            alice,
            dave,
            bob,
            carol,
            _other: other,
        };
        // What the client runs as `mailseal`: this build, at the tests'
        // fixed time; the editor adds the body; delivery into the outbox.
        desk.script(
            "mailseal",
            &format!("exec {} --at {AT} \"$@\"", env!("CARGO_BIN_EXE_mailseal")),
        );
        desk.script("editor", &format!("printf '{BODY}\\n' >> \"$1\""));
        desk.script(
            "deliver",
            &format!(
                "printf '%s\\n' \"$*\" > {0}/outbox/args.$$\ncat > {0}/outbox/tmp/$$ && mv {0}/outbox/tmp/$$ {0}/outbox/new/$$",
                s(desk.env.dir.path())
            ),
        );
        // bob's keyring: his own keys, alice and dave pinned and under
        // the anchored CA, carol only imported.
        desk.bob_ok(&[
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "bob@example.org",
            "--name",
            "Bob",
        ]);
        desk.bob_ok(&["keyring", "import", s(&desk.bob.p12)]);
        desk.bob_ok(&["trust", "anchor", "add", s(&desk.pki.ca())]);
        for who in ["alice", "dave", "carol"] {
            let email = format!("{who}@example.org");
            let file = write(
                desk.env.dir.path(),
                &format!("{who}.asc"),
                &desk.gpg.export(&email),
            );
            desk.bob_ok(&["keyring", "import", s(&file)]);
        }
        for cert in [&desk.alice.cert, &desk.dave.cert, &desk.carol.cert] {
            desk.bob_ok(&["keyring", "import", s(cert)]);
        }
        desk.bob_ok(&["trust", "pin", &alice_fpr, "--email", "alice@example.org"]);
        desk.bob_ok(&["trust", "pin", &dave_fpr, "--email", "dave@example.org"]);
        std::fs::write(
            desk.keyring.join("mailseal.conf"),
            "require-signature partner.example\n",
        )
        .unwrap();
        // alice's mailseal keyring: her gpg key and certificate, bob's.
        let secret = write(
            desk.env.dir.path(),
            "alice-secret.asc",
            &desk.gpg.export_secret("alice@example.org"),
        );
        desk.env.import(&secret);
        desk.env.import(&desk.alice.p12);
        desk.env.anchor(&desk.pki.ca());
        let bob_pgp = desk.bob_ok(&["keyring", "export", "bob@example.org"]);
        let bob_pgp = write(desk.env.dir.path(), "bob.asc", &bob_pgp);
        desk.env.import(&bob_pgp);
        desk.env.import(&desk.bob.cert);
        run_ok(desk.gpg.cmd_at(GPG_LATER).args(["--import", s(&bob_pgp)]));
        desk
    }

    fn script(&self, name: &str, body: &str) {
        use std::os::unix::fs::PermissionsExt;
        let path = self.env.path("bin").join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// bob's mailseal, as the client runs it (HOME, nothing else).
    pub fn bob_cmd(&self) -> Command {
        let mut c = Command::new(self.env.path("bin").join("mailseal"));
        c.env_clear()
            .env("HOME", &self.home)
            .env("PATH", self.path_var())
            .current_dir(&self.home);
        c
    }

    fn bob_ok(&self, args: &[&str]) -> Vec<u8> {
        let mut cmd = self.bob_cmd();
        cmd.arg("--passphrase-file").arg(self.env.path("pass"));
        cmd.args(args).stdin(std::process::Stdio::null());
        run_ok(&mut cmd).stdout
    }

    pub fn path_var(&self) -> String {
        format!("{}:/usr/bin:/bin", s(&self.env.path("bin")))
    }

    /// Drops a message into bob's Maildir, with LF line ends as a
    /// delivery agent stores it.
    pub fn deliver(&self, name: &str, message: &[u8]) {
        let file = self
            .env
            .path("mail")
            .join("cur")
            .join(format!("{name}:2,S"));
        let text = String::from_utf8(message.to_vec())
            .unwrap()
            .replace("\r\n", "\n");
        std::fs::write(file, text).unwrap();
    }

    /// Drops a message into bob's Maildir as new mail, which the client
    /// finds at its next look.
    pub fn deliver_new(&self, name: &str, message: &[u8]) {
        let file = self.env.path("mail").join("new").join(name);
        std::fs::write(file, message).unwrap();
    }

    /// The messages of the outbox.
    pub fn sent(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<_> = std::fs::read_dir(self.env.path("outbox").join("new"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files.iter().map(|f| std::fs::read(f).unwrap()).collect()
    }

    /// A text entity, as the signed or encrypted part of a message.
    fn entity(&self, name: &str, body: &str) -> PathBuf {
        let text = format!("Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
        write(
            self.env.dir.path(),
            &format!("{name}.part"),
            text.as_bytes(),
        )
    }

    /// PGP/MIME signed by `who` with gpg.
    pub fn gpg_signed(&self, who: &str, subject: &str, body: &str) -> Vec<u8> {
        let email = format!("{who}@example.org");
        let part = self.entity(subject, body);
        let sig = self.gpg.sign(
            &["--armor", "--detach-sign", "--digest-algo", "SHA256"],
            &email,
            &part,
        );
        let msg = pgp_mime_signed(&email, &std::fs::read(&part).unwrap(), &sig, "pgp-sha256");
        with_subject(&msg, b"signed by a peer", subject)
    }

    /// PGP/MIME signed and encrypted to bob by alice with gpg.
    pub fn gpg_encrypted(&self, subject: &str, body: &str) -> Vec<u8> {
        let part = self.entity(subject, body);
        let out = run_ok(self.gpg.cmd_at(GPG_AT).args([
            "--armor",
            "--sign",
            "--encrypt",
            "-u",
            "alice@example.org",
            "-r",
            "bob@example.org",
            "-o",
            "-",
            s(&part),
        ]));
        let msg = pgp_mime_encrypted("alice@example.org", &out.stdout);
        with_subject(&msg, b"encrypted by a peer", subject)
    }

    /// S/MIME signed (detached) by `user` with openssl.
    pub fn openssl_signed(&self, user: &User, subject: &str, body: &str) -> Vec<u8> {
        let part = self.entity(subject, body);
        let signed = user.cms_sign(&part, &[]);
        with_header(&user.email, subject, &signed)
    }

    /// S/MIME signed by alice, then encrypted to bob (AES-256-CBC), with
    /// openssl.
    pub fn openssl_encrypted(&self, subject: &str, body: &str) -> Vec<u8> {
        let part = self.entity(subject, body);
        let signed = write(
            self.env.dir.path(),
            &format!("{subject}.signed"),
            &self.alice.cms_sign(&part, &[]),
        );
        let out = run_ok(Command::new("openssl").args([
            "cms",
            "-encrypt",
            "-aes256",
            "-in",
            s(&signed),
            s(&self.bob.cert),
        ]));
        with_header("alice@example.org", subject, &out.stdout)
    }

    /// What alice's mailseal writes for `args` (sign, encrypt ...).
    pub fn mailseal(&self, args: &[&str], subject: &str, body: &str) -> Vec<u8> {
        let draft = message("alice@example.org", "bob@example.org", subject, body);
        self.env.expect(args, &draft, 0)
    }

    /// bob's client over the desk: `client` is "neomutt" or "mutt"; the
    /// configuration file is written by `mailseal filter install-config`
    /// (`dir_args`: where), and the client's own rc sources it with the
    /// line that command prints.
    pub fn start(&self, client: &str, dir_args: &[&str], rc_name: &str) -> Client {
        let out = run_ok(
            self.bob_cmd()
                .args(["filter", "install-config", "--sendmail"])
                .arg(self.env.path("bin").join("deliver"))
                .args(dir_args),
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        let source = said.lines().last().unwrap_or_default().to_string();
        assert!(source.starts_with("source \""), "{said}");
        let mail = s(&self.env.path("mail")).to_string();
        let rc = format!(
            "set folder=\"{mail}\" spoolfile=\"{mail}\" mbox_type=Maildir\n\
             set header_cache=\"\" mail_check=0 mail_check_stats=no sleep_time=0 wait_key=no\n\
             set editor=\"editor\" edit_headers=no autoedit=no askcc=no askbcc=no\n\
             set copy=no record=\"\" postpone=no\n\
             set from=\"Bob <bob@example.org>\" use_from=yes\n\
             {source}\n"
        );
        let rc_path = write(&self.home, rc_name, rc.as_bytes());
        let socket = self.env.path(&format!("{client}.tmux"));
        let screen = Screen::start(
            &socket,
            &[
                ("HOME", s(&self.home)),
                ("PATH", &self.path_var()),
                ("TERM", "xterm"),
                ("LANG", "C.UTF-8"),
            ],
            &[client, "-n", "-F", s(&rc_path)],
        );
        screen.wait_for("q:Quit");
        Client {
            screen,
            checks: Default::default(),
        }
    }
}

/// The helpers' messages with `subject` instead of theirs.
fn with_subject(msg: &[u8], theirs: &[u8], subject: &str) -> Vec<u8> {
    let mut msg = replace_once(msg, theirs, subject.as_bytes());
    let id = format!("Message-ID: <{subject}@example.org>\r\nDate: Mon, 01 Jun 2026 12:00:00 +0000\r\nMIME-Version");
    msg = replace_once(&msg, b"MIME-Version", id.as_bytes());
    msg
}

/// A message around an entity a peer wrote with its own MIME header.
fn with_header(from: &str, subject: &str, entity: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: bob@example.org\r\nSubject: {subject}\r\nDate: Mon, 01 Jun 2026 12:00:00 +0000\r\nMessage-ID: <{subject}@example.org>\r\n"
    )
    .into_bytes();
    m.extend_from_slice(entity);
    m
}

/// The message's signed body in a multipart/mixed beside an unsigned
/// text part: partly signed.
pub fn partly_signed(signed: &[u8], subject: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(signed).replace("\r\n", "\n");
    let (header, body) = text.split_once("\n\n").unwrap();
    let mut content_header = String::new();
    let mut keep = false;
    for line in header.lines() {
        if !line.starts_with([' ', '\t']) {
            keep = line.to_ascii_lowercase().starts_with("content-");
        }
        if keep {
            content_header.push_str(line);
            content_header.push('\n');
        }
    }
    let from = header
        .lines()
        .find_map(|l| l.strip_prefix("From: "))
        .unwrap();
    format!(
        "From: {from}\nTo: bob@example.org\nSubject: {subject}\nDate: Mon, 01 Jun 2026 12:00:00 +0000\nMessage-ID: <{subject}@example.org>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"mixed-outer\"\n\n--mixed-outer\n{content_header}\n{body}\n--mixed-outer\nContent-Type: text/plain; charset=utf-8\n\nUnsigned addendum: pay to account 666.\n--mixed-outer--\n"
    )
    .into_bytes()
}

pub struct Client {
    pub screen: Screen,
    /// How many full checks ran.
    checks: std::cell::Cell<usize>,
}

impl Client {
    /// Opens the one message with `subject` (limiting the index to it)
    /// and returns the pager's screen; the passphrase is typed when the
    /// client asks for it. Back in the index after.
    pub fn read(&self, subject: &str) -> String {
        self.limit(subject);
        self.screen.keys(&["Enter"]);
        let pager = |s: &str| s.contains("i:Exit") && s.contains(&format!("Subject: {subject}"));
        let asked = |s: &str| s.lines().last().is_some_and(|l| l.contains("passphrase:"));
        let shown = self.screen.wait("the message or a passphrase prompt", |s| {
            pager(s) || asked(s)
        });
        let shown = if asked(&shown) {
            self.screen.type_text(PASS);
            self.screen.keys(&["Enter"]);
            self.screen.wait("the message", pager)
        } else {
            shown
        };
        self.screen.keys(&["i"]);
        self.screen.wait("the index", |s| s.starts_with("q:Quit"));
        shown
    }

    /// Limits the index to the message with `subject`.
    pub fn limit(&self, subject: &str) {
        self.limit_to(&format!("~s {subject}"), &[subject]);
        self.screen.wait("the index limited to one message", |s| {
            index_lines(s).len() == 1
        });
    }

    /// Limits the index to what `pattern` matches; waits for `subjects`.
    pub fn limit_to(&self, pattern: &str, subjects: &[&str]) {
        self.screen.keys(&["l"]);
        self.screen.wait_prompt("Limit to messages matching:");
        self.screen.type_text(pattern);
        self.screen.keys(&["Enter"]);
        self.screen.wait("the limited index", |s| {
            !s.contains("Limit to") && subjects.iter().all(|subject| s.contains(subject))
        });
    }

    /// The one-key full check (X) of the message with `subject`: what it
    /// writes before the client takes the screen back. The client leaves
    /// its screen to the command, which writes below what the checks
    /// before it wrote: the output is what follows their prompts.
    pub fn check(&self, subject: &str) -> String {
        const PROMPT: &str = "Press any key to continue";
        self.limit(subject);
        let done = self.checks.get();
        self.screen.keys(&["X"]);
        let verdict = |s: &str| s.matches(PROMPT).count() > done;
        // Encrypted, it asks for the passphrase on the terminal.
        let asked = |s: &str| {
            s.lines()
                .last()
                .is_some_and(|l| l.starts_with("Passphrase for"))
        };
        let shown = self
            .screen
            .wait("the check's verdict or its passphrase prompt", |s| {
                verdict(s) || asked(s)
            });
        let shown = if asked(&shown) && !verdict(&shown) {
            self.screen.type_text(PASS);
            self.screen.keys(&["Enter"]);
            self.screen.wait("the check's verdict", verdict)
        } else {
            shown
        };
        self.checks.set(done + 1);
        self.screen.keys(&["Enter"]);
        self.screen.wait("the index", |s| s.starts_with("q:Quit"));
        let mut runs: Vec<&str> = shown.split(PROMPT).collect();
        runs.pop();
        runs.last()
            .map(|r| r.trim_start_matches(['.', '\n']).to_string())
            .unwrap_or_default()
    }

    /// Composes a message to `to` with `subject`, protects it with the
    /// compose menu's `menu_key` and `choice` (p b: PGP sign and encrypt,
    /// S b: S/MIME), and sends it; returns the screen after.
    pub fn send(&self, to: &str, subject: &str, menu_key: &str, choice: &str) -> String {
        self.screen.keys(&["m"]);
        self.screen.wait_prompt("To:");
        self.screen.type_text(to);
        self.screen.keys(&["Enter"]);
        self.screen.wait_prompt("Subject:");
        self.screen.type_text(subject);
        self.screen.keys(&["Enter"]);
        self.screen.wait_for("y:Send");
        self.screen.keys(&[menu_key]);
        self.screen.wait_for("(e)ncrypt");
        self.screen.keys(&[choice]);
        self.screen.wait("the compose menu, protected", |s| {
            s.contains("Sign, Encrypt")
        });
        self.screen.keys(&["y"]);
        let done = |s: &str| s.contains("Mail sent");
        let asked = |s: &str| s.lines().last().is_some_and(|l| l.contains("passphrase:"));
        let shown = self.screen.wait("the mail sent", |s| done(s) || asked(s));
        if asked(&shown) {
            self.screen.type_text(PASS);
            self.screen.keys(&["Enter"]);
            return self.screen.wait_for("Mail sent");
        }
        shown
    }
}

/// The index's message lines: between the help line at the top and the
/// status line.
pub fn index_lines(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("---"))
        .collect()
}

/// The part between the first `-----BEGIN PGP MESSAGE-----` and its end.
pub fn armored(msg: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(msg);
    let start = text.find("-----BEGIN PGP MESSAGE-----").unwrap();
    let end = text.find("-----END PGP MESSAGE-----").unwrap() + 25;
    text[start..end].as_bytes().to_vec()
}

/// `openssl cms -decrypt` of a whole S/MIME message as `user`.
pub fn openssl_decrypt(dir: &Path, user: &User, msg: &[u8]) -> Vec<u8> {
    let file = write(dir, "sent.p7m.eml", msg);
    run_ok(Command::new("openssl").args([
        "cms",
        "-decrypt",
        "-in",
        s(&file),
        "-recip",
        s(&user.cert),
        "-inkey",
        s(&user.key),
    ]))
    .stdout
}
