//! Scenarios of certification chains, trust signatures with depth and
//! regex scope, marginal introducers and roots, at a fixed reference time.
//! Every certificate and certification is made in the test (see
//! `testkit`), with explicit creation times.

use sequoia_openpgp::Fingerprint;

use super::testkit::{network, How, Party, AT};
use super::{Root, WebOfTrust};
use crate::trust::verdict::{Basis, TrustLevel};

const EXAMPLE_ORG: &str = r"<[^>]+[@.]example\.org>$";

fn fprs(parties: &[&Party]) -> Vec<Fingerprint> {
    parties.iter().map(|p| p.fpr()).collect()
}

fn root() -> Party {
    Party::new(&["Root <root@example.org>"])
}

#[test]
fn direct_certification_by_own_key_is_full() {
    // Scenario 1: root -> alice.
    let mut root = root();
    let mut alice = Party::new(&["Alice <alice@example.org>"]);
    root.certify(&mut alice, "Alice <alice@example.org>", &How::plain());
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "Alice@Example.ORG");
    assert_eq!(v.amount, 120);
    assert_eq!(v.level, TrustLevel::Full);
    assert_eq!(v.basis, Basis::WebOfTrust);
    assert_eq!(v.userid.as_deref(), Some("Alice <alice@example.org>"));
    assert_eq!(v.paths.len(), 1);
    assert_eq!(v.paths[0].fingerprints(), fprs(&[&root, &alice]));
    assert_eq!(v.paths[0].amount, 120);
    assert!(v.missing.is_none());
}

#[test]
fn trusted_introducer_with_depth_one() {
    // Scenario 2: root -tsig(1, 120)-> CA -> bob.
    let mut root = root();
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    root.certify(&mut ca, "CA <ca@example.org>", &How::tsig(1, 120));
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    let wot = network(&[&root, &ca, &bob], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&bob.fpr(), "bob@example.org");
    assert_eq!((v.amount, v.level), (120, TrustLevel::Full));
    assert_eq!(v.paths[0].fingerprints(), fprs(&[&root, &ca, &bob]));
    let tsig = v.paths[0].steps[1].via.as_ref().unwrap();
    assert_eq!((tsig.depth, tsig.amount, tsig.local), (1, 120, false));
    assert_eq!(v.paths[0].steps[2].via.as_ref().unwrap().depth, 0);
}

/// root -tsig(depth, 120)-> CA1 -tsig(1, 120)-> CA2 -> carol.
fn two_level_chain(depth: u8) -> (WebOfTrust, Party, Vec<Fingerprint>) {
    let mut root = root();
    let mut ca1 = Party::new(&["CA1 <ca1@example.org>"]);
    let mut ca2 = Party::new(&["CA2 <ca2@example.org>"]);
    let mut carol = Party::new(&["Carol <carol@example.org>"]);
    root.certify(&mut ca1, "CA1 <ca1@example.org>", &How::tsig(depth, 120));
    ca1.certify(&mut ca2, "CA2 <ca2@example.org>", &How::tsig(1, 120));
    ca2.certify(&mut carol, "Carol <carol@example.org>", &How::plain());
    let chain = fprs(&[&root, &ca1, &ca2, &carol]);
    let wot = network(&[&root, &ca1, &ca2, &carol], &[Root::own(root.fpr())], AT);
    (wot, carol, chain)
}

#[test]
fn chain_needing_depth_two_fails_with_depth_one() {
    // Scenario 3, and the same chain with enough depth as a control.
    let (wot, carol, _) = two_level_chain(1);
    let v = wot.authenticate(&carol.fpr(), "carol@example.org");
    assert_eq!(
        (v.amount, v.level, v.basis),
        (0, TrustLevel::None, Basis::None)
    );
    assert!(v.paths.is_empty());
    assert_eq!(v.certified_by.len(), 1, "CA2's certification is found");
    assert!(v
        .missing
        .unwrap()
        .contains("no certification from any of your roots"));

    let (wot, carol, chain) = two_level_chain(2);
    let v = wot.authenticate(&carol.fpr(), "carol@example.org");
    assert_eq!(v.amount, 120);
    assert_eq!(v.paths[0].fingerprints(), chain);
}

#[test]
fn regex_scope_limits_the_introducer() {
    // Scenario 4: the CA may only introduce example.org addresses.
    let mut root = root();
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut dave = Party::new(&["Dave <dave@example.org>"]);
    let mut sub = Party::new(&["Sub <sub@lab.example.org>"]);
    let mut erin = Party::new(&["Erin <erin@example.com>"]);
    root.certify(
        &mut ca,
        "CA <ca@example.org>",
        &How::tsig(1, 120).regex(EXAMPLE_ORG),
    );
    ca.certify(&mut dave, "Dave <dave@example.org>", &How::plain());
    ca.certify(&mut sub, "Sub <sub@lab.example.org>", &How::plain());
    ca.certify(&mut erin, "Erin <erin@example.com>", &How::plain());
    let wot = network(
        &[&root, &ca, &dave, &sub, &erin],
        &[Root::own(root.fpr())],
        AT,
    );
    assert_eq!(
        wot.authenticate(&dave.fpr(), "dave@example.org").amount,
        120
    );
    assert_eq!(
        wot.authenticate(&sub.fpr(), "sub@lab.example.org").amount,
        120
    );
    let v = wot.authenticate(&erin.fpr(), "erin@example.com");
    assert_eq!((v.amount, v.level), (0, TrustLevel::None));
    assert_eq!(v.certified_by[0].fingerprint, ca.fpr());
    let dave_v = wot.authenticate(&dave.fpr(), "dave@example.org");
    let scope = &dave_v.paths[0].steps[1].via.as_ref().unwrap().regexes;
    assert_eq!(scope, &vec![EXAMPLE_ORG.to_string()]);
}

#[test]
fn marginal_introducers_add_up() {
    // Scenario 5: two introducers at 60 make 120; one makes 60.
    let mut root = root();
    let mut m1 = Party::new(&["M1 <m1@example.org>"]);
    let mut m2 = Party::new(&["M2 <m2@example.org>"]);
    let mut frank = Party::new(&["Frank <frank@example.org>"]);
    let mut grace = Party::new(&["Grace <grace@example.org>"]);
    root.certify(&mut m1, "M1 <m1@example.org>", &How::tsig(1, 60));
    root.certify(&mut m2, "M2 <m2@example.org>", &How::tsig(1, 60));
    m1.certify(&mut frank, "Frank <frank@example.org>", &How::plain());
    m2.certify(&mut frank, "Frank <frank@example.org>", &How::plain());
    m1.certify(&mut grace, "Grace <grace@example.org>", &How::plain());
    let all = [&root, &m1, &m2, &frank, &grace];
    let wot = network(&all, &[Root::own(root.fpr())], AT);

    let v = wot.authenticate(&frank.fpr(), "frank@example.org");
    assert_eq!((v.amount, v.level), (120, TrustLevel::Full));
    assert_eq!(v.paths.len(), 2);
    assert!(v.paths.iter().all(|p| p.amount == 60));
    let mut middles: Vec<Fingerprint> = v
        .paths
        .iter()
        .map(|p| p.steps[1].fingerprint.clone())
        .collect();
    middles.sort();
    let mut expected = fprs(&[&m1, &m2]);
    expected.sort();
    assert_eq!(middles, expected);

    let v = wot.authenticate(&grace.fpr(), "grace@example.org");
    assert_eq!((v.amount, v.level), (60, TrustLevel::Marginal));
    assert_eq!(v.paths[0].fingerprints(), fprs(&[&root, &m1, &grace]));
    assert!(v
        .missing
        .unwrap()
        .contains("only 60 of 120 needed: 60 more"));
}

#[test]
fn chosen_root_with_amount_caps_its_paths() {
    // Scenario 8: `trust root CA --amount 60`.
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut alice = Party::new(&["Alice <alice@example.org>"]);
    ca.certify(&mut alice, "Alice <alice@example.org>", &How::plain());
    let wot = network(&[&ca, &alice], &[Root::chosen(ca.fpr(), 60)], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.level), (60, TrustLevel::Marginal));
    assert_eq!(v.paths[0].root_amount, 60);
    assert!(!v.paths[0].own_root);
    let own = wot.authenticate(&ca.fpr(), "ca@example.org");
    assert_eq!((own.amount, own.basis), (60, Basis::WebOfTrust));
}

#[test]
fn own_key_is_a_root() {
    // Scenario 9.
    let root = root();
    let wot = network(&[&root], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&root.fpr(), "root@example.org");
    assert_eq!(
        (v.amount, v.level, v.basis),
        (120, TrustLevel::Full, Basis::OwnKey)
    );
    assert_eq!(v.paths[0].fingerprints(), vec![root.fpr()]);
    // Own and chosen entries for the same key merge; own wins.
    let wot = network(
        &[&root],
        &[Root::chosen(root.fpr(), 40), Root::own(root.fpr())],
        AT,
    );
    assert_eq!(
        wot.root(&root.fpr()).map(|r| (r.amount, r.own)),
        Some((120, true))
    );
}

#[test]
fn best_of_several_user_ids_and_all_bindings_for_an_address() {
    let mut root = root();
    let mut alice = Party::new(&["Alice <Alice@Example.org>", "alice@example.org"]);
    let mallory = Party::new(&["Mallory <alice@example.org>", "<mallory@example.net>"]);
    root.certify(&mut alice, "alice@example.org", &How::plain());
    let wot = network(&[&root, &alice, &mallory], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(v.amount, 120);
    assert_eq!(v.userid.as_deref(), Some("alice@example.org"));
    assert_eq!(
        wot.authenticate(&mallory.fpr(), "alice@example.org").amount,
        0
    );
    let mut found = wot.bindings_for_email(" <ALICE@example.org>");
    found.sort_by_key(|(f, u)| (f.to_hex(), u.value().to_vec()));
    assert_eq!(found.len(), 3);
    assert_eq!(found.iter().filter(|(f, _)| *f == alice.fpr()).count(), 2);
    assert!(wot.bindings_for_email("nobody@example.org").is_empty());
}

#[test]
fn unknown_certificates_addresses_and_missing_roots() {
    let mut root = root();
    let mut alice = Party::new(&["Alice <alice@example.org>"]);
    root.certify(&mut alice, "Alice <alice@example.org>", &How::plain());
    let stranger = Party::new(&["Stranger <s@example.org>"]);
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&stranger.fpr(), "s@example.org");
    assert_eq!(v.amount, 0);
    assert!(v.missing.unwrap().contains("not in the keyring"));
    let v = wot.authenticate(&alice.fpr(), "alice@example.com");
    assert!(v
        .missing
        .unwrap()
        .contains("no user ID with the address alice@example.com"));
    for junk in ["", "@", "<>", "\u{1b}[2J"] {
        assert_eq!(wot.authenticate(&alice.fpr(), junk).amount, 0);
    }
    let rootless = network(&[&root, &alice], &[], AT);
    let v = rootless.authenticate(&alice.fpr(), "alice@example.org");
    assert!(v.missing.unwrap().contains("no web-of-trust roots"));
}

#[test]
fn copies_of_a_certificate_are_merged() {
    let mut root = root();
    let bare = Party::new(&["Alice <alice@example.org>"]);
    let mut alice = Party {
        cert: bare.cert.clone(),
        signer: bare.signer,
    };
    root.certify(&mut alice, "Alice <alice@example.org>", &How::plain());
    let certs = vec![
        root.cert.clone(),
        bare.cert.clone(),
        alice.cert.clone(),
        bare.cert,
    ];
    let wot = WebOfTrust::new(certs, &[Root::own(root.fpr())], super::testkit::ts(AT)).unwrap();
    assert_eq!(
        wot.authenticate(&alice.fpr(), "alice@example.org").amount,
        120
    );
    assert_eq!(wot.bindings_for_email("alice@example.org").len(), 1);
}

#[test]
fn to_trust_runs_from_signer_to_root() {
    let mut root = root();
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    root.certify(&mut ca, "CA <ca@example.org>", &How::tsig(1, 120));
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    let wot = network(&[&root, &ca, &bob], &[Root::own(root.fpr())], AT);
    let t = wot.authenticate(&bob.fpr(), "bob@example.org").to_trust();
    assert!(t.is_full());
    assert_eq!(t.basis, Basis::WebOfTrust);
    assert_eq!(t.path.len(), 3);
    assert_eq!(
        t.path[0],
        format!("Bob <bob@example.org> ({})", bob.fpr().to_hex())
    );
    assert_eq!(
        t.path[2],
        format!("Root <root@example.org> ({})", root.fpr().to_hex())
    );
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["basis"], "web-of-trust");
    assert_eq!(json["amount"], 120);
}

#[test]
fn web_of_trust_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<WebOfTrust>();
}
