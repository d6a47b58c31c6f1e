//! One module per subcommand; `run` validates the command line into a
//! [`Ctx`] and dispatches.

use crate::cli::Cli;
use crate::error::{ExitCode, Result};

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let _ = cli;
    Ok(ExitCode::Ok)
}
