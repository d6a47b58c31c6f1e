//! X.509 certificates and CRLs: parsing, address extraction, and path
//! validation against an anchor made of the same bytes.
#![no_main]

use der::Decode;
use libfuzzer_sys::fuzz_target;
use mailseal::keyring::Anchor;
use mailseal::smime::cert;
use mailseal::time::Timestamp;
use mailseal::trust::x509::{validate, X509Context};

fuzz_target!(|data: &[u8]| {
    let Ok(c) = x509_cert::Certificate::from_der(data) else { return };
    let _ = cert::emails(&c);
    let _ = cert::common_name(&c);
    let anchors = [Anchor {
        fingerprint: cert::fingerprint(&c),
        cert: c.clone(),
        domains: vec!["example.org".into()],
    }];
    let crls = [data.to_vec()];
    let ctx = X509Context {
        anchors: &anchors,
        intermediates: &[],
        crls: &crls,
        time: Timestamp(1_780_000_000),
    };
    let _ = validate(&ctx, &c, &[], Some("alice@example.org"));
});
