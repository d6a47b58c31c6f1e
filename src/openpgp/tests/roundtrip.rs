//! Round trips through our own signing, encryption, verification and
//! decryption, with the container version checked in the packets.

use sequoia_openpgp as openpgp;

use openpgp::packet::Packet;
use openpgp::parse::Parse;
use openpgp::types::HashAlgorithm;
use openpgp::{KeyHandle, PacketPile};

use super::util::{cert, cert_v1_only, cert_v6, public, signer, AT};
use crate::error::Error;
use crate::openpgp::*;
use crate::time::Timestamp;

/// The SEIPD version and the PKESK recipients, read from the packets.
pub fn container(armored: &[u8]) -> (u8, Vec<Option<KeyHandle>>) {
    let pile = PacketPile::from_bytes(armored).expect("parse message");
    let mut version = 0;
    let mut recipients = Vec::new();
    for p in pile.children() {
        match p {
            Packet::PKESK(k) => recipients.push(k.recipient()),
            Packet::SEIP(s) => version = s.version(),
            _ => {}
        }
    }
    (version, recipients)
}

#[test]
fn detached_signature_verifies_with_details() {
    let alice = cert("alice@example.org");
    let data = b"Content-Type: text/plain\r\n\r\nhello\r\n";
    let sig = sign_detached(&signer(&alice, AT), data, AT).unwrap();
    assert_eq!(sig.micalg, "pgp-sha256");
    assert!(sig.armored.starts_with(b"-----BEGIN PGP SIGNATURE-----"));
    let checks = verify_detached(data, &sig.armored, &public(&[&alice]), AT).unwrap();
    assert_eq!(checks.len(), 1);
    let c = &checks[0];
    assert_eq!(c.status, SigStatus::Good, "{:?}", c.reason);
    assert_eq!(c.signer_fingerprint, Some(alice.fingerprint()));
    assert_eq!(c.hash_algo, Some(HashAlgorithm::SHA256));
    assert_eq!(c.signed_at, Some(AT));
    assert_eq!(c.key_state, KeyState::Valid);
    assert_ne!(
        c.key_fingerprint,
        Some(alice.fingerprint()),
        "made by the subkey"
    );
    assert!(c.issuer.as_ref().is_some_and(|i| c
        .key_fingerprint
        .as_ref()
        .is_some_and(|k| i.aliases(KeyHandle::from(k)))));
}

#[test]
fn fail_tampered_data_is_bad() {
    let alice = cert("alice@example.org");
    let sig = sign_detached(&signer(&alice, AT), b"one\r\n", AT).unwrap();
    let checks = verify_detached(b"two\r\n", &sig.armored, &public(&[&alice]), AT).unwrap();
    assert_eq!(checks[0].status, SigStatus::Bad);
}

#[test]
fn fail_unknown_signer_is_an_error_not_good() {
    let alice = cert("alice@example.org");
    let sig = sign_detached(&signer(&alice, AT), b"x", AT).unwrap();
    let checks = verify_detached(b"x", &sig.armored, &MemoryKeys::default(), AT).unwrap();
    let c = &checks[0];
    assert_eq!(c.status, SigStatus::Error);
    assert_eq!(c.key_state, KeyState::Unknown);
    assert!(c.signer.is_none());
    let reason = c.reason.as_deref().unwrap();
    assert!(reason.starts_with("unknown signer key ID "), "{reason}");
    let id = openpgp::KeyID::from(alice.keys().subkeys().next().unwrap().key().fingerprint());
    assert!(c
        .issuer
        .as_ref()
        .is_some_and(|i| i.aliases(KeyHandle::from(id))));
}

#[test]
fn encrypts_to_three_recipients_with_seipd_v2_when_all_support_it() {
    let [a, b, c] = ["a@example.org", "b@example.org", "c@example.org"].map(cert);
    let recipients = [&a, &b, &c].map(|k| Recipient {
        cert: k.clone(),
        hidden: false,
        expired_ok: false,
    });
    let e = encrypt(b"secret text", &recipients, None, AT).unwrap();
    assert_eq!(e.seipd_version, 2);
    let (version, pkesks) = container(&e.armored);
    assert_eq!(version, 2);
    assert_eq!(pkesks.len(), 3);
    assert!(pkesks
        .iter()
        .all(|r| matches!(r, Some(KeyHandle::Fingerprint(_)))));
    for k in [&a, &b, &c] {
        let d = decrypt(&e.armored, &MemoryKeys::new([k.clone()]), AT).unwrap();
        assert_eq!(d.plaintext, b"secret text");
        assert_eq!(d.seipd_version, 2);
        assert!(d.signatures.is_empty());
    }
}

#[test]
fn one_v1_only_recipient_means_seipd_v1() {
    let a = cert("a@example.org");
    let old = cert_v1_only("old@example.org");
    let recipients = [a.clone(), old.clone()].map(|cert| Recipient {
        cert,
        hidden: false,
        expired_ok: false,
    });
    let e = encrypt(b"text", &recipients, None, AT).unwrap();
    assert_eq!(e.seipd_version, 1);
    let (version, pkesks) = container(&e.armored);
    assert_eq!(version, 1);
    assert!(pkesks
        .iter()
        .all(|r| matches!(r, Some(KeyHandle::KeyID(_)))));
    for k in [a, old] {
        let d = decrypt(&e.armored, &MemoryKeys::new([k]), AT).unwrap();
        assert_eq!((d.plaintext.as_slice(), d.seipd_version), (&b"text"[..], 1));
    }
}

#[test]
fn hidden_recipients_get_wildcard_pkesks_and_can_decrypt() {
    for v1_only in [false, true] {
        let visible = if v1_only {
            cert_v1_only("to@example.org")
        } else {
            cert("to@example.org")
        };
        let bcc = cert("bcc@example.org");
        let recipients = [
            Recipient {
                cert: visible.clone(),
                hidden: false,
                expired_ok: false,
            },
            Recipient {
                cert: bcc.clone(),
                hidden: true,
                expired_ok: false,
            },
        ];
        let sender = cert("from@example.org");
        let e = encrypt(b"hi", &recipients, Some(&signer(&sender, AT)), AT).unwrap();
        let (_, pkesks) = container(&e.armored);
        assert_eq!(
            pkesks.iter().filter(|r| r.is_none()).count(),
            1,
            "one anonymous PKESK"
        );
        let keys = MemoryKeys::new([bcc.clone(), sender.clone().strip_secret_key_material()]);
        let d = decrypt(&e.armored, &keys, AT).unwrap();
        assert_eq!(d.plaintext, b"hi");
        // No intended-recipient list: it would name the Bcc recipient,
        // and a listed-but-missing recipient makes the signature bad.
        assert_eq!(
            d.signatures[0].status,
            SigStatus::Good,
            "{:?}",
            d.signatures[0].reason
        );
    }
}

#[test]
fn sign_and_encrypt_in_one_pass() {
    let (alice, bob) = (cert("alice@example.org"), cert("bob@example.org"));
    let e = encrypt(
        b"signed and sealed",
        &[Recipient {
            cert: bob.clone(),
            hidden: false,
            expired_ok: false,
        }],
        Some(&signer(&alice, AT)),
        AT,
    )
    .unwrap();
    // The signature is inside the encryption: nothing but PKESKs and
    // the container at the top level.
    let pile = PacketPile::from_bytes(&e.armored).unwrap();
    assert!(pile
        .children()
        .all(|p| matches!(p, Packet::PKESK(_) | Packet::SEIP(_))));
    let keys = MemoryKeys::new([bob.clone(), alice.clone().strip_secret_key_material()]);
    let d = decrypt(&e.armored, &keys, AT).unwrap();
    assert_eq!(d.plaintext, b"signed and sealed");
    assert_eq!(d.signatures.len(), 1);
    assert!(d.signatures[0].is_good());
    assert_eq!(
        d.signatures[0].signer_fingerprint,
        Some(alice.fingerprint())
    );
    // Without Alice's certificate the signature cannot be checked.
    let d = decrypt(&e.armored, &MemoryKeys::new([bob]), AT).unwrap();
    assert_eq!(d.signatures[0].status, SigStatus::Error);
}

#[test]
fn v6_keys_round_trip_with_seipd_v2() {
    let created = Timestamp(AT.0 - 86_400);
    let (alice, bob) = (
        cert_v6("alice@example.org", created),
        cert_v6("bob@example.org", created),
    );
    let sig = sign_detached(&signer(&alice, AT), b"v6", AT).unwrap();
    let checks = verify_detached(b"v6", &sig.armored, &public(&[&alice]), AT).unwrap();
    assert!(checks[0].is_good(), "{:?}", checks[0].reason);
    let e = encrypt(
        b"v6 text",
        &[Recipient {
            cert: bob.clone(),
            hidden: true,
            expired_ok: false,
        }],
        Some(&signer(&alice, AT)),
        AT,
    )
    .unwrap();
    assert_eq!(container(&e.armored).0, 2);
    let d = decrypt(
        &e.armored,
        &MemoryKeys::new([bob, alice.strip_secret_key_material()]),
        AT,
    )
    .unwrap();
    assert_eq!(d.plaintext, b"v6 text");
    assert!(d.signatures[0].is_good());
}

#[test]
fn message_level_sign_and_verify() {
    let alice = cert("alice@example.org");
    let raw = b"From: alice@example.org\nTo: bob@example.org\nSubject: caf\xc3\xa9\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\xc3\xa9 au lait\nFrom the start\n";
    let signed = sign_message(raw, &signer(&alice, AT), AT).unwrap();
    let text = String::from_utf8(signed.clone()).expect("7-bit output");
    assert!(text.contains("micalg=pgp-sha256"));
    assert!(text.contains("protocol=\"application/pgp-signature\""));
    assert!(text.starts_with("From: alice@example.org\r\nTo: bob@example.org\r\n"));
    assert!(text.contains("Content-Transfer-Encoding: quoted-printable"));
    let report = verify_message(&signed, &public(&[&alice]), AT).unwrap();
    assert!(report.openpgp && !report.encrypted);
    assert_eq!(report.signed.len(), 1);
    assert_eq!(report.signed[0].scope, Scope::Whole);
    assert_eq!(report.signed[0].form, Form::PgpMime);
    assert!(report.signed[0].signatures[0].is_good());
    // A relay that turns CRLF into LF does not break it.
    let lf = String::from_utf8(signed).unwrap().replace("\r\n", "\n");
    let report = verify_message(lf.as_bytes(), &public(&[&alice]), AT).unwrap();
    assert!(report.signed[0].signatures[0].is_good());
}

#[test]
fn message_level_encrypt_hides_bcc_and_decrypts() {
    let (alice, bob, carol) = (
        cert("alice@example.org"),
        cert("bob@example.org"),
        cert("carol@example.org"),
    );
    let raw = b"From: alice@example.org\r\nTo: bob@example.org\r\nBcc: carol@example.org\r\nSubject: s\r\n\r\nbody\r\n";
    let recipients = [
        Recipient {
            cert: bob.clone(),
            hidden: false,
            expired_ok: false,
        },
        Recipient {
            cert: carol.clone(),
            hidden: true,
            expired_ok: false,
        },
    ];
    let sealed = encrypt_message(raw, &recipients, Some(&signer(&alice, AT)), AT).unwrap();
    let text = String::from_utf8(sealed.clone()).unwrap();
    assert!(!text.contains("Bcc") && !text.contains("carol"));
    assert!(text.contains("protocol=\"application/pgp-encrypted\""));
    let report = verify_message(&sealed, &MemoryKeys::default(), AT).unwrap();
    assert!(report.encrypted && report.signed.is_empty());
    for who in [bob, carol] {
        let keys = MemoryKeys::new([who, alice.clone().strip_secret_key_material()]);
        let d = decrypt_message(&sealed, &keys, AT).unwrap();
        assert_eq!(d.scope, Scope::Whole);
        assert!(d.signatures[0].is_good());
        let out = String::from_utf8(d.message).unwrap();
        assert!(out.starts_with("From: alice@example.org\r\nTo: bob@example.org\r\nSubject: s\r\n"));
        assert!(
            out.ends_with("Content-Type: text/plain; charset=us-ascii\r\n\r\nbody\r\n"),
            "{out}"
        );
    }
}

#[test]
fn sign_then_encrypt_nested_is_reported_inside() {
    // RFC 3156 section 6.1: a multipart/signed inside the encryption.
    let (alice, bob) = (cert("alice@example.org"), cert("bob@example.org"));
    let raw = b"From: alice@example.org\r\nTo: bob@example.org\r\n\r\nhello\r\n";
    let signed = sign_message(raw, &signer(&alice, AT), AT).unwrap();
    let sealed = encrypt_message(
        &signed,
        &[Recipient {
            cert: bob.clone(),
            hidden: false,
            expired_ok: false,
        }],
        None,
        AT,
    )
    .unwrap();
    let keys = MemoryKeys::new([bob, alice.strip_secret_key_material()]);
    let d = decrypt_message(&sealed, &keys, AT).unwrap();
    assert!(d.signatures.is_empty());
    let inner = verify_message(&d.message, &keys, AT).unwrap();
    assert_eq!(inner.signed.len(), 1);
    assert_eq!(inner.signed[0].scope, Scope::Whole);
    assert!(inner.signed[0].signatures[0].is_good());
}

#[test]
fn fail_not_for_us() {
    let (bob, eve) = (cert("bob@example.org"), cert("eve@example.org"));
    let e = encrypt(
        b"x",
        &[Recipient {
            cert: bob,
            hidden: false,
            expired_ok: false,
        }],
        None,
        AT,
    )
    .unwrap();
    assert!(matches!(
        decrypt(&e.armored, &MemoryKeys::new([eve.clone()]), AT),
        Err(Error::NotForUs)
    ));
    assert!(matches!(
        decrypt(&e.armored, &MemoryKeys::default(), AT),
        Err(Error::NotForUs)
    ));
    // Bcc only: a wildcard PKESK our key does not open.
    let carol = cert("carol@example.org");
    let e = encrypt(
        b"x",
        &[Recipient {
            cert: carol,
            hidden: true,
            expired_ok: false,
        }],
        None,
        AT,
    )
    .unwrap();
    assert!(matches!(
        decrypt(&e.armored, &MemoryKeys::new([eve]), AT),
        Err(Error::NotForUs)
    ));
}

#[test]
fn fail_recipient_without_valid_key() {
    let expired_later = Timestamp(AT.0 + 10 * 365 * 86_400);
    let bob = cert("bob@example.org");
    let err = encrypt(
        b"x",
        &[Recipient {
            cert: bob,
            hidden: false,
            expired_ok: false,
        }],
        None,
        expired_later,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Recipients(_)), "{err}");
    assert!(matches!(
        encrypt(b"x", &[], None, AT),
        Err(Error::Recipients(_))
    ));
}
