//! The canonical form of what is signed or encrypted (RFC 8551 section
//! 3.1.1): CRLF line ends and a 7-bit-safe transfer encoding.

use super::parse::HeaderField;
use crate::error::{Error, Result};

/// A message split for signing or encryption.
#[derive(Debug, Clone)]
pub struct Protected {
    /// Header fields that stay outside: everything but Content-* and
    /// MIME-Version.
    pub outer: Vec<HeaderField>,
    /// The MIME entity to protect: Content-* fields and the body, in
    /// canonical form.
    pub entity: Vec<u8>,
}

/// Splits a whole message into outer headers and the canonical entity.
pub fn split_for_protection(raw: &[u8]) -> Result<Protected> {
    let _ = raw;
    Err(Error::unsupported(
        "operation",
        "MIME canonicalization is not built yet",
    ))
}
