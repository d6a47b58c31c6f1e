//! Judging one candidate path with certval: RFC 5280 section 6.1 path
//! validation, our extra S/MIME checks, then revocation.

use std::sync::Arc;

use certval::{
    validate_path_rfc5280, CertificationPath, CertificationPathResults, CertificationPathSettings,
    DefaultSignatureVerificationCache, PDVCertificate, PkiEnvironment, TimeOfInterest,
};
use const_oid::db::rfc5912::ID_KP_EMAIL_PROTECTION;
use spki::SubjectPublicKeyInfoOwned;

use super::build::{AnchorEntry, Candidate};
use super::crl::Crl;
use super::revoke::{Crls, Revocation, Revoker};
use super::{explain, usage};
use crate::time::Timestamp;

/// The certval environment, the CRLs and the settings shared by every
/// validation.
pub(super) struct Checker {
    /// Crypto and a cache of verified signatures (certificates and CRLs).
    pe: PkiEnvironment,
    pub crls: Crls,
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
        let mut pe = PkiEnvironment::new();
        pe.populate_5280_pki_environment();
        // Successful signature checks (certificates and CRLs) are
        // remembered, keyed by signed bytes, signature and key: batch
        // verification meets the same CA certificates and CRLs over and over.
        pe.add_signature_cache(Box::new(Arc::new(DefaultSignatureVerificationCache::new())));
        Checker {
            pe,
            crls: Crls::new(crls),
            at,
        }
    }

    /// Whether `crl` is signed with `key`.
    pub(super) fn verifies(&self, crl: &Crl, key: &SubjectPublicKeyInfoOwned) -> bool {
        let signed = &crl.signed;
        self.pe
            .verify_signature_message(
                &self.pe,
                &signed.tbs_field,
                &signed.signature,
                &signed.signature_algorithm,
                key,
            )
            .is_ok()
    }

    /// Whether the path of a CRL signer passes RFC 5280 section 6.1 at the
    /// reference time (without the e-mail checks a signer of mail needs).
    pub(super) fn signer_path_sound(&self, anchor: &AnchorEntry, path: &CertificationPath) -> bool {
        let Ok(settings) = &anchor.signer_settings else {
            return false;
        };
        let mut cpr = CertificationPathResults::new();
        validate_path_rfc5280(&self.pe, settings, path, &mut cpr).is_ok()
    }

    /// Settings for every path at `at`, before any anchor's constraints.
    pub(super) fn base_settings(&self) -> CertificationPathSettings {
        let mut cps = self.signer_base_settings();
        cps.set_extended_key_usage_from_oid_set([ID_KP_EMAIL_PROTECTION].into_iter().collect());
        cps
    }

    /// Settings for the path of a CRL signer: those of a mail signer
    /// without the e-mail extendedKeyUsage. Revocation is ours (`revoke`).
    pub(super) fn signer_base_settings(&self) -> CertificationPathSettings {
        let mut cps = CertificationPathSettings::new();
        cps.set_time_of_interest(time_of_interest(self.at));
        // We offer each candidate path with the anchor it ends in, chosen
        // from the anchors usable for this address; certval's own anchor
        // store check would ignore the domain scopes.
        cps.set_require_ta_store(false);
        cps.set_enforce_trust_anchor_constraints(true);
        cps
    }

    pub(super) fn judge(
        &self,
        anchor: &AnchorEntry,
        candidate: &Candidate<'_>,
        leaf: &PDVCertificate,
        leaf_subject: &str,
        revoker: &Revoker<'_>,
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
            Ok(settings) => self.judge_path(settings, &path, revoker, candidate.anchor),
            Err(why) => Outcome::Untrusted(why.clone()),
        };
        (names, outcome)
    }

    fn judge_path(
        &self,
        settings: &CertificationPathSettings,
        path: &CertificationPath,
        revoker: &Revoker<'_>,
        anchor: usize,
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
        let revocation = revoker.check(anchor, path);
        match (revocation, expired) {
            (Revocation::Revoked(why), _) => Outcome::Revoked(why),
            (_, Some(why)) => Outcome::Expired(why),
            (Revocation::Unknown(why), None) => Outcome::Untrusted(why),
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
        let Err(err) = validate_path_rfc5280(&self.pe, settings, path, &mut cpr) else {
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
        match validate_path_rfc5280(&self.pe, &timeless, path, &mut cpr) {
            Ok(()) => Ok(Some(expired)),
            Err(err) => {
                let (status, index) = explain::failure(&cpr, &err);
                Err(explain::structural(path, status, index))
            }
        }
    }
}

/// certval reads a time of interest of 0 as "no time checks"; the epoch
/// itself is never a meaningful reference time, so nudge it.
pub(super) fn time_of_interest(at: Timestamp) -> TimeOfInterest {
    TimeOfInterest::from_unix_secs(at.0.max(1)).unwrap_or_else(|_| TimeOfInterest::disabled())
}
