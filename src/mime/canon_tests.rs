use super::*;
use crate::mime::codec::base64_decode;
use crate::mime::join_entity;
use crate::mime::qp::qp_decode;

fn names(h: &[HeaderField]) -> Vec<&str> {
    h.iter().map(|f| f.name.as_str()).collect()
}

/// The entity's header block and body.
fn parts(entity: &[u8]) -> (String, Vec<u8>) {
    let (h, body) = split_headers(entity).unwrap();
    let head: Vec<u8> = h.iter().flat_map(|f| f.raw.clone()).collect();
    (String::from_utf8(head).unwrap(), body.to_vec())
}

/// A message around `entity`: a From field (every message to protect has
/// one) and nothing else outside.
fn with_from(entity: &[u8]) -> Vec<u8> {
    [&b"From: a@example.org\r\n"[..], entity].concat()
}

fn assert_stable(p: &Protected) {
    let again = split_for_protection(&join_entity(&p.outer, &p.entity)).unwrap();
    assert_eq!(again.entity, p.entity, "not a fixed point");
    assert_eq!(again.outer, p.outer);
}

fn assert_seven_bit(entity: &[u8]) {
    assert!(entity.iter().all(|&b| b < 0x80 && b != 0));
    for line in entity.split(|&b| b == b'\n') {
        assert!(line.len() <= 999);
        assert!(!line.starts_with(b"From "));
    }
}

#[test]
fn outer_and_entity_split() {
    let raw = b"Received: x\r\nFrom: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain;\r\n charset=us-ascii\r\nSubject: s\r\ncontent-id: <1@x>\r\n\r\nhello\r\n";
    let p = split_for_protection(raw).unwrap();
    assert_eq!(names(&p.outer), ["Received", "From", "Subject"]);
    assert_eq!(
        p.entity,
        b"Content-Type: text/plain;\r\n charset=us-ascii\r\ncontent-id: <1@x>\r\n\r\nhello\r\n"
    );
    assert_stable(&p);
}

#[test]
fn default_content_type_and_lf() {
    let p =
        split_for_protection(b"From: a@example.org\nSubject: s\n\nline one\nline two\n").unwrap();
    assert_eq!(
        p.entity,
        b"Content-Type: text/plain; charset=us-ascii\r\n\r\nline one\r\nline two\r\n"
    );
    assert_stable(&p);
}

/// Each 8-bit text body becomes quoted-printable; decoding gives back the
/// original bytes exactly, with the charset label unchanged.
#[test]
fn eight_bit_text_is_qp_and_byte_exact() {
    let bodies: [(&str, &[u8]); 3] = [
        // "日本語のメール" in UTF-8.
        ("utf-8", "日本語のメール\r\n二行目 \r\n".as_bytes()),
        // The same in Shift_JIS (0x93fa 0x967b 0x8cea ...), with "=" and tabs.
        (
            "Shift_JIS",
            b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x81\x81\x5b\x83\x8b\r\na=b\t\r\n",
        ),
        // ISO-2022-JP with 8bit label and a trailing space: 7-bit bytes, but
        // the trailing whitespace must be protected.
        ("ISO-2022-JP", b"\x1b$BF|K\\8l\x1b(B \r\nFrom Taro\r\n"),
    ];
    for (charset, body) in bodies {
        let raw = [
            format!("From: a@example.org\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").as_bytes(),
            body,
        ]
        .concat();
        let p = split_for_protection(&raw).unwrap();
        let (head, enc) = parts(&p.entity);
        assert_eq!(
            head,
            format!("Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n")
        );
        assert_seven_bit(&p.entity);
        assert_eq!(qp_decode(&enc), body, "{charset}");
        assert_stable(&p);
    }
}

#[test]
fn seven_bit_iso_2022_jp_is_left_alone() {
    let raw = b"Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n\x1b$BF|K\\8l\x1b(B\r\n";
    let p = split_for_protection(&with_from(raw)).unwrap();
    assert_eq!(&p.entity[..], &raw[..]);
}

#[test]
fn binary_attachment_becomes_base64() {
    let data: Vec<u8> = (0..=255u8).collect();
    let raw = [
        &b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"[..],
        &data,
    ]
    .concat();
    let p = split_for_protection(&with_from(&raw)).unwrap();
    let (head, enc) = parts(&p.entity);
    assert_eq!(
        head,
        "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
    );
    assert_eq!(base64_decode(&enc).unwrap(), data);
    assert_stable(&p);
}

#[test]
fn long_lines_and_bare_cr_are_encoded() {
    let mut body = vec![b'x'; 1200];
    body.extend_from_slice(b"\r\nbare\rcr\r\n");
    let raw = [&b"Content-Type: text/plain\r\n\r\n"[..], &body].concat();
    let p = split_for_protection(&with_from(&raw)).unwrap();
    let (head, enc) = parts(&p.entity);
    assert!(head.ends_with("Content-Transfer-Encoding: quoted-printable\r\n"));
    assert_eq!(qp_decode(&enc), body);
}

#[test]
fn encoded_bodies_keep_their_encoding() {
    let raw = b"Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n";
    let p = split_for_protection(&with_from(raw)).unwrap();
    assert_eq!(
        p.entity,
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
    );
    // Quoted-printable with a risky line is re-encoded, content unchanged.
    let raw =
        b"Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nFrom x=3D \n";
    let p = split_for_protection(&with_from(raw)).unwrap();
    let (_, enc) = parts(&p.entity);
    assert_eq!(enc, b"=46rom x=3D\r\n");
}

#[test]
fn multipart_leaves_are_canonicalized_in_place() {
    let raw = "From: a@example.org\n\
        Content-Type: multipart/mixed; boundary=\"m\"\n\n\
        preamble x\n\
        --m\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nJörg\n\
        --m\nContent-Type: multipart/alternative; boundary=a\n\n\
        --a\nContent-Type: text/plain\n\nplain\n--a\nContent-Type: text/html; charset=utf-8\n\n<p>é</p>\n--a--\n\
        --m\nContent-Type: message/rfc822\n\nSubject: inner\nContent-Type: text/plain; charset=utf-8\n\nüber\n\
        --m--\nepilogue\n";
    let p = split_for_protection(raw.as_bytes()).unwrap();
    let expected = "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n\
        preamble x\r\n\
        --m\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nJ=C3=B6rg\r\n\
        --m\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n\
        --a\r\nContent-Type: text/plain\r\n\r\nplain\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=C3=A9</p>\r\n--a--\r\n\
        --m\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=C3=BCber\r\n\
        --m--\r\nepilogue\r\n";
    assert_eq!(String::from_utf8(p.entity.clone()).unwrap(), expected);
    assert_stable(&p);
}

/// A message signed elsewhere (here in the shape `openssl cms -sign`
/// writes) can be encrypted or forwarded without breaking its signature:
/// its parts are not re-encoded even where they would be unsafe.
#[test]
fn signed_parts_are_left_alone() {
    let signed = "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=\"sha-256\"; boundary=\"----B\"\n\n\
        This is an S/MIME signed message\n\n\
        ------B\nContent-Type: text/plain; charset=utf-8\n\nFrom me  \n\u{65e5}\n\
        ------B\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\nContent-Transfer-Encoding: base64\n\nMAA=\n\n------B--\n\n";
    let p = split_for_protection(&with_from(signed.as_bytes())).unwrap();
    assert_eq!(p.entity, signed.replace('\n', "\r\n").as_bytes());
    let mixed = format!(
        "Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\nsee attached \n--m\nContent-Type: message/rfc822\n\nSubject: fwd\n{signed}\n--m--\n"
    );
    let p = split_for_protection(&with_from(mixed.as_bytes())).unwrap();
    let text = String::from_utf8(p.entity.clone()).unwrap();
    assert!(text.contains("see attached=20\r\n"));
    assert!(text.contains(&signed.replace('\n', "\r\n")));
    assert_stable(&p);
}

#[test]
fn fail_nesting_too_deep() {
    let mut raw = Vec::new();
    for i in 0..100 {
        raw.extend_from_slice(
            format!("Content-Type: multipart/mixed; boundary=b{i}x\r\n\r\n--b{i}x\r\n").as_bytes(),
        );
    }
    raw.extend_from_slice(b"\r\nleaf\r\n");
    assert!(matches!(
        split_for_protection(&with_from(&raw)),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn relay_safety() {
    assert!(is_relay_safe(b"abc\r\ndef\r\n"));
    assert!(is_relay_safe(b"Fromage\r\n"));
    assert!(!is_relay_safe(b"abc \r\n"));
    assert!(!is_relay_safe(b"abc\t"));
    assert!(!is_relay_safe(b"x\r\nFrom y\r\n"));
    assert!(!is_relay_safe(b"a\nb"));
    assert!(!is_relay_safe(b"a\rb"));
    assert!(!is_relay_safe(b"a\0b"));
    assert!(!is_relay_safe(&[b'a'; 999]));
    assert!(is_relay_safe(&[b'a'; 998]));
}

/// Issue 18: 8-bit text re-encoded as quoted-printable inside a multipart
/// got a soft line break just before "--b", which made a delimiter line of
/// it; each canonicalization then added a CRLF. From the `mime` fuzz
/// target, reduced.
#[test]
fn quoted_printable_never_starts_a_line_with_a_boundary() {
    let mut raw =
        b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n"
            .to_vec();
    raw.extend_from_slice(&[0xe5; 25]);
    raw.extend_from_slice(b"--b");
    let p = split_for_protection(&raw).unwrap();
    assert_stable(&p);
    let parts = p
        .entity
        .split(|&b| b == b'\n')
        .filter(|l| l.starts_with(b"--b"))
        .count();
    assert_eq!(parts, 1, "{}", String::from_utf8_lossy(&p.entity));
    // The fuzz target's own input, as it found it.
    let found = b"From:@\nContent-Type:multipart/e;boundary=b\n\n--b\n\n\xe5\xe5\xe5\x1f\x00\x00\x00\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5\xe5--b";
    if let Ok(p) = split_for_protection(found) {
        assert_stable(&p);
    }
}
