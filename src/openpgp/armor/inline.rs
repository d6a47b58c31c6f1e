//! Finding inline PGP in a text body: a cleartext-signed message
//! (RFC 9580 section 7) or an armored message (section 6.2).
//!
//! Only the first block counts, and only when its header line stands
//! alone on a line. Whether anything but whitespace surrounds the block
//! is reported: text outside the block is not covered by it.

use super::{MESSAGE_BEGIN, MESSAGE_END};
use crate::mime::multipart::lines;

const SIGNED_BEGIN: &[u8] = b"-----BEGIN PGP SIGNED MESSAGE-----";
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
}

/// Finds the first inline PGP block in `text`. Runs in time linear in
/// the text.
pub fn find_inline(text: &[u8]) -> Option<InlineBlock> {
    let mut found: Option<(InlineKind, usize)> = None;
    let mut end = text.len();
    for line in lines(text) {
        let content = text.get(line.start..line.end).unwrap_or_default();
        let content = content.trim_ascii_end();
        match found {
            None => {
                found = begin_kind(content).map(|k| (k, line.start));
            }
            Some((kind, _)) if content == end_marker(kind) => {
                end = line.next;
                break;
            }
            Some(_) => {}
        }
    }
    let (kind, start) = found?;
    let blank = |b: &[u8]| b.iter().all(u8::is_ascii_whitespace);
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
    fn truncated_block_runs_to_the_end() {
        let text = b"-----BEGIN PGP MESSAGE-----\nabc";
        let b = find_inline(text).unwrap();
        assert_eq!(b.end, text.len());
        assert!(b.whole);
    }
}
