//! What the web of trust needs to know about each certificate besides its
//! certifications, read once when the network is built: its user IDs and
//! their addresses, whether the policy accepts it, and whether its owner
//! revoked it.

use std::collections::HashMap;
use std::time::SystemTime;

use sequoia_openpgp::packet::UserID;
use sequoia_openpgp::policy::Policy;
use sequoia_openpgp::types::{RevocationStatus, RevocationType};
use sequoia_openpgp::{Cert, Fingerprint};

use super::{address_of, lossy, timestamp};
use crate::time::Timestamp;

/// One user ID of a certificate.
pub(super) struct Uid {
    pub userid: UserID,
    /// Lower-cased address, if the user ID has one.
    pub email: Option<String>,
    /// Revoked by the certificate's owner at the reference time.
    pub revoked: bool,
}

/// Why a certificate is revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    /// Hard revocations (compromise, or no reason given) count at every
    /// time; soft ones (retired, superseded) only after they were made.
    pub hard: bool,
    /// The reason code, in sequoia's words.
    pub reason: String,
    /// The owner's free-text message: display through `Safe`.
    pub message: String,
    /// When the revocation was made.
    pub at: Option<Timestamp>,
}

impl Revocation {
    /// "since 2026-03-01T00:00:00Z (Key material has been compromised)",
    /// to follow "revoked". The owner's free-text message is left out:
    /// the reason code says what matters, and needs no escaping.
    pub fn since(&self) -> String {
        match self.at {
            Some(at) => format!("since {at} ({})", self.reason),
            None => format!("({})", self.reason),
        }
    }
}

/// What is known about one certificate.
pub(super) struct Facts {
    /// Why the policy rejects the certificate at the reference time.
    pub invalid: Option<String>,
    pub revoked: Option<Revocation>,
    /// Why the certificate is not alive at the reference time (expired).
    pub expired: Option<String>,
    pub uids: Vec<Uid>,
}

impl Facts {
    /// The user IDs carrying `email` (lower-cased).
    pub fn userids_with(&self, email: &str) -> Vec<&Uid> {
        self.uids
            .iter()
            .filter(|u| u.email.as_deref() == Some(email))
            .collect()
    }
}

/// Facts per certificate and the bindings per address.
pub(super) struct Index {
    certs: HashMap<Fingerprint, Facts>,
    emails: HashMap<String, Vec<(Fingerprint, UserID)>>,
}

impl Index {
    pub fn new(certs: &[Cert], policy: &dyn Policy, t: SystemTime) -> Index {
        let mut index = Index {
            certs: HashMap::with_capacity(certs.len()),
            emails: HashMap::new(),
        };
        for cert in certs {
            let facts = facts_of(cert, policy, t);
            for uid in &facts.uids {
                if let Some(email) = &uid.email {
                    index
                        .emails
                        .entry(email.clone())
                        .or_default()
                        .push((cert.fingerprint(), uid.userid.clone()));
                }
            }
            index.certs.insert(cert.fingerprint(), facts);
        }
        index
    }

    pub fn cert(&self, fingerprint: &Fingerprint) -> Option<&Facts> {
        self.certs.get(fingerprint)
    }

    pub fn bindings_for_email(&self, email: &str) -> Vec<(Fingerprint, UserID)> {
        self.emails.get(email).cloned().unwrap_or_default()
    }
}

/// One certificate per fingerprint: copies of the same certificate are
/// merged, so each certification counts once and none is lost.
pub(super) fn merge_duplicates(certs: Vec<Cert>) -> Vec<Cert> {
    let mut merged: Vec<Cert> = Vec::with_capacity(certs.len());
    let mut position: HashMap<Fingerprint, usize> = HashMap::with_capacity(certs.len());
    for cert in certs {
        match position.get(&cert.fingerprint()) {
            Some(&i) => {
                if let Some(slot) = merged.get_mut(i) {
                    let old = slot.clone();
                    // Same fingerprint, so merging cannot fail; keep the
                    // first copy if it somehow does.
                    *slot = old.clone().merge_public(cert).unwrap_or(old);
                }
            }
            None => {
                position.insert(cert.fingerprint(), merged.len());
                merged.push(cert);
            }
        }
    }
    merged
}

fn facts_of(cert: &Cert, policy: &dyn Policy, t: SystemTime) -> Facts {
    let uids = cert
        .userids()
        .filter(|ua| std::str::from_utf8(ua.userid().value()).is_ok())
        .map(|ua| Uid {
            userid: ua.userid().clone(),
            email: address_of(ua.userid()),
            revoked: matches!(
                ua.revocation_status(policy, t),
                RevocationStatus::Revoked(_)
            ),
        })
        .collect();
    match cert.with_policy(policy, t) {
        Ok(vc) => Facts {
            invalid: None,
            revoked: revocation(vc.revocation_status()),
            expired: vc.alive().err().map(|e| e.to_string()),
            uids,
        },
        Err(e) => Facts {
            invalid: Some(e.to_string()),
            revoked: None,
            expired: None,
            uids,
        },
    }
}

/// The owner's revocation of `cert` in effect at `t` under `policy`, if
/// any: a hard one at every time, a soft one from when it was made.
pub(super) fn revocation_at(cert: &Cert, policy: &dyn Policy, t: SystemTime) -> Option<Revocation> {
    revocation(cert.revocation_status(policy, t))
}

/// The owner's revocation of the certificate in effect at the reference
/// time, if any (sequoia already applied the hard/soft timing rules).
fn revocation(status: RevocationStatus<'_>) -> Option<Revocation> {
    let RevocationStatus::Revoked(sigs) = status else {
        return None;
    };
    let first = sigs.first();
    let reason = first.and_then(|s| s.reason_for_revocation());
    Some(Revocation {
        at: first
            .and_then(|s| s.signature_creation_time())
            .map(timestamp),
        hard: reason.is_none_or(|(code, _)| code.revocation_type() == RevocationType::Hard),
        reason: reason.map_or_else(|| "no reason given".into(), |(code, _)| code.to_string()),
        message: reason.map(|(_, msg)| lossy(msg)).unwrap_or_default(),
    })
}
