//! Judging one candidate path with certval: RFC 5280 section 6.1 path
//! validation, our extra S/MIME checks, then revocation.

use std::sync::Arc;

use certval::{
    validate_path_rfc5280, CertificationPath, CertificationPathResults, CertificationPathSettings,
    DefaultSignatureVerificationCache, MemoryCrlSource, PDVCertificate, PathValidationStatus,
    PkiEnvironment, RevocationCache, RevocationStatusCache, SubjectNameAndKey, TimeOfInterest,
};
use const_oid::db::rfc5912::ID_KP_EMAIL_PROTECTION;
use der::Decode;
use x509_cert::crl::CertificateList;

use super::build::{AnchorEntry, Candidate};
use super::revoke::{self, Revocation};
use super::{explain, usage};
use crate::time::Timestamp;

/// At most this many later CRL issue times are consulted for revocations
/// dated after the time of interest.
const MAX_LATER_TIMES: usize = 8;

/// The certval environments and settings shared by every validation.
pub(super) struct Checker {
    /// Crypto, CRLs, signature cache and revocation cache, for `at`.
    now: PkiEnvironment,
    /// One environment per later CRL issue time, each with its own
    /// revocation cache, since a cached answer holds for one time only.
    later: Vec<(TimeOfInterest, PkiEnvironment)>,
    at: Timestamp,
}

/// What a candidate path came to.
pub(super) enum Outcome {
    Full { remarks: Vec<String> },
    Revoked(String),
    Expired(String),
    Untrusted(String),
}

impl Checker {
    pub(super) fn new(crls: &[Vec<u8>], at: Timestamp) -> Self {
        let store = MemoryCrlSource::new();
        for der in newest_first(crls) {
            // Not a CRL: ignored, as a file that is not one would be.
            let _ = store.add(der);
        }
        let signatures = Arc::new(DefaultSignatureVerificationCache::new());
        let later = later_crl_times(crls, at)
            .into_iter()
            .map(|when| (when, environment(&store, &signatures)))
            .collect();
        Checker {
            now: environment(&store, &signatures),
            later,
            at,
        }
    }

    /// Settings for every path at `at`, before any anchor's constraints.
    pub(super) fn base_settings(&self) -> CertificationPathSettings {
        let mut cps = CertificationPathSettings::new();
        cps.set_time_of_interest(time_of_interest(self.at));
        // We offer each candidate path with the anchor it ends in, chosen
        // from the anchors usable for this address; certval's own anchor
        // store check would ignore the domain scopes.
        cps.set_require_ta_store(false);
        cps.set_enforce_trust_anchor_constraints(true);
        cps.set_extended_key_usage_from_oid_set([ID_KP_EMAIL_PROTECTION].into_iter().collect());
        cps.set_check_revocation_status(true);
        cps.set_check_crls(true);
        cps
    }

    pub(super) fn judge(
        &self,
        anchor: &AnchorEntry,
        candidate: &Candidate<'_>,
        leaf: &PDVCertificate,
        leaf_subject: &str,
    ) -> (Vec<String>, Outcome) {
        let path = CertificationPath::new(
            anchor.ta.clone(),
            candidate.chain.iter().map(|c| c.pdv.clone()).collect(),
            leaf.clone(),
        );
        let mut names = vec![leaf_subject.to_string()];
        names.extend(
            candidate
                .chain
                .iter()
                .rev()
                .map(|c| c.subject().to_string()),
        );
        names.push(anchor.subject.clone());
        let outcome = match &anchor.settings {
            Ok(settings) => self.judge_path(settings, &path),
            Err(why) => Outcome::Untrusted(why.clone()),
        };
        (names, outcome)
    }

    fn judge_path(
        &self,
        settings: &CertificationPathSettings,
        path: &CertificationPath,
    ) -> Outcome {
        let expired = match self.structure(settings, path) {
            Ok(expired) => expired,
            Err(why) => return Outcome::Untrusted(why),
        };
        if let Some(ca) = path
            .intermediates
            .iter()
            .find(|c| !usage::ca_allows_email(c.decoded()))
        {
            return Outcome::Untrusted(format!(
                "CA certificate {} does not allow emailProtection (extendedKeyUsage)",
                ca.decoded().tbs_certificate().subject()
            ));
        }
        let revocation = revoke::check(&self.now, &self.later, settings, path, self.at);
        match (revocation, expired) {
            (Revocation::Revoked(why), _) => Outcome::Revoked(why),
            (_, Some(why)) => Outcome::Expired(why),
            (Revocation::NotRevoked { unknown, note }, None) => {
                let mut remarks = Vec::new();
                if !unknown.is_empty() {
                    remarks.push(format!(
                        "revocation status unknown (no current CRL) for {}",
                        unknown.join(", ")
                    ));
                }
                remarks.extend(note);
                Outcome::Full { remarks }
            }
        }
    }

    /// RFC 5280 6.1 checks. `Ok(Some(why))` when the only fault is a
    /// validity period: the path is judged again with time checks off, so
    /// an expired path with a bad signature is reported as the latter.
    fn structure(
        &self,
        settings: &CertificationPathSettings,
        path: &CertificationPath,
    ) -> Result<Option<String>, String> {
        let mut cpr = CertificationPathResults::new();
        let Err(err) = validate_path_rfc5280(&self.now, settings, path, &mut cpr) else {
            return Ok(None);
        };
        let (status, index) = explain::failure(&cpr, &err);
        if !explain::is_validity_failure(status) {
            return Err(explain::structural(path, status, index));
        }
        let expired = explain::validity(path, index, self.at);
        let mut timeless = settings.clone();
        timeless.set_time_of_interest(TimeOfInterest::disabled());
        let mut cpr = CertificationPathResults::new();
        match validate_path_rfc5280(&self.now, &timeless, path, &mut cpr) {
            Ok(()) => Ok(Some(expired)),
            Err(err) => {
                let (status, index) = explain::failure(&cpr, &err);
                Err(explain::structural(path, status, index))
            }
        }
    }
}

fn environment(
    crls: &MemoryCrlSource,
    signatures: &Arc<DefaultSignatureVerificationCache>,
) -> PkiEnvironment {
    let mut pe = PkiEnvironment::new();
    pe.populate_5280_pki_environment();
    pe.add_crl_source(Box::new(crls.clone()));
    // Successful signature checks (certificates and CRLs) are remembered,
    // keyed by signed bytes, signature and key: batch verification meets
    // the same CA certificates and CRLs over and over.
    pe.add_signature_cache(Box::new(Arc::clone(signatures)));
    pe.add_revocation_cache(Box::new(NotRevokedCache::default()));
    pe
}

/// certval's revocation cache, remembering only "not revoked". A revoked
/// status served from the cache comes without the CRL entry, and the entry
/// (date, reason) is what the report and the soft-revocation rule need;
/// revoked certificates are rare enough to look up afresh.
#[derive(Default)]
struct NotRevokedCache(RevocationCache);

impl RevocationStatusCache for NotRevokedCache {
    fn get_status(
        &self,
        cert: &PDVCertificate,
        issuer: &dyn SubjectNameAndKey,
        time_of_interest: TimeOfInterest,
    ) -> PathValidationStatus {
        self.0.get_status(cert, issuer, time_of_interest)
    }

    fn add_status(
        &self,
        cert: &PDVCertificate,
        issuer: &dyn SubjectNameAndKey,
        next_update: u64,
        status: PathValidationStatus,
    ) {
        if status == PathValidationStatus::Valid {
            self.0.add_status(cert, issuer, next_update, status);
        }
    }
}

/// certval reads a time of interest of 0 as "no time checks"; the epoch
/// itself is never a meaningful reference time, so nudge it.
pub(super) fn time_of_interest(at: Timestamp) -> TimeOfInterest {
    TimeOfInterest::from_unix_secs(at.0.max(1)).unwrap_or_else(|_| TimeOfInterest::disabled())
}

/// The CRLs, newest first. certval settles a certificate's status with the
/// first current CRL its source offers, and the source offers them in the
/// order they were added; without this, an older CRL that is still current
/// would hide a revocation listed on a newer one. Undecodable ones are left
/// out.
fn newest_first(crls: &[Vec<u8>]) -> Vec<&Vec<u8>> {
    let mut dated: Vec<(u64, &Vec<u8>)> = crls
        .iter()
        .filter_map(|der| {
            let crl = CertificateList::<x509_cert::certificate::Raw>::from_der(der).ok()?;
            Some((
                crl.tbs_cert_list.this_update.to_unix_duration().as_secs(),
                der,
            ))
        })
        .collect();
    dated.sort_by_key(|d| std::cmp::Reverse(d.0));
    dated.into_iter().map(|(_, der)| der).collect()
}

/// The issue times of CRLs newer than `at`, newest first: for each issuer
/// its newest CRL, which is current at its own thisUpdate.
fn later_crl_times(crls: &[Vec<u8>], at: Timestamp) -> Vec<TimeOfInterest> {
    let mut newest: Vec<(String, u64)> = Vec::new();
    for der in crls {
        let Ok(crl) = CertificateList::<x509_cert::certificate::Raw>::from_der(der) else {
            continue;
        };
        let issued = crl.tbs_cert_list.this_update.to_unix_duration().as_secs();
        if issued <= at.0 {
            continue;
        }
        let issuer = crl.tbs_cert_list.issuer.to_string();
        match newest.iter_mut().find(|(name, _)| *name == issuer) {
            Some((_, time)) => *time = (*time).max(issued),
            None => newest.push((issuer, issued)),
        }
    }
    let mut times: Vec<u64> = newest.into_iter().map(|(_, t)| t).collect();
    times.sort_unstable_by(|a, b| b.cmp(a));
    times.dedup();
    times
        .into_iter()
        .take(MAX_LATER_TIMES)
        .filter_map(|t| TimeOfInterest::from_unix_secs(t).ok())
        .collect()
}
