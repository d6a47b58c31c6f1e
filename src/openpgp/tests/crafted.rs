//! Hand-made packet sequences that real implementations do not send,
//! built here byte by byte from the parts of a real message.

use sequoia_openpgp as openpgp;

use openpgp::packet::{Body, Packet, SEIP};
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::PacketPile;

use super::negative::binary;
use super::util::{cert_v1_only, AT};
use crate::error::Error;
use crate::openpgp::*;

/// A new-format packet (RFC 9580 section 4.2.1) with a one-octet
/// length.
fn packet(tag: u8, body: &[u8]) -> Vec<u8> {
    assert!(body.len() < 192);
    let mut out = vec![0xc0 | tag, body.len() as u8];
    out.extend_from_slice(body);
    out
}

/// The PKESK and the SEIPD v1 ciphertext (after the version byte) of a
/// real message to `bob`.
fn parts(bob: &sequoia_openpgp::Cert) -> (Vec<u8>, Vec<u8>) {
    let r = [Recipient {
        cert: bob.clone(),
        hidden: false,
        expired_ok: false,
    }];
    let e = encrypt(b"hello", &r, None, AT).unwrap();
    let pile = PacketPile::from_bytes(&binary(&e.armored)).unwrap();
    let pkesk = pile
        .children()
        .find(|p| matches!(p, Packet::PKESK(_)))
        .unwrap()
        .to_vec()
        .unwrap();
    let Some(Packet::SEIP(SEIP::V1(seip))) = pile.children().find(|p| matches!(p, Packet::SEIP(_)))
    else {
        panic!("no SEIPD v1");
    };
    let Body::Unprocessed(ciphertext) = seip.body() else {
        panic!("ciphertext not kept");
    };
    (pkesk, ciphertext.clone())
}

#[test]
fn fail_short_encrypted_data_is_refused_without_a_panic() {
    let bob = cert_v1_only("bob@example.org");
    let keys = MemoryKeys::new([bob.clone()]);
    let (pkesk, ciphertext) = parts(&bob);
    for len in [0, 10, 18, 25, 39] {
        let mut seip_body = vec![1];
        seip_body.extend_from_slice(&ciphertext[..len]);
        let mut message = pkesk.clone();
        message.extend(packet(18, &seip_body));
        // The same inside an uncompressed Compressed Data packet.
        let mut inner = vec![0];
        inner.extend_from_slice(&message);
        let compressed = packet(8, &inner);
        for m in [message, compressed] {
            let err = decrypt(&m, &keys, AT).unwrap_err();
            let text = err.to_string();
            assert!(
                !text.contains("library failed"),
                "Sequoia panicked on {len} bytes: {text}"
            );
            assert!(!matches!(err, Error::NotForUs), "{text}");
        }
    }
}
