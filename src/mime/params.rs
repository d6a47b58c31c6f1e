//! Content-Type and Content-Disposition values: `type/subtype` and
//! parameters (RFC 2045 section 5.1), with RFC 2231 continuations and
//! charset-tagged values.
//!
//! ```text
//! content := "Content-Type" ":" type "/" subtype *(";" parameter)
//! parameter := attribute "=" value
//! value := token / quoted-string
//! ```

/// A parsed Content-Type (or Content-Disposition) value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentType {
    /// `type/subtype`, lower-cased (for Content-Disposition just the
    /// disposition type).
    pub mime_type: String,
    /// Parameters in order, names lower-cased, values unquoted and with
    /// RFC 2231 sections joined.
    pub params: Vec<(String, String)>,
}

/// Bounds the RFC 2231 sections of one parameter, so hostile input cannot
/// make us sort or join unbounded lists.
const MAX_SECTIONS: usize = 64;

/// Bounds the parameters read from one field: real fields have a handful.
const MAX_PARAMS: usize = 256;

impl ContentType {
    /// RFC 2045 section 5.2: a missing or unreadable Content-Type means
    /// text/plain in US-ASCII.
    pub fn default_text() -> Self {
        ContentType {
            mime_type: "text/plain".into(),
            params: vec![("charset".into(), "us-ascii".into())],
        }
    }

    /// The value of the first parameter named `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the type is exactly `mime_type` (give it in lower case).
    pub fn is(&self, mime_type: &str) -> bool {
        self.mime_type == mime_type
    }

    /// The part before the `/`, e.g. `multipart`.
    pub fn main_type(&self) -> &str {
        self.mime_type.split('/').next().unwrap_or("")
    }
}

/// Parses a Content-Type value (already unfolded). Returns `None` when
/// there is no `type/subtype`; callers then apply the RFC 2045 default.
pub fn parse_content_type(value: &[u8]) -> Option<ContentType> {
    let mut cur = Cursor { s: value, pos: 0 };
    cur.skip_cfws();
    let main = cur.token();
    cur.skip_cfws();
    if !cur.eat(b'/') {
        return None;
    }
    cur.skip_cfws();
    let sub = cur.token();
    if main.is_empty() || sub.is_empty() {
        return None;
    }
    let mime_type = format!("{}/{}", lossy(main), lossy(sub)).to_ascii_lowercase();
    Some(ContentType {
        mime_type,
        params: join_sections(cur.raw_params()),
    })
}

/// Parses a Content-Disposition value: a disposition type and parameters.
pub fn parse_disposition(value: &[u8]) -> Option<ContentType> {
    let mut cur = Cursor { s: value, pos: 0 };
    cur.skip_cfws();
    let kind = cur.token();
    if kind.is_empty() {
        return None;
    }
    Some(ContentType {
        mime_type: lossy(kind).to_ascii_lowercase(),
        params: join_sections(cur.raw_params()),
    })
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Skips whitespace and (nested) comments.
    fn skip_cfws(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' => depth += 1,
                b')' if depth > 0 => depth -= 1,
                b'\\' if depth > 0 => self.pos += 1,
                c if c.is_ascii_whitespace() => {}
                _ if depth > 0 => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    /// A token, leniently: everything up to a delimiter that cannot be
    /// part of a value. Mailers write unquoted boundaries with `=` and
    /// other specials, so only `;`, `/`, `=` (where `stop_eq`), quotes,
    /// comments and whitespace end it.
    fn token_until(&mut self, stop_eq: bool, stop_slash: bool) -> &'a [u8] {
        let start = self.pos;
        while let Some(c) = self.peek() {
            let stop = c == b';'
                || c == b'"'
                || c == b'('
                || c.is_ascii_whitespace()
                || (stop_eq && c == b'=')
                || (stop_slash && c == b'/');
            if stop {
                break;
            }
            self.pos += 1;
        }
        self.s.get(start..self.pos).unwrap_or_default()
    }

    fn token(&mut self) -> &'a [u8] {
        self.token_until(true, true)
    }

    fn quoted(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    if let Some(n) = self.peek() {
                        out.push(n);
                        self.pos += 1;
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Skips to just after the next `;`; false at the end.
    fn next_param(&mut self) -> bool {
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b';' {
                return true;
            }
            if c == b'"' {
                self.quoted();
            }
        }
        false
    }

    /// Every `name=value` as written, names lower-cased.
    fn raw_params(&mut self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        while out.len() < MAX_PARAMS && self.next_param() {
            self.skip_cfws();
            let name = self.token_until(true, false);
            self.skip_cfws();
            if name.is_empty() || !self.eat(b'=') {
                continue;
            }
            self.skip_cfws();
            let value = if self.eat(b'"') {
                self.quoted()
            } else {
                self.token_until(false, false).to_vec()
            };
            out.push((lossy(name).to_ascii_lowercase(), value));
        }
        out
    }
}

/// One RFC 2231 piece of a parameter: `name*N*=` and friends.
struct Section {
    name: String,
    index: Option<usize>,
    extended: bool,
    value: Vec<u8>,
}

fn section(name: String, value: Vec<u8>) -> Section {
    let (base, extended) = match name.strip_suffix('*') {
        Some(b) => (b.to_string(), true),
        None => (name, false),
    };
    if let Some((stem, num)) = base.rsplit_once('*') {
        if let Ok(index) = num.parse::<usize>() {
            return Section {
                name: stem.to_string(),
                index: Some(index),
                extended,
                value,
            };
        }
    }
    Section {
        name: base,
        index: None,
        extended,
        value,
    }
}

/// Joins RFC 2231 sections into one value per name; the first plain or
/// sectioned occurrence of a name wins.
fn join_sections(raw: Vec<(String, Vec<u8>)>) -> Vec<(String, String)> {
    let sections: Vec<Section> = raw.into_iter().map(|(n, v)| section(n, v)).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &sections {
        if out.iter().any(|(n, _)| *n == s.name) {
            continue;
        }
        let value = match s.index {
            None if s.extended => decode_extended(&s.value, true).0,
            None => lossy(&s.value),
            Some(_) => joined_value(&sections, &s.name),
        };
        out.push((s.name.clone(), value));
    }
    out
}

fn joined_value(sections: &[Section], name: &str) -> String {
    let mut parts: Vec<&Section> = sections
        .iter()
        .filter(|s| s.name == name && s.index.is_some())
        .take(MAX_SECTIONS)
        .collect();
    parts.sort_by_key(|s| s.index);
    let mut bytes = Vec::new();
    let mut charset = None;
    for (i, s) in parts.iter().enumerate() {
        if s.extended {
            let (decoded, cs) = decode_extended_bytes(&s.value, i == 0);
            if i == 0 {
                charset = cs;
            }
            bytes.extend_from_slice(&decoded);
        } else {
            bytes.extend_from_slice(&s.value);
        }
    }
    charset_decode(&bytes, charset.as_deref())
}

/// `charset'language'%XX...` (the prefix only on the first section).
fn decode_extended_bytes(value: &[u8], first: bool) -> (Vec<u8>, Option<String>) {
    let mut rest = value;
    let mut charset = None;
    if first {
        let mut it = value.splitn(3, |&b| b == b'\'');
        if let (Some(cs), Some(_lang), Some(v)) = (it.next(), it.next(), it.next()) {
            charset = Some(lossy(cs).to_ascii_lowercase());
            rest = v;
        }
    }
    let mut out = Vec::with_capacity(rest.len());
    let mut i = 0;
    while let Some(&c) = rest.get(i) {
        let hex = rest.get(i + 1..i + 3).and_then(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        });
        match (c, hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    (out, charset)
}

fn decode_extended(value: &[u8], first: bool) -> (String, Option<String>) {
    let (bytes, charset) = decode_extended_bytes(value, first);
    (charset_decode(&bytes, charset.as_deref()), charset)
}

/// Parameter values are names and boundaries; UTF-8 and Latin-1 cover
/// what is seen in practice, anything else is read as UTF-8 lossily.
fn charset_decode(bytes: &[u8], charset: Option<&str>) -> String {
    match charset {
        Some("iso-8859-1" | "latin1" | "windows-1252") => {
            bytes.iter().map(|&b| b as char).collect()
        }
        _ => lossy(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ct(s: &str) -> ContentType {
        parse_content_type(s.as_bytes()).unwrap()
    }

    #[test]
    fn quoted_and_unquoted_params_case_insensitive() {
        let c = ct(" Multipart/Signed; PROTOCOL=\"application/pkcs7-signature\";\r\n\tmicalg=SHA-256 ; Boundary=----=_Part_1");
        assert_eq!(c.mime_type, "multipart/signed");
        assert_eq!(c.main_type(), "multipart");
        assert_eq!(c.param("protocol"), Some("application/pkcs7-signature"));
        assert_eq!(c.param("micalg"), Some("SHA-256"));
        assert_eq!(c.param("boundary"), Some("----=_Part_1"));
    }

    #[test]
    fn comments_escapes_and_semicolons_in_quotes() {
        let c =
            ct("text/plain (a comment; with semicolon) ; charset=\"utf-8\" (x); name=\"a\\\"b;c\"");
        assert_eq!(c.mime_type, "text/plain");
        assert_eq!(c.param("charset"), Some("utf-8"));
        assert_eq!(c.param("name"), Some("a\"b;c"));
    }

    #[test]
    fn rfc2231_sections_and_charset() {
        let c = ct("application/x; name*0*=utf-8''%E6%97%A5; name*1=\"x.txt\"; title*=iso-8859-1'en'%E9t%E9");
        assert_eq!(c.param("name"), Some("\u{65e5}x.txt"));
        assert_eq!(c.param("title"), Some("\u{e9}t\u{e9}"));
    }

    #[test]
    fn first_duplicate_wins_and_junk_is_skipped() {
        let c = ct("multipart/mixed; ;; junk; boundary=a; boundary=b; =x");
        assert_eq!(c.param("boundary"), Some("a"));
        assert_eq!(c.params.len(), 1);
    }

    #[test]
    fn fail_no_subtype() {
        assert!(parse_content_type(b"text").is_none());
        assert!(parse_content_type(b"/plain").is_none());
        assert!(parse_content_type(b"").is_none());
        assert!(parse_content_type(b"(unterminated comment text/plain").is_none());
    }

    #[test]
    fn disposition() {
        let d = parse_disposition(b"Attachment; filename=\"smime.p7s\"").unwrap();
        assert_eq!(d.mime_type, "attachment");
        assert_eq!(d.param("filename"), Some("smime.p7s"));
    }
}
