//! Class 6, CBC/CFB malleability: changed ciphertext of every container
//! mailseal reads. Unauthenticated plaintext never reaches the output
//! unless `--legacy-cbc` asks for it, and then the report says so;
//! authenticated containers (S/MIME GCM, SEIPD v1 MDC, SEIPD v2 AEAD)
//! fail with exit 1, nothing written, nothing on stdout. Inputs:
//! `openssl cms -encrypt -aes256` and `mailseal encrypt` (S/MIME),
//! `gpg --encrypt` and `gpg --rfc2440 --encrypt` (SEIPD v1, SED),
//! `mailseal encrypt` to an RFC 9580 key (SEIPD v2); ciphertext changed
//! by byte surgery, packets re-framed with Sequoia.

use std::io::{Read, Write};
use std::process::Command;

use sequoia_openpgp as openpgp;

use openpgp::packet::{Body, SEIP};
use openpgp::parse::Parse;
use openpgp::serialize::Serialize;
use openpgp::{Packet, PacketPile};

use super::support::*;
use crate::common::*;

const ENTITY: &[u8] =
    b"Content-Type: text/plain; charset=us-ascii\r\n\r\nThe vault code is 4711.\r\n";
const AES256_CBC: [u8; 11] = [
    0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a,
];
const AES256_GCM: [u8; 11] = [
    0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e,
];

/// Where the 16-byte CBC IV starts in EnvelopedData DER.
fn iv_offset(der: &[u8]) -> usize {
    let at = find(der, &AES256_CBC) + AES256_CBC.len();
    assert_eq!(der[at..at + 2], [0x04, 0x10], "IV OCTET STRING");
    at + 2
}

/// The CBC gadget of EFAIL on the first block: with the IV changed by
/// known plaintext XOR chosen plaintext, the first block decrypts to the
/// chosen text and nothing else changes.
fn chosen_first_block(der: &[u8], known: &[u8], chosen: &[u8; 16]) -> Vec<u8> {
    let at = iv_offset(der);
    let mut out = der.to_vec();
    for i in 0..16 {
        out[at + i] ^= known[i] ^ chosen[i];
    }
    out
}

#[test]
fn smime_cbc_ciphertext_is_malleable_so_it_is_refused_or_marked() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "cbc");
    let d = env.dir.path();
    let input = write(d, "entity.eml", ENTITY);
    let der = openssl_encrypt_der(&input, "-aes256", &f.w.bob.cert);
    let msg = |der: &[u8]| pkcs7(&head, "enveloped-data", der);

    // Unchanged: refused without consent, marked with it.
    let err = refuse_decrypt("CBC, unchanged", env, &msg(&der), &[], 1);
    assert!(err.contains("without integrity protection"), "{err}");
    let (code, v, written) = decrypt(env, &msg(&der), &["--legacy-cbc"]);
    assert_eq!(
        (code, &v["integrity_protected"]),
        (0, &serde_json::json!(false)),
        "{v}"
    );
    assert!(contains(&written.unwrap(), b"4711"));

    let flipped = flip_from_end(&der, 40, 0x01);
    let gadget = chosen_first_block(&der, ENTITY, b"X-Evil: injected");
    for (case, bad) in [
        ("CBC, one ciphertext bit flipped", &flipped),
        ("CBC, chosen first block (IV gadget)", &gadget),
    ] {
        refuse_decrypt(case, env, &msg(bad), &[], 1);
        let (code, v, written) = decrypt(env, &msg(bad), &["--legacy-cbc"]);
        assert_eq!(code, 0, "{case}: {v}");
        assert_eq!(v["integrity_protected"], false, "{case}: {v}");
        assert_eq!(v["encrypted"], true, "{case}: {v}");
        let report =
            String::from_utf8_lossy(&env.run(&["decrypt", "--legacy-cbc"], &msg(bad)).stderr)
                .into_owned();
        assert!(
            report.contains("WITHOUT integrity protection"),
            "{case}: {report}"
        );
        if case.contains("gadget") {
            assert!(
                contains(&written.unwrap(), b"X-Evil: injected"),
                "{case}: the gadget works"
            );
        }
    }
}

#[test]
fn smime_signed_then_cbc_encrypted_message_changed_in_transit_is_refused() {
    let f = smime();
    let env = f.env();
    let filler = "x".repeat(80);
    let plain = message(
        "alice@example.org",
        "bob@example.org",
        "signed-cbc",
        &format!("{filler}\r\nThe vault code is 4711."),
    );
    let enc = env.expect(
        &["encrypt", "--smime", "--sign", "--cipher", "aes256-cbc"],
        &plain,
        0,
    );
    let (code, v, _) = decrypt(env, &enc, &[]);
    assert_eq!(
        (code, &v["verdict"]),
        (0, &serde_json::json!("trusted")),
        "control: {v}"
    );
    let der = pkcs7_der(&enc);
    let head = outer("alice@example.org", "signed-cbc");
    let msg = |der: &[u8]| pkcs7(&head, "enveloped-data", der);

    // A bit flipped where the ciphertext holds the signature part: the
    // garbled block breaks its base64. Refused as unauthenticated (exit
    // 1); with --legacy-cbc the structure error is exit 2. Nothing written.
    let flipped = flip_from_end(&der, 100, 0x20);
    let err = refuse_decrypt(
        "signed then CBC, signature block garbled",
        env,
        &msg(&flipped),
        &[],
        1,
    );
    assert!(err.contains("without integrity protection"), "{err}");
    refuse_decrypt(
        "signed then CBC, signature block garbled, --legacy-cbc",
        env,
        &msg(&flipped),
        &["--legacy-cbc"],
        2,
    );

    // The CBC gadget on the signed text: "4711" becomes "5711" (the block
    // before it garbled inside the filler line). Where the digits sit in
    // the ciphertext comes from openssl's decryption of it, byte-exact.
    let d = env.dir.path();
    let der_path = write(d, "signed-cbc.der", &der);
    let clear = run_ok(Command::new("openssl").args([
        "cms",
        "-decrypt",
        "-binary",
        "-inform",
        "DER",
        "-in",
        s(&der_path),
        "-recip",
        s(&f.w.bob.cert),
        "-inkey",
        s(&f.w.bob.key),
    ]))
    .stdout;
    let cipher_start = der.len() - (clear.len() / 16 + 1) * 16;
    let mut gadget = der.clone();
    gadget[cipher_start + find(&clear, b"4711") - 16] ^= 0x01;
    let err = refuse_decrypt(
        "signed then CBC, signed text changed",
        env,
        &msg(&gadget),
        &[],
        1,
    );
    assert!(err.contains("without integrity protection"), "{err}");
    // With --legacy-cbc the inner signature fails, and a bad signature
    // inside means nothing is written either.
    let (code, v, written) = decrypt(env, &msg(&gadget), &["--legacy-cbc"]);
    assert_eq!(code, 1, "with --legacy-cbc the inner signature fails: {v}");
    assert_eq!(v["verdict"], "bad", "{v}");
    assert_eq!(v["integrity_protected"], false, "{v}");
    assert!(written.is_none(), "nothing written for a bad signature");
}

#[test]
fn smime_cbc_signed_by_an_untrusted_key_is_refused() {
    // eve (unknown CA) signs her own text and CBC-encrypts it to bob with
    // openssl: a good signature, but it proves nothing about who changed
    // the ciphertext, so only --legacy-cbc opens it.
    let f = smime();
    let env = f.env();
    let d = env.dir.path();
    let input = write(d, "eve.txt", ENTITY);
    let signed = write(d, "eve-signed.eml", &f.eve.cms_sign(&input, &[]));
    let der = openssl_encrypt_der(&signed, "-aes256", &f.w.bob.cert);
    let msg = pkcs7(&outer("eve@example.org", "eve-cbc"), "enveloped-data", &der);
    let err = refuse_decrypt("CBC signed by an untrusted key", env, &msg, &[], 1);
    assert!(err.contains("without integrity protection"), "{err}");
    let (code, v, written) = decrypt(env, &msg, &["--legacy-cbc"]);
    assert_eq!(code, 3, "good but untrusted inside: {v}");
    assert_eq!(v["integrity_protected"], false, "{v}");
    assert!(contains(&written.unwrap(), b"4711"));
}

#[test]
fn smime_gcm_tampering_is_an_integrity_failure() {
    let f = smime();
    let env = f.env();
    let plain = message(
        "alice@example.org",
        "bob@example.org",
        "gcm",
        "The vault code is 4711.",
    );
    let enc = env.expect(&["encrypt", "--smime"], &plain, 0);
    assert_eq!(decrypt(env, &enc, &[]).0, 0, "control");
    let der = pkcs7_der(&enc);
    let head = outer("alice@example.org", "gcm");
    let nonce_at = find(&der, &AES256_GCM) + AES256_GCM.len() + 4;
    let mut nonce = der.clone();
    nonce[nonce_at] ^= 1;
    for (case, bad) in [
        ("GCM ciphertext bit flipped", flip_from_end(&der, 40, 0x01)),
        ("GCM tag bit flipped", flip_from_end(&der, 1, 0x80)),
        ("GCM nonce changed", nonce),
    ] {
        for args in [&[][..], &["--legacy-cbc"][..]] {
            let err = refuse_decrypt(
                case,
                env,
                &pkcs7(&head, "authEnveloped-data", &bad),
                args,
                1,
            );
            assert!(
                err.contains("integrity") || err.contains("decryption failed"),
                "{case}: {err}"
            );
        }
    }
}

// ---- OpenPGP --------------------------------------------------------------

fn dearmor(armored: &[u8]) -> Vec<u8> {
    let mut r =
        openpgp::armor::Reader::from_bytes(armored, openpgp::armor::ReaderMode::Tolerant(None));
    let mut out = Vec::new();
    r.read_to_end(&mut out).unwrap();
    out
}

fn armor_message(binary: &[u8]) -> Vec<u8> {
    let mut w = openpgp::armor::Writer::new(Vec::new(), openpgp::armor::Kind::Message).unwrap();
    w.write_all(binary).unwrap();
    w.finalize().unwrap()
}

/// PGP/MIME multipart/encrypted around a binary OpenPGP message.
fn pgp_mime(binary: &[u8]) -> Vec<u8> {
    let head = outer("alice@example.org", "pgp-malleable");
    let (fields, _) = mailseal::mime::split_headers(format!("{head}\r\n").as_bytes()).unwrap();
    mailseal::openpgp::build_encrypted(&fields, &armor_message(binary))
}

/// The binary OpenPGP message inside a PGP/MIME message.
fn pgp_binary(msg: &[u8]) -> Vec<u8> {
    let (fields, body) = mailseal::mime::split_headers(msg).unwrap();
    dearmor(
        &mailseal::openpgp::parse_encrypted(&fields, body)
            .unwrap()
            .unwrap(),
    )
}

/// The message with the SEIPD packet's encrypted body changed by
/// `edit`; `sed` re-frames the same ciphertext as the old tag 9
/// Symmetrically Encrypted Data packet (no MDC, no version octet).
fn edit_seipd(binary: &[u8], sed: bool, edit: impl FnOnce(&mut Vec<u8>)) -> (Vec<u8>, u8) {
    let pile = PacketPile::from_bytes(binary).unwrap();
    let mut out = Vec::new();
    let mut version = 0;
    let mut edit = Some(edit);
    for p in pile.into_children() {
        let Packet::SEIP(seip) = p else {
            p.serialize(&mut out).unwrap();
            continue;
        };
        let body = |b: &Body| match b {
            Body::Unprocessed(b) => b.clone(),
            other => panic!("unexpected body {other:?}"),
        };
        let mut data = match &seip {
            SEIP::V1(s) => body(s.body()),
            SEIP::V2(s) => body(s.body()),
            _ => panic!("unknown SEIPD version"),
        };
        (edit.take().unwrap())(&mut data);
        version = seip.version();
        if sed {
            out.push(0xc9);
            push_length(&mut out, data.len());
            out.extend_from_slice(&data);
            continue;
        }
        let seip = match seip {
            SEIP::V1(mut s) => {
                s.set_body(Body::Unprocessed(data));
                Packet::from(s)
            }
            SEIP::V2(mut s) => {
                s.set_body(Body::Unprocessed(data));
                Packet::from(s)
            }
            _ => unreachable!(),
        };
        seip.serialize(&mut out).unwrap();
    }
    (out, version)
}

/// A new-format packet length (RFC 9580 section 4.2.1.1-3).
fn push_length(out: &mut Vec<u8>, len: usize) {
    if len < 192 {
        out.push(len as u8);
    } else if len < 8384 {
        let l = len - 192;
        out.extend_from_slice(&[(l >> 8) as u8 + 192, l as u8]);
    } else {
        out.push(0xff);
        out.extend_from_slice(&(len as u32).to_be_bytes());
    }
}

fn refuse_all(proto: &str, env: &Env, cases: Vec<(&str, Vec<u8>)>) {
    for (case, binary) in cases {
        let case = format!("{proto}: {case}");
        let err = refuse_decrypt(&case, env, &pgp_mime(&binary), &[], 1);
        assert!(!err.contains("panicked"), "{case}: {err}");
    }
}

#[test]
fn openpgp_seipd_v1_and_sed_tampering_is_refused() {
    let gw = gpg_world();
    let env = &gw.bob;
    let good = gw.encrypt(ENTITY, &[]);
    let (same, version) = edit_seipd(&good, false, |_| {});
    assert_eq!(version, 1, "gpg 2.2 writes SEIPD v1");
    let (code, v, written) = decrypt(env, &pgp_mime(&same), &[]);
    assert_eq!(code, 0, "control: re-framed but unchanged: {v}");
    assert!(contains(&written.unwrap(), b"4711"));

    let old = gw.encrypt(ENTITY, &["--rfc2440"]);
    assert!(
        PacketPile::from_bytes(&old)
            .unwrap()
            .children()
            .any(|p| p.tag() == openpgp::packet::Tag::SED),
        "gpg --rfc2440 writes SED"
    );
    refuse_all(
        "SEIPD v1",
        env,
        vec![
            (
                "bit flip in the ciphertext (MDC fails)",
                edit_seipd(&good, false, |d| {
                    let i = d.len() / 2;
                    d[i] ^= 1
                })
                .0,
            ),
            (
                "bit flip in the MDC",
                edit_seipd(&good, false, |d| *d.last_mut().unwrap() ^= 1).0,
            ),
            (
                "MDC packet stripped",
                edit_seipd(&good, false, |d| d.truncate(d.len() - 22)).0,
            ),
            (
                "ciphertext truncated",
                edit_seipd(&good, false, |d| d.truncate(d.len() - 30)).0,
            ),
            (
                "SEIPD re-framed as SED (tag 9)",
                edit_seipd(&good, true, |_| {}).0,
            ),
            ("SED from gpg --rfc2440", old),
        ],
    );
}

#[test]
fn openpgp_seipd_v2_aead_tampering_is_refused() {
    let bob = Env::new();
    bob.generate_pgp_with("Bob", "bob@example.org", &["--profile", "rfc9580"]);
    let plain = message(
        "bob@example.org",
        "bob@example.org",
        "aead",
        "The vault code is 4711.",
    );
    let enc = bob.expect(&["encrypt", "--openpgp"], &plain, 0);
    let good = pgp_binary(&enc);
    let (same, version) = edit_seipd(&good, false, |_| {});
    assert_eq!(version, 2, "a v6 key gets SEIPD v2");
    assert_eq!(decrypt(&bob, &pgp_mime(&same), &[]).0, 0, "control");
    refuse_all(
        "SEIPD v2",
        &bob,
        vec![
            (
                "bit flip in the first chunk",
                edit_seipd(&good, false, |d| {
                    let i = d.len() / 2;
                    d[i] ^= 1
                })
                .0,
            ),
            (
                "bit flip in the final tag",
                edit_seipd(&good, false, |d| *d.last_mut().unwrap() ^= 1).0,
            ),
            (
                "final tag cut off",
                edit_seipd(&good, false, |d| d.truncate(d.len() - 16)).0,
            ),
            (
                "last chunk and final tag cut off",
                edit_seipd(&good, false, |d| d.truncate(d.len() - 40)).0,
            ),
        ],
    );
}
