//! `filter smime verify`: a detached signature over a part, or an opaque
//! signature, as neomutt's $smime_verify_command and
//! $smime_verify_opaque_command run it.
//!
//! neomutt takes a signature as good when the first line the command
//! writes to standard error is "Verification successful" (openssl's
//! words) and its exit status is 0. That line is written only when
//! mailseal's verdict is trusted: every signature good, its signer's
//! certificate fully valid for one of the signer's own addresses (neomutt
//! does not say who the sender is; it checks the signer against From
//! afterwards through get-signer-cert, which gives it the signer only
//! when fully valid for the From address itself) and no weak digest. Anything else starts with "Verification failure"; the
//! lines after it name each signer and why, and neomutt shows them all.

use std::fmt::Write;

use super::files;
use crate::cli::filter_smime::VerifyArgs;
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::mime;
use crate::policy::signer_violations;
use crate::report::human::signer_line;
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::open;
use crate::trust::verdict::{Covers, Role, Signature};

/// The first line openssl writes for a good signature; neomutt compares
/// the first line with it, ignoring case.
pub const SUCCESS: &str = "Verification successful";
/// The first line for anything else.
pub const FAILURE: &str = "Verification failure";

pub fn run(ctx: &Ctx, args: &VerifyArgs) -> Result<ExitCode> {
    let signature = files::read_cms(&args.sig)?;
    // openssl reads the content as text and signs or checks it with CRLF
    // line ends; neomutt writes it so already.
    let content = match &args.content {
        Some(p) => Some(mime::to_crlf(&io::read_input(Some(p))?).into_owned()),
        None => None,
    };
    let trust = crate::commands::received_mail_trust(ctx, false)?;
    let sd = open::verify_signed(&trust, &signature, content.as_deref())?;
    let signatures = open::judge(&trust, &sd, None, Covers::Whole, Role::AlsoSigned, 0);
    crate::commands::save_received(ctx, &trust);
    let code = verdict(&signatures);
    let policy = ctx.config()?.policy;
    let mut words = report(&signatures, code);
    for s in &signatures {
        for broken in signer_violations(&policy, s) {
            let _ = writeln!(words, "{}", Safe(&broken));
        }
    }
    emit(Stream::Stderr, &words);
    // An opaque signature's content is shown unless a signature is bad;
    // the first line above says whether it can be believed. (neomutt
    // closes standard output for a detached signature: nothing goes
    // there.)
    if content.is_none() && code != ExitCode::Failed {
        io::write_output(None, &sd.content)?;
    }
    Ok(code)
}

/// The exit status: 0 only when every signature alone would be trusted.
fn verdict(signatures: &[Signature]) -> ExitCode {
    signatures
        .iter()
        .map(Signature::exit_code)
        .fold(ExitCode::Ok, ExitCode::worst)
}

/// openssl's first line, then one line per signature.
fn report(signatures: &[Signature], code: ExitCode) -> String {
    let mut out = String::new();
    out.push_str(if code == ExitCode::Ok && !signatures.is_empty() {
        SUCCESS
    } else {
        FAILURE
    });
    out.push('\n');
    for s in signatures {
        let _ = writeln!(out, "{}", signer_line(s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::verdict::{SigStatus, Trust};

    #[test]
    fn fail_no_signature_is_never_success() {
        assert!(report(&[], ExitCode::Ok).starts_with(FAILURE));
        let bad = Signature::new(SigStatus::Bad, Trust::none("x"), Covers::Whole);
        assert_eq!(verdict(&[bad]), ExitCode::Failed);
    }
}
