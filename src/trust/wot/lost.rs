//! Roots whose certificates are revoked at the reference time. A root
//! vouches only while it stands: the user's own key revoked (or a
//! `trust root` entry's certificate revoked by its owner) starts no path
//! from the revocation on. sequoia-wot already drops every certification
//! by a hard-revoked issuer (key compromise, or no reason), at every time,
//! and those a soft-revoked one made after its revocation; but a root's
//! certifications made before a soft revocation would still count, so a
//! retired key's pins would vouch for ever.
//!
//! The bindings such a root certified are remembered, so that the
//! explanation can say why they lost their validity.

use std::collections::HashMap;

use sequoia_openpgp::packet::UserID;
use sequoia_openpgp::{Cert, Fingerprint, KeyHandle};

use super::index::{Index, Revocation};
use super::Root;

/// A root that no longer vouches, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedRoot {
    pub root: Root,
    pub revocation: Revocation,
}

impl RevokedRoot {
    /// "your key FPR is revoked since DATE (reason)".
    pub fn describe(&self) -> String {
        format!(
            "{} {} is revoked {}",
            self.who(),
            self.root.fingerprint.to_hex(),
            self.revocation.since()
        )
    }

    fn who(&self) -> &'static str {
        if self.root.own {
            "your key"
        } else {
            "your web-of-trust root"
        }
    }

    /// Why a binding this root certified no longer counts.
    pub fn explain(&self) -> String {
        let who = self.who();
        let scope = if self.revocation.hard {
            "none of its certifications counts, at any time"
        } else {
            "its certifications count only for times before that"
        };
        let again = if self.root.own {
            "; pin the binding again with a current key if you still vouch for it"
        } else {
            ""
        };
        format!(
            "{who} {} that certified this binding is revoked {}: {scope}{again}",
            self.root.fingerprint.to_hex(),
            self.revocation.since()
        )
    }
}

/// Splits `roots` into those that stand at the index's reference time and
/// those whose certificate is revoked then.
pub(super) fn split_roots(
    roots: HashMap<Fingerprint, Root>,
    index: &Index,
) -> (
    HashMap<Fingerprint, Root>,
    HashMap<Fingerprint, RevokedRoot>,
) {
    let mut standing = HashMap::with_capacity(roots.len());
    let mut revoked = HashMap::new();
    for (fingerprint, root) in roots {
        match index.cert(&fingerprint).and_then(|f| f.revoked.clone()) {
            Some(revocation) => {
                revoked.insert(fingerprint, RevokedRoot { root, revocation });
            }
            None => {
                standing.insert(fingerprint, root);
            }
        }
    }
    (standing, revoked)
}

/// Per certificate, the user IDs that a revoked root certified (the
/// signature checked), with that root.
pub(super) type Lost = HashMap<Fingerprint, Vec<(UserID, RevokedRoot)>>;

/// Finds the certifications made by the `revoked` roots among `certs`.
pub(super) fn certified_by_revoked(
    certs: &[Cert],
    revoked: &HashMap<Fingerprint, RevokedRoot>,
) -> Lost {
    let mut lost = Lost::new();
    if revoked.is_empty() {
        return lost;
    }
    let issuers: Vec<(&Cert, &RevokedRoot)> = certs
        .iter()
        .filter_map(|c| revoked.get(&c.fingerprint()).map(|r| (c, r)))
        .collect();
    for target in certs {
        for ua in target.userids() {
            for (issuer, root) in &issuers {
                if certifies(issuer, target, ua.userid(), ua.certifications()) {
                    lost.entry(target.fingerprint())
                        .or_default()
                        .push((ua.userid().clone(), (*root).clone()));
                }
            }
        }
    }
    lost
}

/// Whether one of `sigs` is `issuer`'s good certification of `userid`
/// on `target`.
fn certifies<'a>(
    issuer: &Cert,
    target: &Cert,
    userid: &UserID,
    sigs: impl Iterator<Item = &'a sequoia_openpgp::packet::Signature>,
) -> bool {
    let handle = KeyHandle::from(issuer.fingerprint());
    sigs.filter(|s| s.get_issuers().iter().any(|h| h.aliases(&handle)))
        .any(|s| {
            s.verify_userid_binding(
                issuer.primary_key().key(),
                target.primary_key().key(),
                userid,
            )
            .is_ok()
        })
}
