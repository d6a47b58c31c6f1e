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

/// The armored OpenPGP message inside a PGP/MIME message, as a file.
fn armored_part(env: &Env, name: &str, mime: &[u8]) -> std::path::PathBuf {
    let text = String::from_utf8_lossy(mime).into_owned();
    let start = text.find("-----BEGIN PGP MESSAGE-----").unwrap();
    let end = text.find("-----END PGP MESSAGE-----").unwrap() + 25;
    write(env.dir.path(), name, &text.as_bytes()[start..end])
}

/// The key IDs gpg sees public-key encrypted session key packets for.
fn pkesk_key_ids(gpg: &Gpg, armored: &std::path::Path) -> Vec<String> {
    let out = gpg.run_with(&["--list-packets", s(armored)], b"");
    let mut ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split("keyid ").nth(1))
        .map(|id| id.trim().to_string())
        .collect();
    ids.sort();
    ids
}

/// Rows of judged recipients the keyring keeps between runs.
fn judged_rows(env: &Env) -> i64 {
    let db = rusqlite::Connection::open(env.keyring().join("keyring.sqlite")).unwrap();
    db.query_row("SELECT count(*) FROM pgp_recipients", [], |r| r.get(0))
        .unwrap()
}

/// Encrypting to many OpenPGP recipients keeps their judgements for the
/// next run, which encrypts to the same keys without parsing a
/// certificate; and a judgement is never used once it could be wrong:
/// the reference time passes a key's expiry, a root is taken back or
/// weakened, a revocation is imported.
#[test]
fn openpgp_judgements_kept_between_runs_and_dropped_when_stale() {
    let gpg = Gpg::new();
    let env = Env::new();
    let mut fingerprints = Vec::new();
    let mut to = Vec::new();
    for i in 0..9 {
        let email = format!("r{i}@example.org");
        // r4's keys expire on 2026-07-20 (200 days after gpg's clock).
        let expire = if i == 4 { "200d" } else { "never" };
        fingerprints.push(gpg.generate_expiring(&format!("R{i}"), &email, expire));
        let file = write(env.dir.path(), &format!("r{i}.asc"), &gpg.export(&email));
        env.import(&file);
        to.push(email);
    }
    // r8 by a pin (certified with our own key), the others as full
    // web-of-trust roots.
    env.generate_pgp("Alice", "alice@example.org");
    for (i, fpr) in fingerprints.iter().enumerate() {
        let args: Vec<&str> = match i {
            8 => vec!["trust", "pin", fpr, "--email", "r8@example.org"],
            _ => vec!["trust", "root", fpr],
        };
        env.expect(&args, b"", 0);
    }
    let msg = message("alice@example.org", &to.join(", "), "many", "for all nine");
    let before_expiry = ["--at", "2026-07-19T12:00:00Z", "--openpgp", "--no-self"];
    assert_eq!(judged_rows(&env), 0);
    let encrypted = || {
        let (code, out, err) = encrypt(&env, &before_expiry, &msg);
        assert_eq!(code, 0, "{err}");
        out
    };
    let first = encrypted();
    assert_eq!(judged_rows(&env), 9, "one judgement per recipient kept");
    let second = encrypted();
    // The same keys, all nine of them, and gpg reads what the kept
    // judgements made.
    let (a, b) = (
        armored_part(&env, "first.asc", &first),
        armored_part(&env, "second.asc", &second),
    );
    let ids = pkesk_key_ids(&gpg, &b);
    assert_eq!(ids.len(), 9, "{ids:?}");
    assert_eq!(ids, pkesk_key_ids(&gpg, &a));
    let plain = gpg.run(&["--decrypt", s(&b)]).stdout;
    assert!(contains(&plain, b"for all nine"));
    // That run took the keys from the kept rows, not from the
    // certificates: a row changed behind its back (r0's keys replaced by
    // r1's) shows in what it makes, until the row is gone.
    let db = rusqlite::Connection::open(env.keyring().join("keyring.sqlite")).unwrap();
    db.execute(
        "UPDATE pgp_recipients SET keys = (SELECT keys FROM pgp_recipients \
         WHERE email = 'r1@example.org') WHERE email = 'r0@example.org'",
        [],
    )
    .unwrap();
    let changed = armored_part(&env, "changed.asc", &encrypted());
    assert_ne!(pkesk_key_ids(&gpg, &changed), ids);
    db.execute(
        "DELETE FROM pgp_recipients WHERE email = 'r0@example.org'",
        [],
    )
    .unwrap();
    let again = armored_part(&env, "again.asc", &encrypted());
    assert_eq!(pkesk_key_ids(&gpg, &again), ids);
    // Judged again; one new judgement alone is not worth a write.
    assert_eq!(judged_rows(&env), 8);
    // Six hours after r4's keys expired, whatever was kept the day
    // before: refused, and for that reason.
    let err = refused(
        &env,
        &["--at", "2026-07-20T06:00:00Z", "--openpgp", "--no-self"],
        &msg,
    );
    assert!(
        err.contains("r4@example.org") && err.contains("expired"),
        "{err}"
    );
    // Trust is decided afresh each run: a root taken back, or weakened,
    // no longer counts.
    for change in [&["--remove"][..], &["--amount", "60"]] {
        let mut args = vec!["trust", "root", &fingerprints[1]];
        args.extend_from_slice(change);
        env.expect(&args, b"", 0);
        let err = refused(&env, &before_expiry, &msg);
        assert!(
            err.contains("r1@example.org") && err.contains("not fully valid"),
            "{err}"
        );
    }
    env.expect(&["trust", "root", &fingerprints[1]], b"", 0);
    encrypted();
    // Importing a revocation replaces the certificate and drops what was
    // judged of it.
    gpg.revoke(&fingerprints[2]);
    let revoked = write(env.dir.path(), "r2-rev.asc", &gpg.export("r2@example.org"));
    env.import(&revoked);
    assert_eq!(judged_rows(&env), 7);
    let err = refused(&env, &before_expiry, &msg);
    assert!(
        err.contains("r2@example.org") && err.contains("revoked"),
        "{err}"
    );
}

/// The fingerprint of the one certificate the keyring holds for `email`.
fn x509_fingerprint(db: &rusqlite::Connection, email: &str) -> String {
    db.query_row(
        "SELECT fingerprint FROM x509_emails WHERE email = ?1",
        [email],
        |r| r.get(0),
    )
    .unwrap()
}

/// Whether `openssl cms -decrypt` opens `file` as `user` and finds `text`.
fn cms_decrypts(file: &std::path::Path, user: &User, text: &[u8]) -> bool {
    let out = std::process::Command::new("openssl")
        .args(["cms", "-decrypt", "-in", s(file)])
        .args(["-recip", s(&user.cert), "-inkey", s(&user.key)])
        .output()
        .unwrap();
    out.status.success() && contains(&out.stdout, text)
}

/// Encrypting to many S/MIME recipients a second time takes their keys
/// from what the keyring keeps beside each certificate, once their trust
/// decisions are stored, and openssl reads the result; and that is never
/// used once it could be wrong: the reference time past a certificate's
/// end, a revocation imported, the anchor taken away.
#[test]
fn smime_kept_recipients_used_only_while_decided() {
    let w = world("Kept CA");
    // r4's certificate ends on 2026-09-01.
    let users: Vec<User> = (0..9)
        .map(|i| {
            let opts = CertOpts {
                end: if i == 4 {
                    "20260901000000Z"
                } else {
                    "20280101000000Z"
                },
                ..CertOpts::default()
            };
            w.pki.user(&format!("r{i}@example.org"), opts)
        })
        .collect();
    for u in &users {
        w.env.import(&u.cert);
    }
    let to: Vec<&str> = users.iter().map(|u| u.email.as_str()).collect();
    let msg = message("alice@example.org", &to.join(", "), "many", "for all nine");
    let args = ["--smime", "--no-self"];
    let encrypted = |name: &str| {
        let (code, out, err) = encrypt(&w.env, &args, &msg);
        assert_eq!(code, 0, "{err}");
        write(w.env.dir.path(), name, &out)
    };
    let text = b"for all nine";
    let first = encrypted("first.eml");
    let second = encrypted("second.eml");
    for u in &users {
        assert!(cms_decrypts(&first, u, text), "{}", u.email);
        assert!(cms_decrypts(&second, u, text), "{}", u.email);
    }
    // The second run took r0's key from its kept row, not from its
    // certificate: the row changed behind its back (r1's key in it) shows
    // in what it makes, until the row is gone.
    let db = rusqlite::Connection::open(w.env.keyring().join("keyring.sqlite")).unwrap();
    let (r0, r1) = (
        x509_fingerprint(&db, "r0@example.org"),
        x509_fingerprint(&db, "r1@example.org"),
    );
    let changed = db
        .execute(
            "UPDATE x509_recipients SET spki = (SELECT spki FROM x509_recipients \
             WHERE fingerprint = ?2) WHERE fingerprint = ?1",
            [&r0, &r1],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let wrong = encrypted("changed.eml");
    assert!(!cms_decrypts(&wrong, &users[0], text));
    assert!(cms_decrypts(&wrong, &users[1], text));
    db.execute("DELETE FROM x509_recipients WHERE fingerprint = ?1", [&r0])
        .unwrap();
    assert!(cms_decrypts(&encrypted("again.eml"), &users[0], text));
    // A day after r4's certificate ended: refused, and for that reason.
    let late = ["--at", "2026-09-02T00:00:00Z", "--smime", "--no-self"];
    let err = refused(&w.env, &late, &msg);
    assert!(
        err.contains("r4@example.org") && err.contains("expired"),
        "{err}"
    );
    // A revocation imported: r2 is refused, the others still taken.
    w.env.import(&w.pki.revoke(&users[2]));
    let err = refused(&w.env, &args, &msg);
    assert!(
        err.contains("r2@example.org") && err.contains("revoked") && !err.contains("r3@"),
        "{err}"
    );
    // Without the anchor nobody is fully valid any more: one line says
    // so for all of them.
    w.env
        .expect(&["trust", "anchor", "remove", "Kept CA"], b"", 0);
    let err = refused(&w.env, &args, &msg);
    assert!(
        err.contains("9 recipients: certificate not trusted") && err.contains("r0@example.org"),
        "{err}"
    );
}

/// A large message to many S/MIME recipients, read from a file and from
/// standard input, and with a thread pool of one thread (the content
/// sealed on the pool while the recipients are chosen, the pool helping
/// wrap the key), and a small one to a few (all on one thread): openssl
/// decrypts each for every recipient, and a missing recipient among many
/// still refuses the whole message.
#[test]
fn smime_large_and_small_messages_to_many_and_few_recipients() {
    let w = world("Many CA");
    let users = w.users("m", 20);
    let to: Vec<&str> = users.iter().map(|u| u.email.as_str()).collect();
    let line = "a line of the large message, the same again and again\n";
    let large = message(
        "alice@example.org",
        &to.join(", "),
        "large",
        &line.repeat(6000),
    );
    assert!(large.len() > 300 * 1024);
    let dir = w.env.dir.path();
    let input = write(dir, "large-in.eml", &large);
    let out = w.env.run(
        &[
            "encrypt",
            "--smime",
            "--no-self",
            "-o",
            s(&dir.join("from-file.eml")),
            s(&input),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, piped, err) = encrypt(&w.env, &["--smime", "--no-self"], &large);
    assert_eq!(code, 0, "{err}");
    let piped = write(dir, "from-stdin.eml", &piped);
    // A thread pool of one thread (one core) seals and wraps as well.
    let mut one = w.env.cmd();
    one.env("RAYON_NUM_THREADS", "1")
        .args(["--at", AT, "encrypt", "--smime", "--no-self"]);
    let out = w.env.run_cmd(&mut one, &large);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let single = write(dir, "one-thread.eml", &out.stdout);
    let text = line.repeat(3).replace('\n', "\r\n");
    for u in &users {
        for file in [dir.join("from-file.eml"), piped.clone(), single.clone()] {
            assert!(
                cms_decrypts(&file, u, text.as_bytes()),
                "{} {file:?}",
                u.email
            );
        }
    }
    let small = message("alice@example.org", &to[..3].join(", "), "small", "short");
    let (code, out, err) = encrypt(&w.env, &["--smime", "--no-self"], &small);
    assert_eq!(code, 0, "{err}");
    let small_out = write(dir, "small.eml", &out);
    for u in &users[..3] {
        assert!(cms_decrypts(&small_out, u, b"short"), "{}", u.email);
    }
    assert!(!cms_decrypts(&small_out, &users[3], b"short"));
    let with_stranger = message(
        "alice@example.org",
        &format!("{}, nobody@example.org", to.join(", ")),
        "stranger",
        &line.repeat(6000),
    );
    let err = refused(&w.env, &["--smime", "--no-self"], &with_stranger);
    assert!(err.contains("nobody@example.org"), "{err}");
}
