//! Class 2, several signers or none: one bad or untrusted signature must
//! spoil the verdict, and a signature without signers is never good.
//! Inputs: `openssl cms -sign` with several `-signer`s (a signature
//! value flipped by byte surgery), SignerInfos removed with the `cms`
//! crate, `openssl crl2pkcs7` (certs-only), `gpg --detach-sign -u A -u
//! B`, signature packets concatenated and armored with Sequoia, and a
//! signature without issuer subpackets made with Sequoia.

use std::process::Command;

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerInfos};
use der::asn1::SetOfVec;
use der::{Any, Decode, Encode};
use sequoia_openpgp as openpgp;

use openpgp::packet::signature::subpacket::{Subpacket, SubpacketTag, SubpacketValue};
use openpgp::packet::signature::SignatureBuilder;
use openpgp::parse::Parse;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::MarshalInto;
use openpgp::types::SignatureType;

use super::support::*;
use crate::common::*;

const ENTITY: &[u8] = b"Content-Type: text/plain; charset=us-ascii\r\n\r\nSigned by several.\r\n";

fn without_signers(der: &[u8]) -> Vec<u8> {
    let ci = ContentInfo::from_der(der).unwrap();
    let mut sd: SignedData = ci.content.decode_as().unwrap();
    sd.signer_infos = SignerInfos(SetOfVec::new());
    ContentInfo {
        content_type: ci.content_type,
        content: Any::encode_from(&sd).unwrap(),
    }
    .to_der()
    .unwrap()
}

/// Flips a bit in the last byte of the `n`th RSA-2048 signature value
/// (`04 82 01 00` + 256 bytes) of a SignedData.
fn spoil_rsa_signature(der: &[u8], n: usize) -> Vec<u8> {
    let header = [0x04, 0x82, 0x01, 0x00];
    let at = der
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == header)
        .map(|(i, _)| i)
        .nth(n)
        .expect("signature value");
    let mut out = der.to_vec();
    out[at + 4 + 255] ^= 1;
    out
}

#[test]
fn smime_one_bad_untrusted_or_missing_signer_spoils_the_message() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "signers");
    let (alice, bob, eve) = (&f.w.alice, &f.w.bob, &f.eve);

    let both = f.openssl_sign(ENTITY, &[alice, bob], &["-nodetach"]);
    let c = verify(env, &pkcs7(&head, "signed-data", &both));
    assert_eq!(c.statuses(), ["good", "good"], "control: {}", c.v);
    for n in [0, 1] {
        let spoiled = spoil_rsa_signature(&both, n);
        let c = expect(
            &format!("good + bad SignerInfo (signer {n} spoiled)"),
            env,
            &pkcs7(&head, "signed-data", &spoiled),
            1,
            "bad",
            &["good", "bad"],
        );
        assert!(c
            .sigs()
            .iter()
            .any(|s| s["status"] == "bad" && s["trust"]["level"] != "full"));
    }

    // -nocerts: alice's certificate is in the keyring, eve's nowhere.
    let missing = f.openssl_sign(ENTITY, &[alice, eve], &["-nodetach", "-nocerts"]);
    let c = expect(
        "trusted + signer without certificate",
        env,
        &pkcs7(&head, "signed-data", &missing),
        3,
        "untrusted",
        &["good", "error"],
    );
    assert!(c.v.to_string().contains("not included"), "{}", c.v);

    let mixed = f.openssl_sign(ENTITY, &[alice, eve], &["-nodetach"]);
    let c = expect(
        "trusted + untrusted signer",
        env,
        &pkcs7(&head, "signed-data", &mixed),
        3,
        "untrusted",
        &["good", "good"],
    );
    let eve_sig = c
        .sigs()
        .into_iter()
        .find(|s| s["signer"]["emails"][0] == "eve@example.org")
        .unwrap();
    assert_ne!(eve_sig["trust"]["level"], "full", "{}", c.v);

    // Once eve's certificate has come with signed mail, the keyring keeps
    // it: the same message now verifies, and eve is still not trusted.
    let c = expect(
        "trusted + signer whose certificate came with earlier mail",
        env,
        &pkcs7(&head, "signed-data", &missing),
        3,
        "untrusted",
        &["good", "good"],
    );
    let eve_sig = c
        .sigs()
        .into_iter()
        .find(|s| s["signer"]["emails"][0] == "eve@example.org")
        .unwrap();
    assert_eq!(eve_sig["trust"]["level"], "none", "{}", c.v);
}

#[test]
fn smime_a_signature_without_signers_is_never_good() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "nosigners");
    let opaque = pkcs7_der(&f.sign(
        "alice@example.org",
        "alice@example.org",
        "no one signed",
        true,
    ));
    let c = expect(
        "opaque SignedData with zero SignerInfos",
        env,
        &pkcs7(&head, "signed-data", &without_signers(&opaque)),
        1,
        "bad",
        &["bad"],
    );
    assert!(c.v.to_string().contains("no signers"), "{}", c.v);

    let detached = f.sign(
        "alice@example.org",
        "alice@example.org",
        "no one signed",
        false,
    );
    let (signed, sig) = signed_parts(&detached);
    expect(
        "detached SignedData with zero SignerInfos",
        env,
        &smime_signed(&head, &signed, &without_signers(&sig)),
        1,
        "bad",
        &["bad"],
    );

    // A certs-only message (openssl crl2pkcs7 -nocrl): no content, no
    // signer, only alice's certificate.
    let d = env.dir.path();
    let p7 = d.join("certs.p7");
    run_ok(Command::new("openssl").args([
        "crl2pkcs7",
        "-nocrl",
        "-certfile",
        s(&f.w.alice.cert),
        "-outform",
        "DER",
        "-out",
        s(&p7),
    ]));
    let certs_only = std::fs::read(p7).unwrap();
    expect(
        "certs-only SignedData",
        env,
        &pkcs7(&head, "certs-only", &certs_only),
        1,
        "bad",
        &["bad"],
    );
}

/// A detached signature by alice's gpg key over `data` that names no
/// issuer at all: Sequoia adds issuer subpackets only when none is
/// there, so one is put in the unhashed area and removed after signing.
fn issuerless(gw: &GpgWorld, data: &[u8]) -> Vec<u8> {
    let tsk = openpgp::Cert::from_bytes(&gw.gpg.export_secret("alice@example.org")).unwrap();
    let policy = StandardPolicy::new();
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_312_000); // 2026-01-02
    let key = tsk
        .keys()
        .with_policy(&policy, t)
        .secret()
        .for_signing()
        .next()
        .unwrap()
        .key()
        .clone();
    let keyid = key.keyid();
    let mut pair = key
        .decrypt_secret(&PASS.into())
        .unwrap()
        .into_keypair()
        .unwrap();
    let mut sig = SignatureBuilder::new(SignatureType::Binary)
        .set_signature_creation_time(t)
        .unwrap()
        .modify_unhashed_area(|mut a| {
            a.add(Subpacket::new(SubpacketValue::Issuer(keyid), false)?)?;
            Ok(a)
        })
        .unwrap()
        .sign_message(&mut pair, data)
        .unwrap();
    sig.unhashed_area_mut().remove_all(SubpacketTag::Issuer);
    assert!(sig.get_issuers().is_empty());
    openpgp::Packet::from(sig).to_vec().unwrap()
}

#[test]
fn openpgp_one_bad_unknown_or_issuerless_signature_spoils_the_message() {
    let gw = gpg_world();
    gw.gpg.generate("Zed", "zed@example.org"); // bob never sees zed's key
    let env = &gw.bob;
    let head = outer_at("alice@example.org", "pgpsigners", GPG_DATE);
    let good = gw.detach_sign(&["alice@example.org"], ENTITY);
    let c = verify(env, &pgp_signed(&head, ENTITY, &armor_signature(&good)));
    assert_eq!(
        (c.code, c.statuses()),
        (0, vec!["good".to_string()]),
        "control: {}",
        c.v
    );

    let other = gw.detach_sign(
        &["alice@example.org"],
        b"Content-Type: text/plain\r\n\r\nOther.\r\n",
    );
    let pair = [good.clone(), other].concat();
    expect(
        "good + bad signature in one block",
        env,
        &pgp_signed(&head, ENTITY, &armor_signature(&pair)),
        1,
        "bad",
        &["good", "bad"],
    );

    let two = gw.detach_sign(&["alice@example.org", "mallory@example.org"], ENTITY);
    let c = expect(
        "good + good by a known, unvouched signer",
        env,
        &pgp_signed(&head, ENTITY, &armor_signature(&two)),
        3,
        "untrusted",
        &["good", "good"],
    );
    assert!(c.sigs().iter().any(|s| s["trust"]["level"] != "full"));

    let unknown = gw.detach_sign(&["alice@example.org", "zed@example.org"], ENTITY);
    expect(
        "good + signature by an unknown key",
        env,
        &pgp_signed(&head, ENTITY, &armor_signature(&unknown)),
        3,
        "untrusted",
        &["good", "error"],
    );

    let nameless = issuerless(&gw, ENTITY);
    let c = expect(
        "signature packet without issuer",
        env,
        &pgp_signed(&head, ENTITY, &armor_signature(&nameless)),
        3,
        "untrusted",
        &["error"],
    );
    assert!(c.sigs()[0].get("signer").is_none(), "{}", c.v);
    let c = expect(
        "good + signature packet without issuer",
        env,
        &pgp_signed(&head, ENTITY, &armor_signature(&[good, nameless].concat())),
        3,
        "untrusted",
        &["good", "error"],
    );
    assert_eq!(c.v["exit"], 3);
}

#[test]
fn openpgp_a_signature_part_without_signatures_is_never_good() {
    let gw = gpg_world();
    let env = &gw.bob;
    let head = outer("alice@example.org", "pgpnosig");
    // A marker packet (tag 10, "PGP") armored as a signature.
    let marker = [0xca, 0x03, b'P', b'G', b'P'];
    let c = verify(env, &pgp_signed(&head, ENTITY, &armor_signature(&marker)));
    assert_ne!(c.code, 0, "{}", c.v);
    assert_ne!(c.v["verdict"], "trusted");
    assert!(c.statuses().iter().all(|s| s != "good"), "{}", c.v);
    let _ = &gw.alice_fpr;
}
