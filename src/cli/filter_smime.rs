//! `mailseal filter smime ...`: clap structures.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SmimeFilter {
    /// Not yet written
    Todo,
}
