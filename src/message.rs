//! Received messages of either protocol: which one protects the message,
//! and the verdict. OpenPGP (PGP/MIME or inline) is recognised first;
//! everything else goes to the S/MIME reader, which also reports
//! unsigned messages.

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::openpgp::{self, KeyringKeys};
use crate::smime;
use crate::trust::verdict::{Covers, Protocol, Verdict};
use crate::trust::TrustData;

pub use crate::smime::open::{DecryptOptions, Opened, Verified};

/// Verifies a whole message. `path` names it in the verdict.
pub fn verify_message(trust: &TrustData, raw: &[u8], path: Option<String>) -> Result<Verified> {
    if !may_be_openpgp(raw) {
        return smime::open::verify_message(trust, raw, path);
    }
    trust.prepare_openpgp();
    let keys = KeyringKeys::new(trust.keyring(), None);
    let report = openpgp::verify_message(raw, &keys, trust.at())?;
    if !report.openpgp {
        return smime::open::verify_message(trust, raw, path);
    }
    let verdict = openpgp::judge::verdict(trust, &report, path);
    let content = report
        .content
        .as_ref()
        .map(|c| crate::mime::join_entity(&report.headers, c));
    Ok(Verified { verdict, content })
}

/// Decrypts a message of either protocol and judges the signatures
/// inside.
pub fn decrypt_message(
    ctx: &Ctx,
    trust: &TrustData,
    raw: &[u8],
    opts: DecryptOptions,
) -> Result<Opened> {
    if !is_openpgp_encrypted(raw)? {
        return smime::open::decrypt_message(ctx, trust, raw, opts).map_err(|e| match e {
            Error::NothingToDo(_) => Error::NothingToDo(
                "nothing to decrypt: the message is neither S/MIME nor OpenPGP encrypted".into(),
            ),
            other => other,
        });
    }
    trust.prepare_openpgp();
    let keys = KeyringKeys::new(ctx.keyring()?, Some(&ctx.passphrase));
    let d = openpgp::decrypt_message(raw, &keys, ctx.at)?;
    let mut verdict = Verdict::new(None);
    openpgp::judge::fill_headers(&mut verdict, &d.inner.headers);
    let from = verdict.from.clone();
    let covers = match d.scope {
        openpgp::Scope::Whole => Covers::Whole,
        openpgp::Scope::Part(_) => Covers::Part,
    };
    verdict.signatures = d
        .signatures
        .iter()
        .map(|s| openpgp::judge::judge(trust, s, from.as_deref(), covers))
        .collect();
    verdict.signatures.extend(openpgp::judge::judge_parts(
        trust,
        &d.inner.signed,
        from.as_deref(),
    ));
    verdict.protocol = Some(Protocol::Openpgp);
    verdict.encrypted = true;
    verdict.integrity_protected = Some(true);
    verdict.conclude();
    if verdict.signatures.is_empty() {
        verdict.exit = 0;
    }
    Ok(Opened {
        message: d.message,
        verdict,
    })
}

/// Whether the message can hold OpenPGP at all: PGP/MIME names an
/// `application/pgp-...` type in a Content-Type field (perhaps on a folded
/// line) and inline PGP starts a line with armor (also in quoted-printable);
/// a base64-encoded root is always looked at properly. A scan of line starts
/// that spares S/MIME and plain messages a second MIME analysis.
fn may_be_openpgp(raw: &[u8]) -> bool {
    const FIELD: &[u8] = b"content-type:";
    const ENCODING: &[u8] = b"content-transfer-encoding:";
    let starts_ci = |line: &[u8], p: &[u8]| {
        line.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let has_ci = |line: &[u8], p: &[u8]| line.windows(p.len()).any(|w| w.eq_ignore_ascii_case(p));
    let mut in_top_header = true;
    raw.split(|&b| b == b'\n').any(|line| {
        if line.iter().all(|b| *b == b'\r') {
            in_top_header = false;
        }
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        line.starts_with(b"-----BEGIN PGP")
            || ((starts_ci(line, FIELD) || folded) && has_ci(line, b"/pgp-"))
            // A base64 text root may hide inline armor: look properly.
            || (in_top_header && starts_ci(line, ENCODING) && has_ci(line, b"base64"))
    })
}

fn is_openpgp_encrypted(raw: &[u8]) -> Result<bool> {
    let analysis = openpgp::analyze(raw)?;
    Ok(match analysis.root {
        Some(openpgp::Protected::Encrypted { .. }) => true,
        Some(openpgp::Protected::Inline { block, .. }) => {
            block.kind == openpgp::InlineKind::Message
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::may_be_openpgp;

    #[test]
    fn finds_every_place_openpgp_can_hide() {
        let folded = b"From: a\r\nContent-Type: multipart/signed;\r\n\tprotocol=\"application/PGP-signature\"\r\n\r\nx";
        assert!(may_be_openpgp(folded));
        let inline = b"From: a\r\n\r\nHello\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\n";
        assert!(may_be_openpgp(inline));
        let base64 =
            b"From: a\r\nContent-Transfer-Encoding: BASE64\r\n\r\nLS0tLS1CRUdJTiBQR1A=\r\n";
        assert!(may_be_openpgp(base64));
    }

    #[test]
    fn smime_and_plain_messages_are_not_openpgp() {
        let smime = b"From: a\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAG/pgp-abc\r\n";
        // The base64 root is looked at properly; its body line is not a field.
        assert!(may_be_openpgp(smime));
        let plain = b"From: a\r\nContent-Type: text/plain\r\n\r\nsee /pgp-notes and -----BEGIN PGP (quoted)\r\n";
        assert!(!may_be_openpgp(plain));
    }
}
