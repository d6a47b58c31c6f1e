//! `filter pgp verify SIG FILE`, as `pgp_verify_command` runs it: gpg's
//! status lines, GOODSIG only for a good signature whose signer is
//! trusted, and the verdict in words on standard output (which neomutt
//! shows in its pager).

use super::world::*;
use crate::common::*;

/// Verifies `sig` over `part` with the status lines on stderr, as
/// neomutt's `--status-fd=2`.
fn verify(w: &W, sig: &[u8], part: &[u8]) -> std::process::Output {
    let sig = w.file("part.asc", sig);
    let part = w.file("part", part);
    w.filter(&["verify", "--status-fd", "2", s(&sig), s(&part)], b"")
}

#[test]
fn good_signature_of_a_trusted_signer_is_goodsig_validsig_and_trust() {
    let w = W::new();
    let sig = w.gpg_sign(
        &["--armor", "--textmode", "--detach-sign"],
        "alice@example.org",
        PART,
    );
    let out = verify(&w, &sig, PART);
    assert_code(&out, 0, "trusted");
    let alice = w.fpr("alice@example.org");
    assert_eq!(
        status(&out.stderr),
        vec![
            "NEWSIG".to_string(),
            format!(
                "GOODSIG {} Alice <alice@example.org>",
                w.keyid("alice@example.org")
            ),
            format!("VALIDSIG {alice} 2026-01-01 {GPG_UNIX} 0 4 0 22 8 01 {alice}"),
            "TRUST_FULLY 0 pgp alice@example.org".to_string(),
        ]
    );
    assert_eq!(human(&out.stderr), "", "stderr holds only status lines");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with(
            "mailseal: Good signature from Alice <alice@example.org>, trusted: pinned by you"
        ),
        "{said}"
    );
}

#[test]
fn changed_part_is_badsig_exit_1_never_goodsig() {
    let w = W::new();
    let sig = w.gpg_sign(&["--armor", "--detach-sign"], "alice@example.org", PART);
    let changed = replace_once(PART, b"noon", b"dawn");
    let out = verify(&w, &sig, &changed);
    assert_code(&out, 1, "bad");
    let lines = status(&out.stderr);
    assert_eq!(
        lines,
        vec![
            "NEWSIG".to_string(),
            format!(
                "BADSIG {} Alice <alice@example.org>",
                w.keyid("alice@example.org")
            ),
        ]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("BAD signature from Alice <alice@example.org>"),
        "{said}"
    );
}

#[test]
fn good_signature_of_an_untrusted_signer_is_not_goodsig_and_names_the_address() {
    let w = W::new();
    let sig = w.gpg_sign(&["--armor", "--detach-sign"], "carol@example.org", PART);
    let out = verify(&w, &sig, PART);
    assert_code(&out, 3, "untrusted");
    let lines = status(&out.stderr);
    assert!(!says_good(&lines), "{lines:?}");
    assert!(
        !lines.iter().any(|l| l.starts_with("VALIDSIG")),
        "{lines:?}"
    );
    assert_eq!(
        lines,
        vec!["NEWSIG", "TRUST_UNDEFINED 0 pgp carol@example.org"]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with(
            "mailseal: Good signature from Carol <carol@example.org>, but NOT trusted: "
        ),
        "{said}"
    );
}

#[test]
fn sha1_signature_of_a_trusted_signer_is_not_good() {
    let w = W::new();
    let sig = w.gpg_sign(
        &["--armor", "--detach-sign", "--digest-algo", "SHA1"],
        "alice@example.org",
        PART,
    );
    let out = verify(&w, &sig, PART);
    assert_code(&out, 2, "weak digest");
    let alice = w.fpr("alice@example.org");
    assert_eq!(
        status(&out.stderr),
        vec![
            "NEWSIG".to_string(),
            format!(
                "ERRSIG {} 22 2 00 {GPG_UNIX} 5 {alice}",
                w.keyid("alice@example.org")
            ),
        ]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Alice <alice@example.org>"), "{said}");
    assert!(said.contains("weak digest: signed with SHA-1"), "{said}");
}

#[test]
fn unknown_signer_is_errsig_and_no_pubkey() {
    let w = W::new();
    let sig = w.gpg_sign(&["--armor", "--detach-sign"], "dave@example.org", PART);
    let out = verify(&w, &sig, PART);
    assert_code(&out, 2, "unknown signer");
    let dave = w.keyid("dave@example.org");
    assert_eq!(
        status(&out.stderr),
        vec![
            "NEWSIG".to_string(),
            format!(
                "ERRSIG {dave} 22 8 00 {GPG_UNIX} 9 {}",
                w.fpr("dave@example.org")
            ),
            format!("NO_PUBKEY {dave}"),
        ]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(dave), "{said}");
}

#[test]
fn revoked_signer_is_badsig() {
    let w = W::new();
    let sig = w.gpg_sign(&["--armor", "--detach-sign"], "carol@example.org", PART);
    w.gpg.revoke(w.fpr("carol@example.org"));
    w.import_cert("carol@example.org");
    let out = verify(&w, &sig, PART);
    assert_code(&out, 1, "revoked");
    let lines = status(&out.stderr);
    assert_eq!(
        lines,
        vec![
            "NEWSIG".to_string(),
            format!(
                "BADSIG {} Carol <carol@example.org>",
                w.keyid("carol@example.org")
            ),
        ]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("revoked"), "{said}");
}

#[test]
fn our_own_signature_over_an_lf_part_is_trusted_as_ours() {
    let w = W::new();
    let lf = String::from_utf8_lossy(PART).replace("\r\n", "\n");
    let part = w.file("outgoing", lf.as_bytes());
    let out = w.filter_pw(&["sign", "--local-user", "bob@example.org", s(&part)]);
    assert_code(&out, 0, "sign");
    // neomutt verifies the part as it arrives, with CRLF.
    let out = verify(&w, &out.stdout, PART);
    assert_code(&out, 0, "verify our own");
    let lines = status(&out.stderr);
    assert!(says_good(&lines), "{lines:?}");
    assert_eq!(
        lines.last().unwrap(),
        "TRUST_ULTIMATE 0 pgp bob@example.org"
    );
}

#[test]
fn status_lines_go_to_the_descriptor_named() {
    let w = W::new();
    let sig = w.file(
        "part.asc",
        &w.gpg_sign(&["--armor", "--detach-sign"], "alice@example.org", PART),
    );
    let part = w.file("part", PART);
    // fd 1: status and words together on stdout, nothing on stderr.
    let out = w.filter(&["verify", "--status-fd", "1", s(&sig), s(&part)], b"");
    assert_code(&out, 0, "fd 1");
    assert!(says_good(&status(&out.stdout)));
    assert!(human(&out.stdout).contains("Good signature"));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A descriptor the caller opened (5).
    let file = w.env.path("status-5");
    let mut cmd = std::process::Command::new("sh");
    let line = format!("exec 5>'{}'; exec \"$0\" \"$@\"", file.display());
    cmd.arg("-c")
        .arg(line)
        .arg(env!("CARGO_BIN_EXE_mailseal"))
        .arg("--keyring")
        .arg(w.env.keyring())
        .args([
            "--at",
            AT,
            "filter",
            "pgp",
            "verify",
            "--status-fd",
            "5",
            s(&sig),
            s(&part),
        ]);
    let out = no_stdin(&mut cmd);
    assert_code(&out, 0, "fd 5");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(status(&out.stdout).is_empty());
    let lines = status(&std::fs::read(&file).unwrap());
    assert!(says_good(&lines), "{lines:?}");
    // A descriptor that is not open: an error, before anything else.
    let out = w.filter(&["verify", "--status-fd", "9", s(&sig), s(&part)], b"");
    assert_code(&out, 2, "fd 9");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("status"),
        "{out:?}"
    );
}

#[test]
fn malformed_signature_is_an_error_never_good() {
    let w = W::new();
    let out = verify(
        &w,
        b"-----BEGIN PGP SIGNATURE-----\n\nnot base64 at all\n-----END PGP SIGNATURE-----\n",
        PART,
    );
    assert_code(&out, 2, "malformed");
    assert!(!says_good(&status(&out.stderr)));
    assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("Good"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("malformed OpenPGP signature"),
        "{out:?}"
    );
}
