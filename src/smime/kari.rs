//! Elliptic-curve key agreement: KeyAgreeRecipientInfo (RFC 5652 section
//! 6.2.2) with ephemeral-static ECDH as RFC 5753 section 3.1 specifies:
//! `dhSinglePass-stdDH-sha*kdf-scheme`, the ANSI X9.63 KDF over
//! ECC-CMS-SharedInfo, and AES key wrap (RFC 3394). The ECDH itself (P-256
//! and P-384, and the check that a peer's point is on the curve) is the
//! crypto provider's, aws-lc-rs.

use aes_kw::{KeyInit, KwAes128, KwAes192, KwAes256};
use aws_lc_rs::agreement::{
    self, Algorithm, ParsedPublicKey, ParsedPublicKeyFormat, PrivateKey as AgreementKey,
    UnparsedPublicKey, ECDH_P256, ECDH_P384,
};
use cms::content_info::CmsVersion;
use cms::enveloped_data::{
    KeyAgreeRecipientIdentifier, KeyAgreeRecipientInfo, OriginatorIdentifierOrKey,
    OriginatorPublicKey, RecipientEncryptedKey, RecipientInfo,
};
use der::asn1::{BitString, ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode, Sequence};
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::content_cipher::oid_name;
use super::key::PrivateKey;
use super::ktri::issuer_and_serial;
use crate::error::{Error, Result};

use const_oid::db::rfc5753::{
    DH_SINGLE_PASS_COFACTOR_DH_SHA_1_KDF_SCHEME, DH_SINGLE_PASS_COFACTOR_DH_SHA_224_KDF_SCHEME,
    DH_SINGLE_PASS_COFACTOR_DH_SHA_256_KDF_SCHEME, DH_SINGLE_PASS_COFACTOR_DH_SHA_384_KDF_SCHEME,
    DH_SINGLE_PASS_COFACTOR_DH_SHA_512_KDF_SCHEME, DH_SINGLE_PASS_STD_DH_SHA_1_KDF_SCHEME,
    DH_SINGLE_PASS_STD_DH_SHA_224_KDF_SCHEME, DH_SINGLE_PASS_STD_DH_SHA_256_KDF_SCHEME,
    DH_SINGLE_PASS_STD_DH_SHA_384_KDF_SCHEME, DH_SINGLE_PASS_STD_DH_SHA_512_KDF_SCHEME,
};
use const_oid::db::rfc5911::{ID_AES_128_WRAP, ID_AES_192_WRAP, ID_AES_256_WRAP};
use const_oid::db::rfc5912::{ID_EC_PUBLIC_KEY, SECP_256_R_1, SECP_384_R_1};

/// `ECC-CMS-SharedInfo`, the KDF input of RFC 5753 section 7.2:
///
/// ```text
/// ECC-CMS-SharedInfo ::= SEQUENCE {
///     keyInfo         AlgorithmIdentifier,
///     entityUInfo [0] EXPLICIT OCTET STRING OPTIONAL,
///     suppPubInfo [2] EXPLICIT OCTET STRING }
/// ```
///
/// `keyInfo` is the key-wrap algorithm; `suppPubInfo` the KEK length in
/// bits as a 32-bit big-endian number.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct EccCmsSharedInfo {
    pub key_info: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub entity_u_info: Option<OctetString>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT")]
    pub supp_pub_info: OctetString,
}

/// A P-256 recipient, parsed once.
pub struct P256Recipient {
    key: ParsedPublicKey,
    cert: Certificate,
}

impl P256Recipient {
    /// Reads the certificate's P-256 key; `None` if it is not an EC key on
    /// P-256.
    pub fn from_certificate(cert: &Certificate) -> Result<Option<Self>> {
        let spki = cert.tbs_certificate().subject_public_key_info();
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        if spki.algorithm.oid != ID_EC_PUBLIC_KEY || curve != Some(SECP_256_R_1) {
            return Ok(None);
        }
        let point = spki.subject_public_key.raw_bytes();
        let key = sec1_point(&ECDH_P256, point)
            .ok_or_else(|| Error::malformed("P-256 public key", "not a point on the curve"))?;
        Ok(Some(P256Recipient {
            key,
            cert: cert.clone(),
        }))
    }

    /// Wraps the content-encryption key with a fresh ephemeral key:
    /// `dhSinglePass-stdDH-sha256kdf-scheme` and `id-aes256-wrap`.
    pub fn wrap(&self, cek: &[u8]) -> Result<RecipientInfo> {
        let failed = || Error::Crypto("P-256 key agreement failed".into());
        let ephemeral = AgreementKey::generate(&ECDH_P256).map_err(|_| failed())?;
        let ephemeral_public = ephemeral.compute_public_key().map_err(|_| failed())?;
        let wrap_alg = AlgorithmIdentifierOwned {
            oid: ID_AES_256_WRAP,
            parameters: None,
        };
        let kek = agreement::agree(&ephemeral, self.key.clone(), failed(), |z| {
            derive_kek(KdfHash::Sha256, z, &wrap_alg, None, 32)
        })?;
        let wrapped = aes_wrap(&kek, cek)?;
        let originator = OriginatorPublicKey {
            algorithm: AlgorithmIdentifierOwned {
                // RFC 5753 section 7.1.2: generate absent parameters here.
                oid: ID_EC_PUBLIC_KEY,
                parameters: None,
            },
            // The uncompressed point, as the provider gives it.
            public_key: BitString::from_bytes(ephemeral_public.as_ref())?,
        };
        Ok(RecipientInfo::Kari(KeyAgreeRecipientInfo {
            version: CmsVersion::V3,
            originator: OriginatorIdentifierOrKey::OriginatorKey(originator),
            ukm: None,
            key_enc_alg: AlgorithmIdentifierOwned {
                oid: DH_SINGLE_PASS_STD_DH_SHA_256_KDF_SCHEME,
                parameters: Some(Any::from_der(&wrap_alg.to_der()?)?),
            },
            recipient_enc_keys: vec![RecipientEncryptedKey {
                rid: KeyAgreeRecipientIdentifier::IssuerAndSerialNumber(issuer_and_serial(
                    &self.cert,
                )),
                enc_key: OctetString::new(wrapped)?,
            }],
        }))
    }
}

/// The hash of the X9.63 KDF, chosen by the key-agreement algorithm OID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KdfHash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl KdfHash {
    /// For P-256 and P-384 the cofactor is 1, so cofactor DH equals
    /// standard DH and both OID families are accepted.
    fn from_scheme(oid: ObjectIdentifier) -> Result<KdfHash> {
        match oid {
            DH_SINGLE_PASS_STD_DH_SHA_1_KDF_SCHEME
            | DH_SINGLE_PASS_COFACTOR_DH_SHA_1_KDF_SCHEME => Ok(KdfHash::Sha1),
            DH_SINGLE_PASS_STD_DH_SHA_224_KDF_SCHEME
            | DH_SINGLE_PASS_COFACTOR_DH_SHA_224_KDF_SCHEME => Ok(KdfHash::Sha224),
            DH_SINGLE_PASS_STD_DH_SHA_256_KDF_SCHEME
            | DH_SINGLE_PASS_COFACTOR_DH_SHA_256_KDF_SCHEME => Ok(KdfHash::Sha256),
            DH_SINGLE_PASS_STD_DH_SHA_384_KDF_SCHEME
            | DH_SINGLE_PASS_COFACTOR_DH_SHA_384_KDF_SCHEME => Ok(KdfHash::Sha384),
            DH_SINGLE_PASS_STD_DH_SHA_512_KDF_SCHEME
            | DH_SINGLE_PASS_COFACTOR_DH_SHA_512_KDF_SCHEME => Ok(KdfHash::Sha512),
            other => Err(Error::unsupported(
                "key-agreement algorithm",
                oid_name(&other),
            )),
        }
    }
}

/// The KEK: ANSI X9.63 KDF (RFC 5753 section 7.2) with
/// ECC-CMS-SharedInfo as the shared info.
fn derive_kek(
    hash: KdfHash,
    z: &[u8],
    wrap_alg: &AlgorithmIdentifierOwned,
    ukm: Option<&OctetString>,
    kek_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    let bits = u32::try_from(kek_len * 8).map_err(|_| Error::Crypto("KEK too long".into()))?;
    let shared_info = EccCmsSharedInfo {
        key_info: wrap_alg.clone(),
        entity_u_info: ukm.cloned(),
        supp_pub_info: OctetString::new(bits.to_be_bytes().as_slice())?,
    }
    .to_der()?;
    Ok(match hash {
        KdfHash::Sha1 => x963_kdf::<sha1::Sha1>(z, &shared_info, kek_len),
        KdfHash::Sha224 => x963_kdf::<sha2::Sha224>(z, &shared_info, kek_len),
        KdfHash::Sha256 => x963_kdf::<sha2::Sha256>(z, &shared_info, kek_len),
        KdfHash::Sha384 => x963_kdf::<sha2::Sha384>(z, &shared_info, kek_len),
        KdfHash::Sha512 => x963_kdf::<sha2::Sha512>(z, &shared_info, kek_len),
    })
}

/// `K = H(Z || counter || SharedInfo)` for counter = 1, 2, ... (32-bit big
/// endian), concatenated and cut to `len` bytes.
fn x963_kdf<D: Digest>(z: &[u8], shared_info: &[u8], len: usize) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(len + 64));
    let mut counter: u32 = 1;
    while out.len() < len {
        let mut h = D::new();
        h.update(z);
        h.update(counter.to_be_bytes());
        h.update(shared_info);
        out.extend_from_slice(&h.finalize());
        counter = counter.wrapping_add(1);
    }
    out.truncate(len);
    out
}

fn aes_wrap(kek: &[u8], cek: &[u8]) -> Result<Vec<u8>> {
    let mut out = vec![0u8; cek.len() + aes_kw::IV_LEN];
    let kw = KwAes256::new_from_slice(kek).map_err(|_| Error::Crypto("bad KEK length".into()))?;
    kw.wrap_key(cek, &mut out)
        .map_err(|e| Error::Crypto(format!("AES key wrap: {e}")))?;
    Ok(out)
}

/// The key length of an AES key-wrap algorithm (RFC 3565 section 2.3.2).
fn wrap_key_len(alg: &AlgorithmIdentifierOwned) -> Result<usize> {
    match alg.oid {
        ID_AES_128_WRAP => Ok(16),
        ID_AES_192_WRAP => Ok(24),
        ID_AES_256_WRAP => Ok(32),
        other => Err(Error::unsupported("key-wrap algorithm", oid_name(&other))),
    }
}

fn aes_unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let failed = || Error::DecryptionFailed("the AES key unwrap failed: wrong key?".into());
    let mut out = Zeroizing::new(vec![0u8; wrapped.len()]);
    let len = match kek.len() {
        16 => KwAes128::new_from_slice(kek)
            .map_err(|_| failed())?
            .unwrap_key(wrapped, &mut out)
            .map_err(|_| failed())?
            .len(),
        24 => KwAes192::new_from_slice(kek)
            .map_err(|_| failed())?
            .unwrap_key(wrapped, &mut out)
            .map_err(|_| failed())?
            .len(),
        _ => KwAes256::new_from_slice(kek)
            .map_err(|_| failed())?
            .unwrap_key(wrapped, &mut out)
            .map_err(|_| failed())?
            .len(),
    };
    out.truncate(len);
    Ok(out)
}

/// Recovers the content-encryption key of `cek_len` bytes from one
/// RecipientEncryptedKey of `kari`, with our EC private key.
pub fn unwrap(
    kari: &KeyAgreeRecipientInfo,
    enc_key: &[u8],
    key: &PrivateKey,
    cek_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    let OriginatorIdentifierOrKey::OriginatorKey(originator) = &kari.originator else {
        return Err(Error::unsupported(
            "key agreement",
            "a static originator key (only ephemeral-static ECDH is supported)",
        ));
    };
    let hash = KdfHash::from_scheme(kari.key_enc_alg.oid)?;
    let wrap_alg = kari
        .key_enc_alg
        .parameters
        .as_ref()
        .ok_or_else(|| Error::malformed("KeyAgreeRecipientInfo", "no key-wrap algorithm"))?
        .decode_as::<AlgorithmIdentifierOwned>()?;
    let kek_len = wrap_key_len(&wrap_alg)?;
    let z = shared_secret(key, originator)?;
    let kek = derive_kek(hash, &z, &wrap_alg, kari.ukm.as_ref(), kek_len)?;
    let cek = aes_unwrap(&kek, enc_key)?;
    if cek.len() != cek_len {
        return Err(Error::DecryptionFailed(
            "the unwrapped key has the wrong length".into(),
        ));
    }
    Ok(cek)
}

/// An uncompressed or compressed SEC1 point on the curve of `alg` (the
/// provider checks it is on the curve); nothing else, though the provider
/// would also read a whole SubjectPublicKeyInfo.
fn sec1_point(alg: &'static Algorithm, bytes: &[u8]) -> Option<ParsedPublicKey> {
    let key = ParsedPublicKey::try_from(UnparsedPublicKey::new(alg, bytes)).ok()?;
    matches!(
        key.format(),
        ParsedPublicKeyFormat::Uncompressed | ParsedPublicKeyFormat::Compressed
    )
    .then_some(key)
}

/// ECDH between our private key and the originator's ephemeral key.
fn shared_secret(key: &PrivateKey, originator: &OriginatorPublicKey) -> Result<Zeroizing<Vec<u8>>> {
    if originator.algorithm.oid != ID_EC_PUBLIC_KEY {
        return Err(Error::unsupported(
            "originator key algorithm",
            oid_name(&originator.algorithm.oid),
        ));
    }
    // Parameters are absent, NULL, or the curve, which must be ours.
    let curve = originator
        .algorithm
        .parameters
        .as_ref()
        .filter(|p| !p.is_null())
        .map(|p| p.decode_as::<ObjectIdentifier>())
        .transpose()?;
    let point = originator.public_key.raw_bytes();
    let (alg, secret): (&'static Algorithm, Zeroizing<Vec<u8>>) = match (key, curve) {
        (PrivateKey::P256(sk), None | Some(SECP_256_R_1)) => {
            (&ECDH_P256, Zeroizing::new(sk.to_bytes().to_vec()))
        }
        (PrivateKey::P384(sk), None | Some(SECP_384_R_1)) => {
            (&ECDH_P384, Zeroizing::new(sk.to_bytes().to_vec()))
        }
        (PrivateKey::P256(_) | PrivateKey::P384(_), Some(other)) => {
            return Err(Error::DecryptionFailed(format!(
                "the sender used another curve ({})",
                oid_name(&other)
            )))
        }
        (other, _) => {
            return Err(Error::DecryptionFailed(format!(
                "a {} key cannot do EC key agreement",
                other.algorithm_name()
            )))
        }
    };
    let ours = AgreementKey::from_private_key(alg, &secret)
        .map_err(|e| Error::malformed("EC private key", e))?;
    let theirs = sec1_point(alg, point)
        .ok_or_else(|| Error::malformed("originator public key", "not a point on the curve"))?;
    agreement::agree(
        &ours,
        theirs,
        Error::DecryptionFailed("the EC key agreement failed".into()),
        |z| Ok(Zeroizing::new(z.to_vec())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x963_kdf_matches_the_definition() {
        // Two blocks: H(Z||1||info) || H(Z||2||info), cut to 40 bytes.
        let out = x963_kdf::<sha2::Sha256>(b"zz", b"info", 40);
        let mut first = sha2::Sha256::new();
        first.update(b"zz\x00\x00\x00\x01info");
        let mut second = sha2::Sha256::new();
        second.update(b"zz\x00\x00\x00\x02info");
        let mut expected = first.finalize().to_vec();
        expected.extend_from_slice(&second.finalize()[..8]);
        assert_eq!(out.as_slice(), expected.as_slice());
    }

    #[test]
    fn shared_info_encoding() {
        let wrap_alg = AlgorithmIdentifierOwned {
            oid: ID_AES_256_WRAP,
            parameters: None,
        };
        let info = EccCmsSharedInfo {
            key_info: wrap_alg,
            entity_u_info: None,
            supp_pub_info: OctetString::new([0, 0, 1, 0].as_slice()).unwrap(),
        };
        // SEQUENCE { SEQUENCE { aes256-wrap }, [2] { OCTET STRING 00000100 } }
        let expected = [
            0x30, 0x15, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01,
            0x2d, 0xa2, 0x06, 0x04, 0x04, 0x00, 0x00, 0x01, 0x00,
        ];
        assert_eq!(info.to_der().unwrap(), expected);
    }

    #[test]
    fn aes_wrap_round_trip_and_fail_on_wrong_kek() {
        let cek = [5u8; 32];
        let wrapped = aes_wrap(&[1; 32], &cek).unwrap();
        assert_eq!(aes_unwrap(&[1; 32], &wrapped).unwrap().as_slice(), cek);
        assert!(matches!(
            aes_unwrap(&[2; 32], &wrapped),
            Err(Error::DecryptionFailed(_))
        ));
        assert!(aes_unwrap(&[1; 32], &wrapped[..7]).is_err());
        assert!(aes_unwrap(&[1; 32], &[]).is_err());
    }
}
