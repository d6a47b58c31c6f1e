//! Whole messages through the OpenPGP layer with an empty key set:
//! PGP/MIME and inline detection, then verification and decryption as
//! far as Sequoia gets without keys. Also the raw entry points, since
//! the bytes may be a bare OpenPGP message or signature.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailseal::openpgp::{self, MemoryKeys};
use mailseal::time::Timestamp;

fuzz_target!(|data: &[u8]| {
    let keys = MemoryKeys::default();
    let at = Timestamp(1_780_000_000);
    let _ = openpgp::analyze(data);
    if let Ok(report) = openpgp::verify_message(data, &keys, at) {
        // Without certificates nothing can be good.
        assert!(report.signed.iter().all(|p| p.signatures.iter().all(|s| !s.is_good())));
    }
    assert!(openpgp::decrypt_message(data, &keys, at).is_err());
    assert!(openpgp::decrypt(data, &keys, at).is_err());
    let _ = openpgp::open(data, &keys, at);
    let _ = openpgp::verify_detached(b"Content-Type: text/plain\r\n\r\nx\r\n", data, &keys, at);
});
