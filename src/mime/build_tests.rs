use super::*;
use crate::mime::codec::base64_decode;
use crate::mime::{analyze, split_for_protection, Body};

fn lf(s: &[u8]) -> Vec<u8> {
    s.iter().copied().filter(|&b| b != b'\r').collect()
}

const MESSAGE: &[u8] = b"From: Alice <alice@example.org>\nTo: bob@example.org\nSubject: =?utf-8?q?gr=C3=BC=C3=9Fe?=\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nGr\xc3\xbc\xc3\x9fe \nFrom Alice\n--x\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAECAw==\n--x--\n";

fn crlf_only(s: &[u8]) -> bool {
    s.iter().enumerate().all(|(i, &b)| match b {
        b'\r' => s.get(i + 1) == Some(&b'\n'),
        b'\n' => i > 0 && s.get(i - 1) == Some(&b'\r'),
        _ => true,
    })
}

fn sig_bytes() -> Vec<u8> {
    (0..700u32).map(|i| (i * 7) as u8).collect()
}

fn build(entity: &[u8], outer: &[HeaderField], sig: &[u8]) -> Vec<u8> {
    build_multipart_signed(
        outer,
        entity,
        "application/pkcs7-signature",
        "sha-256",
        &SignaturePart {
            content_type: "application/pkcs7-signature",
            filename: "smime.p7s",
            data: sig,
        },
    )
}

#[test]
fn multipart_signed_round_trip() {
    let p = split_for_protection(MESSAGE).unwrap();
    let sig = sig_bytes();
    let built = build(&p.entity, &p.outer, &sig);
    assert!(built.starts_with(b"From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: =?utf-8?q?gr=C3=BC=C3=9Fe?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed;\r\n\tprotocol=\"application/pkcs7-signature\";\r\n\tmicalg=sha-256; boundary=\"=_ms_"));
    assert!(crlf_only(&built));
    for raw in [built.clone(), lf(&built)] {
        let a = analyze(&raw).unwrap();
        assert_eq!(
            a.root,
            Body::MultipartSigned {
                protocol: "application/pkcs7-signature".into(),
                micalg: Some("sha-256".into()),
                signed: p.entity.clone(),
                signature: sig.clone(),
            }
        );
        assert_eq!(
            crate::mime::header_value(&a.headers, "subject").as_deref(),
            Some("gr\u{fc}\u{df}e")
        );
    }
}

#[test]
fn signature_part_layout() {
    let built = String::from_utf8(build(
        b"Content-Type: text/plain\r\n\r\nhi",
        &[],
        &sig_bytes(),
    ))
    .unwrap();
    assert!(built.contains(
        "\r\n\r\nThis is a cryptographically signed message in MIME format.\r\n\r\n--=_ms_"
    ));
    assert!(built.contains("\r\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"));
    // str::lines drops the CR too.
    let b64_lines = built.lines().filter(|l| l.len() == 76).count();
    assert!(b64_lines > 0 && built.lines().all(|l| l.len() <= 76));
    assert!(built.ends_with("--\r\n"));
}

#[test]
fn boundary_avoids_entity_content() {
    let entity = b"Content-Type: text/plain\r\n\r\n--=_ms_ looks like ours\r\n";
    for _ in 0..20 {
        let built = build(entity, &[], b"x");
        let a = analyze(&built).unwrap();
        assert!(matches!(a.root, Body::MultipartSigned { ref signed, .. } if signed == entity));
    }
    assert!(contains(b"abcabd", b"abd") && !contains(b"abcab", b"abd"));
}

#[test]
fn header_injection_is_neutralised() {
    let built = build_multipart_signed(
        &[],
        b"\r\n",
        "a\"\r\nX-Evil: 1",
        "sha-256\r\nX-Evil: 2",
        &SignaturePart {
            content_type: "application/x\r\nX-Evil: 3",
            filename: "a\"\r\nX-Evil: 4",
            data: b"",
        },
    );
    assert!(!built.windows(8).any(|w| w == b"\nX-Evil:"));
}

#[test]
fn pkcs7_mime_round_trip() {
    let p = split_for_protection(MESSAGE).unwrap();
    let der: Vec<u8> = (0..300u32).map(|i| i as u8).collect();
    let built = build_pkcs7_mime(&p.outer, "authEnveloped-data", &der);
    let text = String::from_utf8(built.clone()).unwrap();
    assert!(text.contains("MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=authEnveloped-data;\r\n\tname=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"smime.p7m\"\r\n\r\n"));
    let a = analyze(&built).unwrap();
    assert_eq!(
        a.root,
        Body::Pkcs7Mime {
            smime_type: Some("authEnveloped-data".into()),
            der: der.clone(),
        }
    );
    let body = text.split("\r\n\r\n").nth(1).unwrap();
    assert_eq!(base64_decode(body.as_bytes()).unwrap(), der);
}

#[test]
fn join_entity_replaces_mime_fields() {
    let p = split_for_protection(MESSAGE).unwrap();
    let mut outer = p.outer.clone();
    outer.push(HeaderField {
        name: "Content-Type".into(),
        raw: b"Content-Type: application/pkcs7-mime\r\n".to_vec(),
    });
    let joined = join_entity(&outer, &lf(&p.entity));
    let text = String::from_utf8(joined.clone()).unwrap();
    assert!(text.starts_with("From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: =?utf-8?q?gr=C3=BC=C3=9Fe?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"));
    assert!(!text.contains("pkcs7"));
    assert_eq!(text.matches("MIME-Version").count(), 1);
    // Joining and splitting again gives the same pieces.
    let again = split_for_protection(&joined).unwrap();
    assert_eq!(again.entity, p.entity);
    assert_eq!(again.outer, p.outer);
}

#[test]
fn join_entity_drops_inner_mime_version() {
    let joined = join_entity(
        &[],
        b"MIME-Version: 1.0\nContent-Type: text/plain\nSubject: inner\n\nbody\n",
    );
    assert_eq!(
        joined,
        b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\nSubject: inner\r\n\r\nbody\r\n"
    );
}
