//! Password-based decryption of what `keyring import` reads: PKCS#8
//! `EncryptedPrivateKeyInfo`, and the shrouded keys and encrypted safes of
//! PKCS#12.
//!
//! Two families of scheme, each named by its AlgorithmIdentifier:
//!
//! - PBES2 (RFC 8018 section 6.2): PBKDF2 or scrypt with AES-CBC or
//!   DES-EDE3-CBC, decrypted by `pkcs5`. What OpenSSL 3, NSS and we write.
//! - The PKCS#12 PBE ciphers (RFC 7292 appendix C): SHA-1 and the
//!   PKCS#12 key derivation of appendix B with Triple DES or RC2, as older
//!   NSS, OpenSSL (`-legacy`) and Windows write them, also inside PKCS#8
//!   (`openssl pkcs8 -v1 PBE-SHA1-3DES`).
//!
//! The ciphers come from `des`, `rc2` and `cbc`, the KDF from `pkcs12`.
//! Every cost parameter is checked before any key derivation runs.

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, InnerIvInit, KeyInit};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Decode, Encode, Sequence};
use pkcs5::pbes2;
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

use super::protect::{check_iterations, check_kdf_cost};
use crate::error::{Error, Result};
use crate::smime::content_cipher::oid_name;

/// What is being opened, for the errors a user reads: "PKCS#12 file with
/// key encryption X, which mailseal does not support", "wrong passphrase
/// for the PKCS#12 file".
#[derive(Clone, Copy)]
pub(crate) struct Target<'a> {
    /// The kind of file, e.g. `PKCS#12 file`.
    pub file: &'static str,
    /// What the algorithm protects, e.g. `key encryption`.
    pub role: &'static str,
    /// What a wrong passphrase is for, e.g. `the PKCS#12 file`.
    pub secret: &'a str,
}

impl Target<'_> {
    pub fn unsupported(&self, algorithm: impl std::fmt::Display) -> Error {
        Error::UnsupportedAlgorithm {
            file: self.file,
            role: self.role,
            algorithm: algorithm.to_string(),
        }
    }

    pub fn wrong_passphrase(&self) -> Error {
        Error::WrongPassphrase(self.secret.into())
    }
}

/// The arc of the PKCS#12 PBE algorithms (`pkcs-12PbeIds`, RFC 7292
/// appendix C).
const PKCS12_PBE_ARC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1");

/// The ciphers of the PKCS#12 PBE arc that we read. RC4 (`.1`, `.2`) is not
/// among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pkcs12Cipher {
    /// `pbeWithSHAAnd3-KeyTripleDES-CBC` (`.3`)
    TripleDes3Key,
    /// `pbeWithSHAAnd2-KeyTripleDES-CBC` (`.4`)
    TripleDes2Key,
    /// `pbeWithSHAAnd128BitRC2-CBC` (`.5`)
    Rc2With128Bits,
    /// `pbewithSHAAnd40BitRC2-CBC` (`.6`)
    Rc2With40Bits,
}

impl Pkcs12Cipher {
    fn from_oid(oid: &ObjectIdentifier) -> Option<Self> {
        if oid.parent() != Some(PKCS12_PBE_ARC) {
            return None;
        }
        match oid.arcs().last() {
            Some(3) => Some(Self::TripleDes3Key),
            Some(4) => Some(Self::TripleDes2Key),
            Some(5) => Some(Self::Rc2With128Bits),
            Some(6) => Some(Self::Rc2With40Bits),
            _ => None,
        }
    }

    fn key_len(self) -> usize {
        match self {
            Self::TripleDes3Key => 24,
            Self::TripleDes2Key | Self::Rc2With128Bits => 16,
            Self::Rc2With40Bits => 5,
        }
    }
}

/// `pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }`
/// (RFC 7292 appendix C).
#[derive(Sequence)]
pub(crate) struct Pkcs12PbeParams {
    pub salt: OctetString,
    pub iterations: u64,
}

/// `PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier,
/// encryptionScheme AlgorithmIdentifier }` (RFC 8018 appendix A.4), read
/// loosely first so that an algorithm `pkcs5` does not know can be named.
#[derive(Sequence)]
struct Pbes2Outline {
    kdf: AlgorithmIdentifierOwned,
    encryption: AlgorithmIdentifierOwned,
}

/// Decrypts `data` protected by `alg` with `passphrase`. A padding error
/// (what a wrong passphrase almost always gives) is `WrongPassphrase`; an
/// algorithm we do not implement is `UnsupportedAlgorithm`, named.
pub(crate) fn decrypt(
    alg: &AlgorithmIdentifierOwned,
    passphrase: &str,
    data: &[u8],
    target: Target<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    if alg.oid == pkcs5::pbes2::PBES2_OID {
        return decrypt_pbes2(alg, passphrase, data, target);
    }
    if let Some(cipher) = Pkcs12Cipher::from_oid(&alg.oid) {
        let params = alg
            .parameters
            .as_ref()
            .ok_or_else(|| Error::malformed("PKCS#12 PBE parameters", "missing"))?
            .decode_as::<Pkcs12PbeParams>()?;
        return decrypt_pkcs12_pbe(cipher, &params, passphrase, data, target);
    }
    Err(target.unsupported(name(&alg.oid)))
}

/// A readable name for a password-based scheme or cipher, also for the old
/// ones the OID database does not name.
fn name(oid: &ObjectIdentifier) -> String {
    let known = [
        ("1.2.840.113549.1.5.1", "pbeWithMD2AndDES-CBC"),
        ("1.2.840.113549.1.5.3", "pbeWithMD5AndDES-CBC"),
        ("1.2.840.113549.1.5.4", "pbeWithMD2AndRC2-CBC"),
        ("1.2.840.113549.1.5.6", "pbeWithMD5AndRC2-CBC"),
        ("1.2.840.113549.1.5.10", "pbeWithSHA1AndDES-CBC"),
        ("1.2.840.113549.1.5.11", "pbeWithSHA1AndRC2-CBC"),
        ("1.3.14.3.2.7", "desCBC"),
    ];
    let dotted = oid.to_string();
    match known.iter().find(|(o, _)| *o == dotted) {
        Some((o, n)) => format!("{n} ({o})"),
        None => oid_name(oid),
    }
}

fn pbes2_params(alg: &AlgorithmIdentifierOwned) -> Result<pbes2::Parameters> {
    let params = alg
        .parameters
        .as_ref()
        .ok_or_else(|| Error::malformed("PBES2 parameters", "missing"))?;
    pbes2::Parameters::from_der(&params.to_der()?)
        .map_err(|e| Error::malformed("PBES2 parameters", e))
}

fn decrypt_pbes2(
    alg: &AlgorithmIdentifierOwned,
    passphrase: &str,
    data: &[u8],
    target: Target<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    let params = match pbes2_params(alg) {
        Ok(params) => params,
        Err(e) => return Err(name_pbes2_failure(alg, target).unwrap_or(e)),
    };
    check_kdf_cost(&params.kdf)?;
    let mut buffer = Zeroizing::new(data.to_vec());
    match params.decrypt_in_place(passphrase.as_bytes(), &mut buffer) {
        Ok(plain) => Ok(Zeroizing::new(plain.to_vec())),
        Err(pkcs5::Error::DecryptFailed) => Err(target.wrong_passphrase()),
        Err(pkcs5::Error::UnsupportedAlgorithm { oid }) => {
            Err(target.unsupported(format!("PBES2 with {}", name(&oid))))
        }
        Err(e) => Err(Error::malformed("PBES2 parameters", e)),
    }
}

/// When `pkcs5` cannot read PBES2 parameters, the reason is most often a
/// key derivation or cipher it does not implement (RC2 or DES in PBES2,
/// PBKDF2 with an unusual PRF): say which.
fn name_pbes2_failure(alg: &AlgorithmIdentifierOwned, target: Target<'_>) -> Option<Error> {
    let outline = alg.parameters.as_ref()?.decode_as::<Pbes2Outline>().ok()?;
    let known_kdf = [pbes2::PBKDF2_OID, pbes2::SCRYPT_OID];
    let known_cipher = [
        pbes2::AES_128_CBC_OID,
        pbes2::AES_192_CBC_OID,
        pbes2::AES_256_CBC_OID,
        pbes2::DES_EDE3_CBC_OID,
    ];
    if !known_kdf.contains(&outline.kdf.oid) {
        return Some(target.unsupported(format!("PBES2 with {}", name(&outline.kdf.oid))));
    }
    if !known_cipher.contains(&outline.encryption.oid) {
        return Some(target.unsupported(format!("PBES2 with {}", name(&outline.encryption.oid))));
    }
    None
}

fn decrypt_pkcs12_pbe(
    cipher: Pkcs12Cipher,
    params: &Pkcs12PbeParams,
    passphrase: &str,
    data: &[u8],
    target: Target<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    check_iterations(params.iterations)?;
    let salt = params.salt.as_bytes();
    let derive = |id, len| {
        kdf::derive(
            kdf::Hash::Sha1,
            passphrase,
            salt,
            id,
            params.iterations,
            len,
        )
    };
    let key = derive(kdf::Purpose::Key, cipher.key_len())?;
    let iv = derive(kdf::Purpose::Iv, 8)?;
    let buf = Zeroizing::new(data.to_vec());
    let plain = match cipher {
        Pkcs12Cipher::TripleDes3Key => des::TdesEde3::new_from_slice(&key)
            .ok()
            .and_then(|c| cbc_decrypt(c, &iv, buf)),
        Pkcs12Cipher::TripleDes2Key => des::TdesEde2::new_from_slice(&key)
            .ok()
            .and_then(|c| cbc_decrypt(c, &iv, buf)),
        Pkcs12Cipher::Rc2With128Bits => {
            cbc_decrypt(rc2::Rc2::new_with_eff_key_len(&key, 128), &iv, buf)
        }
        Pkcs12Cipher::Rc2With40Bits => {
            cbc_decrypt(rc2::Rc2::new_with_eff_key_len(&key, 40), &iv, buf)
        }
    };
    plain.ok_or_else(|| target.wrong_passphrase())
}

/// CBC decryption with PKCS#7 padding; `None` when the padding (or the
/// length) is wrong.
pub(crate) fn cbc_decrypt<C: BlockCipherDecrypt>(
    cipher: C,
    iv: &[u8],
    mut buf: Zeroizing<Vec<u8>>,
) -> Option<Zeroizing<Vec<u8>>> {
    let len = cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv)
        .ok()?
        .decrypt_padded::<Pkcs7>(buf.as_mut_slice())
        .ok()?
        .len();
    buf.truncate(len);
    Some(buf)
}

/// The PKCS#12 key derivation function (RFC 7292 appendix B), from the
/// `pkcs12` crate. It lives on the older RustCrypto generation (digest
/// 0.10), hence its own digests; only bytes leave this module.
pub(crate) mod kdf {
    use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
    use zeroize::Zeroizing;

    use super::check_iterations;
    use crate::error::{Error, Result};

    /// The hash the KDF (and a PKCS#12 MAC) is built on.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Hash {
        Sha1,
        Sha224,
        Sha256,
        Sha384,
        Sha512,
    }

    /// What the derived bytes are for (the KDF's diversifier ID).
    #[derive(Debug, Clone, Copy)]
    pub enum Purpose {
        Key,
        Iv,
        Mac,
    }

    /// Derives `len` bytes from `passphrase` (as a BMPString with its
    /// terminating NUL, as RFC 7292 appendix B.1 says).
    pub fn derive(
        hash: Hash,
        passphrase: &str,
        salt: &[u8],
        purpose: Purpose,
        iterations: u64,
        len: usize,
    ) -> Result<Zeroizing<Vec<u8>>> {
        check_iterations(iterations)?;
        let rounds = i32::try_from(iterations)
            .map_err(|_| Error::malformed("PKCS#12 parameters", "iteration count"))?;
        let id = || match purpose {
            Purpose::Key => Pkcs12KeyType::EncryptionKey,
            Purpose::Iv => Pkcs12KeyType::Iv,
            Purpose::Mac => Pkcs12KeyType::Mac,
        };
        let derived = match hash {
            Hash::Sha1 => derive_key_utf8::<sha1_kdf::Sha1>(passphrase, salt, id(), rounds, len),
            Hash::Sha224 => {
                derive_key_utf8::<sha2_kdf::Sha224>(passphrase, salt, id(), rounds, len)
            }
            Hash::Sha256 => {
                derive_key_utf8::<sha2_kdf::Sha256>(passphrase, salt, id(), rounds, len)
            }
            Hash::Sha384 => {
                derive_key_utf8::<sha2_kdf::Sha384>(passphrase, salt, id(), rounds, len)
            }
            Hash::Sha512 => {
                derive_key_utf8::<sha2_kdf::Sha512>(passphrase, salt, id(), rounds, len)
            }
        };
        derived.map(Zeroizing::new).map_err(|_| {
            Error::Usage("the passphrase cannot be written as a PKCS#12 BMPString".into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Any;

    fn pkcs12_alg(last_arc: u32, iterations: u64) -> AlgorithmIdentifierOwned {
        let params = Pkcs12PbeParams {
            salt: OctetString::new(vec![1u8; 8]).unwrap(),
            iterations,
        };
        AlgorithmIdentifierOwned {
            oid: PKCS12_PBE_ARC.push_arc(last_arc).unwrap(),
            parameters: Some(Any::from_der(&params.to_der().unwrap()).unwrap()),
        }
    }

    const TARGET: Target<'static> = Target {
        file: "PKCS#12 file",
        role: "key encryption",
        secret: "the PKCS#12 file",
    };

    /// RFC 7292 appendix B with SHA-256: the vector of the `pkcs12`
    /// crate's tests, which were checked there against OpenSSL's
    /// `PKCS12_key_gen_utf8`.
    #[test]
    fn kdf_matches_openssl() {
        let key = kdf::derive(
            kdf::Hash::Sha256,
            "ge@äheim",
            &[1, 2, 3, 4, 5, 6, 7, 8],
            kdf::Purpose::Key,
            100,
            32,
        )
        .unwrap();
        assert_eq!(
            key.as_slice(),
            [
                0xfa, 0xe4, 0xd4, 0x95, 0x7a, 0x3c, 0xc7, 0x81, 0xe1, 0x18, 0x0b, 0x9d, 0x4f, 0xb7,
                0x9c, 0x1e, 0x0c, 0x85, 0x79, 0xb7, 0x46, 0xa3, 0x17, 0x7e, 0x5b, 0x07, 0x68, 0xa3,
                0x11, 0x8b, 0xf8, 0x63
            ]
        );
    }

    #[test]
    fn fail_rc4_is_named_unsupported() {
        let alg = pkcs12_alg(1, 2048);
        match decrypt(&alg, "pw", &[0; 16], TARGET) {
            Err(Error::UnsupportedAlgorithm { algorithm, .. }) => {
                assert!(algorithm.contains("1.2.840.113549.1.12.1.1"), "{algorithm}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fail_too_many_iterations_before_any_derivation() {
        let alg = pkcs12_alg(3, 1 << 40);
        assert!(matches!(
            decrypt(&alg, "pw", &[0; 16], TARGET),
            Err(Error::Unsupported { .. })
        ));
    }

    #[test]
    fn fail_bad_padding_is_a_wrong_passphrase() {
        for arc in 3..=6 {
            let got = decrypt(&pkcs12_alg(arc, 1), "pw", &[0; 16], TARGET);
            assert!(matches!(got, Err(Error::WrongPassphrase(_))), "{arc}");
            let got = decrypt(&pkcs12_alg(arc, 1), "pw", &[0; 7], TARGET);
            assert!(matches!(got, Err(Error::WrongPassphrase(_))), "{arc}");
        }
    }
}
