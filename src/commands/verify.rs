//! `mailseal verify`: one message, or every message in files,
//! directories, Maildirs and mbox files (checked in parallel).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::io;
use crate::cli::VerifyArgs;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mailbox;
use crate::message::verify_message;
use crate::policy::Policy;
use crate::report::{self, Stream};
use crate::safe::Safe;
use crate::trust::verdict::{Role, Signature, Verdict};
use crate::trust::TrustData;

pub fn dispatch(ctx: &Ctx, args: VerifyArgs) -> Result<ExitCode> {
    let Some(input) = single_input(&args.paths)? else {
        if args.output.is_some() {
            return Err(one_message_only());
        }
        return verify_batch(ctx, &args.paths, args.no_learn);
    };
    // Read exactly once, and tell a message from an mbox by the bytes
    // read: a pipe, a FIFO or `/dev/fd/N` gives its bytes only once.
    let raw = io::read_input(input.as_deref())?;
    let name = input.map(|p| p.display().to_string());
    if !mailbox::is_mbox(&raw) {
        return verify_one(ctx, &raw, name, args.output.as_deref(), args.no_learn);
    }
    if args.output.is_some() {
        return Err(one_message_only());
    }
    let name = name.unwrap_or_else(|| "-".into());
    verify_sources(ctx, mailbox::sources(name, raw), args.no_learn)
}

fn one_message_only() -> Error {
    Error::Usage("-o works with one message only".into())
}

/// `Some(path)` (None meaning stdin) when the arguments name one input
/// that is not a directory: a message or an mbox, which only its bytes
/// tell apart. `None` for batch mode. Only `stat` is used here, which
/// reads nothing from a pipe.
fn single_input(paths: &[PathBuf]) -> Result<Option<Option<PathBuf>>> {
    match paths {
        [] => Ok(Some(None)),
        [one] if one == Path::new("-") => Ok(Some(None)),
        [one] => {
            let meta = std::fs::metadata(one).map_err(|e| Error::io(one, e))?;
            Ok((!meta.is_dir()).then(|| Some(one.clone())))
        }
        _ => Ok(None),
    }
}

fn verify_one(
    ctx: &Ctx,
    raw: &[u8],
    name: Option<String>,
    output: Option<&Path>,
    no_learn: bool,
) -> Result<ExitCode> {
    let trust = super::received_mail_trust(ctx, no_learn)?;
    let policy = ctx.config()?.policy;
    let verified = verify_message(&trust, &policy, raw, name)?;
    super::save_received(ctx, &trust);
    if let (Some(out), Some(content)) = (output, &verified.content) {
        if verified.verdict.exit_code() != ExitCode::Failed {
            io::write_output(Some(out), content)?;
        }
    }
    report::verdict(ctx, &verified.verdict, Stream::Stdout);
    Ok(verified.verdict.exit_code())
}

/// The messages of one mbox already read (from a file or a pipe), checked
/// as [`verify_batch`] checks files.
fn verify_sources(ctx: &Ctx, sources: Vec<mailbox::Source>, no_learn: bool) -> Result<ExitCode> {
    let trust = super::received_mail_trust(ctx, no_learn)?;
    let policy = ctx.config()?.policy;
    let progress = progress_bar(ctx, sources.len());
    let verdicts: Vec<Verdict> = sources
        .into_par_iter()
        .map(|s| {
            let v = verify_source(&trust, &policy, s);
            progress.inc(1);
            v
        })
        .collect();
    progress.finish_and_clear();
    super::save_received(ctx, &trust);
    print_batch(ctx, &verdicts);
    Ok(worst(&verdicts))
}

fn worst(verdicts: &[Verdict]) -> ExitCode {
    verdicts
        .iter()
        .map(Verdict::exit_code)
        .fold(ExitCode::Ok, ExitCode::worst)
}

/// Checks every message, never stopping at a bad one; exits with the
/// worst code.
fn verify_batch(ctx: &Ctx, paths: &[PathBuf], no_learn: bool) -> Result<ExitCode> {
    let files = mailbox::files(paths)?;
    let trust = super::received_mail_trust(ctx, no_learn)?;
    let policy = ctx.config()?.policy;
    let progress = progress_bar(ctx, files.len());
    let verdicts: Vec<Verdict> = files
        .par_iter()
        .flat_map_iter(|f| {
            let v = verify_file(&trust, &policy, f);
            progress.inc(1);
            v
        })
        .collect();
    progress.finish_and_clear();
    super::save_received(ctx, &trust);
    print_batch(ctx, &verdicts);
    Ok(worst(&verdicts))
}

fn verify_file(trust: &TrustData, policy: &Policy, path: &Path) -> Vec<Verdict> {
    match mailbox::read(path) {
        Ok(sources) => sources
            .into_iter()
            .map(|s| verify_source(trust, policy, s))
            .collect(),
        Err(e) => vec![error_verdict(path.display().to_string(), &e)],
    }
}

fn verify_source(trust: &TrustData, policy: &Policy, s: mailbox::Source) -> Verdict {
    match verify_message(trust, policy, &s.bytes, Some(s.name.clone())) {
        Ok(v) => v.verdict,
        Err(e) => error_verdict(s.name, &e),
    }
}

fn error_verdict(name: String, e: &Error) -> Verdict {
    let mut v = Verdict::new(Some(name));
    v.error = Some(e.to_string());
    v.conclude();
    v.exit = e.exit_code().code();
    v
}

fn progress_bar(ctx: &Ctx, len: usize) -> indicatif::ProgressBar {
    if ctx.json() || ctx.verbosity < 0 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    indicatif::ProgressBar::new(len as u64)
}

fn print_batch(ctx: &Ctx, verdicts: &[Verdict]) {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut text = String::new();
    for v in verdicts {
        *counts.entry(v.verdict.name()).or_default() += 1;
        if ctx.json() {
            text.push_str(&serde_json::to_string(v).unwrap_or_default());
            text.push('\n');
        } else if ctx.verbosity >= 0 || v.exit != 0 {
            text.push_str(&table_row(v));
        }
    }
    let summary = counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    let summary = format!("{} messages: {summary}\n", verdicts.len());
    report::emit(Stream::Stdout, &text);
    if ctx.json() {
        report::emit(Stream::Stderr, &summary);
    } else {
        report::emit(Stream::Stdout, &summary);
    }
}

/// `verdict  exit  path  who-or-why`, one line: the signature that
/// decided the verdict (the worst one; the author's when all are alike),
/// or the warning that lowered it.
fn table_row(v: &Verdict) -> String {
    let rank = |s: &&Signature| {
        let code = s.exit_code();
        (
            code != ExitCode::Ok,
            code == ExitCode::Failed,
            s.role == Role::Author,
        )
    };
    let lowering = v.warnings.iter().find(|w| w.lowers);
    let detail = v
        .error
        .clone()
        .or_else(|| {
            v.signatures.iter().max_by_key(rank).map(|s| {
                let who = s
                    .signer
                    .as_ref()
                    .and_then(|sg| sg.emails.first().cloned())
                    .unwrap_or_default();
                match (&s.reason, lowering) {
                    (_, Some(w)) if s.exit_code() == ExitCode::Ok => format!("{who}: {}", w.text),
                    (Some(r), _) => format!("{who}: {r}"),
                    (None, _) => who,
                }
            })
        })
        .or_else(|| lowering.map(|w| w.text.clone()))
        .or_else(|| v.hint.clone())
        .unwrap_or_default();
    format!(
        "{:<9} {}  {}  {}\n",
        v.verdict.name(),
        v.exit,
        Safe(v.path.as_deref().unwrap_or("-")),
        Safe(&detail)
    )
}
