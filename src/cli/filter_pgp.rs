//! `mailseal filter pgp ...`: clap structures.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PgpFilter {
    /// Not yet written
    Todo,
}
