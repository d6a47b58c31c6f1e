//! `mailseal trust ...`

use std::fmt::Write;

use x509_cert::Certificate;

use super::io;
use crate::cli::{AnchorCommand, TrustCommand};
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::cert;

pub fn dispatch(ctx: &Ctx, cmd: TrustCommand) -> Result<ExitCode> {
    match cmd {
        TrustCommand::Anchor(AnchorCommand::Add { file, domains }) => {
            let bytes = io::read_input(Some(&file))?;
            let c = parse_certificate(&bytes)?;
            let anchor = ctx.keyring()?.add_anchor(&c, &domains)?;
            if ctx.verbosity >= 0 {
                let scope = if anchor.domains.is_empty() {
                    "all domains".to_string()
                } else {
                    anchor.domains.join(", ")
                };
                eprintln!(
                    "trust anchor added: {} ({}) for {}",
                    Safe(&cert::subject(&c)),
                    anchor.fingerprint,
                    Safe(&scope)
                );
            }
            Ok(ExitCode::Ok)
        }
        TrustCommand::Anchor(AnchorCommand::List) => list_anchors(ctx),
        TrustCommand::Root(args) => super::pin::root(ctx, args),
        TrustCommand::Pin(args) => super::pin::pin(ctx, args),
        TrustCommand::Check { id } => super::check::dispatch(ctx, &id),
        TrustCommand::Anchor(AnchorCommand::Remove { query }) => {
            if ctx.keyring()?.remove_anchor(&query)? == 0 {
                return Err(Error::KeyNotFound {
                    what: "trust anchor",
                    query,
                });
            }
            Ok(ExitCode::Ok)
        }
    }
}

/// One certificate, PEM (any line length) or DER.
fn parse_certificate(bytes: &[u8]) -> Result<Certificate> {
    crate::keyring::read_certificate(bytes)
}

fn list_anchors(ctx: &Ctx) -> Result<ExitCode> {
    let anchors = ctx.keyring()?.anchors()?;
    let text = if ctx.json() {
        let rows: Vec<serde_json::Value> = anchors
            .iter()
            .map(|a| {
                serde_json::json!({
                    "fingerprint": a.fingerprint,
                    "subject": cert::subject(&a.cert),
                    "domains": a.domains,
                })
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
    } else {
        anchors.iter().fold(String::new(), |mut out, a| {
            let scope = if a.domains.is_empty() {
                "all domains".into()
            } else {
                a.domains.join(", ")
            };
            let _ = writeln!(
                out,
                "anchor  {}\n        {}\n        for: {}",
                a.fingerprint,
                Safe(&cert::subject(&a.cert)),
                Safe(&scope)
            );
            out
        })
    };
    emit(Stream::Stdout, &text);
    Ok(ExitCode::Ok)
}
