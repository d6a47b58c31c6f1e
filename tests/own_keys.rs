//! Own keys that are revoked or expired (issue 13, finding 9): they never
//! certify, pin or sign; pins and roots resting on a key revoked later
//! stop counting from the revocation (a compromised key's altogether),
//! and `trust check` says so.
//!
//! OpenPGP keys, signatures and revocation certificates come from `gpg`
//! with a faked clock: every key is made on 2026-01-01, alice signs then,
//! and revocations are dated 2026-03-01. S/MIME certificates and CRLs come
//! from `openssl ca`.

mod common;

use std::process::Output;

use common::gpg::Gpg;
use common::pgp_mime::*;
use common::*;

/// When the pins are made: the keys are a month old, nothing is revoked.
const PINNED: &str = "2026-02-01T00:00:00Z";
/// After the pins, before the revocations.
const BEFORE_REVOCATION: &str = "2026-02-15T00:00:00Z";
/// gpg's clock when a revocation certificate is made.
const REVOKED: &str = "20260301T000000!";
/// gpg's menu numbers for the reason of a revocation.
const COMPROMISED: u8 = 1;
const SUPERSEDED: u8 = 2;

/// A gpg home with our own key ("Me") and alice's; our keyring holds our
/// secret key and alice's certificate.
struct Mine {
    gpg: Gpg,
    env: Env,
    me: String,
    alice: String,
}

fn mine() -> Mine {
    mine_expiring("never")
}

/// [`mine`] with our own key expiring as gpg's `expire` argument says.
fn mine_expiring(expire: &str) -> Mine {
    let gpg = Gpg::new();
    let me = gpg.generate_expiring("Me", "me@example.org", expire);
    let alice = gpg.generate("Alice", "alice@example.org");
    let env = Env::new();
    let d = env.dir.path();
    env.import(&write(d, "me.asc", &gpg.export_secret("me@example.org")));
    env.import(&write(d, "alice.asc", &gpg.export("alice@example.org")));
    Mine {
        gpg,
        env,
        me,
        alice,
    }
}

impl Mine {
    /// Imports a revocation of our own key made on 2026-03-01.
    fn revoke_me(&self, reason: u8) {
        let revocation = self.gpg.revoke_at(&self.me, reason, REVOKED);
        self.env
            .import(&write(self.env.dir.path(), "me-rev.asc", &revocation));
    }

    /// `trust pin ALICE --email alice@example.org` at `at`.
    fn pin_alice(&self, at: &str) -> Output {
        self.env.run(
            &[
                "--at",
                at,
                "trust",
                "pin",
                &self.alice,
                "--email",
                "alice@example.org",
            ],
            b"",
        )
    }

    /// A PGP/MIME message alice signed on 2026-01-01.
    fn alice_signed(&self) -> Vec<u8> {
        signed_by(&self.gpg, &self.env, "alice@example.org")
    }

    /// `--json trust check alice@example.org` at `at`: the row and the
    /// exit code, and the human text.
    fn check_alice(&self, at: &str) -> (serde_json::Value, i32, String) {
        check(&self.env, "alice@example.org", at)
    }
}

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nSigned long ago.\r\n";

/// A PGP/MIME message `who` signed in gpg on 2026-01-01.
fn signed_by(gpg: &Gpg, env: &Env, who: &str) -> Vec<u8> {
    let data = write(env.dir.path(), "entity.txt", ENTITY);
    let sig = gpg.sign(&["--armor", "--detach-sign"], who, &data);
    pgp_mime_signed(who, ENTITY, &sig, "pgp-sha256")
}

/// `trust check ID` at `at`: the JSON row of the OpenPGP binding, the
/// exit code, and the human text.
fn check(env: &Env, id: &str, at: &str) -> (serde_json::Value, i32, String) {
    let out = env.run(&["--at", at, "--json", "trust", "check", id], b"");
    let row = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["protocol"] == "openpgp")
        .unwrap_or_else(|| panic!("no OpenPGP row: {}", String::from_utf8_lossy(&out.stderr)));
    let text = env.run(&["--at", at, "trust", "check", id], b"");
    (
        row,
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&text.stdout).into_owned(),
    )
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn fail_pin_with_a_revoked_own_key_certifies_nothing() {
    let m = mine();
    m.revoke_me(COMPROMISED);
    let before = m
        .env
        .expect(&["keyring", "export", "alice@example.org"], b"", 0);
    let out = m.pin_alice(AT);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&m.me), "names the key: {err}");
    assert!(
        err.contains("revoked since 2026-03-01") && err.contains("compromised"),
        "{err}"
    );
    assert!(err.contains("keyring generate"), "a hint: {err}");
    // Nothing certified, nothing pinned: alice's binding is still not
    // valid, and her mail is not trusted.
    let (row, code, _) = m.check_alice(AT);
    assert_eq!(code, 3, "{row}");
    assert_eq!(row["trust"]["level"], "none", "{row}");
    let (v, code) = m.env.verdict(&m.alice_signed());
    assert_eq!(code, 3, "{v}");
    let after = m
        .env
        .expect(&["keyring", "export", "alice@example.org"], b"", 0);
    assert_eq!(before, after);
}

#[test]
fn fail_pin_with_an_expired_own_key() {
    // Our key lives 59 days: 2026-01-01 to 2026-03-01.
    let m = mine_expiring("59d");
    let out = m.pin_alice(AT);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&m.me) && err.contains("expired on 2026-03-01"),
        "{err}"
    );
    assert_eq!(m.check_alice(AT).1, 3);
    // While it lived, it pins.
    let out = m.pin_alice(PINNED);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn fail_pin_by_a_compromised_own_key_counts_at_no_time() {
    let m = mine();
    let out = m.pin_alice(PINNED);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let signed = m.alice_signed();
    let (v, code) = m.env.verdict(&signed);
    assert_eq!(code, 0, "pinned: {v}");
    assert_eq!(v["signatures"][0]["trust"]["basis"], "pinned");

    m.revoke_me(COMPROMISED);
    for at in [AT, BEFORE_REVOCATION] {
        let (v, code) = m.env.verdict_at(&signed, at);
        assert_eq!(code, 3, "at {at}: {v}");
        assert_eq!(v["verdict"], "untrusted", "{v}");
        let (row, code, text) = m.check_alice(at);
        assert_eq!(code, 3, "at {at}: {row}");
        assert_eq!(row["trust"]["level"], "none");
        let why = format!(
            "your key {} that certified this binding is revoked since 2026-03-01",
            m.me
        );
        assert!(
            text.contains(&why) && text.contains("compromised"),
            "{text}"
        );
        let reason = v["signatures"][0]["trust"]["reason"]
            .as_str()
            .unwrap_or_default();
        assert!(reason.contains(&why), "{reason}");
    }
}

#[test]
fn pin_by_a_superseded_own_key_counts_before_the_revocation_only() {
    let m = mine();
    let out = m.pin_alice(PINNED);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    m.revoke_me(SUPERSEDED);
    let signed = m.alice_signed();

    // Judged before the revocation, the pin counts, on the shortcut
    // (verify) and in the full web of trust (trust check) alike.
    let (v, code) = m.env.verdict_at(&signed, BEFORE_REVOCATION);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["signatures"][0]["trust"]["basis"], "pinned");
    let (row, code, _) = m.check_alice(BEFORE_REVOCATION);
    assert_eq!(code, 0, "{row}");
    assert_eq!(row["trust"]["basis"], "pinned");

    // From the revocation on, it does not, even for mail signed before.
    let (v, code) = m.env.verdict(&signed);
    assert_eq!(code, 3, "{v}");
    let (row, code, text) = m.check_alice(AT);
    assert_eq!(code, 3, "{row}");
    let why = format!(
        "your key {} that certified this binding is revoked since 2026-03-01",
        m.me
    );
    assert!(text.contains(&why) && text.contains("superseded"), "{text}");
}

#[test]
fn fail_encrypt_to_pins_of_a_revoked_own_key_after_they_were_kept() {
    // Enough pinned correspondents that their judgements are kept in the
    // keyring for later runs.
    let m = mine();
    let people: Vec<String> = (0..8).map(|i| format!("p{i}@example.org")).collect();
    for p in &people {
        m.gpg.generate("Pinned", p);
        let path = write(m.env.dir.path(), "p.asc", &m.gpg.export(p));
        m.env.import(&path);
        let fpr = m.gpg.fingerprint(p);
        m.env
            .expect(&["--at", PINNED, "trust", "pin", &fpr], b"", 0);
    }
    let mut args = vec!["encrypt", "--openpgp", "--no-self"];
    for p in &people {
        args.extend(["-r", p.as_str()]);
    }
    let msg = message("me@example.org", "p0@example.org", "kept", "x");
    m.env.expect(&args, &msg, 0);
    let kept: i64 = rusqlite::Connection::open(m.env.keyring().join("keyring.sqlite"))
        .unwrap()
        .query_row("SELECT count(*) FROM pgp_recipients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 8, "the judgements were kept");

    m.revoke_me(COMPROMISED);
    let err = m.env.refused(&args, &msg, 2);
    assert!(err.contains("p0@example.org"), "{err}");
}

#[test]
fn fail_sign_with_a_revoked_own_openpgp_key() {
    let m = mine();
    m.revoke_me(COMPROMISED);
    let msg = message("me@example.org", "alice@example.org", "signed", "x");
    let out_file = m.env.path("signed.eml");
    let out_arg = out_file.to_str().unwrap();
    for args in [
        vec!["sign", "--openpgp", "-o", out_arg],
        vec!["sign", "-o", out_arg],
        vec![
            "encrypt",
            "--sign",
            "--trust-any",
            "-r",
            "alice@example.org",
            "-o",
            out_arg,
        ],
    ] {
        let err = m.env.refused(&args, &msg, 2);
        assert!(
            err.contains(&m.me) && err.contains("revoked since 2026-03-01"),
            "{args:?}: {err}"
        );
        assert!(!out_file.exists(), "{args:?} wrote a message");
    }
}

#[test]
fn fail_sign_with_a_revoked_own_key_whose_signing_subkey_is_not() {
    // The primary key only certifies; a subkey signs. Revoking the
    // certificate revokes every key of it, whatever each key's own
    // binding says.
    let gpg = Gpg::new();
    gpg.run(&[
        "--quick-gen-key",
        "Me <me@example.org>",
        "ed25519",
        "cert",
        "never",
    ]);
    let me = gpg.fingerprint("me@example.org");
    gpg.run(&["--quick-add-key", &me, "ed25519", "sign", "never"]);
    gpg.run(&["--quick-add-key", &me, "cv25519", "encr", "never"]);
    let env = Env::new();
    let d = env.dir.path();
    env.import(&write(d, "me.asc", &gpg.export_secret("me@example.org")));
    let msg = message("me@example.org", "alice@example.org", "signed", "x");
    env.expect(&["sign", "--openpgp"], &msg, 0);
    let revocation = gpg.revoke_at(&me, COMPROMISED, REVOKED);
    env.import(&write(d, "me-rev.asc", &revocation));
    let err = env.refused(&["sign", "--openpgp"], &msg, 2);
    assert!(
        err.contains(&me) && err.contains("revoked since 2026-03-01"),
        "{err}"
    );
}

#[test]
fn fail_sign_with_an_expired_own_openpgp_key() {
    let m = mine_expiring("59d");
    let msg = message("me@example.org", "alice@example.org", "signed", "x");
    let err = m.env.refused(&["sign", "--openpgp"], &msg, 2);
    assert!(
        err.contains(&m.me) && err.contains("expired on 2026-03-01"),
        "{err}"
    );
    // While it lived, it signs.
    m.env
        .expect(&["--at", PINNED, "sign", "--openpgp"], &msg, 0);
}

#[test]
fn fail_sign_with_an_expired_own_smime_certificate() {
    let env = Env::new();
    let pki = Pki::new("Own CA");
    let me = pki.user(
        "me@example.org",
        CertOpts {
            start: "20260101000000Z",
            end: "20260301000000Z",
            ..CertOpts::default()
        },
    );
    env.import(&me.p12);
    let msg = message("me@example.org", "alice@example.org", "signed", "x");
    let out_file = env.path("signed.eml");
    let err = env.refused(
        &["sign", "--smime", "-o", out_file.to_str().unwrap()],
        &msg,
        2,
    );
    assert!(err.contains("expired on 2026-03-01"), "{err}");
    assert!(err.contains("keyring generate"), "a hint: {err}");
    assert!(!out_file.exists());
    env.expect(&["--at", PINNED, "sign", "--smime"], &msg, 0);
}

#[test]
fn fail_sign_with_an_own_smime_certificate_revoked_by_an_imported_crl() {
    let w = world("Own CA");
    // The CRL's revocation is dated now (the real clock); judge after it.
    let later = "2027-12-01T00:00:00Z";
    let msg = message("alice@example.org", "bob@example.org", "signed", "x");
    w.env.expect(&["--at", later, "sign", "--smime"], &msg, 0);
    w.env.import(&w.pki.revoke(&w.alice));
    let err = w.env.refused(&["--at", later, "sign", "--smime"], &msg, 2);
    assert!(err.contains("revoked"), "{err}");
    // bob's certificate is not revoked and still signs.
    let msg = message("bob@example.org", "alice@example.org", "signed", "x");
    w.env.expect(&["--at", later, "sign", "--smime"], &msg, 0);
}

#[test]
fn a_root_retired_later_stops_vouching_from_its_revocation() {
    // carol certified alice on 2026-01-01; we made carol a full root.
    let gpg = Gpg::new();
    let carol = gpg.generate("Carol", "carol@example.org");
    let alice = gpg.generate("Alice", "alice@example.org");
    gpg.run(&["-u", &carol, "--quick-sign-key", &alice]);
    let env = Env::new();
    let d = env.dir.path();
    env.import(&write(d, "carol.asc", &gpg.export("carol@example.org")));
    env.import(&write(d, "alice.asc", &gpg.export("alice@example.org")));
    env.expect(&["trust", "root", &carol], b"", 0);
    let (row, code, _) = check(&env, "alice@example.org", AT);
    assert_eq!(code, 0, "{row}");
    assert_eq!(row["trust"]["basis"], "web-of-trust");

    let revocation = gpg.revoke_at(&carol, SUPERSEDED, REVOKED);
    env.import(&write(d, "carol-rev.asc", &revocation));
    let signed = signed_by(&gpg, &env, "alice@example.org");
    let (v, code) = env.verdict_at(&signed, BEFORE_REVOCATION);
    assert_eq!(code, 0, "before the revocation: {v}");
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 3, "after the revocation: {v}");
    let (row, code, text) = check(&env, "alice@example.org", AT);
    assert_eq!(code, 3, "{row}");
    let why = format!(
        "your web-of-trust root {carol} that certified this binding is revoked since 2026-03-01"
    );
    assert!(text.contains(&why), "{text}");
}
