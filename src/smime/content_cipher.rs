//! Content-encryption algorithms of EnvelopedData and AuthEnvelopedData:
//! AES-GCM (RFC 5084) and AES-CBC (RFC 3565), with their
//! AlgorithmIdentifier parameters; for old mail also Triple DES and RC2 in
//! CBC mode (RFC 3370 section 5), decrypted only.

use aes::{Aes128, Aes192, Aes256};
use aes_gcm::aead::consts::{U12, U16};
use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::AesGcm;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, BlockModeEncrypt, InnerIvInit, KeyIvInit};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

use const_oid::db::rfc5911::{
    DES_EDE_3_CBC, ID_AES_128_CBC, ID_AES_128_GCM, ID_AES_192_CBC, ID_AES_192_GCM, ID_AES_256_CBC,
    ID_AES_256_GCM,
};

/// The GCM nonce length RFC 5084 section 3.2 recommends, and the only one
/// openssl writes.
pub const GCM_NONCE_LEN: usize = 12;
/// The ICV (tag) length we write: the full 16 bytes.
pub const GCM_TAG_LEN: usize = 16;
/// AES block length, also the CBC IV length.
pub const BLOCK_LEN: usize = 16;

/// `GCMParameters`, RFC 5084 section 3.2:
///
/// ```text
/// GCMParameters ::= SEQUENCE {
///   aes-nonce        OCTET STRING, -- recommended size is 12 octets
///   aes-ICVlen       AES-GCM-ICVlen DEFAULT 12 }
/// AES-GCM-ICVlen ::= INTEGER (12 | 13 | 14 | 15 | 16)
/// ```
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct GcmParameters {
    pub nonce: OctetString,
    #[asn1(default = "default_icv_len")]
    pub icv_len: u8,
}

fn default_icv_len() -> u8 {
    12
}

/// Block length of Triple DES and RC2, also their CBC IV length.
pub const LEGACY_BLOCK_LEN: usize = 8;

/// `rc2-cbc` (RFC 3370 section 5.2).
const RC2_CBC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.3.2");

/// ```text
/// RC2CBCParameter ::= SEQUENCE {
///   rc2ParameterVersion  INTEGER,
///   iv                   OCTET STRING }  -- exactly 8 octets
/// ```
/// RFC 3370 section 5.2. The version encodes the effective key bits
/// (RFC 2268 section 6): 160 for 40 bits, 120 for 64, 58 for 128.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct Rc2CbcParameter {
    pub version: u16,
    pub iv: OctetString,
}

/// The RFC 2268 parameter versions we read, with their effective key bits:
/// those of `openssl cms -rc2-40`, `-rc2-64` and `-rc2-128`, and of old
/// Outlook and Netscape mail.
const RC2_VERSIONS: [(u16, usize); 3] = [(160, 40), (120, 64), (58, 128)];

/// A content-encryption algorithm with its parameters, as read from an
/// EncryptedContentInfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentAlgorithm {
    /// AES-GCM (AuthEnvelopedData only).
    Gcm {
        key_len: usize,
        nonce: [u8; GCM_NONCE_LEN],
        tag_len: usize,
    },
    /// AES-CBC with PKCS#7 padding (EnvelopedData only).
    Cbc { key_len: usize, iv: [u8; BLOCK_LEN] },
    /// Triple DES (three keys, EDE) in CBC mode: `des-ede3-cbc`, old mail.
    Des3Cbc { iv: [u8; LEGACY_BLOCK_LEN] },
    /// RC2 in CBC mode with its effective key bits (40, 64 or 128), old
    /// mail. The key is as long as the effective bits.
    Rc2Cbc {
        effective_bits: usize,
        iv: [u8; LEGACY_BLOCK_LEN],
    },
}

impl ContentAlgorithm {
    /// Reads the algorithm and its parameters.
    pub fn from_algorithm_id(alg: &AlgorithmIdentifierOwned) -> Result<Self> {
        let gcm_key_len = match alg.oid {
            ID_AES_128_GCM => Some(16),
            ID_AES_192_GCM => Some(24),
            ID_AES_256_GCM => Some(32),
            _ => None,
        };
        let cbc_key_len = match alg.oid {
            ID_AES_128_CBC => Some(16),
            ID_AES_192_CBC => Some(24),
            ID_AES_256_CBC => Some(32),
            _ => None,
        };
        let params = alg.parameters.as_ref();
        match (gcm_key_len, cbc_key_len) {
            (Some(key_len), _) => Self::gcm_from_params(key_len, params),
            (_, Some(key_len)) => Self::cbc_from_params(key_len, params),
            _ if alg.oid == DES_EDE_3_CBC => Self::des3_from_params(params),
            _ if alg.oid == RC2_CBC => Self::rc2_from_params(params),
            _ => Err(Error::unsupported(
                "content-encryption algorithm",
                oid_name(&alg.oid),
            )),
        }
    }

    fn gcm_from_params(key_len: usize, params: Option<&Any>) -> Result<Self> {
        let params = params
            .ok_or_else(|| Error::malformed("AES-GCM parameters", "missing"))?
            .decode_as::<GcmParameters>()?;
        let nonce = params.nonce.as_bytes().try_into().map_err(|_| {
            Error::unsupported(
                "AES-GCM nonce length",
                format!(
                    "{} bytes (only 12 is supported)",
                    params.nonce.as_bytes().len()
                ),
            )
        })?;
        let tag_len = usize::from(params.icv_len);
        if tag_len != 12 && tag_len != 16 {
            return Err(Error::unsupported(
                "AES-GCM tag length",
                format!("{tag_len} bytes (12 and 16 are supported)"),
            ));
        }
        Ok(ContentAlgorithm::Gcm {
            key_len,
            nonce,
            tag_len,
        })
    }

    fn cbc_from_params(key_len: usize, params: Option<&Any>) -> Result<Self> {
        let iv = params
            .ok_or_else(|| Error::malformed("AES-CBC parameters", "missing IV"))?
            .decode_as::<OctetString>()?;
        let iv = iv
            .as_bytes()
            .try_into()
            .map_err(|_| Error::malformed("AES-CBC parameters", "the IV is not 16 bytes"))?;
        Ok(ContentAlgorithm::Cbc { key_len, iv })
    }

    /// `des-ede3-cbc` parameters: the IV as an OCTET STRING (RFC 3370
    /// section 5.1).
    fn des3_from_params(params: Option<&Any>) -> Result<Self> {
        let iv = params
            .ok_or_else(|| Error::malformed("3DES-CBC parameters", "missing IV"))?
            .decode_as::<OctetString>()?;
        let iv = iv
            .as_bytes()
            .try_into()
            .map_err(|_| Error::malformed("3DES-CBC parameters", "the IV is not 8 bytes"))?;
        Ok(ContentAlgorithm::Des3Cbc { iv })
    }

    fn rc2_from_params(params: Option<&Any>) -> Result<Self> {
        let params = params
            .ok_or_else(|| Error::malformed("RC2-CBC parameters", "missing"))?
            .decode_as::<Rc2CbcParameter>()?;
        let effective_bits = RC2_VERSIONS
            .iter()
            .find(|(version, _)| *version == params.version)
            .map(|(_, bits)| *bits)
            .ok_or_else(|| {
                Error::unsupported(
                    "RC2 parameter version",
                    format!(
                        "{} (40, 64 and 128 effective key bits are read)",
                        params.version
                    ),
                )
            })?;
        let iv = params
            .iv
            .as_bytes()
            .try_into()
            .map_err(|_| Error::malformed("RC2-CBC parameters", "the IV is not 8 bytes"))?;
        Ok(ContentAlgorithm::Rc2Cbc { effective_bits, iv })
    }

    /// The content-encryption key length in bytes.
    pub fn key_len(&self) -> usize {
        match self {
            ContentAlgorithm::Gcm { key_len, .. } | ContentAlgorithm::Cbc { key_len, .. } => {
                *key_len
            }
            ContentAlgorithm::Des3Cbc { .. } => 24,
            ContentAlgorithm::Rc2Cbc { effective_bits, .. } => effective_bits / 8,
        }
    }

    /// A name such as `AES-256-GCM`, for reports.
    pub fn name(&self) -> String {
        match self {
            ContentAlgorithm::Gcm { key_len, .. } => format!("AES-{}-GCM", key_len * 8),
            ContentAlgorithm::Cbc { key_len, .. } => format!("AES-{}-CBC", key_len * 8),
            ContentAlgorithm::Des3Cbc { .. } => "3DES-CBC".into(),
            ContentAlgorithm::Rc2Cbc { effective_bits, .. } => format!("RC2-{effective_bits}-CBC"),
        }
    }

    pub fn is_aead(&self) -> bool {
        matches!(self, ContentAlgorithm::Gcm { .. })
    }
}

/// A readable name for an algorithm we do not support.
pub fn oid_name(oid: &ObjectIdentifier) -> String {
    match const_oid::db::DB.by_oid(oid) {
        Some(name) => format!("{name} ({oid})"),
        None => oid.to_string(),
    }
}

/// The AlgorithmIdentifier for AES-256-GCM with our nonce and a 16-byte tag.
pub fn aes256_gcm_algorithm_id(nonce: &[u8; GCM_NONCE_LEN]) -> Result<AlgorithmIdentifierOwned> {
    let params = GcmParameters {
        nonce: OctetString::new(nonce.as_slice())?,
        icv_len: GCM_TAG_LEN as u8,
    };
    Ok(AlgorithmIdentifierOwned {
        oid: ID_AES_256_GCM,
        parameters: Some(Any::from_der(&params.to_der()?)?),
    })
}

/// The AlgorithmIdentifier for AES-256-CBC with our IV.
pub fn aes256_cbc_algorithm_id(iv: &[u8; BLOCK_LEN]) -> Result<AlgorithmIdentifierOwned> {
    Ok(AlgorithmIdentifierOwned {
        oid: ID_AES_256_CBC,
        parameters: Some(Any::from_der(&OctetString::new(iv.as_slice())?.to_der()?)?),
    })
}

/// Encrypts `buf` in place with AES-256-GCM (no associated data) and
/// returns the tag.
pub fn aes256_gcm_seal(
    key: &[u8],
    nonce: &[u8; GCM_NONCE_LEN],
    buf: &mut [u8],
) -> Result<[u8; GCM_TAG_LEN]> {
    let cipher = AesGcm::<Aes256, U12, U16>::new_from_slice(key)
        .map_err(|_| Error::Crypto("bad AES-256 key length".into()))?;
    let tag = cipher
        .encrypt_inout_detached(&(*nonce).into(), b"", buf.into())
        .map_err(|_| Error::Crypto("AES-GCM encryption failed".into()))?;
    Ok(tag.into())
}

/// Encrypts the first `msg_len` bytes of `buf` in place with AES-256-CBC,
/// padding them (PKCS#7) to the whole of `buf`, which must be exactly
/// [`cbc_padded_len`] bytes.
pub fn aes256_cbc_seal(
    key: &[u8],
    iv: &[u8; BLOCK_LEN],
    buf: &mut [u8],
    msg_len: usize,
) -> Result<()> {
    cbc::Encryptor::<Aes256>::new_from_slices(key, iv)
        .map_err(|_| Error::Crypto("bad AES-256 key length".into()))?
        .encrypt_padded::<Pkcs7>(buf, msg_len)
        .map_err(|_| Error::Crypto("CBC buffer too small".into()))?;
    Ok(())
}

/// The ciphertext length of CBC with PKCS#7 padding: always at least one
/// byte of padding.
pub fn cbc_padded_len(msg_len: usize) -> usize {
    (msg_len / BLOCK_LEN + 1) * BLOCK_LEN
}

/// Decrypts the content. For GCM, a wrong tag is `IntegrityFailure` and no
/// plaintext is returned; for CBC, bad padding is `DecryptionFailed`.
/// `aad` is GCM's associated data (AuthEnvelopedData `authAttrs`).
pub fn open(
    alg: &ContentAlgorithm,
    key: &[u8],
    ciphertext: Vec<u8>,
    tag: Option<&[u8]>,
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let buf = Zeroizing::new(ciphertext);
    match alg {
        ContentAlgorithm::Gcm {
            key_len,
            nonce,
            tag_len,
        } => {
            let tag = tag.ok_or_else(|| Error::malformed("AuthEnvelopedData", "missing mac"))?;
            if tag.len() != *tag_len {
                return Err(Error::malformed(
                    "AuthEnvelopedData",
                    "the mac length differs from the ICV length",
                ));
            }
            gcm_open_by_size(*key_len, *tag_len, key, nonce, buf, tag, aad)
        }
        ContentAlgorithm::Cbc { key_len, iv } => match key_len {
            16 => cbc_open::<Aes128>(key, iv, buf),
            24 => cbc_open::<Aes192>(key, iv, buf),
            _ => cbc_open::<Aes256>(key, iv, buf),
        },
        ContentAlgorithm::Des3Cbc { iv } => {
            let cipher = des::TdesEde3::new_from_slice(key).map_err(|_| cbc_failed())?;
            legacy_cbc_open(cipher, iv, buf)
        }
        ContentAlgorithm::Rc2Cbc { effective_bits, iv } => {
            let cipher = rc2::Rc2::new_with_eff_key_len(key, *effective_bits);
            legacy_cbc_open(cipher, iv, buf)
        }
    }
}

fn cbc_failed() -> Error {
    Error::DecryptionFailed("wrong key, or the ciphertext was altered".into())
}

/// CBC decryption with a 64-bit block cipher already keyed (RC2 takes its
/// effective key bits beside the key).
fn legacy_cbc_open<C>(
    cipher: C,
    iv: &[u8; LEGACY_BLOCK_LEN],
    mut buf: Zeroizing<Vec<u8>>,
) -> Result<Zeroizing<Vec<u8>>>
where
    C: BlockCipherDecrypt,
{
    let plain_len = cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv)
        .map_err(|_| cbc_failed())?
        .decrypt_padded::<Pkcs7>(buf.as_mut_slice())
        .map_err(|_| cbc_failed())?
        .len();
    buf.truncate(plain_len);
    Ok(buf)
}

fn gcm_open_by_size(
    key_len: usize,
    tag_len: usize,
    key: &[u8],
    nonce: &[u8; GCM_NONCE_LEN],
    buf: Zeroizing<Vec<u8>>,
    tag: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let args = (key, nonce, buf, tag, aad);
    match (key_len, tag_len) {
        (16, 16) => gcm_open::<AesGcm<Aes128, U12, U16>>(args),
        (24, 16) => gcm_open::<AesGcm<Aes192, U12, U16>>(args),
        (32, 16) => gcm_open::<AesGcm<Aes256, U12, U16>>(args),
        (16, _) => gcm_open::<AesGcm<Aes128, U12, U12>>(args),
        (24, _) => gcm_open::<AesGcm<Aes192, U12, U12>>(args),
        _ => gcm_open::<AesGcm<Aes256, U12, U12>>(args),
    }
}

/// Key, nonce, ciphertext, tag and associated data.
type GcmArgs<'a> = (
    &'a [u8],
    &'a [u8; GCM_NONCE_LEN],
    Zeroizing<Vec<u8>>,
    &'a [u8],
    &'a [u8],
);

fn gcm_open<C>((key, nonce, mut buf, tag, aad): GcmArgs<'_>) -> Result<Zeroizing<Vec<u8>>>
where
    C: AeadInOut<NonceSize = U12> + KeyInit,
{
    let cipher = C::new_from_slice(key).map_err(|_| Error::IntegrityFailure)?;
    let tag = aes_gcm::aead::Tag::<C>::try_from(tag).map_err(|_| Error::IntegrityFailure)?;
    // The tag is checked before any plaintext is produced; on failure the
    // buffer (ciphertext) is dropped and zeroized with nothing returned.
    cipher
        .decrypt_inout_detached(&(*nonce).into(), aad, buf.as_mut_slice().into(), &tag)
        .map_err(|_| Error::IntegrityFailure)?;
    Ok(buf)
}

fn cbc_open<A>(
    key: &[u8],
    iv: &[u8; BLOCK_LEN],
    mut buf: Zeroizing<Vec<u8>>,
) -> Result<Zeroizing<Vec<u8>>>
where
    A: BlockCipherDecrypt<BlockSize = U16> + KeyInit,
{
    let plain_len = cbc::Decryptor::<A>::new_from_slices(key, iv)
        .map_err(|_| cbc_failed())?
        .decrypt_padded::<Pkcs7>(buf.as_mut_slice())
        .map_err(|_| cbc_failed())?
        .len();
    buf.truncate(plain_len);
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcm_parameters_round_trip_and_default_icv() {
        let alg = aes256_gcm_algorithm_id(&[7; 12]).unwrap();
        let parsed = ContentAlgorithm::from_algorithm_id(&alg).unwrap();
        assert_eq!(
            parsed,
            ContentAlgorithm::Gcm {
                key_len: 32,
                nonce: [7; 12],
                tag_len: 16
            }
        );
        // SEQUENCE { OCTET STRING (12 bytes) } with the ICV length left at
        // its DEFAULT of 12.
        let mut params = vec![0x30, 14, 0x04, 12];
        params.extend([1u8; 12]);
        let parsed = GcmParameters::from_der(&params).unwrap();
        assert_eq!(parsed.icv_len, 12);
    }

    #[test]
    fn gcm_and_cbc_seal_then_open() {
        let key = [9u8; 32];
        let mut buf = b"hello, world".to_vec();
        let tag = aes256_gcm_seal(&key, &[1; 12], &mut buf).unwrap();
        assert_ne!(buf, b"hello, world");
        let alg = ContentAlgorithm::from_algorithm_id(&aes256_gcm_algorithm_id(&[1; 12]).unwrap())
            .unwrap();
        let plain = open(&alg, &key, buf.clone(), Some(&tag), b"").unwrap();
        assert_eq!(plain.as_slice(), b"hello, world");
        let mut bad_tag = tag;
        bad_tag[0] ^= 1;
        assert!(matches!(
            open(&alg, &key, buf, Some(&bad_tag), b""),
            Err(Error::IntegrityFailure)
        ));

        let msg = b"exactly sixteen!";
        let mut buf = msg.to_vec();
        buf.resize(cbc_padded_len(msg.len()), 0);
        assert_eq!(buf.len(), 32);
        aes256_cbc_seal(&key, &[2; 16], &mut buf, msg.len()).unwrap();
        let alg = ContentAlgorithm::from_algorithm_id(&aes256_cbc_algorithm_id(&[2; 16]).unwrap())
            .unwrap();
        assert_eq!(alg.name(), "AES-256-CBC");
        assert_eq!(open(&alg, &key, buf, None, b"").unwrap().as_slice(), msg);
    }

    #[test]
    fn fail_bad_parameters() {
        let mut alg = aes256_gcm_algorithm_id(&[7; 12]).unwrap();
        alg.parameters = None;
        assert!(ContentAlgorithm::from_algorithm_id(&alg).is_err());
        alg.parameters = Some(Any::from_der(&[0x04, 0x02, 1, 2]).unwrap());
        assert!(ContentAlgorithm::from_algorithm_id(&alg).is_err());
        let mut alg = aes256_cbc_algorithm_id(&[2; 16]).unwrap();
        alg.parameters = Some(Any::from_der(&[0x04, 0x02, 1, 2]).unwrap());
        assert!(ContentAlgorithm::from_algorithm_id(&alg).is_err());
        alg.oid = const_oid::db::rfc5911::DES_EDE_3_CBC;
        assert!(
            ContentAlgorithm::from_algorithm_id(&alg).is_err(),
            "a 2-byte IV"
        );
        alg.oid = ObjectIdentifier::new_unwrap("1.2.840.113549.3.9"); // rc5-CBC-PAD
        assert!(matches!(
            ContentAlgorithm::from_algorithm_id(&alg),
            Err(Error::Unsupported { .. })
        ));
    }

    #[test]
    fn fail_cbc_ciphertext_not_whole_blocks() {
        let alg = ContentAlgorithm::Cbc {
            key_len: 16,
            iv: [0; 16],
        };
        for len in [0, 1, 15, 17] {
            assert!(matches!(
                open(&alg, &[0; 16], vec![0; len], None, b""),
                Err(Error::DecryptionFailed(_))
            ));
        }
    }
}
