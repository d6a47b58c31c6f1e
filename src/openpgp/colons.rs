//! Key listings in gpg's `--with-colons` format (GnuPG's doc/DETAILS,
//! "Format of the colon listings"), for mail clients that pick keys
//! from `gpg --list-keys` (neomutt's and mutt's `pgp_list_pubring_command`,
//! parsed by their `gnupgparse.c`).
//!
//! The records of one certificate: `pub` (or `sec`), `fpr`, one `uid`
//! per user ID bound at the reference time, then `sub` (or `ssb`) and
//! `fpr` per subkey. Field 2, the validity, is the caller's verdict on
//! each binding (this layer judges no trust): a client offers and picks
//! keys by it. A certificate that cannot be used (revoked, expired, no
//! valid self-signature) says so in field 2 and offers no capability
//! (field 12), so that no client encrypts to it.

use std::fmt::Write;

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::crypto::mpi::PublicKey as Mpi;
use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::types::{Curve, KeyFlags, RevocationStatus};
use openpgp::{Cert, Fingerprint};

use super::policy::{policy_at, system_time, timestamp};
use super::userid::email_normalized;
use crate::safe::Safe;
use crate::time::Timestamp;

/// A binding's or key's validity, as field 2 spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// `-`: nothing vouches for it.
    Unknown,
    /// `n`: known not to be valid.
    Never,
    /// `m`: partly valid.
    Marginal,
    /// `f`: fully valid.
    Full,
    /// `u`: our own key.
    Ultimate,
    /// `r`: revoked.
    Revoked,
    /// `e`: expired.
    Expired,
    /// `i`: no valid self-signature (or not yet valid).
    Invalid,
}

impl Validity {
    pub fn letter(self) -> char {
        match self {
            Validity::Unknown => '-',
            Validity::Never => 'n',
            Validity::Marginal => 'm',
            Validity::Full => 'f',
            Validity::Ultimate => 'u',
            Validity::Revoked => 'r',
            Validity::Expired => 'e',
            Validity::Invalid => 'i',
        }
    }

    /// How much a key's best user ID makes the key worth.
    fn rank(self) -> u8 {
        match self {
            Validity::Ultimate => 5,
            Validity::Full => 4,
            Validity::Marginal => 3,
            Validity::Unknown => 2,
            Validity::Never => 1,
            _ => 0,
        }
    }

    /// Whether the key itself is unusable, whatever its user IDs.
    fn unusable(self) -> bool {
        matches!(
            self,
            Validity::Revoked | Validity::Expired | Validity::Invalid
        )
    }
}

/// Which keyring a listing shows, as `--list-keys` or
/// `--list-secret-keys`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ring {
    Public,
    /// `sec`/`ssb` records; field 15 says for each key whether its
    /// secret is here (`+`) or not (`#`).
    Secret,
}

/// What the caller knows about a certificate beyond the certificate.
pub struct Listing<'a> {
    pub ring: Ring,
    /// One of our own keys: ownertrust `u`.
    pub own: bool,
    /// The keys whose secrets we hold (for [`Ring::Secret`]).
    pub secret: &'a [Fingerprint],
    /// The validity of the binding of an address (lower-cased) to this
    /// certificate.
    pub validity: &'a dyn Fn(&str) -> Validity,
}

/// The colon records of `cert` as of `at`.
pub fn records(cert: &Cert, at: Timestamp, listing: &Listing<'_>) -> String {
    let policy = policy_at(at);
    let mut out = String::new();
    let Ok(valid) = cert.with_policy(&policy, system_time(at)) else {
        invalid_records(&mut out, cert, listing);
        return out;
    };
    let state = cert_state(&valid);
    let uids = user_ids(&valid, state, listing);
    let validity = match state {
        Some(bad) => bad,
        None => uids
            .iter()
            .map(|(_, v, _)| *v)
            .max_by_key(|v| v.rank())
            .unwrap_or(Validity::Unknown),
    };
    let primary = valid.primary_key();
    let caps = format!(
        "{}{}",
        flags_letters(primary.key_flags()),
        flags_letters(usable_flags(&valid, state)).to_uppercase()
    );
    let key = KeyRecord {
        validity,
        key: primary.key().role_as_unspecified(),
        expires: primary.key_expiration_time().map(timestamp),
        caps,
    };
    key.write(&mut out, true, listing);
    for (uid, v, created) in &uids {
        let fields = [
            "uid",
            &v.letter().to_string(),
            "",
            "",
            "",
            &created.map(|t| t.unix().to_string()).unwrap_or_default(),
            "",
            "",
            "",
            &escape(uid),
        ];
        line(&mut out, &fields, 20);
    }
    for ka in valid.keys().subkeys() {
        let own_state = match ka.revocation_status() {
            RevocationStatus::Revoked(_) => Some(Validity::Revoked),
            _ if ka.alive().is_err() => Some(Validity::Expired),
            _ => None,
        };
        let sub = KeyRecord {
            validity: own_state.unwrap_or(validity),
            key: ka.key().role_as_unspecified(),
            expires: ka.key_expiration_time().map(timestamp),
            caps: flags_letters(ka.key_flags()),
        };
        sub.write(&mut out, false, listing);
    }
    out
}

/// Revoked or expired at the reference time, or `None` when usable.
fn cert_state(valid: &ValidCert<'_>) -> Option<Validity> {
    if let RevocationStatus::Revoked(_) = valid.revocation_status() {
        return Some(Validity::Revoked);
    }
    valid.alive().is_err().then_some(Validity::Expired)
}

/// Each user ID bound at the reference time, with its validity and the
/// time of its binding signature: revoked ones `r`, all of them the
/// certificate's state when it is unusable, else the caller's verdict
/// on its address (`-` without one).
fn user_ids(
    valid: &ValidCert<'_>,
    state: Option<Validity>,
    listing: &Listing<'_>,
) -> Vec<(String, Validity, Option<Timestamp>)> {
    valid
        .userids()
        .map(|ua| {
            let revoked = matches!(ua.revocation_status(), RevocationStatus::Revoked(_));
            let v = match (state, revoked) {
                (Some(bad), _) => bad,
                (None, true) => Validity::Revoked,
                (None, false) => match email_normalized(ua.userid()) {
                    Some(email) => (listing.validity)(&email),
                    None => Validity::Unknown,
                },
            };
            let created = ua.binding_signature().signature_creation_time();
            let text = String::from_utf8_lossy(ua.userid().value()).into_owned();
            (text, v, created.map(timestamp))
        })
        .collect()
}

/// The capabilities of the certificate as a whole: those of its keys
/// that are alive and not revoked, none when the certificate is not.
fn usable_flags(valid: &ValidCert<'_>, state: Option<Validity>) -> Option<KeyFlags> {
    if state.is_some() {
        return None;
    }
    valid
        .keys()
        .alive()
        .revoked(false)
        .filter_map(|ka| ka.key_flags())
        .reduce(|a, b| &a | &b)
}

/// A certificate without a valid self-signature at the reference time:
/// listed so that the client can show it, marked `i` and disabled (`D`),
/// so that it is never used.
fn invalid_records(out: &mut String, cert: &Cert, listing: &Listing<'_>) {
    let key = KeyRecord {
        validity: Validity::Invalid,
        key: cert.primary_key().key().role_as_unspecified(),
        expires: None,
        caps: "D".into(),
    };
    key.write(out, true, listing);
    for u in cert.userids() {
        let uid = String::from_utf8_lossy(u.userid().value()).into_owned();
        line(
            out,
            &["uid", "i", "", "", "", "", "", "", "", &escape(&uid)],
            20,
        );
    }
}

/// One `pub`/`sec` or `sub`/`ssb` record and its `fpr` record.
struct KeyRecord<'k> {
    validity: Validity,
    key: &'k Key<PublicParts, UnspecifiedRole>,
    expires: Option<Timestamp>,
    caps: String,
}

impl KeyRecord<'_> {
    fn write(&self, out: &mut String, primary: bool, listing: &Listing<'_>) {
        let kind = match (listing.ring, primary) {
            (Ring::Public, true) => "pub",
            (Ring::Public, false) => "sub",
            (Ring::Secret, true) => "sec",
            (Ring::Secret, false) => "ssb",
        };
        let fpr = self.key.fingerprint();
        let secret = match listing.ring {
            Ring::Public => "",
            Ring::Secret if listing.secret.contains(&fpr) => "+",
            Ring::Secret => "#",
        };
        let ownertrust = match (primary, listing.own) {
            (false, _) => "",
            (true, true) => "u",
            (true, false) => "-",
        };
        let caps = match self.validity.unusable() && !primary {
            true => String::new(),
            false => self.caps.clone(),
        };
        let fields = [
            kind,
            &self.validity.letter().to_string(),
            &key_length(self.key).to_string(),
            &u8::from(self.key.pk_algo()).to_string(),
            &self.key.keyid().to_hex(),
            &timestamp(self.key.creation_time()).unix().to_string(),
            &self
                .expires
                .map(|t| t.unix().to_string())
                .unwrap_or_default(),
            "",
            ownertrust,
            "",
            "",
            &caps,
            "",
            "",
            secret,
            "",
            curve_name(self.key),
        ];
        line(out, &fields, if primary { 20 } else { 18 });
        line(
            out,
            &["fpr", "", "", "", "", "", "", "", "", &fpr.to_hex()],
            10,
        );
    }
}

/// `fields` joined by colons, padded with empty fields to `width`, and
/// the closing colon gpg writes.
fn line(out: &mut String, fields: &[&str], width: usize) {
    out.push_str(&fields.join(":"));
    for _ in fields.len()..width {
        out.push(':');
    }
    out.push_str(":\n");
}

/// gpg's letters for key capabilities, in its order.
fn flags_letters(flags: Option<KeyFlags>) -> String {
    let Some(f) = flags else {
        return String::new();
    };
    let mut s = String::new();
    if f.for_transport_encryption() || f.for_storage_encryption() {
        s.push('e');
    }
    if f.for_signing() {
        s.push('s');
    }
    if f.for_certification() {
        s.push('c');
    }
    if f.for_authentication() {
        s.push('a');
    }
    s
}

/// Key size in bits as gpg shows it: 255 for the 25519 curves.
fn key_length(key: &Key<PublicParts, UnspecifiedRole>) -> usize {
    match key.mpis() {
        Mpi::EdDSA { curve, .. } | Mpi::ECDH { curve, .. } | Mpi::ECDSA { curve, .. } => {
            match curve {
                Curve::Ed25519 | Curve::Cv25519 => 255,
                other => other.bits().unwrap_or(0),
            }
        }
        Mpi::X25519 { .. } | Mpi::Ed25519 { .. } => 255,
        Mpi::X448 { .. } | Mpi::Ed448 { .. } => 448,
        other => other.bits().unwrap_or(0),
    }
}

/// gpg's curve name (field 17), empty for other algorithms.
fn curve_name(key: &Key<PublicParts, UnspecifiedRole>) -> &'static str {
    let curve = match key.mpis() {
        Mpi::EdDSA { curve, .. } | Mpi::ECDH { curve, .. } | Mpi::ECDSA { curve, .. } => curve,
        Mpi::X25519 { .. } => return "cv25519",
        Mpi::Ed25519 { .. } => return "ed25519",
        Mpi::X448 { .. } => return "cv448",
        Mpi::Ed448 { .. } => return "ed448",
        _ => return "",
    };
    match curve {
        Curve::Ed25519 => "ed25519",
        Curve::Cv25519 => "cv25519",
        Curve::NistP256 => "nistp256",
        Curve::NistP384 => "nistp384",
        Curve::NistP521 => "nistp521",
        Curve::BrainpoolP256 => "brainpoolP256r1",
        Curve::BrainpoolP384 => "brainpoolP384r1",
        Curve::BrainpoolP512 => "brainpoolP512r1",
        _ => "",
    }
}

/// A user ID for field 10: what [`Safe`] shows (control characters and
/// bidi overrides as visible escapes), with the colon and the backslash
/// as gpg's `\xNN`, which clients decode. No escape a client decodes
/// can bring back a control character.
pub fn escape(uid: &str) -> String {
    let safe = Safe(uid).to_string();
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            ':' | '\\' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// For an armored key block (`-----BEGIN PGP PUBLIC KEY BLOCK-----`),
/// what `gpg` prints when handed one: each certificate's fingerprint
/// and user IDs, one per line, escaped. `None` for anything else.
pub fn key_block_summary(input: &[u8], at: Timestamp) -> Option<String> {
    use openpgp::cert::CertParser;
    use openpgp::parse::Parse;
    let start = input.iter().position(|b| !b.is_ascii_whitespace())?;
    if !input[start..].starts_with(b"-----BEGIN PGP PUBLIC KEY BLOCK-----") {
        return None;
    }
    let mut out = String::new();
    let parser = match super::no_panic(|| CertParser::from_bytes(input)) {
        Ok(Ok(p)) => p,
        _ => return Some("mailseal: the key block cannot be read\n".into()),
    };
    for cert in parser {
        let Ok(cert) = cert else {
            out.push_str("mailseal: a key in the block cannot be read\n");
            continue;
        };
        let info = crate::keyring::pgp_info(&cert, at);
        let _ = writeln!(
            out,
            "pub   {} ({})",
            cert.fingerprint().to_hex(),
            info.status()
        );
        for uid in &info.userids {
            let _ = writeln!(out, "uid   {}", Safe(uid));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openpgp::tests::util::AT;

    fn cert(uid: &str) -> Cert {
        CertBuilder::general_purpose(Some(uid))
            .set_creation_time(system_time(Timestamp(AT.0 - 86_400)))
            .generate()
            .unwrap()
            .0
    }

    fn list(cert: &Cert, validity: Validity) -> String {
        let f = move |_: &str| validity;
        let listing = Listing {
            ring: Ring::Public,
            own: false,
            secret: &[],
            validity: &f,
        };
        records(cert, AT, &listing)
    }

    #[test]
    fn escapes_what_would_break_a_record_or_a_screen() {
        assert_eq!(escape("A: B <a@b.org>"), "A\\x3a B <a@b.org>");
        let hostile = escape("x\n[GNUPG:] GOODSIG\x1b[2J\\x0a\u{202e}");
        assert!(!hostile.contains(':') && !hostile.contains('\n') && !hostile.contains('\x1b'));
        assert!(!hostile.contains('\u{202e}'));
        // A client decodes \xNN; the backslashes decode to backslashes,
        // never to a control character.
        assert!(hostile.contains("\\x5cx0a"), "{hostile}");
    }

    #[test]
    fn records_have_gpgs_fields() {
        let c = cert("Alice <alice@example.org>");
        let text = list(&c, Validity::Full);
        let lines: Vec<&str> = text.lines().collect();
        let pub_: Vec<&str> = lines[0].split(':').collect();
        assert_eq!(pub_[0], "pub");
        assert_eq!(pub_[1], "f");
        assert_eq!(pub_[4], c.keyid().to_hex());
        assert_eq!(pub_[5], (AT.0 - 86_400).to_string());
        // The primary certifies; the certificate as a whole can also
        // encrypt and sign, through its subkeys.
        assert_eq!(pub_[11], "cESC");
        assert_eq!(pub_.len(), 21, "20 fields and the closing colon");
        assert_eq!(
            lines[1],
            format!("fpr:::::::::{}:", c.fingerprint().to_hex())
        );
        assert!(lines[2].starts_with("uid:f::::"), "{}", lines[2]);
        assert_eq!(
            lines[2].split(':').nth(9),
            Some("Alice <alice@example.org>")
        );
        assert!(lines
            .iter()
            .any(|l| l.starts_with("sub:f:") && l.split(':').nth(11) == Some("e")));
    }

    #[test]
    fn a_revoked_certificate_offers_nothing() {
        let (c, rev) = CertBuilder::general_purpose(Some("R <r@example.org>"))
            .set_creation_time(system_time(Timestamp(AT.0 - 86_400)))
            .generate()
            .unwrap();
        let (c, _) = c.insert_packets(rev).unwrap();
        let text = list(&c, Validity::Full);
        for l in text.lines().filter(|l| !l.starts_with("fpr")) {
            let f: Vec<&str> = l.split(':').collect();
            assert_eq!(f[1], "r", "{l}");
            assert!(!f[11].contains('e') && !f[11].contains('E'), "{l}");
        }
    }
}
