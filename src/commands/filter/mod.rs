//! `mailseal filter`: raw operations for mail clients, the
//! configuration that sets them up, and the full check of a message.

mod check;
pub mod muttrc;
pub mod pgp;
pub mod smime;

use crate::cli::filter::{FilterArgs, FilterCommand};
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::keyring::OpenMode;

pub fn dispatch(ctx: &Ctx, args: FilterArgs) -> Result<ExitCode> {
    match args.command {
        FilterCommand::Pgp(cmd) => pgp::dispatch(ctx, cmd),
        FilterCommand::Smime(cmd) => smime::dispatch(ctx, cmd),
        FilterCommand::InstallConfig(args) => muttrc::install(ctx, &args),
        FilterCommand::Check(args) => check::run(ctx, &args),
        FilterCommand::PolicyColors => muttrc::policy_colors(ctx),
    }
}

/// Whether the operation may create the keyring (an import) or needs
/// one that exists.
pub fn keyring_mode(args: &FilterArgs) -> OpenMode {
    match &args.command {
        FilterCommand::Pgp(cmd) => pgp::keyring_mode(cmd),
        FilterCommand::Smime(cmd) => smime::keyring_mode(cmd),
        FilterCommand::InstallConfig(_) | FilterCommand::Check(_) | FilterCommand::PolicyColors => {
            OpenMode::Existing
        }
    }
}
