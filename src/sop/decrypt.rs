//! Decryption with secret keys, passwords or session keys. The
//! plaintext is returned only once the whole message has been read and
//! its integrity (MDC or AEAD) checked: nothing unauthenticated leaks.

use std::io::Read;

use sequoia_openpgp as openpgp;

use openpgp::crypto::{Password, SessionKey};
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{
    DecryptionHelper, DecryptorBuilder, MessageStructure, VerificationHelper,
};
use openpgp::parse::Parse;
use openpgp::types::SymmetricAlgorithm;
use openpgp::{Cert, Fingerprint, KeyHandle};

use super::args::{read_limited, MAX_PLAINTEXT};
use super::errors::{Result, SopError};
use super::keys::{unlock, POLICY};
use super::values::Window;
use super::verify::{Checker, Verification};
use crate::openpgp::decryptor::ProviderDecryptor;

/// What may decrypt the message, and whom to verify signatures from.
pub struct DecryptRequest {
    pub keys: Vec<Cert>,
    pub key_passwords: Vec<Password>,
    pub passwords: Vec<Password>,
    pub session_keys: Vec<(SymmetricAlgorithm, SessionKey)>,
    pub verify_with: Vec<Cert>,
    pub window: Window,
}

/// The authenticated plaintext, the session key that opened it, and the
/// good signatures inside.
pub struct Decrypted {
    pub plaintext: Vec<u8>,
    pub algo: Option<SymmetricAlgorithm>,
    pub session_key: SessionKey,
    pub verifications: Vec<Verification>,
}

/// Decrypts a message. Wrong keys are CANNOT_DECRYPT, a locked matching
/// key KEY_IS_PROTECTED, malformed or manipulated ciphertext BAD_DATA.
pub fn decrypt(ciphertext: impl Read + Send + Sync, req: DecryptRequest) -> Result<Decrypted> {
    if req.keys.is_empty() && req.passwords.is_empty() && req.session_keys.is_empty() {
        return Err(SopError::MissingArg(
            "decrypt needs KEYS, --with-password or --with-session-key".into(),
        ));
    }
    let helper = Helper::new(req);
    let mut decryptor = DecryptorBuilder::from_reader(ciphertext)
        .map_err(|e| SopError::from_openpgp(e, SopError::BadData))?
        .with_policy(&POLICY, None, helper)
        .map_err(|e| SopError::from_openpgp(e, SopError::CannotDecrypt))?;
    let plaintext = read_limited(&mut decryptor, MAX_PLAINTEXT)
        .map_err(|e| SopError::BadData(format!("{e}")))?;
    decryptor.helper_mut().finish(plaintext)
}

struct Helper {
    req: DecryptRequest,
    checker: Checker,
    used: Option<(Option<SymmetricAlgorithm>, SessionKey)>,
    /// A key that would have matched but stayed locked.
    locked: Option<Fingerprint>,
}

impl Helper {
    fn new(mut req: DecryptRequest) -> Self {
        let checker = Checker::new(std::mem::take(&mut req.verify_with), req.window);
        Helper {
            req,
            checker,
            used: None,
            locked: None,
        }
    }

    /// The result, once the decryptor has read and authenticated
    /// everything. A message that was never encrypted is refused.
    fn finish(&mut self, plaintext: Vec<u8>) -> Result<Decrypted> {
        let (algo, session_key) = self
            .used
            .take()
            .filter(|_| self.checker.saw_encryption())
            .ok_or_else(|| SopError::BadData("the message is not encrypted".into()))?;
        let checker =
            std::mem::replace(&mut self.checker, Checker::new(Vec::new(), self.req.window));
        Ok(Decrypted {
            plaintext,
            algo,
            session_key,
            verifications: checker.into_verifications(),
        })
    }

    fn try_session_keys(
        &mut self,
        hint: Option<SymmetricAlgorithm>,
        decrypt: &mut Decrypt<'_>,
    ) -> bool {
        for (algo, key) in &self.req.session_keys {
            let algo = hint.or(Some(*algo));
            if decrypt(algo, key) {
                self.used = Some((algo, key.clone()));
                return true;
            }
        }
        false
    }

    fn try_keys(
        &mut self,
        pkesks: &[PKESK],
        hint: Option<SymmetricAlgorithm>,
        decrypt: &mut Decrypt<'_>,
    ) -> Option<Cert> {
        for pkesk in pkesks {
            for cert in &self.req.keys {
                let found = try_cert(
                    cert,
                    pkesk,
                    hint,
                    &self.req.key_passwords,
                    &mut self.locked,
                    decrypt,
                );
                if let Some(used) = found {
                    self.used = Some(used);
                    return Some(cert.clone());
                }
            }
        }
        None
    }

    fn try_passwords(
        &mut self,
        skesks: &[SKESK],
        hint: Option<SymmetricAlgorithm>,
        decrypt: &mut Decrypt<'_>,
    ) -> bool {
        for skesk in skesks {
            for password in &self.req.passwords {
                if let Ok((algo, key)) = skesk.decrypt(password) {
                    let algo = hint.or(algo);
                    if decrypt(algo, &key) {
                        self.used = Some((algo, key));
                        return true;
                    }
                }
            }
        }
        false
    }
}

type Decrypt<'a> = dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool + 'a;

/// Tries every encryption-capable secret key of `cert` that `pkesk` is
/// addressed to (all of them for an anonymous recipient). Expired or
/// revoked keys still decrypt: old mail must stay readable.
fn try_cert(
    cert: &Cert,
    pkesk: &PKESK,
    hint: Option<SymmetricAlgorithm>,
    passwords: &[Password],
    locked: &mut Option<Fingerprint>,
    decrypt: &mut Decrypt<'_>,
) -> Option<(Option<SymmetricAlgorithm>, SessionKey)> {
    let recipient = pkesk.recipient();
    let valid = cert.with_policy(&POLICY, None).ok()?;
    let keys = valid
        .keys()
        .supported()
        .for_transport_encryption()
        .for_storage_encryption()
        .secret();
    for ka in keys {
        let handle = KeyHandle::from(ka.key().fingerprint());
        if recipient.as_ref().is_some_and(|r| !r.aliases(&handle)) {
            continue;
        }
        let mut pair = match unlock(ka.key(), passwords) {
            Ok(pair) => ProviderDecryptor::new(pair),
            Err(_) => {
                *locked = Some(ka.key().fingerprint());
                continue;
            }
        };
        if let Some((algo, key)) = pkesk.decrypt(&mut pair, hint) {
            let algo = hint.or(algo);
            if decrypt(algo, &key) {
                return Some((algo, key));
            }
        }
    }
    None
}

impl VerificationHelper for Helper {
    fn get_certs(&mut self, ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        self.checker.get_certs(ids)
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        self.checker.check(structure)
    }
}

impl DecryptionHelper for Helper {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        skesks: &[SKESK],
        hint: Option<SymmetricAlgorithm>,
        decrypt: &mut Decrypt<'_>,
    ) -> openpgp::Result<Option<Cert>> {
        if self.try_session_keys(hint, decrypt) {
            return Ok(None);
        }
        if let Some(cert) = self.try_keys(pkesks, hint, decrypt) {
            return Ok(Some(cert));
        }
        if self.try_passwords(skesks, hint, decrypt) {
            return Ok(None);
        }
        Err(match &self.locked {
            Some(fpr) => SopError::KeyIsProtected(fpr.to_hex()),
            None => SopError::CannotDecrypt("no key, password or session key fits".into()),
        }
        .into())
    }
}
