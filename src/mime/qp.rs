//! Quoted-printable (RFC 2045 section 6.7): how 8-bit text is made 7-bit
//! safe before signing without changing its charset or bytes.

use super::codec::{find_byte, LINE_MAX};

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'F' => Some(c - b'A' + 10),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Decodes quoted-printable leniently, as RFC 2045 section 6.7 asks of
/// readers: trailing whitespace on a line is dropped, `=` at a line end is
/// a soft break, and an `=` not followed by two hex digits is kept as it
/// is. Hard line breaks come out as CRLF.
pub fn qp_decode(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        let (line, next) = match find_byte(rest, b'\n') {
            Some(i) => (rest.get(..i).unwrap_or_default(), rest.get(i + 1..)),
            None => (rest, None),
        };
        let line = trim_trailing_whitespace(line);
        let (body, soft) = match line.strip_suffix(b"=") {
            Some(body) => (body, true),
            None => (line, false),
        };
        qp_decode_line(body, &mut out);
        let Some(next) = next else {
            return out;
        };
        if !soft {
            out.extend_from_slice(b"\r\n");
        }
        rest = next;
    }
}

fn trim_trailing_whitespace(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .rposition(|&b| !matches!(b, b' ' | b'\t' | b'\r'))
        .map_or(0, |i| i + 1);
    &line[..end]
}

fn qp_decode_line(line: &[u8], out: &mut Vec<u8>) {
    let mut rest = line;
    while let Some(i) = find_byte(rest, b'=') {
        out.extend_from_slice(rest.get(..i).unwrap_or_default());
        let hi = rest.get(i + 1).copied().and_then(hex_digit);
        let lo = rest.get(i + 2).copied().and_then(hex_digit);
        let used = match (hi, lo) {
            (Some(hi), Some(lo)) => {
                out.push(hi << 4 | lo);
                3
            }
            _ => {
                out.push(b'=');
                1
            }
        };
        rest = rest.get(i + used..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
}

/// Encodes text as quoted-printable. CRLF pairs in `data` are the line
/// breaks; every other control byte, 8-bit byte and `=` is escaped, as is
/// whitespace at a line end and the `F` of a line starting with `From `
/// (RFC 3156 section 3, RFC 8551 section 3.1.2), so no relay has a reason
/// to touch the encoded text, and a `-` that starts a line (no encoded
/// line can be a multipart delimiter). Lines are at most 76 characters.
pub fn qp_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 4 + 16);
    let mut start = 0usize;
    let mut from = 0usize;
    while let Some(i) = data.get(from..).and_then(|r| find_byte(r, b'\n')) {
        let lf = from + i;
        from = lf + 1;
        // Only CRLF breaks a line; a bare LF is data and gets escaped.
        if lf > start && data.get(lf - 1) == Some(&b'\r') {
            qp_encode_line(data.get(start..lf - 1).unwrap_or_default(), &mut out);
            out.extend_from_slice(b"\r\n");
            start = from;
        }
    }
    qp_encode_line(data.get(start..).unwrap_or_default(), &mut out);
    out
}

/// One line, with soft breaks so that no encoded line exceeds 76
/// characters (the last character may use the column a soft break needs).
/// An `F` or `-` at the start of an encoded line is always escaped, soft
/// breaks included: that keeps "From " off every line start, and keeps a
/// soft break from turning text inside a multipart into a boundary
/// delimiter line ("--boundary"), which would cut the part in two when
/// the canonical form is read again (RFC 2046 section 5.1.1).
fn qp_encode_line(line: &[u8], out: &mut Vec<u8>) {
    let mut col = 0usize;
    let last = line.len().saturating_sub(1);
    for (i, &c) in line.iter().enumerate() {
        let at_end = i == last;
        let literal = match c {
            b' ' | b'\t' => !at_end,
            b'=' => false,
            33..=126 => true,
            _ => false,
        };
        let width = if literal { 1 } else { 3 };
        let limit = if at_end { LINE_MAX } else { LINE_MAX - 1 };
        if col + width > limit {
            out.extend_from_slice(b"=\r\n");
            col = 0;
        }
        if literal && !(col == 0 && matches!(c, b'F' | b'-')) {
            out.push(c);
            col += 1;
        } else {
            out.extend_from_slice(&qp_escape(c));
            col += 3;
        }
    }
}

fn qp_escape(c: u8) -> [u8; 3] {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    [b'=', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qp_round_trip_of_awkward_text() {
        let text: &[u8] = b"From here\r\ntrailing space \r\ntab\t\r\n=equals\r\n\x1b$B\r\n\xe6\x97\xa5\r\nbare\rcr\r\nno end";
        let enc = qp_encode(text);
        assert!(enc.starts_with(b"=46rom here\r\ntrailing space=20\r\ntab=09\r\n=3Dequals"));
        assert!(enc.iter().all(|&b| b < 0x80));
        assert_eq!(qp_decode(&enc), text);
    }

    #[test]
    fn qp_soft_breaks_keep_lines_short_and_avoid_from() {
        let mut text = vec![b'a'; 75];
        text.extend_from_slice(b"From x ");
        text.extend_from_slice(&[0xe3; 100]);
        text.extend_from_slice(b" \r\n");
        let enc = qp_encode(&text);
        for line in enc.split(|&b| b == b'\n') {
            assert!(line.len() <= 77, "{}", line.len());
            assert!(!line.starts_with(b"From "));
            let l = line.strip_suffix(b"\r").unwrap_or(line);
            assert!(!l.ends_with(b" ") && !l.ends_with(b"\t"));
        }
        assert_eq!(qp_decode(&enc), text);
    }

    #[test]
    fn qp_lines_never_start_with_a_dash() {
        let mut text = vec![0xe5; 25];
        text.extend_from_slice(b"--b\r\n-- \r\n");
        let enc = qp_encode(&text);
        assert!(
            enc.split(|&b| b == b'\n').all(|l| !l.starts_with(b"-")),
            "{enc:?}"
        );
        assert_eq!(qp_decode(&enc), text);
    }

    #[test]
    fn qp_decode_is_lenient() {
        assert_eq!(qp_decode(b"a=3d=3D=zz= \nb  \nc"), b"a===zzb\r\nc");
        assert_eq!(qp_decode(b"x=\r\ny\r\n"), b"xy\r\n");
    }

    proptest::proptest! {
        #[test]
        fn qp_round_trips_any_bytes(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let enc = qp_encode(&data);
            proptest::prop_assert!(crate::mime::is_relay_safe(&enc));
            // Hard breaks come back as CRLF, so compare against that form.
            proptest::prop_assert_eq!(qp_decode(&enc), data);
        }
    }
}
