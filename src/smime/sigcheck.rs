//! Checking one SignerInfo's signature value against the public key of the
//! signer's certificate (the primitive step of RFC 5652 section 5.6).

use const_oid::db::{rfc5912, rfc8410};
use der::asn1::ObjectIdentifier;
use der::Encode;
use pkcs8::DecodePublicKey;
use signature::hazmat::PrehashVerifier;
use spki::SubjectPublicKeyInfoOwned;

use super::algorithms::{DigestAlg, SignatureAlg};
use super::verify::SignatureStatus;

/// The reason given for a signature value that does not match.
pub const DOES_NOT_VERIFY: &str = "signature does not verify";

/// Checks `signature` over `message` (the DER signed attributes, or the
/// content when there are none). A mismatch is `Bad`; a key or algorithm
/// we cannot use is `Error`.
pub fn check(
    spki: &SubjectPublicKeyInfoOwned,
    alg: SignatureAlg,
    digest_alg: DigestAlg,
    message: &[u8],
    signature: &[u8],
) -> SignatureStatus {
    let result = match alg {
        SignatureAlg::RsaPkcs1 { .. } | SignatureAlg::RsaPss { .. } => {
            check_rsa(spki, alg, digest_alg, message, signature)
        }
        SignatureAlg::Ecdsa { .. } => check_ecdsa(spki, alg, digest_alg, message, signature),
        SignatureAlg::Ed25519 => check_ed25519(spki, message, signature),
    };
    match result {
        Ok(()) => SignatureStatus::Good,
        Err(status) => status,
    }
}

fn bad() -> SignatureStatus {
    SignatureStatus::Bad(DOES_NOT_VERIFY.into())
}

fn key_error(what: &str, detail: impl std::fmt::Display) -> SignatureStatus {
    SignatureStatus::Error(format!(
        "unusable {what} key in the signer certificate: {detail}"
    ))
}

/// Refuses a signature algorithm that does not fit the key type, e.g. an
/// ECDSA signature claimed for an RSA certificate.
fn require_key(
    spki: &SubjectPublicKeyInfoOwned,
    want: &[ObjectIdentifier],
    alg: SignatureAlg,
) -> Result<(), SignatureStatus> {
    if want.contains(&spki.algorithm.oid) {
        Ok(())
    } else {
        Err(SignatureStatus::Error(format!(
            "signature algorithm {alg:?} does not fit the certificate's key ({})",
            spki.algorithm.oid
        )))
    }
}

/// The hash that goes into an RSA or ECDSA signature.
fn prehash(alg: SignatureAlg, digest_alg: DigestAlg, message: &[u8]) -> (DigestAlg, Vec<u8>) {
    let hash = alg.prehash(digest_alg).unwrap_or(digest_alg);
    (hash, hash.digest(message))
}

fn check_rsa(
    spki: &SubjectPublicKeyInfoOwned,
    alg: SignatureAlg,
    digest_alg: DigestAlg,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureStatus> {
    require_key(
        spki,
        &[rfc5912::RSA_ENCRYPTION, rfc5912::ID_RSASSA_PSS],
        alg,
    )?;
    let der = spki.to_der().map_err(|e| key_error("RSA", e))?;
    // Moduli up to 8192 bits and exponents up to 2^33 (the crate's limits).
    let key = rsa::RsaPublicKey::from_public_key_der(&der).map_err(|e| key_error("RSA", e))?;
    let (hash, hashed) = prehash(alg, digest_alg, message);
    let verified = match alg {
        SignatureAlg::RsaPss { salt_len, .. } => {
            verify_pss(&key, hash, salt_len, &hashed, signature)
        }
        _ => key.verify(pkcs1v15(hash), &hashed, signature),
    };
    verified.map_err(|_| bad())
}

fn pkcs1v15(hash: DigestAlg) -> rsa::Pkcs1v15Sign {
    match hash {
        DigestAlg::Sha1 => rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
        DigestAlg::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
        DigestAlg::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
        DigestAlg::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
    }
}

fn verify_pss(
    key: &rsa::RsaPublicKey,
    hash: DigestAlg,
    salt_len: usize,
    hashed: &[u8],
    signature: &[u8],
) -> rsa::errors::Result<()> {
    use rsa::pss::Pss;
    match hash {
        DigestAlg::Sha1 => key.verify(
            Pss::<sha1::Sha1>::new_with_salt(salt_len),
            hashed,
            signature,
        ),
        DigestAlg::Sha256 => key.verify(
            Pss::<sha2::Sha256>::new_with_salt(salt_len),
            hashed,
            signature,
        ),
        DigestAlg::Sha384 => key.verify(
            Pss::<sha2::Sha384>::new_with_salt(salt_len),
            hashed,
            signature,
        ),
        DigestAlg::Sha512 => key.verify(
            Pss::<sha2::Sha512>::new_with_salt(salt_len),
            hashed,
            signature,
        ),
    }
}

/// ECDSA over P-256 or P-384 with any of our hashes; the signature value
/// is the DER `ECDSA-Sig-Value` (RFC 5753 section 2.1.1). A hash longer
/// than the curve order is truncated as FIPS 186-4 section 6.4 says.
fn check_ecdsa(
    spki: &SubjectPublicKeyInfoOwned,
    alg: SignatureAlg,
    digest_alg: DigestAlg,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureStatus> {
    require_key(spki, &[rfc5912::ID_EC_PUBLIC_KEY], alg)?;
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    let point = spki.subject_public_key.raw_bytes();
    let (_, hashed) = prehash(alg, digest_alg, message);
    match curve {
        Some(rfc5912::SECP_256_R_1) => {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(|e| key_error("P-256", e))?;
            let sig = p256::ecdsa::DerSignature::from_bytes(signature).map_err(|_| bad())?;
            key.verify_prehash(&hashed, &sig).map_err(|_| bad())
        }
        Some(rfc5912::SECP_384_R_1) => {
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(|e| key_error("P-384", e))?;
            let sig = p384::ecdsa::DerSignature::from_bytes(signature).map_err(|_| bad())?;
            key.verify_prehash(&hashed, &sig).map_err(|_| bad())
        }
        other => Err(SignatureStatus::Error(format!(
            "unsupported elliptic curve {}",
            other.map_or("(none named)".to_string(), |o| o.to_string())
        ))),
    }
}

/// Pure Ed25519 over the message (RFC 8419 section 3.1), with the strict
/// checks of RFC 8032 section 5.1.7 (canonical S, no small-order keys).
fn check_ed25519(
    spki: &SubjectPublicKeyInfoOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureStatus> {
    require_key(spki, &[rfc8410::ID_ED_25519], SignatureAlg::Ed25519)?;
    let bytes: &[u8; 32] = spki
        .subject_public_key
        .raw_bytes()
        .try_into()
        .map_err(|_| key_error("Ed25519", "not 32 bytes"))?;
    let key =
        ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|e| key_error("Ed25519", e))?;
    let sig = ed25519_dalek::Signature::from_slice(signature).map_err(|_| bad())?;
    key.verify_strict(message, &sig).map_err(|_| bad())
}
