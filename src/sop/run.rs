//! One sop verb, from its parsed arguments to its outputs: read the
//! indirect inputs, run the operation, and write stdout and the named
//! outputs only when it succeeded.

use std::io::{Read, Write};

use crate::cli::sop::{
    DecryptArgs, EncryptArgs, GenerateKeyArgs, InlineDetachArgs, InlineSignArgs, InlineVerifyArgs,
    SignArgs, SopVerb, VerifyArgs, VersionArgs,
};

use super::args::{create_optional, read_indirect, read_limited, Output, MAX_OBJECT, MAX_SECRET};
use super::errors::{Result, SopError};
use super::keys::{read_certs, read_keys, serialize_certs};
use super::values::{
    format_session_key, parse_session_key, read_new_password, read_passwords_to_try,
    EncryptProfile, InlineSignAs, KeyProfile, Window, ENCRYPT_PROFILES, KEY_PROFILES,
};
use super::verify::format_verifications;
use super::{armor, decrypt, encrypt, inline, keys, sign, verify};

/// Standard input and output of one run.
pub struct Io<'a> {
    pub stdin: &'a mut (dyn Read + Send + Sync),
    pub stdout: &'a mut dyn Write,
}

impl Io<'_> {
    /// All of standard input. Data may be large, so there is no limit
    /// beyond what the caller sends.
    fn read_all(&mut self) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        self.stdin.read_to_end(&mut buf)?;
        Ok(buf)
    }

    fn write(&mut self, data: &[u8]) -> Result<()> {
        self.stdout.write_all(data)?;
        Ok(self.stdout.flush()?)
    }
}

/// Runs one verb.
pub fn run(verb: &SopVerb, io: &mut Io<'_>) -> Result<()> {
    match verb {
        SopVerb::Version(a) => version(a, io),
        SopVerb::ListProfiles(a) => list_profiles(&a.subcommand, io),
        SopVerb::GenerateKey(a) => generate_key(a, io),
        SopVerb::ExtractCert(a) => {
            let certs = keys::extract_certs(&read_limited(&mut *io.stdin, MAX_OBJECT)?)?;
            io.write(&serialize_certs(&certs, !a.no_armor, false)?)
        }
        SopVerb::Sign(a) => sign(a, io),
        SopVerb::Verify(a) => verify(a, io),
        SopVerb::Encrypt(a) => run_encrypt(a, io),
        SopVerb::Decrypt(a) => run_decrypt(a, io),
        SopVerb::Armor(a) => {
            let data = io.read_all()?;
            io.write(&armor::armor(&data, a.label)?)
        }
        SopVerb::Dearmor => {
            let data = io.read_all()?;
            io.write(&armor::dearmor(&data)?)
        }
        SopVerb::InlineDetach(a) => inline_detach(a, io),
        SopVerb::InlineSign(a) => inline_sign(a, io),
        SopVerb::InlineVerify(a) => inline_verify(a, io),
    }
}

fn version(a: &VersionArgs, io: &mut Io<'_>) -> Result<()> {
    let name = format!("mailseal {}\n", env!("CARGO_PKG_VERSION"));
    let backend = format!("sequoia-openpgp {}\n", sequoia_openpgp::VERSION);
    let text = if a.backend {
        backend
    } else if a.extended {
        let crypto = sequoia_openpgp::crypto::backend();
        format!(
            "{name}{backend}crypto: {crypto}\nsop: {}\n",
            super::SOP_SPEC
        )
    } else if a.sop_spec {
        format!(
            "{}\nwith list-profiles, --profile, generate-key --signing-only and \
             encrypt --session-key-out from later revisions\n",
            super::SOP_SPEC
        )
    } else {
        name
    };
    io.write(text.as_bytes())
}

fn list_profiles(subcommand: &str, io: &mut Io<'_>) -> Result<()> {
    let profiles = match subcommand {
        "generate-key" => KEY_PROFILES,
        "encrypt" => ENCRYPT_PROFILES,
        other => {
            return Err(SopError::UnsupportedProfile(format!(
                "{other} has no profiles"
            )))
        }
    };
    let text: String = profiles
        .iter()
        .map(|(n, d)| format!("{n}: {d}\n"))
        .collect();
    io.write(text.as_bytes())
}

fn generate_key(a: &GenerateKeyArgs, io: &mut Io<'_>) -> Result<()> {
    let profile = KeyProfile::parse(a.profile.as_deref())?;
    let password = a
        .with_key_password
        .as_deref()
        .map(read_new_password)
        .transpose()?;
    let key = keys::generate_key(keys::KeySpec {
        userids: &a.userids,
        profile,
        signing_only: a.signing_only,
        password,
    })?;
    io.write(&serialize_certs(&[key], !a.armor.no_armor, true)?)
}

fn sign(a: &SignArgs, io: &mut Io<'_>) -> Result<()> {
    let micalg_out = create_optional(a.micalg_out.as_deref())?;
    let passwords = read_passwords_to_try(&a.key_passwords.passwords)?;
    let signers = sign::signing_keypairs(&read_keys(&a.keys)?, &passwords)?;
    let data = io.read_all()?;
    let signed = sign::sign_detached(signers, &data, a.mode, !a.armor.no_armor)?;
    io.write(&signed.signatures)?;
    match micalg_out {
        Some(out) => out.commit(signed.micalg.as_bytes()),
        None => Ok(()),
    }
}

fn verify(a: &VerifyArgs, io: &mut Io<'_>) -> Result<()> {
    let window = Window::parse(
        a.window.not_before.as_deref(),
        a.window.not_after.as_deref(),
    )?;
    let signatures = read_indirect(&a.signatures, MAX_OBJECT)?;
    let certs = read_certs(&a.certs)?;
    let good = verify::verify_detached(&signatures, &mut *io.stdin, certs, window)?;
    io.write(&format_verifications(&good))
}

fn run_encrypt(a: &EncryptArgs, io: &mut Io<'_>) -> Result<()> {
    let profile = EncryptProfile::parse(a.profile.as_deref())?;
    let session_key_out = create_optional(a.session_key_out.as_deref())?;
    let passwords = a
        .with_password
        .iter()
        .map(|p| read_new_password(p))
        .collect::<Result<Vec<_>>>()?;
    let key_passwords = read_passwords_to_try(&a.key_passwords.passwords)?;
    let signers = sign::signing_keypairs(&read_keys(&a.sign_with)?, &key_passwords)?;
    let certs = read_certs(&a.certs)?;
    let plaintext = io.read_all()?;
    let request = encrypt::EncryptRequest {
        certs,
        passwords,
        signers,
        mode: a.mode,
        profile,
        armored: !a.armor.no_armor,
    };
    let encrypted = encrypt::encrypt(&plaintext, request)?;
    io.write(&encrypted.ciphertext)?;
    match session_key_out {
        Some(out) => {
            out.commit(format_session_key(encrypted.algo, &encrypted.session_key).as_bytes())
        }
        None => Ok(()),
    }
}

fn run_decrypt(a: &DecryptArgs, io: &mut Io<'_>) -> Result<()> {
    if !a.verify_with.is_empty() && a.verifications_out.is_none() {
        return Err(SopError::IncompleteVerification(
            "--verify-with needs --verifications-out".into(),
        ));
    }
    let session_key_out = create_optional(a.session_key_out.as_deref())?;
    let verifications_out = create_optional(a.verifications_out.as_deref())?;
    let request = decrypt_request(a)?;
    let decrypted = decrypt::decrypt(&mut *io.stdin, request)?;
    io.write(&decrypted.plaintext)?;
    if let Some(out) = session_key_out {
        let algo = decrypted
            .algo
            .ok_or_else(|| SopError::Other("the session key's algorithm is unknown".into()))?;
        out.commit(format_session_key(algo, &decrypted.session_key).as_bytes())?;
    }
    match verifications_out {
        Some(out) => out.commit(&format_verifications(&decrypted.verifications)),
        None => Ok(()),
    }
}

fn decrypt_request(a: &DecryptArgs) -> Result<decrypt::DecryptRequest> {
    let session_keys = a
        .with_session_key
        .iter()
        .map(|arg| parse_session_key(&read_indirect(arg, MAX_SECRET)?))
        .collect::<Result<Vec<_>>>()?;
    Ok(decrypt::DecryptRequest {
        keys: read_keys(&a.keys)?,
        key_passwords: read_passwords_to_try(&a.key_passwords.passwords)?,
        passwords: read_passwords_to_try(&a.with_password)?,
        session_keys,
        verify_with: read_certs(&a.verify_with)?,
        window: Window::parse(
            a.verify_not_before.as_deref(),
            a.verify_not_after.as_deref(),
        )?,
    })
}

fn inline_detach(a: &InlineDetachArgs, io: &mut Io<'_>) -> Result<()> {
    let signatures_out = Output::create(&a.signatures_out)?;
    let message = io.read_all()?;
    let detached = inline::detach(&message)?;
    io.write(&detached.content)?;
    signatures_out.commit(&inline::armor_signatures(
        &detached.signatures,
        !a.armor.no_armor,
    )?)
}

fn inline_sign(a: &InlineSignArgs, io: &mut Io<'_>) -> Result<()> {
    if a.mode == InlineSignAs::Clearsigned && a.armor.no_armor {
        return Err(SopError::IncompatibleOptions(
            "--as=clearsigned is always armored; drop --no-armor".into(),
        ));
    }
    let passwords = read_passwords_to_try(&a.key_passwords.passwords)?;
    let signers = sign::signing_keypairs(&read_keys(&a.keys)?, &passwords)?;
    let data = io.read_all()?;
    io.write(&sign::sign_inline(
        signers,
        &data,
        a.mode,
        !a.armor.no_armor,
    )?)
}

fn inline_verify(a: &InlineVerifyArgs, io: &mut Io<'_>) -> Result<()> {
    let window = Window::parse(
        a.window.not_before.as_deref(),
        a.window.not_after.as_deref(),
    )?;
    let verifications_out = create_optional(a.verifications_out.as_deref())?;
    let certs = read_certs(&a.certs)?;
    let (content, good) = inline::verify_inline(&mut *io.stdin, certs, window)?;
    io.write(&content)?;
    match verifications_out {
        Some(out) => out.commit(&format_verifications(&good)),
        None => Ok(()),
    }
}
