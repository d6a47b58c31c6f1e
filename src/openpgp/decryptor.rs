//! Decrypting with an OpenPGP secret key on the crypto provider
//! (aws-lc-rs): our own [`Decryptor`], which Sequoia's PKESK decryption
//! calls instead of its RustCrypto backend.
//!
//! - RSA: PKCS#1 v1.5 decryption of the session key, constant-time and
//!   blinded. The key is built once per unlock from the OpenPGP key's
//!   numbers: the `rsa` crate only converts them to PKCS#8 (computing the
//!   CRT exponents); it decrypts nothing.
//! - ECDH on Curve25519, P-256, P-384 and P-521: the provider computes
//!   the shared point; Sequoia's `decrypt_unwrap` does the OpenPGP KDF and
//!   AES key unwrap (RFC 9580 section 11.5).
//!
//! Other algorithms (X25519 and X448 keys of RFC 9580, Brainpool curves,
//! ElGamal) stay with Sequoia's backend, none of them through the `rsa`
//! crate.

use aws_lc_rs::agreement::{
    self, Algorithm, PrivateKey as AgreementKey, UnparsedPublicKey, ECDH_P256, ECDH_P384,
    ECDH_P521, X25519,
};
use sequoia_openpgp as openpgp;

use openpgp::crypto::mem::Protected;
use openpgp::crypto::mpi::{Ciphertext, PublicKey, SecretKeyMaterial, MPI};
use openpgp::crypto::{ecdh, Decryptor, KeyPair, SessionKey};
use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::types::Curve;

use crate::error::Error;
use crate::smime::rsa_key::RsaKey;

/// An unlocked secret key that decrypts on the provider.
pub struct ProviderDecryptor {
    pair: KeyPair,
    /// The RSA key, made at the first RSA decryption.
    rsa: Option<RsaKey>,
    /// Why the key itself cannot be used (an RSA key the provider
    /// refuses), as opposed to a ciphertext that does not decrypt.
    key_error: Option<Error>,
}

impl ProviderDecryptor {
    pub fn new(pair: KeyPair) -> Self {
        ProviderDecryptor {
            pair,
            rsa: None,
            key_error: None,
        }
    }

    /// Why this key could not be used at all, if that was the failure:
    /// Sequoia reports only that the session key did not decrypt.
    pub fn take_key_error(&mut self) -> Option<Error> {
        self.key_error.take()
    }

    fn rsa_key(&mut self) -> openpgp::Result<&RsaKey> {
        if self.rsa.is_none() {
            match rsa_key_of(&self.pair) {
                Ok(key) => self.rsa = Some(key),
                Err(e) => {
                    let message = format!("OpenPGP key {}: {e}", self.pair.public().keyid());
                    self.key_error = Some(Error::DecryptionFailed(message));
                    return Err(e);
                }
            }
        }
        self.rsa
            .as_ref()
            .ok_or_else(|| Error::Crypto("no RSA key".into()).into())
    }

    fn decrypt_rsa(&mut self, c: &MPI) -> openpgp::Result<SessionKey> {
        let key = self.rsa_key()?;
        let k = key.bits().div_ceil(8);
        let c = c.value_padded(k)?;
        key.decrypt_pkcs1v15(&c)
            .map(|plain| SessionKey::from(&plain[..]))
            .ok_or_else(|| Error::DecryptionFailed("the RSA decryption failed".into()).into())
    }

    fn decrypt_ecdh(
        &self,
        curve: &Curve,
        ciphertext: &Ciphertext,
        plaintext_len: Option<usize>,
    ) -> openpgp::Result<SessionKey> {
        let Ciphertext::ECDH { e, .. } = ciphertext else {
            return Err(mismatch().into());
        };
        let shared = self.pair.secret().map(|secret| {
            let SecretKeyMaterial::ECDH { scalar } = secret else {
                return Err(mismatch());
            };
            let (alg, ours, theirs): (&'static Algorithm, Protected, Vec<u8>) = match curve {
                Curve::Cv25519 => {
                    // OpenPGP keeps the X25519 scalar big-endian, with
                    // leading zeros stripped: pad unconditionally, reverse.
                    let mut r = scalar.value_padded(32);
                    r.reverse();
                    let point = e.decode_point(curve).map_err(|_| bad_point())?.0;
                    (&X25519, r, point.to_vec())
                }
                Curve::NistP256 => (&ECDH_P256, scalar.value_padded(32), e.value().to_vec()),
                Curve::NistP384 => (&ECDH_P384, scalar.value_padded(48), e.value().to_vec()),
                Curve::NistP521 => (&ECDH_P521, scalar.value_padded(66), e.value().to_vec()),
                _ => return Err(mismatch()),
            };
            let key = AgreementKey::from_private_key(alg, &ours)
                .map_err(|e| Error::malformed("OpenPGP ECDH secret key", e))?;
            agreement::agree(
                &key,
                UnparsedPublicKey::new(alg, theirs),
                bad_point(),
                |s| Ok(Protected::from(s)),
            )
        })?;
        ecdh::decrypt_unwrap(self.pair.public(), &shared, ciphertext, plaintext_len)
    }
}

fn mismatch() -> Error {
    Error::DecryptionFailed("the encrypted session key does not fit the key".into())
}

fn bad_point() -> Error {
    Error::DecryptionFailed("the sender's ephemeral ECDH key is not a valid point".into())
}

/// The provider's form of an OpenPGP RSA secret key.
fn rsa_key_of(pair: &KeyPair) -> openpgp::Result<RsaKey> {
    use rsa::pkcs8::EncodePrivateKey;
    let PublicKey::RSA { e, n } = pair.public().mpis() else {
        return Err(mismatch().into());
    };
    let malformed = |e: &dyn std::fmt::Display| Error::malformed("OpenPGP RSA secret key", e);
    let pkcs8 = pair.secret().map(|secret| {
        let SecretKeyMaterial::RSA { d, p, q, .. } = secret else {
            return Err(mismatch());
        };
        let bits = u32::try_from(n.value().len() * 8).map_err(|e| malformed(&e))?;
        let uint = |b: &[u8], bits: u32| {
            rsa::BoxedUint::from_be_slice(b, bits).map_err(|_| malformed(&"number too long"))
        };
        let e_bits = u32::try_from(e.value().len() * 8).map_err(|e| malformed(&e))?;
        let key = rsa::RsaPrivateKey::from_components(
            uint(n.value(), bits)?,
            uint(e.value(), e_bits)?,
            uint(d.value(), bits)?,
            vec![uint(p.value(), bits)?, uint(q.value(), bits)?],
        )
        .map_err(|e| malformed(&e))?;
        key.to_pkcs8_der().map_err(|e| malformed(&e))
    })?;
    Ok(RsaKey::from_pkcs8(pkcs8.as_bytes())?)
}

impl Decryptor for ProviderDecryptor {
    fn public(&self) -> &Key<PublicParts, UnspecifiedRole> {
        self.pair.public()
    }

    fn decrypt(
        &mut self,
        ciphertext: &Ciphertext,
        plaintext_len: Option<usize>,
    ) -> openpgp::Result<SessionKey> {
        match (self.pair.public().mpis(), ciphertext) {
            (PublicKey::RSA { .. }, Ciphertext::RSA { c }) => {
                let c = c.clone();
                self.decrypt_rsa(&c)
            }
            (PublicKey::RSA { .. }, _) => Err(mismatch().into()),
            (
                PublicKey::ECDH {
                    curve:
                        curve @ (Curve::Cv25519 | Curve::NistP256 | Curve::NistP384 | Curve::NistP521),
                    ..
                },
                _,
            ) => {
                let curve = curve.clone();
                self.decrypt_ecdh(&curve, ciphertext, plaintext_len)
            }
            _ => self.pair.decrypt(ciphertext, plaintext_len),
        }
    }
}

#[cfg(test)]
mod tests {
    use openpgp::cert::prelude::*;
    use openpgp::packet::key::{Key4, SecretParts};
    use openpgp::packet::pkesk::PKESK3;
    use openpgp::types::SymmetricAlgorithm;

    use super::*;

    fn encryption_key(suite: CipherSuite) -> Key<SecretParts, UnspecifiedRole> {
        let (cert, _) = CertBuilder::new()
            .set_cipher_suite(suite)
            .add_transport_encryption_subkey()
            .generate()
            .unwrap();
        let key = cert.keys().subkeys().secret().last().unwrap().key().clone();
        key.role_into_unspecified()
    }

    /// Sequoia (its RustCrypto backend) encrypts a session key to RSA-2048,
    /// RSA-3072, Curve25519, P-256, P-384 and P-521 keys; our decryptor
    /// recovers it, and refuses it under a key of the same kind that is
    /// not the recipient's.
    #[test]
    fn decrypts_what_sequoia_encrypts_for_each_algorithm() {
        for suite in [
            CipherSuite::RSA2k,
            CipherSuite::RSA3k,
            CipherSuite::Cv25519,
            CipherSuite::P256,
            CipherSuite::P384,
            CipherSuite::P521,
        ] {
            let key = encryption_key(suite);
            let other = encryption_key(suite);
            for _ in 0..3 {
                let sk = SessionKey::new(32).unwrap();
                let pkesk = PKESK3::for_recipient(SymmetricAlgorithm::AES256, &sk, &key).unwrap();
                let mut ours = ProviderDecryptor::new(key.clone().into_keypair().unwrap());
                let got = pkesk.decrypt(&mut ours, None);
                assert_eq!(got, Some((SymmetricAlgorithm::AES256, sk)), "{suite:?}");
                let mut wrong = ProviderDecryptor::new(other.clone().into_keypair().unwrap());
                assert!(pkesk.decrypt(&mut wrong, None).is_none(), "{suite:?}");
                assert!(
                    wrong.decrypt(pkesk.esk(), None).is_err(),
                    "{suite:?}: the wrong key's decryption itself fails"
                );
            }
        }
    }

    /// An RSA-1024 secret key is not used: the provider refuses it, and
    /// the error names the size.
    #[test]
    fn fail_rsa_1024_key_is_refused_with_its_size() {
        let key: Key<SecretParts, UnspecifiedRole> =
            Key4::<SecretParts, UnspecifiedRole>::generate_rsa(1024)
                .unwrap()
                .into();
        let sk = SessionKey::new(16).unwrap();
        let pkesk = PKESK3::for_recipient(SymmetricAlgorithm::AES128, &sk, &key).unwrap();
        let mut ours = ProviderDecryptor::new(key.into_keypair().unwrap());
        let err = ours.decrypt(pkesk.esk(), None).unwrap_err();
        assert!(err.to_string().contains("2048 bits"), "{err}");
        let err = ours.take_key_error().unwrap();
        assert!(err.to_string().contains("2048 bits"), "{err}");
    }
}
