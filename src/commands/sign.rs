//! `mailseal sign`

use super::{input, io, requested_protocol};
use crate::cli::SignArgs;
use crate::compose;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::trust::verdict::Protocol;

pub fn dispatch(ctx: &Ctx, args: SignArgs) -> Result<ExitCode> {
    let asked = requested_protocol(&args.protocol)?;
    let input = args.io.input.as_deref();
    let raw = input::message(ctx, io::read_input(input)?, input, &args.wrap)?;
    let signer = args.signer.as_deref();
    let protocol = match asked {
        Some(p) => p,
        None if args.opaque => Protocol::Smime,
        None => compose::signing_protocol(ctx, &raw, signer)?,
    };
    let signed = compose::sign(ctx, &raw, protocol, signer, args.opaque)?;
    io::write_output(args.io.output.as_deref(), &signed)?;
    Ok(ExitCode::Ok)
}
