//! Class 8, weak digests: a data signature made with SHA-1 or MD5 can be
//! transplanted onto another document through a collision, so it is
//! never trusted, in either protocol (one policy, Sequoia's standard
//! policy): exit 3 with the reason "weak digest", whatever the signer's
//! validity. Inputs: `openssl cms -sign -md sha1` and `-md md5`
//! (detached and opaque), `gpg --digest-algo SHA1` (PGP/MIME and
//! cleartext); SHA-256 from the same peers as controls.

use super::support::*;
use crate::common::*;

const ENTITY: &[u8] = b"Content-Type: text/plain\r\n\r\nTransfer 100 EUR to account 1.\r\n";

fn assert_weak(case: &str, c: &Checked, digest: &str) {
    let sig = &c.sigs()[0];
    assert_eq!(sig["weak_digest"], true, "{case}: {}", c.v);
    assert_eq!(sig["digest"], digest, "{case}: {}", c.v);
    let reason = sig["reason"].as_str().unwrap_or_default();
    assert!(reason.starts_with("weak digest"), "{case}: {reason}");
}

#[test]
fn smime_sha1_and_md5_signatures_from_openssl_are_never_trusted() {
    let f = smime();
    let env = f.env();
    let head = outer_at("alice@example.org", "digest", &now_date());
    // SHA-1 is computed and the signature checked (a changed text is
    // bad); MD5 is not even computed: the signature cannot be checked.
    for (md, name, status) in [("sha1", "SHA-1", "good"), ("md5", "MD5", "error")] {
        let sig = f.openssl_sign(ENTITY, &[&f.w.alice], &["-md", md]);
        let msg = smime_signed(&head, ENTITY, &sig);
        let c = expect(
            &format!("detached {md}"),
            env,
            &msg,
            3,
            "untrusted",
            &[status],
        );
        assert_weak(md, &c, name);
        let report = human(env, &msg);
        assert!(report.contains("weak digest"), "{md}: {report}");
        if status == "good" {
            assert_eq!(c.sigs()[0]["trust"]["level"], "full", "the signer is valid");
            assert!(
                report.contains("NOT trusted: weak digest"),
                "{md}: {report}"
            );
        }

        let der = f.openssl_sign(ENTITY, &[&f.w.alice], &["-md", md, "-nodetach"]);
        let c = expect(
            &format!("opaque {md}"),
            env,
            &pkcs7(&head, "signed-data", &der),
            3,
            "untrusted",
            &[status],
        );
        assert_weak(md, &c, name);
    }
    // A changed text is still bad, weak digest or not.
    let sig = f.openssl_sign(ENTITY, &[&f.w.alice], &["-md", "sha1"]);
    let changed = replace_once(ENTITY, b"100", b"900");
    let msg = smime_signed(&head, &changed, &sig);
    expect("changed sha1", env, &msg, 1, "bad", &["bad"]);
    let sig = f.openssl_sign(ENTITY, &[&f.w.alice], &[]);
    let c = expect(
        "control: SHA-256",
        env,
        &smime_signed(&head, ENTITY, &sig),
        0,
        "trusted",
        &["good"],
    );
    assert_eq!(c.sigs()[0]["digest"], "SHA-256");
    assert!(c.sigs()[0].get("weak_digest").is_none(), "{}", c.v);
}

#[test]
fn openpgp_sha1_signatures_from_gpg_are_never_trusted() {
    let gw = gpg_world();
    let env = &gw.bob;
    let head = outer_at("alice@example.org", "pgp-digest", GPG_DATE);
    let input = write(env.dir.path(), "entity", ENTITY);
    let detached = |extra: &[&str]| {
        let mut how = vec!["--detach-sign", "--armor"];
        how.extend_from_slice(extra);
        gw.gpg.sign(&how, "alice@example.org", &input)
    };
    let weak = pgp_signed(&head, ENTITY, &detached(&["--digest-algo", "SHA1"]));
    let c = expect("PGP/MIME SHA-1", env, &weak, 3, "untrusted", &["error"]);
    assert_weak("PGP/MIME SHA-1", &c, "SHA-1");
    let report = human(env, &weak);
    assert!(report.contains("weak digest"), "{report}");

    let text = write(env.dir.path(), "text", b"Transfer 100 EUR to account 1.\n");
    let clear = gw.gpg.sign(
        &["--clearsign", "--digest-algo", "SHA1"],
        "alice@example.org",
        &text,
    );
    let inline = [
        head.as_bytes(),
        b"Content-Type: text/plain\r\n\r\n",
        &to_crlf(&clear),
    ]
    .concat();
    let c = expect("cleartext SHA-1", env, &inline, 3, "untrusted", &["error"]);
    assert_weak("cleartext SHA-1", &c, "SHA-1");

    let good = pgp_signed(&head, ENTITY, &detached(&["--digest-algo", "SHA256"]));
    let c = expect("control: SHA-256", env, &good, 0, "trusted", &["good"]);
    assert_eq!(c.sigs()[0]["digest"], "SHA-256");
}
