//! CMS EnvelopedData / AuthEnvelopedData: recipient parsing and
//! decryption attempts with a fixed P-256 key (seeds/, made with
//! `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256`).
#![no_main]

use der::Decode;
use libfuzzer_sys::fuzz_target;
use mailseal::smime::{decrypt, key::PrivateKey};

fuzz_target!(|data: &[u8]| {
    let _ = decrypt::recipients(data);
    let key = PrivateKey::from_pkcs8_der(include_bytes!("../seeds/p256-key.der")).expect("seed key");
    let cert = x509_cert::Certificate::from_der(include_bytes!("../seeds/p256-cert.der")).expect("seed cert");
    let _ = decrypt::decrypt(data, &key, &cert);
});
