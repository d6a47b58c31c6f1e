//! `mailseal send`

use crate::cli::send::SendArgs;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};

pub fn dispatch(_ctx: &Ctx, _args: SendArgs) -> Result<ExitCode> {
    Err(Error::Usage("not yet written".into()))
}
