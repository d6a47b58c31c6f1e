//! Class 7, layers: a signature around a signed message (a list, a
//! gateway, an attacker re-signing), a signature around an encrypted one
//! (encrypt-then-sign), in one protocol or across both. Every layer is
//! peeled and each signature reported with its layer; the innermost
//! signature layer is the author's and must be the From address; outer
//! signers are "also signed by". A bad layer anywhere is exit 1, an
//! untrusted one at most 3; `decrypt` opens an encrypted entity under
//! signature layers and judges them too. Inputs: `openssl cms -sign`
//! (detached and `-nodetach`) around messages signed by `mailseal sign`
//! and `openssl cms -sign`, `openssl cms -encrypt`, `mailseal sign
//! --openpgp` around `mailseal encrypt --openpgp --sign`, and MIME
//! surgery.

use serde_json::Value;

use super::support::*;
use crate::common::*;

/// (layer, role, status) of each signature, outermost first.
fn layers(c: &Checked) -> Vec<(u64, String, String)> {
    c.sigs()
        .iter()
        .map(|s| {
            (
                s["layer"].as_u64().unwrap_or(99),
                s["role"].as_str().unwrap_or("?").to_string(),
                s["status"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

fn l(layer: u64, role: &str, status: &str) -> (u64, String, String) {
    (layer, role.to_string(), status.to_string())
}

/// The signature of `email` in a verdict.
fn sig_of<'a>(v: &'a Value, email: &str) -> &'a Value {
    v["signatures"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["signer"]["emails"][0] == email))
        .unwrap_or_else(|| panic!("no signature by {email}: {v}"))
}

/// The Date of a message whose author signed with mailseal at the tests'
/// reference time.
const AT_DATE: &str = "Mon, 01 Jun 2026 12:00:00 +0000";

/// mallory's (trusted for her own address) detached or opaque S/MIME
/// signature around `entity`, under From alice, dated `date` (the time
/// the author signed: the Date is the author's).
fn mallory_wraps(f: &Smime, entity: &[u8], opaque: bool, date: &str) -> Vec<u8> {
    let head = outer_at("alice@example.org", "wrapped", date);
    if opaque {
        let der = f.openssl_sign(entity, &[f.mallory()], &["-nodetach"]);
        pkcs7(&head, "signed-data", &der)
    } else {
        let der = f.openssl_sign(entity, &[f.mallory()], &[]);
        smime_signed(&head, entity, &der)
    }
}

#[test]
fn smime_signature_around_a_signed_message_reports_both_layers() {
    let f = smime();
    let env = f.env();
    for (inner_opaque, outer_opaque) in [(false, false), (true, false), (false, true), (true, true)]
    {
        let case = format!("inner opaque {inner_opaque}, outer opaque {outer_opaque}");
        let alice = f.sign(
            "alice@example.org",
            "alice@example.org",
            "Pay 100 EUR.",
            inner_opaque,
        );
        let msg = mallory_wraps(&f, &entity(&alice), outer_opaque, AT_DATE);
        let c = expect(
            &format!("{case}: good inside"),
            env,
            &msg,
            0,
            "trusted",
            &["good", "good"],
        );
        assert_eq!(
            layers(&c),
            [l(0, "also-signed", "good"), l(1, "author", "good")],
            "{case}: {}",
            c.v
        );
        assert_eq!(sig_of(&c.v, "alice@example.org")["sender_match"], true);
        let report = human(env, &msg);
        assert!(
            report.contains("[layer 0] Also signed by"),
            "{case}: {report}"
        );
        assert!(
            report.contains("[layer 1] Good signature from alice"),
            "{case}: {report}"
        );

        // alice's signature made bad before mallory signed around it.
        if !inner_opaque {
            let tampered = replace_once(&alice, b"Pay 100 EUR.", b"Pay 900 EUR.");
            let msg = mallory_wraps(&f, &entity(&tampered), outer_opaque, AT_DATE);
            let c = expect(
                &format!("{case}: bad inside"),
                env,
                &msg,
                1,
                "bad",
                &["good", "bad"],
            );
            assert_eq!(
                layers(&c),
                [l(0, "also-signed", "good"), l(1, "author", "bad")],
                "{case}: {}",
                c.v
            );
            let report = human(env, &msg);
            assert!(
                report.contains("BAD signature from alice"),
                "{case}: {report}"
            );
        }
    }
}

#[test]
fn smime_bad_or_untrusted_inner_signature_made_by_openssl_is_not_hidden() {
    let f = smime();
    let env = f.env();
    let inner_entity = b"Content-Type: text/plain\r\n\r\nThe contract is void.\r\n";
    // openssl signs as alice (trusted) and as eve (unknown CA).
    for (who, signer, code, verdict, inner_status) in [
        ("alice", &f.w.alice, 0, "trusted", "good"),
        ("eve", &f.eve, 3, "untrusted", "good"),
    ] {
        let sig = f.openssl_sign(inner_entity, &[signer], &[]);
        let inner = smime_signed_with("", inner_entity, &sig, "inner-b");
        // The From of these messages is alice's; eve's inner signature
        // then also is not the sender's.
        let msg = mallory_wraps(&f, &inner, false, &now_date());
        let c = expect(who, env, &msg, code, verdict, &["good", inner_status]);
        assert_eq!(c.sigs()[1]["role"], "author", "{who}: {}", c.v);
        assert_eq!(c.sigs()[1]["signer"]["emails"][0], signer.email.as_str());
    }
    // A byte of the signed text changed after openssl signed it.
    let sig = f.openssl_sign(inner_entity, &[&f.w.alice], &[]);
    let inner = smime_signed_with(
        "",
        &replace_once(inner_entity, b"void", b"good"),
        &sig,
        "inner-b",
    );
    let msg = mallory_wraps(&f, &inner, true, &now_date());
    let c = expect("changed inside", env, &msg, 1, "bad", &["good", "bad"]);
    assert_eq!(layers(&c)[1], l(1, "author", "bad"), "{}", c.v);
}

#[test]
fn untrusted_outer_signer_around_a_trusted_message_is_at_most_3() {
    let f = smime();
    let env = f.env();
    let alice = f.sign("alice@example.org", "alice@example.org", "Fine.", false);
    let der = f.openssl_sign(&entity(&alice), &[&f.eve], &[]);
    let msg = smime_signed(
        &outer("alice@example.org", "eve-wrap"),
        &entity(&alice),
        &der,
    );
    let c = expect(
        "eve around alice",
        env,
        &msg,
        3,
        "untrusted",
        &["good", "good"],
    );
    let eve = &c.sigs()[0];
    assert_eq!(eve["role"], "also-signed");
    assert_ne!(eve["trust"]["level"], "full");
    assert!(human(env, &msg).contains("Also signed by eve"));
}

#[test]
fn smime_encrypt_then_sign_is_decrypted_and_every_layer_judged() {
    let f = smime();
    let env = f.env();
    let d = env.dir.path();
    let alice = f.sign("alice@example.org", "alice@example.org", "Inside.", false);
    for (cipher, name) in [("-aes-256-gcm", "GCM"), ("-aes256", "CBC")] {
        let input = write(d, "inner.eml", &entity(&alice));
        let der = openssl_encrypt_der(&input, cipher, &f.w.bob.cert);
        let enveloped = pkcs7("", "enveloped-data", &der);
        let msg = mallory_wraps(&f, &enveloped, false, AT_DATE);

        // verify sees mallory's signature around ciphertext: she is the
        // innermost signer it can see, not the sender; it says to decrypt.
        let c = verify(env, &msg);
        assert_eq!(c.code, 3, "{name}: {}", c.v);
        assert_eq!(c.v["encrypted"], true, "{name}");
        assert!(c.v["hint"]
            .as_str()
            .unwrap_or("")
            .contains("mailseal decrypt"));
        let kinds: Vec<&str> = c.v["layers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["signed", "encrypted"], "{name}");

        // decrypt opens it (it said "nothing to decrypt" before) and
        // judges both: mallory also signed, alice is the author.
        let (code, v, written) = decrypt(env, &msg, &[]);
        assert_eq!(code, 0, "{name}: {v}");
        assert_eq!(v["signatures"][0]["role"], "also-signed", "{name}: {v}");
        assert_eq!(v["signatures"][1]["role"], "author", "{name}: {v}");
        assert_eq!(
            v["signatures"][1]["signer"]["emails"][0],
            "alice@example.org"
        );
        let written = written.expect("decrypted message written");
        assert!(contains(&written, b"Inside."), "{name}");
        assert!(contains(&written, b"application/pkcs7-signature"), "{name}");
    }

    // alice's inner signature broken before encryption: decrypt exits 1
    // and writes nothing.
    let bad = replace_once(&alice, b"Inside.", b"Inside!");
    let input = write(d, "inner.eml", &entity(&bad));
    let der = openssl_encrypt_der(&input, "-aes-256-gcm", &f.w.bob.cert);
    let msg = mallory_wraps(&f, &pkcs7("", "enveloped-data", &der), false, AT_DATE);
    let (code, v, written) = decrypt(env, &msg, &[]);
    assert_eq!(code, 1, "{v}");
    assert!(
        written.is_none(),
        "a message with a bad signature inside was written"
    );

    // CBC with nothing signed inside: mallory's outer signature does not
    // authenticate the ciphertext (she could have changed it and signed).
    let input = write(
        d,
        "inner.eml",
        b"Content-Type: text/plain\r\n\r\nUnsigned.\r\n",
    );
    let der = openssl_encrypt_der(&input, "-aes256", &f.w.bob.cert);
    let msg = mallory_wraps(&f, &pkcs7("", "enveloped-data", &der), false, &now_date());
    refuse_decrypt("CBC under an outer signature only", env, &msg, &[], 1);
}

#[test]
fn smime_signature_around_an_openpgp_signed_message() {
    let f = smime();
    let env = f.env();
    // alice's own OpenPGP key in the same keyring: both protocols' layers.
    env.expect(
        &[
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
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "mixed",
        "Both worlds.",
    );
    let pgp = env.expect(
        &["sign", "--openpgp", "--signer", "alice@example.org"],
        &msg,
        0,
    );
    let wrapped = mallory_wraps(&f, &entity(&pgp), false, AT_DATE);
    let c = expect(
        "S/MIME around PGP/MIME",
        env,
        &wrapped,
        0,
        "trusted",
        &["good", "good"],
    );
    let protocols: Vec<&str> = c.v["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["protocol"].as_str().unwrap())
        .collect();
    assert_eq!(protocols, ["smime", "openpgp"], "{}", c.v);
    assert_eq!(c.sigs()[1]["role"], "author");

    let tampered = replace_once(&pgp, b"Both worlds.", b"Both words.");
    let wrapped = mallory_wraps(&f, &entity(&tampered), false, AT_DATE);
    expect(
        "S/MIME around a bad PGP/MIME",
        env,
        &wrapped,
        1,
        "bad",
        &["good", "bad"],
    );
}

#[test]
fn openpgp_encrypt_then_sign_and_nested_openpgp_signatures() {
    let p = pgp();
    // alice signs and encrypts to bob; mallory signs around the result.
    let msg = message(
        "alice@example.org",
        "bob@example.org",
        "ets",
        "Sealed by alice.",
    );
    let sealed = p.alice.expect(
        &[
            "encrypt",
            "--openpgp",
            "--sign",
            "--trust-any",
            "-r",
            "bob@example.org",
            "--no-self",
        ],
        &msg,
        0,
    );
    let wrapped_msg = [
        outer("alice@example.org", "ets").as_bytes(),
        &entity(&sealed),
    ]
    .concat();
    let signed = p.mallory.expect(
        &["sign", "--openpgp", "--signer", "mallory@example.org"],
        &wrapped_msg,
        0,
    );
    let c = verify(&p.bob, &signed);
    assert_eq!(c.code, 3, "{}", c.v);
    assert_eq!(c.v["encrypted"], true);
    let (code, v, written) = decrypt(&p.bob, &signed, &[]);
    assert_eq!(code, 0, "{v}");
    let roles: Vec<(&str, &str)> = v["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["signer"]["emails"][0].as_str().unwrap(),
                s["role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("mallory@example.org", "also-signed"),
            ("alice@example.org", "author")
        ],
        "{v}"
    );
    assert!(contains(&written.unwrap(), b"Sealed by alice."));

    // mallory signs around alice's signed message whose text was changed:
    // the bad inner signature is reported and decides the verdict.
    let alice = Pgp::sign(&p.alice, "alice@example.org", "Original.");
    let changed = replace_once(&alice, b"Original.", b"Changed!!");
    let around = [
        outer("alice@example.org", "pgp-nested").as_bytes(),
        &entity(&changed),
    ]
    .concat();
    let resigned = p.mallory.expect(
        &["sign", "--openpgp", "--signer", "mallory@example.org"],
        &around,
        0,
    );
    let c = expect(
        "mallory around a bad alice",
        &p.bob,
        &resigned,
        1,
        "bad",
        &["good", "bad"],
    );
    assert_eq!(
        layers(&c),
        [l(0, "also-signed", "good"), l(1, "author", "bad")]
    );
}

#[test]
fn encrypted_messages_are_encrypted_not_unsigned_and_labels_do_not_decide() {
    let f = smime();
    let env = f.env();
    let msg = message("alice@example.org", "bob@example.org", "enc", "Secret.");
    let sealed = env.expect(&["encrypt", "--smime", "-r", "bob@example.org"], &msg, 0);
    let c = expect("S/MIME encrypted", env, &sealed, 4, "encrypted", &[]);
    assert!(c.v["hint"]
        .as_str()
        .unwrap_or("")
        .contains("mailseal decrypt"));
    assert!(human(env, &sealed).contains("decrypt it with `mailseal decrypt`"));

    let p = pgp();
    let sealed = p.alice.expect(
        &[
            "encrypt",
            "--openpgp",
            "--trust-any",
            "-r",
            "bob@example.org",
            "--no-self",
        ],
        &message("alice@example.org", "bob@example.org", "enc", "Secret."),
        0,
    );
    expect("OpenPGP encrypted", &p.bob, &sealed, 4, "encrypted", &[]);

    // multipart/encrypted whose "encrypted" part is only a signed
    // OpenPGP message (gpg --sign): it is what it holds, not what the
    // label says.
    let gw = gpg_world();
    let input = write(gw.bob.dir.path(), "note.txt", b"Not encrypted at all.\n");
    let signed = gw
        .gpg
        .sign(&["--sign", "--armor"], "alice@example.org", &input);
    let labelled = crate::common::pgp_mime::pgp_mime_encrypted("alice@example.org", &signed);
    let c = verify(&gw.bob, &labelled);
    assert_eq!(c.v["encrypted"], false, "{}", c.v);
    assert_eq!(
        (c.code, c.statuses()),
        (0, vec!["good".to_string()]),
        "{}",
        c.v
    );
    assert!(!human(&gw.bob, &labelled).contains("Encrypted"));
}

#[test]
fn smime_signature_around_gpg_signed_messages() {
    let gw = gpg_world();
    let env = &gw.bob;
    // A gateway with an S/MIME certificate under a CA bob trusts.
    let pki = Pki::new("Gateway CA");
    let gateway = pki.user("gateway@example.org", CertOpts::default());
    env.anchor(&pki.ca());
    env.import(&gateway.cert);
    let entity = b"Content-Type: text/plain\r\n\r\nMinutes of the board meeting.\r\n";
    let d = env.dir.path();
    let gateway_signs = |inner: &[u8], from: &str, opaque: bool| {
        let input = write(d, "gw-in.bin", inner);
        let mut args = vec!["-md", "sha256", "-binary", "-outform", "DER"];
        if opaque {
            args.push("-nodetach");
        }
        let der = gateway.cms_sign(&input, &args);
        // The author (gpg) signed at gpg's clock: the message is dated then.
        let head = outer_at(from, "gateway", GPG_DATE);
        if opaque {
            pkcs7(&head, "signed-data", &der)
        } else {
            smime_signed_with(&head, inner, &der, "gw-b")
        }
    };
    for opaque in [false, true] {
        for (case, signer, text, code, verdict, status) in [
            (
                "good",
                "alice@example.org",
                &entity[..],
                0,
                "trusted",
                "good",
            ),
            (
                "bad",
                "alice@example.org",
                b"Content-Type: text/plain\r\n\r\nMinutes of the bored meeting.\r\n",
                1,
                "bad",
                "bad",
            ),
            // mallory's key is known to bob but nobody vouches for it.
            (
                "untrusted",
                "mallory@example.org",
                &entity[..],
                3,
                "untrusted",
                "good",
            ),
        ] {
            let case = format!("{case}, outer opaque {opaque}");
            let sig = armor_signature(&gw.detach_sign(&[signer], entity));
            let inner = pgp_signed("", text, &sig);
            let msg = gateway_signs(&inner, signer, opaque);
            let c = expect(&case, env, &msg, code, verdict, &["good", status]);
            assert_eq!(
                layers(&c),
                [l(0, "also-signed", "good"), l(1, "author", status)],
                "{case}: {}",
                c.v
            );
            assert_eq!(c.sigs()[0]["signer"]["emails"][0], "gateway@example.org");
            assert_eq!(c.sigs()[0]["trust"]["level"], "full", "{case}");
            assert_eq!(c.sigs()[1]["signer"]["emails"][0], signer, "{case}");
        }
    }
}
