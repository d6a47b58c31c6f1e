//! One module per subcommand; [`run`] validates the command line into a
//! [`Ctx`] once and dispatches.

pub mod check;
pub mod decrypt;
pub mod encrypt;
pub mod generate;
pub mod input;
pub mod io;
pub mod keyring;
pub mod pin;
pub mod sign;
pub mod sop;
pub mod trust;
pub mod verify;

use std::path::PathBuf;

use crate::cli::{Cli, Command, ProtocolFlags};
use crate::ctx::{Ctx, Output};
use crate::error::{Error, ExitCode, Result};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;
use crate::trust::verdict::Protocol;

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // sop is stateless: it needs no keyring, HOME or passphrase source.
    if let Command::Sop(args) = &cli.command {
        return sop::dispatch(args);
    }
    let ctx = context(&cli)?;
    match cli.command {
        Command::Sign(args) => sign::dispatch(&ctx, args),
        Command::Encrypt(args) => encrypt::dispatch(&ctx, args),
        Command::Decrypt(args) => decrypt::dispatch(&ctx, args),
        Command::Verify(args) => verify::dispatch(&ctx, args),
        Command::Keyring(cmd) => keyring::dispatch(&ctx, cmd),
        Command::Trust(cmd) => trust::dispatch(&ctx, cmd),
        Command::Generate(args) => generate::dispatch(args),
        Command::Sop(args) => sop::dispatch(&args),
    }
}

/// Validates the global options into the one context of this run.
fn context(cli: &Cli) -> Result<Ctx> {
    let at = match &cli.at {
        Some(s) => Timestamp::parse_rfc3339(s)?,
        None => Timestamp::now(),
    };
    let passphrase = match (&cli.passphrase_file, cli.passphrase_fd) {
        (Some(f), _) => PassphraseSource::File(f.clone()),
        (None, Some(fd)) => PassphraseSource::Fd(fd),
        (None, None) => PassphraseSource::Prompt,
    };
    let output = if cli.json {
        Output::Json
    } else {
        Output::Human
    };
    let verbosity = if cli.quiet {
        -1
    } else {
        cli.verbose.min(3) as i8
    };
    Ok(Ctx::new(
        keyring_dir(cli.keyring.clone())?,
        at,
        passphrase,
        output,
        verbosity,
    ))
}

/// `--keyring DIR`, else `$MAILSEAL_HOME`, else `$XDG_DATA_HOME/mailseal`,
/// else `~/.local/share/mailseal`.
fn keyring_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    let non_empty = |v: &str| {
        std::env::var_os(v)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    };
    flag.or_else(|| non_empty("MAILSEAL_HOME"))
        .or_else(|| non_empty("XDG_DATA_HOME").map(|d| d.join("mailseal")))
        .or_else(|| non_empty("HOME").map(|h| h.join(".local/share/mailseal")))
        .ok_or_else(|| {
            Error::Usage("no keyring directory: pass --keyring DIR or set MAILSEAL_HOME".into())
        })
}

/// The protocol the flags ask for; `None` lets the command decide.
pub(crate) fn requested_protocol(flags: &ProtocolFlags) -> Result<Option<Protocol>> {
    match (flags.smime, flags.openpgp) {
        (true, _) => Ok(Some(Protocol::Smime)),
        (_, true) => Ok(Some(Protocol::Openpgp)),
        _ => Ok(None),
    }
}
