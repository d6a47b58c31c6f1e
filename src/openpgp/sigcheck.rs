//! The result for one OpenPGP signature, made from what Sequoia's
//! streaming verifier found.
//!
//! Sequoia judges the signing key at the signature's creation time:
//! the certificate and the key must be alive and not revoked then, with
//! hard revocations (key compromised, no or unknown reason) counting
//! whenever they were made. We keep that judgement and add what a
//! reader needs on top: which revocation it was, and for a good
//! signature whether the key was retired (a soft revocation) after it.

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::packet::{key, Signature};
use openpgp::parse::stream::{GoodChecksum, VerificationError, VerificationResult};
use openpgp::policy::Policy;
use openpgp::types::{
    HashAlgorithm, PublicKeyAlgorithm, RevocationStatus, RevocationType, SignatureType,
};
use openpgp::{Cert, Fingerprint, KeyHandle};

use super::policy::{system_time, timestamp};
use crate::safe::Safe;
use crate::time::Timestamp;

/// The cryptographic outcome for one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigStatus {
    /// The signature matches the data and the key was valid when it
    /// was made.
    Good,
    /// The signature does not match, or its key was revoked.
    Bad,
    /// The signature cannot be checked: unknown signer, expired or
    /// unusable key, algorithm refused by policy, malformed signature.
    Error,
}

/// A revocation of the signer's certificate or signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    /// Hard (key compromised, no reason, unknown reason): every
    /// signature by the key is suspect. Soft (superseded, retired):
    /// signatures made before it stand.
    pub hard: bool,
    /// The reason code in words, e.g. "Key is superseded".
    pub reason: String,
    /// The revoker's own explanation. Untrusted text: display it
    /// through [`crate::safe::Safe`].
    pub message: String,
    pub revoked_at: Option<Timestamp>,
}

/// The signing key's state, as far as it decides the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyState {
    /// Alive and not revoked when the signature was made, and not
    /// revoked since (up to the reference time).
    Valid,
    /// Valid when the signature was made; softly revoked later (before
    /// the reference time). The signature stands.
    RetiredLater(Revocation),
    /// Revoked: hard, or soft and dated before the signature.
    Revoked(Revocation),
    /// The certificate or key had expired (or did not yet exist) when
    /// the signature was made.
    Expired(String),
    /// Not bound to its certificate at the time, not signing-capable,
    /// or refused by the policy.
    Unusable(String),
    /// No certificate for the issuer.
    Unknown,
}

/// One signature's result.
#[derive(Debug, Clone)]
pub struct SigCheck {
    pub status: SigStatus,
    /// Why the status is not good, or a remark on a good one.
    pub reason: Option<String>,
    /// The certificate whose key made the signature (or would have,
    /// when the key was unusable); `None` for an unknown signer.
    pub signer: Option<Cert>,
    /// `signer`'s primary fingerprint.
    pub signer_fingerprint: Option<Fingerprint>,
    /// The (sub)key that made the signature.
    pub key_fingerprint: Option<Fingerprint>,
    /// The issuer the signature names: its fingerprint if it carries
    /// one, else its key ID.
    pub issuer: Option<KeyHandle>,
    pub signed_at: Option<Timestamp>,
    pub hash_algo: Option<HashAlgorithm>,
    /// The public-key algorithm the signature names.
    pub pk_algo: Option<PublicKeyAlgorithm>,
    /// Binary (0x00) or text (0x01) for data signatures.
    pub sig_type: Option<SignatureType>,
    pub key_state: KeyState,
}

impl SigCheck {
    pub fn is_good(&self) -> bool {
        self.status == SigStatus::Good
    }

    /// A result for a signature we know only from its packet.
    fn from_sig(sig: &Signature, status: SigStatus, reason: String, state: KeyState) -> Self {
        SigCheck {
            status,
            reason: Some(reason),
            signer: None,
            signer_fingerprint: None,
            key_fingerprint: None,
            issuer: sig.get_issuers().into_iter().next(),
            signed_at: sig.signature_creation_time().map(timestamp),
            hash_algo: Some(sig.hash_algo()),
            pk_algo: Some(sig.pk_algo()),
            sig_type: Some(sig.typ()),
            key_state: state,
        }
    }

    /// Fills in the signer from a key amalgamation.
    fn with_key(mut self, ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>) -> Self {
        self.signer = Some(ka.cert().clone());
        self.signer_fingerprint = Some(ka.cert().fingerprint());
        self.key_fingerprint = Some(ka.key().fingerprint());
        self
    }
}

/// Converts Sequoia's verdict on one signature; `at` is the reference
/// time (for revocations made after the signature).
pub(crate) fn from_result(
    r: &VerificationResult<'_>,
    policy: &dyn Policy,
    at: Timestamp,
) -> SigCheck {
    match r {
        Ok(good) => from_good(good, policy, at),
        Err(e) => from_error(e),
    }
}

fn from_good(good: &GoodChecksum<'_>, policy: &dyn Policy, at: Timestamp) -> SigCheck {
    let state = match later_revocation(good.ka.cert(), &good.ka, policy, at) {
        Some(r) => KeyState::RetiredLater(r),
        None => KeyState::Valid,
    };
    let reason = match &state {
        KeyState::RetiredLater(r) => Some(format!(
            "the key was revoked after the signature was made ({}); the signature stands",
            r.reason
        )),
        _ => None,
    };
    let mut check = SigCheck::from_sig(good.sig, SigStatus::Good, String::new(), state);
    check.reason = reason;
    check.with_key(&good.ka)
}

fn from_error(e: &VerificationError<'_>) -> SigCheck {
    use VerificationError as V;
    match e {
        V::MissingKey { sig } => {
            let issuer = sig
                .get_issuers()
                .first()
                .map_or_else(|| "(none given)".to_string(), |h| h.to_hex());
            let reason = format!("unknown signer key ID {issuer}");
            SigCheck::from_sig(sig, SigStatus::Error, reason, KeyState::Unknown)
        }
        V::UnboundKey { sig, cert, error } => {
            let reason = format!(
                "the signing key is not valid at the signing time: {}",
                text(error)
            );
            let mut c = SigCheck::from_sig(
                sig,
                SigStatus::Error,
                reason.clone(),
                KeyState::Unusable(reason),
            );
            c.signer = Some((*cert).clone());
            c.signer_fingerprint = Some(cert.fingerprint());
            c
        }
        V::BadKey { sig, ka, error } => bad_key(sig, ka, error).with_key(ka),
        V::BadSignature { sig, ka, error } => bad_signature(sig, error).with_key(ka),
        V::MalformedSignature { sig, error } => SigCheck::from_sig(
            sig,
            SigStatus::Error,
            format!("malformed signature: {}", text(error)),
            KeyState::Unknown,
        ),
        V::UnknownSignature { sig } => SigCheck {
            status: SigStatus::Error,
            reason: Some(format!("unreadable signature: {}", text(sig.error()))),
            signer: None,
            signer_fingerprint: None,
            key_fingerprint: None,
            issuer: None,
            signed_at: None,
            hash_algo: None,
            pk_algo: None,
            sig_type: None,
            key_state: KeyState::Unknown,
        },
        // VerificationError is non-exhaustive.
        other => SigCheck {
            status: SigStatus::Error,
            reason: Some(Safe(&other.to_string()).to_string()),
            signer: None,
            signer_fingerprint: None,
            key_fingerprint: None,
            issuer: None,
            signed_at: None,
            hash_algo: None,
            pk_algo: None,
            sig_type: None,
            key_state: KeyState::Unknown,
        },
    }
}

/// A key Sequoia refused at the signing time: revoked (bad), expired
/// or otherwise unusable (error).
fn bad_key(
    sig: &Signature,
    ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>,
    error: &anyhow::Error,
) -> SigCheck {
    if let Some(r) = revocation_in_force(ka) {
        let kind = if r.hard {
            "hard"
        } else {
            "soft, before the signature"
        };
        let reason = format!("the signing key is revoked ({kind}: {})", r.reason);
        return SigCheck::from_sig(sig, SigStatus::Bad, reason, KeyState::Revoked(r));
    }
    let expired = matches!(
        error.downcast_ref::<openpgp::Error>(),
        Some(openpgp::Error::Expired(_) | openpgp::Error::NotYetLive(_))
    );
    let text = text(error);
    if expired {
        let reason = format!("the signing key was not alive when the signature was made: {text}");
        return SigCheck::from_sig(sig, SigStatus::Error, reason, KeyState::Expired(text));
    }
    let reason = format!("the signing key is not usable: {text}");
    SigCheck::from_sig(sig, SigStatus::Error, reason, KeyState::Unusable(text))
}

/// A signature that does not verify is bad; one refused by the policy
/// or not alive at the reference time cannot be judged.
fn bad_signature(sig: &Signature, error: &anyhow::Error) -> SigCheck {
    let text = text(error);
    let crypto = matches!(
        error.downcast_ref::<openpgp::Error>(),
        Some(openpgp::Error::BadSignature(_) | openpgp::Error::ManipulatedMessage) | None
    );
    if crypto {
        let reason = format!("bad signature: {text}");
        return SigCheck::from_sig(sig, SigStatus::Bad, reason, KeyState::Valid);
    }
    let reason = format!("signature not accepted: {text}");
    SigCheck::from_sig(sig, SigStatus::Error, reason, KeyState::Valid)
}

/// An error's message chain for a report: Sequoia may quote packet
/// contents, so control characters are escaped.
fn text(error: &anyhow::Error) -> String {
    Safe(&format!("{error:#}")).to_string()
}

/// The revocation that made Sequoia refuse the key at the signing time:
/// the certificate's, else the key's.
fn revocation_in_force(
    ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>,
) -> Option<Revocation> {
    let from = |status: RevocationStatus<'_>| match status {
        RevocationStatus::Revoked(revs) => describe(&revs),
        _ => None,
    };
    from(ka.valid_cert().revocation_status()).or_else(|| from(ka.revocation_status()))
}

/// A revocation of the certificate or of the signing key made after the
/// signature and not after the reference time (soft, since a hard one
/// would have made the signature invalid).
fn later_revocation(
    cert: &Cert,
    ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>,
    policy: &dyn Policy,
    at: Timestamp,
) -> Option<Revocation> {
    let t = system_time(at);
    if let RevocationStatus::Revoked(revs) = cert.revocation_status(policy, t) {
        return describe(&revs);
    }
    if ka.primary() {
        return None;
    }
    let revs: Vec<&Signature> = ka
        .self_revocations()
        .filter(|r| r.signature_creation_time().is_some_and(|c| c <= t))
        .collect();
    describe(&revs)
}

/// The most serious of a set of revocations: a hard one if there is
/// one, else the earliest.
fn describe(revs: &[&Signature]) -> Option<Revocation> {
    let hard = |s: &&&Signature| {
        s.reason_for_revocation()
            .is_none_or(|(r, _)| r.revocation_type() == RevocationType::Hard)
    };
    let pick = revs
        .iter()
        .find(hard)
        .or_else(|| revs.iter().min_by_key(|s| s.signature_creation_time()))?;
    let (reason, message) = match pick.reason_for_revocation() {
        Some((code, text)) => (code.to_string(), String::from_utf8_lossy(text).into_owned()),
        None => ("no reason given".to_string(), String::new()),
    };
    Some(Revocation {
        hard: hard(&pick),
        reason,
        message,
        revoked_at: pick.signature_creation_time().map(timestamp),
    })
}
