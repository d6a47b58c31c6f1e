//! Signing and encrypting whole messages with the keyring's OpenPGP keys:
//! the signer is the From address's own key (or the one asked for), the
//! recipients are bindings with full validity in the web of trust (or any
//! usable key with `--trust-any`). A recipient without one is an error
//! that names it: never a silent plaintext fallback.

use rayon::prelude::*;
use sequoia_openpgp::Cert;

use super::compose::{encrypt_protected, recipient_addresses, sign_message};
use super::encrypt::{check_recipient, Recipient};
use super::keyring_keys::KeyringKeys;
use super::keys::SigningKey;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::keyring::{Keyring, StoredPgpCert};
use crate::mime::{self, HeaderField, Protected};
use crate::safe::Safe;
use crate::time::Timestamp;
use crate::trust::{trust_any_warning, TrustData};

/// What `encrypt --openpgp` was asked for.
pub struct EncryptRequest<'a> {
    /// `-r` queries; empty: the message's To, Cc and Bcc.
    pub recipients: &'a [String],
    pub include_self: bool,
    /// Sign inside the encryption, with this signer query or the From
    /// address's key.
    pub sign: Option<Option<&'a str>>,
    pub trust_any: bool,
}

/// Signs a whole message as PGP/MIME.
pub fn sign(ctx: &Ctx, raw: &[u8], signer: Option<&str>) -> Result<Vec<u8>> {
    let keyring = ctx.keyring()?;
    let (headers, _) = mime::split_headers(raw)?;
    let own = choose_signer(keyring, &headers, signer, ctx.at)?;
    let keys = KeyringKeys::new(keyring, Some(&ctx.passphrase));
    let key = SigningKey::new(&keys, &keyring.pgp_secret(&own.fingerprint)?, ctx.at)?;
    sign_message(raw, &key, ctx.at)
}

/// Encrypts a whole message as PGP/MIME to recipients chosen by
/// [`choose_recipients`]; `Ok(Err(missing))` says, per recipient, what
/// is missing when not every one has a usable key (another protocol may
/// then be tried). The message is canonicalized while the recipients are
/// chosen.
pub fn encrypt(
    ctx: &Ctx,
    trust: &TrustData,
    raw: &[u8],
    req: &EncryptRequest<'_>,
) -> Result<std::result::Result<Vec<u8>, Vec<String>>> {
    let (headers, _) = mime::split_headers(raw)?;
    let (chosen, protected) = rayon::join(
        || choose_recipients(trust, &headers, req),
        || mime::split_for_protection(raw),
    );
    let chosen = match chosen {
        Ok(c) => c,
        Err(missing) => return Ok(Err(missing)),
    };
    let encrypted = encrypt_to(ctx, raw, protected?, &chosen.recipients, req.sign)?;
    chosen.warn(ctx);
    Ok(Ok(encrypted))
}

/// Encrypts a whole message (`raw`, and `protected`, its entity split
/// off for protection) as PGP/MIME to recipients already chosen, signed
/// inside with `sign`'s signer (or the From address's key) when asked.
fn encrypt_to(
    ctx: &Ctx,
    raw: &[u8],
    protected: Protected,
    recipients: &[Recipient],
    sign: Option<Option<&str>>,
) -> Result<Vec<u8>> {
    let keyring = ctx.keyring()?;
    let (headers, _) = mime::split_headers(raw)?;
    let keys = KeyringKeys::new(keyring, Some(&ctx.passphrase));
    let signer = match sign {
        Some(query) => {
            let own = choose_signer(keyring, &headers, query, ctx.at)?;
            Some(SigningKey::new(
                &keys,
                &keyring.pgp_secret(&own.fingerprint)?,
                ctx.at,
            )?)
        }
        None => None,
    };
    encrypt_protected(protected, recipients, signer.as_ref(), ctx.at)
}

/// Whether the From address (or `query`) has an own OpenPGP key: the
/// default protocol for signing when it does.
pub fn has_signer(
    keyring: &Keyring,
    headers: &[HeaderField],
    query: Option<&str>,
    at: Timestamp,
) -> bool {
    choose_signer(keyring, headers, query, at).is_ok()
}

/// The newest of our own certificates for `query` or the single From
/// address that can sign at `at`.
pub fn choose_signer(
    keyring: &Keyring,
    headers: &[HeaderField],
    query: Option<&str>,
    at: Timestamp,
) -> Result<StoredPgpCert> {
    let wanted = match query {
        Some(q) => q.to_string(),
        None => single_from(headers)?,
    };
    let candidates = if is_address(&wanted) {
        keyring.pgp_by_email(&wanted)?
    } else {
        keyring.pgp_find(&wanted)?
    };
    let policy = super::policy_at(at);
    candidates
        .into_iter()
        .filter(|c| c.has_secret && can_sign(&c.cert, &policy, at))
        .max_by_key(|c| c.cert.primary_key().key().creation_time())
        .ok_or(Error::KeyNotFound {
            what: "own OpenPGP signing key",
            query: wanted,
        })
}

fn single_from(headers: &[HeaderField]) -> Result<String> {
    match mime::addresses(headers, "From").as_slice() {
        [one] => Ok(one.email.clone()),
        [] => Err(Error::Usage(
            "the message has no From address; name the signer with --signer".into(),
        )),
        _ => Err(Error::Usage(
            "the message has several From addresses; name the signer with --signer".into(),
        )),
    }
}

/// The recipients chosen for a message, and what the user should hear
/// about the ones taken only because of `--trust-any`.
struct Chosen {
    recipients: Vec<Recipient>,
    warnings: Vec<String>,
}

impl Chosen {
    /// Tells the user (unless `--quiet`) about every recipient taken
    /// only because of `--trust-any`: call it once the message is made.
    fn warn(&self, ctx: &Ctx) {
        for w in &self.warnings {
            ctx.warn(w);
        }
    }
}

/// The recipients: every `-r` query, or the message's To, Cc and Bcc
/// (Bcc-only addresses hidden), plus the sender's own key. `Err` lists,
/// one entry per recipient, what is missing.
fn choose_recipients(
    trust: &TrustData,
    headers: &[HeaderField],
    req: &EncryptRequest<'_>,
) -> std::result::Result<Chosen, Vec<String>> {
    let wanted: Vec<(String, bool)> = if req.recipients.is_empty() {
        recipient_addresses(headers)
    } else {
        req.recipients.iter().map(|r| (r.clone(), false)).collect()
    };
    trust.prepare_openpgp();
    if wanted.is_empty() {
        return Err(vec![
            "no recipients: the message has no To, Cc or Bcc and no -r was given".into(),
        ]);
    }
    let mut found = look_up(trust.keyring(), &wanted)?.into_iter();
    let candidates: Vec<_> = wanted
        .iter()
        .map(|(query, _)| match is_address(query) {
            true => Ok(found.next().unwrap_or_default()),
            false => trust.keyring().pgp_find(query).map_err(|e| e.to_string()),
        })
        .collect();
    // Judging each binding in the web of trust dominates with many
    // recipients: spread it over the cores.
    let picks: Vec<_> = wanted
        .par_iter()
        .zip(candidates)
        .map(|((query, _), found)| pick(trust, query, found?, req.trust_any))
        .collect();
    let mut chosen: Vec<Recipient> = Vec::new();
    let mut warnings = Vec::new();
    let mut missing = Vec::new();
    for ((query, hidden), picked) in wanted.iter().zip(picks) {
        match picked {
            Ok(p) => {
                warnings.extend(p.warning.map(|w| trust_any_warning(query, &w)));
                push_unique(&mut chosen, p.cert, *hidden, p.expired_ok)
            }
            Err(why) => missing.push(format!("{}: {why}", Safe(query))),
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    if req.include_self {
        if let Ok(own) = choose_own(trust, headers) {
            push_unique(&mut chosen, own, false, false);
        }
    }
    Ok(Chosen {
        recipients: chosen,
        warnings,
    })
}

fn push_unique(chosen: &mut Vec<Recipient>, cert: Cert, hidden: bool, expired_ok: bool) {
    match chosen
        .iter_mut()
        .find(|r| r.cert.fingerprint() == cert.fingerprint())
    {
        // Visible anywhere means visible.
        Some(r) => {
            r.hidden &= hidden;
            r.expired_ok |= expired_ok;
        }
        None => chosen.push(Recipient {
            cert,
            hidden,
            expired_ok,
        }),
    }
}

/// The sender's own certificate, so that sent mail stays readable.
fn choose_own(trust: &TrustData, headers: &[HeaderField]) -> Result<Cert> {
    let from = single_from(headers)?;
    trust
        .keyring()
        .pgp_by_email(&from)?
        .into_iter()
        .filter(|c| c.has_secret && check_recipient(&c.cert, trust.at(), false).is_ok())
        .max_by_key(|c| c.cert.primary_key().key().creation_time())
        .map(|c| c.cert)
        .ok_or(Error::KeyNotFound {
            what: "own OpenPGP key",
            query: from,
        })
}

/// Whether a recipient query is an address (else a fingerprint, key ID
/// or name).
fn is_address(query: &str) -> bool {
    query.contains('@')
}

/// The certificates of every recipient named by address, in the order
/// of `wanted`, in one keyring query. `Err` says why the keyring could
/// not be read.
fn look_up(
    keyring: &Keyring,
    wanted: &[(String, bool)],
) -> std::result::Result<Vec<Vec<StoredPgpCert>>, Vec<String>> {
    let emails: Vec<String> = wanted
        .iter()
        .filter(|(q, _)| is_address(q))
        .map(|(q, _)| q.clone())
        .collect();
    keyring
        .pgp_by_emails(&emails)
        .map_err(|e| vec![e.to_string()])
}

/// A recipient's certificate as [`pick`] chose it.
struct Picked {
    cert: Cert,
    /// Taken although it has expired (`--trust-any`).
    expired_ok: bool,
    /// Why it would not have been taken without `--trust-any`.
    warning: Option<String>,
}

/// The best of the certificates `found` for one recipient query, or why
/// there is none. Without `trust_any` that is a live certificate whose
/// binding has full validity; with it, any unrevoked certificate with an
/// encryption key, preferring ones that need no warning.
fn pick(
    trust: &TrustData,
    query: &str,
    found: Vec<StoredPgpCert>,
    trust_any: bool,
) -> std::result::Result<Picked, String> {
    let email = is_address(query).then(|| query.trim().to_ascii_lowercase());
    let mut why = "no OpenPGP certificate in the keyring".to_string();
    let mut usable: Vec<Picked> = Vec::new();
    for c in found {
        // With --trust-any, what keeps it out even so (revoked, no
        // encryption key) is the reason to give.
        let expired = match check_recipient(&c.cert, trust.at(), trust_any) {
            Ok(expired) => expired,
            Err(Error::Recipients(reason)) => {
                why = reason;
                continue;
            }
            Err(other) => {
                why = other.to_string();
                continue;
            }
        };
        let untrusted = match fully_valid(trust, &c, email.as_deref()) {
            Ok(()) => None,
            Err(reason) if trust_any => Some(reason),
            Err(reason) => {
                why = format!("{}: {reason}", c.fingerprint);
                continue;
            }
        };
        usable.push(Picked {
            cert: c.cert,
            expired_ok: expired.is_some(),
            warning: expired.or(untrusted),
        });
    }
    usable
        .into_iter()
        .max_by_key(|p| {
            (
                p.warning.is_none(),
                p.cert.primary_key().key().creation_time(),
            )
        })
        .ok_or(why)
}

/// Full validity of the binding to `email`, or to any of the
/// certificate's addresses when the recipient was named otherwise.
fn fully_valid(
    trust: &TrustData,
    c: &StoredPgpCert,
    email: Option<&str>,
) -> std::result::Result<(), String> {
    let emails: Vec<String> = match email {
        Some(e) => vec![e.to_string()],
        None => c.emails.clone(),
    };
    let mut reason = "the certificate carries no e-mail address".to_string();
    for e in &emails {
        let t = trust.openpgp_cert_trust(&c.cert, e);
        if t.is_full() {
            return Ok(());
        }
        reason = format!(
            "not fully valid ({}/120): {}; pin it with `mailseal trust pin` or use --trust-any",
            t.amount,
            t.reason.unwrap_or_default()
        );
    }
    Err(reason)
}

/// Whether the certificate is alive at `at` and has a live, unrevoked
/// signing key.
fn can_sign(cert: &Cert, policy: &super::MailPolicy, at: Timestamp) -> bool {
    cert.with_policy(policy, super::system_time(at))
        .is_ok_and(|valid| {
            valid.alive().is_ok()
                && valid
                    .keys()
                    .alive()
                    .revoked(false)
                    .for_signing()
                    .next()
                    .is_some()
        })
}
