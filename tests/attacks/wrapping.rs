//! Class 3, MIME wrapping: a genuine, trusted signed entity placed inside
//! unsigned content (the "Johnny, you are fired" wrapping attacks). Only
//! the root counts: a signed part below an unsigned root is `covers:
//! part`, exit 3, and the human report names the part. Inputs: alice's
//! multipart/signed from `mailseal sign` (S/MIME and OpenPGP), an
//! inline block from `gpg --clearsign`, then MIME surgery.

use super::support::*;
use crate::common::*;

/// The wrapping cases for one protocol. `signed` is a whole message
/// signed by alice (From alice); `other_sig` is alice's signature part
/// body over a different entity; `rewrap` signs `msg` as mallory.
fn wrapping_cases(
    proto: &str,
    env: &Env,
    signed: &[u8],
    other_sig: &[u8],
    rewrap: &dyn Fn(&[u8]) -> Vec<u8>,
) {
    let head = outer("alice@example.org", "wrapped");
    let c = verify(env, signed);
    assert_eq!(
        (c.code, c.statuses()),
        (0, vec!["good".to_string()]),
        "{proto} control: {}",
        c.v
    );
    let inner = entity(signed);
    let part_cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "signed part between attacker parts in multipart/mixed",
            multipart(
                &head,
                "mixed",
                &[
                    &html("<b>You are fired.</b>"),
                    &inner,
                    &text("plain", "-- HR department"),
                ],
            ),
            "part 2",
        ),
        (
            "signed text/plain with unsigned text/html in multipart/alternative",
            multipart(
                &head,
                "alternative",
                &[&inner, &html("<p>You are fired.</p>")],
            ),
            "part 1",
        ),
        (
            "signed part as an attachment",
            multipart(
                &head,
                "mixed",
                &[
                    &text("plain", "You are fired, see the attachment."),
                    &[
                        b"Content-Disposition: attachment; filename=\"orig.eml\"\r\n".as_slice(),
                        &inner,
                    ]
                    .concat(),
                ],
            ),
            "part 2",
        ),
        (
            "signed part two levels down",
            multipart(
                &head,
                "mixed",
                &[
                    &text("plain", "You are fired."),
                    &multipart_with("", "related", "inner-7", &[&inner]),
                ],
            ),
            "part 2.1",
        ),
    ];
    for (case, msg, part) in part_cases {
        let case = format!("{proto}: {case}");
        let c = expect(&case, env, &msg, 3, "untrusted", &["good"]);
        let sig = &c.sigs()[0];
        assert_eq!(sig["covers"], "part", "{case}: {}", c.v);
        assert_eq!(
            sig["trust"]["level"], "full",
            "{case}: the part itself is alice's"
        );
        let report = human(env, &msg);
        assert!(report.contains("NOT trusted"), "{case}: {report}");
        assert!(report.contains("covers only part"), "{case}: {report}");
        assert!(
            report.contains(part),
            "{case}: the report names {part}: {report}"
        );
    }

    let attached = multipart(
        &head,
        "mixed",
        &[
            &text("plain", "You are fired, says the attached message."),
            &[b"Content-Type: message/rfc822\r\n\r\n".as_slice(), signed].concat(),
        ],
    );
    let c = expect(
        &format!("{proto}: signed message attached as message/rfc822"),
        env,
        &attached,
        4,
        "unsigned",
        &[],
    );
    assert!(c.nothing_whole());

    // The root is multipart/signed, but its signed part is alice's signed
    // entity and its signature is alice's over something else.
    let swapped = {
        let (_, sig_part) = two_parts(signed);
        let (other_head, _) = split(&sig_part);
        let b = "outer-signed-b";
        let head = String::from_utf8(split(signed).0).unwrap();
        let head = head.replace(&boundary(signed), b);
        let mut m = head.into_bytes();
        m.extend_from_slice(format!("\r\n--{b}\r\n").as_bytes());
        m.extend_from_slice(&inner);
        m.extend_from_slice(format!("\r\n--{b}\r\n").as_bytes());
        m.extend_from_slice(&other_head);
        m.extend_from_slice(b"\r\n");
        m.extend_from_slice(other_sig);
        m.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
        m
    };
    // The outer signature is bad: the message is, whatever is inside.
    let c = expect(
        &format!("{proto}: signed entity inside multipart/signed over other content"),
        env,
        &swapped,
        1,
        "bad",
        &["bad", "good"],
    );
    assert_eq!(c.sigs()[0]["status"], "bad", "{}", c.v);
    assert_eq!(c.sigs()[0]["layer"], 0, "{}", c.v);
    assert!(human(env, &swapped).contains("BAD signature"));

    // mallory signs the whole of alice's signed message under From alice:
    // alice is still the author (her signature covers the body) and
    // mallory, trusted for her own address, is reported as also signing.
    let mut m = head.clone().into_bytes();
    m.extend_from_slice(&inner);
    let rewrapped = rewrap(&m);
    let c = expect(
        &format!("{proto}: alice's signed entity re-signed by mallory"),
        env,
        &rewrapped,
        0,
        "trusted",
        &["good", "good"],
    );
    let (outer_sig, author) = (&c.sigs()[0], &c.sigs()[1]);
    assert_eq!(
        outer_sig["signer"]["emails"][0], "mallory@example.org",
        "{}",
        c.v
    );
    assert_eq!(outer_sig["role"], "also-signed", "{}", c.v);
    assert_eq!(
        author["signer"]["emails"][0], "alice@example.org",
        "{}",
        c.v
    );
    assert_eq!(
        (&author["role"], &author["sender_match"]),
        (&serde_json::json!("author"), &serde_json::json!(true))
    );
    let report = human(env, &rewrapped);
    assert!(report.contains("Also signed by"), "{report}");

    // A third part after the signature: not RFC 1847, refused.
    let b = boundary(signed);
    let three = replace_once(
        signed,
        format!("--{b}--").as_bytes(),
        format!("--{b}\r\nContent-Type: text/html\r\n\r\n<b>You are fired.</b>\r\n--{b}--")
            .as_bytes(),
    );
    expect_malformed(
        &format!("{proto}: third part in multipart/signed"),
        env,
        &three,
    );
}

#[test]
fn smime_signed_parts_inside_unsigned_content_cover_only_a_part() {
    let f = smime();
    let signed = f.sign(
        "alice@example.org",
        "alice@example.org",
        "Meeting at noon.",
        false,
    );
    let other = f.sign(
        "alice@example.org",
        "alice@example.org",
        "Something else.",
        false,
    );
    let (_, other_part) = two_parts(&other);
    let other_sig = part_body(&other_part);
    let rewrap = |m: &[u8]| {
        f.env().expect(
            &["sign", "--smime", "--signer", "mallory@example.org"],
            m,
            0,
        )
    };
    wrapping_cases("S/MIME", f.env(), &signed, &other_sig, &rewrap);
}

#[test]
fn openpgp_signed_parts_inside_unsigned_content_cover_only_a_part() {
    let p = pgp();
    let signed = Pgp::sign(&p.alice, "alice@example.org", "Meeting at noon.");
    let other = Pgp::sign(&p.alice, "alice@example.org", "Something else.");
    let (_, other_part) = two_parts(&other);
    let other_sig = part_body(&other_part);
    let rewrap = |m: &[u8]| {
        p.mallory.expect(
            &["sign", "--openpgp", "--signer", "mallory@example.org"],
            m,
            0,
        )
    };
    wrapping_cases("OpenPGP", &p.bob, &signed, &other_sig, &rewrap);
}

#[test]
fn openpgp_inline_signed_block_inside_attacker_text_covers_a_part() {
    let gw = gpg_world();
    let env = &gw.bob;
    let d = env.dir.path();
    let input = write(d, "clear.txt", b"Meeting at noon.\n");
    let block = gw.gpg.sign(&["--clearsign"], "alice@example.org", &input);
    let whole = [
        outer_at("alice@example.org", "inline", GPG_DATE).as_bytes(),
        b"Content-Type: text/plain\r\n\r\n",
        &to_crlf(&block),
    ]
    .concat();
    let c = verify(env, &whole);
    assert_eq!(
        (c.code, c.statuses()),
        (0, vec!["good".to_string()]),
        "control: {}",
        c.v
    );
    let around = [
        outer_at("alice@example.org", "inline", GPG_DATE).as_bytes(),
        b"Content-Type: text/plain\r\n\r\nYou are fired. Proof below:\r\n\r\n",
        &to_crlf(&block),
        b"\r\nP.S. Leave your badge at the desk.\r\n",
    ]
    .concat();
    let c = expect(
        "OpenPGP: clearsigned block inside attacker text",
        env,
        &around,
        3,
        "untrusted",
        &["good"],
    );
    assert_eq!(c.sigs()[0]["covers"], "part", "{}", c.v);
    let report = human(env, &around);
    assert!(report.contains("covers only part"), "{report}");
    assert!(report.contains("inline block"), "{report}");
}
