//! Fuzz-like tests of the parsing we do ourselves (PGP/MIME wrappers,
//! inline block detection) and of what reaches Sequoia through it:
//! whatever the bytes, an answer comes quickly, never a panic; a
//! changed message never verifies unless the signed bytes are intact;
//! a changed or cut ciphertext never yields other plaintext.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use sequoia_openpgp::Cert;

use super::util::{cert, cert_v1_only, signer, AT};
use crate::openpgp::*;

struct Fixture {
    alice: Cert,
    bob: Cert,
    raw: Vec<u8>,
    signed: Vec<u8>,
    sealed: Vec<u8>,
}

/// One signed and one signed-and-encrypted message, made once.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let (alice, bob) = (cert("alice@example.org"), cert_v1_only("bob@example.org"));
        let raw = b"From: alice@example.org\r\nTo: bob@example.org\r\nContent-Type: text/plain\r\n\r\nhello\r\n".to_vec();
        let key = signer(&alice, AT);
        let signed = sign_message(&raw, &key, AT).unwrap();
        let r = [Recipient { cert: bob.clone(), hidden: false, expired_ok: false }];
        let sealed = encrypt_message(&raw, &r, Some(&key), AT).unwrap();
        Fixture { alice, bob, raw, signed, sealed }
    })
}

fn keys() -> MemoryKeys {
    let f = fixture();
    MemoryKeys::new([f.bob.clone(), f.alice.clone().strip_secret_key_material()])
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
        (any::<usize>(), 1..=255u8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut raw: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let len = raw.len().max(1);
        match *m {
            Mutation::Flip(i, b) if !raw.is_empty() => raw[i % len] ^= b,
            Mutation::Insert(i, b) => raw.insert(i % (raw.len() + 1), b),
            Mutation::Delete(i) if !raw.is_empty() => {
                raw.remove(i % len);
            }
            Mutation::Truncate(i) => raw.truncate(i % (raw.len() + 1)),
            _ => {}
        }
    }
    raw
}

/// Bytes that look like PGP/MIME or inline PGP often enough to reach
/// the deeper code.
fn pgpish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"--b".to_vec()),
        Just(b"--b--".to_vec()),
        Just(b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n".to_vec()),
        Just(b"Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=b\n".to_vec()),
        Just(b"Content-Type: application/pgp-encrypted\n\nVersion: 1\n".to_vec()),
        Just(b"Content-Type: text/plain\n".to_vec()),
        Just(b"Content-Transfer-Encoding: base64\n".to_vec()),
        Just(b"-----BEGIN PGP MESSAGE-----\n".to_vec()),
        Just(b"-----END PGP MESSAGE-----\n".to_vec()),
        Just(b"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n".to_vec()),
        Just(b"-----BEGIN PGP SIGNATURE-----\n".to_vec()),
        Just(b"-----END PGP SIGNATURE-----\n".to_vec()),
        Just(b"wcBMA1kqSQ8Hwt4YAQf/".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..24),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Runs every entry point on `raw`; none may panic or dawdle.
fn run_all(raw: &[u8], keys: &MemoryKeys) {
    let start = Instant::now();
    if let Some(b) = find_inline(raw) {
        assert!(b.start <= b.end && b.end <= raw.len());
        assert!(b.bytes(raw).starts_with(b"-----BEGIN PGP "));
    }
    let _ = analyze(raw);
    let _ = verify_message(raw, keys, AT);
    if let Ok(d) = decrypt_message(raw, keys, AT) {
        // A broken header may turn PGP/MIME into inline PGP in a text
        // body: then the plaintext replaces the block, text around it.
        let plaintext = b"Content-Type: text/plain\r\n\r\nhello\r\n";
        let found = d.message.windows(plaintext.len()).any(|w| w == plaintext);
        assert!(found, "other plaintext from a changed message");
        if d.scope == Scope::Whole {
            assert!(d.message.ends_with(plaintext));
        }
    }
    let _ = open(raw, keys, AT);
    let _ = verify_detached(b"x", raw, keys, AT);
    assert!(start.elapsed() < Duration::from_secs(5), "too slow");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_pgpish_input_is_handled(raw in pgpish()) {
        run_all(&raw, &keys());
    }

    #[test]
    fn changed_signed_message_verifies_only_if_the_entity_is_intact(
        muts in proptest::collection::vec(mutation(), 1..4)
    ) {
        let f = fixture();
        let changed = mutate(f.signed.clone(), &muts);
        run_all(&changed, &keys());
        let original = match analyze(&f.signed).unwrap().root {
            Some(Protected::Signed { entity, .. }) => entity,
            other => panic!("{other:?}"),
        };
        if let Ok(report) = verify_message(&changed, &keys(), AT) {
            let good = report.signed.iter().any(|p| p.signatures.iter().any(|s| s.is_good()));
            if good {
                let Some(Protected::Signed { entity, .. }) = analyze(&changed).unwrap().root else {
                    panic!("good signature without a signed root");
                };
                prop_assert_eq!(entity, original);
            }
        }
    }

    #[test]
    fn changed_encrypted_message_never_gives_other_plaintext(
        muts in proptest::collection::vec(mutation(), 1..4)
    ) {
        let f = fixture();
        run_all(&mutate(f.sealed.clone(), &muts), &keys());
    }
}

#[test]
fn fail_every_cut_of_an_encrypted_message_is_an_error_or_the_original() {
    let f = fixture();
    let keys = keys();
    let whole = decrypt_message(&f.sealed, &keys, AT).unwrap();
    assert!(whole.message.ends_with(b"hello\r\n"));
    for len in (0..f.sealed.len()).step_by(7) {
        if let Ok(d) = decrypt_message(&f.sealed[..len], &keys, AT) {
            assert_eq!(d.message, whole.message, "cut at {len}");
        }
    }
    assert!(f.raw.ends_with(b"hello\r\n"));
}

#[test]
fn fail_every_cut_of_a_signed_message_is_never_good_with_other_content() {
    let f = fixture();
    let keys = keys();
    for len in (0..f.signed.len()).step_by(5) {
        run_all(&f.signed[..len], &keys);
    }
}
