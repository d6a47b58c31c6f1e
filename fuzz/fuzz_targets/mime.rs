//! MIME parsing of whole messages: structure, headers, addresses, and the
//! canonical form for signing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailseal::mime;

fuzz_target!(|data: &[u8]| {
    if let Ok((headers, _body)) = mime::split_headers(data) {
        let _ = mime::header_value(&headers, "Subject");
        let _ = mime::addresses(&headers, "From");
    }
    let _ = mime::analyze(data);
    if let Ok(p) = mime::split_for_protection(data) {
        // Canonicalization must be stable on its own output.
        let joined = mime::join_entity(&p.outer, &p.entity);
        let again = mime::split_for_protection(&joined).expect("own output parses");
        assert_eq!(again.entity, p.entity);
    }
});
