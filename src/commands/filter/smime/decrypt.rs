//! `filter smime decrypt`: EnvelopedData or AuthEnvelopedData (DER, as
//! neomutt's $smime_decrypt_command gets it) to the MIME entity inside,
//! which neomutt then shows, checking any signature in it with
//! `filter smime verify`.
//!
//! Only authenticated content reaches standard output, by the rules of
//! `mailseal decrypt` (SPEC section 7): AuthEnvelopedData (AES-GCM),
//! whose tag proves the content unchanged; EnvelopedData (CBC) only when
//! the entity inside is signed and every signature on it is trusted
//! (judged for the signer's own address: neomutt does not say who the
//! sender is), or with `--legacy-cbc`. On any failure nothing is written
//! to standard output.

use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_ENVELOPED_DATA, ID_SIGNED_DATA};

use super::files;
use crate::cli::filter_smime::DecryptArgs;
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::report::{emit, Stream};
use crate::smime::ber;
use crate::smime::open::{self, Root};
use crate::trust::verdict::{Covers, Role};
use crate::trust::TrustData;

pub fn run(ctx: &Ctx, args: &DecryptArgs) -> Result<ExitCode> {
    let der = files::read_cms(&args.input)?;
    check_enveloped(&der)?;
    let decrypted = open::decrypt_enveloped(ctx, &der)?;
    let note = if decrypted.integrity_protected {
        None
    } else {
        let trust = crate::commands::received_mail_trust(ctx, false)?;
        let vouched = vouched(&trust, &decrypted.content);
        crate::commands::save_received(ctx, &trust);
        match (vouched, args.legacy_cbc) {
            (true, _) => Some("a trusted signature inside covers it"),
            (false, true) => Some("accepted because of --legacy-cbc: it may have been altered"),
            (false, false) => return Err(Error::Unauthenticated(decrypted.cipher)),
        }
    };
    io::write_output(None, &decrypted.content)?;
    if let Some(why) = note {
        emit(
            Stream::Stderr,
            &format!(
                "Note: this was encrypted without integrity protection ({}); {why}.\n",
                decrypted.cipher
            ),
        );
    }
    Ok(ExitCode::Ok)
}

/// Refuses what is not encrypted: a signature is for `verify`.
fn check_enveloped(der: &[u8]) -> Result<()> {
    match ber::content_type(der) {
        Some(t) if t == ID_ENVELOPED_DATA || t == ID_CT_AUTH_ENVELOPED_DATA => Ok(()),
        Some(t) if t == ID_SIGNED_DATA => Err(Error::NothingToDo(
            "nothing to decrypt: this is S/MIME signed data; check it with `mailseal filter \
             smime verify --sig FILE`"
                .into(),
        )),
        _ => Err(Error::malformed(
            "S/MIME input",
            "neither EnvelopedData nor AuthEnvelopedData",
        )),
    }
}

/// Whether the decrypted entity is signed, and every signature on it
/// good, trusted for its signer's own address and made with a strong
/// digest: only then does unauthenticated (CBC) content stand.
fn vouched(trust: &TrustData<'_>, entity: &[u8]) -> bool {
    let Ok(Root::Signed { sd, .. }) = open::root(trust, entity) else {
        return false;
    };
    let signatures = open::judge(trust, &sd, None, Covers::Whole, Role::AlsoSigned, 0);
    !signatures.is_empty() && signatures.iter().all(|s| s.exit_code() == ExitCode::Ok)
}
