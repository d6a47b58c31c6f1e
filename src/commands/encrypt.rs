//! `mailseal encrypt`

use super::{io, requested_protocol};
use crate::cli::{CipherArg, EncryptArgs, KeyTransportArg};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::smime::compose::{encrypt_message, EncryptOptions, SignOptions};
use crate::smime::encrypt::{Cipher, RsaPadding};
use crate::trust::verdict::Protocol;
use crate::trust::TrustData;

pub fn dispatch(ctx: &Ctx, args: EncryptArgs) -> Result<ExitCode> {
    let asked = requested_protocol(&args.protocol)?;
    let raw = io::read_input(args.io.input.as_deref())?;
    let request = pgp::EncryptRequest {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(args.signer.as_deref()),
        trust_any: args.trust_any,
    };
    let encrypted = match asked {
        Some(Protocol::Openpgp) => {
            let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
            let encrypted = pgp::encrypt(ctx, &trust, &raw, &request)?;
            trust.save();
            encrypted
        }
        Some(Protocol::Smime) => encrypt_message(ctx, &raw, &smime_options(&args))?,
        None => either(ctx, &raw, &args, &request)?,
    };
    io::write_output(args.io.output.as_deref(), &encrypted)?;
    Ok(ExitCode::Ok)
}

/// OpenPGP when every recipient has a fully valid OpenPGP binding (the
/// default preference), else S/MIME when every one has a valid
/// certificate; otherwise an error saying, per protocol and recipient,
/// what is missing.
fn either(
    ctx: &Ctx,
    raw: &[u8],
    args: &EncryptArgs,
    request: &pgp::EncryptRequest<'_>,
) -> Result<Vec<u8>> {
    if !ctx.keyring()?.has_openpgp()? {
        return encrypt_message(ctx, raw, &smime_options(args));
    }
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let (headers, _) = mime::split_headers(raw)?;
    let pgp_missing = match pgp::choose_recipients(&trust, &headers, request) {
        Ok(_) => {
            let encrypted = pgp::encrypt(ctx, &trust, raw, request);
            trust.save();
            return encrypted;
        }
        Err(missing) => missing,
    };
    drop(trust);
    match encrypt_message(ctx, raw, &smime_options(args)) {
        Err(Error::Recipients(smime_missing)) => Err(Error::Recipients(format!(
            "no protocol has a valid key for every recipient. OpenPGP: {}. S/MIME: {smime_missing}",
            pgp_missing.join("; ")
        ))),
        other => other,
    }
}

fn smime_options(args: &EncryptArgs) -> EncryptOptions<'_> {
    EncryptOptions {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(SignOptions {
            signer: args.signer.as_deref(),
            opaque: false,
        }),
        cipher: match args.cipher {
            CipherArg::Aes256Gcm => Cipher::Aes256Gcm,
            CipherArg::Aes256Cbc => Cipher::Aes256Cbc,
        },
        padding: match args.key_transport {
            KeyTransportArg::Pkcs1 => RsaPadding::Pkcs1v15,
            KeyTransportArg::Oaep => RsaPadding::Oaep,
        },
        trust_any: args.trust_any,
    }
}
