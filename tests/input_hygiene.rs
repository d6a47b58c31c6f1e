//! Issue 13, finding 1: sign and encrypt take an RFC 5322 message and
//! nothing else. Bare text, a binary file, or a first paragraph that is
//! not header fields is refused (exit 2, nothing written) instead of being
//! taken as the outer header, where it would travel in clear; `--wrap`
//! protects such input by building a message around it.
//!
//! The keyring holds alice and bob twice: S/MIME certificates from
//! `openssl ca`, and OpenPGP keys made by gpg (alice's secret key
//! imported, bob's certificate pinned), so one world serves both
//! protocols and both peers can decrypt what we write.

mod common;

use std::path::Path;
use std::process::Command;

use common::gpg::Gpg;
use common::*;

/// Markers in the first paragraph and in a later one of the secret text.
const FIRST: &str = "FIRST-PARAGRAPH-SECRET-4711";
const LATER: &str = "LATER-PARAGRAPH-SECRET-0815";
const MARKERS: [&str; 2] = [FIRST, LATER];

/// What a user may pipe in by mistake: text, not a message.
fn secret_text() -> Vec<u8> {
    format!("My bank PIN is 1234 {FIRST}\nand the vault code is 9876\n\nmore {LATER}\n")
        .into_bytes()
}

struct Both {
    w: World,
    gpg: Gpg,
}

impl Both {
    fn env(&self) -> &Env {
        &self.w.env
    }
}

/// The S/MIME world of alice and bob, plus OpenPGP keys for both made by
/// gpg: alice's secret key in our keyring, bob's certificate pinned.
fn both() -> Both {
    let w = world("Input Hygiene CA");
    let gpg = Gpg::new();
    gpg.generate("Alice", "alice@example.org");
    let bob = gpg.generate("Bob", "bob@example.org");
    let d = w.env.dir.path();
    w.env.import(&write(
        d,
        "alice.asc",
        &gpg.export_secret("alice@example.org"),
    ));
    w.env
        .import(&write(d, "bob.asc", &gpg.export("bob@example.org")));
    w.env.expect(
        &["trust", "pin", &bob, "--email", "bob@example.org"],
        b"",
        0,
    );
    Both { w, gpg }
}

/// Every way of composing: both commands, both protocols, S/MIME opaque,
/// sign-then-encrypt, and the protocol left to choose. Signer and
/// recipient are named, so nothing depends on a From field.
const COMPOSE: [&[&str]; 10] = [
    &["sign", "--signer", "alice@example.org"],
    &["sign", "--smime", "--signer", "alice@example.org"],
    &[
        "sign",
        "--smime",
        "--opaque",
        "--signer",
        "alice@example.org",
    ],
    &["sign", "--openpgp", "--signer", "alice@example.org"],
    &["encrypt", "-r", "bob@example.org"],
    &["encrypt", "--smime", "-r", "bob@example.org"],
    &["encrypt", "--openpgp", "-r", "bob@example.org"],
    &[
        "encrypt",
        "--smime",
        "--sign",
        "--signer",
        "alice@example.org",
        "-r",
        "bob@example.org",
    ],
    &[
        "encrypt",
        "--openpgp",
        "--sign",
        "--signer",
        "alice@example.org",
        "-r",
        "bob@example.org",
    ],
    &[
        "encrypt",
        "--sign",
        "--signer",
        "alice@example.org",
        "-r",
        "bob@example.org",
    ],
];

/// Feeds `input` to every composing command, from standard input and from
/// a file, with and without `-o FILE`: each run must exit 2, write
/// nothing (stdout empty, no output file, nothing left in its
/// directory), name no secret on stderr, and give the `--wrap` hint.
/// Returns the stderr of the first run.
fn assert_refused_everywhere(env: &Env, input: &[u8], markers: &[&str]) -> String {
    let mut first = None;
    for (i, args) in COMPOSE.iter().enumerate() {
        for from_file in [false, true] {
            for to_file in [false, true] {
                let run = tempfile::tempdir_in(env.dir.path()).unwrap();
                let dir = run.path();
                let out_path = dir.join("out.eml");
                let in_path = write(env.dir.path(), &format!("input-{i}.txt"), input);
                let mut argv: Vec<&str> = args.to_vec();
                if to_file {
                    argv.extend(["-o", s(&out_path)]);
                }
                if from_file {
                    argv.push(s(&in_path));
                }
                let stdin: &[u8] = if from_file { b"" } else { input };
                let out = env.run(&argv, stdin);
                let err = String::from_utf8_lossy(&out.stderr).into_owned();
                let what = format!("mailseal {argv:?}");
                assert_eq!(out.status.code(), Some(2), "{what}: {err}");
                assert!(out.stdout.is_empty(), "{what} wrote to stdout");
                assert!(!out_path.exists(), "{what} wrote {}", out_path.display());
                assert_eq!(
                    std::fs::read_dir(dir).unwrap().count(),
                    0,
                    "{what} left a file behind"
                );
                for m in markers {
                    assert!(!err.contains(m), "{what} echoed a secret: {err}");
                }
                assert!(
                    err.contains("--wrap --from ADDR --to ADDR"),
                    "{what}: no hint: {err}"
                );
                first.get_or_insert(err);
            }
        }
    }
    first.unwrap()
}

#[test]
fn secret_text_is_refused_by_every_composing_command() {
    let b = both();
    let err = assert_refused_everywhere(b.env(), &secret_text(), &MARKERS);
    assert!(err.contains("not an RFC 5322 message"), "{err}");
    assert!(err.contains("line 1 "), "names the line: {err}");
}

#[test]
fn secret_text_with_crlf_line_ends_is_refused() {
    let b = both();
    let text = String::from_utf8(secret_text())
        .unwrap()
        .replace('\n', "\r\n");
    assert_refused_everywhere(b.env(), text.as_bytes(), &MARKERS);
}

#[test]
fn binary_file_is_refused() {
    let b = both();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    png.extend_from_slice(FIRST.as_bytes());
    png.extend_from_slice(b"\0\xff\xfe\n\n");
    png.extend_from_slice(LATER.as_bytes());
    png.extend_from_slice(b"\0\0\x01");
    assert_refused_everywhere(b.env(), &png, &MARKERS);
    // NUL bytes inside what looks like a header field.
    let nul = format!("From: alice@example.org\nX-Data: {FIRST}\0\n\nbody {LATER}\n");
    let err = assert_refused_everywhere(b.env(), nul.as_bytes(), &MARKERS);
    assert!(err.contains("line 2 "), "{err}");
}

#[test]
fn field_looking_first_line_does_not_make_text_a_header() {
    let b = both();
    // "Note: ..." is a well-formed field; the line after it is not.
    let text =
        format!("Note: the vault code is 9876 {FIRST}\nthe alarm code is 1234\n\nmore {LATER}\n");
    let err = assert_refused_everywhere(b.env(), text.as_bytes(), &MARKERS);
    assert!(err.contains("line 2 "), "names the second line: {err}");
}

#[test]
fn header_block_without_from_is_refused() {
    let b = both();
    // Every line of the first paragraph looks like a field, but a message
    // has a From field (RFC 5322 section 3.6): this is text.
    let text = format!("Note: the vault code is 9876 {FIRST}\nAlarm: 1234\n\nmore {LATER}\n");
    let err = assert_refused_everywhere(b.env(), text.as_bytes(), &MARKERS);
    assert!(err.contains("From"), "{err}");
    // Headers without the empty line that ends them, and no body.
    let text = format!("From: alice@example.org\nTo: bob@example.org\nX-Code: {FIRST}\n");
    let err = assert_refused_everywhere(b.env(), text.as_bytes(), &[FIRST]);
    assert!(err.contains("empty line"), "{err}");
}

#[test]
fn mbox_separator_line_is_refused_with_its_own_hint() {
    let b = both();
    let text = format!(
        "From alice@example.org Mon Jun  1 12:00:00 2026\nFrom: alice@example.org\nTo: bob@example.org\nSubject: x\n\nbody {LATER}\n"
    );
    let out = b.env().run(&["sign", "--smime"], text.as_bytes());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("mbox"), "{err}");
}

/// The header block of a message: everything before the first empty line.
fn outer_header(msg: &[u8]) -> &[u8] {
    &msg[..find(msg, b"\r\n\r\n")]
}

/// The decoded body of a MIME entity or message.
fn decoded_body(entity: &[u8]) -> Vec<u8> {
    let (headers, body) = mailseal::mime::split_headers(entity).unwrap();
    mailseal::mime::decode_body(&headers, body).unwrap()
}

fn messages() -> Vec<(&'static str, Vec<u8>)> {
    let lf = format!(
        "From: Alice <alice@example.org>\nTo: Bob <bob@example.org>\nSubject: lf\n\n{FIRST}\n\n{LATER}\n"
    );
    let folded = format!(
        "From: Alice\r\n <alice@example.org>\r\nTo: Bob <bob@example.org>,\r\n\tAlice <alice@example.org>\r\nSubject: a subject\r\n  folded over lines\r\n\r\n{FIRST}\r\n\r\n{LATER}\r\n"
    );
    vec![
        (
            "crlf",
            message(
                "alice@example.org",
                "bob@example.org",
                "crlf",
                &format!("{FIRST}\r\n\r\n{LATER}"),
            ),
        ),
        ("lf", lf.into_bytes()),
        ("folded", folded.into_bytes()),
    ]
}

#[test]
fn messages_with_crlf_lf_and_folded_headers_are_accepted() {
    let b = both();
    let env = b.env();
    for (name, msg) in messages() {
        for args in [&["sign", "--smime"][..], &["sign", "--openpgp"]] {
            let signed = env.expect(args, &msg, 0);
            assert!(!contains(outer_header(&signed), FIRST.as_bytes()), "{name}");
            let (v, code) = env.verdict(&signed);
            assert_eq!(code, 0, "{name} {args:?}: {v}");
        }
        for args in [&["encrypt", "--smime"][..], &["encrypt", "--openpgp"]] {
            let enc = env.expect(args, &msg, 0);
            for m in MARKERS {
                assert!(!contains(&enc, m.as_bytes()), "{name} {args:?}");
            }
            let dec = env.expect(&["decrypt"], &enc, 0);
            assert!(contains(&dec, FIRST.as_bytes()), "{name} {args:?}");
            assert!(contains(&dec, LATER.as_bytes()), "{name} {args:?}");
        }
    }
    let folded = &messages()[2].1;
    let enc = env.expect(&["encrypt", "--smime"], folded, 0);
    assert!(contains(
        outer_header(&enc),
        b"Subject: a subject\r\n  folded over lines\r\n"
    ));
}

/// Wrapped text as it comes back: carried as text/plain, its line ends
/// become CRLF (RFC 2046 section 4.1.1); every other byte stays.
fn with_crlf(text: &[u8]) -> Vec<u8> {
    String::from_utf8(text.to_vec())
        .unwrap()
        .replace('\n', "\r\n")
        .into_bytes()
}

/// Text a user may want to send: UTF-8, a line starting with "From ",
/// trailing white space, and secrets in every paragraph.
fn text_to_wrap() -> Vec<u8> {
    format!("Grüße, {FIRST}: the code is 9876\nFrom here on   \n\n{LATER}\n").into_bytes()
}

/// A binary file: NUL bytes, every byte value, and the markers.
fn binary_to_wrap() -> Vec<u8> {
    let mut data: Vec<u8> = (0..=255u8).collect();
    data.extend_from_slice(FIRST.as_bytes());
    data.extend_from_slice(b"\0\r\n\n\r");
    data.extend_from_slice(LATER.as_bytes());
    data
}

/// Checks the outer header of a wrapped message: the fields given, and
/// no byte of the content.
fn assert_wrapped_outer(msg: &[u8], subject: &str) {
    let outer = String::from_utf8_lossy(outer_header(msg)).into_owned();
    assert!(outer.contains("From: <alice@example.org>\r\n"), "{outer}");
    assert!(outer.contains("To: <bob@example.org>\r\n"), "{outer}");
    assert!(
        outer.contains(&format!("Subject: {subject}\r\n")),
        "{outer}"
    );
    assert!(
        outer.contains("Date: Mon, 1 Jun 2026 12:00:00 +0000\r\n"),
        "{outer}"
    );
    assert!(outer.contains("Message-ID: <"), "{outer}");
    for m in MARKERS {
        assert!(!outer.contains(m), "{m} in the outer header: {outer}");
    }
    assert!(
        !outer.contains("secret-"),
        "the file name is outside: {outer}"
    );
}

fn wrap_args<'a>(protocol: &'a str, input: &'a Path) -> Vec<&'a str> {
    vec![
        "encrypt",
        protocol,
        "--wrap",
        "--from",
        "alice@example.org",
        "--to",
        "bob@example.org",
        "--subject",
        "wrapped",
        s(input),
    ]
}

/// The inner entity as a peer decrypts it: `openssl cms -decrypt` as bob
/// for S/MIME, `gpg --decrypt` for OpenPGP.
fn peer_decrypts(b: &Both, protocol: &str, enc: &[u8]) -> Vec<u8> {
    let d = b.env().dir.path();
    if protocol == "--smime" {
        let f = write(d, "peer.eml", enc);
        let bob = &b.w.bob;
        run_ok(Command::new("openssl").args([
            "cms",
            "-decrypt",
            "-in",
            s(&f),
            "-recip",
            s(&bob.cert),
            "-inkey",
            s(&bob.key),
        ]))
        .stdout
    } else {
        let (_, body_part) = two_parts(enc);
        let armored = write(d, "peer.asc", &part_body(&body_part));
        b.gpg.run(&["--decrypt", s(&armored)]).stdout
    }
}

#[test]
fn wrap_protects_bare_text_for_both_protocols() {
    let b = both();
    let text = text_to_wrap();
    let input = write(b.env().dir.path(), "notes.txt", &text);
    let expected = with_crlf(&text);
    for protocol in ["--smime", "--openpgp"] {
        let enc = b.env().expect(&wrap_args(protocol, &input), b"", 0);
        assert_wrapped_outer(&enc, "wrapped");
        assert!(!contains(&enc, "Grüße".as_bytes()), "{protocol}");
        let ours = b.env().expect(&["decrypt"], &enc, 0);
        let head = String::from_utf8_lossy(outer_header(&ours)).into_owned();
        assert!(head.contains("text/plain; charset=utf-8"), "{head}");
        assert_eq!(decoded_body(&ours), expected, "{protocol}");
        let peer = peer_decrypts(&b, protocol, &enc);
        assert_eq!(decoded_body(&peer), expected, "{protocol}");
    }
    // From standard input too.
    let enc = b.env().expect(
        &[
            "encrypt",
            "--wrap",
            "--from",
            "alice@example.org",
            "--to",
            "bob@example.org",
        ],
        &text,
        0,
    );
    let ours = b.env().expect(&["decrypt"], &enc, 0);
    assert_eq!(decoded_body(&ours), expected);
}

#[test]
fn wrap_protects_a_binary_file_for_both_protocols() {
    let b = both();
    let data = binary_to_wrap();
    let input = write(b.env().dir.path(), "secret-report.bin", &data);
    for protocol in ["--smime", "--openpgp"] {
        let enc = b.env().expect(&wrap_args(protocol, &input), b"", 0);
        assert_wrapped_outer(&enc, "wrapped");
        let ours = b.env().expect(&["decrypt"], &enc, 0);
        let head = String::from_utf8_lossy(outer_header(&ours)).into_owned();
        assert!(head.contains("application/octet-stream"), "{head}");
        assert!(
            head.contains("Content-Disposition: attachment; filename=\"secret-report.bin\""),
            "{head}"
        );
        assert_eq!(decoded_body(&ours), data, "{protocol}");
        let peer = peer_decrypts(&b, protocol, &enc);
        assert_eq!(decoded_body(&peer), data, "{protocol}");
    }
}

#[test]
fn wrap_signs_bare_text_as_the_from_address() {
    let b = both();
    for protocol in ["--smime", "--openpgp"] {
        let signed = b.env().expect(
            &[
                "sign",
                protocol,
                "--wrap",
                "--from",
                "alice@example.org",
                "--to",
                "bob@example.org",
                "--subject",
                "signed text",
            ],
            &secret_text(),
            0,
        );
        assert_wrapped_outer(&signed, "signed text");
        let (v, code) = b.env().verdict(&signed);
        assert_eq!(code, 0, "{protocol}: {v}");
        assert_eq!(v["from"], "alice@example.org");
    }
}

#[test]
fn wrap_options_are_checked() {
    let b = both();
    let env = b.env();
    let msg = message("alice@example.org", "bob@example.org", "s", "body");
    // The message fields only with --wrap; --wrap needs a sender.
    env.refused(&["sign", "--smime", "--from", "alice@example.org"], &msg, 2);
    env.refused(&["encrypt", "--to", "bob@example.org"], &msg, 2);
    env.refused(
        &["encrypt", "--subject", "x", "-r", "bob@example.org"],
        &msg,
        2,
    );
    env.refused(
        &["encrypt", "--wrap", "--to", "bob@example.org"],
        &secret_text(),
        2,
    );
    // A line break in a field would start a field of its own.
    let err = env.refused(
        &[
            "encrypt",
            "--wrap",
            "--from",
            "alice@example.org",
            "--to",
            "bob@example.org",
            "--subject",
            "hi\r\nBcc: mallory@example.org",
        ],
        &secret_text(),
        2,
    );
    assert!(err.contains("--subject"), "{err}");
    for bad in ["not an address", "bob@example.org\nX-Evil: 1"] {
        let err = env.refused(
            &[
                "encrypt",
                "--wrap",
                "--from",
                "alice@example.org",
                "--to",
                bad,
            ],
            &secret_text(),
            2,
        );
        assert!(err.contains("--to"), "{err}");
    }
    // Several recipients, repeated or in one list, and Cc.
    let enc = env.expect(
        &[
            "encrypt",
            "--smime",
            "--wrap",
            "--from",
            "Alice <alice@example.org>",
            "--to",
            "bob@example.org, \"Alice, again\" <alice@example.org>",
            "--to",
            "alice@example.org",
            "--cc",
            "bob@example.org",
        ],
        &secret_text(),
        0,
    );
    let outer = String::from_utf8_lossy(outer_header(&enc)).into_owned();
    assert!(
        outer.contains("From: \"Alice\" <alice@example.org>\r\n"),
        "{outer}"
    );
    assert!(
        outer.contains(
            "To: <bob@example.org>, \"Alice, again\" <alice@example.org>,\r\n <alice@example.org>\r\n"
        ) || outer.contains(
            "To: <bob@example.org>, \"Alice, again\" <alice@example.org>, <alice@example.org>\r\n"
        ),
        "{outer}"
    );
    assert!(outer.contains("Cc: <bob@example.org>\r\n"), "{outer}");
    let dec = env.expect(&["decrypt"], &enc, 0);
    assert_eq!(decoded_body(&dec), with_crlf(&secret_text()));
}

/// verify and decrypt read received mail leniently, but text or a binary
/// file is not a message: exit 2 with a hint, not "unsigned" (exit 4) or
/// "nothing to decrypt", and nothing of it is echoed.
#[test]
fn verify_and_decrypt_refuse_what_is_not_a_message() {
    let b = both();
    let env = b.env();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let empty_first = format!("\nbody {FIRST}\n").into_bytes();
    for (case, input) in [
        ("bare text", secret_text()),
        ("a binary file", png),
        ("an empty first line", empty_first),
        ("nothing", Vec::new()),
    ] {
        for cmd in [&["verify"][..], &["decrypt"], &["--json", "verify"]] {
            let out = env.run(cmd, &input);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{case} {cmd:?}: {stderr}{stdout}"
            );
            let said = format!("{stdout}{stderr}");
            assert!(
                said.contains("not an RFC 5322 message"),
                "{case} {cmd:?}: {said}"
            );
            assert!(
                !said.contains(FIRST),
                "{case} {cmd:?} echoed the input: {said}"
            );
        }
    }
    // A received message with an odd line in its header block is still read.
    let odd = b"From: alice@example.org\r\nthis line is no field\r\nSubject: x\r\n\r\nhello\r\n";
    let out = env.run(&["verify"], odd);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
