//! Incoming mail: `filter pgp decrypt` (`pgp_decrypt_command`, a
//! multipart/encrypted body) and `filter pgp decode`
//! (`pgp_decode_command`, an inline PGP block). DECRYPTION_OKAY only
//! after authenticated decryption; no plaintext on any failure.

use super::world::*;
use crate::common::*;

fn decrypt(w: &W, armored: &[u8]) -> std::process::Output {
    let file = w.file("encrypted.asc", armored);
    w.filter_pw(&["decrypt", "--status-fd", "2", s(&file)])
}

#[test]
fn gpg_signed_and_encrypted_part_decrypts_with_decryption_okay_and_goodsig() {
    let w = W::new();
    let armored = w.gpg_encrypt(
        &[
            "--sign",
            "-u",
            "alice@example.org",
            "--encrypt",
            "-r",
            "bob@example.org",
        ],
        PART,
    );
    let out = decrypt(&w, &armored);
    assert_code(&out, 0, "decrypt");
    assert_eq!(out.stdout, PART, "the MIME entity, as it was encrypted");
    let alice = w.fpr("alice@example.org");
    let lines = status(&out.stderr);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN_DECRYPTION"));
    let valid = lines.iter().find(|l| l.starts_with("VALIDSIG")).unwrap();
    assert!(
        valid.starts_with(&format!("VALIDSIG {alice} 2026-01-01 {GPG_UNIX} 0 4 0 22 ")),
        "{valid}"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| !l.starts_with("VALIDSIG"))
            .cloned()
            .collect::<Vec<_>>(),
        vec![
            "BEGIN_DECRYPTION".to_string(),
            "NEWSIG".to_string(),
            format!(
                "GOODSIG {} Alice <alice@example.org>",
                w.keyid("alice@example.org")
            ),
            "TRUST_FULLY 0 pgp alice@example.org".to_string(),
            "DECRYPTION_OKAY".to_string(),
            "GOODMDC".to_string(),
            "END_DECRYPTION".to_string(),
        ]
    );
    // The signature in words, for the pager.
    assert!(human(&out.stderr).contains("Good signature from Alice <alice@example.org>, trusted"));
}

#[test]
fn our_own_encrypted_part_decrypts_silently() {
    let w = W::new();
    let part = w.file("part", PART);
    let enc = w.filter(&["encrypt", s(&part), "alice@example.org"], b"");
    assert_code(&enc, 0, "encrypt");
    let out = decrypt(&w, &enc.stdout);
    assert_code(&out, 0, "decrypt");
    assert_eq!(out.stdout, PART);
    assert_eq!(
        status(&out.stderr),
        vec![
            "BEGIN_DECRYPTION",
            "DECRYPTION_OKAY",
            "GOODMDC",
            "END_DECRYPTION"
        ]
    );
    assert_eq!(human(&out.stderr), "", "nothing but status lines on stderr");
}

#[test]
fn changed_ciphertext_is_decryption_failed_with_nothing_on_stdout() {
    let w = W::new();
    let binary = {
        let input = w.file("in", PART);
        w.gpg
            .run(&["-o", "-", "--encrypt", "-r", "bob@example.org", s(&input)])
            .stdout
    };
    let mut changed = binary.clone();
    let at = changed.len() - 5;
    changed[at] ^= 1;
    let file = w.file("changed.gpg", &changed);
    let out = w.filter_pw(&["decrypt", "--status-fd", "2", s(&file)]);
    assert_code(&out, 2, "changed");
    assert!(
        out.stdout.is_empty(),
        "no plaintext from a changed ciphertext"
    );
    let lines = status(&out.stderr);
    assert!(!lines.iter().any(|l| l == "DECRYPTION_OKAY"), "{lines:?}");
    assert_eq!(
        lines,
        vec![
            "BEGIN_DECRYPTION",
            "BADMDC",
            "DECRYPTION_FAILED",
            "END_DECRYPTION"
        ]
    );
    assert!(human(&out.stderr).contains("altered"));
}

#[test]
fn untrusted_or_bad_signature_inside_is_never_goodsig() {
    let w = W::new();
    let armored = w.gpg_encrypt(
        &[
            "--sign",
            "-u",
            "carol@example.org",
            "--encrypt",
            "-r",
            "bob@example.org",
        ],
        PART,
    );
    let out = decrypt(&w, &armored);
    assert_code(&out, 3, "untrusted signer inside");
    assert_eq!(
        out.stdout, PART,
        "the content of an untrusted signer is shown, as untrusted"
    );
    let lines = status(&out.stderr);
    assert!(lines.contains(&"DECRYPTION_OKAY".to_string()));
    assert!(!says_good(&lines), "{lines:?}");
    assert!(
        lines.contains(&"TRUST_UNDEFINED 0 pgp carol@example.org".to_string()),
        "{lines:?}"
    );
    let said = human(&out.stderr);
    assert!(
        said.contains("Good signature from Carol <carol@example.org>, but NOT trusted"),
        "{said}"
    );
    // A signer whose key has been revoked (for no reason given: a hard
    // revocation): BADSIG, exit 1, and the content is not written.
    w.gpg.revoke(w.fpr("carol@example.org"));
    w.import_cert("carol@example.org");
    let out = decrypt(&w, &armored);
    assert_code(&out, 1, "revoked signer inside");
    assert!(
        out.stdout.is_empty(),
        "nothing written under a bad signature"
    );
    let lines = status(&out.stderr);
    assert!(lines.contains(&"DECRYPTION_OKAY".to_string()), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("BADSIG")) && !says_good(&lines),
        "{lines:?}"
    );
    assert!(human(&out.stderr).contains("nothing written"));
    // An unknown signer inside: ERRSIG, no GOODSIG.
    let armored = w.gpg_encrypt(
        &[
            "--sign",
            "-u",
            "dave@example.org",
            "--encrypt",
            "-r",
            "bob@example.org",
        ],
        PART,
    );
    let out = decrypt(&w, &armored);
    assert_code(&out, 2, "unknown signer inside");
    let lines = status(&out.stderr);
    assert!(!says_good(&lines), "{lines:?}");
    assert!(
        lines.contains(&format!("NO_PUBKEY {}", w.keyid("dave@example.org"))),
        "{lines:?}"
    );
}

#[test]
fn wrong_missing_or_foreign_keys_fail_clearly_without_plaintext() {
    let w = W::new();
    let armored = w.gpg_encrypt(&["--encrypt", "-r", "bob@example.org"], PART);
    let file = w.file("enc.asc", &armored);
    // No passphrase source: at once, before any decryption.
    let out = no_stdin(
        w.cmd()
            .args(["filter", "pgp", "decrypt", "--status-fd", "2"])
            .arg(&file),
    );
    assert_code(&out, 2, "no passphrase source");
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--passphrase-fd"));
    assert!(!status(&out.stderr).contains(&"DECRYPTION_OKAY".to_string()));
    // A wrong passphrase.
    let out = w.filter(
        &[
            "--passphrase-fd",
            "0",
            "decrypt",
            "--status-fd",
            "2",
            s(&file),
        ],
        b"wrong\n",
    );
    assert_code(&out, 2, "wrong passphrase");
    assert!(out.stdout.is_empty());
    assert_eq!(
        status(&out.stderr),
        vec!["BEGIN_DECRYPTION", "DECRYPTION_FAILED", "END_DECRYPTION"]
    );
    assert!(human(&out.stderr).contains("wrong passphrase"));
    // Not for us.
    let armored = w.gpg_encrypt(&["--encrypt", "-r", "carol@example.org"], PART);
    let out = decrypt(&w, &armored);
    assert_code(&out, 2, "not for us");
    assert!(out.stdout.is_empty());
    assert_eq!(
        status(&out.stderr),
        vec!["BEGIN_DECRYPTION", "DECRYPTION_FAILED", "END_DECRYPTION"]
    );
    // Not encrypted at all (a signed message where an encrypted part
    // should be): refused, no DECRYPTION lines.
    let signed = w.gpg_sign(&["--armor", "--sign"], "alice@example.org", PART);
    let out = decrypt(&w, &signed);
    assert_code(&out, 2, "not encrypted");
    assert!(out.stdout.is_empty());
    assert!(status(&out.stderr).is_empty());
}

#[test]
fn decode_reads_inline_encrypted_and_signed_blocks() {
    let w = W::new();
    let text = b"Meet me at noon.\n";
    // Encrypted and signed inline, as neomutt's traditional mode sends it.
    let armored = w.gpg_encrypt(
        &[
            "--sign",
            "-u",
            "alice@example.org",
            "--encrypt",
            "-r",
            "bob@example.org",
        ],
        text,
    );
    let file = w.file("inline.asc", &armored);
    let out = w.filter_pw(&["decode", "--status-fd", "2", s(&file)]);
    assert_code(&out, 0, "decode encrypted");
    assert_eq!(out.stdout, text);
    let lines = status(&out.stderr);
    assert!(
        lines.contains(&"DECRYPTION_OKAY".to_string()) && says_good(&lines),
        "{lines:?}"
    );
    // Signed, not encrypted: no passphrase needed, no DECRYPTION lines.
    let signed = w.gpg_sign(&["--armor", "--sign"], "alice@example.org", text);
    let file = w.file("signed.asc", &signed);
    let out = w.filter(&["decode", "--status-fd", "2", s(&file)], b"");
    assert_code(&out, 0, "decode signed");
    assert_eq!(out.stdout, text);
    let lines = status(&out.stderr);
    assert!(
        says_good(&lines) && !lines.iter().any(|l| l.contains("DECRYPTION")),
        "{lines:?}"
    );
    // Clearsigned by gpg, then changed: BADSIG, and no text.
    let clear = w.gpg_sign(&["--clearsign"], "alice@example.org", text);
    let changed = replace_once(&clear, b"noon", b"dawn");
    let file = w.file("clear.asc", &changed);
    let out = w.filter(&["decode", "--status-fd", "2", s(&file)], b"");
    assert_code(&out, 1, "changed clearsigned");
    assert!(out.stdout.is_empty());
    let lines = status(&out.stderr);
    assert!(
        lines.iter().any(|l| l.starts_with("BADSIG")) && !says_good(&lines),
        "{lines:?}"
    );
}
