//! Signing and encrypting a body part for a mail client that builds the
//! MIME itself (`mailseal filter pgp`): the signer and the recipients
//! are chosen as for whole messages ([`super::mail`]), only not from a
//! header, which the client does not hand over. Recipients are named by
//! key ID, fingerprint or address; each needs a fully valid binding
//! (or, with `trust_any`, any usable key); our own key is added so that
//! sent mail stays readable, as gpg's `encrypt-to` does.

use super::encrypt::{encrypt_chosen, Encrypted};
use super::keyring_keys::KeyringKeys;
use super::keys::SigningKey;
use super::mail::{self, EncryptRequest};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::keyring::{Keyring, StoredPgpCert};
use crate::time::Timestamp;
use crate::trust::TrustData;

/// What `filter pgp encrypt` was asked for.
pub struct PartRequest<'a> {
    /// Key IDs, fingerprints (`0x` allowed) or addresses.
    pub recipients: &'a [String],
    /// Our own key to sign with and to encrypt to: a query, or `None`
    /// for our newest own key.
    pub own: Option<&'a str>,
    /// Also encrypt to our own key.
    pub include_self: bool,
    /// Sign inside the encryption with our own key.
    pub sign: bool,
    pub trust_any: bool,
}

/// Our own certificate that signs a part: the one `query` names, or
/// without a query the newest own key that can sign at `at`.
pub fn choose_part_signer(
    keyring: &Keyring,
    query: Option<&str>,
    at: Timestamp,
) -> Result<StoredPgpCert> {
    match query {
        Some(q) => mail::choose_signer(keyring, &[], Some(q), at),
        None => mail::best_signer(keyring.pgp_with_secret()?, "your keys", at),
    }
}

/// The unlocked signing key of [`choose_part_signer`], unlocked with the
/// context's passphrase source.
pub fn part_signing_key(ctx: &Ctx, query: Option<&str>) -> Result<SigningKey> {
    let keyring = ctx.keyring()?;
    let own = choose_part_signer(keyring, query, ctx.at)?;
    let keys = KeyringKeys::new(keyring, Some(&ctx.passphrase));
    SigningKey::new(&keys, &keyring.pgp_secret(&own.fingerprint)?, ctx.at)
}

/// Encrypts `data` (armored, one binary literal packet) to the
/// recipients of `req`, signed inside when asked. `Ok(Err(missing))`
/// says, per recipient, what is missing: nothing is encrypted then.
pub fn encrypt_part(
    ctx: &Ctx,
    trust: &TrustData,
    data: &[u8],
    req: &PartRequest<'_>,
) -> Result<std::result::Result<Encrypted, Vec<String>>> {
    let request = EncryptRequest {
        recipients: req.recipients,
        include_self: false,
        sign: None,
        trust_any: req.trust_any,
    };
    let mut chosen = match mail::choose_recipients(trust, &[], &request) {
        Ok(c) => c,
        Err(missing) => return Ok(Err(missing)),
    };
    if req.include_self {
        // Without an own key there is nothing to add; the message is
        // still encrypted to everyone asked for.
        if let Ok(own) = mail::own_recipient(trust, req.own) {
            mail::push_unique(&mut chosen.recipients, own, false);
        }
    }
    let signer = match req.sign {
        true => Some(part_signing_key(ctx, req.own)?),
        false => None,
    };
    let encrypted = encrypt_chosen(data, &chosen.recipients, signer.as_ref(), ctx.at)?;
    chosen.warn(ctx);
    chosen.remember(trust.keyring());
    Ok(Ok(encrypted))
}
