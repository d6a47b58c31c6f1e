//! Judgements of OpenPGP certificates as encryption recipients, kept in
//! the keyring between runs: encrypting to a hundred correspondents again
//! then parses no certificate and checks no self-signature (gpg's trustdb
//! and `sq`'s certificate cache are kept for the same reason).
//!
//! A judgement says, of one certificate and one address: the certificate
//! is valid, alive and not revoked, the address is in a bound, unrevoked
//! user ID, and these are the encryption keys to use. It depends on the
//! certificate and the reference time only, never on the user's trust
//! settings: whether the binding is fully valid is decided afresh each
//! run (own key, pin or full root, see [`crate::trust`]); a binding that
//! needs the web of trust is judged in full as always.
//!
//! A judgement holds from the time it was made up to the first moment at
//! which the certificate could say something else on its own: the
//! creation or expiry of any of its signatures, the creation of any key
//! or its expiry under any of its signatures, and at most a day. It is
//! made at both ends of that window and kept only when both agree (the
//! policy's cut-off dates for weak algorithms are the one thing that can
//! change in between). Writing the certificate deletes its judgements,
//! and only positive judgements are kept: a refusal is always worked out
//! again, and explained.

use std::time::SystemTime;

use sequoia_openpgp as openpgp;

use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::packet::{Key, Packet, Signature};
use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::serialize::Marshal;
use openpgp::{Cert, Fingerprint};

use super::ciphers::Ciphers;
use super::encrypt::{recipient_keys, RecipientKeys};
use super::policy::timestamp;
use crate::keyring::{JudgedRecipient, StoredPgpCert};
use crate::time::Timestamp;
use crate::trust::shortcut::bound_userid;

/// Tags every judgement: another version of the program (perhaps another
/// policy) judges again. The number after it goes up whenever what a
/// judgement says, or how it is made, changes.
/// Judgement 2 added the symmetric algorithms the certificate lists.
pub const JUDGED_BY: &str = concat!("mailseal ", env!("CARGO_PKG_VERSION"), " judgement 2");

/// Longest time a judgement is reused.
const MAX_AGE: u64 = 24 * 3600;

/// The judgement of `stored` as a recipient for `email` (lower-cased) at
/// `at`, if it is positive and holds for a while. `now` are the keys the
/// caller chose at `at` without `--trust-any` (they are not chosen again).
pub fn judge(
    stored: &StoredPgpCert,
    email: &str,
    at: Timestamp,
    now: &RecipientKeys,
) -> Option<JudgedRecipient> {
    let until = stable_until(&stored.cert, at);
    let last = Timestamp(until.0.checked_sub(1)?);
    if last < at {
        return None;
    }
    bound_userid(&stored.cert, email, at)?;
    let first = serialized(now)?;
    if serialized(&keys_at(&stored.cert, email, last)?)? != first {
        return None;
    }
    let (keys, seipd_v2, ciphers) = first;
    Some(JudgedRecipient {
        fingerprint: stored.fingerprint.clone(),
        email: email.to_string(),
        cert_sha256: stored.stored_sha256,
        created: created(&stored.cert),
        keys,
        seipd_v2,
        ciphers,
        valid_from: i64::try_from(at.unix()).ok()?,
        valid_until: i64::try_from(until.unix()).ok()?,
    })
}

/// The keys a judgement names, ready to encrypt to; `None` if they no
/// longer parse (the judgement is then ignored).
pub fn keys(judged: &JudgedRecipient) -> Option<RecipientKeys> {
    let fingerprint: Fingerprint = judged.fingerprint.parse().ok()?;
    let mut keys = Vec::new();
    let mut ppr = PacketParser::from_bytes(&judged.keys).ok()?;
    while let PacketParserResult::Some(pp) = ppr {
        let (packet, next) = pp.next().ok()?;
        keys.push(public_key(packet)?);
        ppr = next;
    }
    if keys.is_empty() {
        return None;
    }
    Some(RecipientKeys {
        fingerprint,
        keys,
        seipd_v2: judged.seipd_v2,
        ciphers: Ciphers::from_bits(judged.ciphers),
        hidden: false,
    })
}

fn public_key(packet: Packet) -> Option<Key<PublicParts, UnspecifiedRole>> {
    match packet {
        Packet::PublicKey(k) => Some(k.role_into_unspecified()),
        Packet::PublicSubkey(k) => Some(k.role_into_unspecified()),
        _ => None,
    }
}

/// The keys to encrypt to when the certificate can be encrypted to at `t`
/// without `--trust-any` and binds `email` then.
fn keys_at(cert: &Cert, email: &str, t: Timestamp) -> Option<RecipientKeys> {
    let (chosen, expired) = recipient_keys(cert, false, false, t).ok()?;
    if expired.is_some() {
        return None;
    }
    bound_userid(cert, email, t)?;
    Some(chosen)
}

/// The keys as binary key packets, one after the other, SEIPD v2
/// support and the symmetric algorithms listed: what a judgement stores.
fn serialized(chosen: &RecipientKeys) -> Option<(Vec<u8>, bool, u32)> {
    let mut keys = Vec::new();
    for key in &chosen.keys {
        Packet::from(key.clone().role_into_subordinate())
            .serialize(&mut keys)
            .ok()?;
    }
    Some((keys, chosen.seipd_v2, chosen.ciphers.bits()))
}

/// The first moment after `at` at which the certificate's own content
/// could change how it is judged, or a day after `at`.
fn stable_until(cert: &Cert, at: Timestamp) -> Timestamp {
    time_events(cert)
        .into_iter()
        .map(Timestamp)
        .filter(|t| *t > at)
        .fold(Timestamp(at.0.saturating_add(MAX_AGE)), Timestamp::min)
}

/// Every time (Unix seconds) at which something in the certificate
/// starts or ends: key creation, signature creation and expiry, and each
/// key validity period a signature states, counted from every key's
/// creation (more moments than needed, never fewer).
fn time_events(cert: &Cert) -> Vec<u64> {
    let created: Vec<u64> = cert
        .keys()
        .map(|k| seconds(k.key().creation_time()))
        .collect();
    let mut sigs: Vec<&Signature> = Vec::new();
    for k in cert.keys() {
        sigs.extend(k.signatures());
    }
    for u in cert.userids() {
        sigs.extend(u.signatures());
    }
    for a in cert.user_attributes() {
        sigs.extend(a.signatures());
    }
    for u in cert.unknowns() {
        sigs.extend(u.signatures());
    }
    let mut events = created.clone();
    let mut pending = sigs;
    while let Some(sig) = pending.pop() {
        events.extend(sig.signature_creation_time().map(seconds));
        events.extend(sig.signature_expiration_time().map(seconds));
        if let Some(period) = sig.key_validity_period() {
            events.extend(created.iter().map(|c| c.saturating_add(period.as_secs())));
        }
        pending.extend(sig.embedded_signatures());
    }
    events
}

/// The primary key's creation time, Unix seconds: of two certificates for
/// one address, the newer is taken.
pub fn created(cert: &Cert) -> i64 {
    unix(cert.primary_key().key().creation_time())
}

fn seconds(t: SystemTime) -> u64 {
    timestamp(t).unix()
}

fn unix(t: SystemTime) -> i64 {
    i64::try_from(seconds(t)).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use openpgp::cert::prelude::*;
    use openpgp::types::ReasonForRevocation;

    use super::*;
    use crate::openpgp::policy::system_time;
    use crate::openpgp::tests::util::{cert, cert_v6, revoke, AT};

    const DAY: u64 = 86_400;

    fn stored(cert: Cert) -> StoredPgpCert {
        StoredPgpCert {
            fingerprint: cert.fingerprint().to_hex(),
            cert,
            emails: Vec::new(),
            has_secret: false,
            stored_sha256: [7; 32],
        }
    }

    /// Made a day before [`AT`], expiring `days` after that.
    fn expiring(email: &str, days: u64) -> Cert {
        CertBuilder::general_purpose(Some(format!("<{email}>")))
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_creation_time(system_time(Timestamp(AT.0 - DAY)))
            .set_validity_period(Duration::from_secs(days * DAY))
            .generate()
            .unwrap()
            .0
    }

    /// [`judge`] with the keys chosen as the caller would.
    fn judged(stored: &StoredPgpCert, email: &str, at: Timestamp) -> Option<JudgedRecipient> {
        judge(stored, email, at, &keys_at(&stored.cert, email, at)?)
    }

    fn key_ids(keys: &RecipientKeys) -> Vec<String> {
        keys.keys.iter().map(|k| k.keyid().to_hex()).collect()
    }

    #[test]
    fn judged_keys_are_the_keys_chosen_from_the_certificate() {
        for c in [
            cert("a@example.org"),
            cert_v6("a@example.org", Timestamp(AT.0 - DAY)),
        ] {
            let judged = judged(&stored(c.clone()), "a@example.org", AT).unwrap();
            let (chosen, _) = recipient_keys(&c, false, false, AT).unwrap();
            let kept = keys(&judged).unwrap();
            assert_eq!(key_ids(&kept), key_ids(&chosen));
            assert_eq!(kept.keys, chosen.keys);
            assert_eq!(kept.fingerprint, c.fingerprint());
            assert_eq!(kept.seipd_v2, chosen.seipd_v2);
            assert_eq!(kept.ciphers, chosen.ciphers);
            assert_eq!(judged.cert_sha256, [7; 32]);
            assert_eq!(judged.created, i64::try_from(AT.0 - DAY).unwrap());
        }
    }

    #[test]
    fn a_judgement_lasts_a_day_or_until_the_certificate_changes_on_its_own() {
        let c = stored(expiring("a@example.org", 10));
        let expiry = AT.0 - DAY + 10 * DAY;
        let at = |t: u64| i64::try_from(t).unwrap();
        let far = judged(&c, "a@example.org", AT).unwrap();
        assert_eq!(
            (far.valid_from, far.valid_until),
            (at(AT.0), at(AT.0 + DAY))
        );
        let near = Timestamp(expiry - 3600);
        let close = judged(&c, "a@example.org", near).unwrap();
        assert_eq!(close.valid_until, at(expiry), "ends when the keys expire");
        assert!(judged(&c, "a@example.org", Timestamp(expiry)).is_none());
        // The signatures' creation is a moment too: just before it, the
        // certificate is not yet valid, and nothing is kept.
        assert!(judged(&c, "a@example.org", Timestamp(AT.0 - DAY - 60)).is_none());
    }

    #[test]
    fn only_usable_bound_certificates_are_judged() {
        let c = cert("a@example.org");
        assert!(
            judged(&stored(c.clone()), "b@example.org", AT).is_none(),
            "not its address"
        );
        let revoked = stored(revoke(
            &c,
            ReasonForRevocation::KeyRetired,
            Timestamp(AT.0 - 3600),
        ));
        assert!(judged(&revoked, "a@example.org", AT).is_none());
        // A revocation still ahead ends the judgement when it comes.
        let later = stored(revoke(
            &c,
            ReasonForRevocation::KeyRetired,
            Timestamp(AT.0 + 3600),
        ));
        let judged = judged(&later, "a@example.org", AT).unwrap();
        assert_eq!(judged.valid_until, i64::try_from(AT.0 + 3600).unwrap());
    }

    #[test]
    fn broken_kept_keys_give_no_keys() {
        let mut judged = judged(&stored(cert("a@example.org")), "a@example.org", AT).unwrap();
        judged.keys.truncate(judged.keys.len() - 1);
        assert!(keys(&judged).is_none());
        judged.keys.clear();
        assert!(keys(&judged).is_none());
    }
}
