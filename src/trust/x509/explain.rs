//! Plain-language reasons for what certval reports about a path.
//!
//! certval answers with a [`PathValidationStatus`] and the index of the
//! certificate that failed (trust anchor first: 0 is the anchor, then the
//! CA certificates, then the leaf). These functions turn that into a
//! sentence naming the certificate and, where it helps, the dates.

use certval::{CertificationPath, CertificationPathResults, PathValidationStatus};
use x509_cert::certificate::{CertificateInner, Raw};

use crate::time::Timestamp;

/// The subject of the certificate at a trust-anchor-first index.
pub(super) fn subject_at(path: &CertificationPath, index: u32) -> String {
    match cert_at(path, index) {
        Some(cert) => cert.tbs_certificate().subject().to_string(),
        None if index == 0 => anchor_subject(path),
        None => "a certificate in the path".into(),
    }
}

/// The certificate at a trust-anchor-first index; `None` for the anchor
/// (which may be a bare TrustAnchorInfo) or an index out of range.
fn cert_at(path: &CertificationPath, index: u32) -> Option<&CertificateInner<Raw>> {
    let index = usize::try_from(index).ok()?;
    let ca_count = path.intermediates.len();
    if index == 0 {
        certval::get_certificate_from_trust_anchor(path.trust_anchor.decoded())
    } else if index <= ca_count {
        path.intermediates.get(index - 1).map(|c| c.decoded())
    } else if index == ca_count + 1 {
        Some(path.target.decoded())
    } else {
        None
    }
}

fn anchor_subject(path: &CertificationPath) -> String {
    certval::get_trust_anchor_name(path.trust_anchor.decoded())
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "the trust anchor".into())
}

/// The failure status and index certval left in `cpr`, falling back to the
/// error it returned.
pub(super) fn failure(
    cpr: &CertificationPathResults,
    err: &certval::Error,
) -> (PathValidationStatus, u32) {
    let status = match (cpr.get_validation_status(), err) {
        (Some(s), _)
            if s != PathValidationStatus::NotYetValidated && s != PathValidationStatus::Valid =>
        {
            s
        }
        (_, certval::Error::PathValidation(s)) => *s,
        _ => PathValidationStatus::EncodingError,
    };
    (status, cpr.get_failure_index().unwrap_or(u32::MAX))
}

pub(super) fn is_validity_failure(status: PathValidationStatus) -> bool {
    matches!(
        status,
        PathValidationStatus::InvalidNotBeforeDate | PathValidationStatus::InvalidNotAfterDate
    )
}

/// "certificate X expired on D (valid A to B; judged at T)".
pub(super) fn validity(path: &CertificationPath, index: u32, at: Timestamp) -> String {
    let who = role(path, index);
    let Some(cert) = cert_at(path, index) else {
        return format!("{who} is not valid at {at}");
    };
    let validity = cert.tbs_certificate().validity();
    let from = Timestamp(validity.not_before.to_unix_duration().as_secs());
    let until = Timestamp(validity.not_after.to_unix_duration().as_secs());
    let what = if at < from {
        format!("is not valid before {from}")
    } else {
        format!("expired on {until}")
    };
    format!("{who} {what} (valid {from} to {until}; judged at {at})")
}

/// A sentence for a structural failure of the path.
pub(super) fn structural(
    path: &CertificationPath,
    status: PathValidationStatus,
    index: u32,
) -> String {
    use PathValidationStatus as S;
    let who = role(path, index);
    let is_leaf = usize::try_from(index).is_ok_and(|i| i == path.intermediates.len() + 1);
    match status {
        S::SignatureVerificationFailure => format!(
            "the signature on {who} does not verify with its issuer's key {}",
            issuer_hint(path, index)
        ),
        S::NameChainingFailure => format!("{who} does not name the certificate above it as its issuer"),
        S::MissingBasicConstraints => format!("{who} issued a certificate but has no basicConstraints extension"),
        S::InvalidBasicConstraints => format!("{who} issued a certificate but is not a CA (basicConstraints)"),
        S::InvalidPathLength => format!("the path is longer than the basicConstraints pathLenConstraint allows at {who}"),
        S::InvalidKeyUsage if is_leaf => format!("{who} does not allow emailProtection (extendedKeyUsage)"),
        S::InvalidKeyUsage => format!("{who} may not issue certificates (keyUsage lacks keyCertSign, or extendedKeyUsage excludes e-mail)"),
        S::NameConstraintsViolation => format!("{who} violates the name constraints of the CAs above it"),
        S::UnprocessedCriticalExtension => format!("{who} has a critical extension that is not understood"),
        S::NullPolicySet | S::InvalidPolicyMapping => format!("certificate policy processing failed at {who}"),
        S::InsufficientKeySize => format!("{who} has an RSA key shorter than 2048 bits"),
        S::EncodingError => format!("{who} is malformed (an extension or algorithm could not be decoded)"),
        S::ProcessingLimitExceeded => format!("{who} exceeds a processing limit"),
        other => format!("path validation failed at {who}: {other}"),
    }
}

/// "certificate CN=X" / "CA certificate CN=X" / "anchor CN=X".
pub(super) fn role(path: &CertificationPath, index: u32) -> String {
    let subject = subject_at(path, index);
    let is_leaf = usize::try_from(index).is_ok_and(|i| i == path.intermediates.len() + 1);
    if index == 0 {
        format!("anchor {subject}")
    } else if is_leaf {
        format!("certificate {subject}")
    } else {
        format!("CA certificate {subject}")
    }
}

fn issuer_hint(path: &CertificationPath, index: u32) -> String {
    match index.checked_sub(1) {
        Some(above) => format!("({})", subject_at(path, above)),
        None => String::new(),
    }
}
