//! The message that sign and encrypt protect: the input as it is, or
//! with `--wrap` a message built around it, and either way checked to be
//! an RFC 5322 message before anything else happens (SPEC section 2).

use std::path::Path;

use crate::cli::WrapArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime;
use crate::mime::wrap::{wrap, Envelope};

/// `raw`, read from `input`, as the message to protect; refused
/// ([`Error::NotAMessage`]) unless it is one, so that nothing of it can
/// end up in the unprotected outer header.
pub fn message(ctx: &Ctx, raw: Vec<u8>, input: Option<&Path>, args: &WrapArgs) -> Result<Vec<u8>> {
    let raw = match args.wrap {
        true => wrapped(ctx, &raw, input, args)?,
        false => raw,
    };
    mime::split_message(&raw)?;
    Ok(raw)
}

fn wrapped(ctx: &Ctx, raw: &[u8], input: Option<&Path>, args: &WrapArgs) -> Result<Vec<u8>> {
    let from = args
        .from
        .as_deref()
        .ok_or_else(|| Error::Usage("--wrap needs the sender: --from ADDR".into()))?;
    let filename = input
        .filter(|p| *p != Path::new("-"))
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    let envelope = Envelope {
        from,
        to: &args.to,
        cc: &args.cc,
        subject: args.subject.as_deref(),
        date: ctx.at,
        filename: filename.as_deref(),
    };
    wrap(&envelope, raw)
}
