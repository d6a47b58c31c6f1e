//! `mailseal filter smime ...`: S/MIME operations on parts and detached
//! signatures for mail clients that build the MIME themselves (neomutt's
//! and mutt's classic backend, its `smime_*_command` settings), with the
//! output `openssl` gives there. Keys and certificates come from the
//! keyring; the directories neomutt looks them up in are written from it
//! ([`store`]).
//!
//! Conventions every operation keeps, because neomutt relies on them:
//! nothing on standard error on success (neomutt stops and shows it),
//! except verify's verdict, which goes there as openssl's does; the
//! passphrase is the first line of standard input (neomutt writes it
//! there), never a prompt on the terminal neomutt is drawing on.

mod certs;
mod decrypt;
mod encrypt;
pub mod files;
mod sign;
pub mod store;
pub mod verify;

use std::io::{BufRead, IsTerminal};

use zeroize::Zeroizing;

use crate::cli::filter::SmimeFilter;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::OpenMode;
use crate::passphrase::PassphraseSource;

pub fn dispatch(ctx: &Ctx, cmd: SmimeFilter) -> Result<ExitCode> {
    let with_passphrase;
    let ctx = if unlocks_a_key(&cmd) {
        with_passphrase = client_passphrase(ctx)?;
        &with_passphrase
    } else {
        ctx
    };
    let done = match cmd {
        SmimeFilter::Verify(args) => verify::run(ctx, &args),
        SmimeFilter::Sign(args) => sign::run(ctx, &args),
        SmimeFilter::Encrypt(args) => encrypt::run(ctx, &args),
        SmimeFilter::Decrypt(args) => decrypt::run(ctx, &args),
        SmimeFilter::Pk7out(args) => certs::pk7out(&args),
        SmimeFilter::GetCert(args) => certs::get_cert(&args),
        SmimeFilter::GetSignerCert(args) => certs::get_signer_cert(ctx, &args),
        SmimeFilter::GetCertEmail(args) => certs::get_cert_email(&args),
        SmimeFilter::Export(args) => certs::export(ctx, &args),
        // These two write the directories themselves.
        SmimeFilter::Import(args) => return certs::import(ctx, &args),
        SmimeFilter::Sync => return store::sync(ctx),
    };
    // After the output: verify's first line on standard error must be
    // its verdict.
    store::keep_current(ctx);
    done
}

/// Whether the operation needs one of the user's secret keys.
fn unlocks_a_key(cmd: &SmimeFilter) -> bool {
    match cmd {
        SmimeFilter::Sign(_) | SmimeFilter::Decrypt(_) => true,
        SmimeFilter::Encrypt(args) => args.sign,
        _ => false,
    }
}

/// Import may create the keyring; everything else needs one.
pub fn keyring_mode(cmd: &SmimeFilter) -> OpenMode {
    match cmd {
        SmimeFilter::Import(_) => OpenMode::Create,
        _ => OpenMode::Existing,
    }
}

/// The context for an operation that unlocks a key: the passphrase is
/// the first line of standard input, as neomutt sends it, unless
/// `--passphrase-file` or `--passphrase-fd` says otherwise. A terminal
/// on standard input is asked on as usual; an empty standard input leaves
/// the usual rules (no terminal: a clear error, never a hang).
fn client_passphrase(ctx: &Ctx) -> Result<Ctx> {
    let source = match &ctx.passphrase {
        PassphraseSource::Prompt if !std::io::stdin().is_terminal() => match stdin_line()? {
            Some(line) => PassphraseSource::Fixed(line),
            None => PassphraseSource::Prompt,
        },
        other => other.clone(),
    };
    Ok(Ctx::new(
        ctx.keyring_dir.clone(),
        ctx.keyring_mode,
        ctx.at,
        source,
        ctx.output,
        ctx.verbosity,
    ))
}

/// The first line of standard input without its line end; `None` if it
/// is empty.
fn stdin_line() -> Result<Option<Zeroizing<String>>> {
    let mut line = Zeroizing::new(String::new());
    let read = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Error::io("<stdin>", e))?;
    if read == 0 {
        return Ok(None);
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(Some(line))
}
