//! New OpenPGP keys, as `keyring generate --openpgp` makes them: an
//! Ed25519 primary key for certifying and signing and an X25519 subkey for
//! encryption, one user ID "Name <address>", every secret encrypted with
//! the user's passphrase before it is stored.
//!
//! A v4 key (the GnuPG-compatible profile) advertises SEIPD v1 only: a
//! key that advertises SEIPD v2 gets v2 messages from everyone whose
//! other recipients do too, and GnuPG 2.2 reads none of them. A v6 key
//! is read by RFC 9580 implementations only, which all read v2.

use std::time::Duration;

use sequoia_openpgp as openpgp;

use openpgp::cert::{CertBuilder, CipherSuite};
use openpgp::types::{Features, KeyFlags};

use super::generate::check_identity;
use super::import::Passphrases;
use super::pgp_info::system_time;
use super::{Keyring, StoredPgpCert};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;

/// The OpenPGP version of a new key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PgpProfile {
    /// Version 4 keys (legacy EdDSA and ECDH over Curve25519), which
    /// GnuPG 2.2 and every other implementation read, advertising SEIPD
    /// v1 only.
    #[default]
    Rfc4880,
    /// Version 6 keys (Ed25519, X25519 of RFC 9580), read by newer
    /// implementations only, advertising SEIPD v1 and v2.
    Rfc9580,
}

/// Default lifetime of a new OpenPGP key, as sq chooses: three years.
pub const DEFAULT_PGP_DAYS: u32 = 3 * 365;

/// Makes a key for `name <email>` created at `now`, expiring after `days`
/// days (`None`: never), and stores it with its secrets encrypted with the
/// passphrase from `passphrase` (asked twice on a terminal).
pub fn generate_openpgp(
    keyring: &Keyring,
    email: &str,
    name: &str,
    profile: PgpProfile,
    days: Option<u32>,
    now: Timestamp,
    passphrase: &PassphraseSource,
) -> Result<StoredPgpCert> {
    let userid = user_id(email, name)?;
    let password = Passphrases::new(passphrase).for_protection()?;
    let validity = days.map(|d| Duration::from_secs(u64::from(d) * 86_400));
    let (version, features) = match profile {
        PgpProfile::Rfc4880 => (openpgp::Profile::RFC4880, Features::empty().set_seipdv1()),
        PgpProfile::Rfc9580 => (openpgp::Profile::RFC9580, Features::sequoia()),
    };
    let (tsk, _revocation) = CertBuilder::new()
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_profile(version)
        .map_err(crypto)?
        .set_features(features)
        .map_err(crypto)?
        .set_creation_time(system_time(now))
        .set_validity_period(validity)
        .set_primary_key_flags(KeyFlags::empty().set_certification().set_signing())
        .add_userid(userid)
        .add_subkey(
            KeyFlags::empty()
                .set_transport_encryption()
                .set_storage_encryption(),
            None,
            None,
        )
        .set_password(Some(password.as_str().into()))
        .generate()
        .map_err(crypto)?;
    keyring.pgp_store_own(tsk)
}

/// "Name <address>"; a name that would confuse the parsing of that form
/// or a terminal is refused.
fn user_id(email: &str, name: &str) -> Result<String> {
    let (email, name) = check_identity(email, name)?;
    if name.contains(['<', '>']) || name.chars().any(char::is_control) {
        return Err(Error::Usage(format!(
            "the name {:?} cannot be put in a user ID: no '<', '>' or control characters",
            crate::safe::Safe(&name)
        )));
    }
    Ok(format!("{name} <{email}>"))
}

fn crypto(e: anyhow::Error) -> Error {
    Error::Crypto(format!("generating an OpenPGP key: {e:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::pgp_secret::has_plain_secret;
    use crate::keyring::testutil::{pass, PASS};
    use openpgp::policy::StandardPolicy;
    use openpgp::KeyHandle;

    fn generate(profile: PgpProfile, days: Option<u32>) -> (tempfile::TempDir, StoredPgpCert) {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        let now = Timestamp(1_767_225_600);
        let name = "Alice Example";
        let g = generate_openpgp(
            &k,
            "Alice@Example.org",
            name,
            profile,
            days,
            now,
            &pass(PASS),
        );
        (dir, g.unwrap())
    }

    #[test]
    fn generates_v4_and_v6_keys_with_encrypted_secrets() {
        for (profile, version) in [(PgpProfile::Rfc4880, 4), (PgpProfile::Rfc9580, 6)] {
            let (dir, g) = generate(profile, Some(10));
            assert!(g.has_secret);
            assert_eq!(g.emails, vec!["alice@example.org"]);
            assert_eq!(g.cert.primary_key().key().version(), version);
            let now = system_time(Timestamp(1_767_225_600));
            let policy = StandardPolicy::new();
            let vc = g.cert.with_policy(&policy, now).unwrap();
            let uid = vc.primary_userid().unwrap();
            assert_eq!(uid.userid().value(), b"Alice Example <alice@example.org>");
            assert!(vc.primary_key().for_signing() && vc.primary_key().for_certification());
            assert_eq!(vc.keys().subkeys().for_transport_encryption().count(), 1);
            let expiry = vc.primary_key().key_expiration_time().unwrap();
            assert_eq!(expiry, now + Duration::from_secs(10 * 86_400));
            use openpgp::cert::Preferences;
            let features = vc.features().unwrap();
            assert!(features.supports_seipdv1());
            assert_eq!(features.supports_seipdv2(), version == 6, "v{version}");

            let k = Keyring::open(dir.path()).unwrap();
            let tsk = k.pgp_secret(&g.fingerprint).unwrap();
            assert_eq!(tsk.keys().secret().count(), 2);
            assert!(!has_plain_secret(&tsk));
            let sub = vc.keys().subkeys().next().unwrap().key().fingerprint();
            let key = k
                .pgp_unlock(&g.fingerprint, &KeyHandle::from(sub), &pass(PASS))
                .unwrap();
            assert!(key.into_keypair().is_ok());
            let wrong = k.pgp_unlock(&g.fingerprint, &g.cert.key_handle(), &pass("x"));
            assert!(matches!(wrong, Err(Error::WrongPassphrase(_))), "{wrong:?}");
        }
    }

    #[test]
    fn fail_bad_names_store_nothing() {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        for (email, name, pw) in [
            ("a@example.org", "Eve <evil@example.org>", PASS),
            ("a@example.org", "Eve\x1b[2J", PASS),
            ("no-at-sign", "A", PASS),
            ("a@example.org", "A", ""),
        ] {
            let got = generate_openpgp(
                &k,
                email,
                name,
                PgpProfile::default(),
                None,
                Timestamp(0),
                &pass(pw),
            );
            assert!(matches!(got, Err(Error::Usage(_))), "{name:?}");
        }
        assert!(k.pgp_all().unwrap().is_empty());
    }
}
