//! Recognising what a user hands to `keyring import`: PEM with any number
//! of blocks, or one DER object (certificate, CRL, PKCS#8 plain or
//! encrypted, PKCS#1 or SEC1 key, PKCS#12).
//!
//! Everything is parsed and checked before anything is written, so bad
//! input never leaves part of itself in the keyring.

use der::{Decode, Encode};
use pkcs8::PrivateKeyInfoRef;
use sha2::Digest;
use x509_cert::certificate::Rfc5280;
use x509_cert::crl::CertificateList;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use super::{pkcs12, protect};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::smime::cert::hex_upper;
use crate::smime::key::PrivateKey;

/// Everything found in one input.
#[derive(Default)]
pub(crate) struct Parsed {
    pub certs: Vec<Certificate>,
    pub keys: Vec<PlainKey>,
    pub crls: Vec<ParsedCrl>,
}

impl Parsed {
    fn is_empty(&self) -> bool {
        self.certs.is_empty() && self.keys.is_empty() && self.crls.is_empty()
    }
}

/// A secret key in the clear, normalised to PKCS#8 by our own encoder so
/// that what is stored is exactly what [`PrivateKey::from_pkcs8_der`] reads.
pub(crate) struct PlainKey {
    pub pkcs8: Zeroizing<Vec<u8>>,
    /// SHA-256 of the public key's SubjectPublicKeyInfo, upper-case hex:
    /// what joins a key to its certificates.
    pub spki_sha256: String,
    pub algorithm: String,
}

impl PlainKey {
    pub fn from_key(key: &PrivateKey) -> Result<Self> {
        Ok(PlainKey {
            pkcs8: key.to_pkcs8_der()?,
            spki_sha256: hex_upper(&sha2::Sha256::digest(key.public_key_der()?)),
            algorithm: key.algorithm_name(),
        })
    }

    pub fn from_pkcs8(der: &[u8]) -> Result<Self> {
        Self::from_key(&PrivateKey::from_pkcs8_der(der)?)
    }
}

/// A CRL and the facts the keyring indexes it by.
pub(crate) struct ParsedCrl {
    pub der: Vec<u8>,
    pub sha256: String,
    pub issuer: String,
    pub this_update: i64,
    pub next_update: Option<i64>,
}

/// Asks the passphrase source at most once per import, and decides which
/// passphrase protects the imported keys at rest.
pub(crate) struct Passphrases<'a> {
    source: &'a PassphraseSource,
    known: Option<Zeroizing<String>>,
}

impl<'a> Passphrases<'a> {
    pub fn new(source: &'a PassphraseSource) -> Self {
        Passphrases {
            source,
            known: None,
        }
    }

    /// The passphrase that opens encrypted input.
    pub fn for_opening(&mut self, what: &str) -> Result<Zeroizing<String>> {
        if let Some(p) = &self.known {
            return Ok(p.clone());
        }
        let p = self.source.get(what)?;
        self.known = Some(p.clone());
        Ok(p)
    }

    /// Remembers a passphrase that worked without asking (an unprotected
    /// PKCS#12 file opens with the empty one).
    pub fn opened_with(&mut self, passphrase: Zeroizing<String>) {
        if self.known.is_none() && !passphrase.is_empty() {
            self.known = Some(passphrase);
        }
    }

    /// The passphrase that protects keys at rest: the one that opened the
    /// input, else the source's. An empty one is refused: secret keys are
    /// never stored unprotected.
    pub fn for_protection(&mut self) -> Result<Zeroizing<String>> {
        let p = match &self.known {
            Some(p) => p.clone(),
            None => {
                let p = self.source.get_new("protecting the new secret key")?;
                self.known = Some(p.clone());
                p
            }
        };
        if p.is_empty() {
            return Err(Error::Usage(
                "an empty passphrase cannot protect a secret key; give a passphrase".into(),
            ));
        }
        Ok(p)
    }
}

/// Parses `bytes` as PEM (if it has a BEGIN line) or as one DER object.
pub(crate) fn parse(bytes: &[u8], pass: &mut Passphrases<'_>) -> Result<Parsed> {
    let mut out = Parsed::default();
    if contains(bytes, b"-----BEGIN ") {
        parse_pem(bytes, pass, &mut out)?;
    } else {
        parse_der(bytes, pass, &mut out)?;
    }
    if out.is_empty() {
        return Err(Error::malformed(
            "keyring import",
            "no certificate, private key, PKCS#12 or CRL found",
        ));
    }
    Ok(out)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn parse_pem(bytes: &[u8], pass: &mut Passphrases<'_>, out: &mut Parsed) -> Result<()> {
    let text = String::from_utf8_lossy(bytes);
    for block in pem_blocks(&text)? {
        if block.contains("Proc-Type:") {
            return Err(Error::unsupported(
                "PEM encryption",
                "legacy OpenSSL-encrypted key; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`",
            ));
        }
        let (label, der) = decode_pem_block(block)?;
        parse_labelled(label, &der, pass, out)?;
    }
    Ok(())
}

/// Splits text into its `-----BEGIN X-----` ... `-----END X-----` blocks,
/// ignoring text between them (openssl writes "Bag Attributes" and
/// certificate dumps there). A block without its END line is an error.
fn pem_blocks(text: &str) -> Result<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let from_begin = &rest[start..];
        let label_start = "-----BEGIN ".len();
        let label_len = from_begin[label_start..]
            .find("-----")
            .ok_or_else(|| Error::malformed("PEM", "unterminated BEGIN line"))?;
        let label = &from_begin[label_start..label_start + label_len];
        let end_line = format!("-----END {label}-----");
        let end = from_begin
            .find(&end_line)
            .ok_or_else(|| Error::malformed("PEM", format!("no END line for {label:?}")))?;
        let block_len = end + end_line.len();
        blocks.push(&from_begin[..block_len]);
        rest = &from_begin[block_len..];
    }
    Ok(blocks)
}

/// Decodes one block that [`pem_blocks`] cut out: its label and its bytes.
/// The base64 may come in lines of any length: 64 columns as RFC 7468
/// writes, 76 as many CA files and MIME tools do, or one long line.
/// Whitespace is ignored; anything else outside the base64 alphabet is an
/// error.
fn decode_pem_block(block: &str) -> Result<(&str, Zeroizing<Vec<u8>>)> {
    let after_begin = block
        .strip_prefix("-----BEGIN ")
        .ok_or_else(|| Error::malformed("PEM", "no BEGIN line"))?;
    let (label, rest) = after_begin
        .split_once("-----")
        .ok_or_else(|| Error::malformed("PEM", "unterminated BEGIN line"))?;
    let end_line = format!("-----END {label}-----");
    let body = rest
        .strip_suffix(end_line.as_str())
        .ok_or_else(|| Error::malformed("PEM", format!("no END line for {label:?}")))?;
    let der = crate::mime::base64_decode(body.as_bytes())
        .map_err(|_| Error::malformed("PEM", format!("bad base64 in the {label:?} block")))?;
    Ok((label, Zeroizing::new(der)))
}

/// One certificate, PEM (the first CERTIFICATE block, any line length) or
/// DER: what `trust anchor add` reads.
pub fn read_certificate(bytes: &[u8]) -> Result<Certificate> {
    if !contains(bytes, b"-----BEGIN ") {
        return parse_cert(bytes);
    }
    let text = String::from_utf8_lossy(bytes);
    for block in pem_blocks(&text)? {
        let (label, der) = decode_pem_block(block)?;
        if label == "CERTIFICATE" || label == "X509 CERTIFICATE" {
            return parse_cert(&der);
        }
    }
    Err(Error::malformed(
        "certificate",
        "no CERTIFICATE block in the PEM text",
    ))
}

/// Handles one decoded PEM block by its label. Labels we do not store
/// (EC PARAMETERS, CERTIFICATE REQUEST, PUBLIC KEY, ...) are skipped.
fn parse_labelled(
    label: &str,
    der: &[u8],
    pass: &mut Passphrases<'_>,
    out: &mut Parsed,
) -> Result<()> {
    match label {
        "CERTIFICATE" | "X509 CERTIFICATE" => out.certs.push(parse_cert(der)?),
        "X509 CRL" => out.crls.push(parse_crl(der)?),
        "PRIVATE KEY" => out.keys.push(PlainKey::from_pkcs8(der)?),
        "ENCRYPTED PRIVATE KEY" => out.keys.push(decrypt_pkcs8(der, pass)?),
        "RSA PRIVATE KEY" => out.keys.push(parse_pkcs1(der)?),
        "EC PRIVATE KEY" => out.keys.push(parse_sec1(der)?),
        "PKCS12" => pkcs12::read(der, pass, out)?,
        "PKCS7" => out.certs.extend(parse_pkcs7(der)?),
        _ => {}
    }
    Ok(())
}

/// Tries each DER structure in turn; only the one that parses completely
/// counts.
fn parse_der(der: &[u8], pass: &mut Passphrases<'_>, out: &mut Parsed) -> Result<()> {
    if let Ok(cert) = Certificate::from_der(der) {
        out.certs.push(cert);
    } else if CertificateList::<Rfc5280>::from_der(der).is_ok() {
        out.crls.push(parse_crl(der)?);
    } else if let Ok(certs) = parse_pkcs7(der) {
        out.certs.extend(certs);
    } else if protect::EncryptedKeyInfo::from_der(der).is_ok() {
        out.keys.push(decrypt_pkcs8(der, pass)?);
    } else if PrivateKeyInfoRef::from_der(der).is_ok() {
        out.keys.push(PlainKey::from_pkcs8(der)?);
    } else if pkcs12::looks_like_pfx(der) {
        pkcs12::read(der, pass, out)?;
    } else if let Ok(key) = parse_pkcs1(der).or_else(|_| parse_sec1(der)) {
        out.keys.push(key);
    } else {
        return Err(Error::malformed(
            "keyring import",
            "not a PEM file, DER certificate, CRL, PKCS#8 key or PKCS#12 file",
        ));
    }
    Ok(())
}

fn parse_cert(der: &[u8]) -> Result<Certificate> {
    Certificate::from_der(der).map_err(|e| Error::malformed("X.509 certificate", e))
}

/// The certificates of a certs-only SignedData (RFC 5652 section 5.1), the
/// `.p7b`/`.p7c` bundles CAs hand out chains in (`openssl crl2pkcs7`).
fn parse_pkcs7(der: &[u8]) -> Result<Vec<Certificate>> {
    use cms::cert::CertificateChoices;
    let info = cms::content_info::ContentInfo::from_der(der)
        .map_err(|e| Error::malformed("PKCS#7 bundle", e))?;
    if info.content_type != const_oid::db::rfc5911::ID_SIGNED_DATA {
        return Err(Error::malformed("PKCS#7 bundle", "not SignedData"));
    }
    let signed = info
        .content
        .decode_as::<cms::signed_data::SignedData>()
        .map_err(|e| Error::malformed("PKCS#7 bundle", e))?;
    let set = signed
        .certificates
        .map(|s| s.0.into_vec())
        .unwrap_or_default();
    Ok(set
        .into_iter()
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
        .collect())
}

pub(crate) fn parse_crl(der: &[u8]) -> Result<ParsedCrl> {
    let crl = CertificateList::<Rfc5280>::from_der(der).map_err(|e| {
        if is_v1_crl(der) {
            Error::unsupported(
                "X.509 CRL",
                "version 1 CRLs (without a version field) cannot be checked; ask the CA for a v2 CRL",
            )
        } else {
            Error::malformed("X.509 CRL", e)
        }
    })?;
    let tbs = &crl.tbs_cert_list;
    let secs = |t: x509_cert::time::Time| t.to_unix_duration().as_secs();
    let der = crl.to_der()?;
    Ok(ParsedCrl {
        sha256: hex_upper(&sha2::Sha256::digest(&der)),
        issuer: tbs.issuer.to_string(),
        this_update: to_i64(secs(tbs.this_update)),
        next_update: tbs.next_update.map(|t| to_i64(secs(t))),
        der,
    })
}

/// A v1 CRL omits the version: its TBSCertList starts with the signature
/// AlgorithmIdentifier (a SEQUENCE) where v2 has an INTEGER.
fn is_v1_crl(der: &[u8]) -> bool {
    use der::{Reader, SliceReader};
    let tbs_first_tag = || -> der::Result<der::Tag> {
        let mut r = SliceReader::new(der)?;
        let outer = der::Header::peek(&r)?;
        r.read_slice(outer.encoded_len()?)?;
        let tbs = der::Header::peek(&r)?;
        r.read_slice(tbs.encoded_len()?)?;
        der::Tag::peek(&r)
    };
    matches!(tbs_first_tag(), Ok(der::Tag::Sequence))
}

/// Unix seconds as SQLite's INTEGER; times past year 292 billion saturate.
pub(crate) fn to_i64(secs: u64) -> i64 {
    i64::try_from(secs).unwrap_or(i64::MAX)
}

fn decrypt_pkcs8(der: &[u8], pass: &mut Passphrases<'_>) -> Result<PlainKey> {
    let what = "the encrypted private key";
    let passphrase = pass.for_opening(what)?;
    let plain = protect::decrypt_pkcs8(der, &passphrase, what)?;
    PlainKey::from_pkcs8(&plain)
}

/// `RSAPrivateKey` of PKCS#1 (RFC 8017 appendix A.1.2), as `openssl genrsa
/// -traditional` writes it.
fn parse_pkcs1(der: &[u8]) -> Result<PlainKey> {
    let key = crate::smime::rsa_key::RsaKey::from_pkcs1(der)?;
    PlainKey::from_key(&PrivateKey::Rsa(Box::new(key)))
}

/// `ECPrivateKey` of SEC1 (RFC 5915 section 3), as `openssl ecparam
/// -genkey` writes it. The curve is P-256 or P-384; the decoders check the
/// named-curve parameter when one is present.
fn parse_sec1(der: &[u8]) -> Result<PlainKey> {
    let key = p256::SecretKey::from_sec1_der(der)
        .map(PrivateKey::P256)
        .or_else(|_| p384::SecretKey::from_sec1_der(der).map(PrivateKey::P384))
        .map_err(|e| Error::malformed("SEC1 EC private key (P-256 or P-384)", e))?;
    PlainKey::from_key(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_pem_blocks_and_ignores_text_between() {
        let text = "Bag Attributes\n-----BEGIN A-----\nAAAA\n-----END A-----\njunk\n\
                    -----BEGIN B C-----\nBBBB\n-----END B C-----\n";
        let blocks = pem_blocks(text).unwrap();
        assert_eq!(blocks.len(), 2);
        assert!(
            blocks[0].starts_with("-----BEGIN A-----") && blocks[0].ends_with("-----END A-----")
        );
        assert!(blocks[1].contains("BBBB"));
    }

    #[test]
    fn fail_unterminated_pem() {
        assert!(pem_blocks("-----BEGIN CERTIFICATE-----\nMIIB\n").is_err());
        assert!(pem_blocks("-----BEGIN CERTIFICATE").is_err());
        assert!(pem_blocks("-----BEGIN A-----\n-----END B-----\n").is_err());
    }

    #[test]
    fn fail_garbage_is_malformed() {
        let source = PassphraseSource::Fixed(Zeroizing::new("pw".into()));
        for bad in [
            &b""[..],
            b"hello world",
            b"\x30\x82\xff\xff",
            b"\x30\x03\x02\x01\x03",
            b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
            b"-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n",
        ] {
            let got = parse(bad, &mut Passphrases::new(&source));
            assert!(matches!(got, Err(Error::Malformed { .. })), "{bad:?}");
        }
    }

    #[test]
    fn fail_legacy_pem_encryption_is_named() {
        let pem = b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\
                    DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        let source = PassphraseSource::Fixed(Zeroizing::new("pw".into()));
        let got = parse(pem, &mut Passphrases::new(&source));
        assert!(matches!(got, Err(Error::Unsupported { .. })));
    }

    #[test]
    fn fail_empty_protection_passphrase() {
        let source = PassphraseSource::Fixed(Zeroizing::new(String::new()));
        assert!(matches!(
            Passphrases::new(&source).for_protection(),
            Err(Error::Usage(_))
        ));
    }
}
