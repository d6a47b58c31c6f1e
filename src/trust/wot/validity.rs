//! The answer to "is this binding valid?": its trust amount and level, the
//! paths from the user's roots, the basis, and what is missing; and the
//! same answer as the `trust` object of a verdict.

use std::collections::HashMap;

use sequoia_openpgp::Fingerprint;
use sequoia_wot::{Certification, Path};

use super::index::Revocation;
use super::lost::RevokedRoot;
use super::{lossy, timestamp, Root, FULL};
use crate::time::Timestamp;
use crate::trust::verdict::{Basis, Trust, TrustLevel};

/// A certification along a path, or on a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The trust amount the issuer gave (120 is full; plain
    /// certifications carry 120).
    pub amount: u8,
    /// The trust depth: 0 for a plain certification; n makes the target a
    /// trusted introducer for n more levels; 255 is unconstrained.
    pub depth: u8,
    /// Regular expressions the certified user IDs must match, as written
    /// (empty: any). Display through `Safe`.
    pub regexes: Vec<String>,
    /// A local (non-exportable) certification, never sent to others: a
    /// pin when one of the user's own keys made it.
    pub local: bool,
    pub created: Timestamp,
}

/// One certificate on a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    pub fingerprint: Fingerprint,
    /// For the root, its primary user ID; for the others, the user ID the
    /// previous step certified. Display through `Safe`.
    pub userid: Option<String>,
    /// The certification from the previous step; `None` for the root.
    pub via: Option<Link>,
}

/// One path from a root to the binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustPath {
    /// The root first, the binding's certificate last. A path of one step
    /// is the root's own binding.
    pub steps: Vec<PathStep>,
    /// What this path adds to the binding's amount.
    pub amount: u8,
    /// The root is one of the user's own keys.
    pub own_root: bool,
    /// The most the root may vouch for (120 unless `trust root --amount`).
    pub root_amount: u8,
}

impl TrustPath {
    /// The fingerprints from the root to the binding.
    pub fn fingerprints(&self) -> Vec<Fingerprint> {
        self.steps.iter().map(|s| s.fingerprint.clone()).collect()
    }
}

/// A certification of the binding by a certificate in the keyring,
/// reported when no path reaches the binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certifier {
    pub fingerprint: Fingerprint,
    /// The issuer's primary user ID. Display through `Safe`.
    pub name: Option<String>,
    pub link: Link,
}

/// The validity of one binding (certificate, address) at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validity {
    pub fingerprint: Fingerprint,
    /// The address asked about, lower-cased.
    pub email: String,
    /// The user ID judged: the best of those carrying the address. Display
    /// through `Safe`.
    pub userid: Option<String>,
    /// 0..=120, the sum of the paths' amounts, capped at 120.
    pub amount: u8,
    /// `Full` at 120, `Marginal` below, `None` at 0; `Revoked` when the
    /// certificate's owner revoked it.
    pub level: TrustLevel,
    /// `OwnKey`, `Pinned`, `WebOfTrust`, or `None` when nothing vouches.
    pub basis: Basis,
    /// The paths found, the best first.
    pub paths: Vec<TrustPath>,
    /// When the binding is not fully valid: who in the keyring certified
    /// it, whether or not a root reaches them.
    pub certified_by: Vec<Certifier>,
    /// What is missing for full validity, in plain words.
    pub missing: Option<String>,
    /// The owner's revocation of the certificate, in effect at `at`.
    pub revoked: Option<Revocation>,
    /// The reference time.
    pub at: Timestamp,
}

/// What [`Validity::conclude`] needs to say why a binding falls short.
#[derive(Default)]
pub(super) struct Missing {
    pub no_roots: bool,
    /// When no root stands: the roots there were, all revoked.
    pub every_root_revoked: Vec<RevokedRoot>,
    pub userid_revoked: bool,
    pub certifiers: Vec<Certifier>,
    /// Roots revoked at the reference time that certified the binding.
    pub revoked_roots: Vec<RevokedRoot>,
}

impl Validity {
    pub(super) fn new(fingerprint: Fingerprint, email: String, at: Timestamp) -> Self {
        Validity {
            fingerprint,
            email,
            userid: None,
            amount: 0,
            level: TrustLevel::None,
            basis: Basis::None,
            paths: Vec::new(),
            certified_by: Vec::new(),
            missing: None,
            revoked: None,
            at,
        }
    }

    /// A binding that cannot be judged at all, and why.
    pub(super) fn not_valid(mut self, why: String) -> Self {
        self.missing = Some(why);
        self
    }

    /// Sets amount, level, basis and the missing text from the paths.
    pub(super) fn conclude(&mut self, total: usize, m: Missing) {
        self.amount = u8::try_from(total.min(usize::from(FULL))).unwrap_or(FULL);
        self.level = match self.amount {
            FULL => TrustLevel::Full,
            0 => TrustLevel::None,
            _ => TrustLevel::Marginal,
        };
        self.basis = if self.amount == 0 {
            Basis::None
        } else {
            basis_of(&self.paths)
        };
        self.missing = missing_text(self.amount, &m);
        self.certified_by = m.certifiers;
    }

    /// A revoked certificate is valid for nothing; a caller that must
    /// honour a signature made before a soft revocation judges again at
    /// the signing time, when the revocation was not yet in effect.
    pub(super) fn set_revoked(&mut self, revocation: &Revocation) {
        self.amount = 0;
        self.level = TrustLevel::Revoked;
        self.basis = Basis::None;
        self.paths.clear();
        self.missing = Some(format!(
            "the certificate was revoked by its owner ({}, {})",
            revocation.reason,
            if revocation.hard { "hard" } else { "soft" }
        ));
        self.revoked = Some(revocation.clone());
    }

    /// An expired certificate is valid for nothing at the reference time;
    /// a signature made while it was alive is judged again at its signing
    /// time ([`crate::trust::TrustData::at_signing_time`]).
    pub(super) fn set_expired(&mut self, why: &str) {
        self.amount = 0;
        self.level = TrustLevel::Expired;
        self.basis = Basis::None;
        self.paths.clear();
        self.missing = Some(format!(
            "the certificate is not alive at {}: {why}",
            self.at
        ));
    }

    pub fn is_full(&self) -> bool {
        self.level == TrustLevel::Full
    }

    /// The best path, if any.
    pub fn best_path(&self) -> Option<&TrustPath> {
        self.paths.first()
    }

    /// The validity as the `trust` object of a verdict: the path runs from
    /// the signer to the root, as for X.509 chains.
    pub fn to_trust(&self) -> Trust {
        let path = self
            .best_path()
            .map(|p| p.steps.iter().rev().map(step_label).collect())
            .unwrap_or_default();
        Trust {
            level: self.level,
            basis: self.basis,
            path,
            amount: self.amount,
            reason: self.missing.clone(),
        }
    }
}

/// How the best path vouches: the root itself, a root's local
/// certification (a pin), or the web of trust.
fn basis_of(paths: &[TrustPath]) -> Basis {
    let Some(best) = paths.first() else {
        return Basis::None;
    };
    match best.steps.as_slice() {
        [_] if best.own_root => Basis::OwnKey,
        [_, target] if best.own_root && target.via.as_ref().is_some_and(|l| l.local) => {
            Basis::Pinned
        }
        _ => Basis::WebOfTrust,
    }
}

fn missing_text(amount: u8, m: &Missing) -> Option<String> {
    if amount >= FULL {
        return None;
    }
    let lost = m
        .revoked_roots
        .iter()
        .map(RevokedRoot::explain)
        .collect::<Vec<_>>()
        .join("; ");
    let text = if amount > 0 {
        let short = format!(
            "only {amount} of {FULL} needed: {} more from other introducers, or a pin",
            FULL - amount
        );
        match lost.is_empty() {
            true => short,
            false => format!("{short}; {lost}"),
        }
    } else if m.userid_revoked {
        "the owner of the certificate revoked this user ID".into()
    } else if !lost.is_empty() {
        lost
    } else if m.no_roots && !m.every_root_revoked.is_empty() {
        let each: Vec<String> = m
            .every_root_revoked
            .iter()
            .map(RevokedRoot::describe)
            .collect();
        format!(
            "every one of your web-of-trust roots is revoked: {}",
            each.join("; ")
        )
    } else if m.no_roots {
        "you have no web-of-trust roots: no own OpenPGP key and no `trust root`".into()
    } else if m.certifiers.is_empty() {
        "no certification from any of your roots reaches this binding, \
         and nobody in the keyring has certified it"
            .into()
    } else {
        "no certification from any of your roots reaches this binding".into()
    };
    Some(text)
}

/// "User ID (FINGERPRINT)", or the fingerprint alone.
fn step_label(step: &PathStep) -> String {
    match &step.userid {
        Some(u) => format!("{u} ({})", step.fingerprint.to_hex()),
        None => step.fingerprint.to_hex(),
    }
}

/// Converts one of sequoia-wot's paths.
pub(super) fn convert_path(
    path: &Path,
    amount: usize,
    roots: &HashMap<Fingerprint, Root>,
) -> TrustPath {
    let root = path.root();
    let root_entry = roots.get(&root.fingerprint());
    let mut steps = vec![PathStep {
        fingerprint: root.fingerprint(),
        userid: root.primary_userid().map(|u| lossy(u.userid().value())),
        via: None,
    }];
    steps.extend(path.certifications().map(|c| PathStep {
        fingerprint: c.target().fingerprint(),
        userid: c.userid().map(|u| lossy(u.value())),
        via: Some(link(c)),
    }));
    TrustPath {
        steps,
        amount: clamp(amount),
        own_root: root_entry.is_some_and(|r| r.own),
        root_amount: root_entry.map_or(FULL, |r| r.amount),
    }
}

/// Converts a certification found on the binding.
pub(super) fn certifier(c: &Certification) -> Certifier {
    Certifier {
        fingerprint: c.issuer().fingerprint(),
        name: c
            .issuer()
            .primary_userid()
            .map(|u| lossy(u.userid().value())),
        link: link(c),
    }
}

fn link(c: &Certification) -> Link {
    Link {
        amount: clamp(c.amount()),
        depth: c.depth().limit().map_or(u8::MAX, clamp),
        regexes: c
            .regular_expressions_bytes()
            .iter()
            .map(|r| lossy(r))
            .collect(),
        local: !c.exportable(),
        created: timestamp(c.creation_time()),
    }
}

fn clamp(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}
