//! RSA key transport: KeyTransRecipientInfo (RFC 5652 section 6.2.1) with
//! RSAES-PKCS1-v1_5 (RFC 3370 section 4.2.1) or RSAES-OAEP (RFC 3560).
//!
//! Decryption uses the `rsa` crate, which carries the Marvin timing advisory
//! (RUSTSEC-2023-0071): the private-key operation's timing can leak. Keep
//! decryption off any path a remote party can trigger and time repeatedly
//! (no automatic decryption services).

use cms::cert::IssuerAndSerialNumber;
use cms::content_info::CmsVersion;
use cms::enveloped_data::{KeyTransRecipientInfo, RecipientIdentifier, RecipientInfo};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode};
use rsa::pkcs1::{RsaOaepParams, RsaOaepParamsRef};
use rsa::pkcs8::DecodePublicKey;
use rsa::{Oaep, Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};
use sha2::digest::{Digest, FixedOutputReset};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::content_cipher::oid_name;
use super::encrypt::RsaPadding;
use super::rsa_public::RsaPublic2048;
use crate::error::{Error, Result};

use const_oid::db::rfc5912::{
    ID_MGF_1, ID_P_SPECIFIED, ID_RSAES_OAEP, ID_SHA_1, ID_SHA_224, ID_SHA_256, ID_SHA_384,
    ID_SHA_512, RSA_ENCRYPTION,
};

/// An RSA recipient, parsed once so encryption does no further decoding.
pub struct RsaRecipient {
    key: RecipientKey,
    rid: IssuerAndSerialNumber,
}

/// 2048-bit keys take the fixed-width code; other sizes the general one.
enum RecipientKey {
    Fixed(Box<RsaPublic2048>),
    General(RsaPublicKey),
}

impl RsaRecipient {
    /// Reads the certificate's RSA public key; `None` if the key is not RSA.
    pub fn from_certificate(cert: &Certificate) -> Result<Option<Self>> {
        let spki = cert.tbs_certificate().subject_public_key_info();
        if spki.algorithm.oid != RSA_ENCRYPTION {
            return Ok(None);
        }
        let key = RecipientKey::read(spki.subject_public_key.raw_bytes(), || Ok(spki.to_der()?))?;
        Ok(Some(RsaRecipient {
            key,
            rid: issuer_and_serial(cert),
        }))
    }

    /// From an RSA subjectPublicKeyInfo and the IssuerAndSerialNumber that
    /// names its certificate, both DER, as the keyring keeps them.
    pub fn from_der_parts(spki: &[u8], rid: &[u8]) -> Result<Self> {
        let info = spki::SubjectPublicKeyInfoRef::from_der(spki)
            .map_err(|e| Error::malformed("RSA public key", e))?;
        if info.algorithm.oid != RSA_ENCRYPTION {
            return Err(Error::malformed("RSA public key", "the key is not RSA"));
        }
        let key = RecipientKey::read(info.subject_public_key.raw_bytes(), || Ok(spki.to_vec()))?;
        let rid = IssuerAndSerialNumber::from_der(rid)
            .map_err(|e| Error::malformed("recipient identifier", e))?;
        Ok(RsaRecipient { key, rid })
    }

    /// Wraps the content-encryption key for this recipient.
    pub fn wrap(&self, cek: &[u8], padding: RsaPadding) -> Result<RecipientInfo> {
        let alg = match padding {
            RsaPadding::Pkcs1v15 => rsa_encryption_id(),
            RsaPadding::Oaep => oaep_sha256_id()?,
        };
        let enc_key = self.encrypt(cek, padding)?;
        Ok(RecipientInfo::Ktri(KeyTransRecipientInfo {
            version: CmsVersion::V0,
            rid: RecipientIdentifier::IssuerAndSerialNumber(self.rid.clone()),
            key_enc_alg: alg,
            enc_key: OctetString::new(enc_key)?,
        }))
    }
}

impl RecipientKey {
    /// An RSAPublicKey (PKCS#1, the BIT STRING of the subjectPublicKeyInfo
    /// `spki_der` returns).
    fn read(pkcs1: &[u8], spki_der: impl FnOnce() -> Result<Vec<u8>>) -> Result<Self> {
        let raw = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(pkcs1)
            .map_err(|e| Error::malformed("RSA public key", e))?;
        if let Some(k) = RsaPublic2048::new(raw.modulus.as_bytes(), raw.public_exponent.as_bytes())
        {
            return Ok(RecipientKey::Fixed(Box::new(k)));
        }
        RsaPublicKey::from_public_key_der(&spki_der()?)
            .map(RecipientKey::General)
            .map_err(|e| Error::malformed("RSA public key", e))
    }
}

impl RsaRecipient {
    fn encrypt(&self, cek: &[u8], padding: RsaPadding) -> Result<Vec<u8>> {
        let general = |key: &RsaPublicKey| {
            let mut rng = rand::rng();
            match padding {
                RsaPadding::Pkcs1v15 => key.encrypt(&mut rng, Pkcs1v15Encrypt, cek),
                RsaPadding::Oaep => key.encrypt(&mut rng, Oaep::<sha2::Sha256>::new(), cek),
            }
            .map_err(|e| Error::Crypto(format!("RSA encryption: {e}")))
        };
        match (&self.key, padding) {
            (RecipientKey::Fixed(k), RsaPadding::Pkcs1v15) => Ok(k.encrypt_pkcs1v15(cek)?.to_vec()),
            (RecipientKey::Fixed(k), RsaPadding::Oaep) => Ok(k.encrypt_oaep_sha256(cek)?.to_vec()),
            (RecipientKey::General(k), _) => general(k),
        }
    }
}

/// The recipient's issuer and serial number, the identifier every S/MIME
/// client understands.
pub fn issuer_and_serial(cert: &Certificate) -> IssuerAndSerialNumber {
    let tbs = cert.tbs_certificate();
    IssuerAndSerialNumber {
        issuer: tbs.issuer().clone(),
        serial_number: tbs.serial_number().clone(),
    }
}

/// `rsaEncryption` with NULL parameters (RFC 3370 section 4.2.1).
fn rsa_encryption_id() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: RSA_ENCRYPTION,
        parameters: Some(Any::null()),
    }
}

/// `id-RSAES-OAEP` with SHA-256 and MGF1-SHA-256 and the empty label
/// (RFC 4055 section 4.1; the pSourceFunc default is omitted).
fn oaep_sha256_id() -> Result<AlgorithmIdentifierOwned> {
    let params = RsaOaepParamsRef::new::<sha2::Sha256>().to_der()?;
    Ok(AlgorithmIdentifierOwned {
        oid: ID_RSAES_OAEP,
        parameters: Some(Any::from_der(&params)?),
    })
}

/// Recovers the content-encryption key of `cek_len` bytes.
///
/// For PKCS#1 v1.5, a padding failure or a key of the wrong length does
/// not return an error: decryption continues with a random key (RFC 3218
/// section 2.3.2), so the failure shows only when the content does not
/// decrypt and an attacker learns nothing about the padding
/// (Bleichenbacher). OAEP failures are reported directly.
pub fn unwrap(
    ktri: &KeyTransRecipientInfo,
    key: &RsaPrivateKey,
    cek_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    let enc_key = ktri.enc_key.as_bytes();
    let alg = &ktri.key_enc_alg;
    match alg.oid {
        RSA_ENCRYPTION => Ok(unwrap_pkcs1v15(key, enc_key, cek_len)),
        ID_RSAES_OAEP => {
            let cek = unwrap_oaep(key, alg.parameters.as_ref(), enc_key)?;
            if cek.len() != cek_len {
                return Err(Error::DecryptionFailed(
                    "the unwrapped key has the wrong length".into(),
                ));
            }
            Ok(cek)
        }
        other => Err(Error::unsupported(
            "key-transport algorithm",
            oid_name(&other),
        )),
    }
}

fn unwrap_pkcs1v15(key: &RsaPrivateKey, enc_key: &[u8], cek_len: usize) -> Zeroizing<Vec<u8>> {
    let mut rng = rand::rng();
    let mut fallback = Zeroizing::new(vec![0u8; cek_len]);
    rand::Rng::fill_bytes(&mut rng, &mut fallback);
    match key.decrypt_blinded(&mut rng, Pkcs1v15Encrypt, enc_key) {
        Ok(cek) if cek.len() == cek_len => Zeroizing::new(cek),
        Ok(cek) => {
            drop(Zeroizing::new(cek));
            fallback
        }
        Err(_) => fallback,
    }
}

/// The hash functions OAEP may name (RFC 4055 section 2.1 allows SHA-1 and
/// the SHA-2 family).
#[derive(Clone, Copy)]
enum Hash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn from_oid(oid: ObjectIdentifier) -> Result<Hash> {
        match oid {
            ID_SHA_1 => Ok(Hash::Sha1),
            ID_SHA_224 => Ok(Hash::Sha224),
            ID_SHA_256 => Ok(Hash::Sha256),
            ID_SHA_384 => Ok(Hash::Sha384),
            ID_SHA_512 => Ok(Hash::Sha512),
            other => Err(Error::unsupported("OAEP hash", oid_name(&other))),
        }
    }
}

/// The parts of RSAES-OAEP-params (RFC 8017 appendix A.2.1) that select
/// the decryption.
struct OaepChoice {
    hash: Hash,
    mgf_hash: Hash,
    label: Vec<u8>,
}

fn parse_oaep_params(params: Option<&Any>) -> Result<OaepChoice> {
    // Absent parameters mean all defaults: SHA-1, MGF1-SHA-1, empty label.
    let params: RsaOaepParams<Any> = match params {
        Some(any) if !any.is_null() => any.decode_as()?,
        _ => RsaOaepParams::default(),
    };
    if params.mask_gen.oid != ID_MGF_1 {
        return Err(Error::unsupported(
            "OAEP mask generation function",
            oid_name(&params.mask_gen.oid),
        ));
    }
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map_or(ID_SHA_1, |p| p.oid);
    if params.p_source.oid != ID_P_SPECIFIED {
        return Err(Error::unsupported(
            "OAEP label source",
            oid_name(&params.p_source.oid),
        ));
    }
    let label = match params.p_source.parameters {
        Some(p) => p.decode_as::<OctetString>()?.as_bytes().to_vec(),
        None => Vec::new(),
    };
    Ok(OaepChoice {
        hash: Hash::from_oid(params.hash.oid)?,
        mgf_hash: Hash::from_oid(mgf_hash)?,
        label,
    })
}

fn unwrap_oaep(
    key: &RsaPrivateKey,
    params: Option<&Any>,
    enc_key: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let choice = parse_oaep_params(params)?;
    match choice.hash {
        Hash::Sha1 => oaep_with_mgf::<sha1::Sha1>(key, &choice, enc_key),
        Hash::Sha224 => oaep_with_mgf::<sha2::Sha224>(key, &choice, enc_key),
        Hash::Sha256 => oaep_with_mgf::<sha2::Sha256>(key, &choice, enc_key),
        Hash::Sha384 => oaep_with_mgf::<sha2::Sha384>(key, &choice, enc_key),
        Hash::Sha512 => oaep_with_mgf::<sha2::Sha512>(key, &choice, enc_key),
    }
}

fn oaep_with_mgf<D>(
    key: &RsaPrivateKey,
    choice: &OaepChoice,
    enc_key: &[u8],
) -> Result<Zeroizing<Vec<u8>>>
where
    D: Digest + FixedOutputReset,
{
    match choice.mgf_hash {
        Hash::Sha1 => oaep_decrypt::<D, sha1::Sha1>(key, &choice.label, enc_key),
        Hash::Sha224 => oaep_decrypt::<D, sha2::Sha224>(key, &choice.label, enc_key),
        Hash::Sha256 => oaep_decrypt::<D, sha2::Sha256>(key, &choice.label, enc_key),
        Hash::Sha384 => oaep_decrypt::<D, sha2::Sha384>(key, &choice.label, enc_key),
        Hash::Sha512 => oaep_decrypt::<D, sha2::Sha512>(key, &choice.label, enc_key),
    }
}

fn oaep_decrypt<D, M>(
    key: &RsaPrivateKey,
    label: &[u8],
    enc_key: &[u8],
) -> Result<Zeroizing<Vec<u8>>>
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
        .map_err(|_| Error::DecryptionFailed("the RSA-OAEP key unwrap failed: wrong key?".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oaep_params_defaults_and_sha256() {
        let sha1 = parse_oaep_params(None).unwrap();
        assert!(matches!(
            (sha1.hash, sha1.mgf_hash),
            (Hash::Sha1, Hash::Sha1)
        ));
        let id = oaep_sha256_id().unwrap();
        let sha256 = parse_oaep_params(id.parameters.as_ref()).unwrap();
        assert!(matches!(
            (sha256.hash, sha256.mgf_hash),
            (Hash::Sha256, Hash::Sha256)
        ));
        assert!(sha256.label.is_empty());
    }

    #[test]
    fn fail_oaep_params_garbage() {
        let garbage = Any::from_der(&[0x30, 0x03, 0xa0, 0x01, 0x00]).unwrap();
        assert!(parse_oaep_params(Some(&garbage)).is_err());
        let not_a_sequence = Any::from_der(&[0x04, 0x00]).unwrap();
        assert!(parse_oaep_params(Some(&not_a_sequence)).is_err());
    }
}
