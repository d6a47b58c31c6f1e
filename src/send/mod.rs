//! `mailseal send`: a sendmail-compatible wrapper. It reads a message,
//! protects it as the flags, the recipients' keys and the per-domain
//! policy ([`crate::policy`]) say, and hands it to a delivery command
//! (a sendmail) on that command's standard input. It fails closed:
//! when protection that is required cannot be made, nothing is handed
//! over ([`Error::NotSent`]) and the error says, per recipient, what is
//! missing.
//!
//! A message that comes protected (a mail client that signs and encrypts
//! itself, then hands the message to `send` as its sendmail) is not
//! protected twice: encrypted, it goes as it came, and counts as
//! encrypted for the flags and the policy (whether it is signed inside
//! cannot be seen without a recipient's key); signed at its root, it
//! counts as signed and is only encrypted, with its signature inside,
//! when encryption is wanted.
//!
//! Recipients are the envelope's: To, Cc and Bcc as `sendmail -t` reads
//! them, and the recipients among the command's own arguments, where
//! mail clients put them (neomutt writes no Bcc field and passes every
//! address after a `--`). Whoever is not in To or Cc is a hidden
//! recipient: OpenPGP encrypts to them with anonymous key IDs, and
//! S/MIME, whose every recipient sees the others, is not used.
//!
//! The header goes to the command as it came, Bcc field included: the
//! command takes its recipients from it (`-t`) and removes it, as for
//! any message. Nothing of it is ever inside the encryption.

mod deliver;
mod envelope;
mod protect;

pub use deliver::{deliver, Delivered};
pub use envelope::{command_recipients, recipients, Recipient};

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime;
use crate::policy::{Policy, Requirement};
use crate::safe::Safe;
use crate::trust::verdict::Protocol;
use envelope::{with_bcc_of, with_line_ends_of};

/// When to encrypt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encrypt {
    /// Only when the policy requires it.
    AsRequired,
    /// When every recipient has a fully valid key; else not.
    IfPossible,
    /// Always, or hand nothing over.
    Always,
}

/// What `send` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub encrypt: Encrypt,
    pub sign: bool,
}

/// What was done to the message before it was handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub encrypted: Option<Protocol>,
    pub signed: Option<Protocol>,
    /// The protection came with the message (a mail client encrypted it):
    /// it was handed over as it came.
    pub as_it_came: bool,
    pub recipients: usize,
    /// With `--encrypt-if-possible`: why the message was not encrypted
    /// (what each recipient lacks).
    pub not_encrypted: Option<String>,
}

/// A message ready to be handed over, and what was done to it.
#[derive(Debug)]
pub struct Prepared {
    pub message: Vec<u8>,
    pub done: Done,
}

/// Protects `raw` as `request` and the policy say, then hands it to
/// `command` (program and arguments). Any failure before the hand-over
/// is [`Error::NotSent`], and nothing reached the command.
pub fn send(
    ctx: &Ctx,
    raw: &[u8],
    command: &[String],
    request: Request,
) -> Result<(Done, Delivered)> {
    let program = command.first().map(String::as_str).unwrap_or_default();
    let not_sent = |e: Error| Error::NotSent {
        command: Safe(program).to_string(),
        source: Box::new(e),
    };
    let policy = ctx.config().map_err(not_sent)?.policy;
    let prepared = prepare(ctx, &policy, raw, command, request).map_err(not_sent)?;
    let delivered = deliver(command, &prepared.message)?;
    Ok((prepared.done, delivered))
}

/// The message as it will be handed to `command`, protected as
/// `request` and `policy` say for its recipients ([`recipients`]).
pub fn prepare(
    ctx: &Ctx,
    policy: &Policy,
    raw: &[u8],
    command: &[String],
    request: Request,
) -> Result<Prepared> {
    let (headers, _) = mime::split_message(raw)?;
    let recipients = recipients(&headers, command);
    if recipients.is_empty() {
        return Err(Error::Usage(
            "no recipients: the message has no To, Cc or Bcc address, and the command's \
             arguments name none"
                .into(),
        ));
    }
    let needs = Needs::new(request, policy, &recipients);
    let came = protect::existing(ctx, raw, &headers);
    let mut done = Done {
        encrypted: came.encrypted,
        signed: came.signed,
        as_it_came: came.encrypted.is_some(),
        recipients: recipients.len(),
        not_encrypted: None,
    };
    // What a mail client encrypted is not encrypted again, and cannot be
    // signed inside: it goes as it came.
    if done.as_it_came {
        let message = raw.to_vec();
        return Ok(Prepared { message, done });
    }
    // A message that came signed keeps its signature, inside the
    // encryption if it is encrypted, and is not signed again.
    let sign = needs.sign && came.signed.is_none();
    if needs.encryption.is_some() || request.encrypt == Encrypt::IfPossible {
        match protect::encrypt(ctx, raw, &headers, &recipients, sign) {
            Ok((protocol, encrypted)) => {
                done.encrypted = Some(protocol);
                if sign {
                    done.signed = Some(protocol);
                }
                let message = with_line_ends_of(raw, with_bcc_of(&headers, encrypted));
                return Ok(Prepared { message, done });
            }
            Err(e) => done.not_encrypted = Some(needs.unencrypted(e)?),
        }
    }
    if !sign {
        let message = raw.to_vec();
        return Ok(Prepared { message, done });
    }
    let (protocol, signed) = protect::sign(ctx, raw).map_err(|e| needs.unsigned(e))?;
    done.signed = Some(protocol);
    let message = with_line_ends_of(raw, signed);
    Ok(Prepared { message, done })
}

/// The protection a message needs, and why.
struct Needs {
    /// Why it must be encrypted (`--encrypt`, or a policy rule).
    encryption: Option<String>,
    /// Why it must be signed, when a policy rule says so.
    signature: Option<String>,
    /// Whether to sign (asked for, or required).
    sign: bool,
}

impl Needs {
    fn new(request: Request, policy: &Policy, recipients: &[Recipient]) -> Needs {
        let addresses: Vec<&str> = recipients.iter().map(|r| r.address.as_str()).collect();
        let rule = |requires| {
            let rules = policy.required_for(&addresses, requires);
            let (rule, recipient) = rules.first()?;
            Some(format!("{rule}, for {}", Safe(recipient)))
        };
        let encryption = match request.encrypt {
            Encrypt::Always => Some("--encrypt".to_string()),
            _ => rule(Requirement::Encryption),
        };
        let signature = rule(Requirement::Signature);
        Needs {
            encryption,
            sign: request.sign || signature.is_some(),
            signature,
        }
    }

    /// Encryption failed with `e`: why the message goes unencrypted, or
    /// the error when it must not (encryption is required, or it failed
    /// for a reason other than recipients' keys: a passphrase, say).
    fn unencrypted(&self, e: Error) -> Result<String> {
        let lacks_keys = matches!(e, Error::Recipients(_) | Error::RecipientsMissing(_));
        match &self.encryption {
            _ if !lacks_keys => Err(e),
            Some(why) => Err(Error::Required {
                why: format!("the message must be encrypted ({why})"),
                source: Box::new(e),
            }),
            None => Ok(e.to_string()),
        }
    }

    /// Signing failed with `e`: the error, with the policy rule that
    /// required the signature.
    fn unsigned(&self, e: Error) -> Error {
        match &self.signature {
            Some(why) => Error::Required {
                why: format!("the message must be signed ({why})"),
                source: Box::new(e),
            },
            None => e,
        }
    }
}

impl Done {
    /// One line: what was done, and where it went.
    pub fn summary(&self, program: &str, delivered: Delivered) -> String {
        let what = match (self.encrypted, self.signed) {
            (Some(e), Some(s)) if e == s => format!("encrypted and signed ({})", name(e)),
            (Some(e), Some(s)) => format!("encrypted ({}), signed ({})", name(e), name(s)),
            (Some(e), None) => format!("encrypted ({})", name(e)),
            (None, Some(s)) => format!("signed ({}), not encrypted", name(s)),
            (None, None) => "neither signed nor encrypted".to_string(),
        };
        let whom = match self.recipients {
            1 => "1 recipient".to_string(),
            n => format!("{n} recipients"),
        };
        let status = match delivered.code {
            0 => String::new(),
            code => format!(", which exited {code}"),
        };
        let how = if self.as_it_came { " as it came" } else { "" };
        format!(
            "handed to {}{how}{status}: {what}, for {whom}",
            Safe(program)
        )
    }
}

fn name(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::Openpgp => "OpenPGP",
        Protocol::Smime => "S/MIME",
    }
}
