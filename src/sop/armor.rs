//! ASCII armor: the armor and dearmor verbs.

use std::io::{Read, Write};

use sequoia_openpgp as openpgp;

use openpgp::armor::{Kind, Reader, ReaderMode, Writer};
use openpgp::parse::{PacketParserBuilder, PacketParserResult, Parse};
use openpgp::{Packet, Profile};

use super::errors::{Result, SopError};

/// `armor --label`: which armor header to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ArmorLabel {
    /// Chosen from the first packet
    #[default]
    Auto,
    /// PGP SIGNATURE
    Sig,
    /// PGP PRIVATE KEY BLOCK
    Key,
    /// PGP PUBLIC KEY BLOCK
    Cert,
    /// PGP MESSAGE
    Message,
}

/// Armors binary OpenPGP data. Input that is already armored passes
/// unchanged, so armoring twice does no harm; input that is not OpenPGP
/// at all is BAD_DATA.
pub fn armor(input: &[u8], label: ArmorLabel) -> Result<Vec<u8>> {
    if is_armored(input) {
        return Ok(input.to_vec());
    }
    let first = first_packet(input)?;
    let kind = match label {
        ArmorLabel::Auto => kind_of(&first),
        ArmorLabel::Sig => Kind::Signature,
        ArmorLabel::Key => Kind::SecretKey,
        ArmorLabel::Cert => Kind::PublicKey,
        ArmorLabel::Message => Kind::Message,
    };
    let mut w = Writer::new(Vec::new(), kind)?;
    // RFC 9580 drops the CRC24 line; v4 data keeps it, as RFC 4880
    // readers expect.
    w.set_profile(if first.version() == Some(6) {
        Profile::RFC9580
    } else {
        Profile::RFC4880
    })?;
    w.write_all(input)?;
    Ok(w.finalize()?)
}

/// Removes ASCII armor. Binary OpenPGP input passes unchanged.
pub fn dearmor(input: &[u8]) -> Result<Vec<u8>> {
    if !is_armored(input) {
        first_packet(input)?;
        return Ok(input.to_vec());
    }
    let mut out = Vec::new();
    Reader::from_bytes(input, ReaderMode::Tolerant(None))
        .read_to_end(&mut out)
        .map_err(|e| SopError::BadData(format!("not ASCII-armored OpenPGP data: {e}")))?;
    first_packet(&out)?;
    Ok(out)
}

/// Whether `input` starts (after blank space) with an armor header line.
fn is_armored(input: &[u8]) -> bool {
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    input
        .get(start..)
        .is_some_and(|rest| rest.starts_with(b"-----BEGIN PGP "))
}

/// Parses the first packet of binary OpenPGP data.
fn first_packet(input: &[u8]) -> Result<Packet> {
    let bad = |e: anyhow::Error| SopError::BadData(format!("not OpenPGP data: {e:#}"));
    let ppr = PacketParserBuilder::from_bytes(input)
        .map_err(bad)?
        .dearmor(openpgp::parse::Dearmor::Disabled)
        .build()
        .map_err(bad)?;
    match ppr {
        PacketParserResult::Some(pp) => match pp.next().map_err(bad)?.0 {
            Packet::Unknown(u) => Err(SopError::BadData(format!(
                "not OpenPGP data: {}",
                u.error()
            ))),
            p => Ok(p),
        },
        PacketParserResult::EOF(_) => Err(SopError::BadData("empty input".into())),
    }
}

fn kind_of(first: &Packet) -> Kind {
    match first {
        Packet::PublicKey(_) => Kind::PublicKey,
        Packet::SecretKey(_) => Kind::SecretKey,
        Packet::Signature(_) => Kind::Signature,
        _ => Kind::Message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_garbage_and_empty() {
        assert_eq!(armor(b"hello", ArmorLabel::Auto).unwrap_err().code(), 41);
        assert_eq!(armor(b"", ArmorLabel::Auto).unwrap_err().code(), 41);
        assert_eq!(dearmor(b"garbage").unwrap_err().code(), 41);
        assert_eq!(dearmor(b"").unwrap_err().code(), 41);
    }

    #[test]
    fn round_trip_and_idempotence() {
        // A marker packet ("PGP"), the smallest valid OpenPGP data.
        let marker = b"\xca\x03PGP";
        let armored = armor(marker, ArmorLabel::Auto).unwrap();
        assert!(armored.starts_with(b"-----BEGIN PGP MESSAGE-----\n"));
        assert_eq!(armor(&armored, ArmorLabel::Auto).unwrap(), armored);
        assert_eq!(dearmor(&armored).unwrap(), marker);
        assert_eq!(dearmor(marker).unwrap(), marker);
    }
}
