//! `mailseal sign`

use super::{input, io, requested_protocol};
use crate::cli::SignArgs;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::smime::compose::{has_signer as smime_can_sign, sign_message, SignOptions};
use crate::trust::verdict::Protocol;

pub fn dispatch(ctx: &Ctx, args: SignArgs) -> Result<ExitCode> {
    let asked = requested_protocol(&args.protocol)?;
    let input = args.io.input.as_deref();
    let raw = input::message(ctx, io::read_input(input)?, input, &args.wrap)?;
    let protocol = match asked {
        Some(p) => p,
        None if args.opaque => Protocol::Smime,
        None => default_protocol(ctx, &raw, args.signer.as_deref())?,
    };
    let signed = match protocol {
        Protocol::Openpgp if args.opaque => {
            return Err(Error::Usage(
                "--opaque is an S/MIME form; PGP/MIME signatures are always detached".into(),
            ))
        }
        Protocol::Openpgp => pgp::sign(ctx, &raw, args.signer.as_deref())?,
        Protocol::Smime => {
            let opts = SignOptions {
                signer: args.signer.as_deref(),
                opaque: args.opaque,
            };
            sign_message(ctx, &raw, &opts)?
        }
    };
    io::write_output(args.io.output.as_deref(), &signed)?;
    Ok(ExitCode::Ok)
}

/// The preferred protocol (`prefer-protocol`, default OpenPGP) when the
/// signer has an own key for it, else the other one; `--opaque` asks for
/// S/MIME.
fn default_protocol(ctx: &Ctx, raw: &[u8], signer: Option<&str>) -> Result<Protocol> {
    let (headers, _) = mime::split_message(raw)?;
    let keyring = ctx.keyring()?;
    let has_pgp = || pgp::has_signer(keyring, &headers, signer, ctx.at);
    Ok(match ctx.config()?.prefer {
        Protocol::Openpgp if has_pgp() => Protocol::Openpgp,
        Protocol::Openpgp => Protocol::Smime,
        Protocol::Smime if !smime_can_sign(ctx, &headers, signer)? && has_pgp() => {
            Protocol::Openpgp
        }
        Protocol::Smime => Protocol::Smime,
    })
}
