//! Keys and certificates: reading them, generate-key, extract-cert, and
//! unlocking password-protected secret keys.

use std::time::Duration;

use sequoia_openpgp as openpgp;

use openpgp::cert::{CertBuilder, CertParser};
use openpgp::crypto::{KeyPair, Password};
use openpgp::packet::key::{SecretParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::parse::Parse;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::{Serialize, SerializeInto};
use openpgp::{armor, Cert, Profile};

use super::args::{read_indirect, MAX_OBJECT};
use super::errors::{Result, SopError};
use super::values::KeyProfile;

/// The one policy every sop verb judges algorithms and bindings with.
pub static POLICY: StandardPolicy<'static> = StandardPolicy::new();

/// Keys made by generate-key expire after three years, as sqop's do.
const KEY_VALIDITY: Duration = Duration::from_secs(3 * 365 * 24 * 60 * 60);

/// Parses one or more certificates (armored or binary); anything else,
/// or nothing at all, is BAD_DATA.
pub fn parse_certs(bytes: &[u8], what: &str) -> Result<Vec<Cert>> {
    let parser =
        CertParser::from_bytes(bytes).map_err(|e| SopError::BadData(format!("{what}: {e:#}")))?;
    let certs = parser
        .collect::<openpgp::Result<Vec<Cert>>>()
        .map_err(|e| SopError::BadData(format!("{what}: {e:#}")))?;
    if certs.is_empty() {
        return Err(SopError::BadData(format!("{what}: no OpenPGP certificate")));
    }
    Ok(certs)
}

/// Parses one or more secret keys; a certificate without secret key
/// material where keys are expected is BAD_DATA, as the draft says.
pub fn parse_keys(bytes: &[u8], what: &str) -> Result<Vec<Cert>> {
    let certs = parse_certs(bytes, what)?;
    if let Some(cert) = certs.iter().find(|c| !c.is_tsk()) {
        return Err(SopError::BadData(format!(
            "{what}: {} has no secret key material",
            cert.fingerprint()
        )));
    }
    Ok(certs)
}

/// Reads certificates from every indirect argument.
pub fn read_certs(args: &[String]) -> Result<Vec<Cert>> {
    let mut out = Vec::new();
    for arg in args {
        out.extend(parse_certs(&read_indirect(arg, MAX_OBJECT)?, arg)?);
    }
    Ok(out)
}

/// Reads secret keys from every indirect argument.
pub fn read_keys(args: &[String]) -> Result<Vec<Cert>> {
    let mut out = Vec::new();
    for arg in args {
        out.extend(parse_keys(&read_indirect(arg, MAX_OBJECT)?, arg)?);
    }
    Ok(out)
}

/// What generate-key makes.
#[derive(Debug)]
pub struct KeySpec<'a> {
    pub userids: &'a [String],
    pub profile: KeyProfile,
    /// Leave out the encryption subkey.
    pub signing_only: bool,
    /// Protect every secret key with this password.
    pub password: Option<Password>,
}

/// A certification-only primary key, a signing subkey and (unless
/// signing-only) an encryption subkey: Ed25519/Cv25519 for the default
/// profile, Ed25519/X25519 v6 keys for rfc9580.
pub fn generate_key(spec: KeySpec<'_>) -> Result<Cert> {
    let profile = match spec.profile {
        KeyProfile::Default => Profile::RFC4880,
        KeyProfile::Rfc9580 => Profile::RFC9580,
    };
    let mut builder = CertBuilder::new()
        .set_profile(profile)
        .map_err(other)?
        .set_validity_period(KEY_VALIDITY)
        .add_signing_subkey()
        .set_password(spec.password);
    if !spec.signing_only {
        builder = builder.add_subkey(
            openpgp::types::KeyFlags::empty()
                .set_transport_encryption()
                .set_storage_encryption(),
            None,
            None,
        );
    }
    for uid in spec.userids {
        builder = builder.add_userid(uid.as_str());
    }
    let (cert, _revocation) = builder.generate().map_err(other)?;
    Ok(cert)
}

/// The certificates of secret keys: the same packets without secrets.
pub fn extract_certs(keys: &[u8]) -> Result<Vec<Cert>> {
    Ok(parse_keys(keys, "KEYS")?
        .into_iter()
        .map(Cert::strip_secret_key_material)
        .collect())
}

/// Serializes certificates (or, with `secret`, keys), armored with the
/// usual comment headers when there is one, or binary.
pub fn serialize_certs(certs: &[Cert], armored: bool, secret: bool) -> Result<Vec<u8>> {
    match (certs, armored) {
        ([one], true) if secret => one.as_tsk().armored().to_vec().map_err(other),
        ([one], true) => one.armored().to_vec().map_err(other),
        (_, true) => armor_all(certs, secret),
        (_, false) => binary_all(certs, secret),
    }
}

fn binary_all(certs: &[Cert], secret: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for cert in certs {
        if secret {
            cert.as_tsk().serialize(&mut out).map_err(other)?;
        } else {
            cert.serialize(&mut out).map_err(other)?;
        }
    }
    Ok(out)
}

fn armor_all(certs: &[Cert], secret: bool) -> Result<Vec<u8>> {
    let kind = if secret {
        armor::Kind::SecretKey
    } else {
        armor::Kind::PublicKey
    };
    let mut w = armor::Writer::new(Vec::new(), kind).map_err(SopError::from)?;
    std::io::Write::write_all(&mut w, &binary_all(certs, secret)?)?;
    Ok(w.finalize()?)
}

/// Unlocks a secret key with the first password that works. A locked
/// key no password opens is KEY_IS_PROTECTED.
pub fn unlock(key: &Key<SecretParts, UnspecifiedRole>, passwords: &[Password]) -> Result<KeyPair> {
    if key.has_unencrypted_secret() {
        return key.clone().into_keypair().map_err(other);
    }
    passwords
        .iter()
        .find_map(|pw| key.clone().decrypt_secret(pw).ok())
        .ok_or_else(|| SopError::KeyIsProtected(key.fingerprint().to_hex()))?
        .into_keypair()
        .map_err(other)
}

fn other(e: anyhow::Error) -> SopError {
    SopError::from_openpgp(e, SopError::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(profile: KeyProfile, password: Option<&str>) -> KeySpec<'static> {
        static UIDS: [String; 0] = [];
        KeySpec {
            userids: &UIDS,
            profile,
            signing_only: false,
            password: password.map(Password::from),
        }
    }

    #[test]
    fn generated_keys_have_the_profile_version() {
        let v4 = generate_key(spec(KeyProfile::Default, None)).unwrap();
        assert_eq!(v4.primary_key().key().version(), 4);
        assert_eq!(v4.keys().subkeys().count(), 2);
        let v6 = generate_key(spec(KeyProfile::Rfc9580, None)).unwrap();
        assert_eq!(v6.primary_key().key().version(), 6);
    }

    #[test]
    fn protected_keys_need_their_password() {
        let key = generate_key(spec(KeyProfile::Default, Some("pw"))).unwrap();
        let primary = key.primary_key().key().clone().parts_into_secret().unwrap();
        let primary = primary.role_into_unspecified();
        let code = |pws: &[Password]| unlock(&primary, pws).err().map(|e| e.code());
        assert_eq!(code(&[]), Some(67));
        assert_eq!(code(&["no".into()]), Some(67));
        assert!(unlock(&primary, &["no".into(), "pw".into()]).is_ok());
    }

    #[test]
    fn fail_garbage_and_certs_where_keys_belong() {
        assert_eq!(parse_certs(b"garbage", "x").unwrap_err().code(), 41);
        assert_eq!(parse_certs(b"", "x").unwrap_err().code(), 41);
        let key = generate_key(spec(KeyProfile::Default, None)).unwrap();
        let cert = serialize_certs(&[key.strip_secret_key_material()], true, false).unwrap();
        assert_eq!(parse_keys(&cert, "x").unwrap_err().code(), 41);
        let truncated = &cert[..cert.len() / 2];
        assert!(parse_certs(truncated, "x").is_err());
    }
}
