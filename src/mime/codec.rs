//! Base64 (RFC 2045 section 6.8), line-end canonicalization and fast byte
//! search, written here so that what is signed is produced and read back
//! byte for byte under our own control.

use rayon::prelude::*;
use std::borrow::Cow;

use crate::error::{Error, Result};

/// The longest encoded line we write: RFC 2045 allows 76 characters.
pub(crate) const LINE_MAX: usize = 76;

const B64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Input bytes per base64 line: 57 bytes make 76 characters.
const B64_LINE_BYTES: usize = LINE_MAX / 4 * 3;

/// Base64 with CRLF after every 76 characters and after the last line.
pub fn base64_encode_lines(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    base64_encode_lines_into(data, &mut out);
    out
}

/// [`base64_encode_lines`], appending to `out` (no intermediate buffer for
/// large bodies).
pub fn base64_encode_lines_into(data: &[u8], out: &mut Vec<u8>) {
    base64_encode_parts_into(&[data], out);
}

/// Base64 lines of the concatenation of `parts`, appended to `out`: a
/// large body in pieces is encoded without being joined first.
pub fn base64_encode_parts_into(parts: &[&[u8]], out: &mut Vec<u8>) {
    let total: usize = parts.iter().map(|p| p.len()).sum();
    out.reserve(total.div_ceil(B64_LINE_BYTES) * (LINE_MAX + 2));
    let Ok(last) = line_runs(parts, |run| {
        encode_whole_lines(run, out);
        Ok::<(), std::convert::Infallible>(())
    });
    push_last_line(last.as_slice(), out);
}

/// Base64 lines of the concatenation of `parts`, written to `w` through a
/// buffer of about 80 KB: a large body is neither joined first nor held
/// encoded in memory, and no fresh pages are touched for the output.
pub fn base64_write_parts(parts: &[&[u8]], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    const CHUNK_LINES: usize = 1024;
    let mut buf = Vec::with_capacity((CHUNK_LINES + 1) * (LINE_MAX + 2));
    let last = line_runs(parts, |run| {
        for chunk in run.chunks(CHUNK_LINES * B64_LINE_BYTES) {
            encode_whole_lines(chunk, &mut buf);
            w.write_all(&buf)?;
            buf.clear();
        }
        Ok::<(), std::io::Error>(())
    })?;
    push_last_line(last.as_slice(), &mut buf);
    w.write_all(&buf)
}

/// The input of a last base64 line: fewer bytes than a whole line.
struct LastLine {
    bytes: [u8; B64_LINE_BYTES],
    len: usize,
}

impl LastLine {
    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Walks the concatenation of `parts` in base64 lines: `lines` gets, in
/// order, every run of whole lines (a line that straddles two parts is
/// joined first, on its own), and what is left for a last, shorter line
/// is returned.
fn line_runs<E>(
    parts: &[&[u8]],
    mut lines: impl FnMut(&[u8]) -> std::result::Result<(), E>,
) -> std::result::Result<LastLine, E> {
    let mut carry = LastLine {
        bytes: [0u8; B64_LINE_BYTES],
        len: 0,
    };
    for part in parts {
        let mut part = *part;
        if carry.len > 0 {
            let take = (B64_LINE_BYTES - carry.len).min(part.len());
            carry.bytes[carry.len..carry.len + take].copy_from_slice(&part[..take]);
            carry.len += take;
            part = &part[take..];
            if carry.len < B64_LINE_BYTES {
                continue;
            }
            lines(&carry.bytes)?;
        }
        let whole = part.len() / B64_LINE_BYTES * B64_LINE_BYTES;
        if whole > 0 {
            lines(&part[..whole])?;
        }
        let rest = &part[whole..];
        carry.bytes[..rest.len()].copy_from_slice(rest);
        carry.len = rest.len();
    }
    Ok(carry)
}

/// The last, shorter line (with padding) and its CRLF; nothing for none.
fn push_last_line(rest: &[u8], out: &mut Vec<u8>) {
    if !rest.is_empty() {
        base64_encode_into(rest, out);
        out.extend_from_slice(b"\r\n");
    }
}

/// Encodes `data`, a multiple of 57 bytes, as 76-character CRLF lines
/// through a stack buffer (no zero-filling of `out`).
fn encode_whole_lines(data: &[u8], out: &mut Vec<u8>) {
    /// Below this much input, one core encodes faster than two start.
    const PARALLEL_MIN: usize = 256 * 1024;
    /// Lines per piece handed to a core.
    const PIECE_LINES: usize = 2048;
    let start = out.len();
    out.resize(start + data.len() / B64_LINE_BYTES * (LINE_MAX + 2), 0);
    let dest = &mut out[start..];
    if data.len() < PARALLEL_MIN {
        encode_lines_to(data, dest);
        return;
    }
    dest.par_chunks_mut(PIECE_LINES * (LINE_MAX + 2))
        .zip(data.par_chunks(PIECE_LINES * B64_LINE_BYTES))
        .for_each(|(d, s)| encode_lines_to(s, d));
}

/// Encodes whole lines of `data` into `dest`, which holds exactly their
/// text with CRLFs.
fn encode_lines_to(data: &[u8], dest: &mut [u8]) {
    for (line, buf) in data
        .chunks_exact(B64_LINE_BYTES)
        .zip(dest.chunks_exact_mut(LINE_MAX + 2))
    {
        for (s, d) in line.chunks_exact(3).zip(buf.chunks_exact_mut(4)) {
            if let ([a, b, c], [w, x, y, z]) = (s, d) {
                let n = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
                [*w, *x] = B64_PAIRS[(n >> 12) as usize & 0xfff];
                [*y, *z] = B64_PAIRS[n as usize & 0xfff];
            }
        }
        buf[LINE_MAX] = b'\r';
        buf[LINE_MAX + 1] = b'\n';
    }
}

/// Base64 on one line, with padding.
pub fn base64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    base64_encode_into(data, &mut out);
    out
}

/// The two characters of every 12-bit value: half the lookups per byte
/// of bulk encoding (8 KB, stays in the L1 cache).
static B64_PAIRS: [[u8; 2]; 4096] = b64_pairs();

const fn b64_pairs() -> [[u8; 2]; 4096] {
    let mut table = [[0u8; 2]; 4096];
    let mut i = 0;
    while i < 4096 {
        table[i] = [B64_ALPHABET[i >> 6], B64_ALPHABET[i & 0x3f]];
        i += 1;
    }
    table
}

fn b64_char(n: u32, shift: u32) -> u8 {
    B64_ALPHABET[((n >> shift) & 0x3f) as usize]
}

fn base64_encode_into(data: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + data.len().div_ceil(3) * 4, 0);
    let Some(dst) = out.get_mut(start..) else {
        return;
    };
    let mut src = data.chunks_exact(3);
    let mut dst = dst.chunks_exact_mut(4);
    for (s, d) in (&mut src).zip(&mut dst) {
        if let ([a, b, c], [w, x, y, z]) = (s, d) {
            let n = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
            *w = b64_char(n, 18);
            *x = b64_char(n, 12);
            *y = b64_char(n, 6);
            *z = b64_char(n, 0);
        }
    }
    let last = dst.next();
    match (src.remainder(), last) {
        ([a], Some([w, x, y, z])) => {
            let n = u32::from(*a) << 16;
            (*w, *x, *y, *z) = (b64_char(n, 18), b64_char(n, 12), b'=', b'=');
        }
        ([a, b], Some([w, x, y, z])) => {
            let n = (u32::from(*a) << 16) | (u32::from(*b) << 8);
            (*w, *x, *y, *z) = (b64_char(n, 18), b64_char(n, 12), b64_char(n, 6), b'=');
        }
        _ => {}
    }
}

/// Table entries of [`B64_DECODE`] that are not 6-bit values.
const B64_INVALID: u8 = 0xff;
const B64_SPACE: u8 = 0xfe;
const B64_PAD: u8 = 0xfd;

/// Byte to 6-bit value, or one of the markers above.
const B64_DECODE: [u8; 256] = {
    let mut t = [B64_INVALID; 256];
    let mut i = 0;
    while i < 64 {
        t[B64_ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t[b' ' as usize] = B64_SPACE;
    t[b'\t' as usize] = B64_SPACE;
    t[b'\r' as usize] = B64_SPACE;
    t[b'\n' as usize] = B64_SPACE;
    t[0x0b] = B64_SPACE;
    t[0x0c] = B64_SPACE;
    t[b'=' as usize] = B64_PAD;
    t
};

/// Decodes base64, ignoring all whitespace (mailers fold and pad it
/// freely) and accepting missing padding. Any other stray character, data
/// after the padding, or a dangling single character is an error: a
/// signature that does not decode cleanly is not guessed at.
pub fn base64_decode(text: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut st = B64State::default();
    let mut rest = text;
    loop {
        if st.count == 0 && st.padding == 0 {
            rest = decode_quads(rest, &mut out);
        }
        let Some((&c, tail)) = rest.split_first() else {
            break;
        };
        st.push(c, &mut out)?;
        rest = tail;
    }
    st.finish(&mut out)?;
    Ok(out)
}

/// The fast path: whole groups of four alphabet characters. Returns the
/// input from the first group that is not one (whitespace, padding, junk).
fn decode_quads<'a>(text: &'a [u8], out: &mut Vec<u8>) -> &'a [u8] {
    let mut used = 0;
    for q in text.chunks_exact(4) {
        let [a, b, c, d] = *q else { break };
        let v = [a, b, c, d].map(|x| B64_DECODE[usize::from(x)]);
        if (v[0] | v[1] | v[2] | v[3]) >= 64 {
            break;
        }
        let n = (u32::from(v[0]) << 18)
            | (u32::from(v[1]) << 12)
            | (u32::from(v[2]) << 6)
            | u32::from(v[3]);
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
        used += 4;
    }
    text.get(used..).unwrap_or_default()
}

/// The slow path, one character at a time.
#[derive(Default)]
struct B64State {
    acc: u32,
    count: usize,
    padding: usize,
}

impl B64State {
    fn push(&mut self, c: u8, out: &mut Vec<u8>) -> Result<()> {
        let v = B64_DECODE[usize::from(c)];
        match v {
            B64_SPACE => return Ok(()),
            B64_PAD => {
                self.padding += 1;
                return Ok(());
            }
            B64_INVALID => {
                return Err(Error::malformed(
                    "base64",
                    format!("unexpected character 0x{c:02x}"),
                ))
            }
            _ if self.padding > 0 => {
                return Err(Error::malformed("base64", "data after the padding"))
            }
            _ => {}
        }
        self.acc = (self.acc << 6) | u32::from(v);
        self.count += 1;
        if self.count == 4 {
            let n = self.acc;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
            self.acc = 0;
            self.count = 0;
        }
        Ok(())
    }

    fn finish(&self, out: &mut Vec<u8>) -> Result<()> {
        let n = self.acc;
        match self.count {
            0 => {}
            2 => out.push((n >> 4) as u8),
            3 => out.extend_from_slice(&[(n >> 10) as u8, (n >> 2) as u8]),
            _ => return Err(Error::malformed("base64", "truncated final group")),
        }
        if self.padding > 0 && (self.count == 0 || self.count + self.padding > 4) {
            return Err(Error::malformed("base64", "wrong amount of padding"));
        }
        Ok(())
    }
}

/// The index of the first `byte` in `hay`. Goes through the standard
/// library's `BufRead::skip_until`, which uses the platform's fast memchr;
/// line scanning dominates the cost of reading large messages.
pub fn find_byte(hay: &[u8], byte: u8) -> Option<usize> {
    use std::io::BufRead;
    let mut reader = hay;
    let n = reader.skip_until(byte).ok()?;
    let i = n.checked_sub(1)?;
    (hay.get(i) == Some(&byte)).then_some(i)
}

/// Converts bare LF to CRLF, leaving CRLF and bare CR alone: messages
/// stored with Unix line ends must yield the same bytes as were sent.
pub fn to_crlf(data: &[u8]) -> Cow<'_, [u8]> {
    let mut rest = data;
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0usize;
    let mut offset = 0usize;
    while let Some(i) = find_byte(rest, b'\n') {
        let lf = offset + i;
        if lf == 0 || data.get(lf - 1) != Some(&b'\r') {
            let o = out.get_or_insert_with(|| Vec::with_capacity(data.len() + data.len() / 16 + 2));
            o.extend_from_slice(data.get(copied..lf).unwrap_or_default());
            o.extend_from_slice(b"\r\n");
            copied = lf + 1;
        }
        offset = lf + 1;
        rest = data.get(offset..).unwrap_or_default();
    }
    match out {
        None => Cow::Borrowed(data),
        Some(mut o) => {
            o.extend_from_slice(data.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_known_vectors() {
        // RFC 4648 section 10.
        let cases: [(&[u8], &[u8]); 7] = [
            (b"", b""),
            (b"f", b"Zg=="),
            (b"fo", b"Zm8="),
            (b"foo", b"Zm9v"),
            (b"foob", b"Zm9vYg=="),
            (b"fooba", b"Zm9vYmE="),
            (b"foobar", b"Zm9vYmFy"),
        ];
        for (plain, enc) in cases {
            assert_eq!(base64_encode(plain), enc);
            assert_eq!(base64_decode(enc).unwrap(), plain);
        }
    }

    #[test]
    fn base64_lines_are_76_columns() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let enc = base64_encode_lines(&data);
        for line in enc.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            assert!(line.len() <= 77 && line.ends_with(b"\r"));
        }
        assert_eq!(base64_decode(&enc).unwrap(), data);
    }

    #[test]
    fn base64_lines_round_trip_at_every_length_around_a_line() {
        for len in 0..400 {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            let enc = base64_encode_lines(&data);
            assert!(enc.is_empty() || enc.ends_with(b"\r\n"));
            assert!(enc.split(|&b| b == b'\n').all(|l| l.len() <= LINE_MAX + 1));
            assert_eq!(base64_decode(&enc).unwrap(), data, "length {len}");
            let one_line: Vec<u8> = enc
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            assert_eq!(one_line, base64_encode(&data));
        }
    }

    /// Encoded from parts cut inside and at lines, write buffers and the
    /// pieces handed to the cores, streamed (one core) or built (long
    /// runs on several): the text of the whole, which decodes to it.
    #[test]
    fn base64_of_parts_equals_base64_of_the_whole() {
        let small: Vec<u8> = (0..1000u32).map(|i| (i * 31 + 7) as u8).collect();
        let large: Vec<u8> = (0..1_300_007u32)
            .map(|i| (i * 167 + i / 13) as u8)
            .collect();
        let cases: [(&[u8], &[[usize; 3]]); 2] = [
            (
                &small,
                &[
                    [0, 0, 0],
                    [1, 57, 58],
                    [56, 57, 114],
                    [3, 500, 999],
                    [999, 1000, 1000],
                ],
            ),
            (
                &large,
                &[
                    [1, 58_368, 58_369],
                    [57, 100_001, 199_999],
                    [5, 900_000, 900_001],
                    [114, 114, 1_300_000],
                ],
            ),
        ];
        for (data, all_cuts) in cases {
            let whole = base64_encode_lines(data);
            assert_eq!(base64_decode(&whole).unwrap(), data);
            for cuts in all_cuts {
                let parts = [
                    &data[..cuts[0]],
                    &data[cuts[0]..cuts[1]],
                    &data[cuts[1]..cuts[2]],
                    &data[cuts[2]..],
                ];
                let mut built = b"prefix".to_vec();
                base64_encode_parts_into(&parts, &mut built);
                assert_eq!(&built[6..], whole.as_slice(), "{cuts:?}");
                let mut written = b"prefix".to_vec();
                base64_write_parts(&parts, &mut written).unwrap();
                assert_eq!(written, built, "{cuts:?}");
            }
        }
    }

    #[test]
    fn base64_decode_is_lenient_about_whitespace() {
        assert_eq!(base64_decode(b" Zm9v\r\n Ym Fy\t\n").unwrap(), b"foobar");
        assert_eq!(base64_decode(b"Zm9vYg").unwrap(), b"foob");
    }

    #[test]
    fn fail_base64_garbage() {
        assert!(base64_decode(b"Zm9v!").is_err());
        assert!(base64_decode(b"Zm9vY").is_err());
        assert!(base64_decode(b"Zg==Zg==").is_err());
        assert!(base64_decode(b"Zg===").is_err());
    }

    #[test]
    fn crlf_conversion_leaves_crlf_alone() {
        assert_eq!(&*to_crlf(b"a\nb\r\nc\rd\n"), b"a\r\nb\r\nc\rd\r\n");
        assert!(matches!(to_crlf(b"a\r\nb"), Cow::Borrowed(_)));
        assert_eq!(&*to_crlf(b"\n"), b"\r\n");
    }

    proptest::proptest! {
        #[test]
        fn base64_round_trips_with_any_folding(
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
            spaces in proptest::collection::vec((0usize..1000, 0usize..4), 0..20),
        ) {
            let mut enc = base64_encode_lines(&data);
            for (pos, kind) in spaces {
                let at = pos % (enc.len() + 1);
                enc.insert(at, [b' ', b'\t', b'\r', b'\n'][kind]);
            }
            proptest::prop_assert_eq!(base64_decode(&enc).unwrap(), data);
        }

        #[test]
        fn base64_decode_never_panics(text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let _ = base64_decode(&text);
        }
    }
}
