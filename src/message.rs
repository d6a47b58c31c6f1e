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
/// `application/pgp-...` type and inline PGP has armor. A quick scan
/// that spares S/MIME and plain messages a second MIME analysis.
fn may_be_openpgp(raw: &[u8]) -> bool {
    const ARMOR: &[u8] = b"-----BEGIN PGP";
    raw.iter().enumerate().any(|(i, &b)| match b {
        b'/' => raw
            .get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"pgp-")),
        b'-' => raw.get(i..i + ARMOR.len()) == Some(ARMOR),
        _ => false,
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
