//! Class 1, CMS eContent confusion: the signature is real, but what it
//! says it covers is not the content shown. Inputs: alice's opaque
//! signature from `mailseal sign --opaque`, re-encoded with the `cms`
//! crate and re-signed over the changed signed attributes with
//! `openssl dgst -sign` (so only the confusion, never a broken signature
//! value, can make a case fail); `openssl cms -sign -econtent_type` and
//! `-nodetach`.

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use const_oid::db::rfc5911;
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use sha2::Digest;
use x509_cert::attr::Attribute;

use serde_json::json;

use super::support::*;

const TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";

fn decode(der: &[u8]) -> SignedData {
    ContentInfo::from_der(der)
        .unwrap()
        .content
        .decode_as()
        .unwrap()
}

fn encode(sd: &SignedData) -> Vec<u8> {
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content: Any::encode_from(sd).unwrap(),
    }
    .to_der()
    .unwrap()
}

fn attr(oid: ObjectIdentifier, values: Vec<Any>) -> Attribute {
    Attribute {
        oid,
        values: SetOfVec::try_from(values).unwrap(),
    }
}

fn digest_value(data: &[u8]) -> Any {
    Any::encode_from(&OctetString::new(sha2::Sha256::digest(data).to_vec()).unwrap()).unwrap()
}

/// alice's opaque signature with its signed attributes changed by
/// `edit` and signed again by alice's key: the signature value is good
/// for whatever attributes result.
fn resigned(
    f: &Smime,
    der: &[u8],
    edit: impl FnOnce(Vec<Attribute>, &[u8]) -> Vec<Attribute>,
) -> Vec<u8> {
    let mut sd = decode(der);
    let content = sd
        .encap_content_info
        .econtent
        .as_ref()
        .unwrap()
        .decode_as::<OctetString>()
        .unwrap()
        .as_bytes()
        .to_vec();
    let mut signers = sd.signer_infos.0.clone().into_vec();
    let si = &mut signers[0];
    let attrs = si.signed_attrs.clone().unwrap().into_vec();
    let attrs = SetOfVec::try_from(edit(attrs, &content)).unwrap();
    si.signature = OctetString::new(f.raw_sign(&f.w.alice, &attrs.to_der().unwrap())).unwrap();
    si.signed_attrs = Some(attrs);
    sd.signer_infos.0 = SetOfVec::try_from(signers).unwrap();
    encode(&sd)
}

/// A change to a signer's attributes, given the signed content.
type Edit = Box<dyn FnOnce(Vec<Attribute>, &[u8]) -> Vec<Attribute>>;

fn replace(attrs: Vec<Attribute>, oid: ObjectIdentifier, with: Vec<Attribute>) -> Vec<Attribute> {
    let mut out: Vec<Attribute> = attrs.into_iter().filter(|a| a.oid != oid).collect();
    out.extend(with);
    out
}

fn alice_opaque(f: &Smime, body: &str) -> Vec<u8> {
    pkcs7_der(&f.sign("alice@example.org", "alice@example.org", body, true))
}

#[test]
fn signed_attributes_that_do_not_vouch_for_the_content_are_bad() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "cms");
    let der = alice_opaque(&f, "pay 100 EUR");
    // Control: re-signing the same attributes keeps the message trusted,
    // so each case below fails for its confusion alone.
    let same = resigned(&f, &der, |a, _| a);
    expect(
        "re-signed control",
        env,
        &pkcs7(&head, "signed-data", &same),
        0,
        "trusted",
        &["good"],
    );

    let signed_data_oid = Any::encode_from(&rfc5911::ID_SIGNED_DATA).unwrap();
    let cases: Vec<(&str, Edit)> = vec![
        (
            "content-type attribute says signed-data, eContentType says data",
            Box::new(move |a, _| {
                replace(
                    a,
                    rfc5911::ID_CONTENT_TYPE,
                    vec![attr(rfc5911::ID_CONTENT_TYPE, vec![signed_data_oid])],
                )
            }),
        ),
        (
            "no content-type attribute",
            Box::new(|a, _| replace(a, rfc5911::ID_CONTENT_TYPE, vec![])),
        ),
        (
            "no message-digest attribute",
            Box::new(|a, _| replace(a, rfc5911::ID_MESSAGE_DIGEST, vec![])),
        ),
        (
            "message-digest of other content",
            Box::new(|a, _| {
                let other = attr(
                    rfc5911::ID_MESSAGE_DIGEST,
                    vec![digest_value(b"pay 900 EUR")],
                );
                replace(a, rfc5911::ID_MESSAGE_DIGEST, vec![other])
            }),
        ),
        (
            "two message-digest attributes, one right",
            Box::new(|a, content| {
                let right = attr(rfc5911::ID_MESSAGE_DIGEST, vec![digest_value(content)]);
                let wrong = attr(rfc5911::ID_MESSAGE_DIGEST, vec![digest_value(b"other")]);
                replace(a, rfc5911::ID_MESSAGE_DIGEST, vec![right, wrong])
            }),
        ),
        (
            "one message-digest attribute with two values, one right",
            Box::new(|a, content| {
                let both = attr(
                    rfc5911::ID_MESSAGE_DIGEST,
                    vec![digest_value(content), digest_value(b"other")],
                );
                replace(a, rfc5911::ID_MESSAGE_DIGEST, vec![both])
            }),
        ),
    ];
    for (case, edit) in cases {
        let forged = resigned(&f, &der, edit);
        let c = expect(
            case,
            env,
            &pkcs7(&head, "signed-data", &forged),
            1,
            "bad",
            &["bad"],
        );
        assert_eq!(c.sigs()[0]["trust"]["level"], "none", "{case}");
    }
}

#[test]
fn encapsulated_content_that_is_not_a_mime_entity_is_never_trusted() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "econtent");
    let letter = b"Content-Type: text/plain\r\n\r\nA time-stamp token is not a letter.\r\n";
    // openssl cms -sign -nodetach -econtent_type id-ct-TSTInfo: the
    // content-type attribute agrees with eContentType; both are not data.
    let tst = f.openssl_sign(
        letter,
        &[&f.w.alice],
        &["-nodetach", "-econtent_type", TST_INFO],
    );
    let c = expect(
        "eContentType id-ct-TSTInfo",
        env,
        &pkcs7(&head, "signed-data", &tst),
        3,
        "untrusted",
        &["error"],
    );
    assert!(
        c.sigs()[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not id-data"),
        "{}",
        c.v
    );

    // Signed-data wrapped in signed-data: alice's whole opaque signature
    // as the eContent of another signature by alice that names it so.
    let inner = alice_opaque(&f, "inner letter");
    let wrapped = f.openssl_sign(
        &inner,
        &[&f.w.alice],
        &["-nodetach", "-econtent_type", "1.2.840.113549.1.7.2"],
    );
    expect(
        "signed-data inside signed-data",
        env,
        &pkcs7(&head, "signed-data", &wrapped),
        3,
        "untrusted",
        &["error"],
    );

    // eve (unknown CA) wraps alice's genuine opaque message as a MIME
    // entity and signs that: both layers are reported, alice as the
    // author, eve as an outer signer nobody vouches for.
    let alice_msg = f.sign(
        "alice@example.org",
        "alice@example.org",
        "alice wrote this",
        true,
    );
    let eve_wrap = f.openssl_sign(&entity(&alice_msg), &[&f.eve], &["-nodetach"]);
    let c = expect(
        "untrusted signature around a trusted signed message",
        env,
        &pkcs7(&head, "signed-data", &eve_wrap),
        3,
        "untrusted",
        &["good", "good"],
    );
    let (eve, alice) = (&c.sigs()[0], &c.sigs()[1]);
    assert_eq!(eve["signer"]["emails"][0], "eve@example.org");
    assert_eq!(
        (&eve["layer"], &eve["role"]),
        (&json!(0), &json!("also-signed"))
    );
    assert_ne!(eve["trust"]["level"], "full");
    assert_eq!(alice["signer"]["emails"][0], "alice@example.org");
    assert_eq!(
        (&alice["layer"], &alice["role"]),
        (&json!(1), &json!("author"))
    );
    assert_eq!(
        (&alice["sender_match"], &alice["trust"]["level"]),
        (&json!(true), &json!("full"))
    );
}

#[test]
fn detached_signature_carrying_its_own_content_is_refused() {
    let f = smime();
    let env = f.env();
    let head = outer("alice@example.org", "detached");
    let shown = b"Content-Type: text/plain\r\n\r\nShown: pay 900 EUR.\r\n";
    let hidden = b"Content-Type: text/plain\r\n\r\nSigned: pay 100 EUR.\r\n";
    // openssl cms -sign -nodetach over the hidden entity, sent as the
    // detached signature of the shown one.
    let sig = f.openssl_sign(hidden, &[&f.w.alice], &["-nodetach"]);
    expect_malformed(
        "eContent in a detached signature, other content",
        env,
        &smime_signed(&head, shown, &sig),
    );
    expect_malformed(
        "eContent in a detached signature, same content",
        env,
        &smime_signed(&head, hidden, &sig),
    );
    // Control: the same signature without eContent verifies the entity.
    let plain = f.openssl_sign(hidden, &[&f.w.alice], &[]);
    let c = verify(env, &smime_signed(&head, hidden, &plain));
    assert_eq!(c.statuses(), ["good"], "{}", c.v);
}
