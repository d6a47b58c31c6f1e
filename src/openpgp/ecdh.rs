//! Wrapping the session key for legacy Curve25519 ECDH keys (public-key
//! algorithm 18 with curve Cv25519; RFC 9580 sections 5.1.6 and 11.5,
//! RFC 6637): nearly every OpenPGP encryption key in use. Other keys are
//! left to Sequoia.
//!
//! The shared secret is the X25519 function of RFC 7748, from the crypto
//! provider (aws-lc-rs: about 16 µs; with a hundred recipients the key
//! agreements are most of the time). A recipient key of small order gives
//! an all-zero secret that anyone could compute: refused. The KDF
//! parameters, padding and packet format are ours; hash and AES key wrap
//! come from libraries.

use aws_lc_rs::agreement::{self, PrivateKey as AgreementKey, UnparsedPublicKey, X25519};
use sequoia_openpgp as openpgp;
use sha2::{Digest, Sha256, Sha384, Sha512};

use openpgp::crypto::mem::Protected;
use openpgp::crypto::mpi::{Ciphertext, PublicKey, MPI};
use openpgp::crypto::{ecdh, SessionKey};
use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::types::{Curve, HashAlgorithm, PublicKeyAlgorithm, SymmetricAlgorithm};

use crate::error::{Error, Result};

/// The encrypted session key for `key`, if it is a legacy Curve25519
/// ECDH key with a KDF we compute (SHA-2); `None` for Sequoia to do.
/// `cipher` is the symmetric algorithm named inside (PKESK v3), `None`
/// for PKESK v6.
pub fn wrap(
    key: &Key<PublicParts, UnspecifiedRole>,
    session_key: &SessionKey,
    cipher: Option<SymmetricAlgorithm>,
) -> Option<Result<Ciphertext>> {
    let PublicKey::ECDH {
        curve: Curve::Cv25519,
        q,
        hash,
        sym,
    } = key.mpis()
    else {
        return None;
    };
    if !matches!(
        hash,
        HashAlgorithm::SHA256 | HashAlgorithm::SHA384 | HashAlgorithm::SHA512
    ) {
        return None;
    }
    let recipient: [u8; 32] = q.decode_point(&Curve::Cv25519).ok()?.0.try_into().ok()?;
    Some(wrap_for(key, &recipient, *hash, *sym, session_key, cipher))
}

fn wrap_for(
    key: &Key<PublicParts, UnspecifiedRole>,
    recipient: &[u8; 32],
    hash: HashAlgorithm,
    sym: SymmetricAlgorithm,
    session_key: &SessionKey,
    cipher: Option<SymmetricAlgorithm>,
) -> Result<Ciphertext> {
    let fail = |what: &str| Error::Crypto(format!("ECDH for key {}: {what}", key.keyid()));
    let ephemeral = AgreementKey::generate(&X25519).map_err(|_| fail("no randomness"))?;
    let public = ephemeral
        .compute_public_key()
        .map_err(|_| fail("computing the ephemeral key"))?;
    let small_order = || fail("the recipient key is of small order");
    let shared = agreement::agree(
        &ephemeral,
        UnparsedPublicKey::new(&X25519, recipient),
        small_order(),
        |secret| {
            // The provider refuses an all-zero result itself; checked
            // here too, as the RFC asks.
            if secret.iter().all(|b| *b == 0) {
                return Err(small_order());
            }
            Ok(Protected::from(secret))
        },
    )?;
    let kek_len = sym.key_size().map_err(|e| fail(&e.to_string()))?;
    let kek = kdf(&shared, kek_len, hash, &param(key, hash, sym));
    let plain = pad(&checksummed(session_key, cipher));
    let wrapped = ecdh::aes_key_wrap(sym, &kek, &plain).map_err(|e| fail(&e.to_string()))?;
    Ok(Ciphertext::ECDH {
        e: MPI::new_compressed_point(public.as_ref()),
        key: wrapped.into_boxed_slice(),
    })
}

/// The session key as encrypted: the cipher octet (v3 only), the key and
/// its two-octet checksum (RFC 9580 section 5.1.3).
fn checksummed(session_key: &SessionKey, cipher: Option<SymmetricAlgorithm>) -> Protected {
    let mut out = Protected::new(usize::from(cipher.is_some()) + session_key.len() + 2);
    let mut i = 0;
    if let Some(c) = cipher {
        out[0] = c.into();
        i = 1;
    }
    out[i..i + session_key.len()].copy_from_slice(session_key);
    let sum = session_key
        .iter()
        .fold(0u16, |s, b| s.wrapping_add(u16::from(*b)));
    out[i + session_key.len()..].copy_from_slice(&sum.to_be_bytes());
    out
}

/// PKCS #5 padding to 40 octets, whatever the key size, which hides it
/// (RFC 9580 section 11.5; as GnuPG and Sequoia do).
fn pad(m: &Protected) -> Protected {
    const PADDED: usize = 40;
    let mut out = Protected::new(PADDED.max(m.len() + 1));
    let fill = u8::try_from(out.len() - m.len()).unwrap_or(u8::MAX);
    out[..m.len()].copy_from_slice(m);
    for b in out[m.len()..].iter_mut() {
        *b = fill;
    }
    out
}

/// The KDF parameters (RFC 9580 section 11.5): curve OID, algorithm,
/// KDF hash and key-wrap cipher, "Anonymous Sender    ", and the
/// recipient key's fingerprint.
fn param(
    key: &Key<PublicParts, UnspecifiedRole>,
    hash: HashAlgorithm,
    sym: SymmetricAlgorithm,
) -> Vec<u8> {
    let oid = Curve::Cv25519.oid();
    let fingerprint = key.fingerprint();
    let mut p = Vec::with_capacity(1 + oid.len() + 5 + 20 + fingerprint.as_bytes().len());
    p.push(u8::try_from(oid.len()).unwrap_or(u8::MAX));
    p.extend_from_slice(oid);
    p.push(PublicKeyAlgorithm::ECDH.into());
    p.extend_from_slice(&[3, 1, hash.into(), sym.into()]);
    p.extend_from_slice(b"Anonymous Sender    ");
    p.extend_from_slice(fingerprint.as_bytes());
    p
}

/// The key-encryption key: the first `len` octets of
/// `hash(00 00 00 01 || shared || param)` (RFC 6637 section 7).
fn kdf(shared: &Protected, len: usize, hash: HashAlgorithm, param: &[u8]) -> Protected {
    fn digest<D: Digest>(parts: [&[u8]; 3]) -> Vec<u8> {
        let mut d = D::new();
        for p in parts {
            d.update(p);
        }
        d.finalize().to_vec()
    }
    let parts = [&[0, 0, 0, 1][..], &shared[..], param];
    let mut full = match hash {
        HashAlgorithm::SHA384 => digest::<Sha384>(parts),
        HashAlgorithm::SHA512 => digest::<Sha512>(parts),
        _ => digest::<Sha256>(parts),
    };
    let kek = Protected::from(&full[..len.min(full.len())]);
    zeroize::Zeroize::zeroize(&mut full);
    kek
}

#[cfg(test)]
mod tests {
    use openpgp::cert::prelude::*;
    use openpgp::packet::pkesk::{PKESK3, PKESK6};
    use openpgp::policy::StandardPolicy;

    use super::*;

    fn hex32(s: &str) -> [u8; 32] {
        let bytes: Vec<u8> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect();
        bytes.try_into().unwrap()
    }

    /// X25519(`scalar`, `u`) through the provider's agreement, as `wrap`
    /// computes it.
    fn x25519(scalar: &[u8; 32], u: &[u8; 32]) -> Option<[u8; 32]> {
        let key = AgreementKey::from_private_key(&X25519, scalar).unwrap();
        agreement::agree(&key, UnparsedPublicKey::new(&X25519, u), (), |s| {
            s.try_into().map_err(|_| ())
        })
        .ok()
    }

    /// The test vectors of RFC 7748 sections 5.2 and 6.1.
    #[test]
    fn x25519_matches_rfc_7748_vectors() {
        for (scalar, u, out) in [
            (
                "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
            ),
            (
                "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
            ),
        ] {
            assert_eq!(x25519(&hex32(scalar), &hex32(u)), Some(hex32(out)));
        }
        // Section 5.2, iterated: k = X25519(k, u), u = old k, from k = u = 9.
        let mut k = hex32("0900000000000000000000000000000000000000000000000000000000000000");
        let mut u = k;
        for i in 1..=1000 {
            let next = x25519(&k, &u).unwrap();
            u = k;
            k = next;
            if i == 1 {
                assert_eq!(
                    k,
                    hex32("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")
                );
            }
        }
        assert_eq!(
            k,
            hex32("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
        );
        // Section 6.1: Alice and Bob.
        let alice = hex32("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        let bob = hex32("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        let alice_pub = hex32("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        let bob_pub = hex32("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        let nine = hex32("0900000000000000000000000000000000000000000000000000000000000000");
        assert_eq!(x25519(&alice, &nine), Some(alice_pub));
        assert_eq!(x25519(&bob, &nine), Some(bob_pub));
        let shared = hex32("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assert_eq!(x25519(&alice, &bob_pub), Some(shared));
        assert_eq!(x25519(&bob, &alice_pub), Some(shared));
        // Small order (u = 0, u = 1): no result.
        let mut one = [0u8; 32];
        one[0] = 1;
        assert_eq!(x25519(&alice, &[0; 32]), None);
        assert_eq!(x25519(&alice, &one), None);
    }

    /// Sequoia decrypts what we wrap, for keys with each KDF we compute,
    /// in PKESK v3 and v6.
    #[test]
    fn sequoia_unwraps_what_we_wrap() {
        let policy = StandardPolicy::new();
        let (cert, _) = CertBuilder::general_purpose(Some("<a@example.org>"))
            .set_cipher_suite(CipherSuite::Cv25519)
            .generate()
            .unwrap();
        let ka = cert
            .keys()
            .with_policy(&policy, None)
            .for_transport_encryption()
            .secret()
            .next()
            .unwrap();
        let mut keypair = ka.key().clone().into_keypair().unwrap();
        let public = ka.key().clone().parts_into_public().role_into_unspecified();
        assert!(matches!(
            public.mpis(),
            PublicKey::ECDH {
                hash: HashAlgorithm::SHA256,
                ..
            }
        ));
        let sk = SessionKey::new(32).unwrap();
        let v3 = wrap(&public, &sk, Some(SymmetricAlgorithm::AES256))
            .unwrap()
            .unwrap();
        let pkesk = PKESK3::new(Some(public.keyid()), PublicKeyAlgorithm::ECDH, v3).unwrap();
        let (algo, got) = pkesk.decrypt(&mut keypair, None).unwrap();
        assert_eq!((algo, &got), (SymmetricAlgorithm::AES256, &sk));
        let v6 = wrap(&public, &sk, None).unwrap().unwrap();
        let pkesk = PKESK6::new(Some(public.fingerprint()), PublicKeyAlgorithm::ECDH, v6).unwrap();
        assert_eq!(pkesk.decrypt(&mut keypair, None).unwrap(), sk);
    }

    #[test]
    fn refuse_small_order_keys() {
        let (cert, _) = CertBuilder::general_purpose(Some("<a@example.org>"))
            .set_cipher_suite(CipherSuite::Cv25519)
            .generate()
            .unwrap();
        let key = cert.keys().subkeys().last().unwrap().key().clone();
        let key = key.parts_into_public().role_into_unspecified();
        let sk = SessionKey::new(32).unwrap();
        let err = wrap_for(
            &key,
            &[0; 32],
            HashAlgorithm::SHA256,
            SymmetricAlgorithm::AES128,
            &sk,
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("small order"), "{err}");
    }
}
