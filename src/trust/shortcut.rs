//! OpenPGP bindings whose full validity needs no web-of-trust search: the
//! user's own keys, roots at the full amount, and bindings the user
//! pinned. Building the network checks every certificate in the keyring;
//! these common cases need only the one certificate, so encrypting to many
//! correspondents or checking a mailbox stays fast.
//!
//! The certificate must still be alive and unrevoked at the reference
//! time, and the user ID with the address bound and unrevoked; anything
//! else falls through to the full search, which explains the failure.
//!
//! An own key counts only while it stands as a root (the policy accepts
//! it and it is not revoked at the reference time), as in the full
//! search. A pin rests on a local certification by one of the own keys,
//! and the pin record does not say which: pins are taken here only while
//! every own key stands. Once one is revoked, each pinned binding is
//! judged by the full search, which counts only the certifications of the
//! keys still standing.

use std::collections::HashSet;

use sequoia_openpgp::cert::amalgamation::ValidAmalgamation;
use sequoia_openpgp::types::RevocationStatus;
use sequoia_openpgp::{Cert, Fingerprint};

use super::verdict::{Basis, Protocol, Trust, TrustLevel};
use super::wot::root_stands;
use crate::error::Result;
use crate::keyring::Keyring;
use crate::openpgp::{policy_at, system_time, userid};
use crate::time::Timestamp;

/// Full amount of trust.
const FULL: u8 = 120;

pub(super) struct Shortcuts {
    /// The own keys that stand as roots at the reference time.
    own: HashSet<Fingerprint>,
    full_roots: HashSet<Fingerprint>,
    /// (fingerprint hex, lower-cased address); empty unless every own key
    /// stands.
    pins: HashSet<(String, String)>,
}

impl Shortcuts {
    /// The shortcuts for judgements at `at`.
    pub(super) fn load(keyring: &Keyring, at: Timestamp) -> Result<Self> {
        let own_keys = keyring.pgp_with_secret()?;
        let own: HashSet<Fingerprint> = own_keys
            .iter()
            .filter(|k| root_stands(&k.cert, at))
            .map(|k| k.cert.fingerprint())
            .collect();
        let every_own_key_stands = own.len() == own_keys.len();
        let full_roots = keyring
            .pgp_roots()?
            .into_iter()
            .filter(|(_, amount)| *amount >= FULL)
            .filter_map(|(f, _)| f.parse().ok())
            .collect();
        let pins = keyring
            .pins()?
            .into_iter()
            .filter(|p| every_own_key_stands && p.protocol == Protocol::Openpgp)
            .map(|p| (p.fingerprint, p.email))
            .collect();
        Ok(Shortcuts {
            own,
            full_roots,
            pins,
        })
    }

    /// Whether one of the shortcuts covers the binding of `fingerprint`
    /// to `email` (lower-cased), before looking at the certificate.
    pub(super) fn applies(&self, fingerprint: &Fingerprint, email: &str) -> bool {
        self.basis(fingerprint, email).is_some()
    }

    fn basis(&self, fingerprint: &Fingerprint, email: &str) -> Option<(Basis, &'static str)> {
        if self.own.contains(fingerprint) {
            Some((Basis::OwnKey, "your own key"))
        } else if self
            .pins
            .contains(&(fingerprint.to_hex(), email.to_string()))
        {
            Some((Basis::Pinned, "you pinned this binding"))
        } else if self.full_roots.contains(fingerprint) {
            Some((Basis::WebOfTrust, "one of your web-of-trust roots"))
        } else {
            None
        }
    }

    /// Full trust for the binding, if one of the shortcuts applies.
    pub(super) fn judge(
        &self,
        keyring: &Keyring,
        fingerprint: &Fingerprint,
        cert: Option<&Cert>,
        email: &str,
        at: Timestamp,
    ) -> Option<Trust> {
        let email = email.to_ascii_lowercase();
        let (basis, reason) = self.basis(fingerprint, &email)?;
        let fetched;
        let cert = match cert {
            Some(c) => c,
            None => {
                fetched = keyring
                    .pgp_by_fingerprint(&fingerprint.to_hex())
                    .ok()??
                    .cert;
                &fetched
            }
        };
        let userid = bound_userid(cert, &email, at)?;
        Some(Trust {
            level: TrustLevel::Full,
            basis,
            path: vec![format!("{userid} ({})", fingerprint.to_hex())],
            amount: FULL,
            reason: Some(reason.into()),
        })
    }
}

/// The user ID carrying `email`, if the certificate is alive and not
/// revoked at `at` and that user ID is bound and not revoked.
pub(crate) fn bound_userid(cert: &Cert, email: &str, at: Timestamp) -> Option<String> {
    let policy = policy_at(at);
    let valid = cert.with_policy(&policy, system_time(at)).ok()?;
    valid.alive().ok()?;
    if !matches!(
        valid.revocation_status(),
        RevocationStatus::NotAsFarAsWeKnow
    ) {
        return None;
    }
    valid
        .userids()
        .filter(|u| matches!(u.revocation_status(), RevocationStatus::NotAsFarAsWeKnow))
        .find(|u| userid::email_normalized(u.userid()).is_some_and(|e| e == email))
        .map(|u| String::from_utf8_lossy(u.userid().value()).into_owned())
}
