//! RSA keys on the crypto provider (aws-lc-rs): signing, decryption and
//! encryption. Padding schemes and the big-number arithmetic are the
//! provider's; the private-key operations are constant-time and blinded.
//!
//! The provider takes keys of 2048 to 8192 bits. A private key outside
//! that range is refused. A recipient's public key outside it (an old
//! RSA-1024 certificate) is encrypted to with the `rsa` crate, whose
//! advisory (RUSTSEC-2023-0071) concerns private-key operations only.
//!
//! RSAES-OAEP: the provider has SHA-1, SHA-256, SHA-384 and SHA-512, each
//! with MGF1 of the same hash. Messages that name SHA-224 or a different
//! MGF1 hash (RFC 4055 allows both; no client we know writes them) are
//! decrypted with the `rsa` crate, the only private-key operation left on
//! it (see [`RsaKey::decrypt_oaep`]).

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
use aws_lc_rs::rsa::{
    KeySize, OaepAlgorithm, OaepPrivateDecryptingKey, OaepPublicEncryptingKey,
    Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey,
    OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OAEP_SHA384_MGF1SHA384, OAEP_SHA512_MGF1SHA512,
};
use aws_lc_rs::signature::RsaKeyPair;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The hash functions RSAES-OAEP may name (RFC 4055 section 2.1 allows
/// SHA-1 and the SHA-2 family).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OaepHash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

/// One RSAES-OAEP parameter choice: label hash, MGF1 hash and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OaepParams {
    pub hash: OaepHash,
    pub mgf_hash: OaepHash,
    pub label: Vec<u8>,
}

impl OaepParams {
    /// The provider's algorithm for these hashes, if it has one.
    fn provider_algorithm(&self) -> Option<&'static OaepAlgorithm> {
        match (self.hash, self.mgf_hash) {
            (OaepHash::Sha1, OaepHash::Sha1) => Some(&OAEP_SHA1_MGF1SHA1),
            (OaepHash::Sha256, OaepHash::Sha256) => Some(&OAEP_SHA256_MGF1SHA256),
            (OaepHash::Sha384, OaepHash::Sha384) => Some(&OAEP_SHA384_MGF1SHA384),
            (OaepHash::Sha512, OaepHash::Sha512) => Some(&OAEP_SHA512_MGF1SHA512),
            _ => None,
        }
    }

    fn label(&self) -> Option<&[u8]> {
        (!self.label.is_empty()).then_some(self.label.as_slice())
    }
}

/// An RSA private key: its PKCS#8 encoding and the provider's parsed
/// forms for signing and for decryption.
pub struct RsaKey {
    pkcs8: Zeroizing<Vec<u8>>,
    signing: RsaKeyPair,
    decrypting: PrivateDecryptingKey,
    /// The SubjectPublicKeyInfo, DER.
    spki: Vec<u8>,
}

fn rejected(e: aws_lc_rs::error::KeyRejected) -> Error {
    match e.to_string().as_str() {
        "TooSmall" => Error::unsupported(
            "RSA key size",
            "below 2048 bits (the smallest key the crypto provider takes)",
        ),
        "TooLarge" => Error::unsupported("RSA key size", "above 8192 bits"),
        other => Error::malformed("RSA private key", other),
    }
}

impl RsaKey {
    /// From an unencrypted PKCS#8 PrivateKeyInfo.
    pub fn from_pkcs8(der: &[u8]) -> Result<Self> {
        let signing = RsaKeyPair::from_pkcs8(der).map_err(rejected)?;
        let decrypting = PrivateDecryptingKey::from_pkcs8(der).map_err(rejected)?;
        let spki = decrypting
            .public_key()
            .as_der()
            .map_err(|_| Error::Crypto("encoding an RSA public key".into()))?
            .as_ref()
            .to_vec();
        Ok(RsaKey {
            pkcs8: Zeroizing::new(der.to_vec()),
            signing,
            decrypting,
            spki,
        })
    }

    /// From a PKCS#1 RSAPrivateKey (RFC 8017 appendix A.1.2).
    pub fn from_pkcs1(der: &[u8]) -> Result<Self> {
        let pair = RsaKeyPair::from_der(der).map_err(rejected)?;
        Self::from_pkcs8(pkcs8_of(&pair)?.as_ref())
    }

    /// A new key of `bits` bits (2048, 3072 or 4096).
    pub fn generate(bits: usize) -> Result<Self> {
        let size = match bits {
            2048 => KeySize::Rsa2048,
            3072 => KeySize::Rsa3072,
            4096 => KeySize::Rsa4096,
            other => return Err(Error::unsupported("RSA key size", other)),
        };
        let pair = RsaKeyPair::generate(size)
            .map_err(|_| Error::Crypto("generating an RSA key failed".into()))?;
        Self::from_pkcs8(pkcs8_of(&pair)?.as_ref())
    }

    /// The unencrypted PKCS#8 PrivateKeyInfo.
    pub fn to_pkcs8_der(&self) -> Zeroizing<Vec<u8>> {
        self.pkcs8.clone()
    }

    /// The SubjectPublicKeyInfo, DER.
    pub fn public_key_der(&self) -> &[u8] {
        &self.spki
    }

    /// The modulus length in bits.
    pub fn bits(&self) -> usize {
        self.decrypting.key_size_bits()
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message` (RFC 8017 section
    /// 8.2.1).
    pub fn sign_pkcs1_sha256(&self, message: &[u8]) -> Result<Vec<u8>> {
        let mut sig = vec![0u8; self.signing.public_modulus_len()];
        self.signing
            .sign(
                &aws_lc_rs::signature::RSA_PKCS1_SHA256,
                &aws_lc_rs::rand::SystemRandom::new(),
                message,
                &mut sig,
            )
            .map_err(|_| Error::Crypto("RSA signing failed".into()))?;
        Ok(sig)
    }

    /// RSAES-PKCS1-v1_5 decryption (RFC 8017 section 7.2.2); `None` for
    /// any failure, with no detail: the caller carries on with a random
    /// key (RFC 3218 section 2.3.2).
    pub fn decrypt_pkcs1v15(&self, ciphertext: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let key = Pkcs1PrivateDecryptingKey::new(self.decrypting.clone()).ok()?;
        let mut out = Zeroizing::new(vec![0u8; key.min_output_size()]);
        let len = key.decrypt(ciphertext, &mut out).ok()?.len();
        out.truncate(len);
        Some(out)
    }

    /// RSAES-OAEP decryption (RFC 8017 section 7.1.2).
    ///
    /// The hash combinations the provider lacks (SHA-224, or an MGF1 hash
    /// other than the label hash) go through the `rsa` crate, blinded.
    pub fn decrypt_oaep(
        &self,
        params: &OaepParams,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        let failed =
            || Error::DecryptionFailed("the RSA-OAEP key unwrap failed: wrong key?".into());
        let Some(alg) = params.provider_algorithm() else {
            return self.decrypt_oaep_rsa_crate(params, ciphertext);
        };
        let key = OaepPrivateDecryptingKey::new(self.decrypting.clone()).map_err(|_| failed())?;
        let mut out = Zeroizing::new(vec![0u8; key.min_output_size()]);
        let len = key
            .decrypt(alg, ciphertext, &mut out, params.label())
            .map_err(|_| failed())?
            .len();
        out.truncate(len);
        Ok(out)
    }

    fn decrypt_oaep_rsa_crate(
        &self,
        params: &OaepParams,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        use rsa::pkcs8::DecodePrivateKey;
        let key = rsa::RsaPrivateKey::from_pkcs8_der(&self.pkcs8)
            .map_err(|e| Error::malformed("RSA private key", e))?;
        rsa_crate_oaep::decrypt(&key, params, ciphertext)
    }
}

fn pkcs8_of(pair: &RsaKeyPair) -> Result<Zeroizing<Vec<u8>>> {
    let der: Pkcs8V1Der<'static> = pair
        .as_der()
        .map_err(|_| Error::Crypto("encoding an RSA private key".into()))?;
    Ok(Zeroizing::new(der.as_ref().to_vec()))
}

/// The uncommon RSAES-OAEP hash combinations, through the `rsa` crate.
mod rsa_crate_oaep {
    use rsa::{Oaep, RsaPrivateKey};
    use sha2::digest::{Digest, FixedOutputReset};
    use zeroize::Zeroizing;

    use super::{OaepHash, OaepParams};
    use crate::error::{Error, Result};

    pub fn decrypt(
        key: &RsaPrivateKey,
        params: &OaepParams,
        enc_key: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        match params.hash {
            OaepHash::Sha1 => with_mgf::<sha1::Sha1>(key, params, enc_key),
            OaepHash::Sha224 => with_mgf::<sha2::Sha224>(key, params, enc_key),
            OaepHash::Sha256 => with_mgf::<sha2::Sha256>(key, params, enc_key),
            OaepHash::Sha384 => with_mgf::<sha2::Sha384>(key, params, enc_key),
            OaepHash::Sha512 => with_mgf::<sha2::Sha512>(key, params, enc_key),
        }
    }

    fn with_mgf<D>(
        key: &RsaPrivateKey,
        params: &OaepParams,
        enc_key: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>>
    where
        D: Digest + FixedOutputReset,
    {
        let label = &params.label;
        match params.mgf_hash {
            OaepHash::Sha1 => run::<D, sha1::Sha1>(key, label, enc_key),
            OaepHash::Sha224 => run::<D, sha2::Sha224>(key, label, enc_key),
            OaepHash::Sha256 => run::<D, sha2::Sha256>(key, label, enc_key),
            OaepHash::Sha384 => run::<D, sha2::Sha384>(key, label, enc_key),
            OaepHash::Sha512 => run::<D, sha2::Sha512>(key, label, enc_key),
        }
    }

    fn run<D, M>(key: &RsaPrivateKey, label: &[u8], enc_key: &[u8]) -> Result<Zeroizing<Vec<u8>>>
    where
        D: Digest + FixedOutputReset,
        M: Digest + FixedOutputReset,
    {
        let padding = Oaep::<D, M> {
            digest: D::new(),
            mgf_digest: M::new(),
            label: (!label.is_empty()).then(|| label.into()),
        };
        key.decrypt_blinded(&mut rand::rng(), padding, enc_key)
            .map(Zeroizing::new)
            .map_err(|_| {
                Error::DecryptionFailed("the RSA-OAEP key unwrap failed: wrong key?".into())
            })
    }
}

/// An RSA public key to encrypt to.
pub enum RsaPublic {
    Provider(PublicEncryptingKey),
    /// A key size the provider refuses (below 2048 or above 8192 bits).
    OtherSize(Box<rsa::RsaPublicKey>),
}

impl RsaPublic {
    /// From a DER SubjectPublicKeyInfo whose algorithm is rsaEncryption.
    pub fn from_spki(spki: &[u8]) -> Result<Self> {
        match PublicEncryptingKey::from_der(spki) {
            Ok(key) => Ok(RsaPublic::Provider(key)),
            Err(e) if matches!(e.to_string().as_str(), "TooSmall" | "TooLarge") => {
                use rsa::pkcs8::DecodePublicKey;
                rsa::RsaPublicKey::from_public_key_der(spki)
                    .map(|k| RsaPublic::OtherSize(Box::new(k)))
                    .map_err(|e| Error::malformed("RSA public key", e))
            }
            Err(e) => Err(Error::malformed("RSA public key", e)),
        }
    }

    /// RSAES-PKCS1-v1_5 encryption (RFC 8017 section 7.2.1).
    pub fn encrypt_pkcs1v15(&self, msg: &[u8]) -> Result<Vec<u8>> {
        let failed = || Error::Crypto("RSA encryption failed".into());
        match self {
            RsaPublic::Provider(key) => {
                let key = Pkcs1PublicEncryptingKey::new(key.clone()).map_err(|_| failed())?;
                let mut out = vec![0u8; key.ciphertext_size()];
                let len = key.encrypt(msg, &mut out).map_err(|_| failed())?.len();
                out.truncate(len);
                Ok(out)
            }
            RsaPublic::OtherSize(key) => key
                .encrypt(&mut rand::rng(), rsa::Pkcs1v15Encrypt, msg)
                .map_err(|e| Error::Crypto(format!("RSA encryption: {e}"))),
        }
    }

    /// RSAES-OAEP encryption with SHA-256, MGF1-SHA-256 and the empty
    /// label (RFC 8017 section 7.1.1).
    pub fn encrypt_oaep_sha256(&self, msg: &[u8]) -> Result<Vec<u8>> {
        let failed = || Error::Crypto("RSA-OAEP encryption failed".into());
        match self {
            RsaPublic::Provider(key) => {
                let key = OaepPublicEncryptingKey::new(key.clone()).map_err(|_| failed())?;
                let mut out = vec![0u8; key.ciphertext_size()];
                let len = key
                    .encrypt(&OAEP_SHA256_MGF1SHA256, msg, &mut out, None)
                    .map_err(|_| failed())?
                    .len();
                out.truncate(len);
                Ok(out)
            }
            RsaPublic::OtherSize(key) => key
                .encrypt(&mut rand::rng(), rsa::Oaep::<sha2::Sha256>::new(), msg)
                .map_err(|e| Error::Crypto(format!("RSA-OAEP encryption: {e}"))),
        }
    }
}
