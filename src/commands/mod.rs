//! One module per subcommand; [`run`] validates the command line into a
//! [`Ctx`] once and dispatches.

pub mod check;
pub mod decrypt;
pub mod encrypt;
pub mod filter;
pub mod generate;
pub mod group;
pub mod input;
pub mod io;
pub mod keyring;
pub mod pin;
pub mod send;
pub mod sign;
pub mod sop;
pub mod trust;
pub mod verify;

use std::path::PathBuf;

use crate::cli::{
    AnchorCommand, Cli, Command, GroupCommand, KeyringCommand, ProtocolFlags, TrustCommand,
};
use crate::ctx::{Ctx, Output};
use crate::error::{Error, ExitCode, Result};
use crate::keyring::OpenMode;
use crate::passphrase::PassphraseSource;
use crate::report::{self, ErrorForm, Stream};
use crate::time::Timestamp;
use crate::trust::verdict::Protocol;

/// Runs a parsed command line, reports a failure in the form the command
/// line asks for, and returns the exit code.
pub fn main(cli: Cli) -> ExitCode {
    let form = error_form(&cli);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report::error(&e, form);
            e.exit_code()
        }
    }
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // sop is stateless: it needs no keyring, HOME or passphrase source.
    if let Command::Sop(args) = &cli.command {
        return sop::dispatch(args);
    }
    let ctx = context(&cli)?;
    // A keyring that must exist is checked before any input is read: a
    // mail client piping a message in learns at once what is wrong.
    if keyring_mode(&cli.command) == Some(OpenMode::Existing) {
        crate::keyring::require_dir(&ctx.keyring_dir)?;
    }
    let changes_keys = changes_keys_or_trust(&cli.command);
    let result = match cli.command {
        Command::Sign(args) => sign::dispatch(&ctx, args),
        Command::Encrypt(args) => encrypt::dispatch(&ctx, args),
        Command::Decrypt(args) => decrypt::dispatch(&ctx, args),
        Command::Verify(args) => verify::dispatch(&ctx, args),
        Command::Keyring(cmd) => keyring::dispatch(&ctx, cmd),
        Command::Trust(cmd) => trust::dispatch(&ctx, cmd),
        Command::Filter(args) => filter::dispatch(&ctx, args),
        Command::Send(args) => send::dispatch(&ctx, args),
        Command::Generate(args) => generate::dispatch(args),
        Command::Sop(args) => sop::dispatch(&args),
    };
    // The S/MIME directories neomutt reads follow the keyring at once.
    if changes_keys && result.is_ok() {
        filter::smime::store::refresh_if_present(&ctx);
    }
    result
}

/// The commands after which the certificates, secret keys, anchors or
/// pins may differ.
fn changes_keys_or_trust(command: &Command) -> bool {
    matches!(
        command,
        Command::Keyring(
            KeyringCommand::Import { .. }
                | KeyringCommand::Remove { .. }
                | KeyringCommand::Generate(_)
        ) | Command::Trust(TrustCommand::Anchor(
            AnchorCommand::Add { .. } | AnchorCommand::Remove { .. }
        )) | Command::Trust(TrustCommand::Pin(_))
    )
}

/// Whether the command writes a message or keys to stdout (unless `-o`):
/// its reports, and with `--json` its errors, then go to stderr, so a
/// pipeline never takes them for the message.
fn data_on_stdout(command: &Command) -> bool {
    matches!(
        command,
        Command::Sign(_)
            | Command::Encrypt(_)
            | Command::Decrypt(_)
            | Command::Filter(_)
            | Command::Send(_)
            | Command::Keyring(KeyringCommand::Export { .. })
    )
}

/// With `--json`, an error is a JSON object: on stderr where stdout
/// carries data, else on stdout with the command's other reports. sop
/// keeps its own conventions.
fn error_form(cli: &Cli) -> ErrorForm {
    match &cli.command {
        Command::Sop(_) => ErrorForm::Human,
        _ if !cli.json => ErrorForm::Human,
        c if data_on_stdout(c) => ErrorForm::Json(Stream::Stderr),
        _ => ErrorForm::Json(Stream::Stdout),
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
        keyring_mode(&cli.command).unwrap_or(OpenMode::Existing),
        at,
        passphrase,
        output,
        verbosity,
    ))
}

/// `--keyring DIR`, else `$MAILSEAL_HOME`, else `$XDG_DATA_HOME/mailseal`,
/// else `~/.local/share/mailseal`.
fn keyring_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    flag.or_else(crate::keyring::default_dir).ok_or_else(|| {
        Error::Usage("no keyring directory: pass --keyring DIR or set MAILSEAL_HOME".into())
    })
}

/// Only the commands that add to the keyring from nothing create it.
/// Every other one, including those that change or remove what is there
/// (`trust pin`, `trust root`, `keyring remove`), refuses a directory
/// that does not exist: a mistyped `--keyring` must not become an empty
/// keyring in which no signer is trusted and nothing says why. `None`:
/// the command uses no keyring.
fn keyring_mode(command: &Command) -> Option<OpenMode> {
    match command {
        Command::Keyring(
            KeyringCommand::Import { .. }
            | KeyringCommand::Generate(_)
            | KeyringCommand::Group(GroupCommand::Add { .. } | GroupCommand::Import { .. }),
        )
        | Command::Trust(TrustCommand::Anchor(AnchorCommand::Add { .. })) => Some(OpenMode::Create),
        Command::Filter(args) => Some(filter::keyring_mode(args)),
        Command::Generate(_) | Command::Sop(_) => None,
        _ => Some(OpenMode::Existing),
    }
}

/// The protocol the flags ask for; `None` lets the command decide.
pub(crate) fn requested_protocol(flags: &ProtocolFlags) -> Result<Option<Protocol>> {
    match (flags.smime, flags.openpgp) {
        (true, _) => Ok(Some(Protocol::Smime)),
        (_, true) => Ok(Some(Protocol::Openpgp)),
        _ => Ok(None),
    }
}

/// The trust data for received mail (verify, decrypt, a mail client's
/// verify and decrypt): learning from signed mail unless `no_learn`
/// (`--no-learn`) or `mailseal.conf` says `learn-from-mail no`.
pub(crate) fn received_mail_trust(
    ctx: &Ctx,
    no_learn: bool,
) -> Result<crate::trust::TrustData<'_>> {
    let learn = !no_learn && ctx.config()?.learn_from_mail;
    Ok(crate::trust::TrustData::load(ctx.keyring()?, ctx.at)?.learning(learn))
}

/// Keeps what the run learned ([`crate::trust::TrustData::save`]), says so
/// with -v, and warns when nothing could be kept. The S/MIME directories
/// neomutt reads follow new certificates at once.
pub(crate) fn save_received(ctx: &Ctx, trust: &crate::trust::TrustData<'_>) {
    let saved = trust.save();
    if let Some(e) = &saved.error {
        ctx.warn(format_args!(
            "the certificates seen in signed mail could not be kept: {e}"
        ));
    }
    let kept = saved.from_mail;
    if kept.certificates > 0 {
        filter::smime::store::refresh_if_present(ctx);
    }
    if ctx.verbosity > 0 && (kept.certificates > 0 || kept.capabilities > 0) {
        eprintln!(
            "kept from signed mail: {} new certificate(s), {} capability list(s)",
            kept.certificates, kept.capabilities
        );
    }
}
