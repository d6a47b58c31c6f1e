//! Outgoing messages in either protocol: the protocol choice of SPEC
//! section 4 for signing and for encrypting, shared by `sign`, `encrypt`
//! and `send`. The protocols do the work ([`crate::openpgp::mail`],
//! [`crate::smime::compose`]); this only decides which one does it.

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::safe::Safe;
use crate::smime::compose::{check_signer as check_smime_signer, sign_message, SignOptions};
use crate::trust::verdict::Protocol;
use crate::trust::TrustData;

/// What each recipient lacks in a protocol, one entry per recipient,
/// when not every one has a usable key there.
pub type Missing = Vec<String>;

/// The protocol to sign `raw` in: the preferred one (`prefer-protocol`,
/// default OpenPGP) when the signer (`signer`, else the From address)
/// has an own key for it that can sign, else the other one. When
/// neither can: the one whose own keys are there but unusable (revoked,
/// expired), so that the error names them; else S/MIME, whose error
/// says what is missing.
pub fn signing_protocol(ctx: &Ctx, raw: &[u8], signer: Option<&str>) -> Result<Protocol> {
    let (headers, _) = mime::split_message(raw)?;
    let check = |protocol| match protocol {
        Protocol::Openpgp => pgp::check_signer(ctx.keyring()?, &headers, signer, ctx.at),
        Protocol::Smime => check_smime_signer(ctx, &headers, signer),
    };
    let preferred = ctx.config()?.prefer;
    let other = match preferred {
        Protocol::Openpgp => Protocol::Smime,
        Protocol::Smime => Protocol::Openpgp,
    };
    let Err(first) = check(preferred) else {
        return Ok(preferred);
    };
    let second = match check(other) {
        Ok(()) => return Ok(other),
        Err(e) => e,
    };
    let unusable = |e: &Error| matches!(e, Error::OwnKeyUnusable { .. });
    Ok(match (unusable(&first), unusable(&second)) {
        (true, _) => preferred,
        (false, true) => other,
        (false, false) => Protocol::Smime,
    })
}

/// Signs a whole message in `protocol` as `signer` (else the From
/// address's own key); `opaque` asks for S/MIME signed-data.
pub fn sign(
    ctx: &Ctx,
    raw: &[u8],
    protocol: Protocol,
    signer: Option<&str>,
    opaque: bool,
) -> Result<Vec<u8>> {
    match protocol {
        Protocol::Openpgp if opaque => Err(Error::Usage(
            "--opaque is an S/MIME form; PGP/MIME signatures are always detached".into(),
        )),
        Protocol::Openpgp => pgp::sign(ctx, raw, signer),
        Protocol::Smime => sign_message(ctx, raw, &SignOptions { signer, opaque }),
    }
}

/// Encrypts with the protocol of SPEC section 4 when none was asked for:
/// the preferred one (`prefer-protocol`, default OpenPGP) when every
/// recipient has a fully valid binding there, else the other one; when
/// neither will do, an error that says, one line per protocol and
/// recipient, what is missing.
///
/// `openpgp` encrypts with OpenPGP or says what each recipient lacks
/// ([`openpgp_if_valid`]); `smime` encrypts with S/MIME, failing with
/// [`Error::Recipients`] or [`Error::RecipientsMissing`] when recipients
/// lack certificates. Either may write its output (the caller's `T`
/// says what was made), but only once it has succeeded.
pub fn encrypt_either<T>(
    ctx: &Ctx,
    openpgp: impl FnOnce() -> Result<std::result::Result<T, Missing>>,
    smime: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if ctx.config()?.prefer == Protocol::Smime {
        let smime_error = match smime() {
            Err(e @ (Error::Recipients(_) | Error::RecipientsMissing(_))) => e,
            done => return done,
        };
        return match openpgp()? {
            Ok(done) => Ok(done),
            Err(pgp_missing) => Err(neither(&pgp_missing, smime_error)),
        };
    }
    match openpgp()? {
        Ok(done) => Ok(done),
        Err(pgp_missing) => smime().map_err(|e| neither(&pgp_missing, e)),
    }
}

/// Neither protocol has a valid key for every recipient: say, one line
/// per protocol and recipient, what is missing.
fn neither(pgp_missing: &[String], smime_error: Error) -> Error {
    let smime_missing = match smime_error {
        Error::RecipientsMissing(missing) => missing,
        Error::Recipients(why) => vec![why],
        other => return other,
    };
    let lines: Vec<String> = pgp_missing
        .iter()
        .map(|m| format!("OpenPGP: {m}"))
        .chain(smime_missing.iter().map(|m| format!("S/MIME: {m}")))
        .collect();
    Error::Recipients(format!(
        "no protocol has a valid key for every recipient:{}",
        crate::error::indented_lines(&lines)
    ))
}

/// OpenPGP encryption when every recipient has a fully valid OpenPGP
/// binding; `Err` holds what each recipient lacks in OpenPGP (so that
/// S/MIME can have its turn).
pub fn openpgp_if_valid(
    ctx: &Ctx,
    raw: &[u8],
    request: &pgp::EncryptRequest<'_>,
) -> Result<std::result::Result<Vec<u8>, Missing>> {
    if !ctx.keyring()?.has_openpgp()? {
        return Ok(Err(vec!["no OpenPGP certificates in the keyring".into()]));
    }
    openpgp(ctx, raw, request)
}

/// OpenPGP encryption ([`pgp::encrypt`]) with the trust data of this run,
/// whose new decisions are kept when the message is made.
pub fn openpgp(
    ctx: &Ctx,
    raw: &[u8],
    request: &pgp::EncryptRequest<'_>,
) -> Result<std::result::Result<Vec<u8>, Missing>> {
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let encrypted = pgp::encrypt(ctx, &trust, raw, request)?;
    if encrypted.is_ok() {
        trust.save();
    }
    Ok(encrypted)
}

/// With -v: each recipient group of the message (the `-r` queries, else
/// its To, Cc and Bcc) and the members it expands to, on stderr, once
/// before either protocol is tried.
pub fn report_groups(ctx: &Ctx, raw: &[u8], queries: &[String]) -> Result<()> {
    if ctx.verbosity < 1 {
        return Ok(());
    }
    let wanted: Vec<(String, bool)> = if queries.is_empty() {
        let (headers, _) = mime::split_message(raw)?;
        crate::openpgp::recipient_addresses(&headers)
    } else {
        queries.iter().map(|q| (q.clone(), false)).collect()
    };
    for g in ctx.keyring()?.expand_groups(&wanted)?.groups {
        let members: Vec<String> = g.members.iter().map(|m| Safe(m).to_string()).collect();
        eprintln!(
            "group {} expands to {} member(s): {}",
            Safe(&g.name),
            members.len(),
            members.join(", ")
        );
    }
    Ok(())
}
