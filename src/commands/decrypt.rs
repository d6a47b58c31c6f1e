//! `mailseal decrypt`

use super::io;
use crate::cli::DecryptArgs;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::message::{decrypt_message, DecryptOptions};
use crate::report::{self, Stream};

pub fn dispatch(ctx: &Ctx, args: DecryptArgs) -> Result<ExitCode> {
    let raw = io::read_input(args.io.input.as_deref())?;
    let trust = super::received_mail_trust(ctx, args.no_learn)?;
    let opts = DecryptOptions {
        legacy_cbc: args.legacy_cbc,
    };
    let policy = ctx.config()?.policy;
    let mut opened = decrypt_message(ctx, &trust, &policy, &raw, opts)?;
    super::save_received(ctx, &trust);
    // Unsigned content decrypted is a success, not "nothing to do".
    if opened.verdict.exit_code() == ExitCode::Nothing {
        opened.verdict.exit = 0;
    }
    // A bad signature inside means the text was altered or forged; a
    // failed decryption leaves no output behind (SPEC section 2).
    if opened.verdict.exit_code() != ExitCode::Failed {
        io::write_output(args.io.output.as_deref(), &opened.message)?;
    } else if ctx.verbosity >= 0 {
        eprintln!("the decrypted message is not written: its signature is bad");
    }
    // The message owns stdout unless it went to a file.
    let stream = match args.io.output.as_deref() {
        Some(p) if p != std::path::Path::new("-") => Stream::Stdout,
        _ => Stream::Stderr,
    };
    report::verdict(ctx, &opened.verdict, stream);
    Ok(opened.verdict.exit_code())
}
