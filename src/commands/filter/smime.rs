//! `mailseal filter smime ...`

use crate::cli::filter::SmimeFilter;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::OpenMode;

pub fn dispatch(_ctx: &Ctx, cmd: SmimeFilter) -> Result<ExitCode> {
    match cmd {
        SmimeFilter::Todo => Err(Error::Usage("not yet written".into())),
    }
}

pub fn keyring_mode(_cmd: &SmimeFilter) -> OpenMode {
    OpenMode::Existing
}
