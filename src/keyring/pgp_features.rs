//! `keyring set-features`: what one's own OpenPGP key advertises about
//! the encryption containers it reads (RFC 9580 section 5.2.3.32), changed
//! by signing its self-signatures again.
//!
//! Correspondents encrypt with SEIPD v2 (AEAD) only when every recipient
//! advertises it; GnuPG 2.2 reads no v2 message. A key that advertises v2
//! (every key earlier versions of mailseal made) thus gets mail that only
//! RFC 9580 software reads. Signing the direct key signature and each
//! user ID's binding again with other Features, dated later, supersedes
//! the old ones; everything else they said (expiry, preferences, flags)
//! is kept. Correspondents see the change once they import the updated
//! certificate.

use std::time::Duration;

use sequoia_openpgp as openpgp;

use openpgp::cert::{Cert, Preferences};
use openpgp::crypto::KeyPair;
use openpgp::packet::signature::SignatureBuilder;
use openpgp::packet::{Packet, Signature};
use openpgp::policy::StandardPolicy;
use openpgp::types::Features;

use super::pgp_info::system_time;
use super::{Keyring, StoredPgpCert};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;

/// What [`set_seipd_v2`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeaturesChange {
    /// The key's primary fingerprint.
    pub fingerprint: String,
    /// Whether it now advertises SEIPD v2.
    pub seipd_v2: bool,
    /// How many self-signatures were made anew; 0 when the key already
    /// advertised what was asked.
    pub resigned: usize,
}

/// Makes the own key matching `query` advertise SEIPD v2 or not (v1
/// always), as of `now`, unlocking its primary key with `passphrase`
/// when something changes.
pub fn set_seipd_v2(
    keyring: &Keyring,
    query: &str,
    seipd_v2: bool,
    now: Timestamp,
    passphrase: &PassphraseSource,
) -> Result<FeaturesChange> {
    let own = own_key(keyring, query)?;
    let policy = StandardPolicy::at(system_time(now));
    let valid = own
        .cert
        .with_policy(&policy, system_time(now))
        .map_err(|e| Error::Usage(format!("{}: not a valid key: {e:#}", own.fingerprint)))?;
    let wanted = features(valid.features(), seipd_v2);
    let stale = stale_self_signatures(&own.cert, &policy, now, &wanted);
    let mut change = FeaturesChange {
        fingerprint: own.fingerprint.clone(),
        seipd_v2,
        resigned: 0,
    };
    if stale.is_empty() {
        return Ok(change);
    }
    let primary = own.cert.primary_key().key().key_handle();
    let mut signer = keyring
        .pgp_unlock(&own.fingerprint, &primary, passphrase)?
        .into_keypair()
        .map_err(crypto)?;
    let mut packets: Vec<Packet> = Vec::with_capacity(stale.len());
    for old in stale {
        packets.push(resign(&own.cert, &old, &wanted, now, &mut signer)?.into());
    }
    change.resigned = packets.len();
    let (updated, _) = own.cert.clone().insert_packets(packets).map_err(crypto)?;
    keyring.pgp_merge(updated)?;
    Ok(change)
}

/// The one certificate matching `query` whose secret key we hold.
fn own_key(keyring: &Keyring, query: &str) -> Result<StoredPgpCert> {
    let mut own: Vec<StoredPgpCert> = keyring
        .pgp_find(query)?
        .into_iter()
        .filter(|c| c.has_secret)
        .collect();
    match own.len() {
        0 => Err(Error::KeyNotFound {
            what: "OpenPGP secret key",
            query: query.into(),
        }),
        1 => Ok(own.remove(0)),
        n => Err(Error::Usage(format!(
            "{} matches {n} of your OpenPGP keys; give the fingerprint of one",
            crate::safe::Safe(query)
        ))),
    }
}

/// Bit 1 of Features: GnuPG's "AEAD" flag, for which GnuPG 2.3 and later
/// write their own OCB Encrypted Data packet (tag 20, of LibrePGP).
const LIBREPGP_OCB: usize = 1;

/// `current` with SEIPD v1, and v2 as asked; without v2, GnuPG's own
/// AEAD flag goes too (v1 only means what it says).
fn features(current: Option<Features>, seipd_v2: bool) -> Features {
    let f = current.unwrap_or_else(Features::empty).set_seipdv1();
    if seipd_v2 {
        f.set_seipdv2()
    } else {
        f.clear_seipdv2().clear(LIBREPGP_OCB)
    }
}

/// One self-signature in force that says other Features than `wanted`.
enum Stale {
    DirectKey(Signature),
    UserId(openpgp::packet::UserID, Signature),
}

/// The self-signatures in force at `now` (the direct key signature and
/// the binding of each user ID that is not revoked) whose Features
/// differ from `wanted`.
fn stale_self_signatures(
    cert: &Cert,
    policy: &StandardPolicy<'_>,
    now: Timestamp,
    wanted: &Features,
) -> Vec<Stale> {
    let Ok(valid) = cert.with_policy(policy, system_time(now)) else {
        return Vec::new();
    };
    let differs = |sig: &Signature| sig.features().is_none_or(|f| !f.normalized_eq(wanted));
    let mut out = Vec::new();
    if let Ok(sig) = valid.direct_key_signature() {
        if differs(sig) {
            out.push(Stale::DirectKey(sig.clone()));
        }
    }
    for ua in valid.userids().revoked(false) {
        let sig = ua.binding_signature();
        if differs(sig) {
            out.push(Stale::UserId(ua.userid().clone(), sig.clone()));
        }
    }
    out
}

/// `old` made again with `features`, dated `now` (or a second after
/// `old`, so that it supersedes it).
fn resign(
    cert: &Cert,
    old: &Stale,
    features: &Features,
    now: Timestamp,
    signer: &mut KeyPair,
) -> Result<Signature> {
    let sig = match old {
        Stale::DirectKey(s) | Stale::UserId(_, s) => s,
    };
    let after_old = sig
        .signature_creation_time()
        .map(|t| t + Duration::from_secs(1));
    let created = after_old.map_or(system_time(now), |t| t.max(system_time(now)));
    let builder = SignatureBuilder::from(sig.clone())
        .set_signature_creation_time(created)
        .and_then(|b| b.set_features(features.clone()))
        .map_err(crypto)?;
    let primary = cert.primary_key().key();
    match old {
        Stale::DirectKey(_) => builder.sign_direct_key(signer, primary),
        Stale::UserId(uid, _) => builder.sign_userid_binding(signer, primary, uid),
    }
    .map_err(crypto)
}

fn crypto(e: anyhow::Error) -> Error {
    Error::Crypto(format!("signing the OpenPGP key again: {e:#}"))
}

#[cfg(test)]
mod tests {
    use openpgp::cert::prelude::*;
    use openpgp::serialize::SerializeInto;

    use super::*;
    use crate::keyring::testutil::{pass, PASS};

    const CREATED: Timestamp = Timestamp(1_767_225_600);
    const NOW: Timestamp = Timestamp(1_780_315_200);

    /// A key as earlier versions made it (v4, advertising SEIPD v2),
    /// protected with [`PASS`], imported into a fresh keyring.
    fn keyring_with_old_key() -> (tempfile::TempDir, Keyring, Cert) {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        let (tsk, _) = CertBuilder::new()
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_creation_time(system_time(CREATED))
            .set_validity_period(Duration::from_secs(3 * 365 * 86_400))
            .add_userid("Old <old@example.org>")
            .add_transport_encryption_subkey()
            .set_password(Some(PASS.into()))
            .generate()
            .unwrap();
        k.import(&tsk.as_tsk().to_vec().unwrap(), &pass(PASS))
            .unwrap();
        (dir, k, tsk)
    }

    fn advertised(k: &Keyring, fpr: &str, at: Timestamp) -> Features {
        let stored = k.pgp_by_fingerprint(fpr).unwrap().unwrap();
        let policy = StandardPolicy::at(system_time(at));
        let valid = stored.cert.with_policy(&policy, system_time(at)).unwrap();
        assert_eq!(
            valid.primary_key().key_expiration_time(),
            Some(system_time(CREATED) + Duration::from_secs(3 * 365 * 86_400)),
            "the expiry is kept"
        );
        valid.features().unwrap()
    }

    #[test]
    fn clears_and_sets_seipd_v2_on_every_self_signature() {
        let (_dir, k, tsk) = keyring_with_old_key();
        let fpr = tsk.fingerprint().to_hex();
        assert!(advertised(&k, &fpr, NOW).supports_seipdv2());
        let change = set_seipd_v2(&k, "old@example.org", false, NOW, &pass(PASS)).unwrap();
        assert_eq!(change.fingerprint, fpr);
        assert_eq!(
            change.resigned, 2,
            "the direct key signature and the user ID"
        );
        let f = advertised(&k, &fpr, NOW);
        assert!(f.supports_seipdv1() && !f.supports_seipdv2());
        // Again: nothing to do, and no passphrase asked for.
        let again = set_seipd_v2(&k, &fpr, false, NOW, &pass("wrong")).unwrap();
        assert_eq!(again.resigned, 0);
        // And back, later.
        let later = Timestamp(NOW.0 + 60);
        let back = set_seipd_v2(&k, &fpr, true, later, &pass(PASS)).unwrap();
        assert_eq!(back.resigned, 2);
        assert!(advertised(&k, &fpr, later).supports_seipdv2());
        // The secret key is still there, still protected.
        assert_eq!(k.pgp_secret(&fpr).unwrap().keys().secret().count(), 2);
    }

    #[test]
    fn fail_wrong_passphrase_or_not_an_own_key() {
        let (_dir, k, tsk) = keyring_with_old_key();
        let fpr = tsk.fingerprint().to_hex();
        let wrong = set_seipd_v2(&k, &fpr, false, NOW, &pass("wrong"));
        assert!(matches!(wrong, Err(Error::WrongPassphrase(_))), "{wrong:?}");
        assert!(advertised(&k, &fpr, NOW).supports_seipdv2(), "unchanged");
        let public = CertBuilder::general_purpose(Some("Other <other@example.org>"))
            .generate()
            .unwrap()
            .0
            .strip_secret_key_material();
        k.import(&public.to_vec().unwrap(), &pass(PASS)).unwrap();
        let theirs = set_seipd_v2(&k, "other@example.org", false, NOW, &pass(PASS));
        assert!(
            matches!(theirs, Err(Error::KeyNotFound { .. })),
            "{theirs:?}"
        );
    }
}
