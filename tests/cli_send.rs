//! `mailseal send` (SPEC section 2, "MUA and tool interfaces"): reads a
//! message, protects it as its flags, the recipients' keys and the
//! per-domain policy say, and hands it to a sendmail-compatible command
//! with that command's arguments and exit code; when protection that is
//! required cannot be made, nothing is handed over.
//!
//! The "sendmail" is a shell script that keeps its arguments and its
//! standard input in files and exits with a chosen code. OpenPGP keys of
//! the recipients are made by gpg, pinned in our keyring, and what was
//! handed over is decrypted by gpg with only the recipient's key; S/MIME
//! by `openssl cms`.

mod common;

use std::path::PathBuf;

use common::gpg::Gpg;
use common::*;

/// A stand-in for sendmail, run as `/bin/sh SCRIPT ARGS...` (a script
/// written and run at once by path can fail with "text file busy" while
/// other tests fork).
struct Sendmail {
    script: PathBuf,
    out: PathBuf,
}

impl Sendmail {
    /// A new one in `env` (each with files of its own), ending with the
    /// shell command `code` (`exit 75`).
    fn new(env: &Env, code: &str) -> Sendmail {
        let out = (1..)
            .map(|n| env.path(&format!("sent-{n}")))
            .find(|p| std::fs::create_dir(p).is_ok())
            .unwrap();
        let script = format!(
            "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{0}/argv'\n\
             cat > '{0}/stdin'\n\
             {code}\n",
            out.display()
        );
        Sendmail {
            script: write(&out, "sendmail.sh", script.as_bytes()),
            out,
        }
    }

    /// `mailseal send FLAGS... -- /bin/sh SCRIPT ARGS...`
    fn args<'a>(&'a self, flags: &[&'a str], args: &[&'a str]) -> Vec<&'a str> {
        let mut all = vec!["send"];
        all.extend_from_slice(flags);
        all.extend(["--", "/bin/sh", s(&self.script)]);
        all.extend_from_slice(args);
        all
    }

    /// The arguments the script got, if it ran.
    fn argv(&self) -> Option<Vec<String>> {
        let text = std::fs::read_to_string(self.out.join("argv")).ok()?;
        Some(text.lines().map(str::to_string).collect())
    }

    /// The message it got on its standard input, if it ran.
    fn message(&self) -> Option<Vec<u8>> {
        std::fs::read(self.out.join("stdin")).ok()
    }

    /// Asserts that nothing reached it: it never ran.
    fn assert_untouched(&self) {
        assert!(
            self.argv().is_none() && self.message().is_none(),
            "the command ran"
        );
    }
}

/// Runs `mailseal ARGS` on `stdin`: exit code and stderr.
fn run(env: &Env, args: &[&str], stdin: &[u8]) -> (i32, String) {
    let out = env.run(args, stdin);
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), err)
}

/// alice (our own key, made by mailseal) writes to bob, carol and
/// pat@partner.example, whose keys gpg made and our keyring pins.
struct World {
    env: Env,
    gpg: Gpg,
}

impl World {
    fn new() -> World {
        let env = Env::new();
        env.generate_pgp("Alice", "alice@example.org");
        let gpg = Gpg::new();
        for (name, email) in [
            ("Bob", "bob@example.org"),
            ("Carol", "carol@example.org"),
            ("Pat", "pat@partner.example"),
        ] {
            let fpr = gpg.generate(name, email);
            env.import(&write(env.dir.path(), "cert.asc", &gpg.export(email)));
            env.expect(&["trust", "pin", &fpr, "--email", email], b"", 0);
        }
        World { env, gpg }
    }

    fn policy(&self, text: &str) {
        std::fs::write(self.env.keyring().join("mailseal.conf"), text).unwrap();
    }

    /// What gpg, holding only `email`'s secret key (and alice's
    /// certificate), makes of the armored message in `msg`: the
    /// plaintext and gpg's status lines.
    fn gpg_decrypt(&self, email: &str, msg: &[u8]) -> (Vec<u8>, String) {
        // After alice's key was made (at AT).
        const LATER: &str = "20260601T130000!";
        let reader = Gpg::new();
        let home = reader.home.path();
        let alice = self
            .env
            .expect(&["keyring", "export", "alice@example.org"], b"", 0);
        let keys = [
            write(home, "key.asc", &self.gpg.export_secret(email)),
            write(home, "alice.asc", &alice),
        ];
        for key in &keys {
            run_ok(reader.cmd_at(LATER).args(["--import", s(key)]));
        }
        let file = write(home, "msg.asc", &armored(msg));
        let out = run_ok(
            reader
                .cmd_at(LATER)
                .args(["--status-fd", "2", "--decrypt", s(&file)]),
        );
        (
            out.stdout,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// The key IDs the message's PKESK packets name (gpg --list-packets).
    fn pkesk_key_ids(&self, msg: &[u8]) -> Vec<String> {
        let file = write(self.env.dir.path(), "list.asc", &armored(msg));
        let out = Gpg::new().run_with(&["--list-packets", s(&file)], b"");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with(":pubkey enc packet:"))
            .filter_map(|l| l.split("keyid ").nth(1))
            .map(|k| k.trim().to_string())
            .collect()
    }

    /// The key ID of `email`'s encryption subkey.
    fn subkey_id(&self, email: &str) -> String {
        let out = self.gpg.run(&["--with-colons", "--list-keys", email]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("sub:"))
            .and_then(|l| l.split(':').nth(4))
            .unwrap()
            .to_string()
    }
}

/// The ASCII-armored OpenPGP message inside a PGP/MIME message.
fn armored(msg: &[u8]) -> Vec<u8> {
    let start = find(msg, b"-----BEGIN PGP MESSAGE-----");
    let end_marker = b"-----END PGP MESSAGE-----";
    let end = find(msg, end_marker) + end_marker.len();
    let mut out = msg[start..end].to_vec();
    out.push(b'\n');
    out
}

/// The header block of a message (up to the empty line).
fn header(msg: &[u8]) -> String {
    let text = String::from_utf8_lossy(msg);
    let end = text
        .find("\r\n\r\n")
        .or_else(|| text.find("\n\n"))
        .unwrap_or(text.len());
    text[..end].to_string()
}

fn draft(to: &str, extra: &str) -> Vec<u8> {
    let msg = message(
        "Alice <alice@example.org>",
        to,
        "plans",
        "The plans for Monday.",
    );
    replace_once(&msg, b"Subject:", format!("{extra}Subject:").as_bytes())
}

#[test]
fn encrypts_for_every_recipient_hides_bcc_and_passes_the_arguments_through() {
    let w = World::new();
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = draft("bob@example.org", "Bcc: carol@example.org\r\n");
    let (code, err) = run(
        &w.env,
        &sendmail.args(&["--encrypt", "--sign"], &["-oi", "-t"]),
        &msg,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(sendmail.argv().unwrap(), ["-oi", "-t"]);
    let sent = sendmail.message().unwrap();
    assert!(contains(&sent, b"multipart/encrypted"), "{}", header(&sent));
    assert!(!contains(&sent, b"The plans for Monday."));
    // The header is the draft's, Bcc included for `sendmail -t`, which
    // removes it.
    let outer = header(&sent);
    assert!(
        outer.contains("Bcc: carol@example.org") && outer.contains("To: bob@example.org"),
        "{outer}"
    );
    // bob reads it, signed by alice; nothing inside names carol.
    let (plain, status) = w.gpg_decrypt("bob@example.org", &sent);
    assert!(contains(&plain, b"The plans for Monday."), "{status}");
    assert!(
        status.contains("GOODSIG") && status.contains("DECRYPTION_OKAY"),
        "{status}"
    );
    assert!(
        !contains(&plain, b"carol"),
        "{}",
        String::from_utf8_lossy(&plain)
    );
    // carol reads it too, through an anonymous key ID.
    let (plain, status) = w.gpg_decrypt("carol@example.org", &sent);
    assert!(contains(&plain, b"The plans for Monday."), "{status}");
    let ids = w.pkesk_key_ids(&sent);
    assert!(ids.contains(&w.subkey_id("bob@example.org")), "{ids:?}");
    assert!(ids.contains(&"0000000000000000".to_string()), "{ids:?}");
    assert!(!ids.contains(&w.subkey_id("carol@example.org")), "{ids:?}");
    // One line says what was done.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("handed to /bin/sh: encrypted and signed (OpenPGP), for 2 recipients"),
        "{err}"
    );
}

#[test]
fn recipients_among_the_arguments_are_encrypted_for_and_hidden() {
    // neomutt writes no Bcc field and passes every address after `--`.
    let w = World::new();
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = draft("bob@example.org", "");
    let lf = String::from_utf8(msg).unwrap().replace("\r\n", "\n");
    let args = sendmail.args(
        &["--encrypt"],
        &["-oem", "-oi", "--", "bob@example.org", "carol@example.org"],
    );
    let (code, err) = run(&w.env, &args, lf.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sendmail.argv().unwrap(),
        ["-oem", "-oi", "--", "bob@example.org", "carol@example.org"]
    );
    let sent = sendmail.message().unwrap();
    // The draft's LF line ends are kept; no Bcc field appears.
    assert!(
        !contains(&sent, b"\r\n") && !contains(&sent, b"Bcc"),
        "{}",
        header(&sent)
    );
    let (plain, status) = w.gpg_decrypt("carol@example.org", &sent);
    assert!(contains(&plain, b"The plans for Monday."), "{status}");
    let ids = w.pkesk_key_ids(&sent);
    assert!(ids.contains(&"0000000000000000".to_string()), "{ids:?}");
    assert!(!ids.contains(&w.subkey_id("carol@example.org")), "{ids:?}");
}

#[test]
fn the_commands_exit_code_is_sends_own() {
    let w = World::new();
    let msg = draft("bob@example.org", "");
    let tempfail = Sendmail::new(&w.env, "exit 75");
    let (code, err) = run(&w.env, &tempfail.args(&["--sign"], &["-t"]), &msg);
    assert_eq!(code, 75, "{err}");
    assert!(tempfail.message().is_some());
    assert!(
        err.contains("handed to /bin/sh, which exited 75: signed (OpenPGP)"),
        "{err}"
    );
    let killed = Sendmail::new(&w.env, "kill -TERM $$");
    let (code, err) = run(&w.env, &killed.args(&[], &["-t"]), &msg);
    assert_eq!(code, 128 + 15, "{err}");
    // --quiet: nothing on stderr.
    let ok = Sendmail::new(&w.env, "exit 0");
    let mut args = vec!["--quiet"];
    args.extend(ok.args(&["--sign"], &["-t"]));
    let (code, err) = run(&w.env, &args, &msg);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn signs_when_asked_and_otherwise_hands_the_message_over_as_it_is() {
    let w = World::new();
    let msg = draft("bob@example.org", "Bcc: carol@example.org\r\n");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let (code, err) = run(&w.env, &sendmail.args(&["--sign"], &["-t"]), &msg);
    assert_eq!(code, 0, "{err}");
    let sent = sendmail.message().unwrap();
    assert!(contains(&sent, b"application/pgp-signature"));
    assert!(header(&sent).contains("Bcc: carol@example.org"));
    let (v, code) = w.env.verdict(&sent);
    assert_eq!(code, 0, "{v}");
    // No flags, no policy: the very bytes of the draft.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let (code, err) = run(&w.env, &sendmail.args(&[], &["-t"]), &msg);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sendmail.message().unwrap(), msg);
    assert!(err.contains("neither signed nor encrypted"), "{err}");
}

#[test]
fn fail_a_recipient_without_a_key_stops_encrypt_and_nothing_is_handed_over() {
    let w = World::new();
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = draft("bob@example.org, dave@example.net", "");
    let (code, err) = run(&w.env, &sendmail.args(&["--encrypt"], &["-t"]), &msg);
    assert_eq!(code, 2, "{err}");
    sendmail.assert_untouched();
    assert!(
        err.contains("error: nothing was handed to /bin/sh"),
        "{err}"
    );
    assert!(
        err.contains("the message must be encrypted (--encrypt)"),
        "{err}"
    );
    for line in ["OpenPGP: dave@example.net: ", "S/MIME: dave@example.net: "] {
        assert!(
            err.lines().any(|l| l.trim().starts_with(line)),
            "{line}\n{err}"
        );
    }
    assert!(!err.lines().any(|l| l.contains("OpenPGP: bob")), "{err}");
}

#[test]
fn encrypt_if_possible_falls_back_to_signed_and_says_why() {
    let w = World::new();
    let msg = draft("bob@example.org, dave@example.net", "");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let args = sendmail.args(&["--encrypt-if-possible", "--sign"], &["-t"]);
    let (code, err) = run(&w.env, &args, &msg);
    assert_eq!(code, 0, "{err}");
    let sent = sendmail.message().unwrap();
    assert!(contains(&sent, b"application/pgp-signature") && !contains(&sent, b"encrypted"));
    assert!(
        err.contains("signed (OpenPGP), not encrypted, for 2 recipients"),
        "{err}"
    );
    assert!(err.contains("OpenPGP: dave@example.net: "), "{err}");
    // Every recipient has a key: encrypted.
    let msg = draft("bob@example.org", "");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let (code, err) = run(
        &w.env,
        &sendmail.args(&["--encrypt-if-possible"], &["-t"]),
        &msg,
    );
    assert_eq!(code, 0, "{err}");
    assert!(contains(
        &sendmail.message().unwrap(),
        b"multipart/encrypted"
    ));
}

#[test]
fn fail_require_encryption_refuses_a_partner_without_a_key_whatever_the_flags() {
    let w = World::new();
    w.policy("require-encryption partner.example\n");
    // eve at the partner has no key: refused without any flag, and with
    // --encrypt-if-possible.
    let msg = draft("bob@example.org", "Cc: eve@partner.example\r\n");
    for flags in [&[][..], &["--encrypt-if-possible", "--sign"][..]] {
        let sendmail = Sendmail::new(&w.env, "exit 0");
        let (code, err) = run(&w.env, &sendmail.args(flags, &["-t"]), &msg);
        assert_eq!(code, 2, "{flags:?}: {err}");
        sendmail.assert_untouched();
        assert!(
            err.contains(
                "the message must be encrypted (require-encryption partner.example \
                 (mailseal.conf line 1), for eve@partner.example)"
            ) && err.contains("OpenPGP: eve@partner.example: "),
            "{err}"
        );
    }
    // Named only to the command (a Bcc from a mail client): refused too.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let args = sendmail.args(
        &[],
        &["-oi", "--", "bob@example.org", "eve@partner.example"],
    );
    let (code, err) = run(&w.env, &args, &draft("bob@example.org", ""));
    assert_eq!(code, 2, "{err}");
    sendmail.assert_untouched();
    // pat has a key: encrypted without any flag.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = draft("pat@partner.example", "");
    let (code, err) = run(&w.env, &sendmail.args(&[], &["-t"]), &msg);
    assert_eq!(code, 0, "{err}");
    let (plain, status) = w.gpg_decrypt("pat@partner.example", &sendmail.message().unwrap());
    assert!(contains(&plain, b"The plans for Monday."), "{status}");
}

#[test]
fn fail_require_signature_without_an_own_signing_key_is_refused() {
    // This keyring has no key of alice's to sign with.
    let env = Env::new();
    let gpg = Gpg::new();
    gpg.generate("Pat", "pat@partner.example");
    env.import(&write(
        env.dir.path(),
        "pat.asc",
        &gpg.export("pat@partner.example"),
    ));
    std::fs::write(
        env.keyring().join("mailseal.conf"),
        "# partners\nrequire-signature partner.example\n",
    )
    .unwrap();
    let sendmail = Sendmail::new(&env, "exit 0");
    let msg = draft("pat@partner.example", "");
    let (code, err) = run(&env, &sendmail.args(&[], &["-t"]), &msg);
    assert_eq!(code, 2, "{err}");
    sendmail.assert_untouched();
    assert!(
        err.contains(
            "the message must be signed (require-signature partner.example (mailseal.conf \
             line 2), for pat@partner.example)"
        ) && err.contains("alice@example.org"),
        "{err}"
    );
    // Mail to another domain goes as it is.
    let sendmail = Sendmail::new(&env, "exit 0");
    let msg = draft("someone@example.net", "");
    let (code, err) = run(&env, &sendmail.args(&[], &["-t"]), &msg);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sendmail.message().unwrap(), msg);
}

#[test]
fn require_signature_signs_without_a_flag_when_it_can() {
    let w = World::new();
    w.policy("require-signature partner.example\n");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = draft("pat@partner.example", "");
    let (code, err) = run(&w.env, &sendmail.args(&[], &["-t"]), &msg);
    assert_eq!(code, 0, "{err}");
    let sent = sendmail.message().unwrap();
    assert!(
        contains(&sent, b"application/pgp-signature"),
        "{}",
        header(&sent)
    );
    assert_eq!(w.env.verdict(&sent).1, 0);
}

#[test]
fn fail_bare_text_is_not_a_message_and_nothing_is_handed_over() {
    let w = World::new();
    let sendmail = Sendmail::new(&w.env, "exit 0");
    for flags in [&[][..], &["--encrypt"][..]] {
        let (code, err) = run(
            &w.env,
            &sendmail.args(flags, &["-t"]),
            b"Dear Bob,\nthe plans for Monday.\n",
        );
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("not an RFC 5322 message"), "{err}");
        sendmail.assert_untouched();
    }
}

#[test]
fn fail_a_command_that_cannot_run_is_an_error_not_a_silent_loss() {
    let w = World::new();
    let msg = draft("bob@example.org", "");
    let (code, err) = run(&w.env, &["send", "--", "/nonexistent/sendmail", "-t"], &msg);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("nothing was handed to /nonexistent/sendmail"),
        "{err}"
    );
}

#[test]
fn smime_encrypts_for_visible_recipients_and_refuses_to_reveal_bcc() {
    let w = world("Send CA");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let msg = message("alice@example.org", "bob@example.org", "s", "For Bob only.");
    let (code, err) = run(
        &w.env,
        &sendmail.args(&["--encrypt", "--sign"], &["-t"]),
        &msg,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("encrypted and signed (S/MIME)"), "{err}");
    let sent = write(w.env.dir.path(), "sent.eml", &sendmail.message().unwrap());
    let out = run_ok(std::process::Command::new("openssl").args([
        "cms",
        "-decrypt",
        "-in",
        s(&sent),
        "-recip",
        s(&w.bob.cert),
        "-inkey",
        s(&w.bob.key),
    ]));
    assert!(
        contains(&out.stdout, b"For Bob only.")
            && contains(&out.stdout, b"application/pkcs7-signature"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A Bcc recipient would be visible to bob in S/MIME, and there is no
    // OpenPGP key: refused.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let carol = w.users("carol", 1);
    let bcc = replace_once(
        &msg,
        b"Subject:",
        format!("Bcc: {}\r\nSubject:", carol[0].email).as_bytes(),
    );
    let (code, err) = run(&w.env, &sendmail.args(&["--encrypt"], &["-t"]), &bcc);
    assert_eq!(code, 2, "{err}");
    sendmail.assert_untouched();
    assert!(
        err.contains("S/MIME: cannot hide carol0@example.org (Bcc, or named only to the command)"),
        "{err}"
    );
}

/// neomutt sends through `mailseal send` as its $sendmail, in batch mode
/// (`neomutt -s SUBJECT -b BCC -- TO < body`), set as `send --help`
/// shows it (over two lines): neomutt writes no Bcc field, appends `--
/// recipients` to the command, and shows send's error when it refuses.
fn neomutt(w: &World, sendmail: &Sendmail, flags: &str, to: &str, bcc: &str) -> (i32, String) {
    let home = w.env.path("neomutt-home");
    std::fs::create_dir_all(&home).unwrap();
    write(&home, "inbox", b"");
    let rc = format!(
        "set from=\"Alice <alice@example.org>\"\nset use_from=yes\n\
         set sendmail=\"{bin} --keyring {keyring} --passphrase-file {pass} --at {AT} \\\n    \
         send {flags} /bin/sh {script} -oem -oi\"\n\
         set record=\"\"\nset copy=no\nset folder={home}\nset spoolfile={home}/inbox\n\
         set hostname=example.org\nset charset=utf-8\n",
        bin = env!("CARGO_BIN_EXE_mailseal"),
        keyring = w.env.keyring().display(),
        pass = w.env.path("pass").display(),
        script = sendmail.script.display(),
        home = home.display(),
    );
    let rc = write(&home, "muttrc", rc.as_bytes());
    let mut cmd = std::process::Command::new("neomutt");
    cmd.env("HOME", &home)
        .args(["-n", "-F", s(&rc), "-s", "plans", "-b", bcc, "--", to]);
    let out = run_with_stdin(&mut cmd, b"The plans for Monday.\n");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), err)
}

#[test]
fn neomutt_sends_through_send_with_its_bcc_encrypted_for_and_hidden() {
    let w = World::new();
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let flags = "--encrypt-if-possible --sign";
    let (code, err) = neomutt(&w, &sendmail, flags, "bob@example.org", "carol@example.org");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sendmail.argv().unwrap(),
        ["-oem", "-oi", "--", "bob@example.org", "carol@example.org"]
    );
    let sent = sendmail.message().unwrap();
    assert!(contains(&sent, b"multipart/encrypted"), "{}", header(&sent));
    assert!(
        !contains(&sent, b"carol") && !contains(&sent, b"\r\n"),
        "{}",
        header(&sent)
    );
    for reader in ["bob@example.org", "carol@example.org"] {
        let (plain, status) = w.gpg_decrypt(reader, &sent);
        assert!(
            contains(&plain, b"The plans for Monday."),
            "{reader}: {status}"
        );
        assert!(status.contains("GOODSIG"), "{reader}: {status}");
    }
    let ids = w.pkesk_key_ids(&sent);
    assert!(!ids.contains(&w.subkey_id("carol@example.org")), "{ids:?}");
}

#[test]
fn fail_neomutt_gets_sends_refusal_and_nothing_is_handed_over() {
    let w = World::new();
    w.policy("require-encryption partner.example\n");
    let sendmail = Sendmail::new(&w.env, "exit 0");
    // The Bcc recipient at the partner has no key: refused, though the
    // flags would have allowed plain text.
    let (code, err) = neomutt(
        &w,
        &sendmail,
        "--encrypt-if-possible",
        "bob@example.org",
        "eve@partner.example",
    );
    assert_ne!(code, 0, "{err}");
    sendmail.assert_untouched();
    assert!(
        err.contains("nothing was handed to /bin/sh")
            && err.contains("require-encryption partner.example")
            && err.contains("OpenPGP: eve@partner.example: "),
        "{err}"
    );
}

/// What a mail client already encrypted (neomutt with the configuration
/// of `filter install-config`) goes as it came, whatever the flags and
/// the policy: it is not encrypted a second time.
#[test]
fn a_message_that_came_encrypted_goes_as_it_came() {
    let w = World::new();
    w.policy("require-encryption example.org\nrequire-signature example.org\n");
    let msg = draft("bob@example.org", "");
    let encrypted = w.env.expect(&["encrypt", "--sign"], &msg, 0);
    for flags in [&[][..], &["--encrypt", "--sign"][..]] {
        let sendmail = Sendmail::new(&w.env, "exit 0");
        let (code, err) = run(&w.env, &sendmail.args(flags, &["-t"]), &encrypted);
        assert_eq!(code, 0, "{flags:?}: {err}");
        assert!(
            sendmail.message().unwrap() == encrypted,
            "{flags:?}: changed on the way: {err}"
        );
        assert!(
            err.contains("handed to /bin/sh as it came: encrypted (OpenPGP), for 1 recipient"),
            "{err}"
        );
    }
    // bob reads it in one decryption, signed by alice.
    let (plain, status) = w.gpg_decrypt("bob@example.org", &encrypted);
    assert!(contains(&plain, b"The plans for Monday."), "{status}");
}

/// A message the client signed is not signed again: a required
/// signature is there, and encryption puts it inside.
#[test]
fn a_message_that_came_signed_is_not_signed_again() {
    let w = World::new();
    w.policy("require-signature example.org\n");
    let signed = w.env.expect(&["sign"], &draft("bob@example.org", ""), 0);
    // Without a passphrase send could not sign: it need not.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mailseal"));
    cmd.arg("--keyring")
        .arg(w.env.keyring())
        .args(["--at", AT])
        .args(sendmail.args(&[], &["-t"]));
    let out = run_with_stdin(&mut cmd, &signed);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        sendmail.message().unwrap() == signed,
        "changed on the way: {err}"
    );
    assert!(err.contains("signed (OpenPGP), not encrypted"), "{err}");
    // --encrypt --sign: encrypted once, around alice's signature, which
    // is the only one.
    let sendmail = Sendmail::new(&w.env, "exit 0");
    let (code, err) = run(
        &w.env,
        &sendmail.args(&["--encrypt", "--sign"], &["-t"]),
        &signed,
    );
    assert_eq!(code, 0, "{err}");
    let sent = sendmail.message().unwrap();
    let (plain, status) = w.gpg_decrypt("bob@example.org", &sent);
    assert!(
        contains(&plain, b"multipart/signed") && contains(&plain, b"The plans for Monday."),
        "{status}"
    );
    assert!(!status.contains("GOODSIG"), "signed twice: {status}");
    assert!(
        err.contains("encrypted and signed (OpenPGP), for 1 recipient"),
        "{err}"
    );
}
