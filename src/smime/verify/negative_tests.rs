//! Signatures that must not pass, and inputs that must fail cleanly.

use std::sync::OnceLock;

use der::{Any, Decode, Encode};
use proptest::prelude::*;

use super::openssl_tests::openssl_sign;
use crate::smime::sign::sign;
use crate::smime::verify::fixture::{keys, Work, CONTENT};
use crate::smime::verify::{verify, verify_with_certs, SignatureStatus};
use crate::time::Timestamp;

const WHEN: Timestamp = Timestamp(1_795_525_509);
/// id-ct-TSTInfo (RFC 3161): a content type that is not a MIME entity.
const TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";

fn bad(reason: &str) -> SignatureStatus {
    SignatureStatus::Bad(reason.into())
}

fn digest_mismatch() -> SignatureStatus {
    bad("message digest mismatch: the content was changed")
}

fn status(cms: &[u8], detached: Option<&[u8]>) -> SignatureStatus {
    let result = verify(cms, detached).unwrap();
    assert_eq!(result.signers.len(), 1);
    result.signers[0].status.clone()
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("needle present")
}

fn flipped(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[at] ^= 0x01;
    out
}

/// A DER TLV with a one-octet tag.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// The content octets of each element of a DER SEQUENCE or SET body.
fn elements(body: &[u8]) -> Vec<Vec<u8>> {
    let mut reader = der::SliceReader::new(body).unwrap();
    let mut out = Vec::new();
    while !der::Reader::is_finished(&reader) {
        out.push(der::AnyRef::decode(&mut reader).unwrap().to_der().unwrap());
    }
    out
}

fn value(element: &[u8]) -> Vec<u8> {
    der::AnyRef::from_der(element).unwrap().value().to_vec()
}

/// Replaces eContentType, keeping everything else (re-encoded as DER).
fn relabel(cms: &[u8], oid: &str) -> Vec<u8> {
    let mut info = cms::content_info::ContentInfo::from_der(cms).unwrap();
    let mut sd: cms::signed_data::SignedData = info.content.decode_as().unwrap();
    sd.encap_content_info.econtent_type = oid.parse().unwrap();
    info.content = Any::encode_from(&sd).unwrap();
    info.to_der().unwrap()
}

#[test]
fn fail_changed_content_is_a_digest_mismatch() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let theirs = openssl_sign(&work, &keys.rsa, &[]);
    let ours = sign(CONTENT, &keys.p256.signer(), WHEN, true).unwrap();
    for sig in [&theirs, &ours] {
        assert_eq!(status(sig, Some(CONTENT)), SignatureStatus::Good);
        for at in [0, CONTENT.len() / 2, CONTENT.len() - 1] {
            assert_eq!(status(sig, Some(&flipped(CONTENT, at))), digest_mismatch());
        }
        assert_eq!(status(sig, Some(b"")), digest_mismatch());
    }
    // Opaque: the same inside the eContent.
    let theirs = openssl_sign(&work, &keys.rsa, &["-nodetach"]);
    let ours = sign(CONTENT, &keys.p384.signer(), WHEN, false).unwrap();
    for sig in [&theirs, &ours] {
        let at = find(sig, CONTENT) + 20;
        assert_eq!(status(&flipped(sig, at), None), digest_mismatch());
    }
}

#[test]
fn fail_changed_signature_value_does_not_verify() {
    let Some(keys) = keys() else { return };
    for f in keys.all() {
        let sig = sign(CONTENT, &f.signer(), WHEN, true).unwrap();
        let view = crate::smime::signed_view::parse(&sig).unwrap();
        let value = view.signers[0].info.signature.as_bytes().to_vec();
        let end = find(&sig, &value) + value.len();
        for at in [end - 1, end - value.len() / 2] {
            let status = status(&flipped(&sig, at), Some(CONTENT));
            assert_eq!(status, bad("signature does not verify"), "{}", f.name);
        }
    }
}

#[test]
fn fail_changed_content_without_signed_attributes_does_not_verify() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let sig = openssl_sign(&work, &keys.p256, &["-noattr"]);
    assert_eq!(status(&sig, Some(CONTENT)), SignatureStatus::Good);
    assert_eq!(
        status(&sig, Some(&flipped(CONTENT, 3))),
        bad("signature does not verify")
    );
}

#[test]
fn fail_content_types_other_than_data_are_not_good() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    // openssl cms -sign ... -nodetach -econtent_type 1.2.840.113549.1.9.16.1.4:
    // eContentType and the content-type attribute both say TSTInfo.
    let tst = openssl_sign(&work, &keys.rsa, &["-nodetach", "-econtent_type", TST_INFO]);
    match status(&tst, None) {
        SignatureStatus::Error(reason) => assert!(reason.contains(TST_INFO), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Relabelled as id-data: the signed content-type attribute disagrees.
    match status(&relabel(&tst, "1.2.840.113549.1.7.1"), None) {
        SignatureStatus::Bad(reason) => assert!(reason.contains("differs"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Our id-data signature relabelled as TSTInfo.
    let ours = sign(CONTENT, &keys.p256.signer(), WHEN, false).unwrap();
    assert_eq!(
        status(&relabel(&ours, "1.2.840.113549.1.7.1"), None),
        SignatureStatus::Good
    );
    assert!(matches!(
        status(&relabel(&ours, TST_INFO), None),
        SignatureStatus::Error(_)
    ));
}

#[test]
fn fail_missing_signer_certificate_is_an_error_unless_supplied() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let sig = openssl_sign(&work, &keys.rsa, &["-nocerts"]);
    let result = verify(&sig, Some(CONTENT)).unwrap();
    assert!(result.certificates.is_empty());
    assert_eq!(
        result.signers[0].status,
        SignatureStatus::Error("signer certificate not included".into())
    );
    assert!(result.signers[0].cert.is_none());
    let wrong = [keys.p256.cert.clone()];
    let result = verify_with_certs(&sig, Some(CONTENT), &wrong).unwrap();
    assert!(matches!(
        result.signers[0].status,
        SignatureStatus::Error(_)
    ));
    let right = [keys.p256.cert.clone(), keys.rsa.cert.clone()];
    let result = verify_with_certs(&sig, Some(CONTENT), &right).unwrap();
    assert_eq!(result.signers[0].status, SignatureStatus::Good);
    assert_eq!(result.signers[0].cert.as_ref(), Some(&keys.rsa.cert));
    // Only the message's own certificates are listed.
    assert!(result.certificates.is_empty());
}

#[test]
fn fail_content_given_twice_or_not_at_all() {
    let Some(keys) = keys() else { return };
    let opaque = sign(CONTENT, &keys.rsa.signer(), WHEN, false).unwrap();
    let detached = sign(CONTENT, &keys.rsa.signer(), WHEN, true).unwrap();
    assert!(verify(&opaque, Some(CONTENT)).is_err());
    assert!(verify(&detached, None).is_err());
}

#[test]
fn fail_garbage_and_other_structures_are_errors() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let (_, crt) = work.install(&keys.rsa);
    let content = work.write("content.bin", CONTENT);
    // openssl cms -encrypt -aes256 -in content.bin -outform DER -out env.der rsa.crt
    work.openssl_ok(&[
        "cms", "-encrypt", "-aes256", "-binary", "-in", &content, "-outform", "DER", "-out",
        "env.der", &crt,
    ]);
    let enveloped = work.read("env.der");
    let mut noise = Vec::new();
    let mut x: u32 = 0x1234_5678;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push((x >> 16) as u8);
    }
    let signed_data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let null_content = tlv(
        0x30,
        &[&signed_data_oid[..], &tlv(0xa0, &[0x05, 0x00])].concat(),
    );
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        vec![0x30],
        vec![0x30, 0x00],
        vec![0x30, 0x80, 0x00, 0x00],
        b"-----BEGIN CMS-----".to_vec(),
        noise,
        keys.rsa.cert.to_der().unwrap(),
        enveloped,
        null_content,
    ];
    for input in inputs {
        assert!(verify(&input, None).is_err(), "{input:02x?}");
        assert!(verify(&input, Some(CONTENT)).is_err());
    }
}

#[test]
fn fail_every_truncation_is_an_error() {
    let Some(keys) = keys() else { return };
    let work = Work::new();
    let der = sign(CONTENT, &keys.p256.signer(), WHEN, true).unwrap();
    let ber = openssl_sign(&work, &keys.p256, &["-stream", "-nodetach"]);
    for n in 0..der.len() {
        assert!(verify(&der[..n], Some(CONTENT)).is_err(), "DER prefix {n}");
    }
    for n in 0..ber.len() {
        assert!(verify(&ber[..n], None).is_err(), "BER prefix {n}");
    }
}

#[test]
fn fail_deep_nesting_is_an_error() {
    let indefinite: Vec<u8> = [0x30, 0x80].repeat(100_000);
    assert!(verify(&indefinite, None).is_err());
    let mut nested = vec![0x05, 0x00];
    for _ in 0..5_000 {
        nested = tlv(0x30, &nested);
    }
    let signed_data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let cms = tlv(0x30, &[&signed_data_oid[..], &tlv(0xa0, &nested)].concat());
    assert!(verify(&cms, None).is_err());
}

/// Rebuilds a one-signer SignedData with `signers` copies of the
/// SignerInfo and `certs(certificate)` as the certificate set's content.
fn rebuild(sig: &[u8], signers: usize, certs: &dyn Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let top = elements(&value(sig));
    let sd = elements(&value(&value(&top[1])));
    let (cert_set, signer_set) = (&sd[3], &sd[4]);
    let cert = &elements(&value(cert_set))[0];
    let signer = &elements(&value(signer_set))[0];
    let body = [
        sd[0].clone(),
        sd[1].clone(),
        sd[2].clone(),
        tlv(0xa0, &certs(cert)),
        tlv(0x31, &signer.repeat(signers)),
    ]
    .concat();
    tlv(
        0x30,
        &[top[0].clone(), tlv(0xa0, &tlv(0x30, &body))].concat(),
    )
}

fn with_copies(sig: &[u8], signers: usize, certs: usize) -> Vec<u8> {
    rebuild(sig, signers, &|cert| cert.repeat(certs))
}

#[test]
fn fail_unreadable_certificates_are_counted_not_fatal() {
    let Some(keys) = keys() else { return };
    let sig = sign(CONTENT, &keys.p256.signer(), WHEN, true).unwrap();
    // A SEQUENCE that is no certificate, and an [1] (attribute certificate).
    let odd = rebuild(&sig, 1, &|_| {
        [tlv(0x30, &[0x05, 0x00]), tlv(0xa1, &[])].concat()
    });
    let result = verify(&odd, Some(CONTENT)).unwrap();
    assert!(result.certificates.is_empty());
    assert_eq!(
        result.signers[0].status,
        SignatureStatus::Error(
            "signer certificate not found; 2 included certificate(s) could not be read".into()
        )
    );
    // Beside the signer's certificate they do no harm.
    let mixed = rebuild(&sig, 1, &|cert| [cert, &tlv(0x30, &[0x05, 0x00])].concat());
    assert_eq!(status(&mixed, Some(CONTENT)), SignatureStatus::Good);
}

#[test]
fn fail_too_many_signers_or_certificates() {
    let Some(keys) = keys() else { return };
    let sig = sign(CONTENT, &keys.p256.signer(), WHEN, true).unwrap();
    assert_eq!(with_copies(&sig, 1, 1), sig);
    let many = verify(&with_copies(&sig, 64, 256), Some(CONTENT)).unwrap();
    assert_eq!(many.signers.len(), 64);
    assert_eq!(many.certificates.len(), 256);
    assert!(many
        .signers
        .iter()
        .all(|s| s.status == SignatureStatus::Good));
    assert!(verify(&with_copies(&sig, 65, 1), Some(CONTENT)).is_err());
    assert!(verify(&with_copies(&sig, 1, 257), Some(CONTENT)).is_err());
}

/// Valid signatures to mutate: ours (DER, opaque and detached) and
/// openssl's streamed BER.
fn bases() -> Option<&'static [(Vec<u8>, bool)]> {
    static BASES: OnceLock<Vec<(Vec<u8>, bool)>> = OnceLock::new();
    let keys = keys()?;
    Some(BASES.get_or_init(|| {
        let work = Work::new();
        vec![
            (
                sign(CONTENT, &keys.p256.signer(), WHEN, false).unwrap(),
                false,
            ),
            (
                sign(CONTENT, &keys.p256.signer(), WHEN, true).unwrap(),
                true,
            ),
            (
                openssl_sign(&work, &keys.p256, &["-stream", "-nodetach"]),
                false,
            ),
        ]
    }))
}

proptest! {
    /// No mutation panics, and no mutation of an opaque signature yields
    /// a good signature over other content.
    #[test]
    fn mutations_fail_cleanly(
        which in 0usize..3,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let Some(bases) = bases() else { return Ok(()) };
        let (base, detached) = &bases[which];
        let mut sig = base.clone();
        for (at, byte) in edits {
            let i = at.index(sig.len());
            sig[i] = byte;
        }
        if let Some(cut) = cut {
            sig.truncate(cut.index(sig.len()));
        }
        let content = detached.then_some(CONTENT);
        if let Ok(result) = verify(&sig, content) {
            if result.signers.iter().any(|s| s.status == SignatureStatus::Good) {
                prop_assert_eq!(result.content, CONTENT);
            }
        }
    }
}
