//! `mailseal sign`

use super::{input, io, requested_protocol};
use crate::cli::SignArgs;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::smime::compose::{check_signer as check_smime_signer, sign_message, SignOptions};
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
/// signer has an own key for it that can sign, else the other one. When
/// neither can: the one whose own keys are there but unusable (revoked,
/// expired), so that the error names them; else S/MIME, whose error says
/// what is missing. `--opaque` asks for S/MIME.
fn default_protocol(ctx: &Ctx, raw: &[u8], signer: Option<&str>) -> Result<Protocol> {
    let (headers, _) = mime::split_message(raw)?;
    let check = |protocol| match protocol {
        Protocol::Openpgp => pgp::check_signer(ctx.keyring()?, &headers, signer, ctx.at),
        Protocol::Smime => check_smime_signer(ctx, &headers, signer),
    };
    let preferred = ctx.config()?.prefer;
    let other = match preferred {
        Protocol::Openpgp => Protocol::Smime,
        Protocol::Smime => Protocol::Openpgp,
    };
    let Err(first) = check(preferred) else {
        return Ok(preferred);
    };
    let second = match check(other) {
        Ok(()) => return Ok(other),
        Err(e) => e,
    };
    let unusable = |e: &Error| matches!(e, Error::OwnKeyUnusable { .. });
    Ok(match (unusable(&first), unusable(&second)) {
        (true, _) => preferred,
        (false, true) => other,
        (false, false) => Protocol::Smime,
    })
}
