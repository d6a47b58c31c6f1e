//! Display of attacker-controlled strings.
//!
//! Everything that came from a message or a certificate (names, subjects,
//! addresses, filenames) reaches a terminal, a status line or a report only
//! through [`Safe`], so it can neither move the cursor nor forge a line.

use std::fmt;

/// Wraps an untrusted string for display: control characters, bidi
/// overrides and backslashes are shown as escapes; everything else as is.
pub struct Safe<'a>(pub &'a str);

impl fmt::Display for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if needs_escape(c) => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// Escapes untrusted bytes that may not be UTF-8.
pub fn escape_bytes(b: &[u8]) -> String {
    Safe(&String::from_utf8_lossy(b)).to_string()
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}' // zero-width and directional marks
            | '\u{2028}'..='\u{202e}' // separators and bidi embeddings/overrides
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_newlines() {
        let s = Safe("Alice\x1b[2J\n[GNUPG:] GOODSIG").to_string();
        assert_eq!(s, "Alice\\u{1b}[2J\\n[GNUPG:] GOODSIG");
        assert!(!s.contains('\n') && !s.contains('\x1b'));
    }

    #[test]
    fn escapes_bidi_overrides_but_keeps_letters() {
        assert_eq!(Safe("gmail\u{202e}moc.").to_string(), "gmail\\u{202e}moc.");
        assert_eq!(Safe("Jürgen 山田").to_string(), "Jürgen 山田");
    }
}
