//! Signing: detached signatures (`sign`) and inline-signed messages
//! (`inline-sign`), and choosing the signing keys.

use std::io::Write;

use sequoia_openpgp as openpgp;

use openpgp::armor::Kind;
use openpgp::crypto::{KeyPair, Password};
use openpgp::packet::signature::SignatureBuilder;
use openpgp::parse::Parse;
use openpgp::serialize::stream::{Armorer, LiteralWriter, Message, Signer};
use openpgp::types::{DataFormat, HashAlgorithm, SignatureType};
use openpgp::{Cert, Packet, PacketPile};

use super::errors::{Result, SopError};
use super::keys::{unlock, POLICY};
use super::values::{InlineSignAs, SignAs};

/// One unlocked signing key per secret key: the first valid,
/// signing-capable (sub)key. A key without one is KEY_CANNOT_SIGN.
pub fn signing_keypairs(keys: &[Cert], passwords: &[Password]) -> Result<Vec<KeyPair>> {
    keys.iter()
        .map(|cert| signing_keypair(cert, passwords))
        .collect()
}

fn signing_keypair(cert: &Cert, passwords: &[Password]) -> Result<KeyPair> {
    let cannot = |why: String| SopError::KeyCannotSign(format!("{}: {why}", cert.fingerprint()));
    let valid = cert
        .with_policy(&POLICY, None)
        .map_err(|e| cannot(format!("{e:#}")))?;
    let ka = valid
        .keys()
        .supported()
        .alive()
        .revoked(false)
        .for_signing()
        .secret()
        .next()
        .ok_or_else(|| cannot("no valid signing key".into()))?;
    unlock(ka.key(), passwords)
}

/// Refuses `--as=text` input that is not UTF-8 (EXPECTED_TEXT).
pub fn check_text(data: &[u8]) -> Result<()> {
    std::str::from_utf8(data)
        .map(|_| ())
        .map_err(|e| SopError::ExpectedText(format!("input is not UTF-8: {e}")))
}

/// Detached signatures and the `micalg` parameter they call for.
#[derive(Debug)]
pub struct Signed {
    pub signatures: Vec<u8>,
    /// `pgp-sha256` etc. (RFC 3156), empty if the signatures disagree.
    pub micalg: String,
}

/// One detached signature per signer over `data`. Text mode hashes the
/// data with CRLF line endings (RFC 9580, signature type 0x01).
pub fn sign_detached(
    signers: Vec<KeyPair>,
    data: &[u8],
    mode: SignAs,
    armored: bool,
) -> Result<Signed> {
    if mode == SignAs::Text {
        check_text(data)?;
    }
    let typ = match mode {
        SignAs::Binary => SignatureType::Binary,
        SignAs::Text => SignatureType::Text,
    };
    let mut sink = Vec::new();
    let message = armorer(Message::new(&mut sink), armored, Kind::Signature)?;
    let mut w = signer(message, signers, typ)?
        .detached()
        .build()
        .map_err(other)?;
    w.write_all(data)?;
    w.finalize().map_err(other)?;
    let micalg = micalg(&sink)?;
    Ok(Signed {
        signatures: sink,
        micalg,
    })
}

/// An inline-signed message, or a cleartext-signed one (always armored).
pub fn sign_inline(
    signers: Vec<KeyPair>,
    data: &[u8],
    mode: InlineSignAs,
    armored: bool,
) -> Result<Vec<u8>> {
    if mode != InlineSignAs::Binary {
        check_text(data)?;
    }
    let mut sink = Vec::new();
    let message = Message::new(&mut sink);
    let mut w = match mode {
        InlineSignAs::Clearsigned => signer(message, signers, SignatureType::Text)?
            .cleartext()
            .build()
            .map_err(other)?,
        InlineSignAs::Binary | InlineSignAs::Text => {
            let (typ, format) = match mode {
                InlineSignAs::Binary => (SignatureType::Binary, DataFormat::Binary),
                _ => (SignatureType::Text, DataFormat::Unicode),
            };
            let message = armorer(message, armored, Kind::Message)?;
            let message = signer(message, signers, typ)?.build().map_err(other)?;
            LiteralWriter::new(message)
                .format(format)
                .build()
                .map_err(other)?
        }
    };
    w.write_all(data)?;
    w.finalize().map_err(other)?;
    Ok(sink)
}

/// Wraps the message in ASCII armor if asked to.
pub(crate) fn armorer(message: Message<'_>, armored: bool, kind: Kind) -> Result<Message<'_>> {
    if armored {
        Armorer::new(message).kind(kind).build().map_err(other)
    } else {
        Ok(message)
    }
}

/// A streaming signer with every key, making signatures of type `typ`.
pub(crate) fn signer<'a>(
    message: Message<'a>,
    signers: Vec<KeyPair>,
    typ: SignatureType,
) -> Result<Signer<'a>> {
    let mut signers = signers.into_iter();
    let first = signers
        .next()
        .ok_or_else(|| SopError::MissingArg("no signing key".into()))?;
    let mut s = Signer::with_template(message, first, SignatureBuilder::new(typ)).map_err(other)?;
    for kp in signers {
        s = s.add_signer(kp).map_err(other)?;
    }
    Ok(s)
}

/// `pgp-<hash>` of the signatures in `sigs`, or "" if they use
/// different hash algorithms (the draft's rule for --micalg-out).
fn micalg(sigs: &[u8]) -> Result<String> {
    let pile = PacketPile::from_bytes(sigs).map_err(other)?;
    let mut algos = pile.descendants().filter_map(|p| match p {
        Packet::Signature(s) => Some(s.hash_algo()),
        _ => None,
    });
    let first = algos.next();
    Ok(match first {
        Some(a) if algos.all(|b| b == a) => micalg_name(a),
        _ => String::new(),
    })
}

fn micalg_name(algo: HashAlgorithm) -> String {
    algo.text_name()
        .map(|n| format!("pgp-{}", n.to_ascii_lowercase()))
        .unwrap_or_default()
}

fn other(e: anyhow::Error) -> SopError {
    SopError::from_openpgp(e, SopError::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micalg_names() {
        assert_eq!(micalg_name(HashAlgorithm::SHA256), "pgp-sha256");
        assert_eq!(micalg_name(HashAlgorithm::SHA512), "pgp-sha512");
    }

    #[test]
    fn fail_text_that_is_not_utf8() {
        assert_eq!(check_text(b"\xff\xfe").unwrap_err().code(), 53);
        assert!(check_text("grüße\r\n".as_bytes()).is_ok());
    }
}
