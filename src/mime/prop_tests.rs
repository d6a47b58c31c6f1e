//! Whatever the bytes, the parsers return (Ok or Err) quickly and never
//! panic.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::*;
use crate::mime::split_for_protection;

fn run_all(raw: &[u8]) {
    let start = Instant::now();
    let _ = split_headers(raw);
    let _ = analyze(raw);
    if let Ok(p) = split_for_protection(raw) {
        // Canonical output is a fixed point.
        let again = split_for_protection(&crate::mime::join_entity(&p.outer, &p.entity)).unwrap();
        assert_eq!(again.entity, p.entity);
    }
    assert!(start.elapsed() < Duration::from_secs(2), "too slow");
}

/// Bytes that look like MIME often enough to reach the deeper code.
fn mimeish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"--b".to_vec()),
        Just(b"--b--".to_vec()),
        Just(b"Content-Type: multipart/mixed; boundary=b\r\n".to_vec()),
        Just(b"Content-Type: multipart/signed; protocol=\"x\"; boundary=b\n".to_vec()),
        Just(b"Content-Type: application/pkcs7-mime\n".to_vec()),
        Just(b"Content-Type: message/rfc822\n".to_vec()),
        Just(b"Content-Transfer-Encoding: base64\n".to_vec()),
        Just(b"Content-Transfer-Encoding: quoted-printable\n".to_vec()),
        Just(b" folded".to_vec()),
        Just(b"From x".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..20),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut raw: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let len = raw.len().max(1);
        match *m {
            Mutation::Flip(i, b) => {
                if let Some(x) = raw.get_mut(i % len) {
                    *x = b;
                }
            }
            Mutation::Insert(i, b) => raw.insert(i % (raw.len() + 1), b),
            Mutation::Delete(i) => {
                if !raw.is_empty() {
                    raw.remove(i % len);
                }
            }
            Mutation::Truncate(i) => raw.truncate(i % len),
        }
    }
    raw
}

fn valid_messages() -> Vec<Vec<u8>> {
    vec![
        super::nested_message(),
        super::signed_message("protocol=\"application/pkcs7-signature\"; boundary=XyZ"),
        b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\xe6\x97\xa5 \r\nFrom x\r\n".to_vec(),
    ]
}

/// A message whose multipart parts (nested up to `depth`) hold text that
/// canonicalization must re-encode: 8-bit bytes, control bytes, runs of
/// `-` and the boundaries' own text, with CRLF, LF and bare CR line ends.
fn multipart_message(depth: u32) -> impl Strategy<Value = Vec<u8>> {
    let text = proptest::collection::vec(
        prop_oneof![
            Just(b"\xe5".to_vec()),
            Just(b"\x1f\x00".to_vec()),
            Just(b"-".to_vec()),
            Just(b"--b".to_vec()),
            Just(b"--c".to_vec()),
            Just(b"From ".to_vec()),
            Just(b"=".to_vec()),
            Just(b" ".to_vec()),
            Just(b"a".to_vec()),
            Just(b"a".repeat(30)),
            Just(b"\xe5".repeat(25)),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r".to_vec()),
        ],
        0..60,
    )
    .prop_map(|v| v.concat());
    let encoding = prop_oneof![
        Just(""),
        Just("Content-Transfer-Encoding: 8bit\r\n"),
        Just("Content-Transfer-Encoding: binary\r\n"),
        Just("Content-Transfer-Encoding: quoted-printable\r\n"),
        Just("Content-Type: application/x-data\r\n"),
    ];
    let leaf = (encoding, text).prop_map(|(h, t)| [h.as_bytes(), b"\r\n", &t].concat());
    leaf.prop_recursive(depth, 16, 4, |inner| {
        (
            prop_oneof![Just("b"), Just("c")],
            proptest::collection::vec(inner, 0..4),
            any::<bool>(),
        )
            .prop_map(|(boundary, parts, close)| {
                let mut out = format!("Content-Type: multipart/mixed; boundary={boundary}\r\n\r\n")
                    .into_bytes();
                for p in parts {
                    out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
                    out.extend_from_slice(&p);
                    out.extend_from_slice(b"\r\n");
                }
                if close {
                    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
                }
                out
            })
    })
    .prop_map(|entity| [&b"From: a@example.org\r\n"[..], &entity].concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Canonical form is a fixed point, also where re-encoding a part
    /// breaks lines (issue 18).
    #[test]
    fn canonical_form_of_multiparts_is_a_fixed_point(raw in multipart_message(3)) {
        let p = split_for_protection(&raw).unwrap();
        let again = split_for_protection(&crate::mime::join_entity(&p.outer, &p.entity)).unwrap();
        prop_assert_eq!(String::from_utf8_lossy(&again.entity), String::from_utf8_lossy(&p.entity));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(raw in proptest::collection::vec(any::<u8>(), 0..2000)) {
        run_all(&raw);
    }

    #[test]
    fn mimeish_bytes_never_panic(raw in mimeish()) {
        run_all(&raw);
    }

    #[test]
    fn mutated_messages_never_panic(
        which in 0usize..3,
        muts in proptest::collection::vec(mutation(), 1..8),
    ) {
        let base = valid_messages().swap_remove(which);
        run_all(&mutate(base, &muts));
    }
}

/// Hostile shapes that would be quadratic in a naive parser.
#[test]
fn large_hostile_inputs_are_linear() {
    let many_delims = [
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n".to_vec(),
        b"--b\r\n".repeat(100_000),
    ]
    .concat();
    let many_folds = [b"Subject: x\r\n".to_vec(), b" y\r\n".repeat(200_000)].concat();
    let long_line = vec![b'a'; 2_000_000];
    let many_params = [
        b"Content-Type: text/plain".to_vec(),
        b"; a*1=x".repeat(100_000),
        b"\r\n\r\n".to_vec(),
    ]
    .concat();
    for raw in [many_delims, many_folds, long_line, many_params] {
        run_all(&raw);
    }
}
