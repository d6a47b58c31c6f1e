//! The SEIPD v1 container (RFC 9580 section 5.13.1) around a literal
//! data packet, written here rather than by Sequoia's streaming
//! `Encryptor`. Sequoia computes the MDC with its SHA-1 that detects
//! collision attacks, which protects the checking of signatures and is of
//! no use for a checksum of our own plaintext: on a megabyte message it
//! costs more than the encryption. Here the MDC is a plain SHA-1 (with
//! the CPU's SHA instructions where there are some); the encryption is
//! still Sequoia's CFB mode, whose key schedule is wiped after use.
//!
//! The packet: tag 18, version 1, then with AES in CFB mode, all-zero
//! IV and no resynchronisation:
//! `prefix || packets || 0xD3 0x14 || SHA-1(prefix || packets || 0xD3 0x14)`,
//! where the prefix is one block of random octets and its last two
//! repeated. Lengths are definite: the whole message is at hand.

use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::crypto::symmetric::{BlockCipherMode, Encryptor, PaddingMode};
use openpgp::crypto::SessionKey;
use openpgp::types::SymmetricAlgorithm;
use sha1::{Digest, Sha1};

use super::from_sequoia;
use crate::error::{Error, Result};

const WHAT: &str = "OpenPGP message";
/// AES block size, the length of the random prefix before its repeat.
const BLOCK: usize = 16;
/// The MDC packet's header: tag 19, length 20.
const MDC_HEADER: [u8; 2] = [0xD3, 0x14];
/// New-format packet tags.
const TAG_SEIPD: u8 = 0xC0 | 18;
const TAG_LITERAL: u8 = 0xC0 | 11;
/// Encrypted in pieces this big, so the cipher's scratch space stays
/// small and in cache.
const CHUNK: usize = 64 * 1024;

/// A literal data packet's header for `len` octets of binary data with
/// no file name and no date (what Sequoia's `LiteralWriter` writes), or
/// `None` when the packet would be too long for a definite length.
pub(super) fn literal_header(len: usize) -> Option<Vec<u8>> {
    // Format 'b', an empty file name, a zero date.
    let fields = [b'b', 0, 0, 0, 0, 0];
    let mut header = vec![TAG_LITERAL];
    push_length(&mut header, len.checked_add(fields.len())?)?;
    header.extend_from_slice(&fields);
    Some(header)
}

/// The SEIPD v1 packet holding the concatenation of `packets`, encrypted
/// with `key` and `cipher` (an AES: the prefix is one 16-byte block).
/// `Ok(None)` when it would be too long for a definite length; the
/// caller then streams with partial lengths.
pub(super) fn seal_v1(
    packets: &[&[u8]],
    cipher: SymmetricAlgorithm,
    key: &SessionKey,
) -> Result<Option<Vec<u8>>> {
    let inner: usize = packets.iter().map(|p| p.len()).sum();
    let Some(body) = inner.checked_add(1 + BLOCK + 2 + MDC_HEADER.len() + 20) else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(body.saturating_add(6));
    out.push(TAG_SEIPD);
    if push_length(&mut out, body).is_none() {
        return Ok(None);
    }
    out.push(1);
    let prefix = random_prefix()?;
    let mut mdc = Sha1::new();
    mdc.update(prefix);
    for p in packets {
        mdc.update(p);
    }
    mdc.update(MDC_HEADER);
    let digest = mdc.finalize();
    let mut enc = Encryptor::new(
        cipher,
        BlockCipherMode::CFB,
        PaddingMode::None,
        key,
        None,
        &mut out,
    )
    .map_err(fail)?;
    let pieces = [&prefix[..]]
        .into_iter()
        .chain(packets.iter().flat_map(|p| p.chunks(CHUNK)))
        .chain([&MDC_HEADER[..], &digest[..]]);
    for piece in pieces {
        enc.write_all(piece)
            .map_err(|e| Error::Crypto(e.to_string()))?;
    }
    enc.finalize().map_err(fail)?;
    Ok(Some(out))
}

fn fail(e: anyhow::Error) -> Error {
    from_sequoia(e, WHAT)
}

/// One block of random octets, then its last two again (the quick check
/// a decryptor may make of the session key).
fn random_prefix() -> Result<[u8; BLOCK + 2]> {
    let mut prefix = [0u8; BLOCK + 2];
    openpgp::crypto::random(&mut prefix[..BLOCK]).map_err(fail)?;
    prefix[BLOCK] = prefix[BLOCK - 2];
    prefix[BLOCK + 1] = prefix[BLOCK - 1];
    Ok(prefix)
}

/// Appends a new-format body length (RFC 9580 section 4.2.1.1), the
/// shortest form; `None` for lengths that do not fit four octets.
fn push_length(out: &mut Vec<u8>, len: usize) -> Option<()> {
    match len {
        0..192 => out.push(len as u8),
        192..8384 => {
            let l = len - 192;
            out.extend_from_slice(&[(l >> 8) as u8 + 192, (l & 0xFF) as u8]);
        }
        _ => {
            out.push(0xFF);
            out.extend_from_slice(&u32::try_from(len).ok()?.to_be_bytes());
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aes::cipher::{BlockCipherEncrypt, KeyInit};
    use openpgp::parse::{PacketParser, Parse};
    use openpgp::types::DataFormat;
    use openpgp::Packet;

    /// CFB decryption with a zero IV, written out with the `aes` crate's
    /// block function: independent of the code under test.
    fn cfb_decrypt(key: &[u8], data: &[u8]) -> Vec<u8> {
        let aes = aes::Aes256::new_from_slice(key).unwrap();
        let mut prev = [0u8; BLOCK];
        let mut out = Vec::new();
        for c in data.chunks(BLOCK) {
            let mut pad = prev.into();
            aes.encrypt_block(&mut pad);
            out.extend(c.iter().zip(pad.iter()).map(|(c, p)| c ^ p));
            prev[..c.len()].copy_from_slice(c);
        }
        out
    }

    #[test]
    fn lengths_use_the_shortest_form() {
        let enc = |n| {
            let mut v = Vec::new();
            push_length(&mut v, n).map(|()| v)
        };
        assert_eq!(enc(0), Some(vec![0]));
        assert_eq!(enc(191), Some(vec![191]));
        assert_eq!(enc(192), Some(vec![192, 0]));
        assert_eq!(enc(8383), Some(vec![223, 255]));
        assert_eq!(enc(8384), Some(vec![0xFF, 0, 0, 0x20, 0xC0]));
        assert_eq!(enc(usize::MAX), None);
    }

    /// The container decrypts to the prefix with its repeat, the literal
    /// packet and a matching MDC; Sequoia's packet parser reads the
    /// literal packet back.
    #[test]
    fn container_decrypts_to_prefix_packets_and_mdc() {
        let key = SessionKey::new(32).unwrap();
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let header = literal_header(data.len()).unwrap();
        let sealed = seal_v1(&[&header, &data], SymmetricAlgorithm::AES256, &key)
            .unwrap()
            .unwrap();
        assert_eq!(sealed[0], TAG_SEIPD);
        // 0xFF and four octets of length, then version 1.
        let body_len = u32::from_be_bytes(sealed[2..6].try_into().unwrap()) as usize;
        assert_eq!(
            (sealed[1], body_len, sealed[6]),
            (0xFF, sealed.len() - 6, 1)
        );
        let plain = cfb_decrypt(&key, &sealed[7..]);
        assert_eq!(plain[14..16], plain[16..18]);
        let (signed, digest) = plain.split_at(plain.len() - 20);
        assert_eq!(Sha1::digest(signed).as_slice(), digest);
        assert!(signed.ends_with(&MDC_HEADER));
        let packets = &signed[18..signed.len() - 2];
        let mut pp = PacketParser::from_bytes(packets).unwrap().unwrap();
        pp.buffer_unread_content().unwrap();
        let (packet, _) = pp.recurse().unwrap();
        let Packet::Literal(lit) = packet else {
            panic!("not a literal packet")
        };
        assert_eq!(lit.format(), DataFormat::Binary);
        assert_eq!((lit.filename(), lit.date()), (None, None));
        assert_eq!(lit.body(), data.as_slice());
    }
}
