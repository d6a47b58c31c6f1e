//! X.509 path validation (RFC 5280) to the user's trust anchors, with
//! revocation from imported CRLs, and the binding of a certificate to a
//! sender address.
//!
//! The work is split so that each part can be read alone:
//! - `build`: finds candidate paths from the leaf to a usable anchor;
//! - `judge`: has certval validate a candidate (RFC 5280 section 6.1) and
//!   adds the S/MIME checks certval leaves to us;
//! - `revoke`: revocation from the imported CRLs (section 6.3);
//! - `explain`: turns certval's status codes into sentences;
//! - `usage`: key usage for signing/encrypting, and sender matching.
//!
//! [`X509Validator`] parses anchors, intermediates and CRLs once and can be
//! shared across threads; [`validate`] is a one-shot wrapper.
//!
//! Who checks what (RFC 5280 section 6.1 unless noted):
//! - certval (0.2.0-rc.1): validity periods of leaf, CAs and anchor; name
//!   chaining; signatures (RSA PKCS#1 v1.5 and PSS, ECDSA P-256/P-384,
//!   Ed25519); basicConstraints cA and pathLenConstraint; keyCertSign on
//!   every CA (and a keyUsage extension on every CA, stricter than the
//!   RFC); name constraints including rfc822Name and emailAddress in the
//!   subject; certificate policies; unknown critical extensions; RSA keys of
//!   CAs at least 2048 bits; the anchor's own constraints (RFC 5937); the
//!   leaf's extendedKeyUsage (emailProtection, anyExtendedKeyUsage or none);
//!   CRL processing (section 6.3: CRL signature by the issuer's key,
//!   cRLSign, currency at the time of interest, scope, critical extensions).
//! - here: path building; domain-scoped anchors; a leaf that is itself an
//!   anchor; the extendedKeyUsage of CA certificates (must allow
//!   emailProtection when present: certval's own path-wide EKU option
//!   rejects anyExtendedKeyUsage); choosing the newest current CRL; the
//!   SPEC section 4 rule that a later revocation counts unless it is soft;
//!   the reasons.

mod build;
mod crl;
mod explain;
mod judge;
mod revoke;
mod scope;
mod usage;

#[cfg(test)]
mod openssl_ca;
#[cfg(test)]
mod testpki;
#[cfg(test)]
mod tests;

use certval::{enforce_trust_anchor_constraints, PDVCertificate, PDVTrustAnchorChoice};
use der::Encode;
use x509_cert::Certificate;

use self::build::{domain_allowed, find_paths, AnchorEntry, CaCert, Found};
use self::judge::{Checker, Outcome};
use self::revoke::Revoker;
use super::verdict::{Basis, Trust, TrustLevel};
use crate::keyring::Anchor;
use crate::time::Timestamp;

pub use self::usage::{check_usage, sender_matches, Purpose};

/// At most this many certificates from a message are considered.
const MAX_EXTRA: usize = 64;

/// What path validation may use.
pub struct X509Context<'a> {
    pub anchors: &'a [Anchor],
    /// Certificates from the keyring that may serve as intermediates.
    pub intermediates: &'a [Certificate],
    /// Imported CRLs, DER.
    pub crls: &'a [Vec<u8>],
    /// Validity, expiry and revocation are judged as of this time.
    pub time: Timestamp,
}

/// Judges the certificate `leaf`, offering `extra` (e.g. certificates from
/// the message) as intermediates. When `email` is given, a domain-scoped
/// anchor is only used if the address is in one of its domains.
///
/// Builds an [`X509Validator`] for one call; reuse a validator when judging
/// many certificates against the same keyring.
pub fn validate(
    ctx: &X509Context<'_>,
    leaf: &Certificate,
    extra: &[Certificate],
    email: Option<&str>,
) -> Trust {
    X509Validator::new(ctx).validate(leaf, extra, email)
}

/// Anchors, intermediates and CRLs parsed once, for judging many leaves at
/// one reference time. `Send + Sync`: share it across threads by reference.
///
/// It judges the binding of a key to its certificate's names only; whether
/// the key may sign or encrypt is [`check_usage`], asked separately.
pub struct X509Validator {
    anchors: Vec<AnchorEntry>,
    pool: Vec<CaCert>,
    checker: Checker,
    at: Timestamp,
}

impl X509Validator {
    pub fn new(ctx: &X509Context<'_>) -> Self {
        let checker = Checker::new(ctx.crls, ctx.time);
        let base = checker.base_settings();
        let signer_base = checker.signer_base_settings();
        let anchors: Vec<AnchorEntry> = ctx
            .anchors
            .iter()
            .filter_map(|a| anchor_entry(a, &base, &signer_base))
            .collect();
        let pool = ctx
            .intermediates
            .iter()
            .filter_map(to_pdv)
            .filter(|c| !is_anchor_key(&anchors, c))
            .map(CaCert::new)
            .collect();
        X509Validator {
            anchors,
            pool,
            checker,
            at: ctx.time,
        }
    }

    /// The reference time every judgement is made at.
    pub fn time(&self) -> Timestamp {
        self.at
    }

    /// See [`validate`].
    pub fn validate(
        &self,
        leaf: &Certificate,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        let Some(leaf_pdv) = to_pdv(leaf) else {
            return Trust::none("the certificate cannot be re-encoded for path validation");
        };
        if let Some(trust) = self.leaf_is_anchor(leaf, &leaf_pdv, email) {
            return trust;
        }
        let usable: Vec<bool> = self
            .anchors
            .iter()
            .map(|a| domain_allowed(&a.domains, email))
            .collect();
        let extra: Vec<CaCert> = extra
            .iter()
            .take(MAX_EXTRA)
            .filter_map(to_pdv)
            .map(CaCert::new)
            .collect();
        let pool: Vec<&CaCert> = self.pool.iter().chain(extra.iter()).collect();
        let found = find_paths(&leaf_pdv, &pool, &self.anchors, &usable);
        if found.candidates.is_empty() {
            return self.no_path(&found, email);
        }
        let revoker = Revoker {
            checker: &self.checker,
            anchors: &self.anchors,
            pool: &pool,
            at: self.at,
        };
        self.best_of(
            &found,
            &leaf_pdv,
            &crate::smime::cert::subject(leaf),
            &revoker,
        )
    }

    /// Judges every candidate; the first fully valid one wins, otherwise the
    /// gravest failure is reported (revoked, then expired, then untrusted).
    fn best_of(
        &self,
        found: &Found<'_>,
        leaf: &PDVCertificate,
        leaf_subject: &str,
        revoker: &Revoker<'_>,
    ) -> Trust {
        let mut worst: Option<(u8, Trust)> = None;
        for candidate in &found.candidates {
            let Some(anchor) = self.anchors.get(candidate.anchor) else {
                continue;
            };
            let (path, outcome) =
                self.checker
                    .judge(anchor, candidate, leaf, leaf_subject, revoker);
            let (rank, trust) = match outcome {
                Outcome::Full { remarks } => return full(path, &anchor.subject, remarks),
                Outcome::Revoked(why) => (3, failed(TrustLevel::Revoked, path, why)),
                Outcome::Expired(why) => (2, failed(TrustLevel::Expired, path, why)),
                Outcome::Untrusted(why) => (1, failed(TrustLevel::Untrusted, path, why)),
            };
            if worst.as_ref().is_none_or(|(r, _)| rank > *r) {
                worst = Some((rank, trust));
            }
        }
        worst
            .map(|(_, t)| t)
            .unwrap_or_else(|| Trust::none("no path to a trust anchor"))
    }

    /// A certificate the user added as an anchor is trusted as itself (same
    /// DER, not merely the same key: a different certificate with the same
    /// key could claim other addresses). It must still be within its
    /// validity period and, if scoped, be used for one of its domains.
    fn leaf_is_anchor(
        &self,
        leaf: &Certificate,
        leaf_pdv: &PDVCertificate,
        email: Option<&str>,
    ) -> Option<Trust> {
        let anchor = self.anchors.iter().find(|a| a.der == leaf_pdv.as_bytes())?;
        let subject = anchor.subject.clone();
        if !domain_allowed(&anchor.domains, email) {
            return Some(Trust::none(scope_reason(anchor, email)));
        }
        let validity = leaf.tbs_certificate().validity();
        let from = Timestamp(validity.not_before.to_unix_duration().as_secs());
        let until = Timestamp(validity.not_after.to_unix_duration().as_secs());
        if self.at < from || self.at > until {
            let why = format!(
                "anchor {subject} is not valid at {} (valid {from} to {until})",
                self.at
            );
            return Some(failed(TrustLevel::Expired, vec![subject], why));
        }
        Some(full(vec![subject.clone()], &subject, Vec::new()))
    }

    fn no_path(&self, found: &Found<'_>, email: Option<&str>) -> Trust {
        let scoped: Vec<String> = found
            .scoped_out
            .iter()
            .filter_map(|&i| self.anchors.get(i))
            .map(|a| scope_reason(a, email))
            .collect();
        if !scoped.is_empty() {
            return Trust::none(scoped.join("; "));
        }
        match &found.dead_end {
            Some((_, issuer, true)) => Trust::none(format!(
                "no path to a trust anchor (issuer: {issuer}, a root that is not a trust anchor)"
            )),
            Some((_, issuer, false)) => {
                Trust::none(format!("no path to a trust anchor (issuer: {issuer})"))
            }
            None => Trust::none("no path to a trust anchor"),
        }
    }
}

fn full(path: Vec<String>, anchor: &str, remarks: Vec<String>) -> Trust {
    let mut reason = format!("anchor {anchor}");
    for remark in remarks {
        reason.push_str("; ");
        reason.push_str(&remark);
    }
    Trust {
        level: TrustLevel::Full,
        basis: Basis::CaChain,
        path,
        amount: 120,
        reason: Some(reason),
    }
}

fn failed(level: TrustLevel, path: Vec<String>, reason: String) -> Trust {
    Trust {
        level,
        basis: Basis::CaChain,
        path,
        amount: 0,
        reason: Some(reason),
    }
}

fn scope_reason(anchor: &AnchorEntry, email: Option<&str>) -> String {
    let address = match email {
        Some(e) => format!("not for {e}"),
        None => "and no sender address was given".into(),
    };
    format!(
        "anchor {} is limited to domains {} ({address})",
        anchor.subject,
        anchor.domains.join(", ")
    )
}

/// Parses an anchor once; an anchor that does not parse is skipped (the
/// keyring only stores certificates it could parse).
fn anchor_entry(
    anchor: &Anchor,
    base: &certval::CertificationPathSettings,
    signer_base: &certval::CertificationPathSettings,
) -> Option<AnchorEntry> {
    let der = anchor.cert.to_der().ok()?;
    let ta = PDVTrustAnchorChoice::try_from(der.as_slice()).ok()?;
    let tbs = anchor.cert.tbs_certificate();
    let subject = tbs.subject().to_string();
    // RFC 5937: the anchor's own name constraints, path length and key usage
    // bound every path below it.
    let settings = enforce_trust_anchor_constraints(base, &ta).map_err(|e| {
        format!("anchor {subject} cannot issue certificates for mail (its own constraints: {e})")
    });
    let signer_settings =
        enforce_trust_anchor_constraints(signer_base, &ta).map_err(|e| e.to_string());
    Some(AnchorEntry {
        subject,
        name: tbs.subject().clone(),
        spki: tbs.subject_public_key_info().clone(),
        der,
        ta,
        settings,
        signer_settings,
        domains: anchor.domains.clone(),
    })
}

fn to_pdv(cert: &Certificate) -> Option<PDVCertificate> {
    let der = signed_der(cert)?;
    PDVCertificate::try_from(der.as_slice()).ok()
}

/// The DER of `cert` as its issuer signed it. Encoding under the RFC 5280
/// profile writes a validity date before 2050 as UTCTime (section
/// 4.1.2.5), so a certificate that came with a GeneralizedTime there (as
/// some CAs write them, and RFC 5280 path validation accepts) would no
/// longer match its signature: its validity is written back as decoded.
fn signed_der(cert: &Certificate) -> Option<Vec<u8>> {
    use der::asn1::AnyRef;
    use der::{Decode, Tag, Tagged};
    use x509_cert::time::Time;

    let der = cert.to_der().ok()?;
    let validity = cert.tbs_certificate().validity();
    let generalized = |t: &Time| matches!(t, Time::GeneralTime(_));
    if !generalized(&validity.not_before) && !generalized(&validity.not_after) {
        return Some(der);
    }
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    let outer = AnyRef::from_der(&der).ok()?;
    let mut items = tlvs(outer.value())?;
    let tbs = items.first()?.clone();
    let mut fields = tlvs(AnyRef::from_der(&tbs).ok()?.value())?;
    // TBSCertificate: [0] version (optional), serialNumber, signature,
    // issuer, validity, ...
    let version = AnyRef::from_der(fields.first()?)
        .ok()?
        .tag()
        .is_context_specific();
    let at = if version { 4 } else { 3 };
    let mut times = validity.not_before.to_der().ok()?;
    times.extend(validity.not_after.to_der().ok()?);
    *fields.get_mut(at)? = AnyRef::new(Tag::Sequence, &times).ok()?.to_der().ok()?;
    *items.first_mut()? = AnyRef::new(Tag::Sequence, &fields.concat())
        .ok()?
        .to_der()
        .ok()?;
    AnyRef::new(Tag::Sequence, &items.concat())
        .ok()?
        .to_der()
        .ok()
}

/// The encoded elements of a SEQUENCE's contents.
fn tlvs(mut content: &[u8]) -> Option<Vec<Vec<u8>>> {
    use der::{Decode, Encode};
    let mut out = Vec::new();
    while !content.is_empty() {
        let (item, rest) = der::asn1::AnyRef::from_der_partial(content).ok()?;
        out.push(item.to_der().ok()?);
        content = rest;
    }
    Some(out)
}

fn is_anchor_key(anchors: &[AnchorEntry], cert: &PDVCertificate) -> bool {
    let key = cert.decoded().tbs_certificate().subject_public_key_info();
    anchors.iter().any(|a| a.spki == *key)
}
