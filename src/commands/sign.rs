//! `mailseal sign`

use super::{io, requested_protocol};
use crate::cli::SignArgs;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::smime::compose::{sign_message, SignOptions};

pub fn dispatch(ctx: &Ctx, args: SignArgs) -> Result<ExitCode> {
    requested_protocol(&args.protocol)?;
    let raw = io::read_input(args.io.input.as_deref())?;
    let opts = SignOptions {
        signer: args.signer.as_deref(),
        opaque: args.opaque,
    };
    let signed = sign_message(ctx, &raw, &opts)?;
    io::write_output(args.io.output.as_deref(), &signed)?;
    Ok(ExitCode::Ok)
}
