//! Recipient keys `encrypt` refuses (SPEC section 4): untrusted or
//! expired ones unless `--trust-any`, revoked ones always; a refusal names
//! the recipient and writes nothing. S/MIME certificates come from
//! `openssl ca`; the OpenPGP key from gpg (made 2026-01-01, expiring
//! 2026-03-01, later revoked), and gpg decrypts what we encrypt to it.

mod common;

use common::gpg::Gpg;
use common::*;

/// Exit code, stdout and stderr of `encrypt ARGS` for `msg`.
fn encrypt(env: &Env, args: &[&str], msg: &[u8]) -> (i32, Vec<u8>, String) {
    let mut all = vec!["encrypt"];
    all.extend_from_slice(args);
    let out = env.run(&all, msg);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

/// Stderr of `encrypt ARGS` for `msg`, which must be refused (exit 2,
/// nothing written).
fn refused(env: &Env, args: &[&str], msg: &[u8]) -> String {
    let mut all = vec!["encrypt"];
    all.extend_from_slice(args);
    env.refused(&all, msg, 2)
}

#[test]
fn smime_untrusted_expired_and_revoked_recipients() {
    let w = world("Recipients CA");
    // erin: under a CA nobody trusts; dave: expired 2026-01-01; frank:
    // revoked (keyCompromise).
    let other = Pki::new("Unchosen CA");
    w.env
        .import(&other.user("erin@example.org", CertOpts::default()).cert);
    let old = CertOpts {
        start: "20250101000000Z",
        end: "20260101000000Z",
        ..CertOpts::default()
    };
    w.env.import(&w.pki.user("dave@example.org", old).cert);
    let frank = w.pki.user("frank@example.org", CertOpts::default());
    w.env.import(&frank.cert);
    w.env.import(&w.pki.revoke(&frank));
    for (who, why) in [
        ("erin", "not trusted"),
        ("dave", "expired"),
        ("frank", "revoked"),
    ] {
        let to = format!("{who}@example.org");
        let msg = message("alice@example.org", &to, "r", "secret");
        let err = refused(&w.env, &["--smime"], &msg);
        assert!(err.contains(&to) && err.contains(why), "{who}: {err}");
        if who == "frank" {
            // Revoked is never used.
            refused(&w.env, &["--smime", "--trust-any"], &msg);
        } else {
            let (code, out, err) = encrypt(&w.env, &["--smime", "--trust-any"], &msg);
            assert_eq!(code, 0, "{who}: {err}");
            assert!(contains(&out, b"application/pkcs7-mime"));
            assert!(err.contains("warning") && err.contains(&to), "{who}: {err}");
        }
    }
    // A refusal does not also warn about the recipients it would take.
    let msg = message(
        "alice@example.org",
        "erin@example.org, zed@example.org",
        "r",
        "x",
    );
    let err = refused(&w.env, &["--smime", "--trust-any"], &msg);
    assert!(
        err.contains("zed@example.org") && !err.contains("warning"),
        "{err}"
    );
}

#[test]
fn openpgp_expired_recipient_only_with_trust_any() {
    let gpg = Gpg::new();
    let dave = gpg.generate_expiring("Dave", "dave@example.org", "59d");
    let env = Env::new();
    // Our own key, made before the pin below.
    env.expect(
        &[
            "--at",
            "2026-01-01T00:00:00Z",
            "keyring",
            "generate",
            "--openpgp",
            "--email",
            "alice@example.org",
            "--name",
            "Alice",
        ],
        b"",
        0,
    );
    env.import(&write(
        env.dir.path(),
        "dave.asc",
        &gpg.export("dave@example.org"),
    ));
    env.expect(
        &[
            "--at",
            "2026-02-01T00:00:00Z",
            "trust",
            "pin",
            &dave,
            "--email",
            "dave@example.org",
        ],
        b"",
        0,
    );
    let msg = message("alice@example.org", "dave@example.org", "r", "secret");
    // On 2026-02-01 the key is alive and pinned.
    let (code, out, err) = encrypt(
        &env,
        &["--at", "2026-02-01T00:00:00Z", "--openpgp", "--no-self"],
        &msg,
    );
    assert_eq!(code, 0, "{err}");
    assert!(contains(&out, b"application/pgp-encrypted"));
    // On 2026-06-01 (AT) it has expired: refused, then taken on request.
    let err = refused(&env, &["--openpgp", "--no-self"], &msg);
    assert!(
        err.contains("dave@example.org") || err.contains(&dave),
        "{err}"
    );
    assert!(err.contains("expired"), "{err}");
    let (code, out, err) = encrypt(&env, &["--openpgp", "--no-self", "--trust-any"], &msg);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning"), "{err}");
    // gpg, whose clock is before the expiry, decrypts it.
    let text = String::from_utf8_lossy(&out).into_owned();
    let start = text.find("-----BEGIN PGP MESSAGE-----").unwrap();
    let end = text.find("-----END PGP MESSAGE-----").unwrap() + 25;
    let armored = write(env.dir.path(), "m.asc", &text.as_bytes()[start..end]);
    let plain = gpg.run(&["--decrypt", s(&armored)]).stdout;
    assert!(contains(&plain, b"secret"));
    // Once revoked (key compromised), not even --trust-any uses it, at
    // any time.
    let revocation = gpg.revoke_at(&dave, 1, "20260115T000000");
    env.import(&write(env.dir.path(), "dave-rev.asc", &revocation));
    for at in [&["--at", "2026-02-01T00:00:00Z"][..], &[]] {
        let mut args = at.to_vec();
        args.extend(["--openpgp", "--no-self", "--trust-any"]);
        let err = refused(&env, &args, &msg);
        assert!(err.contains("revoked"), "{err}");
    }
}
