//! `filter pgp sign`, `clearsign` and `encrypt`: outgoing parts
//! (`pgp_sign_command`, `pgp_clear_sign_command`,
//! `pgp_encrypt_only_command`, `pgp_encrypt_sign_command`). The output
//! goes into the message as it is; success is silent on stderr.

use super::local_line_ends;
use crate::cli::filter_pgp::{EncryptArgs, SignArgs};
use crate::commands::io::{read_input, write_output};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::openpgp::part::{encrypt_part, part_signing_key, PartRequest};
use crate::openpgp::{sign_cleartext, sign_detached_text};
use crate::trust::TrustData;

/// What `sign` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignAs {
    /// A detached text signature (PGP/MIME).
    Detached,
    /// A cleartext-signed text (inline PGP).
    Cleartext,
}

pub fn sign(ctx: &Ctx, args: &SignArgs, how: SignAs) -> Result<ExitCode> {
    ctx.passphrase.require("signing")?;
    let data = read_input(Some(&args.file))?;
    let key = part_signing_key(ctx, args.signer.as_deref())?;
    let armored = match how {
        SignAs::Detached => sign_detached_text(&key, &data, ctx.at)?.armored,
        SignAs::Cleartext => sign_cleartext(&key, &data, ctx.at)?,
    };
    write_output(None, &local_line_ends(&armored))?;
    Ok(ExitCode::Ok)
}

/// Encrypts to every recipient named (each with a fully valid binding
/// unless `--trust-any`) and to our own key; any recipient without a
/// usable key is an error naming it, and nothing is written.
pub fn encrypt(ctx: &Ctx, args: &EncryptArgs) -> Result<ExitCode> {
    if args.sign {
        ctx.passphrase.require("signing")?;
    }
    let recipients: Vec<String> = args.recipients.iter().chain(&args.more).cloned().collect();
    if recipients.is_empty() {
        return Err(Error::Usage(
            "no recipients: name them after FILE or with -r (key IDs, fingerprints or addresses)"
                .into(),
        ));
    }
    let data = read_input(Some(&args.file))?;
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let request = PartRequest {
        recipients: &recipients,
        own: args.own.as_deref(),
        include_self: !args.no_self,
        sign: args.sign,
        trust_any: args.trust_any,
    };
    let encrypted =
        encrypt_part(ctx, &trust, &data, &request)?.map_err(Error::RecipientsMissing)?;
    trust.save();
    write_output(None, &local_line_ends(&encrypted.armored))?;
    Ok(ExitCode::Ok)
}
