//! Whole-message S/MIME verification and decryption, ending in a
//! [`Verdict`].

use x509_cert::Certificate;

use super::cert;
use super::compose::unlock;
use super::decrypt::{self, Decrypted};
use super::verify::{self, SignatureStatus, SignedData, SignerResult};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime::{self, Analysis, Body};
use crate::trust::verdict::{
    explain_good, Covers, Protocol, SigStatus, Signature, Signer, Trust, Verdict,
};
use crate::trust::x509::sender_matches;
use crate::trust::TrustData;

const SIGNATURE_TYPES: [&str; 2] = [
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
];

/// A verified message: the verdict, and for opaque signatures the
/// unwrapped message.
pub struct Verified {
    pub verdict: Verdict,
    pub content: Option<Vec<u8>>,
}

/// Verifies a whole message: the root's signature covers the whole
/// message; signatures found deeper count only as covering a part.
pub fn verify_message(trust: &TrustData, raw: &[u8], path: Option<String>) -> Result<Verified> {
    let analysis = mime::analyze(raw)?;
    let mut verdict = Verdict::new(path);
    verdict.from = mime::header::single_sender(&analysis.headers);
    verdict.message_id =
        mime::header_value(&analysis.headers, "Message-ID").map(|s| s.trim().to_string());
    let mut content = None;
    match &analysis.root {
        Body::Plain => judge_nested(trust, &analysis, &mut verdict)?,
        body => {
            if let Some((sd, opaque)) = check_body(trust, body)? {
                verdict.protocol = Some(Protocol::Smime);
                verdict.signatures = judge(trust, &sd, verdict.from.as_deref(), Covers::Whole);
                if opaque {
                    content = Some(mime::join_entity(&analysis.headers, &sd.content));
                }
            } else if is_enveloped(body) {
                verdict.protocol = Some(Protocol::Smime);
                verdict.encrypted = true;
            }
        }
    }
    verdict.conclude();
    Ok(Verified { verdict, content })
}

/// Checks the signature of a signed body; `None` if the body is not an
/// S/MIME signature. The flag says whether the content was encapsulated.
fn check_body(trust: &TrustData, body: &Body) -> Result<Option<(SignedData, bool)>> {
    match body {
        Body::MultipartSigned {
            protocol,
            signed,
            signature,
            ..
        } if SIGNATURE_TYPES
            .iter()
            .any(|t| protocol.eq_ignore_ascii_case(t)) =>
        {
            Ok(Some((
                verify_signed(trust, signature, Some(signed))?,
                false,
            )))
        }
        Body::MultipartSigned { protocol, .. } => Err(Error::unsupported(
            "signature protocol",
            crate::safe::Safe(protocol).to_string(),
        )),
        Body::Pkcs7Mime { der, .. } if !is_enveloped(body) => {
            Ok(Some((verify_signed(trust, der, None)?, true)))
        }
        _ => Ok(None),
    }
}

/// Checks a SignedData; certificates from the keyring are only brought in
/// when the message does not carry its signer's.
fn verify_signed(trust: &TrustData, cms: &[u8], detached: Option<&[u8]>) -> Result<SignedData> {
    let sd = verify::verify(cms, detached)?;
    if sd.signers.iter().any(|s| s.cert.is_none()) {
        return verify::verify_with_certs(cms, detached, trust.known());
    }
    Ok(sd)
}

/// Whether the body is EnvelopedData or AuthEnvelopedData, judged by the
/// CMS content type itself: `smime-type` is only a hint from the sender.
fn is_enveloped(body: &Body) -> bool {
    use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_ENVELOPED_DATA};
    match body {
        Body::Pkcs7Mime { der, .. } => matches!(
            super::ber::content_type(der),
            Some(oid) if oid == ID_ENVELOPED_DATA || oid == ID_CT_AUTH_ENVELOPED_DATA
        ),
        _ => false,
    }
}

/// Signed parts below an unsigned root: reported, but only as `part`.
fn judge_nested(trust: &TrustData, analysis: &Analysis, verdict: &mut Verdict) -> Result<()> {
    for (part, body) in &analysis.nested {
        let Ok(Some((sd, _))) = check_body(trust, body) else {
            continue;
        };
        verdict.protocol = Some(Protocol::Smime);
        for mut sig in judge(trust, &sd, verdict.from.as_deref(), Covers::Part) {
            let note = format!("only part {part} of the message is signed");
            sig.reason = Some(match sig.reason {
                Some(r) => format!("{note}; {r}"),
                None => note,
            });
            verdict.signatures.push(sig);
        }
    }
    Ok(())
}

/// One verdict entry per SignerInfo.
fn judge(trust: &TrustData, sd: &SignedData, from: Option<&str>, covers: Covers) -> Vec<Signature> {
    if sd.signers.is_empty() {
        return vec![Signature {
            status: SigStatus::Bad,
            signer: None,
            signed_at: None,
            sender_match: false,
            trust: Trust::none("no signer"),
            covers,
            reason: Some("the signature has no signers".into()),
        }];
    }
    sd.signers
        .iter()
        .map(|s| judge_one(trust, s, &sd.certificates, from, covers))
        .collect()
}

fn judge_one(
    trust: &TrustData,
    s: &SignerResult,
    extra: &[Certificate],
    from: Option<&str>,
    covers: Covers,
) -> Signature {
    let sender_match = match (&s.cert, from) {
        (Some(c), Some(f)) => sender_matches(c, f),
        _ => false,
    };
    let (status, mut reason) = match &s.status {
        SignatureStatus::Good => (SigStatus::Good, None),
        SignatureStatus::Bad(r) => (SigStatus::Bad, Some(r.clone())),
        SignatureStatus::Error(r) => (SigStatus::Error, Some(r.clone())),
    };
    let trust = match (&s.cert, status) {
        (Some(c), SigStatus::Good) => {
            let now = trust.validate(c, extra, from);
            trust.at_signing_time(s.signing_time, now, |then| then.validate(c, extra, from))
        }
        _ => Trust::none("the signature was not checked"),
    };
    if status == SigStatus::Good {
        let emails = s.cert.as_ref().map(cert::emails).unwrap_or_default();
        reason = explain_good(&trust, sender_match, &emails, from);
    }
    Signature {
        status,
        signer: s.cert.as_ref().map(signer_of),
        signed_at: s.signing_time.map(|t| t.to_string()),
        sender_match,
        trust,
        covers,
        reason,
    }
}

fn signer_of(c: &Certificate) -> Signer {
    Signer {
        fingerprint: cert::fingerprint(c),
        name: cert::common_name(c),
        emails: cert::emails(c),
    }
}

/// Options for decryption.
#[derive(Debug, Default, Clone, Copy)]
pub struct DecryptOptions {
    /// Accept EnvelopedData (CBC, no integrity protection) even when no
    /// trusted signature inside authenticates it.
    pub legacy_cbc: bool,
}

/// A decrypted message and the verdict on any signature inside.
pub struct Opened {
    pub message: Vec<u8>,
    pub verdict: Verdict,
}

/// Decrypts a whole message with a secret key from the keyring and
/// checks any signature inside.
pub fn decrypt_message(
    ctx: &Ctx,
    trust: &TrustData,
    raw: &[u8],
    opts: DecryptOptions,
) -> Result<Opened> {
    let analysis = mime::analyze(raw)?;
    let der = match &analysis.root {
        body @ Body::Pkcs7Mime { der, .. } if is_enveloped(body) => der,
        _ => {
            return Err(Error::NothingToDo(
                "nothing to decrypt: the message is not S/MIME encrypted".into(),
            ))
        }
    };
    let decrypted = decrypt_with_keyring(ctx, der)?;
    let message = mime::join_entity(&analysis.headers, &decrypted.content);
    let verified = verify_message(trust, &message, None).map(|v| v.verdict);
    let mut verdict = authenticated(verified, &decrypted, opts)?;
    verdict.encrypted = true;
    verdict.protocol = Some(Protocol::Smime);
    verdict.integrity_protected = Some(decrypted.integrity_protected);
    if verdict.signatures.is_empty() {
        verdict.exit = 0;
    }
    Ok(Opened { message, verdict })
}

/// The verdict on decrypted content, unless the content is not integrity
/// protected and nothing vouches for it: then it is refused, whether it
/// verifies badly or not at all (a changed CBC ciphertext may garble the
/// MIME structure as well as the text).
fn authenticated(
    verified: Result<Verdict>,
    decrypted: &Decrypted,
    opts: DecryptOptions,
) -> Result<Verdict> {
    if decrypted.integrity_protected || opts.legacy_cbc {
        return verified;
    }
    match verified {
        Ok(v) if signed_good(&v) => Ok(v),
        _ => Err(Error::Unauthenticated(decrypted.cipher.clone())),
    }
}

/// Whether trusted signatures cover the whole decrypted message, which
/// authenticates a CBC-encrypted content: the verdict is trusted (exit 0:
/// there are signatures, every one good, trusted, from the sender and
/// over the whole message). Any good signature would not do: an attacker
/// can sign what they spliced in with a key of their own.
fn signed_good(verdict: &Verdict) -> bool {
    verdict.exit_code() == crate::error::ExitCode::Ok
}

/// Tries each of our secret keys that the message is addressed to.
fn decrypt_with_keyring(ctx: &Ctx, der: &[u8]) -> Result<Decrypted> {
    let keyring = ctx.keyring()?;
    let rids = decrypt::recipients(der)?;
    let ours: Vec<_> = keyring
        .with_secret()?
        .into_iter()
        .filter(|c| rids.iter().any(|r| r.matches(&c.cert)))
        .collect();
    let mut last = Error::NotForUs;
    for stored in &ours {
        let key = unlock(ctx, keyring, stored)?;
        match decrypt::decrypt(der, &key, &stored.cert) {
            Ok(d) => return Ok(d),
            Err(e) => last = e,
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cbc() -> Decrypted {
        Decrypted {
            content: zeroize::Zeroizing::new(Vec::new()),
            integrity_protected: false,
            cipher: "AES-256-CBC".into(),
        }
    }

    fn garbled() -> Result<Verdict> {
        Err(Error::malformed(
            "MIME message",
            "garbled by a changed block",
        ))
    }

    /// A flipped CBC block may break the MIME structure of the content
    /// instead of its signature: refused all the same, exit 1 not 2.
    #[test]
    fn fail_unauthenticated_content_is_refused_however_it_fails() {
        let strict = DecryptOptions::default();
        for verified in [garbled(), Ok(Verdict::new(None))] {
            let got = authenticated(verified, &cbc(), strict);
            assert!(matches!(got, Err(Error::Unauthenticated(_))), "{got:?}");
        }
        let legacy = DecryptOptions { legacy_cbc: true };
        let got = authenticated(garbled(), &cbc(), legacy);
        assert!(matches!(got, Err(Error::Malformed { .. })), "{got:?}");
        assert!(authenticated(Ok(Verdict::new(None)), &cbc(), legacy).is_ok());
    }
}
