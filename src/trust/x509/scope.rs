//! Which CRLs speak for a certificate, and for which reasons (RFC 5280
//! section 6.3.3 (b) and (d)): the certificate's distribution points,
//! indirect CRLs (cRLIssuer), and the scope a CRL's issuingDistributionPoint
//! gives it.

use certval::compare_names;
use const_oid::db::rfc5280::{ID_CE_BASIC_CONSTRAINTS, ID_CE_CRL_DISTRIBUTION_POINTS};
use der::Decode;
use x509_cert::certificate::{CertificateInner, Raw};
use x509_cert::ext::pkix::crl::dp::{ReasonFlags, Reasons};
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName, GeneralNames};
use x509_cert::ext::pkix::{BasicConstraints, CrlDistributionPoints};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};

use super::crl::{Crl, Entry};

pub(super) type Cert = CertificateInner<Raw>;

/// Every reason a certificate can be revoked for (section 5.3.1); the
/// `unused` bit is not one.
pub(super) fn all_reasons() -> ReasonFlags {
    Reasons::KeyCompromise
        | Reasons::CaCompromise
        | Reasons::AffiliationChanged
        | Reasons::Superseded
        | Reasons::CessationOfOperation
        | Reasons::CertificateHold
        | Reasons::PrivilegeWithdrawn
        | Reasons::AaCompromise
}

/// A distribution point of a certificate with its names resolved.
///
/// ```text
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,
///      reasons                 [1]     ReasonFlags OPTIONAL,
///      cRLIssuer               [2]     GeneralNames OPTIONAL }
/// ```
pub(super) struct Point {
    /// The full names of the point (a name relative to the CRL issuer
    /// appended to it); empty when none is given.
    names: Vec<GeneralName>,
    reasons: ReasonFlags,
    /// The directory names of cRLIssuer; empty: the certificate's issuer
    /// issues the CRL.
    pub crl_issuers: Vec<Name>,
}

/// The distribution points to try for `cert`: those of its
/// cRLDistributionPoints extension, then the one section 6.3.3 assumes for
/// CRLs its issuer publishes without naming them (the issuer's name, all
/// reasons).
pub(super) fn points(cert: &Cert) -> Vec<Point> {
    let issuer = cert.tbs_certificate().issuer();
    let mut points: Vec<Point> =
        extension::<CrlDistributionPoints>(cert, ID_CE_CRL_DISTRIBUTION_POINTS)
            .map(|dps| dps.0)
            .unwrap_or_default()
            .into_iter()
            .map(|dp| {
                let crl_issuers = directory_names(dp.crl_issuer.as_ref());
                let base = crl_issuers.first().unwrap_or(issuer);
                Point {
                    names: resolve(dp.distribution_point.as_ref(), base),
                    reasons: dp
                        .reasons
                        .map(|r| r & all_reasons())
                        .unwrap_or_else(all_reasons),
                    crl_issuers,
                }
            })
            .collect();
    points.push(Point {
        names: vec![GeneralName::DirectoryName(issuer.clone())],
        reasons: all_reasons(),
        crl_issuers: Vec::new(),
    });
    points
}

/// The reasons for which `crl` speaks about `cert` through `point`, or why
/// it does not speak for it at all.
pub(super) fn covers(crl: &Crl, point: &Point, cert: &Cert) -> Result<ReasonFlags, &'static str> {
    let issuer = cert.tbs_certificate().issuer();
    let indirect = crl.idp.as_ref().is_some_and(|idp| idp.indirect_crl);
    if point.crl_issuers.is_empty() {
        if !compare_names(&crl.issuer, issuer) {
            return Err("it is not issued by the certificate's issuer");
        }
    } else if !point
        .crl_issuers
        .iter()
        .any(|n| compare_names(n, &crl.issuer))
    {
        return Err("it is not from the CRL issuer the certificate names");
    } else if !indirect {
        return Err("the certificate names another CRL issuer, but the CRL is not indirect");
    }
    let Some(idp) = &crl.idp else {
        return Ok(point.reasons);
    };
    if let Some(name) = &idp.distribution_point {
        let idp_names = resolve(Some(name), &crl.issuer);
        let matched = if !point.names.is_empty() {
            point
                .names
                .iter()
                .any(|a| idp_names.iter().any(|b| same_name(a, b)))
        } else {
            point.crl_issuers.iter().any(|n| {
                idp_names
                    .iter()
                    .any(|b| matches!(b, GeneralName::DirectoryName(d) if compare_names(n, d)))
            })
        };
        if !matched {
            return Err("its distribution point is not the certificate's");
        }
    }
    let ca = is_ca(cert);
    if idp.only_contains_user_certs && ca {
        return Err("it covers only end-entity certificates");
    }
    if idp.only_contains_ca_certs && !ca {
        return Err("it covers only CA certificates");
    }
    if idp.only_contains_attribute_certs {
        return Err("it covers only attribute certificates");
    }
    let reasons = idp
        .only_some_reasons
        .map(|r| r & all_reasons())
        .unwrap_or_else(all_reasons);
    Ok(reasons & point.reasons)
}

/// The entry of `crl` for `cert`, if it lists it: same serial number and,
/// on an indirect CRL, the same certificate issuer.
pub(super) fn entry_for<'c>(crl: &'c Crl, cert: &Cert) -> Option<&'c Entry> {
    let tbs = cert.tbs_certificate();
    let serial = tbs.serial_number().as_bytes();
    crl.entries.iter().find(|e| {
        e.serial == serial
            && compare_names(e.cert_issuer.as_ref().unwrap_or(&crl.issuer), tbs.issuer())
    })
}

/// Whether `cert` is a CA certificate (basicConstraints cA true).
pub(super) fn is_ca(cert: &Cert) -> bool {
    extension::<BasicConstraints>(cert, ID_CE_BASIC_CONSTRAINTS).is_some_and(|bc| bc.ca)
}

pub(super) fn extension<T: for<'a> Decode<'a>>(
    cert: &Cert,
    oid: der::asn1::ObjectIdentifier,
) -> Option<T> {
    cert.tbs_certificate()
        .extensions()?
        .iter()
        .find(|e| e.extn_id == oid)
        .and_then(|e| T::from_der(e.extn_value.as_bytes()).ok())
}

/// The full names of a distribution point name; a name relative to the
/// CRL issuer is appended to `crl_issuer` (section 4.2.1.13).
fn resolve(name: Option<&DistributionPointName>, crl_issuer: &Name) -> Vec<GeneralName> {
    match name {
        Some(DistributionPointName::FullName(names)) => names.clone(),
        Some(DistributionPointName::NameRelativeToCRLIssuer(rdn)) => {
            vec![GeneralName::DirectoryName(append(crl_issuer, rdn))]
        }
        None => Vec::new(),
    }
}

fn append(name: &Name, rdn: &RelativeDistinguishedName) -> Name {
    let mut seq: RdnSequence = name.clone().into();
    seq.push(rdn.clone());
    Name::hazmat_from_rdn_sequence(seq)
}

fn directory_names(names: Option<&GeneralNames>) -> Vec<Name> {
    names
        .into_iter()
        .flatten()
        .filter_map(|gn| match gn {
            GeneralName::DirectoryName(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

fn same_name(a: &GeneralName, b: &GeneralName) -> bool {
    match (a, b) {
        (GeneralName::DirectoryName(x), GeneralName::DirectoryName(y)) => compare_names(x, y),
        _ => a == b,
    }
}
