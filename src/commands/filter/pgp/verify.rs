//! `filter pgp verify SIGNATURE FILE` (`pgp_verify_command`).

use super::report_signatures;
use crate::cli::filter_pgp::VerifyArgs;
use crate::commands::io::read_input;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::openpgp::{verify_detached, KeyringKeys};
use crate::report::status_fd::StatusFd;
use crate::report::Stream;

/// Checks the detached signature over the part as received: status
/// lines on `--status-fd`, the verdict in words on standard output
/// (neomutt shows both streams in its pager, without the status lines).
pub fn verify(ctx: &Ctx, args: &VerifyArgs) -> Result<ExitCode> {
    let mut status = StatusFd::open(args.status.status_fd)?;
    let signature = read_input(Some(&args.signature))?;
    let data = read_input(Some(&args.file))?;
    let keyring = ctx.keyring()?;
    let keys = KeyringKeys::new(keyring, None);
    let checks = verify_detached(&data, &signature, &keys, ctx.at)?;
    report_signatures(ctx, &mut status, &checks, Stream::Stdout)
}
