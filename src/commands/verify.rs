//! `mailseal verify`

use std::path::PathBuf;

use super::io;
use crate::cli::VerifyArgs;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::report::{self, Stream};
use crate::smime::open::verify_message;
use crate::trust::TrustData;

pub fn dispatch(ctx: &Ctx, args: VerifyArgs) -> Result<ExitCode> {
    let input: Option<PathBuf> = match args.paths.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => {
            return Err(Error::Usage(
                "verify takes one message in this version".into(),
            ))
        }
    };
    let raw = io::read_input(input.as_deref())?;
    let trust = TrustData::load(ctx.keyring()?)?;
    let name = input.as_ref().map(|p| p.display().to_string());
    let verified = verify_message(ctx, &trust, &raw, name)?;
    if let (Some(out), Some(content)) = (args.output.as_deref(), &verified.content) {
        if verified.verdict.exit_code() != ExitCode::Failed {
            io::write_output(Some(out), content)?;
        }
    }
    report::verdict(ctx, &verified.verdict, Stream::Stdout);
    Ok(verified.verdict.exit_code())
}
