//! Inline PGP detection in text bodies and the PGP/MIME
//! multipart/encrypted wrapper: the parsing we do ourselves before
//! Sequoia sees anything.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailseal::{mime, openpgp};

fuzz_target!(|data: &[u8]| {
    if let Some(block) = openpgp::find_inline(data) {
        assert!(block.start <= block.end && block.end <= data.len());
        // The block is whole lines; the whitespace mail clients put around
        // armor lines (non-breaking spaces included) is not armor.
        assert!(block.armor(data).starts_with(b"-----BEGIN PGP "));
    }
    if let Ok((headers, body)) = mime::split_headers(data) {
        if let Ok(Some(message)) = openpgp::parse_encrypted(&headers, body) {
            assert!(!message.is_empty());
        }
    }
});
