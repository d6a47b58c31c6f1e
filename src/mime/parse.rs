//! Reading received messages: headers, addresses, and where the signed or
//! encrypted parts are.

use crate::error::{Error, Result};

/// One header field exactly as it appeared, folded lines included, with
/// CRLF line ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The field name as written (compare case-insensitively).
    pub name: String,
    /// The whole field, `Name: value\r\n` plus continuation lines.
    pub raw: Vec<u8>,
}

/// An address from From/To/Cc/Bcc/Sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    /// Lower-cased addr-spec.
    pub email: String,
}

/// What the root of a message (or a nested part) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// multipart/signed: `signed` is the first part's exact bytes (headers
    /// and body, CRLF line ends, without the CRLF before the boundary);
    /// `signature` the decoded body of the second part.
    MultipartSigned {
        protocol: String,
        micalg: Option<String>,
        signed: Vec<u8>,
        signature: Vec<u8>,
    },
    /// application/pkcs7-mime (or x-pkcs7-mime), body decoded to DER.
    Pkcs7Mime {
        smime_type: Option<String>,
        der: Vec<u8>,
    },
    /// Anything else.
    Plain,
}

#[derive(Debug, Clone)]
pub struct Analysis {
    /// The message's own header fields, in order.
    pub headers: Vec<HeaderField>,
    /// What the message root is.
    pub root: Body,
    /// Signed or encrypted entities found below a plain root, with their
    /// part path (e.g. `2` or `1.3`): these cover only part of the message.
    pub nested: Vec<(String, Body)>,
}

/// Splits at the first empty line. Accepts LF or CRLF line ends.
pub fn split_headers(raw: &[u8]) -> Result<(Vec<HeaderField>, &[u8])> {
    let _ = raw;
    Err(Error::unsupported(
        "operation",
        "MIME parsing is not built yet",
    ))
}

/// Finds the protected structure of a whole message.
pub fn analyze(raw: &[u8]) -> Result<Analysis> {
    let _ = raw;
    Err(Error::unsupported(
        "operation",
        "MIME parsing is not built yet",
    ))
}

/// The unfolded, RFC 2047-decoded value of the first field named `name`.
pub fn header_value(headers: &[HeaderField], name: &str) -> Option<String> {
    let _ = (headers, name);
    None
}

/// Every mailbox in every field named `name` (e.g. all To fields).
pub fn addresses(headers: &[HeaderField], name: &str) -> Vec<Mailbox> {
    let _ = (headers, name);
    Vec::new()
}
