//! Secret keys at rest: PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5208 section 6)
//! with PBES2 (RFC 8018 section 6.2), scrypt (RFC 7914) and AES-256-CBC.
//!
//! ```text
//! EncryptedPrivateKeyInfo ::= SEQUENCE {
//!   encryptionAlgorithm  EncryptionAlgorithmIdentifier,
//!   encryptedData        EncryptedData }
//! ```
//!
//! Password-based schemes read from a file carry their own cost
//! parameters; an attacker who hands us a key file could ask for 2^40
//! PBKDF2 rounds or terabytes of scrypt memory. Every scheme is checked
//! against fixed ceilings before any key derivation runs.

use der::asn1::OctetStringRef;
use der::{Decode, Encode};
use pkcs5::pbes2::{self, Kdf};
use pkcs8::{EncryptedPrivateKeyInfoRef, PrivateKeyInfoRef};
use rand::TryRng;
use zeroize::Zeroizing;

use super::pbe::{self, Target};
use crate::error::{Error, Result};

/// scrypt cost for keys we store: N = 2^14, r = 8, p = 1 (what OpenSSL 3
/// can also read; ~35 ms per unlock in a release build).
const STORE_LOG_N: u8 = 14;
const STORE_R: u32 = 8;
const STORE_P: u32 = 1;

/// Highest iteration count accepted from PBKDF2 or the PKCS#12 KDF: a few
/// seconds of work at most. OpenSSL writes 2048, Java 10000, the RustCrypto
/// default is 600000.
pub(crate) const MAX_ITERATIONS: u64 = 2_000_000;

/// Highest scrypt memory accepted (128 * r * N bytes): 256 MiB.
const MAX_SCRYPT_MEMORY: u64 = 256 * 1024 * 1024;

/// Highest scrypt parallelisation accepted.
const MAX_SCRYPT_P: u16 = 16;

/// Encrypts a plain PKCS#8 `PrivateKeyInfo` with `passphrase`, returning
/// the DER of an `EncryptedPrivateKeyInfo`.
pub(crate) fn encrypt_pkcs8(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    let params = store_params()?;
    let ciphertext = params
        .encrypt(passphrase.as_bytes(), plain)
        .map_err(|e| Error::Crypto(format!("encrypting the secret key: {e}")))?;
    let info = EncryptedPrivateKeyInfoRef {
        encryption_algorithm: params.into(),
        encrypted_data: OctetStringRef::new(&ciphertext)?,
    };
    Ok(info.to_der()?)
}

/// Fresh PBES2 parameters: scrypt with a random 16-byte salt, AES-256-CBC
/// with a random IV.
fn store_params() -> Result<pbes2::Parameters> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    let mut rng = rand::rngs::SysRng;
    rng.try_fill_bytes(&mut salt)
        .and_then(|()| rng.try_fill_bytes(&mut iv))
        .map_err(|e| Error::Crypto(format!("no randomness from the system: {e}")))?;
    let cost = pkcs5::scrypt::Params::new(STORE_LOG_N, STORE_R, STORE_P)
        .map_err(|e| Error::Crypto(format!("scrypt parameters: {e}")))?;
    pbes2::Parameters::generate_scrypt_aes256cbc(cost, &salt, iv)
        .map_err(|e| Error::Crypto(format!("PBES2 parameters: {e}")))
}

/// `EncryptedPrivateKeyInfo` with its algorithm read as a plain
/// AlgorithmIdentifier, so that schemes `pkcs8` does not model (the PKCS#12
/// PBE ciphers of `openssl pkcs8 -v1 PBE-SHA1-3DES`) can be decrypted and
/// unknown ones named.
#[derive(der::Sequence)]
pub(crate) struct EncryptedKeyInfo {
    pub algorithm: spki::AlgorithmIdentifierOwned,
    pub data: der::asn1::OctetString,
}

/// Decrypts an `EncryptedPrivateKeyInfo`, returning the plain PKCS#8 DER.
/// `name` is what a wrong passphrase error names.
pub(crate) fn decrypt_pkcs8(
    encrypted: &[u8],
    passphrase: &str,
    name: &str,
) -> Result<Zeroizing<Vec<u8>>> {
    let info = EncryptedKeyInfo::from_der(encrypted)
        .map_err(|e| Error::malformed("encrypted PKCS#8 private key", e))?;
    let target = Target {
        file: "PKCS#8 key",
        role: "encryption",
        secret: name,
    };
    decrypt_key_info(&info, passphrase, target)
}

/// Decrypts an `EncryptedPrivateKeyInfo` (a PKCS#8 file or a PKCS#12
/// shrouded key bag) and checks that the result is a `PrivateKeyInfo`.
pub(crate) fn decrypt_key_info(
    info: &EncryptedKeyInfo,
    passphrase: &str,
    target: Target<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    let plain = pbe::decrypt(&info.algorithm, passphrase, info.data.as_bytes(), target)?;
    // A wrong key still yields valid CBC padding about once in 256 tries;
    // the plaintext then is not a PrivateKeyInfo.
    if PrivateKeyInfoRef::from_der(&plain).is_err() {
        return Err(target.wrong_passphrase());
    }
    Ok(plain)
}

pub(crate) fn check_kdf_cost(kdf: &Kdf) -> Result<()> {
    if let Some(p) = kdf.pbkdf2() {
        return check_iterations(u64::from(p.iteration_count));
    }
    if let Some(s) = kdf.scrypt() {
        let memory = 128u64
            .saturating_mul(u64::from(s.block_size))
            .saturating_mul(s.cost_parameter);
        if memory > MAX_SCRYPT_MEMORY || s.parallelization > MAX_SCRYPT_P {
            return Err(Error::unsupported(
                "scrypt parameters",
                format!(
                    "N={} r={} p={} exceed this program's limits",
                    s.cost_parameter, s.block_size, s.parallelization
                ),
            ));
        }
        return Ok(());
    }
    Err(Error::unsupported("key derivation function", kdf.oid()))
}

/// Refuses an iteration count above [`MAX_ITERATIONS`].
pub(crate) fn check_iterations(count: u64) -> Result<()> {
    if count > MAX_ITERATIONS {
        return Err(Error::unsupported(
            "password-based encryption",
            format!("{count} iterations exceed this program's limit of {MAX_ITERATIONS}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PKCS#8 key small enough to make quickly: a P-256 scalar.
    fn plain_key() -> Zeroizing<Vec<u8>> {
        use pkcs8::EncodePrivateKey;
        let key = p256::SecretKey::from_slice(&[7u8; 32]).unwrap();
        Zeroizing::new(key.to_pkcs8_der().unwrap().as_bytes().to_vec())
    }

    #[test]
    fn round_trips_with_scrypt() {
        let plain = plain_key();
        let enc = encrypt_pkcs8(&plain, "correct horse").unwrap();
        let info = EncryptedPrivateKeyInfoRef::from_der(&enc).unwrap();
        let kdf = &info.encryption_algorithm.pbes2().unwrap().kdf;
        let s = kdf.scrypt().expect("scrypt");
        assert_eq!(
            (s.cost_parameter, s.block_size, s.parallelization),
            (1 << 14, 8, 1)
        );
        assert_eq!(
            info.encryption_algorithm.pbes2().unwrap().encryption.oid(),
            const_oid::db::rfc5911::ID_AES_256_CBC
        );
        assert!(!enc.windows(plain.len()).any(|w| w == plain.as_slice()));
        let back = decrypt_pkcs8(&enc, "correct horse", "k").unwrap();
        assert_eq!(back.as_slice(), plain.as_slice());
    }

    #[test]
    fn fail_wrong_passphrase() {
        let enc = encrypt_pkcs8(&plain_key(), "right").unwrap();
        match decrypt_pkcs8(&enc, "wrong", "the key") {
            Err(Error::WrongPassphrase(n)) => assert_eq!(n, "the key"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fail_excessive_costs() {
        assert!(check_iterations(MAX_ITERATIONS).is_ok());
        assert!(check_iterations(MAX_ITERATIONS + 1).is_err());
        let huge = pkcs5::scrypt::Params::new(24, 8, 1).unwrap();
        let params = pbes2::Parameters::generate_scrypt_aes256cbc(huge, &[1; 16], [0; 16]).unwrap();
        assert!(check_kdf_cost(&params.kdf).is_err());
        let slow =
            pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(50_000_000, &[1; 16], [0; 16])
                .unwrap();
        assert!(check_kdf_cost(&slow.kdf).is_err());
    }

    #[test]
    fn fail_garbage_and_truncation() {
        let enc = encrypt_pkcs8(&plain_key(), "pw").unwrap();
        for bad in [&b""[..], b"\x30\x03abc", &enc[..enc.len() - 1], &enc[..20]] {
            assert!(decrypt_pkcs8(bad, "pw", "k").is_err());
        }
    }
}
