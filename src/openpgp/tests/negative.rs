//! What must fail: altered ciphertext, missing integrity protection,
//! revoked and expired keys, truncated and garbage input.

use std::io::{Read, Write};
use std::time::Duration;

use sequoia_openpgp as openpgp;

use openpgp::armor;
use openpgp::cert::prelude::*;
use openpgp::packet::Tag;
use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::serialize::stream::{Armorer, Message, Signer};
use openpgp::types::ReasonForRevocation;
use openpgp::Cert;

use super::util::{cert, cert_v1_only, public, revoke, signer, Gpg, AT};
use crate::error::Error;
use crate::openpgp::policy::{policy_at, system_time};
use crate::openpgp::*;
use crate::time::Timestamp;

const DAY: u64 = 86_400;

/// Dearmors an armored message.
pub fn binary(armored: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    armor::Reader::from_bytes(armored, armor::ReaderMode::Tolerant(None))
        .read_to_end(&mut out)
        .expect("dearmor");
    out
}

fn encrypted_to(bob: &Cert, signed_by: Option<&Cert>) -> Vec<u8> {
    let signer = signed_by.map(|s| signer(s, AT));
    let r = [Recipient {
        cert: bob.clone(),
        hidden: false,
        expired_ok: false,
    }];
    encrypt(&vec![b'x'; 10_000], &r, signer.as_ref(), AT)
        .unwrap()
        .armored
}

#[test]
fn fail_altered_ciphertext_is_an_integrity_failure_without_plaintext() {
    for bob in [cert("bob@example.org"), cert_v1_only("bob@example.org")] {
        let alice = cert("alice@example.org");
        let msg = binary(&encrypted_to(&bob, Some(&alice)));
        let keys = MemoryKeys::new([bob.clone(), alice.strip_secret_key_material()]);
        assert!(decrypt(&msg, &keys, AT).is_ok());
        // Flip bits well inside the encrypted data, and near its end
        // (the MDC or the final AEAD tag).
        for at in [msg.len() / 2, msg.len() - 5, msg.len() - 30] {
            let mut bad = msg.clone();
            bad[at] ^= 0x20;
            let r = decrypt(&bad, &keys, AT);
            assert!(
                matches!(r, Err(Error::IntegrityFailure)),
                "byte {at}: {:?}",
                r.map(|d| d.plaintext.len())
            );
        }
    }
}

#[test]
fn fail_sed_packet_without_mdc_from_gpg_rfc2440() {
    let Some(gpg) = Gpg::new() else { return };
    let key = gpg.generate("old@example.org");
    // gpg --rfc2440 -e: a PKESK and a Symmetrically Encrypted Data
    // packet (tag 9): CFB without MDC, as PGP 2 and RFC 2440 made them.
    let data = gpg.file("plain.txt", b"attack at dawn\n");
    let sed = super::util::run_ok(
        gpg.cmd()
            .args(["--rfc2440", "-e", "-r", "old@example.org", "-o", "-"])
            .arg(&data),
        b"",
    );
    assert_eq!(top_level_tags(&sed), [Tag::PKESK, Tag::SED]);
    let r = decrypt(&sed, &MemoryKeys::new([key.clone()]), Timestamp::now());
    assert!(
        matches!(r, Err(Error::Unauthenticated(_))),
        "{:?}",
        r.map(|d| d.plaintext)
    );
    // The same at a reference time before 2004, when Sequoia's standard
    // policy would still accept the packet.
    let r = decrypt(&sed, &MemoryKeys::new([key]), Timestamp(1_000_000_000));
    assert!(r.is_err(), "{:?}", r.map(|d| d.plaintext));
    // gpg --rfc2440 -c: password-encrypted, same packet.
    let sym = super::util::run_ok(
        gpg.cmd()
            .args([
                "--passphrase",
                "pw",
                "--rfc2440",
                "--cipher-algo",
                "AES256",
                "-c",
                "-o",
                "-",
            ])
            .arg(&data),
        b"",
    );
    assert_eq!(top_level_tags(&sym), [Tag::SKESK, Tag::SED]);
    let r = decrypt(&sym, &MemoryKeys::default(), Timestamp::now());
    assert!(
        matches!(r, Err(Error::Unauthenticated(_))),
        "{:?}",
        r.map(|d| d.plaintext)
    );
}

/// The tags of the top-level packets, read without any policy.
fn top_level_tags(data: &[u8]) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut ppr = PacketParser::from_bytes(data).unwrap();
    while let PacketParserResult::Some(pp) = ppr {
        tags.push(pp.packet.tag());
        ppr = pp.next().unwrap().1;
    }
    tags
}

#[test]
fn soft_revocation_after_signing_keeps_the_signature() {
    let alice = cert("alice@example.org");
    let sig = sign_detached(&signer(&alice, AT), b"data", AT).unwrap();
    let revoked = revoke(
        &alice,
        ReasonForRevocation::KeySuperseded,
        Timestamp(AT.0 + DAY),
    );
    let checks = verify_detached(
        b"data",
        &sig.armored,
        &public(&[&revoked]),
        Timestamp(AT.0 + 2 * DAY),
    )
    .unwrap();
    let c = &checks[0];
    assert_eq!(c.status, SigStatus::Good, "{:?}", c.reason);
    let KeyState::RetiredLater(r) = &c.key_state else {
        panic!("expected a later soft revocation, got {:?}", c.key_state);
    };
    assert!(!r.hard);
    assert_eq!(r.reason, "Key is superseded");
    assert_eq!(r.revoked_at, Some(Timestamp(AT.0 + DAY)));
    // Before the revocation existed, nothing is reported.
    let checks = verify_detached(
        b"data",
        &sig.armored,
        &public(&[&revoked]),
        Timestamp(AT.0 + 3600),
    )
    .unwrap();
    assert_eq!(checks[0].key_state, KeyState::Valid);
}

#[test]
fn fail_hard_revocation_invalidates_every_signature() {
    let alice = cert("alice@example.org");
    let sig = sign_detached(&signer(&alice, AT), b"data", AT).unwrap();
    for reason in [
        ReasonForRevocation::KeyCompromised,
        ReasonForRevocation::Unspecified,
    ] {
        let revoked = revoke(&alice, reason, Timestamp(AT.0 + DAY));
        let checks = verify_detached(
            b"data",
            &sig.armored,
            &public(&[&revoked]),
            Timestamp(AT.0 + 2 * DAY),
        )
        .unwrap();
        let c = &checks[0];
        assert_eq!(c.status, SigStatus::Bad, "{reason}");
        assert!(
            matches!(&c.key_state, KeyState::Revoked(r) if r.hard),
            "{:?}",
            c.key_state
        );
        assert_eq!(c.signer_fingerprint, Some(alice.fingerprint()));
    }
}

#[test]
fn fail_soft_revocation_before_signing() {
    let alice = cert("alice@example.org");
    let revoked = revoke(
        &alice,
        ReasonForRevocation::KeyRetired,
        Timestamp(AT.0 - 3600),
    );
    // Sign with the key as if it were still good (a stale copy).
    let sig = sign_detached(&signer(&alice, AT), b"data", AT).unwrap();
    let checks = verify_detached(b"data", &sig.armored, &public(&[&revoked]), AT).unwrap();
    assert_eq!(checks[0].status, SigStatus::Bad);
    assert!(matches!(&checks[0].key_state, KeyState::Revoked(r) if !r.hard));
}

/// A detached signature by `tsk`'s signing subkey dated `when`, made
/// with Sequoia directly (our signer refuses keys not valid then).
fn sign_raw(tsk: &Cert, data: &[u8], when: Timestamp) -> Vec<u8> {
    let policy = policy_at(AT);
    let key = tsk
        .keys()
        .with_policy(&policy, system_time(AT))
        .secret()
        .for_signing()
        .next()
        .unwrap()
        .key()
        .clone()
        .into_keypair()
        .unwrap();
    let mut out = Vec::new();
    let m = Armorer::new(Message::new(&mut out))
        .kind(armor::Kind::Signature)
        .build()
        .unwrap();
    let mut s = Signer::new(m, key)
        .unwrap()
        .creation_time(system_time(when))
        .detached()
        .build()
        .unwrap();
    s.write_all(data).unwrap();
    s.finalize().unwrap();
    out
}

#[test]
fn fail_expired_key_at_signing_time_but_old_signatures_stand() {
    let (short, _) = CertBuilder::general_purpose(Some("<short@example.org>"))
        .set_creation_time(system_time(Timestamp(AT.0 - DAY)))
        .set_validity_period(Duration::from_secs(2 * DAY))
        .generate()
        .unwrap();
    let later = Timestamp(AT.0 + 10 * DAY);
    let keys = public(&[&short]);
    let old = sign_raw(&short, b"d", AT);
    let checks = verify_detached(b"d", &old, &keys, later).unwrap();
    assert!(
        checks[0].is_good(),
        "a signature made in time stays good: {:?}",
        checks[0].reason
    );
    let late = sign_raw(&short, b"d", Timestamp(AT.0 + 5 * DAY));
    let checks = verify_detached(b"d", &late, &keys, later).unwrap();
    assert_eq!(checks[0].status, SigStatus::Error);
    assert!(
        matches!(checks[0].key_state, KeyState::Expired(_)),
        "{:?}",
        checks[0].key_state
    );
}

#[test]
fn fail_signature_from_the_future() {
    let alice = cert("alice@example.org");
    let sig = sign_raw(&alice, b"d", Timestamp(AT.0 + DAY));
    let checks = verify_detached(b"d", &sig, &public(&[&alice]), AT).unwrap();
    assert_ne!(checks[0].status, SigStatus::Good);
}

#[test]
fn fail_truncated_ciphertext_never_yields_plaintext() {
    let (alice, bob) = (cert("alice@example.org"), cert_v1_only("bob@example.org"));
    let armored = encrypted_to(&bob, Some(&alice));
    let msg = binary(&armored);
    let keys = MemoryKeys::new([bob, alice.strip_secret_key_material()]);
    for len in (0..msg.len()).step_by(97).chain(msg.len() - 40..msg.len()) {
        let r = decrypt(&msg[..len], &keys, AT);
        assert!(r.is_err(), "prefix of {len} bytes decrypted");
    }
    for len in (0..armored.len()).step_by(211) {
        if let Ok(d) = decrypt(&armored[..len], &keys, AT) {
            panic!(
                "armored prefix of {len} bytes gave {} bytes",
                d.plaintext.len()
            );
        }
    }
}

#[test]
fn fail_garbage_is_an_error() {
    let keys = MemoryKeys::new([cert("bob@example.org")]);
    let cases: [&[u8]; 6] = [
        b"",
        b"hello",
        b"-----BEGIN PGP MESSAGE-----\n\nnot base64 !!!\n-----END PGP MESSAGE-----\n",
        b"-----BEGIN PGP MESSAGE-----\n\n",
        b"\xc1\xff\xff\xff\xff\xff",
        b"-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n",
    ];
    for raw in cases {
        assert!(decrypt(raw, &keys, AT).is_err(), "{raw:?}");
        assert!(open(raw, &keys, AT).is_err(), "{raw:?}");
        assert!(verify_detached(b"x", raw, &keys, AT).is_err(), "{raw:?}");
    }
}

#[test]
fn fail_unsigned_data_given_as_signature() {
    let bob = cert("bob@example.org");
    let e = encrypted_to(&bob, None);
    let keys = MemoryKeys::new([bob]);
    assert!(verify_detached(b"x", &e, &keys, AT).is_err());
}

/// With `--trust-any`, an expired encryption subkey is used only when it
/// is all the certificate has: beside a live one, it gets no PKESK.
#[test]
fn expired_subkey_only_when_nothing_else() {
    use openpgp::types::KeyFlags;
    let made = Timestamp(AT.0 - 10 * 86_400);
    let day = Duration::from_secs(86_400);
    let build = |with_live: bool| {
        let mut b = CertBuilder::new()
            .add_userid("<a@example.org>")
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_creation_time(system_time(made))
            .add_subkey(KeyFlags::empty().set_transport_encryption(), day, None);
        if with_live {
            b = b.add_transport_encryption_subkey();
        }
        b.generate().unwrap().0
    };
    let ids = |keys: &[openpgp::packet::Key<_, _>]| -> Vec<String> {
        keys.iter().map(|k| k.keyid().to_hex()).collect()
    };
    let both = build(true);
    let (keys, why) = encrypt::recipient_keys(&both, false, true, AT).unwrap();
    assert!(why.is_none());
    assert_eq!(keys.keys.len(), 1);
    let policy = policy_at(AT);
    let live: Vec<String> = both
        .keys()
        .subkeys()
        .with_policy(&policy, system_time(AT))
        .alive()
        .map(|k| k.key().keyid().to_hex())
        .collect();
    assert_eq!(live.len(), 1);
    assert_eq!(ids(&keys.keys), live);
    let only_expired = build(false);
    assert!(encrypt::recipient_keys(&only_expired, false, false, AT).is_err());
    let (keys, why) = encrypt::recipient_keys(&only_expired, false, true, AT).unwrap();
    assert!(why.is_some_and(|w| w.contains("no valid encryption-capable key")));
    assert_eq!(keys.keys.len(), 1);
}
