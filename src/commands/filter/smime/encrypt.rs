//! `filter smime encrypt`: a part encrypted to the certificate files
//! neomutt names (%c) and to the user's own certificate, DER on standard
//! output, as neomutt's $smime_encrypt_command makes it.
//!
//! Every certificate file is mapped back to the keyring's copy, so the
//! trust model decides as it does for `mailseal encrypt`: only fully
//! valid, current, unrevoked encryption certificates are used. A
//! certificate that is not in the keyring, or not valid, is refused by
//! name; nothing is written. The content encryption is chosen as
//! `mailseal encrypt` chooses it ([`cipher_choice`]) unless `--cipher`
//! names a mode.

use x509_cert::Certificate;

use super::files;
use crate::cli::filter_smime::{EncryptArgs, FilterCipher};
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::{Keyring, StoredCert};
use crate::mime;
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::cert;
use crate::smime::cipher_choice::{self, CipherRequest, Named};
use crate::smime::compose::sign_entity;
use crate::smime::encrypt::{self, Cipher, RsaPadding};
use crate::smime::recipients::check_chosen;
use crate::trust::x509::{check_usage, Purpose};
use crate::trust::TrustData;

pub fn run(ctx: &Ctx, args: &EncryptArgs) -> Result<ExitCode> {
    // openssl encrypts text with CRLF line ends; neomutt writes LF.
    let part = mime::to_crlf(&io::read_input(Some(&args.input))?).into_owned();
    let keyring = ctx.keyring()?;
    let recipients = recipients(ctx, keyring, args)?;
    let content = if args.sign {
        let signer = files::signer(
            ctx,
            keyring,
            args.signer.key.as_deref(),
            args.signer.cert.as_deref(),
        )?;
        sign_entity(ctx, &signer, &[], &part, false)?
    } else {
        part
    };
    let flag = args.cipher.map(|c| match c {
        FilterCipher::Auto => None,
        FilterCipher::Aes256Gcm => Some(Cipher::Aes256Gcm),
        FilterCipher::Aes256Cbc => Some(Cipher::Aes256Cbc),
    });
    let request = CipherRequest::from_settings(flag, ctx.config()?.smime_cipher);
    let named: Vec<Named> = recipients.iter().map(named).collect();
    let choice = cipher_choice::choose(keyring, &named, request)?;
    let certs: Vec<Certificate> = recipients.into_iter().map(|c| c.cert).collect();
    let der = encrypt::encrypt(&content, &certs, choice.chosen, RsaPadding::Pkcs1v15)?;
    io::write_output(None, &der)?;
    if ctx.verbosity > 0 {
        emit(Stream::Stderr, &choice.describe());
    }
    Ok(ExitCode::Ok)
}

/// A recipient named by its first address (else its subject), for the
/// cipher choice.
fn named(c: &StoredCert) -> Named {
    Named {
        recipient: c
            .emails
            .first()
            .cloned()
            .unwrap_or_else(|| cert::subject(&c.cert)),
        fingerprint: c.fingerprint.clone(),
    }
}

/// The keyring's certificates for the files, each judged, plus the
/// user's own certificate unless one of them is already.
fn recipients(ctx: &Ctx, keyring: &Keyring, args: &EncryptArgs) -> Result<Vec<StoredCert>> {
    let trust = TrustData::load(keyring, ctx.at)?;
    let mut chosen: Vec<StoredCert> = Vec::new();
    let mut refused = Vec::new();
    for path in &args.certs {
        for c in files::read_certificates(path)? {
            match recipient(keyring, &trust, &c) {
                Ok(stored) if chosen.iter().any(|s| s.fingerprint == stored.fingerprint) => {}
                Ok(stored) => chosen.push(stored),
                Err(why) => refused.push(format!(
                    "{} ({}, {}): {why}",
                    path.display(),
                    Safe(&cert::subject(&c)),
                    Safe(&cert::emails(&c).join(", "))
                )),
            }
        }
    }
    if !refused.is_empty() {
        return Err(Error::RecipientsMissing(refused));
    }
    if !args.no_self && !chosen.iter().any(|c| c.has_secret) {
        match files::default_key_with(&trust, keyring.with_secret()?, Purpose::Encrypt) {
            Some(own) => chosen.push(own),
            None => ctx.warn(
                "no S/MIME key of your own that can decrypt: you will not be able to read \
                 this message later",
            ),
        }
    }
    trust.save();
    Ok(chosen)
}

/// The keyring's copy of `c` if it may be encrypted to; else why not.
fn recipient(
    keyring: &Keyring,
    trust: &TrustData<'_>,
    c: &Certificate,
) -> std::result::Result<StoredCert, String> {
    let stored = match keyring.by_fingerprint(&cert::fingerprint(c)) {
        Ok(Some(stored)) => stored,
        Ok(None) => {
            return Err(
                "not in the mailseal keyring; import it with `mailseal keyring \
                        import FILE` (and make it valid: a trust anchor or a pin)"
                    .into(),
            )
        }
        Err(e) => return Err(e.to_string()),
    };
    if stored.has_secret {
        // One of the user's own certificates (neomutt's self-encryption).
        if let Some(why) = files::usable_own(trust, &stored) {
            return Err(format!("your certificate {why}"));
        }
        check_usage(&stored.cert, Purpose::Encrypt)
            .map_err(|e| format!("certificate not usable for encryption: {e}"))?;
        return Ok(stored);
    }
    check_chosen(trust.at(), trust, &stored)?;
    Ok(stored)
}
