//! `mailseal trust root` and `mailseal trust pin`: the user's own
//! statements of trust, for either protocol.

use sequoia_openpgp::Cert;

use crate::cli::{PinArgs, RootArgs};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::{Keyring, StoredPgpCert};
use crate::openpgp;
use crate::safe::Safe;
use crate::trust;
use crate::trust::verdict::Protocol;
use crate::trust::wot::certify_locally;

pub fn root(ctx: &Ctx, args: RootArgs) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let stored = pgp_cert(keyring, &args.fingerprint)?;
    if args.remove {
        if !keyring.remove_pgp_root(&stored.fingerprint)? {
            return Err(Error::KeyNotFound {
                what: "web-of-trust root",
                query: args.fingerprint,
            });
        }
        note(ctx, format!("{} is no longer a root", stored.fingerprint));
        return Ok(ExitCode::Ok);
    }
    keyring.add_pgp_root(&stored.fingerprint, args.amount)?;
    note(
        ctx,
        format!(
            "web-of-trust root: {} {} (amount {})",
            stored.fingerprint,
            Safe(&primary_userid(&stored.cert)),
            args.amount
        ),
    );
    Ok(ExitCode::Ok)
}

pub fn pin(ctx: &Ctx, args: PinArgs) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    if let Some(stored) = keyring.pgp_by_fingerprint(&args.fingerprint)? {
        return pin_openpgp(ctx, keyring, &stored, args.email.as_deref());
    }
    if let Some(stored) = keyring.by_fingerprint(&args.fingerprint)? {
        let emails = addresses(&stored.emails, args.email.as_deref(), &stored.fingerprint)?;
        for email in &emails {
            keyring.add_pin(&stored.fingerprint, email, Protocol::Smime, ctx.at)?;
            note(
                ctx,
                format!("pinned {} to {}", Safe(email), stored.fingerprint),
            );
        }
        return Ok(ExitCode::Ok);
    }
    Err(Error::KeyNotFound {
        what: "certificate with that fingerprint",
        query: args.fingerprint,
    })
}

/// Certifies each pinned binding locally with the user's own key, stores
/// the certification with the certificate and records the pin.
fn pin_openpgp(
    ctx: &Ctx,
    keyring: &Keyring,
    target: &StoredPgpCert,
    email: Option<&str>,
) -> Result<ExitCode> {
    let emails = addresses(&target.emails, email, &target.fingerprint)?;
    if target.has_secret {
        note(
            ctx,
            "that is your own key: it is fully valid already".into(),
        );
        return Ok(ExitCode::Ok);
    }
    let own = own_certifier(ctx, keyring)?;
    let secret = keyring.pgp_unlock(
        &own.fingerprint,
        &own.cert.primary_key().key().key_handle(),
        &ctx.passphrase,
    )?;
    let mut signer = secret
        .into_keypair()
        .map_err(|e| Error::Crypto(format!("your key cannot certify: {e}")))?;
    let mut cert = target.cert.clone();
    for email in &emails {
        cert = certify_locally(&mut signer, &own.cert, &cert, email, ctx.at)?;
    }
    keyring.pgp_merge(cert)?;
    for email in &emails {
        keyring.add_pin(&target.fingerprint, email, Protocol::Openpgp, ctx.at)?;
        note(
            ctx,
            format!(
                "pinned {} to {} (certified locally by your key {})",
                Safe(email),
                target.fingerprint,
                own.fingerprint
            ),
        );
    }
    Ok(ExitCode::Ok)
}

/// The newest of the user's own OpenPGP keys that can certify at the
/// reference time: not revoked, not expired, accepted by the policy, with
/// a primary key allowed to certify.
fn own_certifier(ctx: &Ctx, keyring: &Keyring) -> Result<StoredPgpCert> {
    let own = keyring.pgp_with_secret()?;
    if own.is_empty() {
        return Err(Error::Usage(
            "a pin is certified with your own OpenPGP key, and the keyring has none; \
             make one with `mailseal keyring generate --openpgp` or import yours"
                .into(),
        ));
    }
    let mut unusable = Vec::new();
    let mut usable = Vec::new();
    for key in own {
        match certify_problem(ctx, &key.cert) {
            Some(why) => unusable.push(trust::own::openpgp_key_line(&key.cert, &why)),
            None => usable.push(key),
        }
    }
    usable
        .into_iter()
        .max_by_key(|c| c.cert.primary_key().key().creation_time())
        .ok_or_else(|| {
            trust::own::unusable_error(
                "a pin is certified with your own OpenPGP key, and none can certify",
                unusable,
            )
        })
}

/// Why `cert` cannot certify at the reference time, if it cannot.
fn certify_problem(ctx: &Ctx, cert: &Cert) -> Option<String> {
    if let Some(why) = trust::own::openpgp_unusable(cert, ctx.at) {
        return Some(why);
    }
    let policy = openpgp::policy_at(ctx.at);
    let certifies = cert
        .with_policy(&policy, openpgp::system_time(ctx.at))
        .is_ok_and(|v| v.primary_key().for_certification());
    (!certifies).then(|| "has a primary key that may not certify".to_string())
}

/// The addresses to pin: the one asked for (which the certificate must
/// carry), or all of them.
fn addresses(known: &[String], wanted: Option<&str>, fingerprint: &str) -> Result<Vec<String>> {
    match wanted.map(|w| w.trim().to_ascii_lowercase()) {
        Some(w) if known.iter().any(|k| k.eq_ignore_ascii_case(&w)) => Ok(vec![w]),
        Some(w) => Err(Error::Usage(format!(
            "{fingerprint} does not carry the address {}",
            Safe(&w)
        ))),
        None if known.is_empty() => Err(Error::Usage(format!(
            "{fingerprint} carries no e-mail address to pin"
        ))),
        None => Ok(known.to_vec()),
    }
}

fn pgp_cert(keyring: &Keyring, fingerprint: &str) -> Result<StoredPgpCert> {
    keyring
        .pgp_by_fingerprint(fingerprint)?
        .ok_or_else(|| Error::KeyNotFound {
            what: "OpenPGP certificate with that fingerprint",
            query: fingerprint.to_string(),
        })
}

pub(super) fn primary_userid(cert: &Cert) -> String {
    cert.userids()
        .next()
        .map(|u| String::from_utf8_lossy(u.userid().value()).into_owned())
        .unwrap_or_default()
}

fn note(ctx: &Ctx, line: String) {
    if ctx.verbosity >= 0 {
        eprintln!("{line}");
    }
}
