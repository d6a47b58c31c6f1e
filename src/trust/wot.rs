//! The OpenPGP web of trust (SPEC.md section 4): how far the user's roots
//! vouch for a binding of a certificate to an e-mail address, along which
//! paths, and what is missing when they do not.
//!
//! The engine is sequoia-wot 0.15.3: certifications are edges, trust
//! signatures make their target a trusted introducer (depth, amount and
//! regular-expression scope), and several paths add up like flows in a
//! network. This module is pure: it takes certificates and roots as values
//! and judges everything at one reference time, so `--at` is reproducible.
//!
//! Who checks what:
//! - sequoia-wot: signatures of certifications; a certification created
//!   after the reference time, expired at it, or revoked by its issuer
//!   does not count; an issuer hard-revoked (compromised) never counts, a
//!   soft revocation only for certifications made after it; a user ID its
//!   owner revoked cannot be authenticated; trust depth, amount and regex
//!   scope along a path; a root with an amount below 120 caps every path
//!   from it.
//! - here: which user IDs carry an address; the best of several; a
//!   revoked target certificate (level `Revoked`); a root whose own
//!   certificate is revoked vouches for nothing from then on (`lost`);
//!   own keys and local certifications (pins) as the basis; the
//!   explanation.
//!
//! Key expiry is not judged here: SPEC judges a signature at its signing
//! time for the expiry of the key, which the signature checker does.

mod certify;
mod explain;
mod index;
mod lost;
mod validity;

#[cfg(test)]
mod perf;
#[cfg(test)]
mod pin_tests;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod time_tests;

use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sequoia_openpgp::packet::UserID;
use sequoia_openpgp::policy::{Policy, StandardPolicy};
use sequoia_openpgp::{Cert, Fingerprint};
use sequoia_wot::sequoia_cert_store::store::Certs;
use sequoia_wot::store::{CertStore, Store};
use sequoia_wot::{Network, Roots, FULLY_TRUSTED};

use crate::error::{Error, Result};
use crate::time::Timestamp;
use index::Index;

pub use certify::certify_locally;
pub use index::Revocation;
pub use lost::RevokedRoot;
pub use validity::{Certifier, Link, PathStep, TrustPath, Validity};

/// The trust amount of full validity (and of the user's own keys).
pub const FULL: u8 = 120;

/// A web-of-trust root: the user's own key, or a key the user chose with
/// `trust root FPR [--amount N]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub fingerprint: Fingerprint,
    /// 1..=120: the most any path from this root can carry.
    pub amount: u8,
    /// The user holds the secret key: its own bindings are "your own key"
    /// and its local certifications are pins.
    pub own: bool,
}

impl Root {
    /// One of the user's own keys: a full root.
    pub fn own(fingerprint: Fingerprint) -> Root {
        Root {
            fingerprint,
            amount: FULL,
            own: true,
        }
    }

    /// A root the user chose, believed up to `amount` (at most 120).
    pub fn chosen(fingerprint: Fingerprint, amount: u8) -> Root {
        Root {
            fingerprint,
            amount: amount.min(FULL),
            own: false,
        }
    }
}

/// The network sequoia-wot searches: it owns its certificates and policy.
type WotNetwork = Network<CertStore<'static, 'static, Certs<'static>>>;

/// The web of trust of one keyring at one reference time. Build it once
/// per process (or batch) and ask it about many bindings; it may be shared
/// between threads.
pub struct WebOfTrust {
    network: WotNetwork,
    index: Index,
    /// Every root that stands at `at`, merged: the user's own keys win
    /// over chosen entries.
    roots: HashMap<Fingerprint, Root>,
    /// The roots revoked at `at`, and the bindings they certified: these
    /// count no more, and the explanation says why.
    revoked_roots: Vec<RevokedRoot>,
    lost: lost::Lost,
    at: Timestamp,
}

impl WebOfTrust {
    /// Builds the network from every OpenPGP certificate of the keyring
    /// and the user's roots, judged with the standard policy at `at`.
    /// Certificates the policy rejects at `at` take no part, and roots
    /// whose certificate is revoked at `at` are no roots.
    pub fn new(certs: Vec<Cert>, roots: &[Root], at: Timestamp) -> Result<Self> {
        let time = system_time(at);
        let certs = index::merge_duplicates(certs);
        let index = Index::new(&certs, &StandardPolicy::new(), time);
        let (roots, revoked_roots) = lost::split_roots(merge_roots(roots), &index);
        let lost = lost::certified_by_revoked(&certs, &revoked_roots);
        let mut revoked_roots: Vec<RevokedRoot> = revoked_roots.into_values().collect();
        revoked_roots.sort_by(|a, b| a.root.fingerprint.cmp(&b.root.fingerprint));
        let policy: Box<dyn Policy> = Box::new(StandardPolicy::new());
        let store = CertStore::from_certs(certs, policy, time).map_err(wot_error)?;
        let wot_roots = Roots::new(
            roots
                .values()
                .map(|r| sequoia_wot::Root::new(r.fingerprint.clone(), usize::from(r.amount))),
        );
        let network = Network::new(store, wot_roots).map_err(wot_error)?;
        Ok(WebOfTrust {
            network,
            index,
            roots,
            revoked_roots,
            lost,
            at,
        })
    }

    /// The reference time every question is answered for.
    pub fn at(&self) -> Timestamp {
        self.at
    }

    /// The root with this fingerprint, if it is one.
    pub fn root(&self, fingerprint: &Fingerprint) -> Option<&Root> {
        self.roots.get(fingerprint)
    }

    /// Every (certificate, user ID) whose user ID carries `email`
    /// (compared lower-cased), whatever their validity: the candidates
    /// for an address, e.g. for choosing encryption recipients.
    pub fn bindings_for_email(&self, email: &str) -> Vec<(Fingerprint, UserID)> {
        self.index.bindings_for_email(&normalize_email(email))
    }

    /// The validity of the binding of `fingerprint` to `email`: the best
    /// of the certificate's user IDs carrying that address.
    pub fn authenticate(&self, fingerprint: &Fingerprint, email: &str) -> Validity {
        let email = normalize_email(email);
        let mut v = Validity::new(fingerprint.clone(), email.clone(), self.at);
        let Some(facts) = self.index.cert(fingerprint) else {
            return v.not_valid("the certificate is not in the keyring".into());
        };
        if let Some(why) = &facts.invalid {
            return v.not_valid(format!(
                "the certificate is not usable at {}: {why}",
                self.at
            ));
        }
        let candidates = facts.userids_with(&email);
        if candidates.is_empty() {
            return v.not_valid(format!(
                "the certificate has no user ID with the address {email}"
            ));
        }
        // On a tie the first user ID wins (`max_by_key` keeps the last).
        v = candidates
            .into_iter()
            .rev()
            .map(|uid| self.judge_userid(fingerprint, &email, uid))
            .max_by_key(|c| c.amount)
            .unwrap_or(v);
        if let Some(why) = &facts.expired {
            v.set_expired(why);
        }
        if let Some(revocation) = &facts.revoked {
            v.set_revoked(revocation);
        }
        v
    }

    /// Runs the path search for one user ID and describes the result.
    fn judge_userid(&self, fingerprint: &Fingerprint, email: &str, uid: &index::Uid) -> Validity {
        let paths = self
            .network
            .authenticate(&uid.userid, fingerprint, FULLY_TRUSTED);
        let mut v = Validity::new(fingerprint.clone(), email.to_string(), self.at);
        v.userid = Some(lossy(uid.userid.value()));
        v.paths = paths
            .iter()
            .map(|(path, amount)| validity::convert_path(path, *amount, &self.roots))
            .collect();
        let total = paths.amount();
        let missing = if total >= FULLY_TRUSTED {
            validity::Missing::default()
        } else {
            self.missing(fingerprint, uid)
        };
        v.conclude(total, missing);
        v
    }

    /// What to say when the paths fall short, and who certified the
    /// binding (only issuers whose certificates are in the keyring count).
    fn missing(&self, fingerprint: &Fingerprint, uid: &index::Uid) -> validity::Missing {
        let certifiers = self
            .network
            .third_party_certifications_of(fingerprint)
            .iter()
            .filter(|c| c.userid() == Some(&uid.userid))
            .map(validity::certifier)
            .collect();
        let revoked_roots = self
            .lost
            .get(fingerprint)
            .into_iter()
            .flatten()
            .filter(|(userid, _)| *userid == uid.userid)
            .map(|(_, root)| root.clone())
            .collect();
        let no_roots = self.roots.is_empty();
        validity::Missing {
            no_roots,
            every_root_revoked: match no_roots {
                true => self.revoked_roots.clone(),
                false => Vec::new(),
            },
            userid_revoked: uid.revoked,
            certifiers,
            revoked_roots,
        }
    }
}

/// The owner's revocation of `cert` in effect at `at` (a hard one at
/// every time), as the web of trust judges its roots: a root with one
/// vouches for nothing.
pub fn revocation_at(cert: &Cert, at: Timestamp) -> Option<Revocation> {
    index::revocation_at(cert, &StandardPolicy::new(), system_time(at))
}

/// Whether `cert` can be a root at `at`: the policy accepts it and its
/// owner has not revoked it.
pub fn root_stands(cert: &Cert, at: Timestamp) -> bool {
    cert.with_policy(&StandardPolicy::new(), system_time(at))
        .is_ok()
        && revocation_at(cert, at).is_none()
}

/// Merges root entries: one per fingerprint, the largest amount, own if
/// any entry is own.
fn merge_roots(roots: &[Root]) -> HashMap<Fingerprint, Root> {
    let mut merged: HashMap<Fingerprint, Root> = HashMap::new();
    for r in roots {
        merged
            .entry(r.fingerprint.clone())
            .and_modify(|m| {
                m.amount = m.amount.max(r.amount);
                m.own |= r.own;
            })
            .or_insert_with(|| r.clone());
    }
    merged
}

/// Addresses are compared trimmed, without angle brackets, lower-cased.
pub(crate) fn normalize_email(email: &str) -> String {
    email
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_lowercase()
}

/// The lower-cased address of a user ID, if it has one.
pub(crate) fn address_of(userid: &UserID) -> Option<String> {
    userid.email().ok().flatten().map(normalize_email)
}

pub(crate) fn system_time(t: Timestamp) -> SystemTime {
    UNIX_EPOCH + t.as_duration()
}

pub(crate) fn timestamp(t: SystemTime) -> Timestamp {
    Timestamp(
        t.duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs(),
    )
}

/// A user ID as text; display it through [`crate::safe::Safe`].
pub(crate) fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn wot_error(e: impl std::fmt::Display) -> Error {
    Error::Crypto(format!("web of trust: {e}"))
}
