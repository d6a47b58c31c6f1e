//! The files neomutt passes for keys and certificates (%k, %c), mapped
//! back to the keyring: a recipient certificate file to the certificate
//! the keyring holds (so the trust model applies to it), a key file to
//! one of the user's own keys. The key files mailseal writes name a key
//! and hold no key material ([`key_reference`]).

use std::path::Path;

use der::{Decode, Encode};
use x509_cert::Certificate;

use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::keyring::{Keyring, StoredCert};
use crate::smime::cert;
use crate::trust::own;
use crate::trust::x509::{check_usage, Purpose};
use crate::trust::TrustData;

/// The first byte of a DER certificate or CMS structure (a SEQUENCE).
const DER_SEQUENCE: u8 = 0x30;

/// The first line of every key reference.
const REFERENCE_HEADER: &str = "mailseal S/MIME key reference";

/// What a key file in the key directory holds: the fingerprint of one of
/// the user's certificates whose secret key stays, encrypted, in the
/// keyring. Nothing in it unlocks anything.
pub fn key_reference(fingerprint: &str) -> String {
    format!(
        "{REFERENCE_HEADER}: this file holds no key material.\n\
         The secret key stays encrypted in the mailseal keyring; `mailseal filter smime sign`\n\
         finds it by this certificate fingerprint and unlocks it with your passphrase.\n\
         fingerprint: {fingerprint}\n"
    )
}

/// The fingerprint a key file names. A file with key material in it (an
/// old openssl key store) is refused: mailseal signs only with keys kept
/// encrypted in its keyring.
pub fn referenced_fingerprint(path: &Path) -> Result<String> {
    let bytes = io::read_input(Some(path))?;
    let text = String::from_utf8_lossy(&bytes);
    if text.contains("PRIVATE KEY-----") {
        return Err(Error::Usage(format!(
            "{} holds a private key, not a mailseal key reference: mailseal signs and decrypts \
             only with keys kept encrypted in its keyring. Import the key with `mailseal keyring \
             import`, then point $smime_keys at the directory `mailseal filter smime sync` writes",
            path.display()
        )));
    }
    let fingerprint = text
        .lines()
        .filter_map(|l| l.strip_prefix("fingerprint:"))
        .map(str::trim)
        .find(|f| f.len() == 64 && f.bytes().all(|b| b.is_ascii_hexdigit()));
    match (text.starts_with(REFERENCE_HEADER), fingerprint) {
        (true, Some(f)) => Ok(f.to_ascii_uppercase()),
        _ => Err(Error::malformed(
            "key file",
            format!(
                "{} is not a mailseal key reference; run `mailseal filter smime sync` and \
                 point $smime_keys at the directory it names",
                path.display()
            ),
        )),
    }
}

/// The certificates in a file: PEM (every CERTIFICATE block, text
/// between them ignored) or one DER certificate.
pub fn read_certificates(path: &Path) -> Result<Vec<Certificate>> {
    let bytes = io::read_input(Some(path))?;
    let malformed = |detail: String| Error::malformed("certificate file", detail);
    let certs = if bytes.first() == Some(&DER_SEQUENCE) {
        vec![Certificate::from_der(&bytes)
            .map_err(|e| malformed(format!("{}: {e}", path.display())))?]
    } else {
        pem_certificates(&bytes).map_err(|e| malformed(format!("{}: {e}", path.display())))?
    };
    if certs.is_empty() {
        return Err(malformed(format!(
            "{}: no certificate in it",
            path.display()
        )));
    }
    Ok(certs)
}

fn pem_certificates(bytes: &[u8]) -> std::result::Result<Vec<Certificate>, der::Error> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let text = String::from_utf8_lossy(bytes);
    let mut rest = text.as_ref();
    let mut out = Vec::new();
    while let Some(start) = rest.find(BEGIN) {
        let block = &rest[start..];
        let Some(end) = block.find(END) else {
            return Err(der::pem::Error::PostEncapsulationBoundary.into());
        };
        let (_, der) = der::pem::decode_vec(&block.as_bytes()[..end + END.len()])?;
        out.push(Certificate::from_der(&der)?);
        rest = &block[end + END.len()..];
    }
    Ok(out)
}

/// A CMS structure (signature or envelope) from a file: DER or BER as
/// neomutt writes it, or PEM (PKCS7, CMS).
pub fn read_cms(path: &Path) -> Result<Vec<u8>> {
    cms_from(&io::read_input(Some(path))?)
        .map_err(|e| Error::malformed("S/MIME input", format!("{}: {e}", path.display())))
}

/// DER (or BER) bytes as they are, or the first PEM block decoded.
pub fn cms_from(bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.first() == Some(&DER_SEQUENCE) {
        return Ok(bytes.to_vec());
    }
    let text = String::from_utf8_lossy(bytes);
    let Some(start) = text.find("-----BEGIN ") else {
        return Err(Error::malformed("S/MIME input", "neither DER nor PEM"));
    };
    let (_, der) = der::pem::decode_vec(text[start..].trim_end().as_bytes())
        .map_err(|e| Error::malformed("PEM", e))?;
    Ok(der)
}

/// The user's own key to sign with: the one the key and certificate
/// files name (they must agree), else the newest usable one.
pub fn signer(
    ctx: &Ctx,
    keyring: &Keyring,
    key: Option<&Path>,
    cert_file: Option<&Path>,
) -> Result<StoredCert> {
    let from_key = key.map(referenced_fingerprint).transpose()?;
    let from_cert = match cert_file {
        Some(p) => Some(one_certificate(p)?),
        None => None,
    };
    let fingerprint = match (from_key, from_cert) {
        (Some(k), Some(c)) if k != c => {
            return Err(Error::Usage(format!(
                "the key file names the certificate {k}, but the certificate file holds {c}"
            )))
        }
        (Some(f), _) | (None, Some(f)) => f,
        (None, None) => {
            return default_key(ctx, keyring, Purpose::Sign)?.ok_or_else(|| Error::KeyNotFound {
                what: "S/MIME key of your own that can sign",
                query: "the keyring".into(),
            })
        }
    };
    crate::smime::compose::own_signer(ctx, keyring, &fingerprint)
}

fn one_certificate(path: &Path) -> Result<String> {
    match read_certificates(path)?.as_slice() {
        [one] => Ok(cert::fingerprint(one)),
        _ => Err(Error::Usage(format!(
            "{} holds several certificates; the signer's certificate file holds one",
            path.display()
        ))),
    }
}

/// The user's newest own certificate that is current, not revoked and
/// usable for `purpose`, preferring one usable for both signing and
/// encryption (the key neomutt's $smime_default_key names).
pub fn default_key(ctx: &Ctx, keyring: &Keyring, purpose: Purpose) -> Result<Option<StoredCert>> {
    let trust = TrustData::load(keyring, ctx.at)?;
    Ok(default_key_with(&trust, keyring.with_secret()?, purpose))
}

/// [`default_key`] among `own`, judged with `trust`.
pub fn default_key_with(
    trust: &TrustData<'_>,
    own: Vec<StoredCert>,
    purpose: Purpose,
) -> Option<StoredCert> {
    let usable: Vec<StoredCert> = own
        .into_iter()
        .filter(|c| usable_own(trust, c).is_none() && check_usage(&c.cert, purpose).is_ok())
        .collect();
    let both = |c: &StoredCert| {
        check_usage(&c.cert, Purpose::Sign).is_ok()
            && check_usage(&c.cert, Purpose::Encrypt).is_ok()
    };
    usable
        .into_iter()
        .max_by_key(|c| (both(c), cert::validity(&c.cert).0))
}

/// Why an own certificate may not be used now (expired, not yet valid,
/// revoked), or `None`.
pub fn usable_own(trust: &TrustData<'_>, c: &StoredCert) -> Option<String> {
    own::x509_unusable(&c.cert, trust.at(), Some(trust))
}

/// PEM of a certificate.
pub fn pem(c: &Certificate) -> Result<String> {
    der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, &c.to_der()?)
        .map_err(|e| Error::malformed("certificate", e))
}
