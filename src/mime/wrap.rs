//! `--wrap`: a message built around bare text or a file, so that input
//! that is not a message is protected by asking, never by guessing.
//!
//! Field values are encoded by mail-builder's header writers (RFC 2047
//! words, RFC 2231 parameters, folding); the message itself is assembled
//! by [`join_entity`], as every other message we write.

use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::text::Text;
use mail_builder::headers::Header;

use super::build::join_entity;
use super::codec::base64_encode_lines;
use super::header::{addresses, is_addr_spec};
use super::parse::{HeaderField, Mailbox};
use crate::error::{Error, Result};
use crate::safe::Safe;
use crate::time::Timestamp;

/// The header fields of the message to build, as the user gave them.
pub struct Envelope<'a> {
    /// The sender: one address, bare or as `Name <addr>`.
    pub from: &'a str,
    /// Recipients: each entry one address or a comma-separated list.
    pub to: &'a [String],
    pub cc: &'a [String],
    /// Travels in the outer header, unprotected.
    pub subject: Option<&'a str>,
    pub date: Timestamp,
    /// The input file's name, given to an attachment (inside the
    /// protection, with the other Content-* fields).
    pub filename: Option<&'a str>,
}

/// A whole message around `content`: From, To, Cc, Subject, Date,
/// Message-ID and MIME-Version, then the content, which is text/plain
/// (UTF-8) when it is UTF-8 without NUL bytes, else an
/// application/octet-stream attachment in base64. Protecting it keeps the
/// Content-* fields and the body inside and the others outside.
pub fn wrap(envelope: &Envelope<'_>, content: &[u8]) -> Result<Vec<u8>> {
    let from = mailboxes("--from", envelope.from)?;
    let [sender] = from.as_slice() else {
        return Err(Error::Usage(
            "--from: give exactly one address, the sender's".into(),
        ));
    };
    let mut outer = vec![address_field("From", &from)];
    for (name, option, values) in [("To", "--to", envelope.to), ("Cc", "--cc", envelope.cc)] {
        let mut list = Vec::new();
        for v in values {
            list.extend(mailboxes(option, v)?);
        }
        if !list.is_empty() {
            outer.push(address_field(name, &list));
        }
    }
    if let Some(subject) = envelope.subject {
        one_line("--subject", subject)?;
        outer.push(field("Subject", &Text::new(subject)));
    }
    let secs = i64::try_from(envelope.date.unix()).unwrap_or(i64::MAX);
    outer.push(field("Date", &Date::new(secs)));
    outer.push(field("Message-ID", &MessageId::new(message_id(sender))));
    Ok(join_entity(&outer, &entity(content, envelope.filename)))
}

/// The MIME entity holding `content`.
fn entity(content: &[u8], filename: Option<&str>) -> Vec<u8> {
    if is_text(content) {
        let encoding = if content.is_ascii() { "7bit" } else { "8bit" };
        let mut out = format!(
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        )
        .into_bytes();
        out.extend_from_slice(content);
        return out;
    }
    let mut kind = ContentType::new("application/octet-stream");
    let mut disposition = ContentType::new("attachment");
    if let Some(name) = filename.filter(|n| !n.is_empty()) {
        kind = kind.attribute("name", name);
        disposition = disposition.attribute("filename", name);
    }
    let mut out = field("Content-Type", &kind).raw;
    out.extend_from_slice(b"Content-Transfer-Encoding: base64\r\n");
    out.extend_from_slice(&field("Content-Disposition", &disposition).raw);
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&base64_encode_lines(content));
    out
}

/// Text is what a mail client can show as text/plain; charset=utf-8.
fn is_text(content: &[u8]) -> bool {
    !content.contains(&0) && std::str::from_utf8(content).is_ok()
}

/// `Name: value` with the value written by `value`'s header writer.
fn field(name: &str, value: &impl Header) -> HeaderField {
    let mut raw = format!("{name}: ").into_bytes();
    value.write_header(&mut raw, name.len() + 2);
    HeaderField {
        name: name.to_string(),
        raw,
    }
}

fn address_field(name: &str, list: &[Mailbox]) -> HeaderField {
    let items = list
        .iter()
        .map(|m| Address::new_address(m.name.as_deref(), m.email.as_str()))
        .collect();
    field(name, &Address::new_list(items))
}

/// The mailboxes of one option value: at least one, each a well-formed
/// address.
fn mailboxes(option: &str, value: &str) -> Result<Vec<Mailbox>> {
    one_line(option, value)?;
    let parsed = HeaderField {
        name: "To".into(),
        raw: format!("To: {value}\r\n").into_bytes(),
    };
    let found = addresses(std::slice::from_ref(&parsed), "To");
    if found.is_empty() || found.iter().any(|m| !is_addr_spec(&m.email)) {
        return Err(Error::Usage(format!(
            "{option} {}: not an e-mail address (give `addr@example.org` or `Name <addr@example.org>`)",
            Safe(value)
        )));
    }
    Ok(found)
}

/// A field value given on the command line must stay one field: a line
/// break in it would start a header field of its own.
fn one_line(option: &str, value: &str) -> Result<()> {
    match value.chars().any(char::is_control) {
        true => Err(Error::Usage(format!(
            "{option} must not hold a line break or other control character"
        ))),
        false => Ok(()),
    }
}

/// `<random@sender's domain>` (RFC 5322 section 3.6.4).
fn message_id(sender: &Mailbox) -> String {
    let bytes: [u8; 16] = rand::random();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let domain = sender
        .email
        .rsplit_once('@')
        .map(|(_, d)| d)
        .filter(|d| {
            d.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
        .unwrap_or("localhost");
    format!("{hex}@{domain}")
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
