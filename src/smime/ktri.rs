//! RSA key transport: KeyTransRecipientInfo (RFC 5652 section 6.2.1) with
//! RSAES-PKCS1-v1_5 (RFC 3370 section 4.2.1) or RSAES-OAEP (RFC 3560).
//!
//! The RSA operations and paddings are the crypto provider's
//! ([`super::rsa_key`]); the CMS structures and the RFC 3218
//! countermeasure are ours.

use cms::cert::IssuerAndSerialNumber;
use cms::content_info::CmsVersion;
use cms::enveloped_data::{KeyTransRecipientInfo, RecipientIdentifier, RecipientInfo};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode};
use rsa::pkcs1::{RsaOaepParams, RsaOaepParamsRef};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::content_cipher::oid_name;
use super::encrypt::RsaPadding;
use super::rsa_key::{OaepHash, OaepParams, RsaKey, RsaPublic};
use crate::error::{Error, Result};

use const_oid::db::rfc5912::{
    ID_MGF_1, ID_P_SPECIFIED, ID_RSAES_OAEP, ID_SHA_1, ID_SHA_224, ID_SHA_256, ID_SHA_384,
    ID_SHA_512, RSA_ENCRYPTION,
};

/// An RSA recipient, parsed once so encryption does no further decoding.
pub struct RsaRecipient {
    key: RsaPublic,
    rid: IssuerAndSerialNumber,
}

impl RsaRecipient {
    /// Reads the certificate's RSA public key; `None` if the key is not RSA.
    pub fn from_certificate(cert: &Certificate) -> Result<Option<Self>> {
        let spki = cert.tbs_certificate().subject_public_key_info();
        if spki.algorithm.oid != RSA_ENCRYPTION {
            return Ok(None);
        }
        Ok(Some(RsaRecipient {
            key: RsaPublic::from_spki(&spki.to_der()?)?,
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
        let key = RsaPublic::from_spki(spki)?;
        let rid = IssuerAndSerialNumber::from_der(rid)
            .map_err(|e| Error::malformed("recipient identifier", e))?;
        Ok(RsaRecipient { key, rid })
    }

    /// Wraps the content-encryption key for this recipient.
    pub fn wrap(&self, cek: &[u8], padding: RsaPadding) -> Result<RecipientInfo> {
        let (alg, enc_key) = match padding {
            RsaPadding::Pkcs1v15 => (rsa_encryption_id(), self.key.encrypt_pkcs1v15(cek)?),
            RsaPadding::Oaep => (oaep_sha256_id()?, self.key.encrypt_oaep_sha256(cek)?),
        };
        Ok(RecipientInfo::Ktri(KeyTransRecipientInfo {
            version: CmsVersion::V0,
            rid: RecipientIdentifier::IssuerAndSerialNumber(self.rid.clone()),
            key_enc_alg: alg,
            enc_key: OctetString::new(enc_key)?,
        }))
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
    key: &RsaKey,
    cek_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    let enc_key = ktri.enc_key.as_bytes();
    let alg = &ktri.key_enc_alg;
    match alg.oid {
        RSA_ENCRYPTION => Ok(unwrap_pkcs1v15(key, enc_key, cek_len)),
        ID_RSAES_OAEP => {
            let cek = key.decrypt_oaep(&oaep_params(alg)?, enc_key)?;
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

fn unwrap_pkcs1v15(key: &RsaKey, enc_key: &[u8], cek_len: usize) -> Zeroizing<Vec<u8>> {
    let mut fallback = Zeroizing::new(vec![0u8; cek_len]);
    rand::fill(fallback.as_mut_slice());
    match key.decrypt_pkcs1v15(enc_key) {
        Some(cek) if cek.len() == cek_len => cek,
        _ => fallback,
    }
}

fn oaep_hash(oid: ObjectIdentifier) -> Result<OaepHash> {
    match oid {
        ID_SHA_1 => Ok(OaepHash::Sha1),
        ID_SHA_224 => Ok(OaepHash::Sha224),
        ID_SHA_256 => Ok(OaepHash::Sha256),
        ID_SHA_384 => Ok(OaepHash::Sha384),
        ID_SHA_512 => Ok(OaepHash::Sha512),
        other => Err(Error::unsupported("OAEP hash", oid_name(&other))),
    }
}

/// The RSAES-OAEP parameters of an `id-RSAES-OAEP` AlgorithmIdentifier.
pub fn oaep_params(alg: &AlgorithmIdentifierOwned) -> Result<OaepParams> {
    parse_oaep_params(alg.parameters.as_ref())
}

/// The parts of RSAES-OAEP-params (RFC 8017 appendix A.2.1) that select
/// the decryption.
fn parse_oaep_params(params: Option<&Any>) -> Result<OaepParams> {
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
    Ok(OaepParams {
        hash: oaep_hash(params.hash.oid)?,
        mgf_hash: oaep_hash(mgf_hash)?,
        label,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oaep_params_defaults_and_sha256() {
        let sha1 = parse_oaep_params(None).unwrap();
        assert!(matches!(
            (sha1.hash, sha1.mgf_hash),
            (OaepHash::Sha1, OaepHash::Sha1)
        ));
        let id = oaep_sha256_id().unwrap();
        let sha256 = parse_oaep_params(id.parameters.as_ref()).unwrap();
        assert!(matches!(
            (sha256.hash, sha256.mgf_hash),
            (OaepHash::Sha256, OaepHash::Sha256)
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
