//! `mailseal encrypt`

use super::{input, io, requested_protocol};
use crate::cli::{CipherArg, EncryptArgs, KeyTransportArg};
use crate::compose;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::openpgp::mail as pgp;
use crate::openpgp::recipient_addresses as pgp_recipients;
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::cipher_choice::{CipherChoice, CipherRequest};
use crate::smime::compose::{prepare_encrypted, EncryptOptions, EncryptedMessage, SignOptions};
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
        let encrypted = prepare_encrypted(ctx, raw, &smime_options(ctx, args)?)?;
        io::write_output_with(args.io.output.as_deref(), |w| encrypted.write_to(w))?;
        report_cipher(ctx, None, &encrypted.choice);
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
    for (name, encrypted) in &outputs {
        let path = dir.join(name);
        io::write_atomic(&path, &encrypted.to_vec(), false)?;
        if ctx.verbosity >= 0 {
            eprintln!("wrote {}", path.display());
        }
        report_cipher(ctx, Some(&path), &encrypted.choice);
    }
    Ok(ExitCode::Ok)
}

/// What `encrypt -v` says of the content encryption chosen and why, and
/// `--json` as one object on standard error (where a failure's object
/// goes too; standard output holds the message).
fn report_cipher(ctx: &Ctx, file: Option<&std::path::Path>, choice: &CipherChoice) {
    if ctx.json() {
        let mut value = serde_json::json!({ "protocol": "smime" });
        if let (Some(obj), Ok(serde_json::Value::Object(more))) =
            (value.as_object_mut(), serde_json::to_value(choice))
        {
            if let Some(path) = file {
                obj.insert("file".into(), path.display().to_string().into());
            }
            obj.extend(more);
        }
        emit(Stream::Stderr, &format!("{value}\n"));
    } else if ctx.verbosity > 0 {
        if let Some(path) = file {
            eprintln!("{}:", Safe(&path.display().to_string()));
        }
        emit(Stream::Stderr, &choice.describe());
    }
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

fn encrypt_to(
    ctx: &Ctx,
    raw: &[u8],
    args: &EncryptArgs,
    recipients: &[String],
) -> Result<EncryptedMessage> {
    let mut opts = smime_options(ctx, args)?;
    opts.recipients = recipients;
    prepare_encrypted(ctx, raw, &opts)
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

fn smime_options<'a>(ctx: &Ctx, args: &'a EncryptArgs) -> Result<EncryptOptions<'a>> {
    let flag = args.cipher.map(|c| match c {
        CipherArg::Auto => None,
        CipherArg::Aes256Gcm => Some(Cipher::Aes256Gcm),
        CipherArg::Aes256Cbc => Some(Cipher::Aes256Cbc),
    });
    Ok(EncryptOptions {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(SignOptions {
            signer: args.signer.as_deref(),
            opaque: false,
        }),
        cipher: CipherRequest::from_settings(flag, ctx.config()?.smime_cipher),
        padding: match args.key_transport {
            KeyTransportArg::Pkcs1 => RsaPadding::Pkcs1v15,
            KeyTransportArg::Oaep => RsaPadding::Oaep,
        },
        trust_any: args.trust_any,
    })
}
