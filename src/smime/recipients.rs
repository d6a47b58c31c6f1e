//! Choosing whom an S/MIME message is encrypted to: one certificate per
//! recipient, fully valid (unless `--trust-any`), usable for encryption
//! and current; the newest if there are several.
//!
//! Most recipients are settled without reading a certificate: the keyring
//! keeps each RSA encryption certificate's key, identifier and validity
//! beside it, and stores full-trust decisions between runs. An address
//! whose certificates are all kept, all current and all decided fully
//! valid gets the newest of them, the one the full judgement would choose
//! (see [`kept_pick`]). Every other address is looked up and judged in
//! full, and so is every query that is not an address.

use rayon::prelude::*;

use super::cert;
use super::cipher_choice::Named;
use super::compose::{best_own, newest, single_from, EncryptOptions};
use super::encrypt::Recipient;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::keyring::{KeptRecipient, Keyring, StoredCert};
use crate::mime::{self, HeaderField};
use crate::time::Timestamp;
use crate::trust::grouped::{recipient_problems, trust_any_warnings};
use crate::trust::verdict::TrustLevel;
use crate::trust::x509::{check_usage, Purpose};
use crate::trust::{settle_open, TrustData};

/// A recipient chosen, by certificate fingerprint.
struct Chosen {
    fingerprint: String,
    recipient: Recipient,
}

impl Chosen {
    fn stored(c: StoredCert) -> Self {
        Chosen {
            fingerprint: c.fingerprint,
            recipient: Recipient::Certificate(Box::new(c.cert)),
        }
    }

    fn kept(k: KeptRecipient) -> Self {
        Chosen {
            fingerprint: k.fingerprint.clone(),
            recipient: Recipient::Kept(k),
        }
    }
}

/// Why a recipient has no certificate, or the one chosen and a warning
/// when only `--trust-any` allows it.
type Pick = std::result::Result<(Chosen, Option<String>), String>;

/// The recipients chosen: what the content key is wrapped for, and how
/// each is named with its certificate (for the cipher choice), in the
/// same order.
pub(super) struct ChosenRecipients {
    pub recipients: Vec<Recipient>,
    pub named: Vec<Named>,
}

/// One recipient per query (the `-r` values, else the To, Cc and Bcc
/// addresses), plus the sender's own certificate if asked; otherwise an
/// error that names every recipient without one and why.
pub(super) fn choose(
    ctx: &Ctx,
    outer: &[HeaderField],
    opts: &EncryptOptions<'_>,
) -> Result<ChosenRecipients> {
    let keyring = ctx.keyring()?;
    let expansion = keyring.expand_groups(&queries(outer, opts)?)?;
    let queries: Vec<String> = expansion
        .recipients
        .iter()
        .map(|(q, _)| q.clone())
        .collect();
    let emails: Vec<Option<String>> = queries
        .iter()
        .map(|q| q.contains('@').then(|| q.to_ascii_lowercase()))
        .collect();
    let addresses: Vec<String> = emails.iter().flatten().cloned().collect();
    // One after the other: both read through the one keyring connection.
    let at = ctx.at;
    let trust = TrustData::load(keyring, at)?;
    trust.prepare_x509();
    let kept = keyring.x509_recipient_candidates(&addresses)?;
    let mut kept = kept.into_iter();
    let mut picks: Vec<Option<Pick>> = emails
        .iter()
        .map(|email| {
            let email = email.as_deref()?;
            let candidates = kept.next().unwrap_or_default();
            kept_pick(at, &trust, email, candidates).map(|k| Ok((Chosen::kept(k), None)))
        })
        .collect();
    settle_open(&mut picks, &queries, |open| {
        judge_in_full(keyring, &trust, at, opts.trust_any, open)
    })?;
    trust.save();
    let mut chosen: Vec<(String, Chosen)> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut warnings = Vec::new();
    let mut missing = Vec::new();
    for (q, pick) in queries.iter().zip(picks) {
        match pick.unwrap_or_else(|| Err("no S/MIME certificate in the keyring".into())) {
            Ok((c, warning)) => {
                warnings.extend(warning.map(|w| (q.clone(), w)));
                if taken.insert(c.fingerprint.clone()) {
                    chosen.push((q.clone(), c));
                }
            }
            Err(why) => missing.push((expansion.label(q), why)),
        }
    }
    if !missing.is_empty() {
        return Err(Error::RecipientsMissing(recipient_problems(missing)));
    }
    // Only once every recipient is found: a refusal (and OpenPGP, which
    // may be tried next) must not come with warnings about S/MIME keys.
    for w in trust_any_warnings(warnings) {
        ctx.warn(w);
    }
    if opts.include_self {
        if let Some((from, own)) = own_certificate(ctx, keyring, outer)? {
            if taken.insert(own.fingerprint.clone()) {
                chosen.push((from, Chosen::stored(own)));
            }
        }
    }
    let (named, recipients) = chosen
        .into_iter()
        .map(|(recipient, c)| {
            let named = Named {
                recipient,
                fingerprint: c.fingerprint,
            };
            (named, c.recipient)
        })
        .unzip();
    Ok(ChosenRecipients { recipients, named })
}

/// The recipient queries, duplicates (ignoring case) dropped; groups
/// are expanded by the caller.
fn queries(outer: &[HeaderField], opts: &EncryptOptions<'_>) -> Result<Vec<(String, bool)>> {
    let mut queries: Vec<String> = if opts.recipients.is_empty() {
        ["To", "Cc", "Bcc"]
            .iter()
            .flat_map(|h| mime::addresses(outer, h))
            .map(|m| m.email)
            .collect()
    } else {
        opts.recipients.to_vec()
    };
    let mut seen = std::collections::HashSet::new();
    queries.retain(|q| seen.insert(q.to_ascii_lowercase()));
    if queries.is_empty() {
        return Err(Error::Recipients(
            "no recipients: the message has no To, Cc or Bcc and no -r was given".into(),
        ));
    }
    Ok(queries.into_iter().map(|q| (q, false)).collect())
}

/// The kept certificate to encrypt to for `email`, if the kept data
/// settles it: every certificate for the address is kept, valid at `at`
/// and fully valid by a stored decision. Then the full judgement would
/// find them all usable and choose the newest, first of equals in the
/// keyring's order, and so does this. Anything else (no certificate, one
/// not kept or not decided, or expired) is left to the full judgement.
fn kept_pick(
    at: Timestamp,
    trust: &TrustData,
    email: &str,
    candidates: Vec<Option<KeptRecipient>>,
) -> Option<KeptRecipient> {
    let mut usable = Vec::with_capacity(candidates.len());
    for kept in candidates {
        let kept = kept?;
        let current = kept.not_before <= at && at <= kept.not_after;
        if !current || !trust.cached_full(&kept.fingerprint, email) {
            return None;
        }
        usable.push(kept);
    }
    usable.into_iter().max_by_key(|k| k.not_before)
}

/// Picks for `queries` from their certificates, each judged in full
/// (path validation dominates with many recipients: on all cores).
fn judge_in_full(
    keyring: &Keyring,
    trust: &TrustData,
    at: Timestamp,
    trust_any: bool,
    queries: &[String],
) -> Result<Vec<Pick>> {
    Ok(lookup(keyring, queries)?
        .into_par_iter()
        .map(|(email, certs)| {
            pick_recipient(at, trust, email.as_deref(), certs, trust_any)
                .map(|(c, warning)| (Chosen::stored(c), warning))
        })
        .collect())
}

/// The sender's own certificate and address, so sent mail stays
/// readable; a sender without one is warned about, not an error.
fn own_certificate(
    ctx: &Ctx,
    keyring: &Keyring,
    outer: &[HeaderField],
) -> Result<Option<(String, StoredCert)>> {
    let Some(from) = single_from(outer) else {
        return Ok(None);
    };
    let own = best_own(keyring.by_email(&from)?, ctx.at, Purpose::Encrypt);
    if own.is_none() {
        ctx.warn(format_args!(
            "no S/MIME key of your own for {}; you will not be able to read this message later",
            crate::safe::Safe(&from)
        ));
    }
    Ok(own.map(|c| (from, c)))
}

/// The certificates each recipient query names, and its address if it is
/// one. Addresses are looked up together ([`Keyring::by_emails`]).
fn lookup(keyring: &Keyring, queries: &[String]) -> Result<Vec<(Option<String>, Vec<StoredCert>)>> {
    let emails: Vec<Option<String>> = queries
        .iter()
        .map(|q| q.contains('@').then(|| q.to_ascii_lowercase()))
        .collect();
    let addresses: Vec<String> = emails.iter().flatten().cloned().collect();
    let mut by_address = keyring.by_emails(&addresses)?.into_iter();
    let mut out = Vec::with_capacity(queries.len());
    for (query, email) in queries.iter().zip(emails) {
        // One result per address, in order.
        let found = match &email {
            Some(_) => by_address.next().unwrap_or_default(),
            None => keyring.find(query)?,
        };
        out.push((email, found));
    }
    Ok(out)
}

/// The best usable certificate among a recipient's, with a warning when
/// it is one only `--trust-any` allows, or why there is none.
fn pick_recipient(
    at: Timestamp,
    trust: &TrustData,
    email: Option<&str>,
    found: Vec<StoredCert>,
    trust_any: bool,
) -> std::result::Result<(StoredCert, Option<String>), String> {
    let mut why = "no S/MIME certificate in the keyring".to_string();
    let mut usable: Vec<StoredCert> = Vec::new();
    let mut on_request: Vec<(StoredCert, String)> = Vec::new();
    for c in found {
        match usability(at, trust, &c, email) {
            Usability::Usable => usable.push(c),
            Usability::OnRequest(reason) => {
                why = format!("{reason}; pass --trust-any to use it anyway");
                on_request.push((c, reason));
            }
            Usability::Unusable(reason) => why = reason,
        }
    }
    if let Some(c) = newest(usable) {
        return Ok((c, None));
    }
    if !trust_any {
        return Err(why);
    }
    on_request
        .into_iter()
        .max_by_key(|(c, _)| cert::validity(&c.cert).0)
        .map(|(c, reason)| (c, Some(reason)))
        .ok_or(why)
}

/// Whether a certificate the caller chose itself (a mail client's
/// certificate file, not an address) may be encrypted to: usable for
/// encryption, current, not revoked, and fully valid for one of its own
/// addresses. If not, why (for the first address).
pub fn check_chosen(
    at: Timestamp,
    trust: &TrustData,
    c: &StoredCert,
) -> std::result::Result<(), String> {
    let mut why = None;
    for email in &c.emails {
        match usability(at, trust, c, Some(email)) {
            Usability::Usable => return Ok(()),
            Usability::OnRequest(reason) | Usability::Unusable(reason) => {
                why.get_or_insert(reason);
            }
        }
    }
    Err(why.unwrap_or_else(|| "the certificate carries no e-mail address".into()))
}

/// Whether a recipient certificate may be used.
enum Usability {
    Usable,
    /// Expired, not yet valid or not fully trusted: only with
    /// `--trust-any`, which the user gives knowing why.
    OnRequest(String),
    /// Revoked, or not an encryption certificate: never.
    Unusable(String),
}

fn usability(at: Timestamp, trust: &TrustData, c: &StoredCert, email: Option<&str>) -> Usability {
    if let Err(e) = check_usage(&c.cert, Purpose::Encrypt) {
        return Usability::Unusable(format!("certificate not usable for encryption: {e}"));
    }
    let t = trust.validate_known(&c.cert, &c.fingerprint, &[], email);
    let reason = t.reason.clone().unwrap_or_default();
    if t.level == TrustLevel::Revoked {
        return Usability::Unusable(format!("certificate revoked ({reason})"));
    }
    if !cert::valid_at(&c.cert, at) {
        let (from, until) = cert::validity(&c.cert);
        return Usability::OnRequest(format!(
            "certificate expired or not yet valid (valid {from} to {until})"
        ));
    }
    if !t.is_full() {
        return Usability::OnRequest(format!("certificate not trusted ({reason})"));
    }
    Usability::Usable
}
