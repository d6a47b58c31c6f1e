//! Finding inline PGP in a text body: a cleartext-signed message
//! (RFC 9580 section 7) or an armored message (section 6.2).
//!
//! Only the first block counts, and only when its header line stands
//! alone on a line. Whether anything but whitespace surrounds the block
//! is reported: text outside the block is not covered by it.
//!
//! Webmail and Outlook write spaces at line starts and ends, and lines
//! that hold only a space, as non-breaking spaces (U+00A0; in
//! quoted-printable `=C2=A0`), which turns the armor's empty separator
//! line into a line of text. Such spaces count as whitespace around the
//! armor's lines and the block: [`InlineBlock::armor`] gives the block
//! with its armor lines cleaned. The cleartext of a signed message is
//! left as it is: it is what was signed.

use std::borrow::Cow;

use super::{MESSAGE_BEGIN, MESSAGE_END};
use crate::mime::multipart::lines;

const SIGNED_BEGIN: &[u8] = b"-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_BEGIN: &[u8] = b"-----BEGIN PGP SIGNATURE-----";
const SIGNATURE_END: &[u8] = b"-----END PGP SIGNATURE-----";

/// Which kind of inline block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlineKind {
    /// `-----BEGIN PGP SIGNED MESSAGE-----`: cleartext and signature.
    Cleartext,
    /// `-----BEGIN PGP MESSAGE-----`: signed and/or encrypted.
    Message,
}

/// An inline block found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineBlock {
    pub kind: InlineKind,
    /// The block's byte range in the text, from the header line to the
    /// end of the footer line (line end included). Without a footer the
    /// block runs to the end of the text, so that a truncated block is
    /// an error later rather than silently plain text.
    pub start: usize,
    pub end: usize,
    /// Whether only whitespace surrounds the block.
    pub whole: bool,
}

impl InlineBlock {
    /// The block's bytes within `text` (the text it was found in).
    pub fn bytes<'a>(&self, text: &'a [u8]) -> &'a [u8] {
        text.get(self.start..self.end).unwrap_or_default()
    }

    /// The block within `text`, its armor lines without the whitespace
    /// (non-breaking spaces included) that mail clients put around them:
    /// every line of an armored message; the header lines, the empty
    /// line after them and the signature of a cleartext message, whose
    /// text is kept byte for byte.
    pub fn armor<'a>(&self, text: &'a [u8]) -> Cow<'a, [u8]> {
        let block = self.bytes(text);
        let mut out = Vec::with_capacity(block.len());
        // In a cleartext message: before its text, in it, after it.
        let cleartext = self.kind == InlineKind::Cleartext;
        let (mut headers, mut in_text) = (cleartext, false);
        for line in lines(block) {
            let raw = block.get(line.start..line.next).unwrap_or_default();
            let content = block.get(line.start..line.end).unwrap_or_default();
            let clean = armor_line(content);
            if in_text && *clean == *SIGNATURE_BEGIN {
                in_text = false;
            }
            if in_text {
                out.extend_from_slice(raw);
                continue;
            }
            out.extend_from_slice(&clean);
            out.extend_from_slice(block.get(line.end..line.next).unwrap_or_default());
            // The text starts after the empty line that ends the headers.
            if headers && clean.is_empty() {
                (headers, in_text) = (false, true);
            }
        }
        if out == block {
            Cow::Borrowed(block)
        } else {
            Cow::Owned(out)
        }
    }
}

/// A non-breaking space in UTF-8, and alone (ISO-8859-1, Windows-1252).
const NBSP_UTF8: &[u8] = b"\xc2\xa0";
const NBSP_LATIN1: u8 = 0xa0;

/// `line` without whitespace at either end, non-breaking spaces
/// included: what an armor line says.
pub(crate) fn trim_armor(mut line: &[u8]) -> &[u8] {
    loop {
        let before = line.len();
        line = line.trim_ascii();
        for nbsp in [NBSP_UTF8, &[NBSP_LATIN1]] {
            line = line.strip_prefix(nbsp).unwrap_or(line);
            line = line.strip_suffix(nbsp).unwrap_or(line);
        }
        if line.len() == before {
            return line;
        }
    }
}

/// What an armor line says: [`trim_armor`], and non-breaking spaces
/// within it (in an armor header, "Comment: a b") as spaces.
fn armor_line(line: &[u8]) -> Cow<'_, [u8]> {
    let line = trim_armor(line);
    if !line.windows(2).any(|w| w == NBSP_UTF8) {
        return Cow::Borrowed(line);
    }
    let mut out = Vec::with_capacity(line.len());
    let mut rest = line;
    while let Some((&b, tail)) = rest.split_first() {
        match tail.strip_prefix(&NBSP_UTF8[1..]) {
            Some(after) if b == NBSP_UTF8[0] => {
                out.push(b' ');
                rest = after;
            }
            _ => {
                out.push(b);
                rest = tail;
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds only whitespace, non-breaking spaces included.
fn blank(text: &[u8]) -> bool {
    lines(text).all(|l| trim_armor(text.get(l.start..l.end).unwrap_or_default()).is_empty())
}

/// Finds the first inline PGP block in `text`. Runs in time linear in
/// the text.
pub fn find_inline(text: &[u8]) -> Option<InlineBlock> {
    let mut found: Option<(InlineKind, usize)> = None;
    let mut end = text.len();
    for line in lines(text) {
        let content = armor_line(text.get(line.start..line.end).unwrap_or_default());
        match found {
            None => {
                found = begin_kind(&content).map(|k| (k, line.start));
            }
            Some((kind, _)) if *content == *end_marker(kind) => {
                end = line.next;
                break;
            }
            Some(_) => {}
        }
    }
    let (kind, start) = found?;
    let whole =
        blank(text.get(..start).unwrap_or_default()) && blank(text.get(end..).unwrap_or_default());
    Some(InlineBlock {
        kind,
        start,
        end,
        whole,
    })
}

fn begin_kind(line: &[u8]) -> Option<InlineKind> {
    if line == SIGNED_BEGIN {
        Some(InlineKind::Cleartext)
    } else if line == MESSAGE_BEGIN {
        Some(InlineKind::Message)
    } else {
        None
    }
}

/// The footer that ends a block: a cleartext message ends with its
/// signature's armor. Dash-escaping (RFC 9580 section 7.2) keeps a
/// footer line inside the cleartext from matching.
fn end_marker(kind: InlineKind) -> &'static [u8] {
    match kind {
        InlineKind::Cleartext => SIGNATURE_END,
        InlineKind::Message => MESSAGE_END,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_whole_cleartext_block() {
        let text = b"\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\n- -----END PGP SIGNATURE-----\r\nhi\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\nxx\r\n-----END PGP SIGNATURE-----\r\n\r\n";
        let b = find_inline(text).unwrap();
        assert_eq!(b.kind, InlineKind::Cleartext);
        assert!(b.whole);
        assert!(b.bytes(text).starts_with(SIGNED_BEGIN));
        assert!(b.bytes(text).ends_with(b"-----END PGP SIGNATURE-----\r\n"));
    }

    #[test]
    fn text_around_a_message_is_reported() {
        let text = b"Hello\n-----BEGIN PGP MESSAGE-----  \nabc\n-----END PGP MESSAGE-----\nBye\n";
        let b = find_inline(text).unwrap();
        assert_eq!(b.kind, InlineKind::Message);
        assert!(!b.whole);
        assert_eq!(&text[b.start..b.start + 5], b"-----");
        assert_eq!(&text[b.end..], b"Bye\n");
    }

    #[test]
    fn fail_markers_not_alone_on_a_line_or_absent() {
        assert_eq!(find_inline(b"x -----BEGIN PGP MESSAGE-----\n"), None);
        assert_eq!(find_inline(b"plain text\n"), None);
        assert_eq!(find_inline(b""), None);
    }

    #[test]
    fn non_breaking_spaces_around_armor_lines_are_whitespace() {
        let text = "\u{a0}\r\n-----BEGIN PGP SIGNED MESSAGE-----\u{a0}\r\nHash:\u{a0}SHA256\r\n\u{a0}\r\n\u{a0}kept\u{a0}\r\n-----BEGIN PGP SIGNATURE-----\u{a0}\r\n\u{a0}\r\nxx\r\n-----END PGP SIGNATURE-----\u{a0}\r\n";
        let b = find_inline(text.as_bytes()).unwrap();
        assert_eq!(b.kind, InlineKind::Cleartext);
        assert!(b.whole);
        let armor = b.armor(text.as_bytes());
        assert_eq!(
            std::str::from_utf8(&armor).unwrap(),
            "-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\n\u{a0}kept\u{a0}\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\nxx\r\n-----END PGP SIGNATURE-----\r\n"
        );
        let latin1 =
            b"-----BEGIN PGP MESSAGE-----\xa0\n\xa0\nabc\n-----END PGP MESSAGE-----\n\xa0\n";
        let b = find_inline(latin1).unwrap();
        assert!(b.whole);
        assert_eq!(
            b.armor(latin1).as_ref(),
            b"-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\n"
        );
    }

    #[test]
    fn truncated_block_runs_to_the_end() {
        let text = b"-----BEGIN PGP MESSAGE-----\nabc";
        let b = find_inline(text).unwrap();
        assert_eq!(b.end, text.len());
        assert!(b.whole);
    }
}
