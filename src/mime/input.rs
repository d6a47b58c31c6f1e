//! The message a user gives to sign or encrypt, read strictly.
//!
//! Whatever is read as the header block stays outside the signature and
//! the encryption, in clear. [`super::split_headers`] is lenient, as a
//! reader of received mail must be; here nothing is guessed (SPEC section
//! 2): the input is an RFC 5322 message (a header block of well-formed
//! fields, an empty line, a body) or it is refused, so that no byte of
//! bare text, a binary file or a stray first paragraph reaches the
//! unprotected outer part.

use super::header::addresses;
use super::multipart::lines;
use super::parse::{field_name, split_headers, HeaderField};
use crate::error::{Error, Result};

/// What to do about input that is not a message.
pub const WRAP_HINT: &str = "a message starts with header fields (From: ..., To: ..., \
Subject: ...) and an empty line; to protect bare text or a file, use \
--wrap --from ADDR --to ADDR [--subject TEXT]";

/// What to do about a message that starts with an mbox separator.
const MBOX_HINT: &str = "give one message without the mbox \"From \" line before its header \
(e.g. `sed 1d`); to protect the file as it is, use --wrap --from ADDR --to ADDR [--subject TEXT]";

/// Splits a message to protect into its header fields and body, as
/// [`split_headers`] does, but only if it is one: every line of the
/// header block is a field (`Name: value`, the name printable ASCII but
/// colon, RFC 5322 section 2.2) or the folded continuation of one, there
/// is no NUL or other control character but tab in it, an empty line ends
/// it (CRLF or LF line ends), and a From field with an address is among
/// the fields (RFC 5322 section 3.6 requires one in every message; bare
/// text whose first lines happen to look like fields has none). Anything
/// else is [`Error::NotAMessage`], naming the first offending line by its
/// number, never by its content.
pub fn split_message(raw: &[u8]) -> Result<(Vec<HeaderField>, &[u8])> {
    check_header_block(raw)?;
    let (fields, body) = split_headers(raw)?;
    if addresses(&fields, "From").is_empty() {
        return Err(not_a_message(
            "the header block has no From field with an address (RFC 5322 section 3.6.2 \
             requires one)",
        ));
    }
    Ok((fields, body))
}

/// Checks every line up to the empty line that ends the header block.
fn check_header_block(raw: &[u8]) -> Result<()> {
    if raw.starts_with(b"From ") {
        return Err(Error::NotAMessage {
            detail: "line 1 is an mbox \"From \" separator, not a header field".into(),
            hint: MBOX_HINT,
        });
    }
    for (i, line) in lines(raw).enumerate() {
        let n = i + 1;
        let text = raw.get(line.start..line.end).unwrap_or_default();
        if text.is_empty() {
            return match n {
                1 => Err(not_a_message(
                    "line 1 is empty: there is no header block before the body",
                )),
                _ => Ok(()),
            };
        }
        if let Some(fault) = line_fault(text, n == 1) {
            return Err(not_a_message(format!("line {n} {fault}")));
        }
    }
    Err(not_a_message(match raw.is_empty() {
        true => "the input is empty",
        false => "no empty line ends the header block (a message without a body needs one too)",
    }))
}

/// What is wrong with a line of the header block, if anything.
fn line_fault(text: &[u8], first: bool) -> Option<&'static str> {
    if text.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Some("holds a control character, which no header field does (binary data?)");
    }
    let folded = matches!(text.first(), Some(b' ' | b'\t'));
    if folded && text.trim_ascii().is_empty() {
        // Meant as the empty line, perhaps; then what follows would be
        // read as header fields.
        Some("holds only white space: an empty line ends the header block")
    } else if folded && first {
        Some("starts with white space, but there is no field before it to continue")
    } else if folded || field_name(text).is_some() {
        None
    } else {
        Some("is not a header field (`Name: value`)")
    }
}

/// What a received message that is not one lacks.
const RECEIVED_HINT: &str = "verify and decrypt read an RFC 5322 message (header fields, an \
empty line, a body), or a directory, Maildir or mbox file of them";

/// The check for a received message: lenient, as a reader of real mail
/// must be (odd lines in a header block are read past), but input whose
/// first line is not a header field at all (bare text, a binary file) is
/// not a message, and is refused rather than called "unsigned".
pub fn check_received(raw: &[u8]) -> Result<()> {
    let first = lines(raw)
        .next()
        .and_then(|l| raw.get(l.start..l.end))
        .unwrap_or_default();
    let detail = match first {
        [] if raw.is_empty() => "the input is empty".to_string(),
        [] => "line 1 is empty: there is no header block before the body".to_string(),
        text => match line_fault(text, true) {
            Some(fault) => format!("line 1 {fault}"),
            None => return Ok(()),
        },
    };
    Err(Error::NotAMessage {
        detail,
        hint: RECEIVED_HINT,
    })
}

fn not_a_message(detail: impl Into<String>) -> Error {
    Error::NotAMessage {
        detail: detail.into(),
        hint: WRAP_HINT,
    }
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
