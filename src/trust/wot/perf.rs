//! A keyring of 300 certificates: every binding is judged correctly, and
//! the cost of building the network and of answering is printed (run with
//! `--nocapture`; not a timed assertion). Made in the test: one own key,
//! 10 CAs it trust-signs (depth 1), 289 users each certified by one CA and
//! by the previous user.

use std::time::Instant;

use super::testkit::{ts, How, Party, AT};
use super::{Root, WebOfTrust};

const CAS: usize = 10;
const TOTAL: usize = 300;

fn keyring() -> (Party, Vec<Party>) {
    let mut root = Party::new(&["Root <root@example.org>"]);
    let mut cas: Vec<Party> = (0..CAS)
        .map(|i| Party::new(&[&format!("CA {i} <ca{i}@example.org>")]))
        .collect();
    for (i, ca) in cas.iter_mut().enumerate() {
        root.certify(
            ca,
            &format!("CA {i} <ca{i}@example.org>"),
            &How::tsig(1, 120),
        );
    }
    let mut users: Vec<Party> = Vec::new();
    for i in 0..TOTAL - CAS - 1 {
        let uid = format!("User {i} <user{i}@example.org>");
        let mut user = Party::new(&[&uid]);
        if let Some(ca) = cas.get_mut(i % CAS) {
            ca.certify(&mut user, &uid, &How::plain());
        }
        if let Some(prev) = users.last_mut() {
            prev.certify(&mut user, &uid, &How::plain());
        }
        users.push(user);
    }
    cas.extend(users);
    (root, cas)
}

#[test]
fn three_hundred_certificates() {
    let (root, others) = keyring();
    let mut certs = vec![root.cert.clone()];
    certs.extend(others.iter().map(|p| p.cert.clone()));
    assert_eq!(certs.len(), TOTAL);

    let start = Instant::now();
    let wot = WebOfTrust::new(certs, &[Root::own(root.fpr())], ts(AT)).unwrap();
    let built = start.elapsed();

    let start = Instant::now();
    let emails: Vec<String> = (0..TOTAL - CAS - 1)
        .map(|i| format!("user{i}@example.org"))
        .collect();
    for (party, email) in others.iter().skip(CAS).zip(&emails) {
        let v = wot.authenticate(&party.fpr(), email);
        assert_eq!(v.amount, 120, "{email}");
        assert_eq!(v.paths[0].steps.len(), 3, "{email}: root -> CA -> user");
    }
    let answered = start.elapsed();
    eprintln!(
        "web of trust, {TOTAL} certificates: built in {built:?}, \
         {} bindings authenticated in {answered:?}",
        emails.len()
    );
}
