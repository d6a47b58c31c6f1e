//! CRLs as revocation checking reads them (RFC 5280 section 5): parsed
//! once per validator, with what section 6.3 needs of each.
//!
//! ```text
//! CertificateList  ::=  SEQUENCE  {
//!      tbsCertList          TBSCertList,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```

use certval::DeferDecodeSigned;
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_CERTIFICATE_ISSUER, ID_CE_CRL_NUMBER, ID_CE_CRL_REASONS,
    ID_CE_DELTA_CRL_INDICATOR, ID_CE_FRESHEST_CRL, ID_CE_HOLD_INSTRUCTION_CODE,
    ID_CE_INVALIDITY_DATE, ID_CE_ISSUER_ALT_NAME, ID_CE_ISSUING_DISTRIBUTION_POINT,
    ID_PE_AUTHORITY_INFO_ACCESS,
};
use der::asn1::Uint;
use der::Decode;
use x509_cert::certificate::Raw;
use x509_cert::crl::{CertificateList, RevokedCert};
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, CrlReason};
use x509_cert::ext::Extension;
use x509_cert::name::Name;

/// CRL extensions this module understands (RFC 5280 section 5.2); a
/// critical one outside this list makes the CRL unusable.
const KNOWN_CRL_EXTENSIONS: &[der::asn1::ObjectIdentifier] = &[
    ID_CE_AUTHORITY_KEY_IDENTIFIER,
    ID_CE_ISSUER_ALT_NAME,
    ID_CE_CRL_NUMBER,
    ID_CE_DELTA_CRL_INDICATOR,
    ID_CE_ISSUING_DISTRIBUTION_POINT,
    ID_CE_FRESHEST_CRL,
    ID_PE_AUTHORITY_INFO_ACCESS,
];

/// CRL entry extensions it understands (section 5.3).
const KNOWN_ENTRY_EXTENSIONS: &[der::asn1::ObjectIdentifier] = &[
    ID_CE_CRL_REASONS,
    ID_CE_HOLD_INSTRUCTION_CODE,
    ID_CE_INVALIDITY_DATE,
    ID_CE_CERTIFICATE_ISSUER,
];

/// One CRL, complete or delta.
pub(super) struct Crl {
    pub issuer: Name,
    pub this_update: u64,
    pub next_update: Option<u64>,
    /// cRLNumber, as unsigned big-endian bytes without leading zeros.
    pub number: Option<Vec<u8>>,
    /// BaseCRLNumber of a delta CRL (section 5.2.4); `None` for a complete one.
    pub delta_base: Option<Vec<u8>>,
    pub idp: Option<IssuingDistributionPoint>,
    /// The IDP extension value as it was encoded, to compare a delta CRL's
    /// scope with its complete CRL's.
    pub idp_der: Option<Vec<u8>>,
    /// The key identifier of the authorityKeyIdentifier extension.
    pub aki: Option<Vec<u8>>,
    /// Why no certificate may be judged by this CRL, if so: a critical
    /// extension, in the CRL or an entry, that is not understood.
    pub unusable: Option<&'static str>,
    pub entries: Vec<Entry>,
    /// The signed part, the algorithm and the signature, for verification.
    pub signed: DeferDecodeSigned,
}

/// One entry of `revokedCertificates`:
///
/// ```text
/// SEQUENCE {
///     userCertificate         CertificateSerialNumber,
///     revocationDate          Time,
///     crlEntryExtensions      Extensions OPTIONAL }
/// ```
pub(super) struct Entry {
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    /// The issuer of the certificate the entry is for, when the
    /// certificateIssuer extension of this or an earlier entry of an
    /// indirect CRL names one (section 5.3.3); `None`: the CRL issuer.
    pub cert_issuer: Option<Name>,
    pub date: u64,
    pub reason: Option<CrlReason>,
}

impl Crl {
    pub fn parse(der: &[u8]) -> Option<Crl> {
        let crl = CertificateList::<Raw>::from_der(der).ok()?;
        let signed = DeferDecodeSigned::from_der(der).ok()?;
        let tbs = crl.tbs_cert_list;
        let mut parsed = Crl {
            issuer: tbs.issuer.clone(),
            this_update: tbs.this_update.to_unix_duration().as_secs(),
            next_update: tbs.next_update.map(|t| t.to_unix_duration().as_secs()),
            number: None,
            delta_base: None,
            idp: None,
            idp_der: None,
            aki: None,
            unusable: None,
            entries: Vec::new(),
            signed,
        };
        for ext in tbs.crl_extensions.iter().flatten() {
            parsed.read_extension(ext);
        }
        let indirect = parsed.idp.as_ref().is_some_and(|idp| idp.indirect_crl);
        let mut current_issuer: Option<Name> = None;
        for rc in tbs.revoked_certificates.iter().flatten() {
            match read_entry(rc, indirect, &mut current_issuer) {
                Some(entry) => parsed.entries.push(entry),
                None => parsed.unusable = Some("an entry has an unknown critical extension"),
            }
        }
        Some(parsed)
    }

    fn read_extension(&mut self, ext: &Extension) {
        let value = ext.extn_value.as_bytes();
        let understood = match ext.extn_id {
            ID_CE_CRL_NUMBER => Uint::from_der(value)
                .map(|n| self.number = Some(unsigned(n.as_bytes())))
                .is_ok(),
            ID_CE_DELTA_CRL_INDICATOR => Uint::from_der(value)
                .map(|n| self.delta_base = Some(unsigned(n.as_bytes())))
                .is_ok(),
            ID_CE_ISSUING_DISTRIBUTION_POINT => IssuingDistributionPoint::from_der(value)
                .map(|idp| {
                    self.idp = Some(idp);
                    self.idp_der = Some(value.to_vec());
                })
                .is_ok(),
            ID_CE_AUTHORITY_KEY_IDENTIFIER => {
                if let Ok(aki) = AuthorityKeyIdentifier::from_der(value) {
                    self.aki = aki.key_identifier.map(|k| k.as_bytes().to_vec());
                }
                true
            }
            id => KNOWN_CRL_EXTENSIONS.contains(&id),
        };
        if !understood && ext.critical {
            self.unusable = Some("it has an unknown critical extension");
        }
    }

    pub fn is_delta(&self) -> bool {
        self.delta_base.is_some()
    }

    /// Whether the CRL is current at `at`: issued by then, next update not
    /// passed. A CRL without nextUpdate (which section 5.1.2.5 requires)
    /// is never current.
    pub fn current_at(&self, at: u64) -> bool {
        self.this_update <= at && self.next_update.is_some_and(|n| at <= n)
    }
}

/// An entry, or `None` when it has a critical extension we do not
/// understand (the whole CRL is then unusable, section 5.3).
/// `current_issuer` carries the certificateIssuer of an indirect CRL from
/// entry to entry.
fn read_entry(
    rc: &RevokedCert<Raw>,
    indirect: bool,
    current_issuer: &mut Option<Name>,
) -> Option<Entry> {
    let mut reason = None;
    for ext in rc.crl_entry_extensions.iter().flatten() {
        match ext.extn_id {
            ID_CE_CRL_REASONS => reason = CrlReason::from_der(ext.extn_value.as_bytes()).ok(),
            ID_CE_CERTIFICATE_ISSUER if indirect => {
                *current_issuer = directory_name(ext.extn_value.as_bytes());
            }
            // A certificateIssuer on a CRL that does not say it is
            // indirect: the entry cannot be placed.
            ID_CE_CERTIFICATE_ISSUER => return None,
            id if ext.critical && !KNOWN_ENTRY_EXTENSIONS.contains(&id) => return None,
            _ => {}
        }
    }
    Some(Entry {
        serial: rc.serial_number.as_bytes().to_vec(),
        cert_issuer: current_issuer.clone(),
        date: rc.revocation_date.to_unix_duration().as_secs(),
        reason,
    })
}

/// The first directoryName of a GeneralNames value.
fn directory_name(der: &[u8]) -> Option<Name> {
    GeneralNames::from_der(der)
        .ok()?
        .into_iter()
        .find_map(|gn| match gn {
            GeneralName::DirectoryName(n) => Some(n),
            _ => None,
        })
}

/// Big-endian bytes without leading zeros, so numbers compare as byte
/// strings of equal length.
pub(super) fn unsigned(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes[start..].to_vec()
}

/// `a < b` for numbers as [`unsigned`] gives them.
pub(super) fn number_less(a: &[u8], b: &[u8]) -> bool {
    (a.len(), a) < (b.len(), b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(unsigned(&[0, 0, 5]), vec![5]);
        assert!(number_less(&unsigned(&[0, 9]), &unsigned(&[1, 0])));
        assert!(!number_less(&[2], &[2]));
        assert!(number_less(&[], &[1]));
    }

    #[test]
    fn garbage_is_not_a_crl() {
        assert!(Crl::parse(b"not a crl").is_none());
    }
}
