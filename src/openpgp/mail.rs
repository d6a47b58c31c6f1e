//! Signing and encrypting whole messages with the keyring's OpenPGP keys:
//! the signer is the From address's own key (or the one asked for), the
//! recipients are bindings with full validity in the web of trust (or any
//! usable key with `--trust-any`). A recipient without one is an error
//! that names it: never a silent plaintext fallback.

use std::collections::HashMap;

use rayon::prelude::*;
use sequoia_openpgp::{Cert, Fingerprint};

use super::compose::{encrypt_protected, recipient_addresses, sign_message};
use super::encrypt::{recipient_keys, RecipientKeys};
use super::keyring_keys::KeyringKeys;
use super::keys::SigningKey;
use super::recipient_cache;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::keyring::{JudgedRecipient, Keyring, StoredPgpCert};
use crate::mime::{self, HeaderField, Protected};
use crate::safe::Safe;
use crate::time::Timestamp;
use crate::trust::grouped::{recipient_problems, trust_any_warnings};
use crate::trust::own::openpgp_key_line as own_key_line;
use crate::trust::{settle_open, TrustData, MIN_ROWS_TO_SAVE};

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
    let (headers, _) = mime::split_message(raw)?;
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
    let (headers, _) = mime::split_message(raw)?;
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
    chosen.remember(trust.keyring());
    Ok(Ok(encrypted))
}

/// Encrypts a whole message (`raw`, and `protected`, its entity split
/// off for protection) as PGP/MIME to recipients already chosen, signed
/// inside with `sign`'s signer (or the From address's key) when asked.
fn encrypt_to(
    ctx: &Ctx,
    raw: &[u8],
    protected: Protected,
    recipients: &[RecipientKeys],
    sign: Option<Option<&str>>,
) -> Result<Vec<u8>> {
    let keyring = ctx.keyring()?;
    let (headers, _) = mime::split_message(raw)?;
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

/// Whether the From address (or `query`) has an own OpenPGP key that can
/// sign, for choosing the protocol; if not, why.
pub fn check_signer(
    keyring: &Keyring,
    headers: &[HeaderField],
    query: Option<&str>,
    at: Timestamp,
) -> Result<()> {
    choose_signer(keyring, headers, query, at).map(|_| ())
}

/// The newest of our own certificates for `query` or the single From
/// address that can sign at `at`. An own key that is revoked or expired
/// at `at` never signs: when every own key for the address is such a
/// key, the error names each and why.
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
    best_signer(candidates, &wanted, at)
}

/// The newest of `candidates` that is our own and can sign at `at`;
/// `wanted` names what was asked for in the errors.
pub(super) fn best_signer(
    candidates: Vec<StoredPgpCert>,
    wanted: &str,
    at: Timestamp,
) -> Result<StoredPgpCert> {
    let policy = super::policy_at(at);
    let mut unusable = Vec::new();
    let mut usable = Vec::new();
    for own in candidates.into_iter().filter(|c| c.has_secret) {
        match signing_problem(&own.cert, &policy, at) {
            Some(why) => unusable.push(own_key_line(&own.cert, &why)),
            None => usable.push(own),
        }
    }
    if let Some(best) = usable
        .into_iter()
        .max_by_key(|c| c.cert.primary_key().key().creation_time())
    {
        return Ok(best);
    }
    if unusable.is_empty() {
        return Err(Error::KeyNotFound {
            what: "own OpenPGP signing key",
            query: wanted.to_string(),
        });
    }
    Err(crate::trust::own::unusable_error(
        &format!("none of your OpenPGP keys for {} can sign", Safe(wanted)),
        unusable,
    ))
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
pub(super) struct Chosen {
    pub(super) recipients: Vec<RecipientKeys>,
    warnings: Vec<String>,
    /// Judgements made in this run that later runs may reuse.
    judged: Vec<JudgedRecipient>,
}

impl Chosen {
    /// Tells the user (unless `--quiet`) about every recipient taken
    /// only because of `--trust-any`: call it once the message is made.
    pub(super) fn warn(&self, ctx: &Ctx) {
        for w in &self.warnings {
            ctx.warn(w);
        }
    }

    /// Keeps this run's judgements for later runs when there are enough
    /// to be worth a write (encrypting to many): one recipient costs less
    /// to judge than the write, and stays a read-only use of the keyring.
    /// A failure only costs speed later, so it is not an error.
    pub(super) fn remember(&self, keyring: &Keyring) {
        if self.judged.len() >= MIN_ROWS_TO_SAVE {
            let _ = keyring.store_pgp_recipients(recipient_cache::JUDGED_BY, &self.judged);
        }
    }
}

/// The recipients: every `-r` query, or the message's To, Cc and Bcc
/// (Bcc-only addresses hidden), plus the sender's own key. `Err` lists,
/// one entry per recipient, what is missing.
pub(super) fn choose_recipients(
    trust: &TrustData,
    headers: &[HeaderField],
    req: &EncryptRequest<'_>,
) -> std::result::Result<Chosen, Vec<String>> {
    let given: Vec<(String, bool)> = if req.recipients.is_empty() {
        recipient_addresses(headers)
    } else {
        req.recipients.iter().map(|r| (r.clone(), false)).collect()
    };
    if given.is_empty() {
        return Err(vec![
            "no recipients: the message has no To, Cc or Bcc and no -r was given".into(),
        ]);
    }
    let expansion = trust
        .keyring()
        .expand_groups(&given)
        .map_err(|e| vec![e.to_string()])?;
    let wanted = &expansion.recipients;
    let mut picks = judged_earlier(trust, wanted);
    settle_open(&mut picks, wanted, |queries| {
        judge_now(trust, queries, req.trust_any)
    })?;
    let mut chosen = Unique::default();
    let mut warnings = Vec::new();
    let mut missing = Vec::new();
    let mut judged = Vec::new();
    for ((query, hidden), picked) in wanted.iter().zip(picks.into_iter().flatten()) {
        match picked {
            Ok(p) => {
                warnings.extend(p.warning.map(|w| (query.clone(), w)));
                judged.extend(p.judged);
                chosen.push(p.keys, *hidden)
            }
            Err(why) => missing.push((expansion.label(query), why)),
        }
    }
    if !missing.is_empty() {
        return Err(recipient_problems(missing));
    }
    if req.include_self {
        if let Ok(own) = choose_own(trust, headers) {
            chosen.push(own, false);
        }
    }
    Ok(Chosen {
        recipients: chosen.keys,
        warnings: trust_any_warnings(warnings),
        judged,
    })
}

/// Picks for the address queries whose every certificate has a
/// judgement from an earlier run that holds now, with a binding that is
/// fully valid without the web of trust (own key, pin, full root): the
/// newest of them, as [`pick`] would choose. `None` for every other
/// query, and for all of them if the keyring cannot answer (the full
/// judgement then says why).
fn judged_earlier(
    trust: &TrustData,
    wanted: &[(String, bool)],
) -> Vec<Option<std::result::Result<Picked, String>>> {
    let emails: Vec<String> = wanted
        .iter()
        .map(|(q, _)| q.trim().to_ascii_lowercase())
        .collect();
    let Ok(found) =
        trust
            .keyring()
            .pgp_recipient_candidates(&emails, recipient_cache::JUDGED_BY, trust.at())
    else {
        return wanted.iter().map(|_| None).collect();
    };
    wanted
        .par_iter()
        .zip(&emails)
        .zip(found)
        .map(|(((query, _), email), candidates)| {
            if !is_address(query) || candidates.is_empty() {
                return None;
            }
            let mut newest: Option<&JudgedRecipient> = None;
            for c in &candidates {
                let judged = c.judged.as_ref()?;
                let fingerprint: Fingerprint = c.fingerprint.parse().ok()?;
                if !trust.openpgp_shortcut_applies(&fingerprint, email) {
                    return None;
                }
                // On a tie, the last, as `pick`'s `max_by_key` takes it.
                if newest.is_none_or(|n| judged.created >= n.created) {
                    newest = Some(judged);
                }
            }
            let keys = recipient_cache::keys(newest?)?;
            Some(Ok(Picked {
                keys,
                created: 0,
                warning: None,
                judged: Vec::new(),
            }))
        })
        .collect()
}

/// Picks for `wanted` judged from their certificates, on all cores (with
/// many recipients, judging each binding dominates).
fn judge_now(
    trust: &TrustData,
    wanted: &[(String, bool)],
    trust_any: bool,
) -> std::result::Result<Vec<std::result::Result<Picked, String>>, Vec<String>> {
    trust.prepare_openpgp();
    let mut found = look_up(trust.keyring(), wanted)?.into_iter();
    let candidates: Vec<_> = wanted
        .iter()
        .map(|(query, _)| match is_address(query) {
            true => Ok(found.next().unwrap_or_default()),
            false => trust.keyring().pgp_find(query).map_err(|e| e.to_string()),
        })
        .collect();
    Ok(wanted
        .par_iter()
        .zip(candidates)
        .map(|((query, _), found)| pick(trust, query, found?, trust_any))
        .collect())
}

/// Adds one recipient's keys to those chosen, unless its certificate is
/// there already (then visible anywhere means visible).
pub(super) fn push_unique(chosen: &mut Vec<RecipientKeys>, mut keys: RecipientKeys, hidden: bool) {
    match chosen
        .iter_mut()
        .find(|r| r.fingerprint == keys.fingerprint)
    {
        Some(r) => r.hidden &= hidden,
        None => {
            keys.hidden = hidden;
            chosen.push(keys)
        }
    }
}

/// Recipients' keys, one entry per certificate, in the order first met.
#[derive(Default)]
struct Unique {
    keys: Vec<RecipientKeys>,
    /// Where each certificate's entry is in `keys`.
    at: HashMap<Fingerprint, usize>,
}

impl Unique {
    fn push(&mut self, mut keys: RecipientKeys, hidden: bool) {
        match self.at.get(&keys.fingerprint) {
            // Visible anywhere means visible.
            Some(&i) => self.keys[i].hidden &= hidden,
            None => {
                keys.hidden = hidden;
                self.at.insert(keys.fingerprint.clone(), self.keys.len());
                self.keys.push(keys)
            }
        }
    }
}

/// The keys of the sender's own certificate, so that sent mail stays
/// readable.
fn choose_own(trust: &TrustData, headers: &[HeaderField]) -> Result<RecipientKeys> {
    own_recipient(trust, Some(&single_from(headers)?))
}

/// The encryption keys of our newest own certificate for `query` (an
/// address, fingerprint or key ID), or with `None` of all our own
/// certificates, that can be encrypted to at the reference time.
pub(super) fn own_recipient(trust: &TrustData, query: Option<&str>) -> Result<RecipientKeys> {
    let keyring = trust.keyring();
    let candidates = match query {
        Some(q) if is_address(q) => keyring.pgp_by_email(q)?,
        Some(q) => keyring.pgp_find(q)?,
        None => keyring.pgp_with_secret()?,
    };
    candidates
        .into_iter()
        .filter(|c| c.has_secret)
        .filter_map(|c| {
            let (keys, _) = recipient_keys(&c.cert, false, false, trust.at()).ok()?;
            Some((recipient_cache::created(&c.cert), keys))
        })
        .max_by_key(|(created, _)| *created)
        .map(|(_, keys)| keys)
        .ok_or_else(|| Error::KeyNotFound {
            what: "own OpenPGP key",
            query: query.unwrap_or("any").to_string(),
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
    keys: RecipientKeys,
    /// The primary key's creation time: the newest is taken.
    created: i64,
    /// Why it would not have been taken without `--trust-any`.
    warning: Option<String>,
    /// Judgements worth keeping, for each certificate found (not only
    /// the one taken) that needed no warning and no web of trust.
    judged: Vec<JudgedRecipient>,
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
    let mut judged = Vec::new();
    for c in found {
        // With --trust-any, what keeps it out even so (revoked, no
        // encryption key) is the reason to give.
        let (keys, expired) = match recipient_keys(&c.cert, false, trust_any, trust.at()) {
            Ok(chosen) => chosen,
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
        let warning = expired.or(untrusted);
        if let Some(e) = email.as_deref().filter(|_| warning.is_none()) {
            if trust.openpgp_shortcut_applies(&c.cert.fingerprint(), e) {
                judged.extend(recipient_cache::judge(&c, e, trust.at(), &keys));
            }
        }
        usable.push(Picked {
            keys,
            created: recipient_cache::created(&c.cert),
            warning,
            judged: Vec::new(),
        });
    }
    let mut best = usable
        .into_iter()
        .max_by_key(|p| (p.warning.is_none(), p.created))
        .ok_or(why)?;
    best.judged = judged;
    Ok(best)
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

/// Why our own key `cert` cannot sign at `at`: revoked, expired, or
/// without a live, unrevoked signing key. `None` if it can.
fn signing_problem(cert: &Cert, policy: &super::MailPolicy, at: Timestamp) -> Option<String> {
    if let Some(why) = crate::trust::own::openpgp_unusable(cert, at) {
        return Some(why);
    }
    let has_signing_key = cert
        .with_policy(policy, super::system_time(at))
        .is_ok_and(|valid| {
            valid
                .keys()
                .alive()
                .revoked(false)
                .for_signing()
                .next()
                .is_some()
        });
    (!has_signing_key).then(|| format!("has no signing key valid at {at}"))
}
