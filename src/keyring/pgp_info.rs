//! What a listing says about an OpenPGP certificate at a reference time:
//! its user IDs and addresses, creation and expiry, and whether it is
//! expired or revoked, judged with sequoia's standard policy as of that
//! time. Expired and revoked certificates stay in the keyring; this is
//! how they are reported.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sequoia_openpgp::cert::{Cert, ValidCert};
use sequoia_openpgp::policy::StandardPolicy;
use sequoia_openpgp::types::RevocationStatus;

use crate::time::Timestamp;

/// A certificate as of one reference time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgpInfo {
    /// The primary user ID at that time, else the first one. Untrusted:
    /// display through [`crate::safe::Safe`].
    pub primary_userid: Option<String>,
    pub userids: Vec<String>,
    pub created: Timestamp,
    /// When the primary key expires; `None`: never, or unknown because
    /// no self-signature is valid.
    pub expires: Option<Timestamp>,
    pub expired: bool,
    pub revoked: bool,
    /// Created after the reference time.
    pub not_yet_valid: bool,
    /// Whether a self-signature binds the primary key at that time under
    /// the policy (false also for not yet valid certificates).
    pub bound: bool,
}

impl PgpInfo {
    /// One word for the listing: the worst that applies.
    pub fn status(&self) -> &'static str {
        if self.revoked {
            "revoked"
        } else if self.expired {
            "expired"
        } else if self.not_yet_valid {
            "not yet valid"
        } else if !self.bound {
            "invalid"
        } else {
            "valid"
        }
    }
}

/// Describes `cert` as of `at`.
pub fn info(cert: &Cert, at: Timestamp) -> PgpInfo {
    let t = system_time(at);
    let policy = StandardPolicy::at(t);
    let created = timestamp(cert.primary_key().key().creation_time());
    let valid = cert.with_policy(&policy, t);
    // A certificate not valid at `at` still has an expiry to show.
    let expires = match &valid {
        Ok(vc) => expiry(vc),
        Err(_) => cert
            .with_policy(&policy, system_time(created))
            .ok()
            .and_then(|vc| expiry(&vc)),
    };
    PgpInfo {
        primary_userid: primary_userid(cert, at),
        userids: cert.userids().map(|u| lossy(u.userid().value())).collect(),
        created,
        expires,
        expired: expires.is_some_and(|e| e <= at),
        revoked: matches!(
            cert.revocation_status(&policy, t),
            RevocationStatus::Revoked(_)
        ),
        not_yet_valid: created > at,
        bound: valid.is_ok(),
    }
}

fn expiry(vc: &ValidCert<'_>) -> Option<Timestamp> {
    vc.primary_key().key_expiration_time().map(timestamp)
}

/// The primary user ID valid at `at`, else the first user ID.
pub fn primary_userid(cert: &Cert, at: Timestamp) -> Option<String> {
    let t = system_time(at);
    let policy = StandardPolicy::at(t);
    cert.with_policy(&policy, t)
        .ok()
        .and_then(|vc| vc.primary_userid().ok().map(|u| lossy(u.userid().value())))
        .or_else(|| cert.userids().next().map(|u| lossy(u.userid().value())))
}

/// Lower-cased addresses of every user ID, sorted, without duplicates:
/// what the address index holds. Validity is judged by whoever looks up.
pub fn emails(cert: &Cert) -> Vec<String> {
    let mut out: Vec<String> = cert
        .userids()
        .filter_map(|u| u.userid().email().ok().flatten().map(str::to_lowercase))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Whole seconds since the epoch; times before it count as the epoch.
pub fn timestamp(t: SystemTime) -> Timestamp {
    Timestamp(t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()))
}

pub fn system_time(t: Timestamp) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(t.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sequoia_openpgp::cert::CertBuilder;

    const DAY: u64 = 86_400;

    #[test]
    fn reports_expiry_and_revocation_at_the_reference_time() {
        let created = Timestamp(1_767_225_600); // 2026-01-01
        let (cert, rev) = CertBuilder::general_purpose(Some("A <A@Example.org>"))
            .set_creation_time(system_time(created))
            .set_validity_period(Duration::from_secs(30 * DAY))
            .generate()
            .unwrap();
        let early = info(&cert, Timestamp(created.0 + DAY));
        assert_eq!(early.status(), "valid");
        assert_eq!(early.expires, Some(Timestamp(created.0 + 30 * DAY)));
        assert_eq!(early.primary_userid.as_deref(), Some("A <A@Example.org>"));
        assert_eq!(emails(&cert), vec!["a@example.org"]);

        let late = info(&cert, Timestamp(created.0 + 31 * DAY));
        assert!(late.expired && !late.revoked && late.bound);
        assert_eq!(late.status(), "expired");
        assert_eq!(
            info(&cert, Timestamp(created.0 - 1)).status(),
            "not yet valid"
        );

        let (revoked, _) = cert.insert_packets(rev).unwrap();
        let r = info(&revoked, Timestamp(created.0 + 31 * DAY));
        assert!(r.revoked && r.expired);
        assert_eq!(r.status(), "revoked");
    }
}
