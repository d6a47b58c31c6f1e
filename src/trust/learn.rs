//! Learning from received mail (what Thunderbird and Outlook do): the
//! certificate of every S/MIME signature that verifies, with the chain
//! certificates the message carries for it, and the capabilities the
//! signature announces, for the cipher choice (RFC 8551 section 2.7).
//!
//! Collected while a run judges its messages, on as many threads as it
//! has, once per certificate however many messages a signer sent, and
//! kept in the keyring in one write at the end of the run
//! ([`super::TrustData::save`]). A kept certificate changes no validity:
//! trust comes from anchors and pins only.
//!
//! Kept honestly: capabilities are the signer's claim, tied to the
//! signer's certificate; of several, the newest signing time wins; a
//! signature that is bad, or rests on a digest the policy never trusts,
//! announces nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use x509_cert::Certificate;

use crate::keyring::{Announced, FromMail, Sighting};
use crate::smime::cert;
use crate::time::Timestamp;

/// How many issuers up from a signer the carried certificates are
/// followed (as far as [`crate::smime::compose::chain_for`] includes).
const MAX_CHAIN: usize = 8;

/// What a run has seen so far, by certificate fingerprint.
#[derive(Default)]
pub(crate) struct Learner {
    on: bool,
    seen: Mutex<HashMap<String, Seen>>,
}

/// One certificate: its first sighting (earliest signing time, then
/// sender, so that the note does not depend on which thread came first)
/// and, for a signer, the newest capabilities it announced.
struct Seen {
    cert: Certificate,
    first: (Timestamp, Option<String>),
    announced: Option<(Timestamp, Vec<u8>)>,
}

/// A signature that verified, as learning needs it.
pub struct Verified<'a> {
    pub cert: &'a Certificate,
    pub fingerprint: &'a str,
    /// The certificates its message carries.
    pub carried: &'a [Certificate],
    /// The message's From address, when known.
    pub sender: Option<&'a str>,
    /// The signing time, else the reference time.
    pub when: Timestamp,
    /// The smimeCapabilities it announced, when they count.
    pub capabilities: Option<&'a [u8]>,
}

impl Learner {
    pub(crate) fn new(on: bool) -> Self {
        Learner {
            on,
            seen: Mutex::new(HashMap::new()),
        }
    }

    pub(crate) fn is_on(&self) -> bool {
        self.on
    }

    /// Notes a signature that verified. The chain is looked for only the
    /// first time a signer is seen in the run: a mailbox from a few
    /// signers costs a map lookup per message.
    pub(crate) fn note(&self, v: &Verified<'_>) {
        if !self.on {
            return;
        }
        let Ok(mut seen) = self.seen.lock() else {
            return;
        };
        if let Some(known) = seen.get_mut(v.fingerprint) {
            known.merge(v);
            return;
        }
        let sighting = (v.when, v.sender.map(str::to_ascii_lowercase));
        let announced = v.capabilities.map(|c| (v.when, c.to_vec()));
        for issuer in carried_chain(v.cert, v.carried) {
            seen.entry(cert::fingerprint(issuer))
                .or_insert_with(|| Seen {
                    cert: issuer.clone(),
                    first: sighting.clone(),
                    announced: None,
                });
        }
        seen.insert(
            v.fingerprint.to_string(),
            Seen {
                cert: v.cert.clone(),
                first: sighting,
                announced,
            },
        );
    }

    /// Everything noted, for the keyring; empty afterwards.
    pub(crate) fn take(&self) -> FromMail {
        let seen = self
            .seen
            .lock()
            .map(|mut s| std::mem::take(&mut *s))
            .unwrap_or_default();
        let mut learned = FromMail::default();
        for (fingerprint, s) in seen {
            if let Some((signed_at, capabilities)) = s.announced {
                learned.announced.push(Announced {
                    fingerprint: fingerprint.clone(),
                    signed_at,
                    capabilities,
                });
            }
            learned.sightings.push(Sighting {
                fingerprint,
                cert: s.cert,
                sender: s.first.1,
                seen_at: s.first.0,
            });
        }
        learned
    }
}

impl Seen {
    /// Takes an earlier sighting and a newer announcement; copies only
    /// what it keeps (a mailbox from one signer costs no allocation per
    /// message).
    fn merge(&mut self, v: &Verified<'_>) {
        if v.when <= self.first.0 {
            let sighting = (v.when, v.sender.map(str::to_ascii_lowercase));
            if sighting < self.first {
                self.first = sighting;
            }
        }
        if let Some(caps) = v.capabilities {
            if self.announced.as_ref().is_none_or(|(at, _)| v.when > *at) {
                self.announced = Some((v.when, caps.to_vec()));
            }
        }
    }
}

/// The carried certificates that lead from `leaf` up to (not including)
/// a self-signed root: a root only counts as a trust anchor, which the
/// user adds deliberately. Other certificates a message carries are not
/// the signer's chain and are left alone.
fn carried_chain<'c>(leaf: &Certificate, carried: &'c [Certificate]) -> Vec<&'c Certificate> {
    let mut chain: Vec<&Certificate> = Vec::new();
    let mut issuer = leaf.tbs_certificate().issuer();
    if issuer == leaf.tbs_certificate().subject() {
        return chain;
    }
    for _ in 0..MAX_CHAIN {
        let Some(next) = carried.iter().find(|c| {
            c.tbs_certificate().subject() == issuer && !chain.iter().any(|k| std::ptr::eq(*k, *c))
        }) else {
            break;
        };
        if next.tbs_certificate().issuer() == next.tbs_certificate().subject() {
            break;
        }
        chain.push(next);
        issuer = next.tbs_certificate().issuer();
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::Keyring;
    use crate::smime::capabilities::Capabilities;
    use crate::smime::verify::fixture::{keys, Work};
    use crate::trust::TrustData;
    use der::DecodePem;
    use rayon::prelude::*;

    fn verified<'a>(
        cert: &'a Certificate,
        fingerprint: &'a str,
        carried: &'a [Certificate],
        when: u64,
        caps: Option<&'a [u8]>,
    ) -> Verified<'a> {
        Verified {
            cert,
            fingerprint,
            carried,
            sender: Some("Someone@Example.org"),
            when: Timestamp(when),
            capabilities: caps,
        }
    }

    #[test]
    fn a_thousand_messages_from_three_signers_are_three_certificates() {
        let Some(keys) = keys() else { return };
        let signers: Vec<(&Certificate, String)> = [&keys.rsa, &keys.p256, &keys.ed25519]
            .iter()
            .map(|f| (&f.cert, cert::fingerprint(&f.cert)))
            .collect();
        let ours = Capabilities::signed_by_us().unwrap().to_der().unwrap();
        let learner = Learner::new(true);
        (0..1000u64).into_par_iter().for_each(|i| {
            let (c, fp) = &signers[(i % 3) as usize];
            // Times 1000..2000; the capabilities of message i say i.
            let caps = [i as u8; 3];
            let announced = if i % 3 == 0 { &ours[..] } else { &caps[..] };
            learner.note(&verified(c, fp, &[], 1000 + i, Some(announced)));
        });
        let learned = learner.take();
        assert_eq!(learned.sightings.len(), 3);
        for s in &learned.sightings {
            let first = signers
                .iter()
                .position(|(_, fp)| *fp == s.fingerprint)
                .unwrap();
            // The earliest sighting is the note, lower-cased.
            assert_eq!(s.seen_at, Timestamp(1000 + first as u64));
            assert_eq!(s.sender.as_deref(), Some("someone@example.org"));
        }
        // The newest signing time wins: message 999 (rsa), 997 (p256), 998.
        let mut newest: Vec<(String, u64)> = learned
            .announced
            .iter()
            .map(|a| (a.fingerprint.clone(), a.signed_at.0 - 1000))
            .collect();
        newest.sort();
        let mut want: Vec<(String, u64)> = vec![
            (signers[0].1.clone(), 999),
            (signers[1].1.clone(), 997),
            (signers[2].1.clone(), 998),
        ];
        want.sort();
        assert_eq!(newest, want);
        assert!(learner.take().sightings.is_empty(), "taken once");
    }

    #[test]
    fn fail_nothing_is_learned_when_learning_is_off() {
        let Some(keys) = keys() else { return };
        let fp = cert::fingerprint(&keys.rsa.cert);
        let learner = Learner::default();
        learner.note(&verified(&keys.rsa.cert, &fp, &[], 1, None));
        let learned = learner.take();
        assert!(learned.sightings.is_empty() && learned.announced.is_empty());
    }

    /// root -> intermediate -> leaf, made with openssl; returns them.
    fn chain(w: &Work) -> [Certificate; 3] {
        let ca = "basicConstraints=critical,CA:true";
        w.openssl_ok(&[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "root.key",
            "-out",
            "root.pem",
            "-subj",
            "/CN=Root",
            "-addext",
            ca,
        ]);
        w.openssl_ok(&[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "int.key",
            "-out",
            "int.csr",
            "-subj",
            "/CN=Intermediate",
            "-addext",
            ca,
        ]);
        w.openssl_ok(&[
            "x509",
            "-req",
            "-in",
            "int.csr",
            "-CA",
            "root.pem",
            "-CAkey",
            "root.key",
            "-copy_extensions",
            "copy",
            "-days",
            "30",
            "-out",
            "int.pem",
        ]);
        w.openssl_ok(&[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=Leaf",
        ]);
        w.openssl_ok(&[
            "x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-days",
            "30", "-out", "leaf.pem",
        ]);
        ["root", "int", "leaf"].map(|n| Certificate::from_pem(w.read(&format!("{n}.pem"))).unwrap())
    }

    #[test]
    fn the_carried_chain_is_kept_up_to_the_root_and_nothing_else() {
        let Some(keys) = keys() else { return };
        let w = Work::new();
        let [root, int, leaf] = chain(&w);
        let unrelated = keys.p256.cert.clone();
        let carried = [root.clone(), unrelated, leaf.clone(), int.clone()];
        let learner = Learner::new(true);
        let fp = cert::fingerprint(&leaf);
        learner.note(&verified(&leaf, &fp, &carried, 5, None));
        let mut kept: Vec<String> = learner
            .take()
            .sightings
            .into_iter()
            .map(|s| s.fingerprint)
            .collect();
        kept.sort();
        let mut want = vec![fp, cert::fingerprint(&int)];
        want.sort();
        assert_eq!(kept, want);
    }

    #[test]
    fn a_run_keeps_what_it_learned_in_one_write_and_the_next_run_nothing() {
        let Some(keys) = keys() else { return };
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        let signers: Vec<(&Certificate, String)> = [&keys.rsa, &keys.p256, &keys.ed25519]
            .iter()
            .map(|f| (&f.cert, cert::fingerprint(&f.cert)))
            .collect();
        let ours = Capabilities::signed_by_us().unwrap().to_der().unwrap();
        for round in 0..2 {
            let trust = TrustData::load(&k, Timestamp(2000)).unwrap().learning(true);
            (0..1000u64).into_par_iter().for_each(|i| {
                let (c, fp) = &signers[(i % 3) as usize];
                trust.learn(&verified(c, fp, &[], 1000, Some(&ours)));
            });
            let saved = trust.save();
            assert_eq!(saved.error, None);
            let want = match round {
                0 => crate::keyring::Kept {
                    certificates: 3,
                    capabilities: 3,
                },
                _ => crate::keyring::Kept::default(),
            };
            assert_eq!(saved.from_mail, want, "round {round}");
            assert_eq!(k.all().unwrap().len(), 3);
        }
        // Kept, not trusted: no anchor, no pin.
        let trust = TrustData::load(&k, Timestamp(2000)).unwrap();
        let judged = trust.validate(&keys.rsa.cert, &[], Some("rsa@example.org"));
        assert!(!judged.is_full(), "{judged:?}");
    }
}
