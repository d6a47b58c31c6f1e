//! PKCS#12 (RFC 7292) files, as CAs hand out keys: `.p12` / `.pfx`.
//!
//! Decryption is p12-keystore's (0.2.1, which reads PBES2/AES, 3DES and
//! RC2-40 files). It lives on the older RustCrypto generation (der 0.7),
//! so nothing of its types crosses into ours: certificates and keys come
//! back as DER bytes and are parsed again here.
//!
//! Before handing the file over, the parts readable without the password
//! are checked for key-derivation costs (iterations, scrypt memory), so a
//! crafted file cannot make the import run for hours.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::import::{Parsed, Passphrases, PlainKey};
use super::protect::{check_iterations, check_scheme_cost};
use crate::error::{Error, Result};

const ID_DATA: ObjectIdentifier = const_oid::db::rfc5911::ID_DATA;
const ID_ENCRYPTED_DATA: ObjectIdentifier = const_oid::db::rfc5911::ID_ENCRYPTED_DATA;
/// `pkcs8ShroudedKeyBag` (RFC 7292 section 4.2.2).
const SHROUDED_KEY_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.2");
/// `pkcs-12PbeIds` (RFC 7292 appendix C): the arc of the SHA-1 based
/// password-based ciphers (3DES, RC2, RC4).
const PKCS12_PBE_ARC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1");

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

/// The algorithm half of `EncryptedPrivateKeyInfo` (RFC 5208 section 6),
/// which is what a shrouded key bag holds.
#[derive(Sequence)]
struct ShroudedKey {
    algorithm: AlgorithmIdentifierOwned,
    data: OctetString,
}

/// `pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }`
/// (RFC 7292 appendix C).
#[derive(Sequence)]
struct Pkcs12PbeParams {
    salt: OctetString,
    iterations: u64,
}

/// Whether `der` is a PKCS#12 PFX (version 3).
pub(crate) fn looks_like_pfx(der: &[u8]) -> bool {
    matches!(Pfx::from_der(der), Ok(pfx) if pfx.version == 3)
}

/// Opens a PKCS#12 file and adds its certificates and keys to `out`. The
/// empty password is tried first (unprotected exports), then the user's.
pub(crate) fn read(der: &[u8], pass: &mut Passphrases<'_>, out: &mut Parsed) -> Result<()> {
    let pfx = Pfx::from_der(der).map_err(|e| Error::malformed("PKCS#12 file", e))?;
    if pfx.version != 3 {
        return Err(Error::unsupported("PKCS#12 version", pfx.version));
    }
    check_costs(&pfx)?;
    let store = match p12_keystore::KeyStore::from_pkcs12(der, "") {
        Ok(store) => store,
        Err(_) => {
            let what = "the PKCS#12 file";
            let passphrase = pass.for_opening(what)?;
            let store = p12_keystore::KeyStore::from_pkcs12(der, &passphrase)
                .map_err(|e| map_error(e, what))?;
            pass.opened_with(passphrase);
            store
        }
    };
    collect(&store, out)
}

/// Converts the keystore's entries through DER into our types.
fn collect(store: &p12_keystore::KeyStore, out: &mut Parsed) -> Result<()> {
    use p12_keystore::KeyStoreEntry;
    for (_alias, entry) in store.entries() {
        match entry {
            KeyStoreEntry::PrivateKeyChain(chain) => {
                let plain = Zeroizing::new(chain.key().to_vec());
                out.keys.push(PlainKey::from_pkcs8(&plain)?);
                for cert in chain.chain() {
                    out.certs.push(parse_cert(cert.as_der())?);
                }
            }
            KeyStoreEntry::Certificate(cert) => out.certs.push(parse_cert(cert.as_der())?),
            KeyStoreEntry::Secret(_) => {}
        }
    }
    Ok(())
}

fn parse_cert(der: &[u8]) -> Result<Certificate> {
    Certificate::from_der(der).map_err(|e| Error::malformed("certificate in PKCS#12 file", e))
}

fn map_error(e: p12_keystore::error::Error, what: &str) -> Error {
    use p12_keystore::error::Error as P12;
    match e {
        P12::MacError(_) | P12::UnpadError => Error::WrongPassphrase(what.into()),
        P12::Pkcs5Error(msg) if msg.contains("decryption failed") => {
            Error::WrongPassphrase(what.into())
        }
        P12::UnsupportedEncryptionScheme
        | P12::UnsupportedMacAlgorithm
        | P12::UnsupportedContentType
        | P12::UnsupportedCertificateType
        | P12::InvalidVersion
        | P12::Pkcs5Error(_) => Error::unsupported("PKCS#12 content", e),
        other => Error::malformed("PKCS#12 file", other),
    }
}

/// Checks the MAC iterations and every encryption algorithm visible
/// without the password: the encrypted safes' and the shrouded key bags in
/// plain safes (where OpenSSL puts keys).
fn check_costs(pfx: &Pfx) -> Result<()> {
    if let Some(mac) = &pfx.mac_data {
        check_iterations(mac.iterations)?;
    }
    if pfx.auth_safe.content_type != ID_DATA {
        return Ok(()); // public-key integrity mode: p12-keystore refuses it
    }
    let safes: Vec<cms::content_info::ContentInfo> =
        Vec::from_der(octets(&pfx.auth_safe.content)?.as_bytes())?;
    for safe in &safes {
        if safe.content_type == ID_DATA {
            let bags: Vec<SafeBag> = Vec::from_der(octets(&safe.content)?.as_bytes())?;
            for bag in bags.iter().filter(|b| b.bag_id == SHROUDED_KEY_BAG) {
                check_algorithm(&bag.bag_value.decode_as::<ShroudedKey>()?.algorithm)?;
            }
        } else if safe.content_type == ID_ENCRYPTED_DATA {
            let data = safe
                .content
                .decode_as::<cms::encrypted_data::EncryptedData>()?;
            check_algorithm(&data.enc_content_info.content_enc_alg)?;
        }
    }
    Ok(())
}

fn octets(any: &Any) -> Result<OctetString> {
    Ok(any.decode_as::<OctetString>()?)
}

/// Checks one password-based encryption algorithm's cost parameters.
/// Algorithms we do not know are left for p12-keystore to refuse.
fn check_algorithm(alg: &AlgorithmIdentifierOwned) -> Result<()> {
    let params = alg.parameters.as_ref();
    if alg.oid == pkcs5::pbes2::PBES2_OID {
        let params = params.ok_or_else(|| Error::malformed("PBES2", "no parameters"))?;
        let pbes2 = pkcs5::pbes2::Parameters::try_from(der::AnyRef::from(params))
            .map_err(|e| Error::malformed("PBES2 parameters", e))?;
        return check_scheme_cost(&pbes2.into());
    }
    if alg.oid.parent() == Some(PKCS12_PBE_ARC) {
        let params = params.ok_or_else(|| Error::malformed("PKCS#12 PBE", "no parameters"))?;
        return check_iterations(params.decode_as::<Pkcs12PbeParams>()?.iterations);
    }
    Ok(())
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

    #[test]
    fn fail_pbe_with_too_many_iterations() {
        use der::Encode;
        let params = Pkcs12PbeParams {
            salt: OctetString::new(vec![1u8; 8]).unwrap(),
            iterations: 1 << 40,
        };
        let alg = AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1.3"),
            parameters: Some(Any::from_der(&params.to_der().unwrap()).unwrap()),
        };
        assert!(matches!(
            check_algorithm(&alg),
            Err(Error::Unsupported { .. })
        ));
    }
}
