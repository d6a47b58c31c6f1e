//! Whole-message PGP/MIME signing and encryption. Choosing the signer
//! and the recipients (keyring, trust) is the caller's business; this
//! only shapes the message.

use super::encrypt::{encrypt_binary, encrypt_to_keys, Recipient, RecipientKeys, Sealed};
use super::keys::SigningKey;
use super::mime::{build_encrypted_binary, build_signed};
use super::sign::sign_detached;
use crate::error::Result;
use crate::mime::{self, HeaderField, Protected};
use crate::time::Timestamp;

/// Signs a whole message (RFC 3156 section 5): the MIME entity is
/// canonicalized (CRLF, 7-bit-safe transfer encodings) and signed as
/// it will be sent; the other header fields stay outside.
pub fn sign_message(raw: &[u8], signer: &SigningKey, at: Timestamp) -> Result<Vec<u8>> {
    let protected = mime::split_for_protection(raw)?;
    let sig = sign_detached(signer, &protected.entity, at)?;
    Ok(build_signed(&protected.outer, &protected.entity, &sig))
}

/// Encrypts a whole message (RFC 3156 section 4), signed inside in the
/// same pass when `signer` is given (section 6.2). The Bcc field is
/// removed from the output: hidden recipients stay hidden.
pub fn encrypt_message(
    raw: &[u8],
    recipients: &[Recipient],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Vec<u8>> {
    let protected = mime::split_for_protection(raw)?;
    let sealed = encrypt_binary(&protected.entity, recipients, signer, at)?;
    Ok(encrypted_message(protected.outer, &sealed))
}

/// [`encrypt_message`] for a message already split for protection, to
/// recipients whose keys are already chosen.
pub fn encrypt_protected(
    protected: Protected,
    recipients: &[RecipientKeys],
    signer: Option<&SigningKey>,
    at: Timestamp,
) -> Result<Vec<u8>> {
    let sealed = encrypt_to_keys(&protected.entity, recipients, signer, at)?;
    Ok(encrypted_message(protected.outer, &sealed))
}

/// The PGP/MIME message around `sealed`, with the `outer` header fields
/// except Bcc.
fn encrypted_message(outer: Vec<HeaderField>, sealed: &Sealed) -> Vec<u8> {
    let outer: Vec<HeaderField> = outer
        .into_iter()
        .filter(|h| !h.name.eq_ignore_ascii_case("Bcc"))
        .collect();
    build_encrypted_binary(&outer, &sealed.parts())
}

/// The addresses a message goes to (To, Cc, Bcc; lower-cased, each
/// once), each with whether it must be hidden: an address only in Bcc.
pub fn recipient_addresses(headers: &[HeaderField]) -> Vec<(String, bool)> {
    let hidden = mime::addresses(headers, "Bcc")
        .into_iter()
        .map(|m| (m, true));
    let all = ["To", "Cc"]
        .iter()
        .flat_map(|h| mime::addresses(headers, h))
        .map(|m| (m, false))
        .chain(hidden);
    // A set, not a search of the list so far: a list of 100,000
    // addresses must not take 10^10 comparisons.
    let mut seen = std::collections::HashSet::new();
    all.filter(|(m, _)| seen.insert(m.email.clone()))
        .map(|(m, hidden)| (m.email, hidden))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcc_only_addresses_are_hidden() {
        let (h, _) = mime::split_headers(
            b"To: A <a@example.org>, b@example.org\r\nCc: c@example.org\r\nBcc: b@example.org, D <d@example.org>\r\n\r\n",
        )
        .unwrap();
        assert_eq!(
            recipient_addresses(&h),
            vec![
                ("a@example.org".to_string(), false),
                ("b@example.org".to_string(), false),
                ("c@example.org".to_string(), false),
                ("d@example.org".to_string(), true),
            ]
        );
    }
}
