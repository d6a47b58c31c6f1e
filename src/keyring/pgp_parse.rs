//! Recognising OpenPGP certificates and secret keys in `keyring import`
//! input: ASCII-armored key blocks (RFC 9580 section 6.2) anywhere in a
//! text, beside PEM blocks, or one binary packet stream (one key, or a
//! keyring file of many).
//!
//! Every certificate must parse: one bad certificate rejects the whole
//! input, so nothing of it reaches the keyring.

use std::borrow::Cow;

use sequoia_openpgp::cert::{Cert, CertParser};
use sequoia_openpgp::packet::{Packet, Signature};
use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::types::SignatureType;
use sequoia_openpgp::PacketPile;

use crate::error::{Error, Result};

/// An input split into its OpenPGP certificates and the rest.
pub(crate) struct Split<'a> {
    pub certs: Vec<Cert>,
    /// Bare key revocation signatures (revocation certificates, as
    /// `gpg --gen-revoke` writes them), for certificates in the keyring.
    pub revocations: Vec<Signature>,
    /// What is left for the X.509 parser, if anything may be in it.
    pub rest: Option<Cow<'a, [u8]>>,
}

const BEGIN: &[u8] = b"-----BEGIN PGP ";
const DASHES: &[u8] = b"-----";

/// Finds the OpenPGP parts of `bytes`: armored key blocks, or the whole
/// input if it is a binary packet stream.
pub(crate) fn split(bytes: &[u8]) -> Result<Split<'_>> {
    if find(bytes, BEGIN).is_some() {
        return split_armored(bytes);
    }
    if looks_like_packets(bytes) {
        let mut split = Split {
            certs: Vec::new(),
            revocations: Vec::new(),
            rest: None,
        };
        split.add_block(bytes)?;
        return Ok(split);
    }
    Ok(Split {
        certs: Vec::new(),
        revocations: Vec::new(),
        rest: Some(Cow::Borrowed(bytes)),
    })
}

/// A binary OpenPGP stream starts with a packet header, whose first octet
/// has its top bit set (RFC 9580 section 4.2); DER (certificates, PKCS#8,
/// PKCS#12, CRLs) starts with a SEQUENCE tag, 0x30.
fn looks_like_packets(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(|b| b & 0x80 != 0)
}

/// Takes every `-----BEGIN PGP ...-----` block out of a text; what
/// remains goes to the PEM parser if it holds a BEGIN line.
fn split_armored(bytes: &[u8]) -> Result<Split<'_>> {
    let mut split = Split {
        certs: Vec::new(),
        revocations: Vec::new(),
        rest: None,
    };
    let mut rest = Vec::new();
    let mut tail = bytes;
    while let Some(start) = find(tail, BEGIN) {
        let (block, after) = armor_block(&tail[start..])?;
        rest.extend_from_slice(&tail[..start]);
        split.add_block(block)?;
        tail = after;
    }
    rest.extend_from_slice(tail);
    split.rest = find(&rest, b"-----BEGIN ").map(|_| Cow::Owned(rest));
    Ok(split)
}

impl Split<'_> {
    /// One armored block or binary stream: certificates, or else a
    /// revocation certificate (gpg arms those as a PUBLIC KEY BLOCK too).
    fn add_block(&mut self, block: &[u8]) -> Result<()> {
        match parse_certs(block) {
            Ok(certs) => self.certs.extend(certs),
            Err(e) => match parse_revocations(block) {
                Some(sigs) => self.revocations.extend(sigs),
                None => return Err(e),
            },
        }
        Ok(())
    }
}

/// The signatures of a block made only of key revocation signatures.
fn parse_revocations(block: &[u8]) -> Option<Vec<Signature>> {
    let pile = PacketPile::from_bytes(block).ok()?;
    let sigs: Vec<Signature> = pile
        .into_children()
        .map(|p| match p {
            Packet::Signature(sig) if sig.typ() == SignatureType::KeyRevocation => Some(sig),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!sigs.is_empty()).then_some(sigs)
}

/// Splits `text` (starting at a BEGIN line) into its first armored key
/// block and what follows. Other armored kinds are refused by name.
fn armor_block(text: &[u8]) -> Result<(&[u8], &[u8])> {
    let malformed = |detail: &str| Error::malformed("OpenPGP armor", detail);
    let label_start = BEGIN.len();
    let label_len = text
        .get(label_start..)
        .and_then(|t| find(t, DASHES))
        .ok_or_else(|| malformed("unterminated BEGIN line"))?;
    let label = &text[label_start..label_start + label_len];
    if label.contains(&b'\n') {
        return Err(malformed("unterminated BEGIN line"));
    }
    if label != b"PUBLIC KEY BLOCK" && label != b"PRIVATE KEY BLOCK" {
        return Err(Error::malformed(
            "keyring import",
            format!(
                "an armored OpenPGP {} is not a key; import certificates or secret keys",
                String::from_utf8_lossy(label).to_lowercase()
            ),
        ));
    }
    let end_line = [b"-----END PGP ", label, DASHES].concat();
    let end = find(text, &end_line).ok_or_else(|| malformed("no END line"))?;
    Ok(text.split_at(end + end_line.len()))
}

/// Every certificate in an armored block or a binary stream; at least one.
pub(crate) fn parse_certs(bytes: &[u8]) -> Result<Vec<Cert>> {
    let malformed = |e: anyhow::Error| Error::malformed("OpenPGP key", format!("{e:#}"));
    let certs = CertParser::from_bytes(bytes)
        .map_err(malformed)?
        .map(|c| c.map_err(malformed))
        .collect::<Result<Vec<_>>>()?;
    if certs.is_empty() {
        return Err(Error::malformed(
            "OpenPGP key",
            "no certificate or secret key in it",
        ));
    }
    Ok(certs)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sequoia_openpgp::cert::CertBuilder;
    use sequoia_openpgp::serialize::SerializeInto;

    /// A v4 certificate made with sequoia's CertBuilder.
    fn cert(uid: &str) -> Cert {
        CertBuilder::general_purpose(Some(uid))
            .generate()
            .unwrap()
            .0
    }

    #[test]
    fn splits_armor_from_pem_text() {
        let a = cert("a@example.org");
        let b = cert("b@example.org");
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        let text = [
            b"intro\n".to_vec(),
            a.armored().to_vec().unwrap(),
            pem.as_bytes().to_vec(),
            b.as_tsk().armored().to_vec().unwrap(),
        ]
        .concat();
        let s = split(&text).unwrap();
        let fprs: Vec<_> = s.certs.iter().map(Cert::fingerprint).collect();
        assert_eq!(fprs, vec![a.fingerprint(), b.fingerprint()]);
        assert!(s.certs[1].is_tsk());
        let rest = String::from_utf8(s.rest.unwrap().into_owned()).unwrap();
        // The line ends after each armored block stay behind.
        assert_eq!(rest, format!("intro\n\n{pem}\n"));
    }

    #[test]
    fn reads_binary_keyrings() {
        let a = cert("a@example.org");
        let b = cert("b@example.org");
        let bin = [a.to_vec().unwrap(), b.as_tsk().to_vec().unwrap()].concat();
        let s = split(&bin).unwrap();
        assert_eq!(s.certs.len(), 2);
        assert!(s.rest.is_none());
        // DER goes to the X.509 parser untouched.
        let der = b"\x30\x03\x02\x01\x00";
        assert_eq!(split(der).unwrap().rest.as_deref(), Some(&der[..]));
    }

    #[test]
    fn fail_truncated_or_garbage() {
        let a = cert("a@example.org");
        let bin = a.to_vec().unwrap();
        let armored = String::from_utf8(a.armored().to_vec().unwrap()).unwrap();
        let no_end = armored.replace("-----END PGP PUBLIC KEY BLOCK-----", "");
        let garbled = armored.replacen("\n\n", "\n\n!!!!", 1);
        let cut_body = format!(
            "{}\n-----END PGP PUBLIC KEY BLOCK-----\n",
            &armored[..armored.len() / 2]
        );
        for bad in [
            &bin[..bin.len() / 2],
            &bin[..1],
            b"\xc6\xff\xff\xff\xff\x00",
            no_end.as_bytes(),
            garbled.as_bytes(),
            cut_body.as_bytes(),
            b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n-----END PGP PUBLIC KEY BLOCK-----\n",
            b"-----BEGIN PGP MESSAGE-----\n\nwcBM\n-----END PGP MESSAGE-----\n",
            b"-----BEGIN PGP ",
        ] {
            let got = split(bad).map(|s| s.certs.len());
            assert!(matches!(got, Err(Error::Malformed { .. })), "{got:?}");
        }
    }
}
