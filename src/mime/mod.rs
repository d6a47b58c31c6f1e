//! MIME: splitting whole RFC 5322 messages into outer headers and the
//! protected entity, canonicalizing what is signed, finding the protected
//! structure of a received message, and assembling S/MIME output.

pub mod build;
pub mod canon;
pub mod parse;

pub use build::{build_multipart_signed, build_pkcs7_mime, join_entity, SignaturePart};
pub use canon::{split_for_protection, Protected};
pub use parse::{
    addresses, analyze, header_value, split_headers, Analysis, Body, HeaderField, Mailbox,
};
