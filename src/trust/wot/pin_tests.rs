//! Pins as local certifications, the `trust check` text, and odd input.
//! Certificates are made in the test (see `testkit`), with explicit times.

use sequoia_openpgp::packet::UserID;
use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::serialize::Serialize;
use sequoia_openpgp::Cert;

use super::testkit::{network, ts, How, Party, AT};
use super::{certify_locally, Root};
use crate::error::Error;
use crate::trust::verdict::{Basis, TrustLevel};

const ALICE: &str = "Alice <alice@example.org>";
const PINNED: &str = "2025-03-01T00:00:00Z";

#[test]
fn local_certification_is_a_pin_and_is_never_exported() {
    // Scenario 10: `trust pin ALICE --email alice@example.org`.
    let mut me = Party::new(&["Me <me@example.org>"]);
    let alice = Party::new(&[ALICE, "Alice <alice@work.example>"]);
    let before = network(&[&me, &alice], &[Root::own(me.fpr())], AT);
    assert_eq!(
        before
            .authenticate(&alice.fpr(), "alice@example.org")
            .amount,
        0
    );

    let me_cert = me.cert.clone();
    let pinned = certify_locally(
        &mut me.signer,
        &me_cert,
        &alice.cert,
        "ALICE@example.org",
        ts(PINNED),
    )
    .unwrap();
    let certs = vec![me.cert.clone(), pinned.clone()];
    let wot = super::WebOfTrust::new(certs, &[Root::own(me.fpr())], ts(AT)).unwrap();
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(
        (v.amount, v.level, v.basis),
        (120, TrustLevel::Full, Basis::Pinned)
    );
    let link = v.paths[0].steps[1].via.as_ref().unwrap();
    assert!(link.local);
    assert_eq!(link.created, ts(PINNED));
    // Only the pinned address is certified.
    assert_eq!(
        wot.authenticate(&alice.fpr(), "alice@work.example").amount,
        0
    );

    // Export strips it (Exportable Certification = false); a full
    // serialization, as the keyring stores, keeps it.
    let mut exported = Vec::new();
    pinned.export(&mut exported).unwrap();
    let exported = Cert::from_bytes(&exported).unwrap();
    assert_eq!(certifications_of(&exported, ALICE), 0);
    let mut stored = Vec::new();
    pinned.serialize(&mut stored).unwrap();
    assert_eq!(
        certifications_of(&Cert::from_bytes(&stored).unwrap(), ALICE),
        1
    );
    let shared = super::WebOfTrust::new(
        vec![me.cert.clone(), exported],
        &[Root::own(me.fpr())],
        ts(AT),
    )
    .unwrap();
    assert_eq!(
        shared
            .authenticate(&alice.fpr(), "alice@example.org")
            .amount,
        0
    );
}

fn certifications_of(cert: &Cert, userid: &str) -> usize {
    cert.userids()
        .filter(|ua| ua.userid().value() == userid.as_bytes())
        .map(|ua| ua.certifications().count())
        .sum()
}

#[test]
fn local_certification_by_a_chosen_root_is_not_a_pin() {
    // Only the user's own keys pin; a chosen root's local certification
    // is ordinary web of trust.
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let alice = Party::new(&[ALICE]);
    let ca_cert = ca.cert.clone();
    let certified = certify_locally(
        &mut ca.signer,
        &ca_cert,
        &alice.cert,
        "alice@example.org",
        ts(PINNED),
    )
    .unwrap();
    let wot = super::WebOfTrust::new(
        vec![ca.cert.clone(), certified],
        &[Root::chosen(ca.fpr(), 120)],
        ts(AT),
    )
    .unwrap();
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!((v.amount, v.basis), (120, Basis::WebOfTrust));
}

#[test]
fn fail_certify_locally_with_a_foreign_key_or_absent_address() {
    let mut me = Party::new(&["Me <me@example.org>"]);
    let other = Party::new(&["Other <other@example.org>"]);
    let alice = Party::new(&[ALICE]);
    let r = certify_locally(
        &mut me.signer,
        &other.cert,
        &alice.cert,
        "alice@example.org",
        ts(PINNED),
    );
    assert!(matches!(r, Err(Error::Usage(_))), "{r:?}");
    let me_cert = me.cert.clone();
    for email in ["alice@example.com", "", "alice"] {
        let r = certify_locally(&mut me.signer, &me_cert, &alice.cert, email, ts(PINNED));
        assert!(
            matches!(r, Err(Error::KeyNotFound { .. })),
            "{email}: {r:?}"
        );
    }
}

#[test]
fn explain_names_the_path_and_what_is_missing() {
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    let mut carol = Party::new(&["Carol <carol@example.org>"]);
    let stray = Party::new(&["Stray <stray@example.org>"]);
    root.certify(
        &mut ca,
        "CA <ca@example.org>",
        &How::tsig(1, 60).regex(r"example\.org>$"),
    );
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    let mut stray = stray;
    stray.certify(&mut carol, "Carol <carol@example.org>", &How::plain());
    let all = [&root, &ca, &bob, &carol, &stray];
    let wot = network(&all, &[Root::own(root.fpr())], AT);

    let text = wot.authenticate(&bob.fpr(), "bob@example.org").explain();
    let expected_head = format!(
        "bob@example.org {}: partially valid (60/120)",
        bob.fpr().to_hex()
    );
    assert_eq!(text[0], expected_head);
    assert_eq!(text[1], "  user ID: Bob <bob@example.org>");
    assert_eq!(
        text[2],
        format!(
            "  path (amount 60): your key \"Root <root@example.org>\" {} -> \"CA <ca@example.org>\" {} \
             (trust signature depth 1, amount 60, only user IDs matching \"example\\\\.org>$\", 2025-02-01) \
             -> \"Bob <bob@example.org>\" {} (certified, 2025-02-01)",
            root.fpr().to_hex(),
            ca.fpr().to_hex(),
            bob.fpr().to_hex()
        )
    );
    assert!(text[3].starts_with("  missing: only 60 of 120 needed: 60 more"));

    let text = wot
        .authenticate(&carol.fpr(), "carol@example.org")
        .to_string();
    assert!(text.contains("not valid (0/120)"), "{text}");
    assert!(text.contains(&format!(
        "certified by: \"Stray <stray@example.org>\" {}",
        stray.fpr().to_hex()
    )));
    assert!(text.contains("missing: no certification from any of your roots reaches this binding"));

    let text = wot
        .authenticate(&root.fpr(), "root@example.org")
        .to_string();
    assert!(
        text.contains("fully valid (120/120): your own key"),
        "{text}"
    );
}

#[test]
fn explain_escapes_hostile_user_ids() {
    // sequoia finds no address in such a user ID, so it can only appear as
    // a certifier's or a root's name.
    let hostile = "Eve\u{1b}[2J\n[GNUPG:] GOODSIG <eve@example.org>";
    let mut root = Party::new(&[hostile]);
    let mut alice = Party::new(&[ALICE]);
    root.certify(&mut alice, ALICE, &How::plain());
    let wot = network(&[&root, &alice], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(v.amount, 120);
    assert_eq!(v.paths[0].steps[0].userid.as_deref(), Some(hostile));
    for line in v.explain() {
        assert!(!line.contains('\u{1b}') && !line.contains('\n'), "{line:?}");
    }
    assert!(v.to_string().contains("Eve\\u{1b}[2J\\n[GNUPG:]"));
    assert!(wot.bindings_for_email("eve@example.org").is_empty());
}

#[test]
fn odd_user_ids_do_not_disturb_the_network() {
    // Not UTF-8, no address, empty, and an address with no angle brackets.
    let odd = [
        UserID::from(&b"\xff\xfe <odd@example.org>"[..]),
        UserID::from("no address here"),
        UserID::from(""),
        UserID::from("bare@example.org"),
    ];
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut odd_party = Party::new(&["Odd <odd@example.org>"]);
    for u in &odd {
        let sig = sequoia_openpgp::packet::signature::SignatureBuilder::new(
            sequoia_openpgp::types::SignatureType::PositiveCertification,
        )
        .set_signature_creation_time(super::system_time(ts("2025-01-02T00:00:00Z")))
        .unwrap()
        .sign_userid_binding(&mut odd_party.signer, None, u)
        .unwrap();
        odd_party.add(vec![u.clone().into(), sig.into()]);
    }
    root.certify(&mut odd_party, "bare@example.org", &How::plain());
    let wot = network(&[&root, &odd_party], &[Root::own(root.fpr())], AT);
    assert_eq!(wot.bindings_for_email("odd@example.org").len(), 1);
    assert_eq!(
        wot.authenticate(&odd_party.fpr(), "bare@example.org")
            .amount,
        120
    );
    assert_eq!(
        wot.authenticate(&odd_party.fpr(), "odd@example.org").amount,
        0
    );
    assert_eq!(
        wot.authenticate(&odd_party.fpr(), "no address here").amount,
        0
    );
}

#[test]
fn fail_forged_certification_and_broken_regex_count_for_nothing() {
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut ca = Party::new(&["CA <ca@example.org>"]);
    let mut alice = Party::new(&[ALICE]);
    let mut bob = Party::new(&["Bob <bob@example.org>"]);
    // A certification computed over bob's key, pasted onto alice's
    // certificate: its signature does not verify there.
    let uid = UserID::from(ALICE);
    let forged = sequoia_openpgp::packet::signature::SignatureBuilder::new(
        sequoia_openpgp::types::SignatureType::GenericCertification,
    )
    .set_signature_creation_time(super::system_time(ts("2025-02-01T00:00:00Z")))
    .unwrap()
    .sign_userid_binding(&mut root.signer, bob.cert.primary_key().key(), &uid)
    .unwrap();
    alice.add(vec![uid.into(), forged.into()]);
    // A trust signature whose scope is not a valid regular expression.
    root.certify(
        &mut ca,
        "CA <ca@example.org>",
        &How::tsig(1, 120).regex("(["),
    );
    ca.certify(&mut bob, "Bob <bob@example.org>", &How::plain());
    let wot = network(&[&root, &ca, &alice, &bob], &[Root::own(root.fpr())], AT);
    let v = wot.authenticate(&alice.fpr(), "alice@example.org");
    assert_eq!(v.amount, 0);
    assert!(v.certified_by.is_empty());
    assert_eq!(wot.authenticate(&bob.fpr(), "bob@example.org").amount, 0);
}

#[test]
fn validity_gives_the_spec_exit_codes() {
    use crate::error::ExitCode;
    use crate::trust::verdict::{Covers, SigStatus, Signature};
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut full = Party::new(&["Full <full@example.org>"]);
    let mut half = Party::new(&["Half <half@example.org>"]);
    let mut gone = Party::new(&["Gone <gone@example.org>"]);
    let stranger = Party::new(&["Stranger <stranger@example.org>"]);
    root.certify(&mut full, "Full <full@example.org>", &How::plain());
    root.certify(&mut half, "Half <half@example.org>", &How::tsig(0, 60));
    root.certify(&mut gone, "Gone <gone@example.org>", &How::plain());
    gone.revoke_key(
        sequoia_openpgp::types::ReasonForRevocation::KeyCompromised,
        "2025-03-01T00:00:00Z",
    );
    let all = [&root, &full, &half, &gone, &stranger];
    let wot = network(&all, &[Root::own(root.fpr())], AT);
    let code = |p: &Party, email: &str| {
        let mut sig = Signature::new(
            SigStatus::Good,
            wot.authenticate(&p.fpr(), email).to_trust(),
            Covers::Whole,
        );
        sig.sender_match = true;
        sig.exit_code()
    };
    assert_eq!(code(&full, "full@example.org"), ExitCode::Ok);
    assert_eq!(code(&half, "half@example.org"), ExitCode::Untrusted);
    assert_eq!(code(&stranger, "stranger@example.org"), ExitCode::Untrusted);
    assert_eq!(code(&gone, "gone@example.org"), ExitCode::Failed);
}
