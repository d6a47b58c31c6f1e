//! A persistent cache of full-trust decisions, so encrypting to a hundred
//! recipients or re-checking a mailbox does not re-validate every path in
//! every run (gpg keeps its trustdb for the same reason).
//!
//! A cached decision is used only when
//! - it was computed from the same anchors, CA certificates and CRLs (a
//!   digest of them tags every row; any import or removal changes it),
//! - for the same signer, address and offered intermediates, and
//! - the reference time lies in its window: from the time it was computed
//!   up to the first moment anything it rests on could change: a
//!   certificate or anchor expiring, a CRL's nextUpdate, a revocation that
//!   takes effect later, and at most one day.
//!
//! Only `Full` decisions are stored; everything else is recomputed.

use der::Decode;
use sha2::{Digest, Sha256};
use x509_cert::crl::CertificateList;
use x509_cert::Certificate;

use super::verdict::Trust;
use crate::keyring::cache::CacheRow;
use crate::keyring::Anchor;
use crate::smime::cert;
use crate::time::Timestamp;

/// Longest time a decision is reused.
const MAX_AGE: u64 = 24 * 3600;

/// What decisions rest on: the digest of the inputs and the time until
/// which none of them changes on its own.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub digest: String,
    pub stable_until: Timestamp,
}

impl Inputs {
    /// `certs` are every certificate's fingerprint and notAfter (any of
    /// them may be an intermediate, so any change counts).
    pub fn new(
        anchors: &[Anchor],
        certs: &[(String, i64)],
        crls: &[Vec<u8>],
        at: Timestamp,
    ) -> Inputs {
        let mut parts: Vec<String> = anchors
            .iter()
            .map(|a| format!("anchor {} {}", a.fingerprint, a.domains.join(",")))
            .chain(certs.iter().map(|(fp, _)| format!("cert {fp}")))
            .chain(
                crls.iter()
                    .map(|d| format!("crl {}", cert::hex_upper(&Sha256::digest(d)))),
            )
            .collect();
        parts.sort();
        let digest = cert::hex_upper(&Sha256::digest(parts.join("\n")));
        let mut until = Timestamp(at.0.saturating_add(MAX_AGE));
        for a in anchors {
            until = until.min(cert::validity(&a.cert).1);
        }
        // The first expiry still ahead; certificates already expired do
        // not change any more.
        for (_, not_after) in certs {
            let t = Timestamp(u64::try_from(*not_after).unwrap_or(0));
            if t > at {
                until = until.min(t);
            }
        }
        for d in crls {
            until = until.min(crl_stable_until(d, at));
        }
        Inputs {
            digest,
            stable_until: until,
        }
    }
}

/// A CRL's nextUpdate, or the earliest revocation in it that takes effect
/// after `at`, whichever comes first.
fn crl_stable_until(der: &[u8], at: Timestamp) -> Timestamp {
    let Ok(crl) = CertificateList::<x509_cert::certificate::Rfc5280>::from_der(der) else {
        return Timestamp(u64::MAX);
    };
    let tbs = &crl.tbs_cert_list;
    let secs = |t: x509_cert::time::Time| Timestamp(t.to_unix_duration().as_secs());
    let mut until = tbs.next_update.map(secs).unwrap_or(Timestamp(u64::MAX));
    for entry in tbs.revoked_certificates.iter().flatten() {
        let when = secs(entry.revocation_date);
        if when > at {
            until = until.min(when);
        }
    }
    until
}

/// The cache key of one decision, for the leaf with this fingerprint.
/// None when a certificate cannot be encoded: such a decision is not
/// cached, rather than filed under a key another certificate could share.
pub fn key(leaf: &str, extra: &[Certificate], email: Option<&str>) -> Option<String> {
    let fingerprint = |c: &Certificate| Some(cert::fingerprint(c)).filter(|f| !f.is_empty());
    if leaf.is_empty() {
        return None;
    }
    let mut key = format!("{leaf}|{}", email.unwrap_or(""));
    for c in extra {
        key.push('|');
        key.push_str(&fingerprint(c)?);
    }
    Some(key)
}

/// The row to store for a decision made at `at`, if it may be stored.
pub fn row(
    key: String,
    trust: &Trust,
    leaf: &Certificate,
    inputs: &Inputs,
    at: Timestamp,
) -> Option<CacheRow> {
    if !trust.is_full() {
        return None;
    }
    let until = inputs.stable_until.min(cert::validity(leaf).1);
    if until <= at {
        return None;
    }
    Some(CacheRow {
        key,
        value: serde_json::to_string(trust).ok()?,
        valid_from: i64::try_from(at.0).ok()?,
        valid_until: i64::try_from(until.0).ok()?,
    })
}

/// A stored decision, if it applies at `at`.
pub fn usable(row: &CacheRow, at: Timestamp) -> Option<Trust> {
    let at = i64::try_from(at.0).ok()?;
    if row.valid_from <= at && at <= row.valid_until {
        serde_json::from_str(&row.value).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::verdict::{Basis, TrustLevel};

    fn full() -> Trust {
        Trust {
            level: TrustLevel::Full,
            basis: Basis::CaChain,
            path: vec!["CN=a".into(), "CN=CA".into()],
            amount: 120,
            reason: None,
        }
    }

    fn leaf() -> Certificate {
        // openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 36500 (fuzz seed)
        Certificate::from_der(include_bytes!("../../fuzz/seeds/p256-cert.der")).unwrap()
    }

    #[test]
    fn only_full_decisions_are_stored_within_their_window() {
        let inputs = Inputs {
            digest: "D".into(),
            stable_until: Timestamp(2_000),
        };
        let row = row("k".into(), &full(), &leaf(), &inputs, Timestamp(1_000)).unwrap();
        assert_eq!((row.valid_from, row.valid_until), (1_000, 2_000));
        assert!(usable(&row, Timestamp(1_500)).is_some_and(|t| t.is_full()));
        assert!(
            usable(&row, Timestamp(999)).is_none(),
            "not before it was computed"
        );
        assert!(
            usable(&row, Timestamp(2_001)).is_none(),
            "not after its inputs may change"
        );
        let mut expired = full();
        expired.level = TrustLevel::Expired;
        assert!(super::row("k".into(), &expired, &leaf(), &inputs, Timestamp(1_000)).is_none());
    }

    #[test]
    fn inputs_digest_changes_with_crls_and_anchors() {
        let at = Timestamp(1_000);
        let a = Inputs::new(&[], &[], &[], at);
        let b = Inputs::new(&[], &[], &[b"not a crl".to_vec()], at);
        assert_ne!(a.digest, b.digest);
        assert_eq!(a.stable_until, Timestamp(1_000 + MAX_AGE));
    }
}
