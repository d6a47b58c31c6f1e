//! A pin made by an own key that is revoked later, judged through the
//! shortcut ([`TrustData::openpgp_trust`]) and through the full web of
//! trust: both agree, before and after the revocation, for a soft and a
//! hard one. Certificates are made in the test with explicit times.

use sequoia_openpgp::cert::CertBuilder;
use sequoia_openpgp::serialize::SerializeInto;
use sequoia_openpgp::types::ReasonForRevocation;
use sequoia_openpgp::Cert;

use super::verdict::{Basis, Protocol, TrustLevel};
use super::wot::{certify_locally, system_time};
use super::TrustData;
use crate::keyring::Keyring;
use crate::openpgp::tests::util::{primary_keypair, revoke};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;

const EMAIL: &str = "alice@example.org";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn made(userid: &str) -> Cert {
    CertBuilder::general_purpose(Some(userid))
        .set_creation_time(system_time(ts("2025-01-01T00:00:00Z")))
        .generate()
        .unwrap()
        .0
}

/// A keyring holding our secret key and alice's certificate, with alice
/// pinned on 2025-02-01, and our key revoked on 2025-04-01 for `reason`.
fn pinned_then_revoked(reason: ReasonForRevocation) -> (tempfile::TempDir, Keyring, Cert) {
    let dir = tempfile::TempDir::new().unwrap();
    let k = Keyring::open(dir.path()).unwrap();
    let me = made("Me <me@example.org>");
    let alice = made("Alice <alice@example.org>").strip_secret_key_material();
    let pass = PassphraseSource::Fixed(zeroize::Zeroizing::new("x".into()));
    k.import(&me.as_tsk().to_vec().unwrap(), &pass).unwrap();
    let pinned = certify_locally(
        &mut primary_keypair(&me),
        &me,
        &alice,
        EMAIL,
        ts("2025-02-01T00:00:00Z"),
    )
    .unwrap();
    k.pgp_merge(pinned).unwrap();
    let fpr = alice.fingerprint().to_hex();
    k.add_pin(&fpr, EMAIL, Protocol::Openpgp, ts("2025-02-01T00:00:00Z"))
        .unwrap();
    let revoked = revoke(&me, reason, ts("2025-04-01T00:00:00Z"));
    k.pgp_merge(revoked).unwrap();
    (dir, k, alice)
}

/// The shortcut's and the full search's level for alice at `at`.
fn both_ways(k: &Keyring, alice: &Cert, at: &str) -> (TrustLevel, TrustLevel, bool) {
    let data = TrustData::load(k, ts(at)).unwrap();
    let shortcut = data.openpgp_trust(&alice.fingerprint(), EMAIL);
    let applies = data.openpgp_shortcut_applies(&alice.fingerprint(), EMAIL);
    let full = data
        .web_of_trust()
        .unwrap()
        .authenticate(&alice.fingerprint(), EMAIL);
    if full.is_full() {
        assert_eq!(full.basis, Basis::Pinned);
    }
    (shortcut.level, full.level, applies)
}

#[test]
fn a_retired_key_pins_until_its_revocation() {
    let (_d, k, alice) = pinned_then_revoked(ReasonForRevocation::KeySuperseded);
    assert_eq!(
        both_ways(&k, &alice, "2025-03-01T00:00:00Z"),
        (TrustLevel::Full, TrustLevel::Full, true)
    );
    assert_eq!(
        both_ways(&k, &alice, "2025-06-01T00:00:00Z"),
        (TrustLevel::None, TrustLevel::None, false)
    );
}

#[test]
fn fail_a_compromised_key_pins_at_no_time() {
    let (_d, k, alice) = pinned_then_revoked(ReasonForRevocation::KeyCompromised);
    for at in ["2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"] {
        assert_eq!(
            both_ways(&k, &alice, at),
            (TrustLevel::None, TrustLevel::None, false),
            "{at}"
        );
    }
    let data = TrustData::load(&k, ts("2025-06-01T00:00:00Z")).unwrap();
    let why = data
        .openpgp_trust(&alice.fingerprint(), EMAIL)
        .reason
        .unwrap_or_default();
    assert!(
        why.contains("that certified this binding is revoked since 2025-04-01")
            && why.contains("at any time"),
        "{why}"
    );
}

#[test]
fn a_pin_by_a_standing_key_counts_beside_a_revoked_one() {
    // Our old key is revoked, the pin was made with the current one: the
    // shortcut cannot tell which key pinned, so the full search decides,
    // and it counts the current key's certification.
    let (_d, k, alice) = pinned_then_revoked(ReasonForRevocation::KeySuperseded);
    let pass = PassphraseSource::Fixed(zeroize::Zeroizing::new("x".into()));
    let current = made("Me <me@example.org>");
    k.import(&current.as_tsk().to_vec().unwrap(), &pass)
        .unwrap();
    let pinned = certify_locally(
        &mut primary_keypair(&current),
        &current,
        &alice,
        EMAIL,
        ts("2025-05-01T00:00:00Z"),
    )
    .unwrap();
    k.pgp_merge(pinned).unwrap();
    assert_eq!(
        both_ways(&k, &alice, "2025-06-01T00:00:00Z"),
        (TrustLevel::Full, TrustLevel::Full, false)
    );
}
