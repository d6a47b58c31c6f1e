//! The protection itself: encrypting in the protocol every recipient has
//! a key in, or signing, through the library's shared choice
//! ([`crate::compose`]).

use super::envelope::{with_envelope_recipients, Recipient};
use crate::compose;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::message::peel::{peel, Layer};
use crate::mime::{self, HeaderField};
use crate::openpgp::mail::{self as pgp, EncryptRequest};
use crate::safe::Safe;
use crate::smime::cipher_choice::CipherRequest;
use crate::smime::compose::{
    check_signer as check_smime_signer, encrypt_message, EncryptOptions, SignOptions,
};
use crate::smime::encrypt::RsaPadding;
use crate::trust::verdict::Protocol;
use crate::trust::TrustData;

/// The protection a message came with, as the layers at its root show
/// it ([`crate::message::peel`]): what a mail client did before handing
/// it over. A message that cannot be read as protected is taken as
/// plain, and protected as such.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Came {
    pub encrypted: Option<Protocol>,
    pub signed: Option<Protocol>,
}

pub(super) fn existing(ctx: &Ctx, raw: &[u8], headers: &[HeaderField]) -> Came {
    let mut came = Came::default();
    let peeled = ctx
        .keyring()
        .and_then(|keyring| TrustData::load(keyring, ctx.at))
        .and_then(|trust| peel(&trust, raw, headers, None));
    for layer in peeled.map(|p| p.layers).unwrap_or_default() {
        let kind = match layer {
            Layer::Encrypted { .. } => &mut came.encrypted,
            _ => &mut came.signed,
        };
        kind.get_or_insert(layer.protocol());
    }
    came
}

/// Signs as the From address, in the protocol `mailseal sign` would
/// choose ([`compose::signing_protocol`]).
pub(super) fn sign(ctx: &Ctx, raw: &[u8]) -> Result<(Protocol, Vec<u8>)> {
    let protocol = compose::signing_protocol(ctx, raw, None)?;
    Ok((protocol, compose::sign(ctx, raw, protocol, None, false)?))
}

/// Encrypts for every recipient and the sender, in the protocol of SPEC
/// section 4 ([`compose::encrypt_either`]), signed inside if `sign`.
/// `Err` with [`Error::Recipients`] when not every recipient has a key.
pub(super) fn encrypt(
    ctx: &Ctx,
    raw: &[u8],
    headers: &[HeaderField],
    recipients: &[Recipient],
    sign: bool,
) -> Result<(Protocol, Vec<u8>)> {
    let senders: Vec<String> = mime::addresses(headers, "From")
        .into_iter()
        .map(|m| m.email.to_ascii_lowercase())
        .collect();
    // The sender is no secret when the message is encrypted to her anyway.
    let hidden: Vec<&str> = recipients
        .iter()
        .filter(|r| r.hidden && !senders.contains(&r.address))
        .map(|r| r.address.as_str())
        .collect();
    let enveloped = with_envelope_recipients(raw, headers, recipients);
    compose::report_groups(ctx, &enveloped, &[])?;
    let request = EncryptRequest {
        recipients: &[],
        include_self: true,
        sign: sign.then_some(None),
        trust_any: false,
    };
    // A protocol that cannot sign as the sender, when a signature is
    // wanted, will not do either: the other one gets its turn.
    let cannot_sign = |protocol| match sign {
        true => signing_problem(ctx, headers, protocol),
        false => None,
    };
    compose::encrypt_either(
        ctx,
        || {
            if let Some(why) = cannot_sign(Protocol::Openpgp) {
                return Ok(Err(vec![why]));
            }
            let encrypted = compose::openpgp_if_valid(ctx, &enveloped, &request)?;
            Ok(encrypted.map(|m| (Protocol::Openpgp, m)))
        },
        || match cannot_sign(Protocol::Smime) {
            Some(why) => Err(Error::Recipients(why)),
            None => smime(ctx, &enveloped, &hidden, sign).map(|m| (Protocol::Smime, m)),
        },
    )
}

/// Why the sender (the From address) has no own key that can sign in
/// `protocol`; `None` if she has one.
fn signing_problem(ctx: &Ctx, headers: &[HeaderField], protocol: Protocol) -> Option<String> {
    let checked = match protocol {
        Protocol::Openpgp => ctx
            .keyring()
            .and_then(|keyring| pgp::check_signer(keyring, headers, None, ctx.at)),
        Protocol::Smime => check_smime_signer(ctx, headers, None),
    };
    checked
        .err()
        .map(|e| format!("cannot sign as the sender: {e}"))
}

/// S/MIME encryption, unless a recipient must stay hidden: every
/// recipient of an S/MIME message can see whom else it was encrypted to.
fn smime(ctx: &Ctx, raw: &[u8], hidden: &[&str], sign: bool) -> Result<Vec<u8>> {
    if !hidden.is_empty() {
        let names: Vec<String> = hidden.iter().map(|h| Safe(h).to_string()).collect();
        return Err(Error::Recipients(format!(
            "cannot hide {} (Bcc, or named only to the command): every recipient of an S/MIME \
             message can see whom else it was encrypted to",
            names.join(", ")
        )));
    }
    // The defaults of `mailseal encrypt`.
    let options = EncryptOptions {
        recipients: &[],
        include_self: true,
        sign: sign.then_some(SignOptions {
            signer: None,
            opaque: false,
        }),
        cipher: CipherRequest::from_settings(None, ctx.config()?.smime_cipher),
        padding: RsaPadding::Pkcs1v15,
        trust_any: false,
    };
    encrypt_message(ctx, raw, &options)
}
