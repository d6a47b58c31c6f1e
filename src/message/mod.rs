//! Received messages of either protocol: peeled layer by layer
//! ([`peel`]), every signature judged (the author's against the From
//! address, outer signers for their own), what a person reads checked
//! against the author's signature ([`crate::trust::sender`]), and one
//! verdict.

pub mod peel;

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime::{self, HeaderField};
use crate::openpgp::judge as pgp_judge;
use crate::policy::{check_verdict, Policy, Seen};
use crate::smime::open as smime;
use crate::trust::verdict::{
    Covers, Layer as LayerInfo, LayerKind, Role, Signature, Verdict, Warning,
};
use crate::trust::{sender, TrustData};
use peel::{Decrypting, Layer, Nested, Peeled};

/// A verified message: the verdict, and for content that was not
/// readable as it stood (an opaque signature, a signed OpenPGP message)
/// the unwrapped message.
pub struct Verified {
    pub verdict: Verdict,
    pub content: Option<Vec<u8>>,
}

/// Options for decryption.
#[derive(Debug, Default, Clone, Copy)]
pub struct DecryptOptions {
    /// Accept EnvelopedData (CBC, no integrity protection) even when no
    /// trusted signature inside authenticates it.
    pub legacy_cbc: bool,
}

/// A decrypted message and the verdict on every layer.
pub struct Opened {
    pub message: Vec<u8>,
    pub verdict: Verdict,
}

const DECRYPT_HINT: &str =
    "decrypt it with `mailseal decrypt` to read it and check any signature inside";

/// Verifies a whole message, and checks the verdict against the
/// per-domain `policy` ([`crate::policy::check_verdict`]). `path` names
/// it in the verdict.
pub fn verify_message(
    trust: &TrustData,
    policy: &Policy,
    raw: &[u8],
    path: Option<String>,
) -> Result<Verified> {
    mime::check_received(raw)?;
    let (headers, _) = mime::split_headers(raw)?;
    let peeled = peel::peel(trust, raw, &headers, None)?;
    let mut verdict = judge(trust, &headers, &peeled, path);
    check_verdict(policy, &Seen::received(&headers), &mut verdict);
    if verdict.encrypted {
        verdict.hint = Some(DECRYPT_HINT.into());
    }
    Ok(Verified {
        verdict,
        content: peeled.unwrapped,
    })
}

/// Decrypts a message of either protocol, under any signature layers
/// around it, judges every signature, outside and inside, and checks the
/// verdict against the per-domain `policy`. Unsigned content is
/// "unsigned" (exit 4) here: whether that makes the decryption a success
/// is the caller's to say.
pub fn decrypt_message(
    ctx: &Ctx,
    trust: &TrustData,
    policy: &Policy,
    raw: &[u8],
    opts: DecryptOptions,
) -> Result<Opened> {
    mime::check_received(raw)?;
    let (headers, _) = mime::split_headers(raw)?;
    let how = Decrypting {
        ctx,
        legacy_cbc: opts.legacy_cbc,
    };
    let peeled = peel::peel(trust, raw, &headers, Some(&how))?;
    let Some(message) = peeled.decrypted.clone() else {
        return Err(Error::NothingToDo(
            "nothing to decrypt: the message is neither S/MIME nor OpenPGP encrypted".into(),
        ));
    };
    let mut verdict = judge(trust, &headers, &peeled, None);
    check_verdict(policy, &Seen::received(&headers), &mut verdict);
    if !opts.legacy_cbc {
        authenticated(&peeled, &verdict)?;
    }
    Ok(Opened { message, verdict })
}

/// Content decrypted without integrity protection (CBC) is refused
/// unless trusted signatures inside the unprotected layer cover it: the
/// verdict on them is trusted (there are signatures, every one good,
/// trusted, the author's from the sender, over the whole). Any good
/// signature would not do: an attacker can sign what they spliced in
/// with a key of their own.
fn authenticated(peeled: &Peeled, verdict: &Verdict) -> Result<()> {
    let Some(weakest) = peeled.layers.iter().position(
        |l| matches!(l, Layer::Encrypted { opened: Some(u), .. } if !u.integrity_protected),
    ) else {
        return Ok(());
    };
    let inside: Vec<&Signature> = verdict
        .signatures
        .iter()
        .filter(|s| usize::from(s.layer) > weakest && s.covers == Covers::Whole)
        .collect();
    let vouched = !inside.is_empty()
        && verdict.exit_code() == crate::error::ExitCode::Ok
        && inside.iter().any(|s| s.role == Role::Author);
    if vouched {
        return Ok(());
    }
    let cipher = match &peeled.layers[weakest] {
        Layer::Encrypted {
            opened: Some(u), ..
        } => u.cipher.clone(),
        _ => String::new(),
    };
    Err(Error::Unauthenticated(cipher))
}

/// The verdict on a peeled message: each layer's signatures, the author
/// (the innermost signature layer) against From, the outer signers for
/// their own addresses, and the header checks against the author.
fn judge(
    trust: &TrustData,
    headers: &[HeaderField],
    peeled: &Peeled,
    path: Option<String>,
) -> Verdict {
    let mut v = Verdict::new(path);
    pgp_judge::fill_headers(&mut v, headers);
    let from = v.from.clone();
    let from = from.as_deref();
    let author = peeled.layers.iter().rposition(Layer::is_signed);
    for (i, layer) in peeled.layers.iter().enumerate() {
        let n = u8::try_from(i).unwrap_or(u8::MAX);
        let role = if Some(i) == author {
            Role::Author
        } else {
            Role::AlsoSigned
        };
        v.layers.push(LayerInfo {
            layer: n,
            kind: match layer {
                Layer::Encrypted { .. } => LayerKind::Encrypted,
                _ => LayerKind::Signed,
            },
            protocol: layer.protocol(),
        });
        match layer {
            Layer::Smime(sd) => {
                v.signatures
                    .extend(smime::judge(trust, sd, from, Covers::Whole, role, n))
            }
            Layer::Pgp(part) => v
                .signatures
                .extend(pgp_judge::judge_part(trust, part, from, role, n)),
            Layer::Encrypted { opened, .. } => {
                v.encrypted = true;
                if let Some(u) = opened {
                    let all = v.integrity_protected.unwrap_or(true);
                    v.integrity_protected = Some(all && u.integrity_protected);
                }
            }
        }
    }
    v.protocol = peeled.layers.first().map(Layer::protocol);
    match &peeled.nested {
        Some(Nested::Smime(nested)) => {
            v.protocol = Some(crate::trust::verdict::Protocol::Smime);
            v.signatures
                .extend(smime::judge_nested(trust, nested, from));
        }
        Some(Nested::Pgp(parts)) => {
            v.protocol = Some(crate::trust::verdict::Protocol::Openpgp);
            for part in parts {
                let layer = u8::try_from(peeled.layers.len()).unwrap_or(u8::MAX);
                v.signatures.extend(pgp_judge::judge_part(
                    trust,
                    part,
                    from,
                    Role::Author,
                    layer,
                ));
            }
        }
        None => {}
    }
    let authors: Vec<&Signature> = v
        .signatures
        .iter()
        .filter(|s| s.role == Role::Author && s.covers == Covers::Whole)
        .collect();
    v.warnings = sender::warnings(headers, &authors, &|name| trust.addresses_named(name));
    v.warnings
        .extend(peeled.repaired.iter().map(|what| Warning {
            kind: "repaired",
            text: (*what).to_string(),
            lowers: false,
        }));
    v.conclude();
    v
}
