//! The policy every operation runs under: Sequoia's `StandardPolicy` at
//! the reference time, plus one rule of ours.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::ValidErasedKeyAmalgamation;
use openpgp::packet::{key, Packet, Signature, Tag};
use openpgp::policy::{HashAlgoSecurity, Policy, StandardPolicy};
use openpgp::types::{AEADAlgorithm, SymmetricAlgorithm};

use crate::error::Error;
use crate::time::Timestamp;

/// `StandardPolicy` evaluated at a fixed time, except that a
/// Symmetrically Encrypted Data packet (tag 9) is refused whatever the
/// time: it has no integrity protection, and the standard policy would
/// accept it for a reference time before 2004. The refusal is our own
/// [`Error::Unauthenticated`], so callers can tell it from other
/// failures.
#[derive(Debug)]
pub struct MailPolicy(StandardPolicy<'static>);

/// The policy for reference time `at`.
pub fn policy_at(at: Timestamp) -> MailPolicy {
    MailPolicy(StandardPolicy::at(system_time(at)))
}

/// A [`Timestamp`] as the `SystemTime` Sequoia takes.
pub fn system_time(at: Timestamp) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(at.unix())
}

/// A `SystemTime` from Sequoia as a [`Timestamp`] (whole seconds; times
/// before 1970 become 1970).
pub(crate) fn timestamp(t: SystemTime) -> Timestamp {
    Timestamp(t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()))
}

impl Policy for MailPolicy {
    fn signature(&self, sig: &Signature, sec: HashAlgoSecurity) -> openpgp::Result<()> {
        self.0.signature(sig, sec)
    }

    fn key(&self, ka: &ValidErasedKeyAmalgamation<key::PublicParts>) -> openpgp::Result<()> {
        self.0.key(ka)
    }

    fn symmetric_algorithm(&self, algo: SymmetricAlgorithm) -> openpgp::Result<()> {
        self.0.symmetric_algorithm(algo)
    }

    fn aead_algorithm(&self, algo: AEADAlgorithm) -> openpgp::Result<()> {
        self.0.aead_algorithm(algo)
    }

    fn packet(&self, packet: &Packet) -> openpgp::Result<()> {
        if packet.tag() == Tag::SED {
            return Err(Error::Unauthenticated(
                "a Symmetrically Encrypted Data packet (OpenPGP tag 9, no MDC)".into(),
            )
            .into());
        }
        self.0.packet(packet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_round_trip() {
        let at = Timestamp(1_780_000_000);
        assert_eq!(timestamp(system_time(at)), at);
    }
}
