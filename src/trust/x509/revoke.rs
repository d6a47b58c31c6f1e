//! Revocation from the user's imported CRLs (RFC 5280 section 6.3), through
//! certval's local revocation checker; nothing is ever fetched.
//!
//! Two passes. First with the CRLs current at the time of interest, as
//! RFC 5280 describes. Then, because certval ignores CRLs issued after that
//! time, once more as of each later CRL: SPEC section 4 honours a revocation
//! dated after the time of interest unless it is a soft one (superseded,
//! affiliationChanged, cessationOfOperation, privilegeWithdrawn), since a
//! key compromise discovered later still taints what was signed before.

use certval::{
    check_revocation_local, CertificationPath, CertificationPathResults, CertificationPathSettings,
    PathValidationStatus, PkiEnvironment, RevocationSource, TimeOfInterest,
};
use der::Decode;
use x509_cert::crl::RevokedCert;
use x509_cert::ext::pkix::CrlReason;

use super::explain;
use crate::time::Timestamp;

/// The revocation verdict on a path whose structure is sound.
pub(super) enum Revocation {
    /// Nothing in the path is revoked as far as the CRLs tell.
    NotRevoked {
        /// Certificates no usable CRL covered ("status unknown").
        unknown: Vec<String>,
        /// A later, soft revocation that was not held against the path.
        note: Option<String>,
    },
    Revoked(String),
}

/// The CRL evidence for one revoked certificate: the parts of its entry in
/// `revokedCertificates` (RFC 5280 section 5.1) that a reader needs.
///
/// ```text
/// SEQUENCE {
///     userCertificate         CertificateSerialNumber,
///     revocationDate          Time,
///     crlEntryExtensions      Extensions OPTIONAL }  -- reasonCode: 5.3.1
/// ```
struct Entry {
    date: Option<Timestamp>,
    reason: Option<CrlReason>,
}

pub(super) fn check(
    pe_now: &PkiEnvironment,
    later: &[(TimeOfInterest, PkiEnvironment)],
    settings: &CertificationPathSettings,
    path: &CertificationPath,
    at: Timestamp,
) -> Revocation {
    let mut cpr = CertificationPathResults::new();
    let unknown = match check_revocation_local(pe_now, settings, path, &mut cpr) {
        Ok(()) => Vec::new(),
        Err(e) if is_revoked(&e) => {
            let (index, entry) = revoked_entry(&cpr);
            return Revocation::Revoked(describe(path, index, &entry));
        }
        Err(_) => undetermined(&cpr, path),
    };
    let note = match check_later(later, settings, path, at) {
        Later::Revoked(why) => return Revocation::Revoked(why),
        Later::Soft(note) => Some(note),
        Later::Nothing => None,
    };
    Revocation::NotRevoked { unknown, note }
}

enum Later {
    Nothing,
    Soft(String),
    Revoked(String),
}

/// Looks for revocations on CRLs issued after the time of interest.
fn check_later(
    later: &[(TimeOfInterest, PkiEnvironment)],
    settings: &CertificationPathSettings,
    path: &CertificationPath,
    at: Timestamp,
) -> Later {
    for (when, pe) in later {
        let when = *when;
        let mut later = settings.clone();
        later.set_time_of_interest(when);
        let mut cpr = CertificationPathResults::new();
        let Err(e) = check_revocation_local(pe, &later, path, &mut cpr) else {
            continue;
        };
        if !is_revoked(&e) {
            continue;
        }
        let (index, entry) = revoked_entry(&cpr);
        let text = describe(path, index, &entry);
        let dated_after = entry.date.is_some_and(|d| d > at);
        let soft = entry.reason.is_some_and(is_soft);
        return if dated_after && soft {
            Later::Soft(format!(
                "{text}, after the time of interest {at}; a soft revocation after that time is not held against it"
            ))
        } else {
            Later::Revoked(format!("{text} (on a CRL issued after {at})"))
        };
    }
    Later::Nothing
}

fn is_revoked(e: &certval::Error) -> bool {
    matches!(
        e,
        certval::Error::PathValidation(
            PathValidationStatus::CertificateRevokedEndEntity
                | PathValidationStatus::CertificateRevokedIntermediateCa
                | PathValidationStatus::CertificateRevoked
        )
    )
}

/// The trust-anchor-first index of the revoked certificate and its CRL
/// entry as certval recorded it.
fn revoked_entry(cpr: &CertificationPathResults) -> (u32, Entry) {
    let index = cpr.get_failure_index().unwrap_or(u32::MAX);
    let entry = index
        .checked_sub(1)
        .and_then(|pos| usize::try_from(pos).ok())
        .and_then(|pos| cpr.get_crl_entry()?.get(pos)?.first().cloned())
        .and_then(|der| RevokedCert::from_der(&der).ok());
    let entry = match entry {
        Some(rc) => Entry {
            date: Some(Timestamp(rc.revocation_date.to_unix_duration().as_secs())),
            reason: reason_of(&rc),
        },
        None => Entry {
            date: None,
            reason: None,
        },
    };
    (index, entry)
}

fn reason_of(rc: &RevokedCert) -> Option<CrlReason> {
    let exts = rc.crl_entry_extensions.as_ref()?;
    let ext = exts
        .iter()
        .find(|e| e.extn_id == <CrlReason as const_oid::AssociatedOid>::OID)?;
    CrlReason::from_der(ext.extn_value.as_bytes()).ok()
}

fn describe(path: &CertificationPath, index: u32, entry: &Entry) -> String {
    let who = explain::role(path, index);
    let date = entry.date.map(|d| format!(" on {d}")).unwrap_or_default();
    let reason = entry
        .reason
        .map(|r| format!(" (reason: {})", reason_name(r)))
        .unwrap_or_default();
    format!("{who} was revoked{date}{reason}")
}

/// Certificates whose status no CRL settled, by subject.
fn undetermined(cpr: &CertificationPathResults, path: &CertificationPath) -> Vec<String> {
    let sources = cpr.get_revocation_source().unwrap_or_default();
    sources
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == RevocationSource::None)
        .filter_map(|(pos, _)| u32::try_from(pos + 1).ok())
        .map(|index| explain::subject_at(path, index))
        .collect()
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
