//! Path validation against a PKI made by `openssl` (see `testpki`), judged
//! at fixed times.

use der::Encode;
use x509_cert::Certificate;

use super::testpki::{cert_from_der, pki};
use super::*;
use crate::smime::cert::{fingerprint, subject};

/// The usual reference time: every long-lived certificate is valid, the
/// first CRLs (2025-04-01 .. 2027-01-01) are current, the later one
/// (issued 2026-10-01) is not yet.
const T: &str = "2026-06-01T00:00:00Z";

fn at(s: &str) -> Timestamp {
    match Timestamp::parse_rfc3339(s) {
        Ok(t) => t,
        Err(e) => panic!("{s}: {e}"),
    }
}

fn anchor(name: &str, domains: &[&str]) -> Anchor {
    let cert = pki().cert(name);
    Anchor {
        fingerprint: fingerprint(&cert),
        cert,
        domains: domains.iter().map(|d| d.to_string()).collect(),
    }
}

/// The keyring most tests use: the RSA and EC roots as anchors, every CA
/// certificate as an intermediate, and all CRLs.
struct Keyring {
    anchors: Vec<Anchor>,
    intermediates: Vec<Certificate>,
    crls: Vec<Vec<u8>>,
}

impl Keyring {
    fn standard() -> Self {
        let p = pki();
        Keyring {
            anchors: vec![anchor("root", &[]), anchor("ecroot", &[])],
            intermediates: ["int", "nc", "server", "ecint", "edint"]
                .iter()
                .map(|n| p.cert(n))
                .collect(),
            crls: vec![p.crl("root"), p.crl("int"), p.crl("int-later")],
        }
    }

    fn judge(&self, time: &str, leaf: &str, extra: &[Certificate], email: Option<&str>) -> Trust {
        let ctx = X509Context {
            anchors: &self.anchors,
            intermediates: &self.intermediates,
            crls: &self.crls,
            time: at(time),
        };
        validate(&ctx, &pki().cert(leaf), extra, email)
    }
}

fn reason(t: &Trust) -> &str {
    t.reason.as_deref().unwrap_or("")
}

fn assert_level(t: &Trust, level: TrustLevel, needles: &[&str]) {
    assert_eq!(t.level, level, "{t:?}");
    for needle in needles {
        assert!(
            reason(t).contains(needle),
            "reason {:?} lacks {needle:?}",
            t.reason
        );
    }
    if level != TrustLevel::Full {
        assert_eq!(t.amount, 0);
    }
}

#[test]
fn full_trust_names_path_and_anchor() {
    let t = Keyring::standard().judge(T, "alice", &[], Some("alice@example.org"));
    assert_level(&t, TrustLevel::Full, &[]);
    assert_eq!(t.basis, Basis::CaChain);
    assert_eq!(t.amount, 120);
    let p = pki();
    assert_eq!(
        t.path,
        vec![
            subject(&p.cert("alice")),
            subject(&p.cert("int")),
            subject(&p.cert("root"))
        ]
    );
    // Every certificate is covered by a current CRL: nothing to remark on.
    assert_eq!(t.reason.as_deref(), Some("anchor CN=Test Root CA"));
}

#[test]
fn intermediate_from_the_message_is_used() {
    let mut k = Keyring::standard();
    k.intermediates.clear();
    let t = k.judge(T, "alice", &[pki().cert("int"), pki().cert("alice")], None);
    assert_level(&t, TrustLevel::Full, &["anchor CN=Test Root CA"]);
    assert_eq!(t.path.len(), 3);
}

#[test]
fn leaf_must_allow_email_protection() {
    let k = Keyring::standard();
    assert_level(
        &k.judge(T, "noeku", &[], None),
        TrustLevel::Untrusted,
        &["emailProtection", "CN=Server Only"],
    );
    assert_level(&k.judge(T, "anyeku", &[], None), TrustLevel::Full, &[]);
}

#[test]
fn ca_whose_eku_excludes_email_cannot_vouch() {
    let t = Keyring::standard().judge(T, "web", &[], None);
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &["CN=Server CA", "emailProtection"],
    );
}

#[test]
fn expired_and_not_yet_valid_leaf() {
    let k = Keyring::standard();
    let t = k.judge(T, "expired", &[], None);
    assert_level(
        &t,
        TrustLevel::Expired,
        &["CN=Old", "expired on 2025-01-01T00:00:00Z", T],
    );
    // Within its validity no CRL of its CA was current yet, and the later
    // ones were issued after it expired (they need not list it any more):
    // its status cannot be established, so it is not fully valid.
    let t = k.judge("2024-06-01T00:00:00Z", "expired", &[], None);
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &[
            "revocation status unknown",
            "is current at 2024-06-01",
            "CN=Old",
        ],
    );
    // Without CRLs in the keyring the gap is only named.
    let mut none = Keyring::standard();
    none.crls.clear();
    let t = none.judge("2024-06-01T00:00:00Z", "expired", &[], None);
    assert_level(
        &t,
        TrustLevel::Full,
        &["revocation status unknown (no current CRL) for", "CN=Old"],
    );
    let t = k.judge("2023-06-01T00:00:00Z", "alice", &[], None);
    assert_level(
        &t,
        TrustLevel::Expired,
        &["not valid before 2024-01-01T00:00:00Z"],
    );
}

#[test]
fn revoked_leaf_reports_date_and_reason() {
    let t = Keyring::standard().judge(T, "gone", &[], None);
    assert_level(
        &t,
        TrustLevel::Revoked,
        &["CN=Gone", "2025-03-01T00:00:00Z", "keyCompromise"],
    );
    assert_eq!(t.path.len(), 3);
}

#[test]
fn compromise_found_later_reaches_back_but_soft_revocation_does_not() {
    let k = Keyring::standard();
    // Revoked 2026-09-01 for keyCompromise, on a CRL issued after T.
    let t = k.judge(T, "stolen", &[], None);
    assert_level(
        &t,
        TrustLevel::Revoked,
        &["CN=Stolen", "keyCompromise", "2026-09-01"],
    );
    // Revoked 2026-09-01 as superseded: not held against a use before then.
    let t = k.judge(T, "later", &[], None);
    assert_level(&t, TrustLevel::Full, &["superseded", "not held against"]);
    // After the date, it is revoked.
    let t = k.judge("2026-11-01T00:00:00Z", "later", &[], None);
    assert_level(&t, TrustLevel::Revoked, &["superseded"]);
    // Before the first CRL existed, the compromise of "gone" still counts.
    let t = k.judge("2025-02-01T00:00:00Z", "gone", &[], None);
    assert_level(&t, TrustLevel::Revoked, &["keyCompromise"]);
}

#[test]
fn name_constraints_on_rfc822_names() {
    let k = Keyring::standard();
    // The constrained CA publishes no CRL, but the root above it does:
    // Bob's status cannot be established (PKITS 4.4.1, Missing CRL).
    let t = k.judge(T, "bob", &[], None);
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &[
            "revocation status unknown",
            "no CRL of CN=Constrained CA",
            "CN=Bob",
        ],
    );
    // Without the root's CRL nothing above Bob publishes one: trusted,
    // with the gap named.
    let mut k = Keyring::standard();
    k.crls = vec![pki().crl("int")];
    let t = k.judge(T, "bob", &[], None);
    assert_level(
        &t,
        TrustLevel::Full,
        &["revocation status unknown (no current CRL) for CN=Constrained CA, CN=Bob"],
    );
    let t = k.judge(T, "mallory", &[], None);
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &["CN=Mallory", "name constraints"],
    );
}

#[test]
fn domain_scoped_anchor() {
    let mut k = Keyring::standard();
    k.anchors = vec![anchor("scoped", &["example.org"])];
    assert_level(
        &k.judge(T, "carol", &[], Some("carol@example.org")),
        TrustLevel::Full,
        &["anchor CN=Scoped Root"],
    );
    assert_level(
        &k.judge(T, "carol", &[], Some("carol@lists.example.org")),
        TrustLevel::Full,
        &[],
    );
    let t = k.judge(T, "carol", &[], Some("carol@other.test"));
    assert_level(
        &t,
        TrustLevel::None,
        &["anchor CN=Scoped Root is limited to domains example.org"],
    );
    assert_eq!(t.basis, Basis::None);
    assert_level(
        &k.judge(T, "carol", &[], None),
        TrustLevel::None,
        &["limited to domains"],
    );
}

#[test]
fn untrusted_root_gives_no_path() {
    let k = Keyring::standard();
    let t = k.judge(T, "eve", &[pki().cert("untrusted")], None);
    assert_level(
        &t,
        TrustLevel::None,
        &[
            "no path to a trust anchor",
            "CN=Untrusted Root",
            "not a trust anchor",
        ],
    );
    let t = k.judge(T, "eve", &[], None);
    assert_level(
        &t,
        TrustLevel::None,
        &["no path to a trust anchor (issuer: CN=Untrusted Root)"],
    );
    let mut k = Keyring::standard();
    k.anchors.clear();
    assert_level(
        &k.judge(T, "alice", &[], None),
        TrustLevel::None,
        &["issuer: CN=Test Root CA"],
    );
}

#[test]
fn ecdsa_ed25519_and_pss_chains() {
    let k = Keyring::standard();
    // P-384 root signs (SHA-384) a P-256 intermediate, which signs the leaf.
    let t = k.judge(T, "ec", &[], None);
    assert_level(&t, TrustLevel::Full, &["anchor CN=EC Root"]);
    assert_eq!(t.path.len(), 3);
    // An Ed25519 CA under the RSA root signs an Ed25519 leaf (the CA
    // publishes no CRL, so the root's CRL is left out here).
    let mut no_root_crl = Keyring::standard();
    no_root_crl.crls.retain(|c| *c != pki().crl("root"));
    assert_level(
        &no_root_crl.judge(T, "ed", &[], None),
        TrustLevel::Full,
        &["anchor CN=Test Root CA"],
    );
    // RSASSA-PSS signature on the leaf.
    assert_level(&k.judge(T, "pss", &[], None), TrustLevel::Full, &[]);
}

#[test]
fn leaf_that_is_an_anchor() {
    let mut k = Keyring::standard();
    k.anchors.push(anchor("self", &[]));
    let t = k.judge(T, "self", &[], Some("sam@example.org"));
    assert_level(&t, TrustLevel::Full, &["anchor CN=Self Signed Sam"]);
    assert_eq!(t.path, vec!["CN=Self Signed Sam".to_string()]);
    assert_level(
        &k.judge("2035-01-01T00:00:00Z", "self", &[], None),
        TrustLevel::Expired,
        &["2034-01-01"],
    );
    // Not an anchor: a self-signed certificate is just an unknown root.
    let t = Keyring::standard().judge(T, "self", &[], None);
    assert_level(&t, TrustLevel::None, &["no path"]);
}

#[test]
fn validator_is_reusable_and_shareable() {
    fn shareable<T: Send + Sync>() {}
    shareable::<X509Validator>();
    let k = Keyring::standard();
    let ctx = X509Context {
        anchors: &k.anchors,
        intermediates: &k.intermediates,
        crls: &k.crls,
        time: at(T),
    };
    let v = X509Validator::new(&ctx);
    let p = pki();
    // A revoked status is never answered from a cache without its evidence.
    for _ in 0..2 {
        let t = v.validate(&p.cert("gone"), &[], None);
        assert_level(
            &t,
            TrustLevel::Revoked,
            &["2025-03-01T00:00:00Z", "keyCompromise"],
        );
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    [
                        v.validate(&p.cert("alice"), &[], None).level,
                        v.validate(&p.cert("gone"), &[], None).level,
                    ]
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(levels) => assert_eq!(levels, [TrustLevel::Full, TrustLevel::Revoked]),
                Err(_) => panic!("validation thread panicked"),
            }
        }
    });
    assert_eq!(v.time(), at(T));
}

#[test]
fn fail_garbage_crls_are_ignored() {
    let mut k = Keyring::standard();
    let crl = pki().crl("int");
    let truncated = crl.get(..crl.len() / 2).unwrap_or_default().to_vec();
    let mut flipped = crl.clone();
    if let Some(last) = flipped.last_mut() {
        *last ^= 0x01; // signature no longer verifies
    }
    k.crls = vec![
        b"not a CRL".to_vec(),
        Vec::new(),
        truncated,
        flipped,
        pki().crl("root"),
    ];
    let t = k.judge(T, "gone", &[], None);
    // The only CRL naming "gone" is unverifiable, so its status is
    // unknown: not fully valid (PKITS 4.4.4, Bad CRL Signature).
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &["revocation status unknown", "does not verify", "CN=Gone"],
    );
}

#[test]
fn fail_tampered_signature_is_not_trusted() {
    let mut der = match pki().cert("alice").to_der() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    if let Some(last) = der.last_mut() {
        *last ^= 0x40; // a bit in the signature value
    }
    let tampered = match cert_from_der(&der) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let k = Keyring::standard();
    let ctx = X509Context {
        anchors: &k.anchors,
        intermediates: &k.intermediates,
        crls: &k.crls,
        time: at(T),
    };
    let t = validate(&ctx, &tampered, &[], None);
    assert_level(&t, TrustLevel::Untrusted, &["signature", "CN=Alice"]);
    // Expired and tampered: the bad signature is what is reported.
    let ctx = X509Context {
        time: at("2040-01-01T00:00:00Z"),
        ..ctx
    };
    assert_level(
        &validate(&ctx, &tampered, &[], None),
        TrustLevel::Untrusted,
        &["signature"],
    );
}

#[test]
fn sender_matching_ignores_case() {
    let alice = pki().cert("alice");
    assert!(sender_matches(&alice, "Alice@Example.ORG"));
    assert!(sender_matches(&alice, " alice@example.org "));
    assert!(!sender_matches(&alice, "bob@example.org"));
    assert!(!sender_matches(&alice, ""));
}

#[test]
fn key_usage_for_signing_and_encrypting() {
    let p = pki();
    assert_eq!(check_usage(&p.cert("alice"), Purpose::Sign), Ok(()));
    assert_eq!(check_usage(&p.cert("alice"), Purpose::Encrypt), Ok(()));
    assert_eq!(check_usage(&p.cert("ec"), Purpose::Encrypt), Ok(()));
    assert_eq!(check_usage(&p.cert("ed"), Purpose::Sign), Ok(()));
    let err = check_usage(&p.cert("ed"), Purpose::Encrypt)
        .err()
        .unwrap_or_default();
    assert!(err.contains("Ed25519"), "{err}");
    let err = check_usage(&p.cert("noeku"), Purpose::Sign)
        .err()
        .unwrap_or_default();
    assert!(err.contains("emailProtection"), "{err}");
    // anyExtendedKeyUsage with digitalSignature only: may sign, not encrypt.
    assert_eq!(check_usage(&p.cert("anyeku"), Purpose::Sign), Ok(()));
    let err = check_usage(&p.cert("anyeku"), Purpose::Encrypt)
        .err()
        .unwrap_or_default();
    assert!(err.contains("keyEncipherment"), "{err}");
}

#[test]
fn fail_stale_crls_leave_status_unknown() {
    // 2027-07-01: the CRLs of the intermediate (next updates 2027-01-01 and
    // 2027-06-01) and of the root are all out of date (PKITS 4.4.11).
    let t = Keyring::standard().judge("2027-07-01T00:00:00Z", "alice", &[], None);
    assert_level(
        &t,
        TrustLevel::Untrusted,
        &[
            "revocation status unknown",
            "no CRL of CN=Test Root CA is current at 2027-07-01",
            "CA certificate CN=Test Intermediate CA",
        ],
    );
}

#[test]
fn crl_issued_later_establishes_status() {
    // 2025-03-01: no CRL was issued yet, but the ones of 2025-04-01 list
    // neither Alice nor her CA, both unexpired then: not revoked before.
    let t = Keyring::standard().judge("2025-03-01T00:00:00Z", "alice", &[], None);
    assert_level(&t, TrustLevel::Full, &[]);
    assert_eq!(t.reason.as_deref(), Some("anchor CN=Test Root CA"));
}
