//! gpg's status lines (`--status-fd N`; GnuPG's doc/DETAILS, "Format of
//! the status codes"), for mail clients that read them: neomutt and mutt
//! take a signature as good when a line matches `pgp_good_sign`
//! (`^\[GNUPG:\] GOODSIG`) and a decryption as done after
//! DECRYPTION_OKAY.
//!
//! What gpg says and what we say differ in one place, on purpose: gpg
//! writes GOODSIG (and VALIDSIG) for every signature that matches its
//! data, and leaves the signer's validity to a TRUST_* line that clients
//! do not read. Here GOODSIG and VALIDSIG mean "good and trusted" (the
//! verdict `mailseal verify` gives exit 0 for). A good signature that is
//! not trusted gets NEWSIG and the TRUST_* line for its binding, and a
//! signature that cannot be trusted for its digest (SHA-1) or cannot be
//! checked gets ERRSIG: lines gpg itself writes, none of which a client
//! takes for good.

use std::fs::File;
use std::io::Write;

use sequoia_openpgp::{Fingerprint, KeyHandle, KeyID};

use crate::error::{Error, ExitCode, Result};
use crate::openpgp::{KeyState, SigCheck};
use crate::safe::Safe;
use crate::trust::verdict::{Basis, SigStatus, Signature, TrustLevel};

/// Where status lines go.
pub struct StatusFd {
    sink: Option<Sink>,
}

enum Sink {
    Stdout,
    Stderr,
    File(File),
}

impl StatusFd {
    /// The descriptor `--status-fd N` names: 1 standard output, 2
    /// standard error, any other one inherited from the caller; `None`:
    /// no status lines. A descriptor that is not open is an error.
    pub fn open(fd: Option<i32>) -> Result<Self> {
        let sink = match fd {
            None => None,
            Some(1) => Some(Sink::Stdout),
            Some(2) => Some(Sink::Stderr),
            Some(n) => Some(Sink::File(open_fd(n)?)),
        };
        Ok(StatusFd { sink })
    }

    /// Writes `[GNUPG:] KEYWORD ARGS`. A reader that went away is not
    /// our failure.
    pub fn line(&mut self, keyword: &str, args: &str) {
        let text = match args.is_empty() {
            true => format!("[GNUPG:] {keyword}\n"),
            false => format!("[GNUPG:] {keyword} {args}\n"),
        };
        let _ = match &mut self.sink {
            None => Ok(()),
            Some(Sink::Stdout) => std::io::stdout().lock().write_all(text.as_bytes()),
            Some(Sink::Stderr) => std::io::stderr().lock().write_all(text.as_bytes()),
            Some(Sink::File(f)) => f.write_all(text.as_bytes()),
        };
    }

    /// Whether the lines go to standard output.
    pub fn is_stdout(&self) -> bool {
        matches!(self.sink, Some(Sink::Stdout))
    }
}

#[cfg(unix)]
fn open_fd(n: i32) -> Result<File> {
    // /dev/fd/N reaches an inherited descriptor without unsafe code.
    let path = format!("/dev/fd/{n}");
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .map_err(|e| {
            Error::Usage(format!(
                "--status-fd {n}: cannot write status lines to file descriptor {n}: {e}"
            ))
        })
}

#[cfg(not(unix))]
fn open_fd(n: i32) -> Result<File> {
    Err(Error::Usage(format!(
        "--status-fd {n}: only 1 and 2 are supported here"
    )))
}

/// What one signature comes to for a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Good and trusted: GOODSIG, exit 0.
    Good,
    /// Good, but not trusted: no GOODSIG, exit 3.
    Untrusted,
    /// Does not match, or the key is revoked: BADSIG, exit 1.
    Bad,
    /// Cannot be checked (unknown key, weak digest, unusable key):
    /// ERRSIG, exit 2.
    Error,
}

impl Outcome {
    pub fn of(s: &Signature) -> Outcome {
        match (s.status, s.exit_code()) {
            (SigStatus::Bad, _) | (_, ExitCode::Failed) => Outcome::Bad,
            (SigStatus::Error, _) => Outcome::Error,
            (SigStatus::Good, ExitCode::Ok) => Outcome::Good,
            (SigStatus::Good, _) => Outcome::Untrusted,
        }
    }

    /// gpg's exit codes (0 good, 1 bad, 2 error), and mailseal's 3 for
    /// a good signature that is not trusted, which gpg would exit 0 for:
    /// a client that goes by the exit code alone must not take it for
    /// good either.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Good => ExitCode::Ok,
            Outcome::Untrusted => ExitCode::Untrusted,
            Outcome::Bad => ExitCode::Failed,
            Outcome::Error => ExitCode::Usage,
        }
    }
}

/// The status lines for one signature: `check` as the protocol found
/// it, `judged` as the trust model judged it (the address it was judged
/// for first in `signer.emails`). Returns the outcome.
pub fn signature(out: &mut StatusFd, check: &SigCheck, judged: &Signature) -> Outcome {
    let outcome = Outcome::of(judged);
    let keyid = signing_keyid(check);
    out.line("NEWSIG", "");
    match outcome {
        Outcome::Good => {
            out.line("GOODSIG", &format!("{keyid} {}", user_id(check, judged)));
            out.line("VALIDSIG", &validsig(check));
            let level = match judged.trust.basis {
                Basis::OwnKey => "TRUST_ULTIMATE",
                _ => "TRUST_FULLY",
            };
            out.line(level, &trust_args(judged));
        }
        Outcome::Bad => out.line("BADSIG", &format!("{keyid} {}", user_id(check, judged))),
        Outcome::Error => {
            out.line("ERRSIG", &errsig(check, judged, &keyid));
            if check.key_state == KeyState::Unknown && check.signer.is_none() {
                out.line("NO_PUBKEY", &keyid);
            }
        }
        Outcome::Untrusted => {
            let level = match judged.trust.level {
                _ if judged.weak_digest => "TRUST_NEVER",
                TrustLevel::Marginal => "TRUST_MARGINAL",
                TrustLevel::Untrusted => "TRUST_NEVER",
                _ => "TRUST_UNDEFINED",
            };
            out.line(level, &trust_args(judged));
        }
    }
    outcome
}

/// The long key ID of the key that made the signature, else of the
/// issuer it names.
fn signing_keyid(check: &SigCheck) -> String {
    let handle = match (&check.key_fingerprint, &check.issuer) {
        (Some(f), _) => KeyHandle::from(f.clone()),
        (None, Some(h)) => h.clone(),
        (None, None) => return "0000000000000000".into(),
    };
    KeyID::from(&handle).to_hex()
}

/// The user ID of the address the signature was judged for (else the
/// first one), escaped: control characters cannot forge a line, and `%`
/// is written as gpg's `%25`.
fn user_id(check: &SigCheck, judged: &Signature) -> String {
    let Some(cert) = &check.signer else {
        return "[?]".into();
    };
    let first = judged.signer.as_ref().and_then(|s| s.emails.first());
    let uid = cert
        .userids()
        .find(|u| {
            first.is_some()
                && crate::openpgp::userid::email_normalized(u.userid()).as_ref() == first
        })
        .or_else(|| cert.userids().next());
    match uid {
        Some(u) => text(&String::from_utf8_lossy(u.userid().value())),
        None => "[?]".into(),
    }
}

/// `<mode> <mbox>` of a TRUST_* line: the model, and the address the
/// binding is judged for.
fn trust_args(judged: &Signature) -> String {
    match judged.signer.as_ref().and_then(|s| s.emails.first()) {
        Some(e) => format!("0 pgp {}", text(e)),
        None => "0 pgp".into(),
    }
}

/// `<fpr> <date> <time> <expires> <version> 0 <pk-algo> <hash-algo>
/// <class> <primary-fpr>`.
fn validsig(check: &SigCheck) -> String {
    let fpr = check
        .key_fingerprint
        .as_ref()
        .map(Fingerprint::to_hex)
        .unwrap_or_default();
    let primary = check
        .signer_fingerprint
        .as_ref()
        .map(Fingerprint::to_hex)
        .unwrap_or_default();
    let (date, time) = signed(check);
    let version = if fpr.len() == 64 { 6 } else { 4 };
    format!(
        "{fpr} {date} {time} 0 {version} 0 {} {} {} {primary}",
        pk_algo(check),
        hash_algo(check),
        class(check)
    )
}

/// `<keyid> <pk-algo> <hash-algo> <class> <time> <rc> <fpr>`, where rc
/// is gpg's error code: 9 no public key, 5 a digest algorithm that is
/// refused, 1 anything else.
fn errsig(check: &SigCheck, judged: &Signature, keyid: &str) -> String {
    let rc = if check.signer.is_none() && check.key_state == KeyState::Unknown {
        9
    } else if judged.weak_digest {
        5
    } else {
        1
    };
    let fpr = match (&check.signer_fingerprint, &check.issuer) {
        (Some(f), _) => f.to_hex(),
        (None, Some(KeyHandle::Fingerprint(f))) => f.to_hex(),
        _ => "-".into(),
    };
    let (_, time) = signed(check);
    format!(
        "{keyid} {} {} {} {time} {rc} {fpr}",
        pk_algo(check),
        hash_algo(check),
        class(check)
    )
}

fn signed(check: &SigCheck) -> (String, u64) {
    match check.signed_at {
        Some(t) => (t.to_string().chars().take(10).collect(), t.unix()),
        None => ("1970-01-01".into(), 0),
    }
}

fn pk_algo(check: &SigCheck) -> u8 {
    check.pk_algo.map(u8::from).unwrap_or(0)
}

fn hash_algo(check: &SigCheck) -> u8 {
    check.hash_algo.map(u8::from).unwrap_or(0)
}

fn class(check: &SigCheck) -> String {
    format!("{:02x}", check.sig_type.map(u8::from).unwrap_or(0))
}

/// Text from a certificate for a status line.
fn text(s: &str) -> String {
    Safe(s).to_string().replace('%', "%25")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_forge_a_line() {
        let t = text("A\n[GNUPG:] GOODSIG 100%");
        assert!(!t.contains('\n'));
        assert_eq!(t, "A\\n[GNUPG:] GOODSIG 100%25");
    }

    #[test]
    fn only_good_and_trusted_exits_0() {
        use crate::trust::verdict::{Covers, Role, Trust};
        let mut s = Signature::new(SigStatus::Good, Trust::none("unknown"), Covers::Whole);
        s.role = Role::AlsoSigned;
        assert_eq!(Outcome::of(&s), Outcome::Untrusted);
        s.trust.level = TrustLevel::Full;
        assert_eq!(Outcome::of(&s), Outcome::Good);
        s.weak_digest = true;
        assert_eq!(Outcome::of(&s), Outcome::Untrusted);
        s.status = SigStatus::Bad;
        assert_eq!(Outcome::of(&s).exit_code(), ExitCode::Failed);
    }
}
