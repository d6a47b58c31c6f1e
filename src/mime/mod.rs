//! MIME: splitting whole RFC 5322 messages into outer headers and the
//! protected entity, canonicalizing what is signed, finding the protected
//! structure of a received message, and assembling S/MIME output.

pub mod build;
pub mod canon;
pub mod codec;
pub mod header;
pub mod input;
pub mod multipart;
pub mod params;
pub mod parse;
pub mod qp;
pub mod wrap;

pub use build::{
    build_multipart_signed, build_pkcs7_mime, build_pkcs7_mime_parts, join_entity,
    write_pkcs7_mime_parts, SignaturePart,
};
pub use canon::{is_relay_safe, split_for_protection, Protected};
pub use codec::{
    base64_decode, base64_encode, base64_encode_lines, base64_encode_lines_into, find_byte, to_crlf,
};
pub use header::{content_type, in_domain, is_mime_field, transfer_encoding, unfolded_value};
pub use input::{check_received, split_message};
pub use multipart::{split_multipart, BodyPart, Multipart};
pub use params::{parse_content_type, parse_disposition, ContentType};
pub use parse::{
    addresses, analyze, decode_body, header_value, split_headers, Analysis, Body, HeaderField,
    Mailbox,
};
pub use qp::{qp_decode, qp_encode};
