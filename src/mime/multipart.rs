//! Splitting a multipart body at its boundary delimiter lines (RFC 2046
//! section 5.1.1).
//!
//! ```text
//! multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF
//!                   body-part *encapsulation close-delimiter
//!                   transport-padding [CRLF epilogue]
//! encapsulation := delimiter transport-padding CRLF body-part
//! delimiter := CRLF dash-boundary
//! ```
//!
//! The CRLF before each delimiter line belongs to the delimiter, not to the
//! part: this is what makes the signed bytes of a multipart/signed exact.
//! Line ends may be CRLF or bare LF (messages stored on Unix).

use super::codec::find_byte;

/// RFC 2046 limits boundaries to 70 characters; we allow some slack for
/// sloppy mailers but refuse absurd ones.
pub const MAX_BOUNDARY: usize = 200;

/// A multipart body cut into its pieces; every slice borrows the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multipart<'a> {
    /// Text before the first delimiter, without the line end that
    /// precedes the delimiter; `None` when the body starts with it.
    pub preamble: Option<&'a [u8]>,
    /// Each body part: its delimiter line (without line end) and content.
    pub parts: Vec<BodyPart<'a>>,
    /// The close-delimiter line (without line end), if there was one.
    pub close: Option<&'a [u8]>,
    /// Everything after the close-delimiter line's line end, if that line
    /// had one.
    pub epilogue: Option<&'a [u8]>,
}

/// One body part of a multipart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyPart<'a> {
    /// The delimiter line as written (transport padding included).
    pub delimiter: &'a [u8],
    /// Headers and body of the part: from after the delimiter line's line
    /// end up to, not including, the line end before the next delimiter.
    pub content: &'a [u8],
}

/// One line: `start..end` is its content, `next` where the next begins.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// Iterates over the lines of `data`, splitting at LF and dropping a CR
/// just before it.
pub fn lines(data: &[u8]) -> impl Iterator<Item = Line> + '_ {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos >= data.len() {
            return None;
        }
        let start = pos;
        let rest = data.get(start..).unwrap_or_default();
        let (end, next) = match find_byte(rest, b'\n') {
            Some(i) => {
                let lf = start + i;
                let cr = lf > start && data.get(lf - 1) == Some(&b'\r');
                (if cr { lf - 1 } else { lf }, lf + 1)
            }
            None => (data.len(), data.len()),
        };
        pos = next;
        Some(Line { start, end, next })
    })
}

/// What a line is to a multipart with this boundary. RFC 2046 asks only
/// that the line start with `--boundary`; `--boundary--` closes.
#[derive(Debug, PartialEq, Eq)]
enum Delim {
    No,
    Part,
    Close,
}

fn classify(line: &[u8], dash_boundary: &[u8]) -> Delim {
    match line.strip_prefix(dash_boundary) {
        None => Delim::No,
        Some(rest) if rest.starts_with(b"--") => Delim::Close,
        Some(_) => Delim::Part,
    }
}

/// Splits `body` at `boundary`. Returns `None` when the boundary is empty
/// or too long, or no delimiter line is found at all.
pub fn split_multipart<'a>(body: &'a [u8], boundary: &str) -> Option<Multipart<'a>> {
    if boundary.is_empty() || boundary.len() > MAX_BOUNDARY {
        return None;
    }
    let dash_boundary = [b"--", boundary.as_bytes()].concat();
    let mut m = Multipart {
        preamble: None,
        parts: Vec::new(),
        close: None,
        epilogue: None,
    };
    // Where the current part (or the preamble) starts, and the end of the
    // previous line's content (the part ends there).
    let mut open: Option<(&'a [u8], usize)> = None;
    let mut seen_delimiter = false;
    let mut prev_end = 0usize;
    for line in lines(body) {
        let text = body.get(line.start..line.end).unwrap_or_default();
        let kind = classify(text, &dash_boundary);
        if kind == Delim::No {
            prev_end = line.end;
            continue;
        }
        let content_end = if line.start == 0 { 0 } else { prev_end };
        match open.take() {
            Some((delimiter, start)) => m.parts.push(BodyPart {
                delimiter,
                content: body.get(start..content_end.max(start)).unwrap_or_default(),
            }),
            None if !seen_delimiter && line.start > 0 => {
                m.preamble = body.get(..content_end);
            }
            None => {}
        }
        seen_delimiter = true;
        if kind == Delim::Close {
            m.close = Some(text);
            m.epilogue = (line.next > line.end).then(|| body.get(line.next..).unwrap_or_default());
            return Some(m);
        }
        open = Some((text, line.next));
        prev_end = line.end;
    }
    if let Some((delimiter, start)) = open {
        m.parts.push(BodyPart {
            delimiter,
            content: body.get(start..).unwrap_or_default(),
        });
    }
    seen_delimiter.then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_exclude_the_line_end_before_the_delimiter() {
        let body = b"pre\r\n--b\r\nA: 1\r\n\r\nx\r\n\r\n--b  \r\nB: 2\r\n\r\ny\r\n--b--\r\nepi\r\n";
        let m = split_multipart(body, "b").unwrap();
        assert_eq!(m.preamble, Some(&b"pre"[..]));
        assert_eq!(m.parts.len(), 2);
        assert_eq!(m.parts[0].content, b"A: 1\r\n\r\nx\r\n");
        assert_eq!(m.parts[1].delimiter, b"--b  ");
        assert_eq!(m.parts[1].content, b"B: 2\r\n\r\ny");
        assert_eq!(m.close, Some(&b"--b--"[..]));
        assert_eq!(m.epilogue, Some(&b"epi\r\n"[..]));
    }

    #[test]
    fn bare_lf_and_no_preamble() {
        let m = split_multipart(b"--b\nx\n--b\n\n--b--", "b").unwrap();
        assert_eq!(m.preamble, None);
        assert_eq!(m.parts[0].content, b"x");
        assert_eq!(m.parts[1].content, b"");
        assert_eq!(m.epilogue, None);
    }

    #[test]
    fn empty_preamble_line_is_kept() {
        let m = split_multipart(b"\r\n--b\r\nx\r\n--b--\r\n", "b").unwrap();
        assert_eq!(m.preamble, Some(&b""[..]));
        assert_eq!(m.epilogue, Some(&b""[..]));
    }

    #[test]
    fn fail_missing_close_or_delimiters() {
        let m = split_multipart(b"--b\r\nx\r\n--b\r\ny\r\n", "b").unwrap();
        assert_eq!(m.close, None);
        assert_eq!(m.parts.len(), 2);
        assert_eq!(m.parts[1].content, b"y\r\n");
        assert!(split_multipart(b"no delimiters here\r\n", "b").is_none());
        assert!(split_multipart(b"--\r\n", "").is_none());
    }

    #[test]
    fn adjacent_delimiters_give_empty_part() {
        let m = split_multipart(b"--b\r\n--b\r\nz\r\n--b--", "b").unwrap();
        assert_eq!(m.parts[0].content, b"");
        assert_eq!(m.parts[1].content, b"z");
    }
}
