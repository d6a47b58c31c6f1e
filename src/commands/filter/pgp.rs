//! `mailseal filter pgp ...`: the OpenPGP backend of a mail client that
//! builds the MIME itself (neomutt's and mutt's `pgp_*_command`). Each
//! operation works on a part or a detached signature in a file, speaks
//! gpg's status lines, and keeps the client's screen intact: it never
//! prompts, and writes nothing on stderr but errors and what the client
//! reads there.

mod keys;
mod read;
mod verify;
mod write;

use crate::cli::filter::PgpFilter;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::keyring::OpenMode;
use crate::openpgp::SigCheck;
use crate::passphrase::PassphraseSource;
use crate::policy::signer_violations;
use crate::report::status_fd::{self, StatusFd};
use crate::report::{emit, human, Stream};
use crate::safe::Safe;
use crate::trust::TrustData;

pub fn dispatch(ctx: &Ctx, cmd: PgpFilter) -> Result<ExitCode> {
    let ctx = &filter_context(ctx);
    match cmd {
        PgpFilter::Verify(args) => verify::verify(ctx, &args),
        PgpFilter::Sign(args) => write::sign(ctx, &args, write::SignAs::Detached),
        PgpFilter::Clearsign(args) => write::sign(ctx, &args, write::SignAs::Cleartext),
        PgpFilter::Encrypt(args) => write::encrypt(ctx, &args),
        PgpFilter::Decrypt(args) => read::decrypt(ctx, &args),
        PgpFilter::Decode(args) => read::decode(ctx, &args),
        PgpFilter::Import { file } => keys::import(ctx, &file),
        PgpFilter::Export { ids } => keys::export(ctx, &ids),
        PgpFilter::ListKeys { patterns } => keys::list(ctx, &patterns, keys::Ring::Public),
        PgpFilter::ListSecretKeys { patterns } => keys::list(ctx, &patterns, keys::Ring::Secret),
    }
}

/// Only an import may create the keyring.
pub fn keyring_mode(cmd: &PgpFilter) -> OpenMode {
    match cmd {
        PgpFilter::Import { .. } => OpenMode::Create,
        _ => OpenMode::Existing,
    }
}

/// The context a filter runs in: a mail client runs it inside its own
/// screen, so there is no passphrase prompt (the passphrase comes from
/// `--passphrase-fd` or `--passphrase-file`, or an operation that needs
/// one fails at once), and no notice on stderr ("created keyring",
/// warnings), which the client would stop to show.
fn filter_context(ctx: &Ctx) -> Ctx {
    let passphrase = match &ctx.passphrase {
        PassphraseSource::Prompt => PassphraseSource::Never,
        other => other.clone(),
    };
    Ctx::new(
        ctx.keyring_dir.clone(),
        ctx.keyring_mode,
        ctx.at,
        passphrase,
        ctx.output,
        -1,
    )
}

/// Judges every signature for the signer's own addresses (a part comes
/// without a From to match), writes its status lines and, on `words`,
/// its verdict in a sentence; returns the worst exit code.
fn report_signatures(
    ctx: &Ctx,
    status: &mut StatusFd,
    checks: &[SigCheck],
    words: Stream,
) -> Result<ExitCode> {
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let policy = ctx.config()?.policy;
    let mut code = ExitCode::Ok;
    for check in checks {
        let judged = crate::openpgp::judge::judge_detached(&trust, check);
        let outcome = status_fd::signature(status, check, &judged);
        emit(
            words,
            &format!("mailseal: {}\n", human::signer_line(&judged)),
        );
        for broken in signer_violations(&policy, &judged) {
            emit(words, &format!("mailseal: {}\n", Safe(&broken)));
        }
        code = code.worst(outcome.exit_code());
    }
    Ok(code)
}

/// Armor with the local line ends (LF), as gpg writes it: the client
/// copies it into the message as it is.
fn local_line_ends(armored: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(armored.len());
    let mut bytes = armored.iter().peekable();
    while let Some(&b) = bytes.next() {
        if b == b'\r' && bytes.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armor_gets_lf_line_ends() {
        assert_eq!(local_line_ends(b"a\r\nb\r\n\r\nc\rd"), b"a\nb\n\nc\rd");
    }
}
