//! Messages that must not decrypt: not for us, altered, wrong key,
//! truncated, garbage. None may panic; altered AuthEnvelopedData returns
//! no content.

use p256::elliptic_curve::Generate;
use proptest::prelude::*;

use super::fixture::{fixture, sample_content};
use super::*;

/// The offset of the GCM ciphertext in our AuthEnvelopedData: it ends just
/// before the mac (OCTET STRING header of 2 bytes + 16-byte tag).
fn gcm_ciphertext_range(msg: &[u8], content_len: usize) -> std::ops::Range<usize> {
    let end = msg.len() - 18;
    end - content_len..end
}

#[test]
fn fail_not_for_us() {
    let Some(f) = fixture() else { return };
    let certs = [f.rsa[0].cert.clone(), f.p256.cert.clone()];
    let outsider = &f.rsa[2];
    for cipher in [Cipher::Aes256Gcm, Cipher::Aes256Cbc] {
        let msg = encrypt(b"secret", &certs, cipher, RsaPadding::Pkcs1v15).unwrap();
        assert!(matches!(
            decrypt(&msg, &outsider.key, &outsider.cert),
            Err(Error::NotForUs)
        ));
        assert!(!recipients(&msg)
            .unwrap()
            .iter()
            .any(|id| id.matches(&outsider.cert)));
    }
}

#[test]
fn fail_flipped_gcm_ciphertext_or_tag_is_an_integrity_failure() {
    let Some(f) = fixture() else { return };
    let party = &f.rsa[0];
    let content = sample_content();
    for padding in [RsaPadding::Pkcs1v15, RsaPadding::Oaep] {
        let msg = encrypt(
            &content,
            std::slice::from_ref(&party.cert),
            Cipher::Aes256Gcm,
            padding,
        )
        .unwrap();
        let ct = gcm_ciphertext_range(&msg, content.len());
        let positions = [
            ct.start,
            ct.start + ct.len() / 2,
            ct.end - 1,
            msg.len() - 16,
            msg.len() - 1,
        ];
        for pos in positions {
            let mut bad = msg.clone();
            bad[pos] ^= 0x01;
            assert!(
                matches!(
                    decrypt(&bad, &party.key, &party.cert),
                    Err(Error::IntegrityFailure)
                ),
                "flipped byte at {pos} of {}",
                msg.len()
            );
        }
    }
}

#[test]
fn fail_flipped_openssl_gcm_tag() {
    let Some(f) = fixture() else { return };
    let dir = tempfile::tempdir().unwrap();
    let party = &f.rsa[0];
    // openssl cms -encrypt -binary -outform DER -aes-256-gcm -recip rsa1.crt
    let msg = super::openssl_encrypt(dir.path(), b"hello", &["-aes-256-gcm"], &[(party, &[])]);
    let mut bad = msg.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x80;
    assert!(matches!(
        decrypt(&bad, &party.key, &party.cert),
        Err(Error::IntegrityFailure)
    ));
}

#[test]
fn fail_wrong_private_key_with_matching_recipient_id() {
    let Some(f) = fixture() else { return };
    let (right, wrong) = (&f.rsa[0], &f.rsa[1]);
    let content = sample_content();
    let to = [right.cert.clone()];
    // PKCS#1 v1.5 continues with a random key: GCM reports the tag.
    let msg = encrypt(&content, &to, Cipher::Aes256Gcm, RsaPadding::Pkcs1v15).unwrap();
    assert!(matches!(
        decrypt(&msg, &wrong.key, &right.cert),
        Err(Error::IntegrityFailure)
    ));
    // OAEP reports the unwrap failure itself.
    let msg = encrypt(&content, &to, Cipher::Aes256Gcm, RsaPadding::Oaep).unwrap();
    assert!(matches!(
        decrypt(&msg, &wrong.key, &right.cert),
        Err(Error::DecryptionFailed(_))
    ));
    let msg = encrypt(&content, &to, Cipher::Aes256Cbc, RsaPadding::Oaep).unwrap();
    assert!(matches!(
        decrypt(&msg, &wrong.key, &right.cert),
        Err(Error::DecryptionFailed(_))
    ));
    // CBC with a random key fails its padding check, except about once in
    // 256 tries when random bytes happen to look like padding; it must
    // never yield the content.
    let msg = encrypt(&content, &to, Cipher::Aes256Cbc, RsaPadding::Pkcs1v15).unwrap();
    match decrypt(&msg, &wrong.key, &right.cert) {
        Err(Error::DecryptionFailed(_)) => {}
        Ok(out) => assert_ne!(out.content.as_slice(), content.as_slice()),
        Err(e) => panic!("unexpected error {e}"),
    }
    // An EC key of the right curve but not the recipient's: the key wrap's
    // integrity check fails.
    let msg = encrypt(
        &content,
        std::slice::from_ref(&f.p256.cert),
        Cipher::Aes256Gcm,
        RsaPadding::Oaep,
    )
    .unwrap();
    let other = PrivateKey::P256(p256::SecretKey::generate_from_rng(&mut rand::rng()));
    assert!(matches!(
        decrypt(&msg, &other, &f.p256.cert),
        Err(Error::DecryptionFailed(_))
    ));
    // A key of the wrong type for the RecipientInfo.
    assert!(matches!(
        decrypt(&msg, &right.key, &f.p256.cert),
        Err(Error::DecryptionFailed(_))
    ));
}

#[test]
fn fail_every_truncation_is_an_error() {
    let Some(f) = fixture() else { return };
    let party = &f.rsa[0];
    let dir = tempfile::tempdir().unwrap();
    let certs = [party.cert.clone(), f.p256.cert.clone()];
    let ours = encrypt(
        b"short message",
        &certs,
        Cipher::Aes256Gcm,
        RsaPadding::Pkcs1v15,
    )
    .unwrap();
    // openssl cms -encrypt -binary -outform DER -stream -aes256 -recip rsa1.crt
    let ber = super::openssl_encrypt(
        dir.path(),
        b"short message",
        &["-stream", "-aes256"],
        &[(party, &[])],
    );
    for msg in [ours, ber] {
        assert!(decrypt(&msg, &party.key, &party.cert).is_ok());
        for len in 0..msg.len() {
            let cut = &msg[..len];
            assert!(
                decrypt(cut, &party.key, &party.cert).is_err(),
                "prefix {len}"
            );
            assert!(recipients(cut).is_err(), "prefix {len}");
        }
    }
}

#[test]
fn fail_garbage_is_an_error() {
    let Some(f) = fixture() else { return };
    let party = &f.rsa[0];
    let mut noise = vec![0u8; 4096];
    rand::fill(noise.as_mut_slice());
    let inputs: [&[u8]; 7] = [
        b"",
        b"\x30",
        b"\x30\x80",
        b"\x30\x80\x00\x00",
        b"-----BEGIN CMS-----\nAAAA\n-----END CMS-----\n",
        &[0xff; 64],
        &noise,
    ];
    for input in inputs {
        assert!(decrypt(input, &party.key, &party.cert).is_err());
        assert!(recipients(input).is_err());
    }
}

/// One valid GCM and one valid BER/CBC message to mutate.
fn valid_messages() -> Option<Vec<Vec<u8>>> {
    let f = fixture()?;
    let party = &f.rsa[0];
    let dir = tempfile::tempdir().unwrap();
    let content = b"proptest content".to_vec();
    let certs = [party.cert.clone(), f.p256.cert.clone()];
    Some(vec![
        encrypt(&content, &certs, Cipher::Aes256Gcm, RsaPadding::Pkcs1v15).unwrap(),
        // openssl cms -encrypt -binary -outform DER -stream -aes-256-gcm -recip rsa1.crt
        super::openssl_encrypt(
            dir.path(),
            &content,
            &["-stream", "-aes-256-gcm"],
            &[(party, &[])],
        ),
        // openssl cms -encrypt -binary -outform DER -stream -aes128 -recip rsa1.crt
        super::openssl_encrypt(
            dir.path(),
            &content,
            &["-stream", "-aes128"],
            &[(party, &[])],
        ),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Mutated messages never panic; a GCM message that still decrypts
    /// yields exactly the original content.
    #[test]
    fn mutated_messages_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let Some(f) = fixture() else { return Ok(()) };
        static MESSAGES: std::sync::OnceLock<Option<Vec<Vec<u8>>>> = std::sync::OnceLock::new();
        let Some(messages) = MESSAGES.get_or_init(valid_messages) else { return Ok(()) };
        let mut msg = messages[which].clone();
        for (index, byte, op) in edits {
            let pos = index.index(msg.len().max(1));
            match op {
                0 if pos < msg.len() => msg[pos] ^= byte | 1,
                1 if pos < msg.len() => { msg.remove(pos); }
                _ => msg.insert(pos.min(msg.len()), byte),
            }
        }
        let party = &f.rsa[0];
        let _ = recipients(&msg);
        if let Ok(out) = decrypt(&msg, &party.key, &party.cert) {
            if out.integrity_protected {
                prop_assert_eq!(out.content.as_slice(), b"proptest content".as_slice());
            }
        }
    }
}
