//! Builders for web-of-trust scenarios in tests. Certificates are made
//! with sequoia's `CertBuilder`, certifications and revocations with its
//! `SignatureBuilder`, every creation time explicit: the outcome at a
//! fixed reference time never depends on the clock.

use std::time::Duration;

use sequoia_openpgp::cert::{CertBuilder, CertRevocationBuilder};
use sequoia_openpgp::crypto::KeyPair;
use sequoia_openpgp::packet::signature::SignatureBuilder;
use sequoia_openpgp::packet::{Packet, Signature, UserID};
use sequoia_openpgp::types::{ReasonForRevocation, SignatureType};
use sequoia_openpgp::{Cert, Fingerprint};

use super::{system_time, Root, WebOfTrust};
use crate::time::Timestamp;

/// When every certificate is made, unless a test says otherwise.
pub const CREATED: &str = "2025-01-01T00:00:00Z";
/// When certifications are made, unless a test says otherwise.
pub const CERTIFIED: &str = "2025-02-01T00:00:00Z";
/// The reference time of the scenarios.
pub const AT: &str = "2025-06-01T00:00:00Z";

pub fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

/// A certificate and its primary key's signer.
pub struct Party {
    pub cert: Cert,
    pub signer: KeyPair,
}

impl Party {
    /// An Ed25519 certificate with these user IDs, made at [`CREATED`],
    /// that never expires.
    pub fn new(userids: &[&str]) -> Party {
        Party::valid_for(userids, None)
    }

    /// [`Party::new`], expiring `period` after [`CREATED`] if given.
    pub fn valid_for(userids: &[&str], period: Option<Duration>) -> Party {
        let mut builder = CertBuilder::new()
            .set_creation_time(system_time(ts(CREATED)))
            .set_validity_period(period);
        for u in userids {
            builder = builder.add_userid(*u);
        }
        let (cert, _revocation) = builder.generate().unwrap();
        let signer = crate::openpgp::tests::util::primary_keypair(&cert);
        Party {
            cert: cert.strip_secret_key_material(),
            signer,
        }
    }

    pub fn fpr(&self) -> Fingerprint {
        self.cert.fingerprint()
    }

    pub fn add(&mut self, packets: Vec<Packet>) {
        self.cert = self.cert.clone().insert_packets(packets).unwrap().0;
    }

    /// Certifies `userid` on `target` as `how` says.
    pub fn certify(&mut self, target: &mut Party, userid: &str, how: &How) {
        let uid = UserID::from(userid);
        let sig = how
            .builder()
            .sign_userid_binding(&mut self.signer, target.cert.primary_key().key(), &uid)
            .unwrap();
        target.add(vec![uid.into(), sig.into()]);
    }

    /// Revokes, as of `at`, this party's certifications of `userid` on
    /// `target`.
    pub fn revoke_certification(&mut self, target: &mut Party, userid: &str, at: &str) {
        let uid = UserID::from(userid);
        let sig = SignatureBuilder::new(SignatureType::CertificationRevocation)
            .set_signature_creation_time(system_time(ts(at)))
            .unwrap()
            .set_reason_for_revocation(ReasonForRevocation::UIDRetired, b"")
            .unwrap()
            .sign_userid_binding(&mut self.signer, target.cert.primary_key().key(), &uid)
            .unwrap();
        target.add(vec![uid.into(), sig.into()]);
    }

    /// Revokes, as of `at`, one of this party's own user IDs.
    pub fn revoke_own_userid(&mut self, userid: &str, at: &str) {
        let uid = UserID::from(userid);
        let sig = SignatureBuilder::new(SignatureType::CertificationRevocation)
            .set_signature_creation_time(system_time(ts(at)))
            .unwrap()
            .set_reason_for_revocation(ReasonForRevocation::UIDRetired, b"left")
            .unwrap()
            .sign_userid_binding(&mut self.signer, None, &uid)
            .unwrap();
        self.add(vec![uid.into(), sig.into()]);
    }

    /// Revokes this party's own certificate as of `at`.
    pub fn revoke_key(&mut self, reason: ReasonForRevocation, at: &str) {
        let sig: Signature = CertRevocationBuilder::new()
            .set_signature_creation_time(system_time(ts(at)))
            .unwrap()
            .set_reason_for_revocation(reason, b"revoked in a test")
            .unwrap()
            .build(&mut self.signer, &self.cert, None)
            .unwrap();
        self.add(vec![sig.into()]);
    }
}

/// What a certification says and when it was made.
#[derive(Clone)]
pub struct How {
    created: Timestamp,
    trust: Option<(u8, u8)>,
    regex: Option<&'static str>,
    valid_for: Option<Duration>,
}

impl How {
    /// A plain certification at [`CERTIFIED`].
    pub fn plain() -> How {
        How {
            created: ts(CERTIFIED),
            trust: None,
            regex: None,
            valid_for: None,
        }
    }

    /// A trust signature of this depth and amount at [`CERTIFIED`].
    pub fn tsig(depth: u8, amount: u8) -> How {
        How {
            trust: Some((depth, amount)),
            ..How::plain()
        }
    }

    pub fn regex(self, re: &'static str) -> How {
        How {
            regex: Some(re),
            ..self
        }
    }

    pub fn made(self, at: &str) -> How {
        How {
            created: ts(at),
            ..self
        }
    }

    pub fn valid_for(self, d: Duration) -> How {
        How {
            valid_for: Some(d),
            ..self
        }
    }

    fn builder(&self) -> SignatureBuilder {
        let mut b = SignatureBuilder::new(SignatureType::GenericCertification)
            .set_signature_creation_time(system_time(self.created))
            .unwrap();
        if let Some((depth, amount)) = self.trust {
            b = b.set_trust_signature(depth, amount).unwrap();
        }
        if let Some(re) = self.regex {
            b = b.set_regular_expression(re).unwrap();
        }
        if let Some(d) = self.valid_for {
            b = b.set_signature_validity_period(d).unwrap();
        }
        b
    }
}

/// The web of trust of these parties at `at`.
pub fn network(parties: &[&Party], roots: &[Root], at: &str) -> WebOfTrust {
    let certs = parties.iter().map(|p| p.cert.clone()).collect();
    WebOfTrust::new(certs, roots, ts(at)).unwrap()
}
