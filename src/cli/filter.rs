//! `mailseal filter`: raw operations for mail clients that build the MIME
//! themselves (neomutt's and mutt's `pgp_*_command` and
//! `smime_*_command`), as clap structures.

use clap::{Args, Subcommand};

pub use super::filter_pgp::PgpFilter;
pub use super::filter_smime::SmimeFilter;

#[derive(Debug, Args)]
pub struct FilterArgs {
    #[command(subcommand)]
    pub command: FilterCommand,
}

#[derive(Debug, Subcommand)]
pub enum FilterCommand {
    /// OpenPGP operations on parts and detached signatures, with gpg's
    /// status lines and key listing
    #[command(subcommand)]
    Pgp(PgpFilter),
    /// S/MIME operations on parts and detached signatures, with the
    /// output openssl gives
    #[command(subcommand)]
    Smime(SmimeFilter),
}
