//! `mailseal send`: clap structures.

use clap::Args;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The command that delivers the message, and its arguments
    #[arg(last = true, value_name = "CMD")]
    pub command: Vec<String>,
}
