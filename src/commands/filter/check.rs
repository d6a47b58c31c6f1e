//! `filter check`: the whole message a mail client pipes to it
//! (`<pipe-message>`), judged as `verify` judges it, and decrypted first
//! when it is encrypted; the verdict in words on standard output, never
//! the content.
//!
//! A mail client's crypto commands see a part and its signature, never
//! the header: neomutt and mutt do not compare a PGP signer with From at
//! all, and no verify command of theirs knows the per-domain policy. This
//! is the check that does, on one key.

use crate::cli::filter::CheckArgs;
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::message::{decrypt_message, verify_message, DecryptOptions};
use crate::report::{self, Stream};
use crate::trust::TrustData;

pub fn run(ctx: &Ctx, args: &CheckArgs) -> Result<ExitCode> {
    let raw = io::read_input(args.input.as_deref())?;
    let message = without_mbox_separator(&raw);
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let policy = ctx.config()?.policy;
    let verified = verify_message(&trust, &policy, message, None)?;
    let verdict = if verified.verdict.encrypted {
        decrypt_message(ctx, &trust, &policy, message, DecryptOptions::default())?.verdict
    } else {
        verified.verdict
    };
    trust.save();
    report::verdict(ctx, &verdict, Stream::Stdout);
    Ok(verdict.exit_code())
}

/// The message without the mbox `From ` line neomutt and mutt put before
/// a message they pipe. Only that one line: the input is one message.
fn without_mbox_separator(raw: &[u8]) -> &[u8] {
    if !raw.starts_with(b"From ") {
        return raw;
    }
    match raw.iter().position(|&b| b == b'\n') {
        Some(end) => &raw[end + 1..],
        None => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_line_alone_is_left_out() {
        let piped = b"From alice@example.org Mon Jun  1 12:00:00 2026\nFrom: a@b\n\nFrom here\n";
        assert_eq!(without_mbox_separator(piped), b"From: a@b\n\nFrom here\n");
        assert_eq!(
            without_mbox_separator(b"From: a@b\n\nx\n"),
            b"From: a@b\n\nx\n"
        );
        assert_eq!(without_mbox_separator(b"From x"), b"");
    }
}
