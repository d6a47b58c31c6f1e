//! A small PKI made with the real `openssl` binary for the tests: every
//! certificate has fixed validity dates (`openssl ca -startdate/-enddate`)
//! and every CRL fixed issue dates (`-crl_lastupdate/-crl_nextupdate`), so
//! nothing depends on the clock. Built once per test process; the commands
//! themselves are in `openssl_ca`.

use std::collections::HashMap;
use std::sync::OnceLock;

use der::Decode;
use x509_cert::Certificate;

use super::openssl_ca::{Ca, Issue};

/// Everything the PKI produced, in memory (the temporary directory is gone).
pub(super) struct Pki {
    pub certs: HashMap<&'static str, Certificate>,
    pub crls: HashMap<&'static str, Vec<u8>>,
}

impl Pki {
    pub fn cert(&self, name: &str) -> Certificate {
        match self.certs.get(name) {
            Some(c) => c.clone(),
            None => panic!("test PKI has no certificate {name}"),
        }
    }

    pub fn crl(&self, name: &str) -> Vec<u8> {
        match self.crls.get(name) {
            Some(c) => c.clone(),
            None => panic!("test PKI has no CRL {name}"),
        }
    }
}

pub(super) fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(build)
}

/// Key files and the `openssl genpkey` options that make them.
const KEYS: &[(&str, &[&str])] = &[
    (
        "root",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "int",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "leaf",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "nc",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "scoped",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "untrusted",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "self",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
    (
        "ecroot",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    ),
    (
        "ecint",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ),
    (
        "ecleaf",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ),
    ("edint", &["-algorithm", "ED25519"]),
    ("edleaf", &["-algorithm", "ED25519"]),
];

/// Self-signed roots: (name, key, common name, digest).
const ROOTS: &[(&str, &str, &str, &str)] = &[
    ("root", "root", "Test Root CA", "sha256"),
    ("scoped", "scoped", "Scoped Root", "sha256"),
    ("untrusted", "untrusted", "Untrusted Root", "sha256"),
    // A P-384 root signing with SHA-384.
    ("ecroot", "ecroot", "EC Root", "sha384"),
];

/// CA certificates: (name, key, common name, issuer, extension section).
const CAS: &[(&str, &str, &str, &str, &str)] = &[
    ("int", "int", "Test Intermediate CA", "root", "ca_ext"),
    // nameConstraints permitted;email:example.org, permitted;email:.example.org
    ("nc", "nc", "Constrained CA", "root", "ca_nc"),
    // extendedKeyUsage serverAuth only
    ("server", "int", "Server CA", "root", "ca_server"),
    ("ecint", "ecint", "EC Intermediate", "ecroot", "ca_ext"),
    ("edint", "edint", "Ed25519 CA", "root", "ca_ext"),
];

/// End-entity certificates: (name, key, common name, e-mail, issuer,
/// extension section of testpki.cnf).
const LEAVES: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("alice", "leaf", "Alice", "alice@example.org", "int", "mail"),
    (
        "noeku",
        "leaf",
        "Server Only",
        "srv@example.org",
        "int",
        "server",
    ),
    (
        "anyeku",
        "leaf",
        "Any Purpose",
        "any@example.org",
        "int",
        "anyeku",
    ),
    ("gone", "leaf", "Gone", "gone@example.org", "int", "mail"),
    ("later", "leaf", "Later", "later@example.org", "int", "mail"),
    (
        "stolen",
        "leaf",
        "Stolen",
        "stolen@example.org",
        "int",
        "mail",
    ),
    ("bob", "leaf", "Bob", "bob@example.org", "nc", "mail"),
    (
        "mallory",
        "leaf",
        "Mallory",
        "mallory@evil.test",
        "nc",
        "mail",
    ),
    ("web", "leaf", "Web", "web@example.org", "server", "mail"),
    (
        "carol",
        "leaf",
        "Carol",
        "carol@example.org",
        "scoped",
        "mail",
    ),
    ("eve", "leaf", "Eve", "eve@example.org", "untrusted", "mail"),
    ("ec", "ecleaf", "Elliptic", "ec@example.org", "ecint", "ec"),
    (
        "ed",
        "edleaf",
        "Edwards",
        "ed@example.org",
        "edint",
        "signonly",
    ),
];

fn build() -> Pki {
    let mut ca = Ca::new();
    for (key, options) in KEYS {
        // openssl genpkey OPTIONS -out KEY.key
        ca.genpkey(key, options);
    }
    for (name, key, cn, md) in ROOTS {
        // openssl ca -selfsign -extensions root -md MD
        ca.issue(Issue::new(name, key, cn, "root").extra(&["-md", md]));
    }
    // A self-signed end-user certificate, later added as an anchor.
    ca.issue(Issue::new("self", "self", "Self Signed Sam", "self").san("email:sam@example.org"));
    for (name, key, cn, issuer, ext) in CAS {
        ca.issue(Issue::new(name, key, cn, ext).issuer(issuer));
    }
    for (name, key, cn, email, issuer, ext) in LEAVES {
        // openssl ca -cert ISSUER.pem -extensions EXT, SAN email:EMAIL
        let san = format!("email:{email}");
        ca.issue(Issue::new(name, key, cn, ext).issuer(issuer).san(&san));
    }
    // openssl ca -startdate 20240101000000Z -enddate 20250101000000Z
    ca.issue(
        Issue::new("expired", "leaf", "Old", "mail")
            .issuer("int")
            .san("email:old@example.org")
            .dates(("20240101000000Z", "20250101000000Z")),
    );
    // openssl ca -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
    ca.issue(
        Issue::new("pss", "leaf", "Pss", "mail")
            .issuer("int")
            .san("email:pss@example.org")
            .extra(&[
                "-sigopt",
                "rsa_padding_mode:pss",
                "-sigopt",
                "rsa_pss_saltlen:32",
            ]),
    );

    // openssl ca -gencrl: the root's CRL revokes nothing.
    ca.gencrl("root", "root", ("20250401000000Z", "20270101000000Z"));
    // openssl ca -revoke gone.pem -crl_reason keyCompromise, dated 2025-03-01
    ca.revoke("int", "gone", "keyCompromise", "250301000000Z");
    ca.gencrl("int", "int", ("20250401000000Z", "20270101000000Z"));
    // A second CRL of the intermediate, issued after the tests' usual time
    // (2026-06-01): "later" superseded and "stolen" keyCompromise, both
    // dated 2026-09-01.
    ca.revoke("int", "later", "superseded", "260901000000Z");
    ca.revoke("int", "stolen", "keyCompromise", "260901000000Z");
    ca.gencrl("int-later", "int", ("20261001000000Z", "20270601000000Z"));
    ca.finish()
}

/// Decodes DER that the test itself produced.
pub(super) fn cert_from_der(der: &[u8]) -> Result<Certificate, der::Error> {
    Certificate::from_der(der)
}
