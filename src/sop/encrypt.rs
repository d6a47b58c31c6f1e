//! Encryption: to certificates and/or passwords, optionally signed
//! inside, with SEIPD v2 only when every recipient advertises it, and a
//! symmetric cipher every recipient lists (see
//! [`crate::openpgp::ciphers`]).

use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::armor::Kind;
use openpgp::crypto::{KeyPair, Password, SessionKey};
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message, Recipient};
use openpgp::types::{DataFormat, Features, RevocationStatus, SignatureType, SymmetricAlgorithm};
use openpgp::{Cert, KeyHandle};

use super::errors::{Result, SopError};
use super::keys::POLICY;
use super::sign::{armorer, check_text, signer};
use super::values::{EncryptProfile, SignAs};
use crate::openpgp::ciphers::{self, Ciphers};

/// What to encrypt to and how.
pub struct EncryptRequest {
    pub certs: Vec<Cert>,
    pub passwords: Vec<Password>,
    /// Sign inside the encryption with these (unlocked) keys.
    pub signers: Vec<KeyPair>,
    pub mode: SignAs,
    pub profile: EncryptProfile,
    pub armored: bool,
}

/// The ciphertext and the session key it was made with.
pub struct Encrypted {
    pub ciphertext: Vec<u8>,
    pub algo: SymmetricAlgorithm,
    pub session_key: SessionKey,
}

/// Encrypts `plaintext` (uncompressed, in one literal data packet).
pub fn encrypt(plaintext: &[u8], req: EncryptRequest) -> Result<Encrypted> {
    if req.mode == SignAs::Text {
        check_text(plaintext)?;
    }
    if req.certs.is_empty() && req.passwords.is_empty() {
        return Err(SopError::MissingArg(
            "encrypt needs CERTS or --with-password".into(),
        ));
    }
    let (recipients, listed) = recipients(&req.certs, req.profile)?;
    let cipher = ciphers::choose(listed);
    let session_key = SessionKey::new(cipher.key_size().map_err(other)?).map_err(other)?;
    let mut sink = Vec::new();
    let message = armorer(Message::new(&mut sink), req.armored, Kind::Message)?;
    let message = Encryptor::with_session_key(message, cipher, session_key.clone())
        .map_err(other)?
        .add_recipients(recipients)
        .add_passwords(req.passwords)
        .build()
        .map_err(other)?;
    let (typ, format) = match req.mode {
        SignAs::Binary => (SignatureType::Binary, DataFormat::Binary),
        SignAs::Text => (SignatureType::Text, DataFormat::Unicode),
    };
    let message = if req.signers.is_empty() {
        message
    } else {
        let mut s = signer(message, req.signers, typ)?;
        for cert in &req.certs {
            s = s.add_intended_recipient(cert);
        }
        s.build().map_err(other)?
    };
    let mut w = LiteralWriter::new(message)
        .format(format)
        .build()
        .map_err(other)?;
    w.write_all(plaintext)?;
    w.finalize().map_err(other)?;
    Ok(Encrypted {
        ciphertext: sink,
        algo: cipher,
        session_key,
    })
}

/// Every valid encryption-capable (sub)key of every certificate, and the
/// symmetric algorithms each certificate lists; a certificate without
/// such a key is CERT_CANNOT_ENCRYPT.
fn recipients(
    certs: &[Cert],
    profile: EncryptProfile,
) -> Result<(Vec<Recipient<'_>>, Vec<Ciphers>)> {
    let mut out = Vec::new();
    let mut listed = Vec::new();
    for cert in certs {
        let before = out.len();
        let cannot =
            |why: String| SopError::CertCannotEncrypt(format!("{}: {why}", cert.fingerprint()));
        let valid = cert
            .with_policy(&POLICY, None)
            .map_err(|e| cannot(format!("{e:#}")))?;
        valid.alive().map_err(|e| cannot(format!("{e:#}")))?;
        if let RevocationStatus::Revoked(_) = valid.revocation_status() {
            return Err(cannot("revoked".into()));
        }
        listed.push(Ciphers::of(&valid));
        for ka in valid
            .keys()
            .supported()
            .alive()
            .revoked(false)
            .for_transport_encryption()
            .for_storage_encryption()
        {
            out.push(match profile {
                EncryptProfile::Default => Recipient::from(ka),
                // Without the SEIPD v2 feature the encryptor picks v1.
                EncryptProfile::Rfc4880 => Recipient::new(
                    Features::empty().set_seipdv1(),
                    KeyHandle::from(ka.key().keyid()),
                    ka.key(),
                ),
            });
        }
        if out.len() == before {
            return Err(cannot("no valid encryption key".into()));
        }
    }
    Ok((out, listed))
}

fn other(e: anyhow::Error) -> SopError {
    SopError::from_openpgp(e, SopError::Other)
}
