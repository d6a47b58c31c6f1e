//! The digest and signature algorithms of CMS SignedData, named by their
//! AlgorithmIdentifiers: SHA-1 and SHA-2 (RFC 3370 section 2, RFC 5754),
//! RSA PKCS#1 v1.5 (RFC 3370 section 3.2, RFC 5754 section 3.2), RSA-PSS
//! (RFC 4056), ECDSA (RFC 5753 section 2.1, RFC 5754 section 3.3) and
//! Ed25519 (RFC 8419).
//!
//! ```text
//! AlgorithmIdentifier ::= SEQUENCE {
//!     algorithm   OBJECT IDENTIFIER,
//!     parameters  ANY DEFINED BY algorithm OPTIONAL }
//! ```

use const_oid::db::{rfc5912, rfc8410};
use der::asn1::ObjectIdentifier;
use der::Any;
use sha2::Digest;
use spki::{AlgorithmIdentifierOwned, AlgorithmIdentifierRef};

/// `ecdsa-with-SHA1` (RFC 3279 section 2.2.3), absent from the OID database.
const ECDSA_WITH_SHA_1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");

/// An OID with its registered name where one is known, e.g.
/// `1.2.840.10040.4.3 (id-dsa-with-sha1)`, for messages.
pub fn describe(oid: ObjectIdentifier) -> String {
    match const_oid::db::DB.by_oid(&oid) {
        Some(name) => format!("{oid} ({name})"),
        None => oid.to_string(),
    }
}

/// A message digest algorithm we can compute. SHA-1 is accepted only to
/// verify old mail; we never sign with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DigestAlg {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl DigestAlg {
    pub fn from_oid(oid: ObjectIdentifier) -> Option<Self> {
        match oid {
            rfc5912::ID_SHA_1 => Some(DigestAlg::Sha1),
            rfc5912::ID_SHA_256 => Some(DigestAlg::Sha256),
            rfc5912::ID_SHA_384 => Some(DigestAlg::Sha384),
            rfc5912::ID_SHA_512 => Some(DigestAlg::Sha512),
            _ => None,
        }
    }

    pub fn oid(self) -> ObjectIdentifier {
        match self {
            DigestAlg::Sha1 => rfc5912::ID_SHA_1,
            DigestAlg::Sha256 => rfc5912::ID_SHA_256,
            DigestAlg::Sha384 => rfc5912::ID_SHA_384,
            DigestAlg::Sha512 => rfc5912::ID_SHA_512,
        }
    }

    /// The identifier we write: parameters absent, as RFC 5754 section 2
    /// requires of generators (readers accept absent and NULL alike).
    pub fn identifier(self) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: self.oid(),
            parameters: None,
        }
    }

    /// A display name such as `SHA-256`.
    pub fn name(self) -> &'static str {
        match self {
            DigestAlg::Sha1 => "SHA-1",
            DigestAlg::Sha256 => "SHA-256",
            DigestAlg::Sha384 => "SHA-384",
            DigestAlg::Sha512 => "SHA-512",
        }
    }

    /// The `micalg` parameter value of RFC 8551 section 3.5.3.2.
    pub fn micalg(self) -> &'static str {
        match self {
            DigestAlg::Sha1 => "sha-1",
            DigestAlg::Sha256 => "sha-256",
            DigestAlg::Sha384 => "sha-384",
            DigestAlg::Sha512 => "sha-512",
        }
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            DigestAlg::Sha1 => sha1::Sha1::digest(data).to_vec(),
            DigestAlg::Sha256 => sha2::Sha256::digest(data).to_vec(),
            DigestAlg::Sha384 => sha2::Sha384::digest(data).to_vec(),
            DigestAlg::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }
}

/// A SignerInfo's `signatureAlgorithm`, decoded to what verification needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureAlg {
    /// RSASSA-PKCS1-v1_5. `hash` is `None` for `rsaEncryption`, where the
    /// SignerInfo's digestAlgorithm names the hash (RFC 3370 section 3.2).
    RsaPkcs1 { hash: Option<DigestAlg> },
    /// RSASSA-PSS with MGF1 over the same hash (RFC 4056 section 2).
    RsaPss { hash: DigestAlg, salt_len: usize },
    /// ECDSA. `hash` is `None` for a bare `id-ecPublicKey`, which some old
    /// clients write; the digestAlgorithm then names the hash.
    Ecdsa { hash: Option<DigestAlg> },
    /// Pure Ed25519 (RFC 8419 section 3.1).
    Ed25519,
}

impl SignatureAlg {
    /// Decodes a signatureAlgorithm. The error is a reason for an Error
    /// status: the algorithm is unknown or its parameters unsupported.
    pub fn from_identifier(alg: &AlgorithmIdentifierOwned) -> Result<Self, String> {
        use DigestAlg::{Sha1, Sha256, Sha384, Sha512};
        let rsa = |hash| SignatureAlg::RsaPkcs1 { hash };
        let ecdsa = |hash| SignatureAlg::Ecdsa { hash };
        Ok(match alg.oid {
            rfc5912::RSA_ENCRYPTION => rsa(None),
            rfc5912::SHA_1_WITH_RSA_ENCRYPTION => rsa(Some(Sha1)),
            rfc5912::SHA_256_WITH_RSA_ENCRYPTION => rsa(Some(Sha256)),
            rfc5912::SHA_384_WITH_RSA_ENCRYPTION => rsa(Some(Sha384)),
            rfc5912::SHA_512_WITH_RSA_ENCRYPTION => rsa(Some(Sha512)),
            rfc5912::ID_RSASSA_PSS => pss_from_parameters(alg.parameters.as_ref())?,
            rfc5912::ID_EC_PUBLIC_KEY => ecdsa(None),
            ECDSA_WITH_SHA_1 => ecdsa(Some(Sha1)),
            rfc5912::ECDSA_WITH_SHA_256 => ecdsa(Some(Sha256)),
            rfc5912::ECDSA_WITH_SHA_384 => ecdsa(Some(Sha384)),
            rfc5912::ECDSA_WITH_SHA_512 => ecdsa(Some(Sha512)),
            rfc8410::ID_ED_25519 => SignatureAlg::Ed25519,
            other => {
                return Err(format!(
                    "unsupported signature algorithm {}",
                    describe(other)
                ))
            }
        })
    }

    /// The identifier we write when signing. RSA uses `rsaEncryption` with
    /// NULL parameters: RFC 3370 section 3.2 makes it the one every CMS
    /// implementation MUST accept (openssl writes it too). ECDSA and
    /// Ed25519 have absent parameters (RFC 5754 section 3.3, RFC 8419).
    pub fn identifier(&self) -> Result<AlgorithmIdentifierOwned, String> {
        let (oid, parameters) = match self {
            SignatureAlg::RsaPkcs1 { hash: None } => (rfc5912::RSA_ENCRYPTION, Some(Any::null())),
            SignatureAlg::Ecdsa {
                hash: Some(DigestAlg::Sha256),
            } => (rfc5912::ECDSA_WITH_SHA_256, None),
            SignatureAlg::Ecdsa {
                hash: Some(DigestAlg::Sha384),
            } => (rfc5912::ECDSA_WITH_SHA_384, None),
            SignatureAlg::Ed25519 => (rfc8410::ID_ED_25519, None),
            other => return Err(format!("we do not sign with {other:?}")),
        };
        Ok(AlgorithmIdentifierOwned { oid, parameters })
    }

    /// The hash that goes into the signature primitive: the one the
    /// signature algorithm names, else the SignerInfo's digestAlgorithm.
    /// `None` for Ed25519, which signs the message itself.
    pub fn prehash(&self, digest_alg: DigestAlg) -> Option<DigestAlg> {
        match *self {
            SignatureAlg::RsaPkcs1 { hash } | SignatureAlg::Ecdsa { hash } => {
                Some(hash.unwrap_or(digest_alg))
            }
            SignatureAlg::RsaPss { hash, .. } => Some(hash),
            SignatureAlg::Ed25519 => None,
        }
    }
}

/// RSASSA-PSS-params (RFC 4055 section 3.1), read with a wide salt length:
/// openssl's default salt is the maximum the key allows (478 octets for
/// RSA-4096), which does not fit the `u8` of `rsa::pkcs1::RsaPssParams`.
///
/// ```text
/// RSASSA-PSS-params ::= SEQUENCE {
///     hashAlgorithm      [0] HashAlgorithm      DEFAULT sha1,
///     maskGenAlgorithm   [1] MaskGenAlgorithm   DEFAULT mgf1SHA1,
///     saltLength         [2] INTEGER            DEFAULT 20,
///     trailerField       [3] TrailerField       DEFAULT trailerFieldBC }
/// ```
#[derive(der::Sequence)]
struct PssParams<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    mask_gen: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    salt_len: Option<u32>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    trailer: Option<u8>,
}

/// Decodes the PSS parameters. The `rsa` crate runs MGF1 with the
/// signature hash, so a different MGF1 hash is reported as unsupported.
fn pss_from_parameters(parameters: Option<&Any>) -> Result<SignatureAlg, String> {
    let params: PssParams<'_> = parameters
        .ok_or("RSA-PSS without parameters")?
        .decode_as()
        .map_err(|e| format!("malformed RSA-PSS parameters: {e}"))?;
    let hash_oid = params.hash.map_or(rfc5912::ID_SHA_1, |h| h.oid);
    let hash = DigestAlg::from_oid(hash_oid)
        .ok_or_else(|| format!("unsupported RSA-PSS hash {hash_oid}"))?;
    let mgf_hash = match params.mask_gen {
        None => rfc5912::ID_SHA_1,
        Some(mgf) if mgf.oid == rfc5912::ID_MGF_1 => {
            mgf.parameters
                .ok_or("MGF1 without a hash")?
                .decode_as::<AlgorithmIdentifierRef<'_>>()
                .map_err(|e| format!("malformed MGF1 parameters: {e}"))?
                .oid
        }
        Some(mgf) => return Err(format!("unsupported RSA-PSS mask generation {}", mgf.oid)),
    };
    if mgf_hash != hash_oid {
        return Err(format!(
            "unsupported RSA-PSS: MGF1 hash {mgf_hash} differs from the signature hash {hash_oid}"
        ));
    }
    if params.trailer.is_some_and(|t| t != 1) {
        return Err("unsupported RSA-PSS trailer field".into());
    }
    let salt_len = params.salt_len.unwrap_or(20);
    Ok(SignatureAlg::RsaPss {
        hash,
        salt_len: usize::try_from(salt_len).map_err(|_| "RSA-PSS salt too long")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn alg(hex: &str) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned::from_der(&unhex(hex)).unwrap()
    }

    #[test]
    fn digests_have_their_lengths_and_names() {
        for (alg, len, micalg) in [
            (DigestAlg::Sha1, 20, "sha-1"),
            (DigestAlg::Sha256, 32, "sha-256"),
            (DigestAlg::Sha384, 48, "sha-384"),
            (DigestAlg::Sha512, 64, "sha-512"),
        ] {
            assert_eq!(alg.digest(b"abc").len(), len);
            assert_eq!(alg.micalg(), micalg);
            assert_eq!(DigestAlg::from_oid(alg.oid()), Some(alg));
        }
        // FIPS 180-2 appendix B.1.
        assert_eq!(
            DigestAlg::Sha256.digest(b"abc"),
            unhex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
    }

    #[test]
    fn reads_openssl_pss_parameters() {
        // The signatureAlgorithm of `openssl cms -sign -keyopt
        // rsa_padding_mode:pss` with an RSA-2048 key (OpenSSL 3.0):
        // sha256, mgf1(sha256), saltLength 222 (the maximum).
        let id = alg(
            "304206092a864886f70d01010a3035a00f300d06096086480165030402010500\
                      a11c301a06092a864886f70d010108300d06096086480165030402010500a204020200de",
        );
        assert_eq!(
            SignatureAlg::from_identifier(&id),
            Ok(SignatureAlg::RsaPss {
                hash: DigestAlg::Sha256,
                salt_len: 222
            })
        );
    }

    #[test]
    fn pss_defaults_are_sha1_and_salt_20() {
        // RSASSA-PSS with an empty parameter SEQUENCE: every field DEFAULT.
        let id = alg("300d06092a864886f70d01010a3000");
        assert_eq!(
            SignatureAlg::from_identifier(&id),
            Ok(SignatureAlg::RsaPss {
                hash: DigestAlg::Sha1,
                salt_len: 20
            })
        );
    }

    #[test]
    fn fail_pss_with_foreign_mgf_hash_is_unsupported() {
        // hash sha256, mgf1(sha1): the rsa crate cannot do mixed hashes.
        let id = alg(
            "303606092a864886f70d01010a3029a00f300d06096086480165030402010500\
                      a116301406092a864886f70d010108300706052b0e03021a",
        );
        let err = SignatureAlg::from_identifier(&id).unwrap_err();
        assert!(err.contains("MGF1 hash"), "{err}");
    }

    #[test]
    fn fail_unknown_signature_algorithm() {
        // 1.2.3.4 with no parameters.
        let id = alg("300506032a0304");
        let err = SignatureAlg::from_identifier(&id).unwrap_err();
        assert!(err.contains("1.2.3.4"), "{err}");
        // RSA-PSS whose parameters are not a SEQUENCE.
        assert!(SignatureAlg::from_identifier(&alg("300d06092a864886f70d01010a0500")).is_err());
        assert!(SignatureAlg::from_identifier(&alg("300b06092a864886f70d01010a")).is_err());
    }

    #[test]
    fn rsa_and_ecdsa_oids_name_their_hashes() {
        let cases = [
            // sha384WithRSAEncryption, NULL
            (
                "300d06092a864886f70d01010c0500",
                SignatureAlg::RsaPkcs1 {
                    hash: Some(DigestAlg::Sha384),
                },
            ),
            // rsaEncryption, NULL
            (
                "300d06092a864886f70d0101010500",
                SignatureAlg::RsaPkcs1 { hash: None },
            ),
            // ecdsa-with-SHA512
            (
                "300a06082a8648ce3d040304",
                SignatureAlg::Ecdsa {
                    hash: Some(DigestAlg::Sha512),
                },
            ),
            // ecdsa-with-SHA1
            (
                "300906072a8648ce3d0401",
                SignatureAlg::Ecdsa {
                    hash: Some(DigestAlg::Sha1),
                },
            ),
            // id-Ed25519
            ("300506032b6570", SignatureAlg::Ed25519),
        ];
        for (hex, want) in cases {
            assert_eq!(SignatureAlg::from_identifier(&alg(hex)), Ok(want), "{hex}");
        }
        assert_eq!(
            SignatureAlg::RsaPkcs1 { hash: None }.prehash(DigestAlg::Sha512),
            Some(DigestAlg::Sha512)
        );
        assert_eq!(SignatureAlg::Ed25519.prehash(DigestAlg::Sha512), None);
    }
}
