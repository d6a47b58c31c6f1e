//! `mailseal sop`: runs one Stateless OpenPGP verb on the process's
//! standard input and output. sop has its own exit codes, wider than
//! mailseal's, so a failure ends the process here with sop's code.

use crate::cli::sop::SopArgs;
use crate::error::{ExitCode, Result};
use crate::safe::Safe;
use crate::sop::{self, Io};

pub fn dispatch(args: &SopArgs) -> Result<ExitCode> {
    let stdin = &mut std::io::stdin();
    let stdout = &mut std::io::stdout();
    let mut io = Io { stdin, stdout };
    match sop::run(&args.verb, &mut io) {
        Ok(()) => Ok(ExitCode::Ok),
        Err(e) => {
            // Error texts can quote sequoia's view of attacker input.
            eprintln!("sop: {}", Safe(&e.to_string()));
            std::process::exit(i32::from(e.code()))
        }
    }
}
