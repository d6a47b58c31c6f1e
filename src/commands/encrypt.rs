//! `mailseal encrypt`

use super::{input, io, requested_protocol};
use crate::cli::{CipherArg, EncryptArgs, KeyTransportArg};
use crate::compose;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::openpgp::recipient_addresses as pgp_recipients;
use crate::safe::Safe;
use crate::smime::compose::{encrypt_message, prepare_encrypted, EncryptOptions, SignOptions};
use crate::smime::encrypt::{Cipher, RsaPadding};
use crate::trust::verdict::Protocol;

pub fn dispatch(ctx: &Ctx, args: EncryptArgs) -> Result<ExitCode> {
    let asked = requested_protocol(&args.protocol)?;
    // Every way through needs the keyring. A large message is read while
    // it opens; for a small one, starting the thread pool would cost more
    // than it saves.
    let input = args.io.input.as_deref();
    let opener = ctx.keyring_opener();
    let (raw, keyring) = if io::is_large_file(input) {
        rayon::join(|| io::read_input(input), || opener.open())
    } else {
        (io::read_input(input), opener.open())
    };
    let raw = input::message(ctx, raw?, input, &args.wrap)?;
    ctx.adopt_keyring(keyring?);
    compose::report_groups(ctx, &raw, &args.recipients)?;
    let request = pgp::EncryptRequest {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(args.signer.as_deref()),
        trust_any: args.trust_any,
    };
    let encrypted = match asked {
        Some(Protocol::Openpgp) => {
            compose::openpgp(ctx, &raw, &request)?.map_err(Error::RecipientsMissing)?
        }
        Some(Protocol::Smime) => return smime(ctx, &raw, &args),
        // S/MIME writes its output itself (streamed): `None` then.
        None => match compose::encrypt_either(
            ctx,
            || Ok(compose::openpgp_if_valid(ctx, &raw, &request)?.map(Some)),
            || smime(ctx, &raw, &args).map(|_| None),
        )? {
            Some(encrypted) => encrypted,
            None => return Ok(ExitCode::Ok),
        },
    };
    io::write_output(args.io.output.as_deref(), &encrypted)?;
    Ok(ExitCode::Ok)
}

/// S/MIME encryption. Every recipient of an S/MIME message can see who
/// else it was encrypted to (the RecipientInfos name their certificates),
/// so a Bcc recipient cannot be hidden in it: with `-o DIR`, each Bcc
/// recipient gets a message of their own; otherwise the command refuses.
fn smime(ctx: &Ctx, raw: &[u8], args: &EncryptArgs) -> Result<ExitCode> {
    let hidden = hidden_recipients(raw, args)?;
    if hidden.is_empty() {
        let encrypted = prepare_encrypted(ctx, raw, &smime_options(args))?;
        io::write_output_with(args.io.output.as_deref(), |w| encrypted.write_to(w))?;
        return Ok(ExitCode::Ok);
    }
    let Some(dir) = args.io.output.as_deref().filter(|p| p.is_dir()) else {
        return Err(Error::Usage(format!(
            "S/MIME cannot hide Bcc recipients ({}): every recipient of a message can see \
             whom else it was encrypted to. Give -o DIR for one message to the visible \
             recipients and one for each Bcc recipient, or use OpenPGP, which hides them",
            first_few(&hidden)
        )));
    };
    let (headers, _) = mime::split_message(raw)?;
    let visible: Vec<String> = pgp_recipients(&headers)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(e, _)| e)
        .collect();
    // Encrypt everything first: a failure leaves no file behind.
    let mut outputs = Vec::new();
    if !visible.is_empty() {
        outputs.push((
            "message.eml".to_string(),
            encrypt_to(ctx, raw, args, &visible)?,
        ));
    }
    for (n, bcc) in hidden.iter().enumerate() {
        let one = std::slice::from_ref(bcc);
        outputs.push((
            format!("bcc-{}.eml", n + 1),
            encrypt_to(ctx, raw, args, one)?,
        ));
    }
    for (name, data) in &outputs {
        io::write_atomic(&dir.join(name), data, false)?;
        if ctx.verbosity >= 0 {
            eprintln!("wrote {}", dir.join(name).display());
        }
    }
    Ok(ExitCode::Ok)
}

/// The first three addresses, then how many more: a list of thousands
/// is not spelled out.
fn first_few(addresses: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = addresses
        .iter()
        .take(SHOWN)
        .map(|a| Safe(a).to_string())
        .collect();
    match addresses.len().saturating_sub(SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

fn encrypt_to(ctx: &Ctx, raw: &[u8], args: &EncryptArgs, recipients: &[String]) -> Result<Vec<u8>> {
    let mut opts = smime_options(args);
    opts.recipients = recipients;
    encrypt_message(ctx, raw, &opts)
}

/// Addresses only in Bcc, when the recipients come from the message. The
/// sender is no secret when the message is encrypted to her anyway.
fn hidden_recipients(raw: &[u8], args: &EncryptArgs) -> Result<Vec<String>> {
    if !args.recipients.is_empty() {
        return Ok(Vec::new());
    }
    let (headers, _) = mime::split_message(raw)?;
    let senders: Vec<String> = if args.no_self {
        Vec::new()
    } else {
        mime::addresses(&headers, "From")
            .into_iter()
            .map(|m| m.email.to_ascii_lowercase())
            .collect()
    };
    Ok(pgp_recipients(&headers)
        .into_iter()
        .filter(|(email, hidden)| *hidden && !senders.contains(email))
        .map(|(e, _)| e)
        .collect())
}

fn smime_options(args: &EncryptArgs) -> EncryptOptions<'_> {
    EncryptOptions {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(SignOptions {
            signer: args.signer.as_deref(),
            opaque: false,
        }),
        cipher: match args.cipher {
            CipherArg::Aes256Gcm => Cipher::Aes256Gcm,
            CipherArg::Aes256Cbc => Cipher::Aes256Cbc,
        },
        padding: match args.key_transport {
            KeyTransportArg::Pkcs1 => RsaPadding::Pkcs1v15,
            KeyTransportArg::Oaep => RsaPadding::Oaep,
        },
        trust_any: args.trust_any,
    }
}
