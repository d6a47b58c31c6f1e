//! Inline-signed messages: inline-verify and inline-detach (inline-sign
//! lives with the other signing code in `sign`).

use std::io::Read;

use sequoia_openpgp as openpgp;

use openpgp::armor::Kind;
use openpgp::parse::stream::VerifierBuilder;
use openpgp::parse::{PacketParserBuilder, PacketParserResult, Parse};
use openpgp::serialize::Marshal;
use openpgp::{Cert, Packet};

use super::args::{read_limited, MAX_PLAINTEXT};
use super::errors::{Result, SopError};
use super::keys::POLICY;
use super::values::Window;
use super::verify::{non_empty, Checker, Verification};

/// Verifies an inline-signed or cleartext-signed message and returns
/// its content, but only if at least one signature in the window is
/// good (NO_SIGNATURE otherwise).
pub fn verify_inline(
    message: impl Read + Send + Sync,
    certs: Vec<Cert>,
    window: Window,
) -> Result<(Vec<u8>, Vec<Verification>)> {
    let bad = |e: anyhow::Error| SopError::from_openpgp(e, SopError::BadData);
    let mut verifier = VerifierBuilder::from_reader(message)
        .map_err(bad)?
        .with_policy(&POLICY, None, Checker::new(certs, window))
        .map_err(bad)?;
    let content =
        read_limited(&mut verifier, MAX_PLAINTEXT).map_err(|e| SopError::BadData(e.to_string()))?;
    let good = non_empty(verifier.into_helper().into_verifications())?;
    Ok((content, good))
}

/// An inline-signed message taken apart: its content and its signatures.
#[derive(Debug)]
pub struct Detached {
    pub content: Vec<u8>,
    /// The signature packets, serialized.
    pub signatures: Vec<u8>,
}

/// Splits an inline-signed (or cleartext-signed) message into content
/// and detached signatures, without verifying anything.
pub fn detach(message: &[u8]) -> Result<Detached> {
    let bad = |e: anyhow::Error| SopError::from_openpgp(e, SopError::BadData);
    let mut ppr = PacketParserBuilder::from_bytes(message)
        .map_err(bad)?
        .process_csf_message(true)
        .build()
        .map_err(bad)?;
    let mut out = Detached {
        content: Vec::new(),
        signatures: Vec::new(),
    };
    let mut literals = 0;
    while let PacketParserResult::Some(mut pp) = ppr {
        match &pp.packet {
            Packet::Literal(_) => {
                literals += 1;
                out.content = read_limited(&mut pp, MAX_PLAINTEXT)
                    .map_err(|e| SopError::BadData(e.to_string()))?;
            }
            Packet::Signature(sig) => Packet::from(sig.clone())
                .serialize(&mut out.signatures)
                .map_err(bad)?,
            Packet::OnePassSig(_) | Packet::CompressedData(_) | Packet::Marker(_) => {}
            other => {
                return Err(SopError::BadData(format!(
                    "unexpected {} packet in a signed message",
                    other.tag()
                )))
            }
        }
        ppr = pp.recurse().map_err(bad)?.1;
    }
    if literals != 1 || out.signatures.is_empty() {
        return Err(SopError::BadData("not an inline-signed message".into()));
    }
    Ok(out)
}

/// The signatures of [`detach`], armored if asked to.
pub fn armor_signatures(sigs: &[u8], armored: bool) -> Result<Vec<u8>> {
    if !armored {
        return Ok(sigs.to_vec());
    }
    let mut w = openpgp::armor::Writer::new(Vec::new(), Kind::Signature)?;
    std::io::Write::write_all(&mut w, sigs)?;
    Ok(w.finalize()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_detach_garbage_and_unsigned() {
        assert_eq!(detach(b"garbage").unwrap_err().code(), 41);
        assert_eq!(detach(b"").unwrap_err().code(), 41);
    }
}
