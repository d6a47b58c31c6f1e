//! Revocation from the user's imported CRLs (RFC 5280 section 6.3);
//! nothing is ever fetched.
//!
//! For each certificate of a path, every CRL of the keyring that speaks
//! for it is used (section 6.3.3): complete CRLs of its issuer or of the
//! cRLIssuer its distribution points name (indirect CRLs, with their
//! certificateIssuer entries), within the scope of their
//! issuingDistributionPoint, together with a current delta CRL, each
//! verified with the key of a valid certificate of its issuer: the
//! certificate's issuer in the path, or another certificate of the same
//! name with cRLSign whose own path ends in the same anchor (a separate
//! CRL signing key). The status is known once the CRLs used cover every
//! reason.
//!
//! Time: a CRL counts when it is current at the time of interest, or when
//! it was issued later and the certificate was still unexpired then (it
//! would have listed a revocation; an absent entry means none happened
//! before). SPEC section 4: a revocation on a later CRL counts unless it is
//! a soft one (superseded, affiliationChanged, cessationOfOperation,
//! privilegeWithdrawn) dated after the time of interest.
//!
//! The rule: when the keyring holds a CRL of a certificate's issuer, of
//! its cRLIssuer, or of any CA above it in the path (the anchor included),
//! its status must be established, or the path is not fully valid
//! ("revocation status unknown: ..."). Where no such CRL exists at all the
//! gap is only named in the reason.

use std::collections::HashMap;
use std::sync::Mutex;

use certval::{compare_names, CertificationPath, PDVCertificate};
use const_oid::db::rfc5280::ID_CE_KEY_USAGE;
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::ext::pkix::crl::dp::ReasonFlags;
use x509_cert::ext::pkix::{CrlReason, KeyUsage};
use x509_cert::name::Name;

use super::build::{find_paths, AnchorEntry, CaCert};
use super::crl::{number_less, Crl, Entry};
use super::explain;
use super::judge::Checker;
use super::scope::{self, all_reasons, Cert};
use crate::time::Timestamp;

/// How deep CRL signers are followed: the signer of a CRL, the signer of
/// the CRL about that signer, ...
const MAX_SIGNER_DEPTH: usize = 3;

/// The revocation verdict on a path whose structure is sound.
pub(super) enum Revocation {
    /// Nothing in the path is revoked as far as the CRLs tell.
    NotRevoked {
        /// Certificates whose status no CRL settles where the keyring has
        /// no CRL to settle it with ("status unknown", named only).
        unknown: Vec<String>,
        /// A later, soft revocation that was not held against the path.
        note: Option<String>,
    },
    /// A certificate is revoked.
    Revoked(String),
    /// The keyring holds CRLs for the path, but they do not establish
    /// the status of a certificate.
    Unknown(String),
}

/// The CRLs of the keyring, parsed once, and the CRL signers validated so
/// far (by signer certificate and anchor).
pub(super) struct Crls {
    list: Vec<Crl>,
    signers: Mutex<HashMap<(Vec<u8>, usize), bool>>,
}

impl Crls {
    pub fn new(ders: &[Vec<u8>]) -> Crls {
        Crls {
            // Not a CRL: ignored, as a file that is not one would be.
            list: ders.iter().filter_map(|d| Crl::parse(d)).collect(),
            signers: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the keyring holds any CRL issued under `name`.
    fn any_from(&self, name: &Name) -> bool {
        self.list.iter().any(|c| compare_names(&c.issuer, name))
    }
}

/// What one validation may use to judge revocation: the CRLs, the
/// anchors, and the certificates that may be CRL signers.
pub(super) struct Revoker<'a> {
    pub checker: &'a Checker,
    pub anchors: &'a [AnchorEntry],
    pub pool: &'a [&'a CaCert],
    pub at: Timestamp,
}

/// A certificate that signs other certificates or CRLs in a path: the
/// anchor or a CA certificate.
struct Above<'p> {
    name: &'p Name,
    spki: &'p SubjectPublicKeyInfoOwned,
    /// Whether keyUsage (if present) allows cRLSign.
    crl_sign: bool,
}

/// The status of one certificate.
enum Status {
    Good { note: Option<String> },
    Revoked(String),
    Unknown(String),
}

/// Why a status could not be established, collected over the CRLs tried.
#[derive(Default)]
struct Gaps(Vec<String>);

impl Gaps {
    fn add(&mut self, why: String) {
        if !self.0.contains(&why) {
            self.0.push(why);
        }
    }
}

impl Revoker<'_> {
    /// Judges every certificate of `path` (ending in anchor `anchor`).
    pub fn check(&self, anchor: usize, path: &CertificationPath) -> Revocation {
        self.check_path(anchor, path, &mut Vec::new())
    }

    fn check_path(
        &self,
        anchor: usize,
        path: &CertificationPath,
        signers: &mut Vec<Vec<u8>>,
    ) -> Revocation {
        let Some(anchor_entry) = self.anchors.get(anchor) else {
            return Revocation::Unknown("the trust anchor is gone".into());
        };
        let mut above = vec![anchor_above(anchor_entry)];
        let mut required = self.checker.crls.any_from(&anchor_entry.name);
        let certs: Vec<&PDVCertificate> = path
            .intermediates
            .iter()
            .chain(std::iter::once(&path.target))
            .collect();
        let mut unknown = Vec::new();
        let mut note = None;
        for (pos, pdv) in certs.iter().enumerate() {
            let cert = pdv.decoded();
            let points = scope::points(cert);
            required = required
                || self.checker.crls.any_from(cert.tbs_certificate().issuer())
                || points
                    .iter()
                    .flat_map(|p| &p.crl_issuers)
                    .any(|n| self.checker.crls.any_from(n));
            let index = u32::try_from(pos + 1).unwrap_or(u32::MAX);
            match self.status(cert, &points, &above, anchor, signers) {
                Status::Good { note: n } => note = note.or(n.map(|n| who(path, index, n))),
                Status::Revoked(what) => return Revocation::Revoked(who(path, index, what)),
                Status::Unknown(why) if required => {
                    return Revocation::Unknown(format!(
                        "revocation status unknown: {why} (for {})",
                        explain::role(path, index)
                    ))
                }
                Status::Unknown(_) => unknown.push(explain::subject_at(path, index)),
            }
            above.push(Above {
                name: cert.tbs_certificate().subject(),
                spki: cert.tbs_certificate().subject_public_key_info(),
                crl_sign: allows_crl_sign(cert),
            });
        }
        Revocation::NotRevoked { unknown, note }
    }

    /// Section 6.3.3 for one certificate, with `above` the anchor and the
    /// CA certificates above it in the path, its issuer last.
    fn status(
        &self,
        cert: &Cert,
        points: &[scope::Point],
        above: &[Above<'_>],
        anchor: usize,
        signers: &mut Vec<Vec<u8>>,
    ) -> Status {
        let at = self.at.0;
        let not_after = cert
            .tbs_certificate()
            .validity()
            .not_after
            .to_unix_duration()
            .as_secs();
        let mut gaps = Gaps::default();
        let mut covered = ReasonFlags::default();
        let mut soft = None;
        for point in points {
            for crl in self.checker.crls.list.iter().filter(|c| !c.is_delta()) {
                let Ok(reasons) = scope::covers(crl, point, cert) else {
                    continue;
                };
                let issuer = crl.issuer.to_string();
                if let Some(why) = crl.unusable {
                    gaps.add(format!("the CRL of {issuer} cannot be used ({why})"));
                    continue;
                }
                let later = crl.this_update > at;
                if !(crl.current_at(at) || (later && crl.this_update <= not_after)) {
                    gaps.add(format!("no CRL of {issuer} is current at {}", self.at));
                    continue;
                }
                let signer = match self.crl_signer(crl, above, anchor, signers) {
                    Ok(key) => key,
                    Err(why) => {
                        gaps.add(format!("the CRL of {issuer} {why}"));
                        continue;
                    }
                };
                let delta = (!later).then(|| self.delta_for(crl, &signer)).flatten();
                match listed(crl, delta, cert) {
                    Some(entry) if entry.date > at && entry.reason.is_some_and(is_soft) => {
                        soft = Some(format!(
                            "{}, after the time of interest {}; a soft revocation after that time is not held against it",
                            revoked_text(entry),
                            self.at
                        ));
                    }
                    Some(entry) => {
                        let mut text = revoked_text(entry);
                        if later {
                            text.push_str(&format!(" (on a CRL issued after {})", self.at));
                        }
                        return Status::Revoked(text);
                    }
                    None => {}
                }
                covered |= reasons;
            }
        }
        if covered.contains(all_reasons()) {
            return Status::Good { note: soft };
        }
        if covered.bits() != 0 {
            gaps.add("the CRLs that cover it leave some revocation reasons out".into());
        }
        if gaps.0.is_empty() {
            gaps.add(format!(
                "no CRL of {} covers it",
                cert.tbs_certificate().issuer()
            ));
        }
        Status::Unknown(gaps.0.join("; "))
    }

    /// The key that signed `crl`, if it belongs to a valid certificate of
    /// the CRL's issuer that may sign CRLs (section 6.3.3 (f), (g)).
    fn crl_signer(
        &self,
        crl: &Crl,
        above: &[Above<'_>],
        anchor: usize,
        signers: &mut Vec<Vec<u8>>,
    ) -> Result<SubjectPublicKeyInfoOwned, &'static str> {
        let mut why = "does not verify with the key of any valid certificate of its issuer";
        // The anchor and the CA certificates of the path are valid already.
        for a in above
            .iter()
            .rev()
            .filter(|a| compare_names(a.name, &crl.issuer))
        {
            if self.checker.verifies(crl, a.spki) {
                if a.crl_sign {
                    return Ok(a.spki.clone());
                }
                why = "is signed by a key whose certificate does not allow cRLSign";
            }
        }
        for ca in self
            .pool
            .iter()
            .filter(|ca| compare_names(ca.pdv.decoded().tbs_certificate().subject(), &crl.issuer))
        {
            let spki = ca.pdv.decoded().tbs_certificate().subject_public_key_info();
            if !self.checker.verifies(crl, spki) {
                continue;
            }
            if !allows_crl_sign(ca.pdv.decoded()) {
                why = "is signed by a key whose certificate does not allow cRLSign";
                continue;
            }
            if self.signer_valid(ca, anchor, signers) {
                return Ok(spki.clone());
            }
            why = "is signed by a certificate of its issuer that is not valid";
        }
        Err(why)
    }

    /// Whether the CRL signer `ca` has a valid, unrevoked path to `anchor`.
    /// A signer whose status is being established further up (its own CRL
    /// speaks for it) counts as valid there.
    fn signer_valid(&self, ca: &CaCert, anchor: usize, signers: &mut Vec<Vec<u8>>) -> bool {
        let der = ca.pdv.as_bytes().to_vec();
        if signers.contains(&der) {
            return true;
        }
        if signers.len() >= MAX_SIGNER_DEPTH {
            return false;
        }
        let key = (der.clone(), anchor);
        if let Some(known) = self
            .checker
            .crls
            .signers
            .lock()
            .ok()
            .and_then(|m| m.get(&key).copied())
        {
            return known;
        }
        let usable: Vec<bool> = (0..self.anchors.len()).map(|i| i == anchor).collect();
        let found = find_paths(&ca.pdv, self.pool, self.anchors, &usable);
        signers.push(der);
        let valid = found.candidates.iter().any(|candidate| {
            let Some(entry) = self.anchors.get(candidate.anchor) else {
                return false;
            };
            let path = CertificationPath::new(
                entry.ta.clone(),
                candidate.chain.iter().map(|c| c.pdv.clone()).collect(),
                ca.pdv.clone(),
            );
            self.checker.signer_path_sound(entry, &path)
                && matches!(
                    self.check_path(candidate.anchor, &path, signers),
                    Revocation::NotRevoked { .. }
                )
        });
        signers.pop();
        if let Ok(mut m) = self.checker.crls.signers.lock() {
            m.insert(key, valid);
        }
        valid
    }

    /// The newest current delta CRL for the complete CRL `base`, signed
    /// with the same key (section 6.3.3 (c), (h); 5.2.4).
    fn delta_for(&self, base: &Crl, key: &SubjectPublicKeyInfoOwned) -> Option<&Crl> {
        let number = base.number.as_deref()?;
        self.checker
            .crls
            .list
            .iter()
            .filter(|d| {
                d.unusable.is_none()
                    && d.current_at(self.at.0)
                    && compare_names(&d.issuer, &base.issuer)
                    && d.idp_der == base.idp_der
                    && (d.aki.is_none() || base.aki.is_none() || d.aki == base.aki)
                    && d.delta_base
                        .as_deref()
                        .is_some_and(|b| !number_less(number, b))
                    && d.number.as_deref().is_some_and(|n| number_less(number, n))
            })
            .filter(|d| self.checker.verifies(d, key))
            .max_by_key(|d| d.this_update)
    }
}

/// The entry that says `cert` is revoked, from the delta CRL first
/// (section 6.3.3 (i)-(k)); removeFromCRL lifts a hold.
fn listed<'c>(crl: &'c Crl, delta: Option<&'c Crl>, cert: &Cert) -> Option<&'c Entry> {
    let entry = delta
        .and_then(|d| scope::entry_for(d, cert))
        .or_else(|| scope::entry_for(crl, cert))?;
    (entry.reason != Some(CrlReason::RemoveFromCRL)).then_some(entry)
}

fn anchor_above(anchor: &AnchorEntry) -> Above<'_> {
    let crl_sign =
        certval::get_certificate_from_trust_anchor(anchor.ta.decoded()).is_none_or(allows_crl_sign);
    Above {
        name: &anchor.name,
        spki: &anchor.spki,
        crl_sign,
    }
}

/// RFC 5280 6.3.3 (f): a keyUsage extension, if present, must allow cRLSign.
fn allows_crl_sign(cert: &Cert) -> bool {
    scope::extension::<KeyUsage>(cert, ID_CE_KEY_USAGE).is_none_or(|ku| ku.crl_sign())
}

fn who(path: &CertificationPath, index: u32, what: String) -> String {
    format!("{} {what}", explain::role(path, index))
}

/// "was revoked on D (reason: R)".
fn revoked_text(entry: &Entry) -> String {
    let reason = entry
        .reason
        .map(|r| format!(" (reason: {})", reason_name(r)))
        .unwrap_or_default();
    format!("was revoked on {}{reason}", Timestamp(entry.date))
}

/// Reasons that say the key is fine but the certificate is no longer
/// wanted: a revocation for them does not reach back in time.
fn is_soft(reason: CrlReason) -> bool {
    matches!(
        reason,
        CrlReason::AffiliationChanged
            | CrlReason::Superseded
            | CrlReason::CessationOfOperation
            | CrlReason::PrivilegeWithdrawn
    )
}

/// The RFC 5280 section 5.3.1 name of a reason code.
fn reason_name(reason: CrlReason) -> &'static str {
    match reason {
        CrlReason::Unspecified => "unspecified",
        CrlReason::KeyCompromise => "keyCompromise",
        CrlReason::CaCompromise => "cACompromise",
        CrlReason::AffiliationChanged => "affiliationChanged",
        CrlReason::Superseded => "superseded",
        CrlReason::CessationOfOperation => "cessationOfOperation",
        CrlReason::CertificateHold => "certificateHold",
        CrlReason::RemoveFromCRL => "removeFromCRL",
        CrlReason::PrivilegeWithdrawn => "privilegeWithdrawn",
        CrlReason::AaCompromise => "aACompromise",
    }
}
