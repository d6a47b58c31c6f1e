//! The small value types of sop's command line: dates, passwords,
//! session keys, signing modes and profiles.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sequoia_openpgp as openpgp;
use zeroize::Zeroizing;

use openpgp::crypto::{Password, SessionKey};
use openpgp::types::SymmetricAlgorithm;

use super::args::{read_indirect, MAX_SECRET};
use super::errors::{Result, SopError};
use crate::time::Timestamp;

/// `--as` for sign and encrypt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SignAs {
    /// Sign or encrypt the bytes as they are
    #[default]
    Binary,
    /// UTF-8 text: line endings are canonicalised to CRLF for the signature
    Text,
}

/// `--as` for inline-sign, which also knows the Cleartext Signature
/// Framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InlineSignAs {
    /// A signed OpenPGP message of the bytes as they are
    #[default]
    Binary,
    /// A signed OpenPGP message of UTF-8 text
    Text,
    /// A cleartext-signed message (always armored)
    Clearsigned,
}

/// The profiles of generate-key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProfile {
    /// v4 key: Ed25519 primary and signing subkey, Cv25519 encryption subkey.
    Default,
    /// v6 key (RFC 9580): Ed25519 and X25519.
    Rfc9580,
}

/// The profiles of encrypt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncryptProfile {
    /// SEIPD v2 when every recipient certificate advertises it, else v1.
    Default,
    /// Always SEIPD v1 (with MDC), for peers that only know RFC 4880.
    Rfc4880,
}

/// (name, description) of every profile, for `list-profiles`.
pub const KEY_PROFILES: &[(&str, &str)] = &[
    (
        "default",
        "v4 key: Ed25519 certification and signing keys, Cv25519 encryption key",
    ),
    ("rfc9580", "v6 key (RFC 9580): Ed25519 and X25519"),
];

pub const ENCRYPT_PROFILES: &[(&str, &str)] = &[
    (
        "default",
        "SEIPD v2 (AEAD) when every recipient advertises it, else SEIPD v1 with MDC",
    ),
    ("rfc4880", "always SEIPD v1 with MDC"),
];

impl KeyProfile {
    pub fn parse(name: Option<&str>) -> Result<Self> {
        match name.unwrap_or("default") {
            "default" | "rfc4880" => Ok(KeyProfile::Default),
            "rfc9580" => Ok(KeyProfile::Rfc9580),
            other => Err(SopError::UnsupportedProfile(other.to_string())),
        }
    }
}

impl EncryptProfile {
    pub fn parse(name: Option<&str>) -> Result<Self> {
        match name.unwrap_or("default") {
            "default" => Ok(EncryptProfile::Default),
            "rfc4880" => Ok(EncryptProfile::Rfc4880),
            other => Err(SopError::UnsupportedProfile(other.to_string())),
        }
    }
}

/// One end of a validity window: `-` means unbounded, `now` the present,
/// else an ISO 8601 time (RFC 3339, or the basic form 20191029T183645Z).
pub fn parse_date(arg: &str) -> Result<Option<SystemTime>> {
    match arg {
        "-" => Ok(None),
        "now" => Ok(Some(SystemTime::now())),
        _ => {
            let t = Timestamp::parse_rfc3339(&extended_iso8601(arg))
                .map_err(|_| SopError::Other(format!("invalid date {arg:?}")))?;
            Ok(Some(UNIX_EPOCH + Duration::from_secs(t.unix())))
        }
    }
}

/// Rewrites the ISO 8601 basic format (`20191029T183645Z`) into the
/// extended one RFC 3339 needs; other strings pass unchanged.
fn extended_iso8601(s: &str) -> String {
    let b = s.as_bytes();
    let basic = b.len() >= 15
        && b.get(8) == Some(&b'T')
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[9..15].iter().all(u8::is_ascii_digit);
    match (
        basic,
        s.get(..4),
        s.get(4..6),
        s.get(6..8),
        s.get(9..11),
        s.get(11..13),
        s.get(13..),
    ) {
        (true, Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(rest)) => {
            format!("{y}-{mo}-{d}T{h}:{mi}:{rest}")
        }
        _ => s.to_string(),
    }
}

/// The validity window of `--not-before`/`--not-after`: by default from
/// the beginning of time until now.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub not_before: Option<SystemTime>,
    pub not_after: Option<SystemTime>,
}

impl Window {
    pub fn parse(not_before: Option<&str>, not_after: Option<&str>) -> Result<Self> {
        Ok(Window {
            not_before: not_before.map(parse_date).transpose()?.flatten(),
            not_after: match not_after {
                Some(arg) => parse_date(arg)?,
                None => Some(SystemTime::now()),
            },
        })
    }

    pub fn contains(&self, t: SystemTime) -> bool {
        self.not_before.is_none_or(|nb| t >= nb) && self.not_after.is_none_or(|na| t <= na)
    }
}

/// Passwords read to unlock keys or decrypt: each is tried as given and
/// with trailing whitespace removed, as the draft asks of consumers.
pub fn read_passwords_to_try(args: &[String]) -> Result<Vec<Password>> {
    let mut out = Vec::new();
    for arg in args {
        let raw = Zeroizing::new(read_indirect(arg, MAX_SECRET)?);
        let trimmed = trim_trailing_whitespace(&raw);
        if trimmed.len() != raw.len() {
            out.push(Password::from(trimmed));
        }
        out.push(Password::from(&raw[..]));
    }
    Ok(out)
}

/// A password that protects something new (encrypt, generate-key): it
/// must be UTF-8 (PASSWORD_NOT_HUMAN_READABLE otherwise), and trailing
/// whitespace such as a final newline is dropped.
pub fn read_new_password(arg: &str) -> Result<Password> {
    let raw = Zeroizing::new(read_indirect(arg, MAX_SECRET)?);
    if std::str::from_utf8(&raw).is_err() {
        return Err(SopError::PasswordNotHumanReadable(format!(
            "{arg} is not UTF-8"
        )));
    }
    Ok(Password::from(trim_trailing_whitespace(&raw)))
}

fn trim_trailing_whitespace(b: &[u8]) -> &[u8] {
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    b.get(..end).unwrap_or_default()
}

/// A session key as sop writes it: `ALGO:HEX`, the symmetric algorithm's
/// number and the key in upper-case hex.
pub fn format_session_key(algo: SymmetricAlgorithm, key: &SessionKey) -> Zeroizing<String> {
    let mut s = Zeroizing::new(format!("{}:", u8::from(algo)));
    for b in key.iter() {
        s.push_str(&format!("{b:02X}"));
    }
    s
}

/// Parses `ALGO:HEX` (surrounding whitespace allowed).
pub fn parse_session_key(text: &[u8]) -> Result<(SymmetricAlgorithm, SessionKey)> {
    let bad = || SopError::BadData("session key: expected ALGO:HEX".into());
    let text = std::str::from_utf8(text).map_err(|_| bad())?.trim();
    let (algo, hex) = text.split_once(':').ok_or_else(bad)?;
    let algo: u8 = algo.parse().map_err(|_| bad())?;
    let bytes = Zeroizing::new(decode_hex(hex).ok_or_else(bad)?);
    if bytes.is_empty() {
        return Err(bad());
    }
    Ok((SymmetricAlgorithm::from(algo), SessionKey::from(&bytes[..])))
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("-").unwrap(), None);
        let t = parse_date("2019-10-29T18:36:45Z").unwrap().unwrap();
        assert_eq!(parse_date("20191029T183645Z").unwrap(), Some(t));
        assert_eq!(
            t.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_572_374_205
        );
        assert!(parse_date("garbage").is_err());
        assert!(parse_date("20191329T183645Z").is_err());
    }

    #[test]
    fn window_defaults_to_until_now() {
        let w = Window::parse(None, None).unwrap();
        assert!(w.contains(UNIX_EPOCH));
        assert!(!w.contains(SystemTime::now() + Duration::from_secs(3600)));
        let w = Window::parse(Some("2020-01-01T00:00:00Z"), Some("-")).unwrap();
        assert!(!w.contains(UNIX_EPOCH));
        assert!(w.contains(SystemTime::now() + Duration::from_secs(3600)));
    }

    #[test]
    fn session_keys_round_trip() {
        let key = SessionKey::from(&[0xde, 0xad, 0xbe, 0xef][..]);
        let s = format_session_key(SymmetricAlgorithm::AES256, &key);
        assert_eq!(&*s, "9:DEADBEEF");
        let (algo, back) = parse_session_key(b"9:deadbeef\n").unwrap();
        assert_eq!(algo, SymmetricAlgorithm::AES256);
        assert_eq!(&back[..], &key[..]);
    }

    #[test]
    fn fail_bad_session_keys() {
        for bad in [&b"9"[..], b"x:00", b"9:0", b"9:zz", b"9:", b"\xff"] {
            assert_eq!(parse_session_key(bad).unwrap_err().code(), 41);
        }
    }

    #[test]
    fn trailing_whitespace() {
        assert_eq!(trim_trailing_whitespace(b"pw \r\n"), b"pw");
        assert_eq!(trim_trailing_whitespace(b"\n"), b"");
    }

    #[test]
    fn profiles() {
        assert_eq!(KeyProfile::parse(None).unwrap(), KeyProfile::Default);
        assert_eq!(
            KeyProfile::parse(Some("rfc9580")).unwrap(),
            KeyProfile::Rfc9580
        );
        assert_eq!(KeyProfile::parse(Some("x")).unwrap_err().code(), 89);
        assert_eq!(EncryptProfile::parse(Some("x")).unwrap_err().code(), 89);
    }
}
