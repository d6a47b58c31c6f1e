//! S/MIME at the root of a message: what protects it, the judgement of
//! its signatures, and decryption with the keyring's keys. Layers
//! around layers are peeled in [`crate::message`].

use x509_cert::Certificate;

use super::cert;
use super::compose::unlock;
use super::decrypt::{self, Decrypted};
use super::verify::{self, SignatureStatus, SignedData, SignerResult};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::mime::{self, Analysis, Body};
use crate::trust::verdict::{explain_good, Covers, Role, SigStatus, Signature, Signer, Trust};
use crate::trust::x509::sender_matches;
use crate::trust::TrustData;

const SIGNATURE_TYPES: [&str; 2] = [
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
];

/// What the root of a message is, as S/MIME sees it: found from the
/// structure (the CMS content type), never from `smime-type` or other
/// claims of the headers.
pub enum Root {
    /// SignedData and the entity it covers: the signed part of a
    /// multipart/signed, or the encapsulated content of an opaque one.
    Signed {
        sd: SignedData,
        inner: Vec<u8>,
        opaque: bool,
    },
    /// EnvelopedData or AuthEnvelopedData, DER or BER.
    Enveloped { der: Vec<u8> },
    /// Nothing S/MIME at the root; signed parts below it (part path and
    /// signature), which cover only part of the message.
    Plain { nested: Vec<(String, SignedData)> },
}

/// Finds and checks the S/MIME protection at the root of a message.
pub fn root(trust: &TrustData, raw: &[u8]) -> Result<Root> {
    let analysis = mime::analyze(raw)?;
    if let Some(der) = enveloped(&analysis.root) {
        // The content type is read from the first bytes only: a body cut
        // short or garbled after them is malformed, not an encryption
        // layer to report or open.
        decrypt::check_whole(der)?;
        return Ok(Root::Enveloped { der: der.to_vec() });
    }
    match check_body(trust, &analysis.root)? {
        Some((sd, opaque)) => {
            let inner = match &analysis.root {
                Body::MultipartSigned { signed, .. } => signed.clone(),
                _ => sd.content.clone(),
            };
            Ok(Root::Signed { sd, inner, opaque })
        }
        None => Ok(Root::Plain {
            nested: nested_signatures(trust, &analysis),
        }),
    }
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
        Body::Pkcs7Mime { der, .. } if enveloped(body).is_none() => {
            Ok(Some((verify_signed(trust, der, None)?, true)))
        }
        _ => Ok(None),
    }
}

/// Checks a SignedData; certificates from the keyring are only brought in
/// when the message does not carry its signer's.
pub fn verify_signed(trust: &TrustData, cms: &[u8], detached: Option<&[u8]>) -> Result<SignedData> {
    let sd = verify::verify(cms, detached)?;
    if sd.signers.iter().any(|s| s.cert.is_none()) {
        return verify::verify_with_certs(cms, detached, trust.known());
    }
    Ok(sd)
}

/// The DER of an EnvelopedData or AuthEnvelopedData body, judged by the
/// CMS content type itself: `smime-type` is only a hint from the sender.
fn enveloped(body: &Body) -> Option<&[u8]> {
    use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_ENVELOPED_DATA};
    match body {
        Body::Pkcs7Mime { der, .. } => matches!(
            super::ber::content_type(der),
            Some(oid) if oid == ID_ENVELOPED_DATA || oid == ID_CT_AUTH_ENVELOPED_DATA
        )
        .then_some(der.as_slice()),
        _ => None,
    }
}

/// Signed parts below an unsigned root. One that cannot be read covers
/// nothing and is left out.
fn nested_signatures(trust: &TrustData, analysis: &Analysis) -> Vec<(String, SignedData)> {
    analysis
        .nested
        .iter()
        .filter_map(|(part, body)| match check_body(trust, body) {
            Ok(Some((sd, _))) => Some((part.clone(), sd)),
            _ => None,
        })
        .collect()
}

/// Signatures on parts below an unsigned root: reported, but only as
/// `part`, naming the part.
pub fn judge_nested(
    trust: &TrustData,
    nested: &[(String, SignedData)],
    from: Option<&str>,
) -> Vec<Signature> {
    let mut out = Vec::new();
    for (part, sd) in nested {
        for mut sig in judge(trust, sd, from, Covers::Part, Role::Author, 0) {
            let note = format!("only part {part} of the message is signed");
            sig.reason = Some(match sig.reason {
                Some(r) => format!("{note}; {r}"),
                None => note,
            });
            out.push(sig);
        }
    }
    out
}

/// One verdict entry per SignerInfo. The author is judged for the From
/// address; a signer of an outer layer for its own addresses.
pub fn judge(
    trust: &TrustData,
    sd: &SignedData,
    from: Option<&str>,
    covers: Covers,
    role: Role,
    layer: u8,
) -> Vec<Signature> {
    if sd.signers.is_empty() {
        let mut sig = Signature::new(SigStatus::Bad, Trust::none("no signer"), covers);
        sig.reason = Some("the signature has no signers".into());
        sig.layer = layer;
        sig.role = role;
        return vec![sig];
    }
    sd.signers
        .iter()
        .map(|s| {
            let mut sig = judge_one(trust, s, &sd.certificates, from, covers, role);
            sig.layer = layer;
            sig
        })
        .collect()
}

fn judge_one(
    trust: &TrustData,
    s: &SignerResult,
    extra: &[Certificate],
    from: Option<&str>,
    covers: Covers,
    role: Role,
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
    let emails = s.cert.as_ref().map(cert::emails).unwrap_or_default();
    let judged = match (&s.cert, status) {
        (Some(c), SigStatus::Good) => match role {
            Role::Author => judged_at_signing(trust, s, c, extra, from),
            Role::AlsoSigned => crate::trust::verdict::best_binding(&emails, |e| {
                judged_at_signing(trust, s, c, extra, Some(e))
            }),
        },
        _ => Trust::none("the signature was not checked"),
    };
    if status == SigStatus::Good {
        reason = match role {
            Role::Author => explain_good(&judged, sender_match, &emails, from),
            Role::AlsoSigned => judged.reason.clone(),
        };
    }
    let mut sig = Signature::new(status, judged, covers);
    sig.signer = s.cert.as_ref().map(signer_of);
    sig.signed_at = s.signing_time.map(|t| t.to_string());
    sig.sender_match = sender_match;
    sig.reason = reason;
    sig.role = role;
    crate::trust::digest::judge(&mut sig, s.digest);
    learn(trust, s, &sig, extra, from);
    sig
}

/// Notes the certificate of a signature that verified, and what it
/// announced, for the keyring ([`crate::trust::learn`]). A signature on a
/// digest the policy never trusts could be forged: its certificate is
/// kept (a certificate is public anyway), its announcement is not.
fn learn(
    trust: &TrustData,
    s: &SignerResult,
    sig: &Signature,
    extra: &[Certificate],
    from: Option<&str>,
) {
    if sig.status != SigStatus::Good || !trust.learns() {
        return;
    }
    let (Some(cert), Some(signer)) = (&s.cert, &sig.signer) else {
        return;
    };
    trust.learn(&crate::trust::learn::Verified {
        cert,
        fingerprint: &signer.fingerprint,
        carried: extra,
        sender: from,
        when: s.signing_time.unwrap_or(trust.at()),
        capabilities: s.capabilities.as_deref().filter(|_| !sig.weak_digest),
    });
}

/// The binding's validity now, or at the signing time when only expiry
/// or a later soft revocation stands in the way.
fn judged_at_signing(
    trust: &TrustData,
    s: &SignerResult,
    c: &Certificate,
    extra: &[Certificate],
    email: Option<&str>,
) -> Trust {
    let now = trust.validate(c, extra, email);
    trust.at_signing_time(s.signing_time, now, |then| then.validate(c, extra, email))
}

fn signer_of(c: &Certificate) -> Signer {
    Signer {
        fingerprint: cert::fingerprint(c),
        name: cert::common_name(c),
        emails: cert::emails(c),
    }
}

/// Decrypts EnvelopedData or AuthEnvelopedData with each of our secret
/// keys that it is addressed to.
pub fn decrypt_enveloped(ctx: &Ctx, der: &[u8]) -> Result<Decrypted> {
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
