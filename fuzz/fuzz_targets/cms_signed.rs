//! CMS SignedData (BER or DER), opaque and detached.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailseal::smime::{ber, verify};

fuzz_target!(|data: &[u8]| {
    let _ = ber::to_der(data);
    let _ = verify::verify(data, None);
    let _ = verify::verify(data, Some(b"Content-Type: text/plain\r\n\r\nx\r\n"));
});
