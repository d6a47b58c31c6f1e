//! `mailseal decrypt`

use super::io;
use crate::cli::DecryptArgs;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::message::{decrypt_message, DecryptOptions};
use crate::report::{self, Stream};
use crate::trust::TrustData;

pub fn dispatch(ctx: &Ctx, args: DecryptArgs) -> Result<ExitCode> {
    let raw = io::read_input(args.io.input.as_deref())?;
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let opts = DecryptOptions {
        legacy_cbc: args.legacy_cbc,
    };
    let opened = decrypt_message(ctx, &trust, &raw, opts)?;
    trust.save();
    io::write_output(args.io.output.as_deref(), &opened.message)?;
    // The message owns stdout unless it went to a file.
    let stream = match args.io.output.as_deref() {
        Some(p) if p != std::path::Path::new("-") => Stream::Stdout,
        _ => Stream::Stderr,
    };
    report::verdict(ctx, &opened.verdict, stream);
    Ok(opened.verdict.exit_code())
}
