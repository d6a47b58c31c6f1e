//! Revocations and time: certifications revoked, expired, or made after
//! the reference time; revoked certifiers and targets. Everything is made
//! in the test with explicit times (see `testkit`), and judged at fixed
//! reference times.

use std::time::Duration;

use sequoia_openpgp::types::ReasonForRevocation;

use super::testkit::{network, How, Party, AT};
use super::Root;
use crate::trust::verdict::{Basis, TrustLevel};

const ALICE: &str = "Alice <alice@example.org>";

fn root_and_alice() -> (Party, Party) {
    (
        Party::new(&["Root <root@example.org>"]),
        Party::new(&[ALICE]),
    )
}

fn amount_at(root: &Party, others: &[&Party], target: &Party, email: &str, at: &str) -> u8 {
    let mut all = vec![root];
    all.extend_from_slice(others);
    network(&all, &[Root::own(root.fpr())], at)
        .authenticate(&target.fpr(), email)
        .amount
}

#[test]
fn revoked_certification_does_not_count() {
    // Scenario 6: certified 2025-02-01, certification revoked 2025-03-01.
    let (mut root, mut alice) = root_and_alice();
    root.certify(&mut alice, ALICE, &How::plain());
    root.revoke_certification(&mut alice, ALICE, "2025-03-01T00:00:00Z");
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.level), (0, TrustLevel::None));
    assert!(v.certified_by.is_empty(), "{:?}", v.certified_by);
    let before = "2025-02-15T00:00:00Z";
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", before),
        120
    );
}

#[test]
fn recertification_after_a_revocation_counts() {
    let (mut root, mut alice) = root_and_alice();
    root.certify(&mut alice, ALICE, &How::plain());
    root.revoke_certification(&mut alice, ALICE, "2025-03-01T00:00:00Z");
    root.certify(
        &mut alice,
        ALICE,
        &How::plain().made("2025-04-01T00:00:00Z"),
    );
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", AT),
        120
    );
}

#[test]
fn expired_certification_counts_only_before_its_expiry() {
    // Scenario 7: certified 2025-02-01 for 30 days.
    let (mut root, mut alice) = root_and_alice();
    let month = Duration::from_secs(30 * 86_400);
    root.certify(&mut alice, ALICE, &How::plain().valid_for(month));
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", AT),
        0
    );
    let earlier = "2025-02-20T00:00:00Z";
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", earlier),
        120
    );
}

#[test]
fn certification_made_after_the_reference_time_does_not_count() {
    let (mut root, mut alice) = root_and_alice();
    root.certify(
        &mut alice,
        ALICE,
        &How::plain().made("2025-07-01T00:00:00Z"),
    );
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", AT),
        0
    );
    let later = "2025-08-01T00:00:00Z";
    assert_eq!(
        amount_at(&root, &[&alice], &alice, "alice@example.org", later),
        120
    );
}

/// root -tsig(1, 120)-> CA -> bob, then the CA's key is revoked
/// 2025-04-01 for `reason`.
fn revoked_ca(reason: ReasonForRevocation) -> (Party, Party, Party) {
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    root.certify(&mut ca, "CA <ca@example.org>", &How::tsig(1, 120));
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    ca.revoke_key(reason, "2025-04-01T00:00:00Z");
    (root, ca, bob)
}

#[test]
fn compromised_certifier_breaks_paths_at_every_time() {
    // Scenario 11: a hard revocation is final, even before it was made.
    let (root, ca, bob) = revoked_ca(ReasonForRevocation::KeyCompromised);
    for at in [AT, "2025-03-01T00:00:00Z"] {
        assert_eq!(
            amount_at(&root, &[&ca, &bob], &bob, "bob@example.org", at),
            0,
            "{at}"
        );
    }
    let wot = network(&[&root, &ca, &bob], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&ca.fpr(), "ca@example.org");
    assert_eq!((v.level, v.amount), (TrustLevel::Revoked, 0));
    assert!(v.revoked.as_ref().unwrap().hard);
}

#[test]
fn retired_certifier_keeps_its_earlier_certifications() {
    // A soft revocation dated after the certification leaves it standing
    // (SPEC section 4), but the retired key itself is revoked.
    let (root, ca, bob) = revoked_ca(ReasonForRevocation::KeyRetired);
    assert_eq!(
        amount_at(&root, &[&ca, &bob], &bob, "bob@example.org", AT),
        120
    );
    let wot = network(&[&root, &ca, &bob], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&ca.fpr(), "ca@example.org");
    assert_eq!(v.level, TrustLevel::Revoked);
    assert!(!v.revoked.as_ref().unwrap().hard);
    // Before the revocation was made, the key was fine.
    let earlier = network(
        &[&root, &ca, &bob],
        &[Root::own(root.fpr())],
        "2025-03-01T00:00:00Z",
    );
    assert_eq!(
        earlier.authenticate(&ca.fpr(), "ca@example.org").amount,
        120
    );
}

#[test]
fn revoked_target_is_revoked_not_merely_unknown() {
    let (mut root, mut alice) = root_and_alice();
    root.certify(&mut alice, ALICE, &How::plain());
    alice.revoke_key(ReasonForRevocation::KeySuperseded, "2025-03-01T00:00:00Z");
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(
        (v.level, v.amount, v.basis),
        (TrustLevel::Revoked, 0, Basis::None)
    );
    assert!(v.paths.is_empty());
    let r = v.revoked.as_ref().unwrap();
    assert_eq!(r.message, "revoked in a test");
    assert_eq!(r.at, Some(super::testkit::ts("2025-03-01T00:00:00Z")));
    assert!(v.to_string().contains("revoked by its owner"));
    assert_eq!(v.to_trust().level, TrustLevel::Revoked);
    let before = network(
        &[&root, &alice],
        &[Root::own(root.fpr())],
        "2025-02-15T00:00:00Z",
    );
    assert!(before
        .authenticate(&alice.fpr(), "alice@example.org")
        .is_full());
}

#[test]
fn certificate_made_after_the_reference_time_is_not_usable() {
    let (mut root, mut alice) = root_and_alice();
    root.certify(&mut alice, ALICE, &How::plain());
    let v = network(
        &[&root, &alice],
        &[Root::own(root.fpr())],
        "2024-06-01T00:00:00Z",
    )
    .authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(v.amount, 0);
    assert!(v.missing.unwrap().contains("not usable at 2024-06-01"));
}

#[test]
fn user_id_revoked_by_its_owner_cannot_be_authenticated() {
    let (mut root, mut alice) = root_and_alice();
    root.certify(&mut alice, ALICE, &How::plain());
    alice.revoke_own_userid(ALICE, "2025-03-01T00:00:00Z");
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.level), (0, TrustLevel::None));
    assert!(v.missing.unwrap().contains("revoked this user ID"));
}

#[test]
fn expired_target_is_expired_not_merely_unknown() {
    // Made 2025-01-01, alive for 100 days (until 2025-04-11); the root
    // certified it on 2025-02-01.
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut alice = Party::valid_for(&[ALICE], Some(Duration::from_secs(100 * 86_400)));
    root.certify(&mut alice, ALICE, &How::plain());
    let roots = [Root::own(root.fpr())];
    let v = network(&[&root, &alice], &roots, AT).authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.level), (0, TrustLevel::Expired));
    let why = v.missing.unwrap_or_default();
    assert!(why.contains("not alive"), "{why}");
    let before = "2025-03-01T00:00:00Z";
    let v =
        network(&[&root, &alice], &roots, before).authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.level), (120, TrustLevel::Full));
}

/// Our own key (root) made ca a trusted introducer, who certified bob;
/// `root_revocation` then revokes our key on 2025-04-01; carol, a second
/// root we chose, certified nobody.
fn own_root_revoked(reason: ReasonForRevocation) -> (Party, Party, Party, Party) {
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    let carol = Party::new(&["Carol <carol@example.org>"]);
    root.certify(&mut ca, "CA <ca@example.org>", &How::tsig(1, 120));
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    root.revoke_key(reason, "2025-04-01T00:00:00Z");
    (root, ca, bob, carol)
}

#[test]
fn retired_own_root_vouches_only_before_its_revocation() {
    let (root, ca, bob, carol) = own_root_revoked(ReasonForRevocation::KeySuperseded);
    let roots = [Root::own(root.fpr()), Root::chosen(carol.fpr(), 120)];
    let all = [&root, &ca, &bob, &carol];
    let before = network(&all, &roots, "2025-03-01T00:00:00Z");
    let v = before.authenticate(&bob.fpr(), "bob@example.org");
    assert_eq!((v.amount, v.basis), (120, Basis::WebOfTrust));
    assert!(before.root(&root.fpr()).is_some());

    let after = network(&all, &roots, AT);
    assert!(after.root(&root.fpr()).is_none(), "no root once revoked");
    let v = after.authenticate(&bob.fpr(), "bob@example.org");
    assert_eq!((v.amount, v.level), (0, TrustLevel::None));
    // ca's binding, which our key certified itself, says why.
    let v = after.authenticate(&ca.fpr(), "ca@example.org");
    assert_eq!(v.amount, 0);
    let why = v.missing.unwrap_or_default();
    assert!(
        why.contains(&format!(
            "your key {} that certified this binding is revoked since 2025-04-01",
            root.fpr().to_hex()
        )) && why.contains("only for times before that"),
        "{why}"
    );
}

#[test]
fn fail_compromised_own_root_vouches_at_no_time() {
    let (root, ca, bob, _) = own_root_revoked(ReasonForRevocation::KeyCompromised);
    for at in ["2025-03-01T00:00:00Z", AT] {
        let wot = network(&[&root, &ca, &bob], &[Root::own(root.fpr())], at);
        assert_eq!(
            wot.authenticate(&bob.fpr(), "bob@example.org").amount,
            0,
            "{at}"
        );
        // Our only root is gone: the explanation says so, not that we
        // have none.
        let why = wot
            .authenticate(&bob.fpr(), "bob@example.org")
            .missing
            .unwrap_or_default();
        assert!(
            why.contains("every one of your web-of-trust roots is revoked")
                && why.contains("compromised"),
            "{at}: {why}"
        );
    }
}

#[test]
fn retired_chosen_root_vouches_only_before_its_revocation() {
    let (mut carol, mut alice) = root_and_alice();
    carol.certify(&mut alice, ALICE, &How::plain());
    carol.revoke_key(ReasonForRevocation::KeyRetired, "2025-04-01T00:00:00Z");
    let roots = [Root::chosen(carol.fpr(), 120)];
    let before = network(&[&carol, &alice], &roots, "2025-03-01T00:00:00Z");
    assert!(before
        .authenticate(&alice.fpr(), "alice@example.org")
        .is_full());
    let after = network(&[&carol, &alice], &roots, AT);
    let v = after.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(v.amount, 0);
    assert!(
        v.missing
            .as_deref()
            .is_some_and(|m| m.contains("your web-of-trust root")),
        "{:?}",
        v.explain()
    );
}
