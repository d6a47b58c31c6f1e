//! Creating CMS SignedData (RFC 5652 section 5) for S/MIME (RFC 8551
//! section 3.5): one SignerInfo, identified by issuer and serial number,
//! with content-type, message-digest, signing-time and smimeCapabilities
//! signed attributes.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::CmsVersion;
use cms::signed_data::{
    CertificateSet, DigestAlgorithmIdentifiers, SignerIdentifier, SignerInfo, SignerInfos,
};
use const_oid::db::rfc5911;
use der::asn1::{ObjectIdentifier, OctetString, OctetStringRef, SetOfVec};
use der::Encode;
use signature::hazmat::PrehashSigner;
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attributes;
use x509_cert::Certificate;

use super::algorithms::{DigestAlg, SignatureAlg};
use super::attrs;
use super::capabilities::Reader;
use super::key::PrivateKey;
use super::signed_view::EncapsulatedContentInfoRef;
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// Who signs: the private key, its certificate, and intermediate
/// certificates to include so verifiers can build a path.
pub struct Signer<'a> {
    pub key: &'a PrivateKey,
    pub cert: &'a Certificate,
    pub chain: &'a [Certificate],
    /// Whose client reads the replies: what the signature announces.
    pub reader: Reader,
}

/// `ContentInfo` holding our SignedData, written in one pass so that the
/// content is copied once, into the output.
#[derive(der::Sequence)]
struct ContentInfoOut<'a> {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: SignedDataOut<'a>,
}

/// `SignedData` (RFC 5652 section 5.1) without CRLs, over borrowed content.
#[derive(der::Sequence)]
struct SignedDataOut<'a> {
    version: CmsVersion,
    digest_algorithms: DigestAlgorithmIdentifiers,
    encap_content_info: EncapsulatedContentInfoRef<'a>,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    certificates: Option<CertificateSet>,
    signer_infos: SignerInfos,
}

/// Signs `content` (the canonical MIME entity) and returns a DER
/// `ContentInfo` holding SignedData. Detached leaves eContent out
/// (multipart/signed); otherwise the content is encapsulated (opaque).
/// Signed attributes: content-type, message-digest, signing-time,
/// smimeCapabilities. SHA-256 (SHA-384 for P-384, SHA-512 for Ed25519);
/// RSA PKCS#1 v1.5, ECDSA or Ed25519 by key type.
pub fn sign(
    content: &[u8],
    signer: &Signer<'_>,
    signing_time: Timestamp,
    detached: bool,
) -> Result<Vec<u8>> {
    if !signer.key.matches(signer.cert) {
        return Err(Error::Crypto(
            "the private key does not belong to the signer certificate".into(),
        ));
    }
    let digest_alg = digest_for(signer.key);
    let signed_attrs = attrs::build(
        rfc5911::ID_DATA,
        &digest_alg.digest(content),
        signing_time,
        signer.reader,
    )?;
    // RFC 5652 section 5.4: the signature covers the DER SET OF.
    let (signature_algorithm, signature) =
        sign_message(signer.key, digest_alg, &signed_attrs.to_der()?)?;
    let signer_info = signer_info(
        signer.cert,
        digest_alg,
        signed_attrs,
        signature_algorithm,
        signature,
    )?;
    assemble(content, signer, signer_info, digest_alg, detached)
}

/// The SignerInfo for a signature made over `signed_attrs`.
pub(crate) fn signer_info(
    cert: &Certificate,
    digest_alg: DigestAlg,
    signed_attrs: Attributes,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: Vec<u8>,
) -> Result<SignerInfo> {
    let tbs = cert.tbs_certificate();
    Ok(SignerInfo {
        // Version 1 goes with issuerAndSerialNumber (RFC 5652 section 5.3).
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: digest_alg.identifier(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm,
        signature: OctetString::new(signature)?,
        unsigned_attrs: None,
    })
}

/// Wraps one SignerInfo into a DER ContentInfo with the signer's
/// certificates; the key in `signer` is not used.
pub(crate) fn assemble(
    content: &[u8],
    signer: &Signer<'_>,
    signer_info: SignerInfo,
    digest_alg: DigestAlg,
    detached: bool,
) -> Result<Vec<u8>> {
    let econtent = if detached {
        None
    } else {
        Some(OctetStringRef::new(content)?)
    };
    let out = ContentInfoOut {
        content_type: rfc5911::ID_SIGNED_DATA,
        content: SignedDataOut {
            // Version 1: id-data content, X.509 certificates only, v1
            // SignerInfo (RFC 5652 section 5.1).
            version: CmsVersion::V1,
            digest_algorithms: SetOfVec::try_from(vec![digest_alg.identifier()])?,
            encap_content_info: EncapsulatedContentInfoRef {
                econtent_type: rfc5911::ID_DATA,
                econtent,
            },
            certificates: Some(certificate_set(signer)?),
            signer_infos: SignerInfos::try_from(vec![signer_info])?,
        },
    };
    Ok(out.to_der()?)
}

/// The `micalg` parameter of multipart/signed for this signer (RFC 8551
/// section 3.5.3.2), e.g. `sha-256`.
pub fn micalg(signer: &Signer<'_>) -> &'static str {
    digest_for(signer.key).micalg()
}

/// The message digest for a key: SHA-256, except SHA-384 for P-384 (to
/// match the curve's strength, RFC 5753 section 2.1.1) and SHA-512 for
/// Ed25519 (RFC 8419 section 3.1).
pub fn digest_for(key: &PrivateKey) -> DigestAlg {
    match key {
        PrivateKey::Rsa(_) | PrivateKey::P256(_) => DigestAlg::Sha256,
        PrivateKey::P384(_) => DigestAlg::Sha384,
        PrivateKey::Ed25519(_) => DigestAlg::Sha512,
    }
}

/// The signer's certificate and chain, each once.
fn certificate_set(signer: &Signer<'_>) -> Result<CertificateSet> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut choices = Vec::new();
    for cert in std::iter::once(signer.cert).chain(signer.chain) {
        let der = cert.to_der()?;
        if !seen.contains(&der) {
            seen.push(der);
            choices.push(CertificateChoices::Certificate(cert.clone()));
        }
    }
    Ok(CertificateSet::try_from(choices)?)
}

/// Signs `message` (the DER signed attributes) with `key`, returning the
/// signatureAlgorithm to record and the signature value.
fn sign_message(
    key: &PrivateKey,
    digest_alg: DigestAlg,
    message: &[u8],
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>)> {
    let failed = |e: &dyn std::fmt::Display| Error::Crypto(format!("signing: {e}"));
    let (alg, value) = match key {
        PrivateKey::Rsa(k) => {
            // The provider hashes `message` with SHA-256 and signs, blinded.
            let sig = k.sign_pkcs1_sha256(message)?;
            (SignatureAlg::RsaPkcs1 { hash: None }, sig)
        }
        PrivateKey::P256(k) => {
            let sig: p256::ecdsa::DerSignature = p256::ecdsa::SigningKey::from(k)
                .sign_prehash(&digest_alg.digest(message))
                .map_err(|e| failed(&e))?;
            (ecdsa(digest_alg), sig.as_bytes().to_vec())
        }
        PrivateKey::P384(k) => {
            let sig: p384::ecdsa::DerSignature = p384::ecdsa::SigningKey::from(k)
                .sign_prehash(&digest_alg.digest(message))
                .map_err(|e| failed(&e))?;
            (ecdsa(digest_alg), sig.as_bytes().to_vec())
        }
        PrivateKey::Ed25519(k) => {
            let sig = signature::Signer::sign(k.as_ref(), message);
            (SignatureAlg::Ed25519, sig.to_bytes().to_vec())
        }
    };
    let id = alg.identifier().map_err(|e| failed(&e))?;
    Ok((id, value))
}

fn ecdsa(digest_alg: DigestAlg) -> SignatureAlg {
    SignatureAlg::Ecdsa {
        hash: Some(digest_alg),
    }
}

#[cfg(test)]
mod openssl_tests;
