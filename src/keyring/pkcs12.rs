//! PKCS#12 (RFC 7292) files, as CAs, browsers and mail clients hand out
//! keys: `.p12` / `.pfx`.
//!
//! The reader is ours because the files come in BER: NSS (Thunderbird,
//! Firefox, `pk12util`) writes indefinite lengths at every level, inside
//! the MAC-protected and the encrypted contents too, so no DER-only reader
//! can open them and no normalisation from outside keeps the MAC valid.
//! Each level is normalised to DER (`smime::ber`) as it is reached; the
//! MAC is checked over the bytes as they were sent. Decryption is
//! [`super::pbe`]'s: PBES2 (AES, 3DES) and the PKCS#12 3DES and RC2 ciphers.
//!
//! Every cost parameter (MAC and PBE iterations, scrypt memory) is
//! checked before key derivation, so a crafted file cannot make the import
//! run for hours.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Sequence};
use hmac::{KeyInit, Mac};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::import::{Parsed, Passphrases, PlainKey};
use super::pbe::{self, kdf, Target};
use super::protect::{check_iterations, decrypt_key_info, EncryptedKeyInfo};
use crate::error::{Error, Result};
use crate::smime::ber;
use crate::smime::content_cipher::oid_name;
use crate::smime::envelope::parse_encrypted_data;

const ID_DATA: ObjectIdentifier = const_oid::db::rfc5911::ID_DATA;
const ID_ENCRYPTED_DATA: ObjectIdentifier = const_oid::db::rfc5911::ID_ENCRYPTED_DATA;

/// The bag types of RFC 7292 section 4.2 (`bagtypes` arc 1.2.840.113549.1.12.10.1).
const KEY_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHROUDED_KEY_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.3");
const SAFE_CONTENTS_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.6");
/// `x509Certificate` (PKCS#9 certTypes, RFC 7292 section 4.2.3).
const X509_CERTIFICATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.22.1");

/// Safe contents nested in safe contents, deeper than any real file.
const MAX_NESTING: usize = 4;

/// What the user reads when the file cannot be opened.
const FILE: &str = "PKCS#12 file";
const SECRET: &str = "the PKCS#12 file";

/// ```text
/// PFX ::= SEQUENCE {
///     version     INTEGER {v3(3)}(v3,...),
///     authSafe    ContentInfo,
///     macData     MacData OPTIONAL }
/// ```
/// RFC 7292 section 4.
#[derive(Sequence)]
struct Pfx {
    version: u8,
    auth_safe: cms::content_info::ContentInfo,
    mac_data: Option<MacData>,
}

/// ```text
/// MacData ::= SEQUENCE {
///     mac         DigestInfo,
///     macSalt     OCTET STRING,
///     iterations  INTEGER DEFAULT 1 }
/// ```
/// RFC 7292 section 4.
#[derive(Sequence)]
struct MacData {
    mac: DigestInfo,
    mac_salt: OctetString,
    #[asn1(default = "one")]
    iterations: u64,
}

fn one() -> u64 {
    1
}

/// `DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }`
#[derive(Sequence)]
struct DigestInfo {
    algorithm: AlgorithmIdentifierOwned,
    digest: OctetString,
}

/// ```text
/// SafeBag ::= SEQUENCE {
///     bagId          BAG-TYPE.&id ({PKCS12BagSet}),
///     bagValue       [0] EXPLICIT BAG-TYPE.&Type({PKCS12BagSet}{@bagId}),
///     bagAttributes  SET OF PKCS12Attribute OPTIONAL }
/// ```
/// RFC 7292 section 4.2.
#[derive(Sequence)]
struct SafeBag {
    bag_id: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    bag_value: Any,
    bag_attributes: Option<Any>,
}

/// ```text
/// CertBag ::= SEQUENCE {
///     certId      BAG-TYPE.&id   ({CertTypes}),
///     certValue   [0] EXPLICIT BAG-TYPE.&Type ({CertTypes}{@certId}) }
/// ```
/// RFC 7292 section 4.2.3.
#[derive(Sequence)]
struct CertBag {
    cert_id: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    cert_value: Any,
}

/// Whether `bytes` (BER or DER) is a PKCS#12 PFX (version 3).
pub(crate) fn looks_like_pfx(bytes: &[u8]) -> bool {
    let Ok(der) = ber::to_der(bytes) else {
        return false;
    };
    matches!(Pfx::from_der(&der), Ok(pfx) if pfx.version == 3)
}

/// Opens a PKCS#12 file and adds its certificates and keys to `out`. The
/// empty password is tried first (unprotected exports), then the user's.
pub(crate) fn read(bytes: &[u8], pass: &mut Passphrases<'_>, out: &mut Parsed) -> Result<()> {
    let der = ber::to_der(bytes)?;
    let pfx = Pfx::from_der(&der).map_err(|e| Error::malformed("PKCS#12 file", e))?;
    if pfx.version != 3 {
        return Err(Error::unsupported("PKCS#12 version", pfx.version));
    }
    if pfx.auth_safe.content_type != ID_DATA {
        return Err(Error::unsupported(
            "PKCS#12 file",
            format!(
                "public-key integrity mode ({}); only password integrity is supported",
                oid_name(&pfx.auth_safe.content_type)
            ),
        ));
    }
    let auth_safe = pfx.auth_safe.content.decode_as::<OctetString>()?;
    if let Some(mac) = &pfx.mac_data {
        check_iterations(mac.iterations)?;
        mac_hash(mac)?;
    }
    let opened = match open(&pfx, auth_safe.as_bytes(), "") {
        Err(Error::WrongPassphrase(_)) => {
            let passphrase = pass.for_opening(SECRET)?;
            let opened = open(&pfx, auth_safe.as_bytes(), &passphrase)?;
            pass.opened_with(passphrase);
            opened
        }
        other => other?,
    };
    out.keys.extend(opened.keys);
    out.certs.extend(opened.certs);
    Ok(())
}

/// Checks the MAC (if any) and reads every safe with `passphrase`.
fn open(pfx: &Pfx, auth_safe: &[u8], passphrase: &str) -> Result<Parsed> {
    if let Some(mac) = &pfx.mac_data {
        verify_mac(mac, passphrase, auth_safe)?;
    }
    let safes: Vec<cms::content_info::ContentInfo> = Vec::from_der(&ber::to_der(auth_safe)?)?;
    let mut out = Parsed::default();
    for safe in &safes {
        if safe.content_type == ID_DATA {
            let contents = safe.content.decode_as::<OctetString>()?;
            read_bags(&parse_bags(contents.as_bytes())?, passphrase, &mut out, 0)?;
        } else if safe.content_type == ID_ENCRYPTED_DATA {
            let contents = decrypt_safe(&der::Encode::to_der(&safe.content)?, passphrase)?;
            // Garbage that passed the padding check: a wrong passphrase.
            let bags = parse_bags(&contents).map_err(|_| Error::WrongPassphrase(SECRET.into()))?;
            read_bags(&bags, passphrase, &mut out, 0)?;
        } else {
            return Err(Error::unsupported(
                "PKCS#12 safe",
                format!(
                    "{} (only data and encryptedData)",
                    oid_name(&safe.content_type)
                ),
            ));
        }
    }
    Ok(out)
}

/// The MAC's hash, which is also the hash of its key derivation.
fn mac_hash(mac: &MacData) -> Result<kdf::Hash> {
    use const_oid::db::rfc5912::{ID_SHA_1, ID_SHA_224, ID_SHA_256, ID_SHA_384, ID_SHA_512};
    match mac.mac.algorithm.oid {
        ID_SHA_1 => Ok(kdf::Hash::Sha1),
        ID_SHA_224 => Ok(kdf::Hash::Sha224),
        ID_SHA_256 => Ok(kdf::Hash::Sha256),
        ID_SHA_384 => Ok(kdf::Hash::Sha384),
        ID_SHA_512 => Ok(kdf::Hash::Sha512),
        other => Err(Error::UnsupportedAlgorithm {
            file: FILE,
            role: "integrity protection (MAC)",
            algorithm: oid_name(&other),
        }),
    }
}

/// RFC 7292 section 5: HMAC over the authSafe's content octets, keyed by
/// the PKCS#12 KDF (ID 3). A mismatch means a wrong passphrase (or a
/// changed file, which cannot be told apart).
fn verify_mac(mac: &MacData, passphrase: &str, data: &[u8]) -> Result<()> {
    let hash = mac_hash(mac)?;
    let salt = mac.mac_salt.as_bytes();
    let expected = mac.mac.digest.as_bytes();
    let len = match hash {
        kdf::Hash::Sha1 => 20,
        kdf::Hash::Sha224 => 28,
        kdf::Hash::Sha256 => 32,
        kdf::Hash::Sha384 => 48,
        kdf::Hash::Sha512 => 64,
    };
    let key = kdf::derive(
        hash,
        passphrase,
        salt,
        kdf::Purpose::Mac,
        mac.iterations,
        len,
    )?;
    let good = match hash {
        kdf::Hash::Sha1 => hmac_matches::<sha1::Sha1>(&key, data, expected),
        kdf::Hash::Sha224 => hmac_matches::<sha2::Sha224>(&key, data, expected),
        kdf::Hash::Sha256 => hmac_matches::<sha2::Sha256>(&key, data, expected),
        kdf::Hash::Sha384 => hmac_matches::<sha2::Sha384>(&key, data, expected),
        kdf::Hash::Sha512 => hmac_matches::<sha2::Sha512>(&key, data, expected),
    };
    if !good {
        return Err(Error::WrongPassphrase(SECRET.into()));
    }
    Ok(())
}

/// Constant-time comparison of the HMAC of `data` with `expected`.
fn hmac_matches<D>(key: &[u8], data: &[u8], expected: &[u8]) -> bool
where
    hmac::Hmac<D>: KeyInit + Mac,
    D: hmac::EagerHash,
{
    let Ok(mut mac) = <hmac::Hmac<D> as KeyInit>::new_from_slice(key) else {
        return false;
    };
    Mac::update(&mut mac, data);
    mac.verify_slice(expected).is_ok()
}

/// Decrypts an encryptedData safe (where files keep their certificates).
fn decrypt_safe(der: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>> {
    let (alg, ciphertext) = parse_encrypted_data(der)?;
    let target = Target {
        file: FILE,
        role: "certificate encryption",
        secret: SECRET,
    };
    pbe::decrypt(&alg, passphrase, &ciphertext, target)
}

/// Parses one SafeContents (`SEQUENCE OF SafeBag`, BER or DER).
fn parse_bags(contents: &[u8]) -> Result<Vec<SafeBag>> {
    Ok(Vec::from_der(&ber::to_der(contents)?)?)
}

/// Takes the keys and certificates out of `bags`.
fn read_bags(bags: &[SafeBag], passphrase: &str, out: &mut Parsed, depth: usize) -> Result<()> {
    if depth > MAX_NESTING {
        return Err(Error::malformed(
            "PKCS#12 file",
            "safe contents nested too deep",
        ));
    }
    for bag in bags {
        match bag.bag_id {
            KEY_BAG => out
                .keys
                .push(PlainKey::from_pkcs8(&der::Encode::to_der(&bag.bag_value)?)?),
            SHROUDED_KEY_BAG => out.keys.push(read_shrouded_key(bag, passphrase)?),
            CERT_BAG => {
                if let Some(cert) = read_cert(bag)? {
                    out.certs.push(cert);
                }
            }
            SAFE_CONTENTS_BAG => {
                let nested: Vec<SafeBag> = bag.bag_value.decode_as()?;
                read_bags(&nested, passphrase, out, depth + 1)?
            }
            // CRLs, secrets and unknown bags: nothing to import.
            _ => {}
        }
    }
    Ok(())
}

fn read_shrouded_key(bag: &SafeBag, passphrase: &str) -> Result<PlainKey> {
    let info = bag.bag_value.decode_as::<EncryptedKeyInfo>()?;
    let target = Target {
        file: FILE,
        role: "key encryption",
        secret: SECRET,
    };
    let plain = decrypt_key_info(&info, passphrase, target)?;
    PlainKey::from_pkcs8(&plain)
}

/// The certificate of an X.509 cert bag; other certificate types (SDSI)
/// are skipped.
fn read_cert(bag: &SafeBag) -> Result<Option<Certificate>> {
    let cert_bag = bag.bag_value.decode_as::<CertBag>()?;
    if cert_bag.cert_id != X509_CERTIFICATE {
        return Ok(None);
    }
    let der = cert_bag.cert_value.decode_as::<OctetString>()?;
    Certificate::from_der(der.as_bytes())
        .map(Some)
        .map_err(|e| Error::malformed("certificate in PKCS#12 file", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_not_a_pfx() {
        assert!(!looks_like_pfx(b""));
        assert!(!looks_like_pfx(b"\x30\x03\x02\x01\x03"));
        let source = crate::passphrase::PassphraseSource::Fixed(Zeroizing::new("pw".into()));
        let mut out = Parsed::default();
        let got = read(b"\x30\x00", &mut Passphrases::new(&source), &mut out);
        assert!(matches!(got, Err(Error::Malformed { .. })));
    }
}
