//! `mailseal filter pgp ...`

use crate::cli::filter::PgpFilter;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::OpenMode;

pub fn dispatch(_ctx: &Ctx, cmd: PgpFilter) -> Result<ExitCode> {
    match cmd {
        PgpFilter::Todo => Err(Error::Usage("not yet written".into())),
    }
}

pub fn keyring_mode(_cmd: &PgpFilter) -> OpenMode {
    OpenMode::Existing
}
