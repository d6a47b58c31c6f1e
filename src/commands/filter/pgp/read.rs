//! `filter pgp decrypt` (`pgp_decrypt_command`: the body of a
//! multipart/encrypted message) and `filter pgp decode`
//! (`pgp_decode_command`: an inline PGP block).
//!
//! The status lines follow gpg's: BEGIN_DECRYPTION, the signatures
//! inside, DECRYPTION_OKAY, GOODMDC, END_DECRYPTION. Nothing is printed
//! before the whole ciphertext is authenticated, so DECRYPTION_OKAY
//! always means an authenticated decryption, and a failure prints
//! DECRYPTION_FAILED and no plaintext at all.

use super::report_signatures;
use crate::cli::filter_pgp::ReadArgs;
use crate::commands::io::{read_input, write_output};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::openpgp::colons::key_block_summary;
use crate::openpgp::{decrypt as decrypt_message, open, KeyringKeys};
use crate::report::status_fd::StatusFd;
use crate::report::{emit, error as report_error, ErrorForm, Stream};

pub fn decrypt(ctx: &Ctx, args: &ReadArgs) -> Result<ExitCode> {
    let mut status = StatusFd::open(args.status.status_fd)?;
    ctx.passphrase.require("decrypting")?;
    let message = read_input(Some(&args.file))?;
    decrypt_and_report(ctx, &mut status, &message)
}

/// An inline block: verified (no passphrase needed) when it is only
/// signed, decrypted when it is encrypted; a key block is described.
pub fn decode(ctx: &Ctx, args: &ReadArgs) -> Result<ExitCode> {
    let mut status = StatusFd::open(args.status.status_fd)?;
    let input = read_input(Some(&args.file))?;
    if let Some(summary) = key_block_summary(&input, ctx.at) {
        write_output(None, summary.as_bytes())?;
        return Ok(ExitCode::Ok);
    }
    let keys = KeyringKeys::new(ctx.keyring()?, None);
    let opened = match open(&input, &keys, ctx.at) {
        Ok(Some(opened)) => opened,
        Ok(None) => {
            ctx.passphrase.require("decrypting")?;
            return decrypt_and_report(ctx, &mut status, &input);
        }
        Err(e) => return Ok(failed(&e)),
    };
    let code = report_signatures(ctx, &mut status, &opened.signatures, Stream::Stderr)?;
    write_unless_bad(code, &opened.content)?;
    Ok(code)
}

/// Decrypts and reports; the plaintext goes to standard output unless a
/// signature inside is bad.
fn decrypt_and_report(ctx: &Ctx, status: &mut StatusFd, message: &[u8]) -> Result<ExitCode> {
    let keys = KeyringKeys::new(ctx.keyring()?, Some(&ctx.passphrase));
    let decrypted = match decrypt_message(message, &keys, ctx.at) {
        Ok(d) => d,
        Err(e) => return Ok(decryption_failed(status, &e)),
    };
    status.line("BEGIN_DECRYPTION", "");
    let code = report_signatures(ctx, status, &decrypted.signatures, Stream::Stderr)?;
    status.line("DECRYPTION_OKAY", "");
    status.line("GOODMDC", "");
    status.line("END_DECRYPTION", "");
    write_unless_bad(code, &decrypted.plaintext)?;
    Ok(code)
}

/// As `mailseal decrypt`: nothing is written when a signature is bad.
fn write_unless_bad(code: ExitCode, content: &[u8]) -> Result<()> {
    if code == ExitCode::Failed {
        emit(
            Stream::Stderr,
            "mailseal: nothing written: a signature on it is bad\n",
        );
        return Ok(());
    }
    write_output(None, content)
}

/// The status lines of a decryption that failed once it had begun
/// (gpg's: BADMDC for a changed ciphertext, DECRYPTION_FAILED), the
/// error on stderr, and exit 2 as gpg. Input that is not an encrypted
/// message at all gets no DECRYPTION lines.
fn decryption_failed(status: &mut StatusFd, e: &Error) -> ExitCode {
    let begun = !matches!(
        e,
        Error::Malformed { .. } | Error::NothingToDo(_) | Error::Io { .. } | Error::Usage(_)
    );
    if begun {
        status.line("BEGIN_DECRYPTION", "");
        if matches!(e, Error::IntegrityFailure) {
            status.line("BADMDC", "");
        }
        status.line("DECRYPTION_FAILED", "");
        status.line("END_DECRYPTION", "");
    }
    failed(e)
}

/// An error reported on stderr, exit 2 (gpg's code for every failure
/// that is not a bad signature).
fn failed(e: &Error) -> ExitCode {
    report_error(e, ErrorForm::Human);
    ExitCode::Usage
}
