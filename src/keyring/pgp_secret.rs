//! OpenPGP secret keys at rest: every secret key packet the keyring stores
//! is encrypted with an S2K-derived key (RFC 9580 section 3.7, 5.5.3).
//!
//! Imported secrets that are already encrypted are stored as they came,
//! without asking for their passphrase; unencrypted ones are encrypted with
//! the user's passphrase first. Unlocking checks the S2K's cost before any
//! key derivation runs: a key file may ask for terabytes of Argon2 memory.

use std::collections::HashSet;

use sequoia_openpgp as openpgp;

use openpgp::cert::amalgamation::key::PrimaryKey;
use openpgp::cert::Cert;
use openpgp::crypto::{Password, S2K};
use openpgp::packet::key::{KeyParts, KeyRole, SecretKeyMaterial, SecretParts, UnspecifiedRole};
use openpgp::packet::{Key, Packet};

use crate::error::{Error, Result};

/// Highest Argon2 memory accepted, as a power of two KiB: 2 GiB, the
/// first choice of RFC 9580 section 3.7.1.4.
const MAX_ARGON2_MEMORY_EXP: u8 = 21;

/// Highest Argon2 work accepted: passes times memory in KiB (four passes
/// over 2 GiB, or the RFC's second choice of three over 64 MiB easily).
const MAX_ARGON2_WORK: u64 = 4 << 21;

/// Whether a key packet holds a secret that can be used: unencrypted, or
/// encrypted with a real S2K. GnuPG's stubs (S2K extension 101: a primary
/// key kept offline, a key on a smartcard) hold none.
pub(crate) fn has_usable_secret<P: KeyParts, R: KeyRole>(key: &Key<P, R>) -> bool {
    match key.optional_secret() {
        None => false,
        Some(SecretKeyMaterial::Unencrypted(_)) => true,
        Some(SecretKeyMaterial::Encrypted(e)) => !is_stub(e.s2k()),
    }
}

fn is_stub(s2k: &S2K) -> bool {
    matches!(s2k, S2K::Private { .. } | S2K::Unknown { .. })
}

/// Whether any secret key packet of `cert` is unencrypted.
pub(crate) fn has_plain_secret(cert: &Cert) -> bool {
    cert.keys().unencrypted_secret().next().is_some()
}

/// How many key packets of `cert` hold a usable secret.
pub(crate) fn usable_secrets(cert: &Cert) -> usize {
    cert.keys().filter(|ka| has_usable_secret(ka.key())).count()
}

/// Drops from `input` the secrets of keys whose secret `stored` already
/// holds, so that importing a key again changes nothing and asks for
/// nothing. A stored stub is not a secret: a real one replaces it.
pub(crate) fn drop_known_secrets(input: Cert, stored: Option<&Cert>) -> Result<Cert> {
    let Some(stored) = stored else {
        return Ok(input);
    };
    let known: HashSet<_> = stored
        .keys()
        .filter(|ka| has_usable_secret(ka.key()))
        .map(|ka| ka.key().fingerprint())
        .collect();
    let publics: Vec<Packet> = input
        .keys()
        .filter(|ka| ka.key().has_secret() && known.contains(&ka.key().fingerprint()))
        .map(|ka| public_packet(ka.key().clone(), ka.primary()))
        .collect();
    insert(input, publics)
}

/// Encrypts every unencrypted secret key packet of `cert` with the
/// password `password` returns; it is asked for only if there is one.
pub(crate) fn encrypt_plain_secrets(
    cert: Cert,
    password: impl FnOnce() -> Result<Password>,
) -> Result<Cert> {
    let plain: Vec<_> = cert
        .keys()
        .unencrypted_secret()
        .map(|ka| (ka.key().clone(), ka.primary()))
        .collect();
    if plain.is_empty() {
        return Ok(cert);
    }
    let password = password()?;
    let packets = plain
        .into_iter()
        .map(|(key, primary)| encrypted_packet(key, primary, &password))
        .collect::<Result<Vec<_>>>()?;
    insert(cert, packets)
}

/// Replaces key packets of `cert` by `packets` (same public keys).
fn insert(cert: Cert, packets: Vec<Packet>) -> Result<Cert> {
    if packets.is_empty() {
        return Ok(cert);
    }
    cert.insert_packets(packets)
        .map(|(cert, _)| cert)
        .map_err(|e| Error::Keyring(format!("updating a key packet: {e:#}")))
}

/// A key without its secret, as the packet its role calls for.
fn public_packet<P: KeyParts>(key: Key<P, UnspecifiedRole>, primary: bool) -> Packet {
    let (key, _) = key.parts_into_public().take_secret();
    if primary {
        Packet::PublicKey(key.role_into_primary())
    } else {
        Packet::PublicSubkey(key.role_into_subordinate())
    }
}

/// Encrypts a key's secret. The role must be set first: v6 keys bind
/// the packet type into the AEAD's associated data.
fn encrypted_packet(
    key: Key<SecretParts, UnspecifiedRole>,
    primary: bool,
    password: &Password,
) -> Result<Packet> {
    let crypto = |e: anyhow::Error| Error::Crypto(format!("protecting a secret key: {e:#}"));
    Ok(if primary {
        Packet::SecretKey(
            key.role_into_primary()
                .encrypt_secret(password)
                .map_err(crypto)?,
        )
    } else {
        Packet::SecretSubkey(
            key.role_into_subordinate()
                .encrypt_secret(password)
                .map_err(crypto)?,
        )
    })
}

/// Decrypts one key's secret with `passphrase`. `name` is what a wrong
/// passphrase error names. An unencrypted secret is returned as it is.
pub(crate) fn decrypt_key(
    key: Key<SecretParts, UnspecifiedRole>,
    primary: bool,
    passphrase: &str,
    name: &str,
) -> Result<Key<SecretParts, UnspecifiedRole>> {
    let SecretKeyMaterial::Encrypted(e) = key.secret() else {
        return Ok(key);
    };
    check_s2k(e.s2k())?;
    let password = Password::from(passphrase);
    let fail = |e| unlock_error(e, name);
    Ok(if primary {
        let key = key.role_into_primary().decrypt_secret(&password);
        key.map_err(fail)?.role_as_unspecified().clone()
    } else {
        let key = key.role_into_subordinate().decrypt_secret(&password);
        key.map_err(fail)?.role_as_unspecified().clone()
    })
}

/// Refuses stubs, and S2K parameters whose derivation would take
/// unbounded time or memory. Iterated S2K is bounded by its encoding.
fn check_s2k(s2k: &S2K) -> Result<()> {
    if is_stub(s2k) {
        return Err(Error::unsupported(
            "secret key",
            "only a stub is stored (GnuPG keeps the key offline or on a smartcard)",
        ));
    }
    if let S2K::Argon2 { t, m, .. } = s2k {
        let work = u64::from(*t).saturating_mul(1u64 << (*m).min(63));
        if *m > MAX_ARGON2_MEMORY_EXP || work > MAX_ARGON2_WORK {
            return Err(Error::unsupported(
                "S2K parameters",
                format!("Argon2 with t={t}, m=2^{m} KiB exceeds this program's limits"),
            ));
        }
    }
    Ok(())
}

/// Structural problems are named; any other failure means the
/// passphrase did not open the key (a bad checksum or AEAD tag).
fn unlock_error(e: anyhow::Error, name: &str) -> Error {
    use openpgp::Error as E;
    match e.downcast_ref::<E>() {
        Some(
            E::InvalidOperation(_)
            | E::InvalidArgument(_)
            | E::UnsupportedSymmetricAlgorithm(_)
            | E::UnsupportedAEADAlgorithm(_)
            | E::UnsupportedHashAlgorithm(_),
        ) => Error::unsupported("secret key protection", format!("{e:#}")),
        _ => Error::WrongPassphrase(name.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::cert::CertBuilder;

    fn tsk(profile: openpgp::Profile) -> Cert {
        CertBuilder::general_purpose(Some("a@example.org"))
            .set_profile(profile)
            .unwrap()
            .generate()
            .unwrap()
            .0
    }

    fn first_secret(cert: &Cert, n: usize) -> (Key<SecretParts, UnspecifiedRole>, bool) {
        let ka = cert.keys().secret().nth(n).unwrap();
        (ka.key().clone(), ka.primary())
    }

    #[test]
    fn encrypts_plain_secrets_and_decrypts_them() {
        for profile in [openpgp::Profile::RFC4880, openpgp::Profile::RFC9580] {
            let plain = tsk(profile);
            assert!(has_plain_secret(&plain));
            let sealed = encrypt_plain_secrets(plain.clone(), || Ok("pw".into())).unwrap();
            assert!(!has_plain_secret(&sealed));
            assert_eq!(usable_secrets(&sealed), 3);
            for n in 0..3 {
                let (key, primary) = first_secret(&sealed, n);
                let open = decrypt_key(key.clone(), primary, "pw", "k").unwrap();
                assert_eq!(open.secret(), first_secret(&plain, n).0.secret());
                let wrong = decrypt_key(key, primary, "nope", "k");
                assert!(matches!(wrong, Err(Error::WrongPassphrase(_))), "{wrong:?}");
            }
        }
    }

    #[test]
    fn asks_for_no_password_without_plain_secrets() {
        let sealed =
            encrypt_plain_secrets(tsk(openpgp::Profile::RFC4880), || Ok("pw".into())).unwrap();
        let again =
            encrypt_plain_secrets(sealed.clone(), || Err(Error::Usage("asked".into()))).unwrap();
        assert_eq!(again, sealed);
    }

    #[test]
    fn drops_secrets_already_stored() {
        let stored = tsk(openpgp::Profile::RFC4880);
        let input = stored.clone();
        let dropped = drop_known_secrets(input.clone(), Some(&stored)).unwrap();
        assert!(!dropped.is_tsk());
        assert_eq!(dropped.fingerprint(), stored.fingerprint());
        let public = stored.clone().strip_secret_key_material();
        assert!(drop_known_secrets(input, Some(&public)).unwrap().is_tsk());
    }

    #[test]
    fn fail_costly_argon2() {
        let argon = |t, m| S2K::Argon2 {
            salt: [0; 16],
            t,
            p: 4,
            m,
        };
        assert!(check_s2k(&argon(1, 21)).is_ok());
        assert!(check_s2k(&argon(3, 16)).is_ok());
        assert!(check_s2k(&argon(1, 22)).is_err());
        assert!(check_s2k(&argon(255, 21)).is_err());
        assert!(check_s2k(&argon(1, 255)).is_err());
        let stub = S2K::Private {
            tag: 101,
            parameters: None,
        };
        assert!(matches!(check_s2k(&stub), Err(Error::Unsupported { .. })));
    }
}
