//! Peeling a message layer by layer (SPEC section 4, "Layers"): a
//! signature around a signed message, a signature around an encrypted one
//! (encrypt-then-sign, or what a list or gateway adds), encryption around
//! a signature, in either protocol and any order. What each layer is
//! comes from its structure, never from its headers' claims. Verification
//! stops at an encryption layer; decryption opens it and goes on.

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime::{self, HeaderField};
use crate::openpgp::{self, KeyringKeys, Scope, SignedPart};
use crate::smime::open::{self as smime, Root};
use crate::smime::verify::SignedData;
use crate::trust::verdict::Protocol;
use crate::trust::TrustData;

/// How many layers of signatures and encryption a message may have. Real
/// mail has one or two (a list's or gateway's signature around the
/// author's, triple wrapping has three); more is refused as malformed
/// rather than followed.
pub const MAX_LAYERS: usize = 8;

/// One protection layer.
pub enum Layer {
    Smime(SignedData),
    Pgp(SignedPart),
    /// `opened` when this run decrypted it.
    Encrypted {
        protocol: Protocol,
        opened: Option<Unlocked>,
    },
}

impl Layer {
    pub fn protocol(&self) -> Protocol {
        match self {
            Layer::Smime(_) => Protocol::Smime,
            Layer::Pgp(_) => Protocol::Openpgp,
            Layer::Encrypted { protocol, .. } => *protocol,
        }
    }

    pub fn is_signed(&self) -> bool {
        !matches!(self, Layer::Encrypted { .. })
    }
}

/// What decrypting a layer showed about it.
pub struct Unlocked {
    pub integrity_protected: bool,
    /// The content encryption, named for the unauthenticated refusal.
    pub cipher: String,
}

/// Signed parts below an unprotected root: they cover only part of it.
pub enum Nested {
    Smime(Vec<(String, SignedData)>),
    Pgp(Vec<SignedPart>),
}

/// A message peeled as far as it goes.
pub struct Peeled {
    /// Outermost first.
    pub layers: Vec<Layer>,
    pub nested: Option<Nested>,
    /// The message as it stood after the last decryption (outer header
    /// fields and the decrypted entity); `None` if nothing was decrypted.
    pub decrypted: Option<Vec<u8>>,
    /// The innermost message reached, when reaching it unwrapped content
    /// that was not readable as it stood (an opaque signature, a signed
    /// OpenPGP message).
    pub unwrapped: Option<Vec<u8>>,
    /// What was repaired to read a layer (a PGP/MIME message that a
    /// server rewrote), for the verdict to say.
    pub repaired: Vec<&'static str>,
}

/// Where decryption gets its keys and what it accepts.
pub struct Decrypting<'c> {
    pub ctx: &'c Ctx,
    /// Go on past EnvelopedData (CBC) even though nothing authenticates
    /// it; the caller then decides whether to write it.
    pub legacy_cbc: bool,
}

/// What one step found at the root of the message in hand.
enum Step {
    /// A signature layer and what it covers.
    Signed {
        layer: Layer,
        covered: Covered,
    },
    SmimeEncrypted(Vec<u8>),
    /// With what was repaired to find it, if anything.
    PgpEncrypted(Option<&'static str>),
    Plain(Option<Nested>),
}

/// What a signature layer covers.
enum Covered {
    /// The signed part of a multipart/signed: a MIME entity, which may
    /// be protected in its turn.
    Entity(Vec<u8>),
    /// The encapsulated content of an opaque signature: the same, but
    /// not readable as the message stood.
    Encapsulated(Vec<u8>),
    /// Inline text or the literal content of a signed OpenPGP message:
    /// text, not a MIME entity, so the peeling ends.
    Literal(Option<Vec<u8>>),
}

/// Peels `raw` (whose header fields are `headers`): every signature layer
/// is checked, every encryption layer decrypted when `decrypting` says
/// how, else the peeling stops there.
pub fn peel(
    trust: &TrustData,
    raw: &[u8],
    headers: &[HeaderField],
    decrypting: Option<&Decrypting<'_>>,
) -> Result<Peeled> {
    let mut peeled = Peeled {
        layers: Vec::new(),
        nested: None,
        decrypted: None,
        unwrapped: None,
        repaired: Vec::new(),
    };
    let mut message = raw.to_vec();
    // The cipher of a layer opened without integrity protection: what
    // goes wrong inside it may be an attacker's change.
    let mut unauthenticated: Option<String> = None;
    loop {
        if peeled.layers.len() >= MAX_LAYERS {
            return Err(Error::malformed(
                "message",
                format!("more than {MAX_LAYERS} layers of signatures and encryption"),
            ));
        }
        let step = match step(trust, &message) {
            Err(e) => return Err(inside(unauthenticated.as_deref(), decrypting, e)),
            Ok(s) => s,
        };
        match step {
            Step::Signed { layer, covered } => {
                peeled.layers.push(layer);
                match covered {
                    Covered::Entity(inner) => message = mime::join_entity(headers, &inner),
                    Covered::Encapsulated(inner) => {
                        message = mime::join_entity(headers, &inner);
                        peeled.unwrapped = Some(message.clone());
                    }
                    Covered::Literal(content) => {
                        peeled.unwrapped = content.map(|c| mime::join_entity(headers, &c));
                        break;
                    }
                }
            }
            Step::Plain(nested) => {
                if !peeled.layers.iter().any(Layer::is_signed) {
                    peeled.nested = nested;
                }
                break;
            }
            encrypted => {
                if let Step::PgpEncrypted(Some(what)) = encrypted {
                    peeled.repaired.push(what);
                }
                let Some(how) = decrypting else {
                    peeled.layers.push(Layer::Encrypted {
                        protocol: match encrypted {
                            Step::SmimeEncrypted(_) => Protocol::Smime,
                            _ => Protocol::Openpgp,
                        },
                        opened: None,
                    });
                    break;
                };
                let opened = open(trust, how, &message, headers, encrypted)
                    .map_err(|e| inside(unauthenticated.as_deref(), decrypting, e))?;
                if !opened.unlocked.integrity_protected {
                    unauthenticated = Some(opened.unlocked.cipher.clone());
                }
                peeled.layers.push(Layer::Encrypted {
                    protocol: opened.protocol,
                    opened: Some(opened.unlocked),
                });
                if let Some(part) = opened.signed_inside {
                    peeled.layers.push(Layer::Pgp(part));
                }
                peeled.decrypted = Some(opened.message.clone());
                peeled.unwrapped = None;
                message = opened.message;
            }
        }
    }
    Ok(peeled)
}

/// An error met inside a layer that was decrypted without integrity
/// protection is the unauthenticated refusal: a changed CBC ciphertext
/// may garble the structure as well as the text (exit 1, not 2).
fn inside(unauthenticated: Option<&str>, decrypting: Option<&Decrypting<'_>>, e: Error) -> Error {
    match (unauthenticated, decrypting) {
        (Some(cipher), Some(how)) if !how.legacy_cbc => Error::Unauthenticated(cipher.into()),
        _ => e,
    }
}

/// What is at the root of `message`: OpenPGP is looked for first (when
/// the message can hold it at all), then S/MIME.
fn step(trust: &TrustData, message: &[u8]) -> Result<Step> {
    if may_be_openpgp(message) {
        trust.prepare_openpgp();
        let report = openpgp::verify_message(message, trust.verifying_keys(), trust.at())?;
        if report.openpgp {
            return Ok(openpgp_step(report));
        }
    }
    Ok(match smime::root(trust, message)? {
        Root::Signed { sd, inner, opaque } => Step::Signed {
            layer: Layer::Smime(sd),
            covered: if opaque {
                Covered::Encapsulated(inner)
            } else {
                Covered::Entity(inner)
            },
        },
        Root::Enveloped { der } => Step::SmimeEncrypted(der),
        Root::Plain { nested } if nested.is_empty() => Step::Plain(None),
        Root::Plain { nested } => Step::Plain(Some(Nested::Smime(nested))),
    })
}

fn openpgp_step(report: openpgp::Report) -> Step {
    if report.encrypted {
        return Step::PgpEncrypted(report.repaired);
    }
    let (whole, parts): (Vec<SignedPart>, Vec<SignedPart>) = report
        .signed
        .into_iter()
        .partition(|p| p.scope == Scope::Whole);
    match whole.into_iter().next() {
        // PGP/MIME: the signed entity may be protected in its turn. An
        // inline block or a signed OpenPGP message ends the peeling; its
        // literal content is what was signed.
        Some(part) => Step::Signed {
            layer: Layer::Pgp(part),
            covered: match report.inner {
                Some(entity) => Covered::Entity(entity),
                None => Covered::Literal(report.content),
            },
        },
        None if parts.is_empty() => Step::Plain(None),
        None => Step::Plain(Some(Nested::Pgp(parts))),
    }
}

/// An encryption layer, opened.
struct Opened {
    protocol: Protocol,
    unlocked: Unlocked,
    /// OpenPGP signatures made in one pass with the encryption: a layer
    /// of their own, inside it.
    signed_inside: Option<SignedPart>,
    /// The outer header fields and the decrypted entity.
    message: Vec<u8>,
}

fn open(
    trust: &TrustData,
    how: &Decrypting<'_>,
    message: &[u8],
    headers: &[HeaderField],
    encrypted: Step,
) -> Result<Opened> {
    let ctx = how.ctx;
    if let Step::SmimeEncrypted(der) = encrypted {
        let d = smime::decrypt_enveloped(ctx, &der)?;
        return Ok(Opened {
            protocol: Protocol::Smime,
            unlocked: Unlocked {
                integrity_protected: d.integrity_protected,
                cipher: d.cipher.clone(),
            },
            signed_inside: None,
            message: mime::join_entity(headers, &d.content),
        });
    }
    trust.prepare_openpgp();
    let keys = KeyringKeys::new(ctx.keyring()?, Some(&ctx.passphrase));
    let d = openpgp::decrypt_message(message, &keys, ctx.at)?;
    let signed_inside = (!d.signatures.is_empty()).then(|| SignedPart {
        scope: d.scope.clone(),
        form: d.form,
        signatures: d.signatures,
    });
    Ok(Opened {
        protocol: Protocol::Openpgp,
        unlocked: Unlocked {
            integrity_protected: true,
            cipher: format!("SEIPD v{}", d.seipd_version),
        },
        signed_inside,
        message: d.message,
    })
}

/// Whether the message can hold OpenPGP at all: PGP/MIME names an
/// `application/pgp-...` type in a Content-Type field (perhaps on a folded
/// line) and inline PGP starts a line with armor (also in quoted-printable,
/// perhaps after non-breaking spaces), or in HTML follows a tag or a
/// character reference; a base64-encoded root is always looked at properly. A scan of line starts
/// that spares S/MIME and plain messages a second MIME analysis.
fn may_be_openpgp(raw: &[u8]) -> bool {
    const FIELD: &[u8] = b"content-type:";
    const ENCODING: &[u8] = b"content-transfer-encoding:";
    let starts_ci = |line: &[u8], p: &[u8]| {
        line.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let has_ci = |line: &[u8], p: &[u8]| line.windows(p.len()).any(|w| w.eq_ignore_ascii_case(p));
    let mut in_top_header = true;
    raw.split(|&b| b == b'\n').any(|line| {
        if line.iter().all(|b| *b == b'\r') {
            in_top_header = false;
        }
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        starts_armor(line)
            || ((starts_ci(line, FIELD) || folded) && has_ci(line, b"/pgp-"))
            // A base64 text root may hide inline armor: look properly.
            || (in_top_header && starts_ci(line, ENCODING) && has_ci(line, b"base64"))
    })
}

/// Whether armor starts `line` (after whitespace and quoted-printable
/// non-breaking spaces), or follows a tag or character reference in it.
fn starts_armor(line: &[u8]) -> bool {
    const ARMOR: &[u8] = b"-----BEGIN PGP";
    let mut rest = line.trim_ascii_start();
    while let Some(r) = rest
        .strip_prefix(b"=C2=A0")
        .or_else(|| rest.strip_prefix(b"=A0"))
    {
        rest = r.trim_ascii_start();
    }
    rest.starts_with(ARMOR)
        || line
            .windows(ARMOR.len() + 1)
            .any(|w| matches!(w[0], b'>' | b';') && &w[1..] == ARMOR)
}

#[cfg(test)]
mod tests {
    use super::may_be_openpgp;

    #[test]
    fn finds_every_place_openpgp_can_hide() {
        let folded = b"From: a\r\nContent-Type: multipart/signed;\r\n\tprotocol=\"application/PGP-signature\"\r\n\r\nx";
        assert!(may_be_openpgp(folded));
        let inline = b"From: a\r\n\r\nHello\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\n";
        assert!(may_be_openpgp(inline));
        let nbsp = b"From: a\r\n\r\n=C2=A0-----BEGIN PGP MESSAGE-----=C2=A0\r\n";
        assert!(may_be_openpgp(nbsp));
        let html = b"From: a\r\n\r\n<div>-----BEGIN PGP MESSAGE-----</div>\r\n";
        assert!(may_be_openpgp(html));
        let base64 =
            b"From: a\r\nContent-Transfer-Encoding: BASE64\r\n\r\nLS0tLS1CRUdJTiBQR1A=\r\n";
        assert!(may_be_openpgp(base64));
    }

    #[test]
    fn smime_and_plain_messages_are_not_openpgp() {
        let smime = b"From: a\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAG/pgp-abc\r\n";
        // The base64 root is looked at properly; its body line is not a field.
        assert!(may_be_openpgp(smime));
        let plain = b"From: a\r\nContent-Type: text/plain\r\n\r\nsee /pgp-notes and -----BEGIN PGP (quoted)\r\n";
        assert!(!may_be_openpgp(plain));
    }
}
