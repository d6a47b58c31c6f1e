//! Path building: from a leaf upward through candidate CA certificates to
//! the user's trust anchors (RFC 4158 in its simplest form: issuer name to
//! subject name, bounded).
//!
//! certval's own builder ([`certval::CertSource`]) wants its CA pool indexed
//! and its partial paths computed ahead of time, drops CA certificates that
//! are expired at the time of interest and only ever offers paths whose
//! signatures already verify. Certificates carried in each message change the
//! pool per call, and we want "expired" and "bad signature" reported as such
//! rather than as "no path", so we enumerate candidates ourselves and let
//! certval judge each one.

use std::sync::OnceLock;

use certval::{compare_names, PDVCertificate, PDVTrustAnchorChoice};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::name::Name;

/// At most this many CA certificates between leaf and anchor.
const MAX_DEPTH: usize = 6;
/// At most this many complete candidate paths are judged.
const MAX_CANDIDATES: usize = 8;
/// At most this many certificates are visited while searching, so a message
/// carrying many certificates with one issuer name cannot blow up the search.
const MAX_VISITS: usize = 256;

/// A trust anchor as the validator keeps it: parsed once, with the path
/// settings that its own constraints (RFC 5937) produce.
pub(super) struct AnchorEntry {
    pub subject: String,
    pub der: Vec<u8>,
    pub name: Name,
    pub spki: SubjectPublicKeyInfoOwned,
    pub ta: PDVTrustAnchorChoice,
    /// Path settings with the anchor's constraints applied, or why the
    /// anchor cannot issue certificates at all.
    pub settings: Result<certval::CertificationPathSettings, String>,
    /// The same for the path of a CRL signer (no e-mail usage required).
    pub signer_settings: Result<certval::CertificationPathSettings, String>,
    /// Mail domains it is trusted for; empty means all.
    pub domains: Vec<String>,
}

/// A CA certificate that may appear in a path, with its subject as text
/// worked out once, when first needed (name formatting looks every
/// attribute type up by OID and is not cheap).
pub(super) struct CaCert {
    pub pdv: PDVCertificate,
    subject: OnceLock<String>,
}

impl CaCert {
    pub fn new(pdv: PDVCertificate) -> Self {
        CaCert {
            pdv,
            subject: OnceLock::new(),
        }
    }

    pub fn subject(&self) -> &str {
        self.subject
            .get_or_init(|| self.pdv.decoded().tbs_certificate().subject().to_string())
    }
}

/// One complete path to judge.
pub(super) struct Candidate<'a> {
    pub anchor: usize,
    /// CA certificates, the one issued by the anchor first.
    pub chain: Vec<&'a CaCert>,
}

/// What a search found: candidate paths, or clues to why there are none.
#[derive(Default)]
pub(super) struct Found<'a> {
    pub candidates: Vec<Candidate<'a>>,
    /// The issuer name at the end of the longest dead end, and whether the
    /// certificate that names it is self-issued (a root of its own).
    pub dead_end: Option<(usize, String, bool)>,
    /// Anchors whose name matched but which `usable` ruled out.
    pub scoped_out: Vec<usize>,
}

/// Searches paths from `leaf` to the anchors marked usable.
pub(super) fn find_paths<'a>(
    leaf: &'a PDVCertificate,
    pool: &[&'a CaCert],
    anchors: &[AnchorEntry],
    usable: &[bool],
) -> Found<'a> {
    let mut search = Search {
        pool,
        anchors,
        usable,
        found: Found::default(),
        visits: 0,
    };
    let mut chain = Vec::new();
    search.walk(leaf, leaf, &mut chain);
    let mut found = search.found;
    found.candidates.sort_by_key(|c| c.chain.len());
    found.scoped_out.sort_unstable();
    found.scoped_out.dedup();
    found
}

struct Search<'s, 'a> {
    pool: &'s [&'a CaCert],
    anchors: &'s [AnchorEntry],
    usable: &'s [bool],
    found: Found<'a>,
    visits: usize,
}

impl<'a> Search<'_, 'a> {
    /// `chain` holds the CA certificates above the leaf found so far, the
    /// leaf's issuer first.
    fn walk(&mut self, leaf: &PDVCertificate, cert: &PDVCertificate, chain: &mut Vec<&'a CaCert>) {
        if self.visits >= MAX_VISITS || self.found.candidates.len() >= MAX_CANDIDATES {
            return;
        }
        self.visits += 1;
        let issuer = cert.decoded().tbs_certificate().issuer();
        let mut matched = self.match_anchors(issuer, chain);
        if chain.len() < MAX_DEPTH {
            let pool = self.pool;
            for ca in pool.iter().copied() {
                if self.is_candidate_issuer(ca, issuer, leaf, chain) {
                    matched = true;
                    chain.push(ca);
                    self.walk(leaf, &ca.pdv, chain);
                    chain.pop();
                }
            }
        }
        if !matched {
            self.note_dead_end(cert, chain.len());
        }
    }

    /// Records a candidate for every usable anchor named `issuer`; returns
    /// whether any anchor had that name.
    fn match_anchors(&mut self, issuer: &Name, chain: &[&'a CaCert]) -> bool {
        let mut matched = false;
        for (index, anchor) in self.anchors.iter().enumerate() {
            if !compare_names(&anchor.name, issuer) {
                continue;
            }
            matched = true;
            if self.usable.get(index).copied().unwrap_or(false) {
                self.found.candidates.push(Candidate {
                    anchor: index,
                    chain: chain.iter().rev().copied().collect(),
                });
            } else {
                self.found.scoped_out.push(index);
            }
        }
        matched
    }

    /// A pool certificate may issue the current one if its subject is the
    /// issuer name and its key is not already on the path (no loops), is not
    /// the leaf's, and is not an anchor's: an anchor's key is trusted only as
    /// the anchor, within the domains the user gave it, never through a
    /// cross-certificate that would widen them.
    fn is_candidate_issuer(
        &self,
        ca: &CaCert,
        issuer: &Name,
        leaf: &PDVCertificate,
        chain: &[&'a CaCert],
    ) -> bool {
        let tbs = ca.pdv.decoded().tbs_certificate();
        if !compare_names(tbs.subject(), issuer) {
            return false;
        }
        let key = tbs.subject_public_key_info();
        let same_key =
            |c: &PDVCertificate| c.decoded().tbs_certificate().subject_public_key_info() == key;
        !same_key(leaf)
            && !chain.iter().any(|c| same_key(&c.pdv))
            && !self.anchors.iter().any(|a| a.spki == *key)
    }

    fn note_dead_end(&mut self, cert: &PDVCertificate, depth: usize) {
        let deeper = match &self.found.dead_end {
            Some((d, _, _)) => depth > *d,
            None => true,
        };
        if deeper {
            let tbs = cert.decoded().tbs_certificate();
            let self_issued = compare_names(tbs.subject(), tbs.issuer());
            self.found.dead_end = Some((depth, tbs.issuer().to_string(), self_issued));
        }
    }
}

/// Whether a scoped anchor may vouch for `email`: its domain equals one of
/// `domains` or is a subdomain of one. An anchor without domains is usable
/// for everything; a scoped one never without an address.
pub(super) fn domain_allowed(domains: &[String], email: Option<&str>) -> bool {
    if domains.is_empty() {
        return true;
    }
    email.is_some_and(|e| domains.iter().any(|d| crate::mime::in_domain(e, d)))
}

#[cfg(test)]
mod tests {
    use super::domain_allowed;

    #[test]
    fn domains_match_exactly_or_as_parent() {
        let d = vec!["example.org".to_string()];
        assert!(domain_allowed(&d, Some("a@example.org")));
        assert!(domain_allowed(&d, Some("a@Mail.Example.ORG")));
        assert!(!domain_allowed(&d, Some("a@badexample.org")));
        assert!(!domain_allowed(&d, Some("a@example.org.evil.test")));
        assert!(!domain_allowed(&d, None));
        assert!(!domain_allowed(&d, Some("no-at-sign")));
        assert!(domain_allowed(&[], None));
    }
}
