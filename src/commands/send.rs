//! `mailseal send`: reads the message, has the library protect it and
//! hand it over ([`crate::send`]), and reports what was done. The exit
//! code is the delivery command's, wider than mailseal's, so a failed
//! delivery ends the process here with that code.

use super::io;
use crate::cli::send::SendArgs;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::send::{send, Encrypt, Request};

pub fn dispatch(ctx: &Ctx, args: SendArgs) -> Result<ExitCode> {
    let request = Request {
        encrypt: match (args.encrypt, args.encrypt_if_possible) {
            (true, _) => Encrypt::Always,
            (false, true) => Encrypt::IfPossible,
            (false, false) => Encrypt::AsRequired,
        },
        sign: args.sign,
    };
    let raw = io::read_input(None)?;
    let (done, delivered) = send(ctx, &raw, &args.command, request)?;
    if ctx.verbosity >= 0 {
        let program = args.command.first().map(String::as_str).unwrap_or_default();
        eprintln!("mailseal send: {}", done.summary(program, delivered));
        if let Some(why) = &done.not_encrypted {
            eprintln!("  {}", why.replace('\n', "\n  "));
        }
    }
    match delivered.code {
        0 => Ok(ExitCode::Ok),
        code => std::process::exit(code),
    }
}
