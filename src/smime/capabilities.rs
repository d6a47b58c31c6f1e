//! S/MIME capabilities (RFC 8551 section 2.5.2): which content ciphers a
//! correspondent announces that it reads. They come in the signed
//! attributes of the correspondent's signed mail, and in the
//! SMIMECapabilities certificate extension (RFC 4262), which the
//! certificates mailseal makes carry.
//!
//! ```text
//! SMIMECapabilities ::= SEQUENCE OF SMIMECapability
//! SMIMECapability ::= SEQUENCE {
//!     capabilityID OBJECT IDENTIFIER,
//!     parameters ANY DEFINED BY capabilityID OPTIONAL }
//! ```
//!
//! The same OID (1.2.840.113549.1.9.15) names the attribute and the
//! certificate extension; the value is the same SEQUENCE OF.

use const_oid::db::{rfc5911, rfc5912};
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::{Any, Decode, Encode, Tag};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attributes;
use x509_cert::Certificate;

use crate::error::Result;

/// The OID of the signed attribute and of the certificate extension.
pub const OID: ObjectIdentifier = rfc5911::SMIME_CAPABILITIES;

/// Larger values are not kept: real lists are a few hundred bytes, and a
/// message must not be able to fill the keyring.
pub const MAX_LEN: usize = 2048;

/// The content ciphers mailseal announces in its signatures, most
/// preferred first: every one it decrypts, AES-GCM before AES-CBC.
const SIGNED_CIPHERS: [ObjectIdentifier; 4] = [
    rfc5911::ID_AES_256_GCM,
    rfc5911::ID_AES_128_GCM,
    rfc5911::ID_AES_256_CBC,
    rfc5911::ID_AES_128_CBC,
];

/// What a mail client that reads S/MIME through `mailseal filter smime`
/// announces: AES-CBC only (see [`Reader::ClassicMailClient`]).
const CLASSIC_CLIENT_CIPHERS: [ObjectIdentifier; 2] =
    [rfc5911::ID_AES_256_CBC, rfc5911::ID_AES_128_CBC];

/// Who reads the replies to a signature, which decides what its
/// smimeCapabilities attribute announces (RFC 8551 section 2.5.2: the
/// ciphers the *signer's client* can read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// mailseal itself: every cipher it decrypts, AES-GCM first.
    Mailseal,
    /// neomutt or mutt with their classic S/MIME backend through
    /// `mailseal filter smime`: they hand a decrypt command only parts
    /// labelled `smime-type=enveloped-data`, never `authEnveloped-data`
    /// (AES-GCM, RFC 8551), so their user can read AES-CBC only.
    ClassicMailClient,
}

/// The content ciphers the certificates mailseal makes announce (RFC
/// 4262): the two it encrypts with.
const CERTIFICATE_CIPHERS: [ObjectIdentifier; 2] =
    [rfc5911::ID_AES_256_GCM, rfc5911::ID_AES_256_CBC];

/// A capability list as announced, in the announcer's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities(pub Vec<AlgorithmIdentifierOwned>);

impl Capabilities {
    /// Parses the DER of an SMIMECapabilities value.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        Ok(Capabilities(Vec::<AlgorithmIdentifierOwned>::from_der(
            der,
        )?))
    }

    pub fn to_der(&self) -> Result<Vec<u8>> {
        Ok(self.0.to_der()?)
    }

    /// Whether AES-256-GCM (AuthEnvelopedData, RFC 5084) is announced.
    pub fn reads_aes256_gcm(&self) -> bool {
        self.0.iter().any(|c| c.oid == rfc5911::ID_AES_256_GCM)
    }

    /// The capabilities by name, in order (for `trust check`).
    pub fn names(&self) -> Vec<String> {
        self.0.iter().map(|c| name(&c.oid)).collect()
    }

    /// What mailseal announces when it signs: the ciphers it decrypts,
    /// then RSAES-OAEP with an empty parameter SEQUENCE, i.e. the default
    /// parameters (RFC 3560 section 5).
    pub fn signed_by_us() -> Result<Self> {
        Self::signed_for(Reader::Mailseal)
    }

    /// What a signature announces for the client that reads the replies:
    /// the content ciphers it reads, then RSAES-OAEP.
    pub fn signed_for(reader: Reader) -> Result<Self> {
        let mut caps = match reader {
            Reader::Mailseal => plain(&SIGNED_CIPHERS),
            Reader::ClassicMailClient => plain(&CLASSIC_CLIENT_CIPHERS),
        };
        caps.push(AlgorithmIdentifierOwned {
            oid: rfc5912::ID_RSAES_OAEP,
            parameters: Some(Any::new(Tag::Sequence, Vec::new())?),
        });
        Ok(Capabilities(caps))
    }

    /// What the certificates mailseal makes announce (RFC 4262).
    pub fn in_our_certificates() -> Self {
        Capabilities(plain(&CERTIFICATE_CIPHERS))
    }
}

fn plain(oids: &[ObjectIdentifier]) -> Vec<AlgorithmIdentifierOwned> {
    oids.iter()
        .map(|&oid| AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        })
        .collect()
}

/// A short name for a capability: the OID database's, else the OID.
fn name(oid: &ObjectIdentifier) -> String {
    const_oid::db::DB
        .by_oid(oid)
        .map_or_else(|| oid.to_string(), str::to_string)
}

/// The DER of the smimeCapabilities signed attribute's value, when it is
/// present once with one value that is not too large. Whether it parses
/// is checked only if it is kept ([`checked`]): most are never looked at
/// again.
pub fn from_signed_attrs(attrs: &Attributes) -> Option<Vec<u8>> {
    let mut found = attrs.iter().filter(|a| a.oid == OID);
    let attr = found.next()?;
    if found.next().is_some() || attr.values.len() != 1 {
        return None;
    }
    let der = attr.values.iter().next()?.to_der().ok()?;
    (der.len() <= MAX_LEN).then_some(der)
}

/// The DER of a certificate's SMIMECapabilities extension (RFC 4262),
/// when it is present once, parses and is not too large.
pub fn from_certificate(cert: &Certificate) -> Option<Vec<u8>> {
    let extensions = cert.tbs_certificate().extensions()?;
    let mut found = extensions.iter().filter(|e| e.extn_id == OID);
    let ext = found.next()?;
    if found.next().is_some() {
        return None;
    }
    checked(ext.extn_value.as_bytes().to_vec())
}

/// `der` if it is a capability list worth keeping: not too large, and
/// parsing as one.
pub fn checked(der: Vec<u8>) -> Option<Vec<u8>> {
    (der.len() <= MAX_LEN && Capabilities::from_der(&der).is_ok()).then_some(der)
}

/// The SMIMECapabilities certificate extension, for the certificates
/// and requests mailseal makes. Not critical: RFC 4262 section 2.
pub struct CertificateExtension(pub Capabilities);

impl AssociatedOid for CertificateExtension {
    const OID: ObjectIdentifier = OID;
}

impl x509_cert::ext::Criticality for CertificateExtension {
    fn criticality(
        &self,
        _subject: &x509_cert::name::Name,
        _extensions: &[x509_cert::ext::Extension],
    ) -> bool {
        false
    }
}

impl Encode for CertificateExtension {
    fn encoded_len(&self) -> der::Result<der::Length> {
        self.0 .0.encoded_len()
    }

    fn encode(&self, encoder: &mut impl der::Writer) -> der::Result<()> {
        self.0 .0.encode(encoder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(der: &[u8]) -> String {
        der.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn our_signed_list_has_gcm_first_and_oaep_with_default_parameters() {
        let der = Capabilities::signed_by_us().unwrap().to_der().unwrap();
        // SEQUENCE { {aes256-GCM} {aes128-GCM} {aes256-CBC} {aes128-CBC}
        //            {rsaesOAEP, SEQUENCE {}} }
        let want = [
            "3043",
            "300b060960864801650304012e",     // aes256-GCM
            "300b0609608648016503040106",     // aes128-GCM
            "300b060960864801650304012a",     // aes256-CBC
            "300b0609608648016503040102",     // aes128-CBC
            "300d06092a864886f70d0101073000", // rsaesOAEP, SEQUENCE {}
        ]
        .concat();
        assert_eq!(hex(&der), want);
        assert!(Capabilities::from_der(&der).unwrap().reads_aes256_gcm());
    }

    #[test]
    fn openssl_default_list_does_not_announce_gcm() {
        // The smimeCapabilities value `openssl cms -sign` (OpenSSL 3.0)
        // writes by default: aes-256-cbc, aes-192-cbc, aes-128-cbc,
        // des-ede3-cbc, rc2-cbc (128, 64 bits), des-cbc, rc2-cbc (40 bits).
        let der = [
            "306a",
            "300b060960864801650304012a",
            "300b0609608648016503040116",
            "300b0609608648016503040102",
            "300a06082a864886f70d0307",
            "300e06082a864886f70d030202020080",
            "300d06082a864886f70d0302020140",
            "300706052b0e030207",
            "300d06082a864886f70d0302020128",
        ]
        .concat();
        let bytes: Vec<u8> = (0..der.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&der[i..i + 2], 16).unwrap())
            .collect();
        let caps = Capabilities::from_der(&bytes).unwrap();
        assert!(!caps.reads_aes256_gcm());
        assert_eq!(caps.names()[0], "id-aes256-CBC");
    }

    #[test]
    fn fail_garbage_and_oversized_values_are_not_kept() {
        assert!(checked(vec![0x30, 0x03, 0x06, 0x01]).is_none());
        let many = Capabilities(plain(&[rfc5911::ID_AES_256_CBC; 200]));
        assert!(checked(many.to_der().unwrap()).is_none());
        let ours = Capabilities::in_our_certificates().to_der().unwrap();
        assert_eq!(checked(ours.clone()), Some(ours));
    }
}
