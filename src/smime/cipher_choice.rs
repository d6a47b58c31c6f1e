//! The S/MIME content encryption for a set of recipients, as RFC 8551
//! section 2.7 asks: AuthEnvelopedData with AES-256-GCM (RFC 5083/5084)
//! only when every recipient is known to read it, else EnvelopedData with
//! AES-256-CBC, which every S/MIME client reads. `--cipher` and
//! `smime-cipher` in mailseal.conf override the choice.
//!
//! What a recipient reads is known, most trusted first, from
//! - a secret key of the user's own for the certificate: mailseal reads
//!   what is encrypted to it;
//! - the newest verified signed mail of the certificate's holder, whose
//!   smimeCapabilities the keyring keeps (`crate::trust::learn`);
//! - the certificate's own SMIMECapabilities extension (RFC 4262), which
//!   the certificates mailseal makes carry.
//!
//! Otherwise it is unknown, and CBC it is.

use serde::Serialize;

use super::capabilities::Capabilities;
use super::encrypt::Cipher;
use crate::error::Result;
use crate::keyring::{Keyring, KnownCapabilities};
use crate::safe::Safe;

/// What decides the content encryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CipherRequest {
    /// RFC 8551 section 2.7, from what the recipients are known to read.
    Auto,
    /// Asked for; the text names who asked (`--cipher`, mailseal.conf).
    Asked(Cipher, &'static str),
}

impl CipherRequest {
    /// `--cipher` when given, else `smime-cipher` of mailseal.conf, else
    /// the automatic choice.
    pub fn from_settings(flag: Option<Option<Cipher>>, config: Option<Cipher>) -> Self {
        match (flag, config) {
            (Some(Some(c)), _) => CipherRequest::Asked(c, "--cipher"),
            (Some(None), _) => CipherRequest::Auto,
            (None, Some(c)) => CipherRequest::Asked(c, "smime-cipher in mailseal.conf"),
            (None, None) => CipherRequest::Auto,
        }
    }
}

/// Where what a recipient reads is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KnownFrom {
    OwnKey,
    SignedMail,
    Certificate,
    Unknown,
}

/// One recipient of the message, as the choice saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientReads {
    /// The recipient as asked for (an address, a query), or the sender.
    pub recipient: String,
    pub fingerprint: String,
    pub reads_aes256_gcm: bool,
    pub known_from: KnownFrom,
    /// For signed mail: the signing time of the message that said so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announced_at: Option<String>,
}

/// The content encryption chosen for a message, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CipherChoice {
    /// `aes256-gcm` or `aes256-cbc`.
    pub cipher: &'static str,
    /// The CMS type: `authEnveloped-data` or `enveloped-data`.
    pub content_type: &'static str,
    pub integrity_protected: bool,
    /// `capabilities`, `--cipher` or `smime-cipher in mailseal.conf`.
    pub chosen_by: &'static str,
    pub reason: String,
    pub recipients: Vec<RecipientReads>,
    #[serde(skip)]
    pub chosen: Cipher,
}

/// A recipient as the encryption chose it: how to name it, and its
/// certificate's fingerprint.
#[derive(Debug, Clone)]
pub struct Named {
    pub recipient: String,
    pub fingerprint: String,
}

/// Chooses the content encryption for `recipients` (one keyring query).
pub fn choose(
    keyring: &Keyring,
    recipients: &[Named],
    request: CipherRequest,
) -> Result<CipherChoice> {
    let fingerprints: Vec<String> = recipients.iter().map(|r| r.fingerprint.clone()).collect();
    let known = keyring.capabilities_of(&fingerprints)?;
    let reads: Vec<RecipientReads> = recipients
        .iter()
        .zip(known)
        .map(|(r, k)| reads(r, &k))
        .collect();
    Ok(decide(reads, request))
}

/// The choice from what each recipient reads.
pub fn decide(recipients: Vec<RecipientReads>, request: CipherRequest) -> CipherChoice {
    let not_gcm: Vec<&RecipientReads> = recipients.iter().filter(|r| !r.reads_aes256_gcm).collect();
    let (chosen, chosen_by, reason) = match request {
        CipherRequest::Asked(c, by) => (c, by, format!("asked for with {by}")),
        CipherRequest::Auto if not_gcm.is_empty() => (
            Cipher::Aes256Gcm,
            "capabilities",
            "every recipient is known to read AES-256-GCM".to_string(),
        ),
        CipherRequest::Auto => (
            Cipher::Aes256Cbc,
            "capabilities",
            format!(
                "not every recipient is known to read AES-256-GCM ({}); AES-256-CBC is what \
                 every S/MIME client reads",
                not_gcm
                    .iter()
                    .map(|r| format!("{}: {}", Safe(&r.recipient), why_not(r)))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
    };
    let (cipher, content_type) = match chosen {
        Cipher::Aes256Gcm => ("aes256-gcm", "authEnveloped-data"),
        Cipher::Aes256Cbc => ("aes256-cbc", "enveloped-data"),
    };
    CipherChoice {
        cipher,
        content_type,
        integrity_protected: chosen == Cipher::Aes256Gcm,
        chosen_by,
        reason,
        recipients,
        chosen,
    }
}

fn why_not(r: &RecipientReads) -> String {
    match (r.known_from, &r.announced_at) {
        (KnownFrom::SignedMail, Some(at)) => {
            format!("their signed mail of {at} does not announce it")
        }
        (KnownFrom::Certificate, _) => "the certificate does not announce it".into(),
        _ => "capabilities unknown".into(),
    }
}

/// What one recipient reads: own key, else signed mail, else the
/// certificate's extension, else unknown. A kept list that does not parse
/// counts as none.
fn reads(r: &Named, k: &KnownCapabilities) -> RecipientReads {
    let gcm = |der: &[u8]| {
        Capabilities::from_der(der)
            .ok()
            .map(|c| c.reads_aes256_gcm())
    };
    let signed = k
        .signed_mail
        .as_ref()
        .and_then(|(at, der)| gcm(der).map(|g| (g, at.to_string())));
    let (reads_aes256_gcm, known_from, announced_at) = if k.own {
        (true, KnownFrom::OwnKey, None)
    } else if let Some((g, at)) = signed {
        (g, KnownFrom::SignedMail, Some(at))
    } else if let Some(g) = k.certificate.as_deref().and_then(gcm) {
        (g, KnownFrom::Certificate, None)
    } else {
        (false, KnownFrom::Unknown, None)
    };
    RecipientReads {
        recipient: r.recipient.clone(),
        fingerprint: r.fingerprint.clone(),
        reads_aes256_gcm,
        known_from,
        announced_at,
    }
}

impl CipherChoice {
    /// The human report (`encrypt -v`): the choice and why, then one line
    /// per recipient.
    pub fn describe(&self) -> String {
        let name = match self.chosen {
            Cipher::Aes256Gcm => "AES-256-GCM (AuthEnvelopedData, integrity-protected)",
            Cipher::Aes256Cbc => "AES-256-CBC (EnvelopedData, no integrity protection)",
        };
        let mut out = format!("S/MIME content encryption: {name}: {}\n", self.reason);
        for r in &self.recipients {
            let how = match (r.known_from, r.reads_aes256_gcm) {
                (KnownFrom::OwnKey, _) => "your own key: mailseal reads AES-256-GCM".to_string(),
                (KnownFrom::SignedMail, gcm) => format!(
                    "{} AES-256-GCM in signed mail of {}",
                    if gcm { "announced" } else { "did not announce" },
                    r.announced_at.as_deref().unwrap_or("an unknown time")
                ),
                (KnownFrom::Certificate, gcm) => format!(
                    "the certificate {} AES-256-GCM (RFC 4262)",
                    if gcm {
                        "announces"
                    } else {
                        "does not announce"
                    }
                ),
                (KnownFrom::Unknown, _) => "capabilities unknown".to_string(),
            };
            out.push_str(&format!("  {}: {how}\n", Safe(&r.recipient)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Timestamp;

    fn named(who: &str) -> Named {
        Named {
            recipient: who.into(),
            fingerprint: format!("FP-{who}"),
        }
    }

    fn der(caps: &Capabilities) -> Vec<u8> {
        caps.to_der().unwrap()
    }

    fn openssl_default() -> Vec<u8> {
        // aes-256-cbc, aes-192-cbc, aes-128-cbc: what OpenSSL announces
        // first, without any GCM.
        let caps = Capabilities(
            [
                const_oid::db::rfc5911::ID_AES_256_CBC,
                const_oid::db::rfc5911::ID_AES_192_CBC,
                const_oid::db::rfc5911::ID_AES_128_CBC,
            ]
            .iter()
            .map(|&oid| spki::AlgorithmIdentifierOwned {
                oid,
                parameters: None,
            })
            .collect(),
        );
        der(&caps)
    }

    #[test]
    fn gcm_only_when_every_recipient_is_known_to_read_it() {
        let ours = der(&Capabilities::signed_by_us().unwrap());
        let mail = |d: Vec<u8>| KnownCapabilities {
            signed_mail: Some((Timestamp(1_780_000_000), d)),
            ..Default::default()
        };
        let cert = KnownCapabilities {
            certificate: Some(der(&Capabilities::in_our_certificates())),
            ..Default::default()
        };
        let own = KnownCapabilities {
            own: true,
            ..Default::default()
        };
        let all_gcm = vec![
            reads(&named("a"), &mail(ours.clone())),
            reads(&named("b"), &cert),
            reads(&named("me"), &own),
        ];
        let choice = decide(all_gcm.clone(), CipherRequest::Auto);
        assert_eq!(
            (choice.cipher, choice.content_type),
            ("aes256-gcm", "authEnveloped-data")
        );
        let kinds: Vec<KnownFrom> = choice.recipients.iter().map(|r| r.known_from).collect();
        assert_eq!(
            kinds,
            [
                KnownFrom::SignedMail,
                KnownFrom::Certificate,
                KnownFrom::OwnKey
            ]
        );

        let mut mixed = all_gcm.clone();
        mixed.push(reads(&named("c"), &KnownCapabilities::default()));
        mixed.push(reads(&named("d"), &mail(openssl_default())));
        let choice = decide(mixed, CipherRequest::Auto);
        assert_eq!(
            (choice.cipher, choice.content_type),
            ("aes256-cbc", "enveloped-data")
        );
        assert!(
            choice.reason.contains("c: capabilities unknown"),
            "{}",
            choice.reason
        );
        assert!(
            choice.reason.contains("d: their signed mail of 2026-"),
            "{}",
            choice.reason
        );
        assert!(!choice.reason.contains("a:"), "{}", choice.reason);

        let asked = decide(all_gcm, CipherRequest::Asked(Cipher::Aes256Cbc, "--cipher"));
        assert_eq!((asked.cipher, asked.chosen_by), ("aes256-cbc", "--cipher"));
    }

    #[test]
    fn signed_mail_outranks_the_certificate_and_own_keys_outrank_both() {
        let said_no = KnownCapabilities {
            signed_mail: Some((Timestamp(1), openssl_default())),
            certificate: Some(der(&Capabilities::in_our_certificates())),
            own: false,
        };
        let r = reads(&named("a"), &said_no);
        assert_eq!(
            (r.known_from, r.reads_aes256_gcm),
            (KnownFrom::SignedMail, false)
        );
        let own = KnownCapabilities {
            own: true,
            ..said_no
        };
        let r = reads(&named("a"), &own);
        assert_eq!(
            (r.known_from, r.reads_aes256_gcm),
            (KnownFrom::OwnKey, true)
        );
    }

    #[test]
    fn fail_unparsable_kept_lists_count_as_unknown() {
        let garbage = KnownCapabilities {
            signed_mail: Some((Timestamp(1), vec![0x30, 0x05, 0x01])),
            certificate: Some(vec![0xff]),
            own: false,
        };
        let r = reads(&named("a"), &garbage);
        assert_eq!(
            (r.known_from, r.reads_aes256_gcm),
            (KnownFrom::Unknown, false)
        );
    }

    #[test]
    fn settings_order_is_flag_then_config_then_auto() {
        use CipherRequest::*;
        let gcm = Some(Cipher::Aes256Gcm);
        let cbc = Some(Cipher::Aes256Cbc);
        assert_eq!(
            CipherRequest::from_settings(Some(gcm), cbc),
            Asked(Cipher::Aes256Gcm, "--cipher")
        );
        assert_eq!(CipherRequest::from_settings(Some(None), cbc), Auto);
        assert_eq!(
            CipherRequest::from_settings(None, cbc),
            Asked(Cipher::Aes256Cbc, "smime-cipher in mailseal.conf")
        );
        assert_eq!(CipherRequest::from_settings(None, None), Auto);
    }
}
