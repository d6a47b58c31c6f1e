//! New S/MIME keys: a key pair, a self-signed certificate usable at once
//! (RFC 8550 section 3: rfc822Name in subjectAltName, emailProtection;
//! the SMIMECapabilities extension of RFC 4262), and a PKCS#10 request
//! (RFC 2986) for the same key to send to a CA.

use der::asn1::{Ia5String, OctetString, Utf8StringRef};
use der::{Any, Decode, Encode};
use sha1::Digest;
use signature::{Keypair, Signer};
use spki::{DynSignatureAlgorithmIdentifier, EncodePublicKey, SignatureBitStringEncoding};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::ext::pkix::constraints::BasicConstraints;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    ExtendedKeyUsage, KeyUsage, KeyUsages, SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::request::RequestBuilder;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::{Certificate, TbsCertificate};

use super::{Keyring, StoredCert};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::smime::capabilities::{Capabilities, CertificateExtension};
use crate::smime::key::PrivateKey;
use crate::smime::rsa_key::RsaKey;
use crate::time::Timestamp;

/// The key types `keyring generate --smime` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    Rsa2048,
    Rsa3072,
    /// ECDSA / ECDH on NIST P-256.
    P256,
}

/// A new key's certificate (stored, with its secret key) and a PEM
/// certificate request for a CA.
#[derive(Debug, Clone)]
pub struct Generated {
    pub cert: StoredCert,
    pub csr_pem: String,
}

/// Makes a key, a self-signed certificate for `email` valid from `now` for
/// `days` days, and a CSR; stores key (encrypted with `passphrase`) and
/// certificate in `keyring`.
pub fn generate_smime(
    keyring: &Keyring,
    email: &str,
    name: &str,
    algorithm: KeyAlgorithm,
    days: u32,
    now: Timestamp,
    passphrase: &PassphraseSource,
) -> Result<Generated> {
    let request = Request::new(email, name, days, now)?;
    let key = new_key(algorithm)?;
    let (cert, csr_pem) = match &key {
        PrivateKey::Rsa(k) => {
            let signer = ProviderRsaSigner::new(k)?;
            request.build::<_, rsa::pkcs1v15::Signature>(&signer, algorithm)?
        }
        PrivateKey::P256(k) => {
            let signer = p256::ecdsa::SigningKey::from(k);
            request.build::<_, p256::ecdsa::DerSignature>(&signer, algorithm)?
        }
        other => return Err(Error::unsupported("key algorithm", other.algorithm_name())),
    };
    let cert = keyring.store_own(&cert, &key, passphrase)?;
    Ok(Generated { cert, csr_pem })
}

fn new_key(algorithm: KeyAlgorithm) -> Result<PrivateKey> {
    use p256::elliptic_curve::Generate;
    let rsa = |bits| RsaKey::generate(bits).map(|k| PrivateKey::Rsa(Box::new(k)));
    match algorithm {
        KeyAlgorithm::Rsa2048 => rsa(2048),
        KeyAlgorithm::Rsa3072 => rsa(3072),
        KeyAlgorithm::P256 => p256::SecretKey::try_generate_from_rng(&mut rand::rngs::SysRng)
            .map(PrivateKey::P256)
            .map_err(|e| Error::Crypto(format!("no randomness from the system: {e}"))),
    }
}

/// An RSA key on the crypto provider as the certificate builder's signer
/// (RSASSA-PKCS1-v1_5 with SHA-256); only the public half is the `rsa`
/// crate's, for encoding.
struct ProviderRsaSigner<'a> {
    key: &'a RsaKey,
    public: rsa::pkcs1v15::VerifyingKey<sha2::Sha256>,
}

impl<'a> ProviderRsaSigner<'a> {
    fn new(key: &'a RsaKey) -> Result<Self> {
        use rsa::pkcs8::DecodePublicKey;
        let public = rsa::RsaPublicKey::from_public_key_der(key.public_key_der())
            .map_err(|e| Error::Crypto(format!("reading the new public key: {e}")))?;
        Ok(ProviderRsaSigner {
            key,
            public: rsa::pkcs1v15::VerifyingKey::new(public),
        })
    }
}

impl Keypair for ProviderRsaSigner<'_> {
    type VerifyingKey = rsa::pkcs1v15::VerifyingKey<sha2::Sha256>;

    fn verifying_key(&self) -> Self::VerifyingKey {
        self.public.clone()
    }
}

impl DynSignatureAlgorithmIdentifier for ProviderRsaSigner<'_> {
    fn signature_algorithm_identifier(&self) -> spki::Result<spki::AlgorithmIdentifierOwned> {
        self.public.signature_algorithm_identifier()
    }
}

impl Signer<rsa::pkcs1v15::Signature> for ProviderRsaSigner<'_> {
    fn try_sign(&self, msg: &[u8]) -> signature::Result<rsa::pkcs1v15::Signature> {
        let sig = self
            .key
            .sign_pkcs1_sha256(msg)
            .map_err(|_| signature::Error::new())?;
        rsa::pkcs1v15::Signature::try_from(sig.as_slice())
    }
}

/// What the certificate and the request say, checked once.
struct Request {
    subject: Name,
    email: Ia5String,
    validity: Validity,
}

impl Request {
    fn new(email: &str, name: &str, days: u32, now: Timestamp) -> Result<Self> {
        let (email, name) = check_identity(email, name)?;
        let end = now
            .0
            .checked_add(u64::from(days) * 86_400)
            .map(Timestamp)
            .ok_or_else(|| Error::Usage("validity period too long".into()))?;
        Ok(Request {
            subject: common_name(&name)?,
            email: Ia5String::new(&email)?,
            validity: Validity::new(Time::from(now.to_der()?), Time::from(end.to_der()?)),
        })
    }

    /// Signs the certificate and the request with `signer`.
    fn build<S, Sig>(&self, signer: &S, algorithm: KeyAlgorithm) -> Result<(Certificate, String)>
    where
        S: Signer<Sig> + Keypair + DynSignatureAlgorithmIdentifier,
        S::VerifyingKey: EncodePublicKey,
        Sig: SignatureBitStringEncoding,
    {
        let spki = spki::SubjectPublicKeyInfoOwned::from_key(&signer.verifying_key())
            .map_err(|e| Error::Crypto(format!("encoding the public key: {e}")))?;
        let ski = SubjectKeyIdentifier(OctetString::new(
            sha1::Sha1::digest(spki.subject_public_key.raw_bytes()).to_vec(),
        )?);
        let profile = SelfSigned(self.subject.clone());
        let mut cert = CertificateBuilder::new(profile, random_serial()?, self.validity, spki)
            .map_err(build_err)?;
        cert.add_extension(&BasicConstraints {
            ca: false,
            path_len_constraint: None,
        })?;
        cert.add_extension(&key_usage(algorithm))?;
        cert.add_extension(&email_protection())?;
        cert.add_extension(&self.san())?;
        cert.add_extension(&ski)?;
        cert.add_extension(&capabilities())?;
        let cert = cert.build::<S, Sig>(signer).map_err(build_err)?;

        let mut csr = RequestBuilder::new(self.subject.clone()).map_err(build_err)?;
        csr.add_extension(&key_usage(algorithm))?;
        csr.add_extension(&email_protection())?;
        csr.add_extension(&self.san())?;
        csr.add_extension(&capabilities())?;
        let csr = csr.build::<S, Sig>(signer).map_err(build_err)?;
        let csr_pem = der::pem::encode_string(
            "CERTIFICATE REQUEST",
            der::pem::LineEnding::LF,
            &csr.to_der()?,
        )
        .map_err(|e| Error::Crypto(format!("PEM encoding the request: {e}")))?;
        Ok((cert, csr_pem))
    }

    fn san(&self) -> SubjectAltName {
        SubjectAltName(vec![GeneralName::Rfc822Name(self.email.clone())])
    }
}

/// Checks the address and name a new key is made for (either protocol);
/// returns the address lower-cased and the name trimmed.
pub(super) fn check_identity(email: &str, name: &str) -> Result<(String, String)> {
    let email = email.trim();
    let well_formed = email
        .split_once('@')
        .is_some_and(|(l, d)| !l.is_empty() && !d.is_empty())
        && email.is_ascii()
        && !email.contains(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
    if !well_formed {
        return Err(Error::Usage(format!(
            "not an e-mail address usable in a certificate: {email:?}"
        )));
    }
    if name.trim().is_empty() {
        return Err(Error::Usage("the certificate needs a name".into()));
    }
    Ok((email.to_ascii_lowercase(), name.trim().to_string()))
}

fn build_err(e: x509_cert::builder::Error) -> Error {
    Error::Crypto(format!("building the certificate: {e}"))
}

/// RSA keys encrypt content keys; EC keys agree on them (RFC 8550
/// section 4.4.2).
fn key_usage(algorithm: KeyAlgorithm) -> KeyUsage {
    let base = KeyUsages::DigitalSignature | KeyUsages::NonRepudiation;
    KeyUsage(match algorithm {
        KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 => base | KeyUsages::KeyEncipherment,
        KeyAlgorithm::P256 => base | KeyUsages::KeyAgreement,
    })
}

/// What the new key's holder reads (RFC 4262): AES-256-GCM, so that
/// mail to it from another mailseal is AuthEnvelopedData (integrity-
/// protected) without having seen signed mail first; and AES-256-CBC.
fn capabilities() -> CertificateExtension {
    CertificateExtension(Capabilities::in_our_certificates())
}

fn email_protection() -> ExtendedKeyUsage {
    ExtendedKeyUsage(vec![const_oid::db::rfc5280::ID_KP_EMAIL_PROTECTION])
}

/// `CN=<name>` as a UTF8String, built as DER rather than from an RFC 4514
/// string so no character of the name needs escaping.
fn common_name(name: &str) -> Result<Name> {
    let atv = AttributeTypeAndValue {
        oid: const_oid::db::rfc4519::CN,
        value: Any::encode_from(&Utf8StringRef::new(name)?)?,
    };
    let mut rdns = RdnSequence::default();
    rdns.push(RelativeDistinguishedName::try_from(vec![atv])?);
    Ok(Name::from_der(&rdns.to_der()?)?)
}

/// A random positive 16-byte serial number (RFC 5280 section 4.1.2.2):
/// the top bit clear keeps it positive, the next one set keeps it 16 bytes.
fn random_serial() -> Result<SerialNumber> {
    use rand::TryRng;
    let mut bytes = [0u8; 16];
    rand::rngs::SysRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| Error::Crypto(format!("no randomness from the system: {e}")))?;
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    Ok(SerialNumber::new(&bytes)?)
}

/// Issuer = subject, and no extensions beyond the ones added explicitly.
struct SelfSigned(Name);

impl BuilderProfile for SelfSigned {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.0.clone()
    }

    fn build_extensions(
        &self,
        _spk: spki::SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: spki::SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::testutil::{pass, Scratch, PASS};

    /// Generates a key, then lets openssl read the certificate
    /// (`openssl x509 -noout -text`), verify it against itself
    /// (`openssl verify -CAfile cert.pem cert.pem`) and verify the request
    /// (`openssl req -verify`).
    fn generate_and_check(algorithm: KeyAlgorithm, usage: &str) {
        let s = Scratch::new();
        let k = Keyring::open(&s.keyring_dir("k")).unwrap();
        let now = Timestamp::parse_rfc3339("2026-01-02T03:04:05Z").unwrap();
        let name = "Alice Example, Jr.";
        let g = generate_smime(
            &k,
            "Alice@Example.org",
            name,
            algorithm,
            365,
            now,
            &pass(PASS),
        )
        .unwrap();
        assert!(g.cert.has_secret);
        assert_eq!(g.cert.emails, vec!["alice@example.org"]);
        let tbs = g.cert.cert.tbs_certificate();
        let secs = |t: Time| t.to_unix_duration().as_secs();
        assert_eq!(secs(tbs.validity().not_before), now.0);
        assert_eq!(secs(tbs.validity().not_after), now.0 + 365 * 86_400);
        assert_eq!(tbs.serial_number().as_bytes().len(), 16);
        assert_eq!(
            crate::smime::cert::common_name(&g.cert.cert).as_deref(),
            Some(name)
        );

        s.write(
            "cert.pem",
            k.export(&g.cert.fingerprint, false).unwrap().as_bytes(),
        );
        s.write("csr.pem", g.csr_pem.as_bytes());
        let text = s.openssl(&["x509", "-in", "cert.pem", "-noout", "-text"]);
        for needle in [
            "email:alice@example.org",
            "E-mail Protection",
            "CA:FALSE",
            usage,
            "Subject Key Identifier",
            name,
        ] {
            assert!(text.contains(needle), "{needle} not in\n{text}");
        }
        s.openssl(&[
            "verify",
            "-attime",
            "1767400000",
            "-CAfile",
            "cert.pem",
            "cert.pem",
        ]);
        s.openssl(&["req", "-verify", "-noout", "-in", "csr.pem"]);
        let req = s.openssl(&["req", "-in", "csr.pem", "-noout", "-text"]);
        assert!(req.contains("Requested Extensions") && req.contains("email:alice@example.org"));
        assert!(req.contains("E-mail Protection") && req.contains(name));
        let csr_key = s.openssl(&["req", "-in", "csr.pem", "-noout", "-pubkey"]);
        let cert_key = s.openssl(&["x509", "-in", "cert.pem", "-noout", "-pubkey"]);
        assert_eq!(csr_key, cert_key);

        let key = k.unlock(&g.cert.fingerprint, &pass(PASS)).unwrap();
        assert!(key.matches(&g.cert.cert));

        // RFC 4262: the certificate (and the request) say what the holder
        // reads, and the keyring keeps it beside the certificate.
        assert!(text.contains("S/MIME Capabilities"), "{text}");
        assert!(req.contains("S/MIME Capabilities"), "{req}");
        let announced = crate::smime::capabilities::from_certificate(&g.cert.cert).unwrap();
        let announced = Capabilities::from_der(&announced).unwrap();
        assert_eq!(announced, Capabilities::in_our_certificates());
        assert!(announced.reads_aes256_gcm());
        let known = k
            .capabilities_of(std::slice::from_ref(&g.cert.fingerprint))
            .unwrap();
        assert!(known[0].own, "{known:?}");
        assert_eq!(
            known[0].certificate.as_deref(),
            Some(announced.to_der().unwrap().as_slice())
        );
    }

    #[test]
    fn generates_rsa_certificate_and_request() {
        generate_and_check(
            KeyAlgorithm::Rsa2048,
            "Digital Signature, Non Repudiation, Key Encipherment",
        );
    }

    #[test]
    fn generates_p256_certificate_and_request() {
        generate_and_check(
            KeyAlgorithm::P256,
            "Digital Signature, Non Repudiation, Key Agreement",
        );
    }

    #[test]
    fn fail_bad_email_or_name_stores_nothing() {
        let s = Scratch::new();
        let k = Keyring::open(&s.keyring_dir("k")).unwrap();
        let now = Timestamp(1_767_225_600);
        for (email, name) in [
            ("no-at-sign", "A"),
            ("@example.org", "A"),
            ("a b@example.org", "A"),
            ("é@example.org", "A"),
            ("a@example.org", " "),
        ] {
            let got = generate_smime(&k, email, name, KeyAlgorithm::P256, 1, now, &pass(PASS));
            assert!(matches!(got, Err(Error::Usage(_))), "{email:?} {name:?}");
        }
        let got = generate_smime(
            &k,
            "a@example.org",
            "A",
            KeyAlgorithm::P256,
            1,
            now,
            &pass(""),
        );
        assert!(matches!(got, Err(Error::Usage(_))));
        assert!(k.all().unwrap().is_empty());
    }
}
