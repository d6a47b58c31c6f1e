//! Class 4, ID spoofing: a good signature by mallory (fully valid for
//! her own address) or by alice under a From field crafted to show one
//! address while saying another. The verdict's `from` must be the real
//! addr-spec, `sender_match` true only for it, and a trusted verdict only
//! when the signer owns that address and the display name names no other
//! address (that is named in the verdict as a warning that lowers it). Inputs: `mailseal sign` (S/MIME and
//! OpenPGP), then the unsigned outer From field rewritten.

use super::support::*;
use crate::common::*;

/// One spoof: who signs, the outer fields that replace `From: signer`,
/// the expected exit code, `from`, and `sender_match`.
struct Spoof {
    case: &'static str,
    signer: &'static str,
    fields: &'static str,
    exit: i32,
    from: Option<&'static str>,
    /// The kind of header warning that lowers the verdict, if any.
    warning: Option<&'static str>,
}

const A: &str = "alice@example.org";
const M: &str = "mallory@example.org";

const SPOOFS: &[Spoof] = &[
    Spoof {
        case: "display name is another address",
        signer: M,
        fields: "From: \"alice@example.org\" <mallory@example.org>",
        exit: 3,
        from: Some(M),
        warning: Some("display-name"),
    },
    Spoof {
        case: "display name is the signer's address, addr-spec another",
        signer: A,
        fields: "From: \"alice@example.org\" <mallory@example.org>",
        exit: 3,
        from: Some(M),
        warning: Some("display-name"),
    },
    Spoof {
        case: "two addresses in From",
        signer: A,
        fields: "From: alice@example.org, mallory@example.org",
        exit: 3,
        from: None,
        warning: None,
    },
    Spoof {
        case: "two From fields",
        signer: M,
        fields: "From: alice@example.org\r\nFrom: mallory@example.org",
        exit: 3,
        from: None,
        warning: None,
    },
    Spoof {
        case: "From alice, Sender is the signer",
        signer: M,
        fields: "From: alice@example.org\r\nSender: mallory@example.org",
        exit: 3,
        from: Some(A),
        warning: None,
    },
    Spoof {
        case: "encoded-word display name hiding an address",
        signer: M,
        fields: "From: =?utf-8?q?alice=40example=2Eorg?= <mallory@example.org>",
        exit: 3,
        from: Some(M),
        warning: Some("display-name"),
    },
    Spoof {
        case: "encoded-word display name, signer is the shown address",
        signer: A,
        fields: "From: =?utf-8?q?alice=40example=2Eorg?= <mallory@example.org>",
        exit: 3,
        from: Some(M),
        warning: Some("display-name"),
    },
    Spoof {
        case: "comment holding the signer's address",
        signer: A,
        fields: "From: mallory@example.org (alice@example.org)",
        exit: 3,
        from: Some(M),
        warning: Some("display-name"),
    },
    Spoof {
        case: "comment before the addr-spec",
        signer: M,
        fields: "From: (mallory@example.org) alice@example.org",
        exit: 3,
        from: Some(A),
        warning: Some("display-name"),
    },
    Spoof {
        case: "trailing dot in the domain",
        signer: A,
        fields: "From: alice@example.org.",
        exit: 3,
        from: Some("alice@example.org."),
        warning: None,
    },
    Spoof {
        case: "homoglyph domain (Cyrillic a)",
        signer: A,
        fields: "From: alice@ex\u{430}mple.org",
        exit: 3,
        from: Some("alice@ex\u{430}mple.org"),
        warning: None,
    },
    Spoof {
        case: "IDN (punycode) look-alike domain",
        signer: A,
        fields: "From: alice@xn--exmple-cua.org",
        exit: 3,
        from: Some("alice@xn--exmple-cua.org"),
        warning: None,
    },
    // mail-parser runs the two addresses together; not one addr-spec.
    Spoof {
        case: "address folded onto the next line",
        signer: M,
        fields: "From: alice@example.org\r\n mallory@example.org",
        exit: 3,
        from: None,
        warning: None,
    },
    Spoof {
        case: "group with two members",
        signer: M,
        fields: "From: Staff: alice@example.org, mallory@example.org;",
        exit: 3,
        from: None,
        warning: None,
    },
    Spoof {
        case: "bare LF starting a second From field",
        signer: M,
        fields: "From: alice@example.org\nFrom: mallory@example.org",
        exit: 3,
        from: None,
        warning: None,
    },
    // Case only: mailboxes are compared case-insensitively, as gpg, gpgsm
    // and mail clients do; the signer owns this address.
    Spoof {
        case: "upper-case address of the signer",
        signer: A,
        fields: "From: ALICE@EXAMPLE.ORG",
        exit: 0,
        from: Some(A),
        warning: None,
    },
];

fn run_spoofs(proto: &str, env: &Env, sign: &dyn Fn(&str) -> Vec<u8>) {
    for sp in SPOOFS {
        let case = format!("{proto}: {}", sp.case);
        let signed = sign(sp.signer);
        let msg = replace_once(
            &signed,
            format!("From: {}\r\n", sp.signer).as_bytes(),
            format!("{}\r\n", sp.fields).as_bytes(),
        );
        let verdict = if sp.exit == 0 { "trusted" } else { "untrusted" };
        let c = expect(&case, env, &msg, sp.exit, verdict, &["good"]);
        assert_eq!(c.v["from"].as_str(), sp.from, "{case}: from {}", c.v);
        let sig = &c.sigs()[0];
        let owner = sp.from == Some(sp.signer)
            || sp.from.is_some_and(|f| f.eq_ignore_ascii_case(sp.signer));
        assert_eq!(sig["sender_match"], owner, "{case}: {}", c.v);
        assert_eq!(sig["signer"]["emails"][0], sp.signer, "{case}");
        let lowering: Vec<&str> = c.v["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|w| w["lowers"] == true)
            .filter_map(|w| w["kind"].as_str())
            .collect();
        assert_eq!(lowering, sp.warning.as_slice(), "{case}: {}", c.v);
        if let Some(kind) = sp.warning {
            let report = human(env, &msg);
            assert!(
                report.contains("NOT trusted: the From display name"),
                "{case} ({kind}): {report}"
            );
        }
        if sp.exit == 0 {
            // The report shows the signer's own address, not the name.
            let report = human(env, &msg);
            assert!(
                report.contains(&format!("<{}>", sp.signer)),
                "{case}: {report}"
            );
        }
    }
}

#[test]
fn smime_from_spoofs_never_lend_trust_to_another_address() {
    let f = smime();
    let sign = |signer: &str| f.sign(signer, signer, "I am who From says.", false);
    run_spoofs("S/MIME", f.env(), &sign);
}

#[test]
fn openpgp_from_spoofs_never_lend_trust_to_another_address() {
    let p = pgp();
    let sign = |signer: &str| {
        let env = if signer == A { &p.alice } else { &p.mallory };
        Pgp::sign(env, signer, "I am who From says.")
    };
    run_spoofs("OpenPGP", &p.bob, &sign);
}

#[test]
fn openpgp_user_id_name_that_is_an_address_is_not_the_address() {
    let p = pgp();
    // A key whose user ID reads "alice@example.org <mallory@example.org>".
    let sly = Env::new();
    let fpr = sly.generate_pgp("alice@example.org", M);
    give(&sly, M, &p.bob);
    p.bob.expect(&["trust", "pin", &fpr, "--email", M], b"", 0);
    let signed = Pgp::sign(&sly, M, "Signed by a look-alike user ID.");
    let msg = replace_once(
        &signed,
        b"From: mallory@example.org\r\n",
        b"From: alice@example.org\r\n",
    );
    let c = expect(
        "OpenPGP: user ID name is another address",
        &p.bob,
        &msg,
        3,
        "untrusted",
        &["good"],
    );
    let sig = &c.sigs()[0];
    assert_eq!(sig["sender_match"], false);
    assert_eq!(sig["signer"]["emails"], serde_json::json!([M]), "{}", c.v);
    let report = human(&p.bob, &msg);
    assert!(report.contains("<mallory@example.org>"), "{report}");
}
