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
    if let Some(list) = &args.paths_from {
        return verify_batch(ctx, Work::List(work_list(list)?), args.no_learn);
    }
    let Some(input) = single_input(&args.paths)? else {
        if args.output.is_some() {
            return Err(one_message_only());
        }
        return verify_batch(ctx, Work::Arguments(args.paths), args.no_learn);
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

/// The paths of a work list: one per line (LF or CRLF), empty lines
/// skipped, any bytes but NUL (a path is taken as it is, not trimmed).
fn work_list(list: &Path) -> Result<Vec<PathBuf>> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = io::read_input(Some(list))?;
    let mut paths = Vec::new();
    for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        if line.contains(&0) {
            return Err(Error::Usage(format!(
                "{}: line {} of the work list is not a path (it holds a NUL byte)",
                Safe(&list.display().to_string()),
                n + 1
            )));
        }
        paths.push(PathBuf::from(std::ffi::OsStr::from_bytes(line)));
    }
    Ok(paths)
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

/// One message's verdict in a batch, with its place in an mbox.
struct Checked {
    verdict: Verdict,
    place: Option<mailbox::MboxPlace>,
}

/// A JSON line of a batch: the verdict, and for a message inside an mbox
/// its place (`mbox`: file, index, offset), so that the lines of runs over
/// different shards of a work list merge into those of one run.
#[derive(serde::Serialize)]
struct BatchLine<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    mbox: Option<&'a mailbox::MboxPlace>,
}

/// The messages of one mbox already read (from a file or a pipe), checked
/// as [`verify_batch`] checks files.
fn verify_sources(ctx: &Ctx, sources: Vec<mailbox::Source>, no_learn: bool) -> Result<ExitCode> {
    let trust = super::received_mail_trust(ctx, no_learn)?;
    let policy = ctx.config()?.policy;
    let progress = progress_bar(ctx, sources.len());
    let checked: Vec<Checked> = sources
        .into_par_iter()
        .map(|s| {
            let v = verify_source(&trust, &policy, s);
            progress.inc(1);
            v
        })
        .collect();
    progress.finish_and_clear();
    super::save_received(ctx, &trust);
    print_batch(ctx, &checked);
    Ok(worst(&checked))
}

fn worst(checked: &[Checked]) -> ExitCode {
    checked
        .iter()
        .map(|c| c.verdict.exit_code())
        .fold(ExitCode::Ok, ExitCode::worst)
}

/// Where a batch takes its messages from.
enum Work {
    /// Paths from the command line: a path that cannot be read stops the
    /// run before anything is checked (a typo is a usage error).
    Arguments(Vec<PathBuf>),
    /// A work list (`--paths-from`): each entry is checked on its own; one
    /// that cannot be read is a result line with exit 2, and the run goes on.
    List(Vec<PathBuf>),
}

/// Checks every message, never stopping at a bad one; exits with the
/// worst code.
fn verify_batch(ctx: &Ctx, work: Work, no_learn: bool) -> Result<ExitCode> {
    // Each entry of a work list expands on its own, in list order.
    let entries: Vec<std::result::Result<PathBuf, Checked>> = match work {
        Work::Arguments(paths) => mailbox::files(&paths)?.into_iter().map(Ok).collect(),
        Work::List(paths) => paths
            .iter()
            .flat_map(|p| match mailbox::files(std::slice::from_ref(p)) {
                Ok(files) => files.into_iter().map(Ok).collect(),
                Err(e) => vec![Err(error_checked(p.display().to_string(), &e))],
            })
            .collect(),
    };
    let trust = super::received_mail_trust(ctx, no_learn)?;
    let policy = ctx.config()?.policy;
    let progress = progress_bar(ctx, entries.len());
    let checked: Vec<Checked> = entries
        .into_par_iter()
        .flat_map_iter(|entry| {
            let v = match entry {
                Ok(file) => verify_file(&trust, &policy, &file),
                Err(unreadable) => vec![unreadable],
            };
            progress.inc(1);
            v
        })
        .collect();
    progress.finish_and_clear();
    super::save_received(ctx, &trust);
    print_batch(ctx, &checked);
    Ok(worst(&checked))
}

fn verify_file(trust: &TrustData, policy: &Policy, path: &Path) -> Vec<Checked> {
    match mailbox::read(path) {
        Ok(sources) => sources
            .into_iter()
            .map(|s| verify_source(trust, policy, s))
            .collect(),
        Err(e) => vec![error_checked(path.display().to_string(), &e)],
    }
}

fn verify_source(trust: &TrustData, policy: &Policy, s: mailbox::Source) -> Checked {
    let verdict = match verify_message(trust, policy, &s.bytes, Some(s.name.clone())) {
        Ok(v) => v.verdict,
        Err(e) => error_verdict(s.name, &e),
    };
    Checked {
        verdict,
        place: s.place,
    }
}

fn error_checked(name: String, e: &Error) -> Checked {
    Checked {
        verdict: error_verdict(name, e),
        place: None,
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

fn print_batch(ctx: &Ctx, checked: &[Checked]) {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut text = String::new();
    for c in checked {
        let v = &c.verdict;
        *counts.entry(v.verdict.name()).or_default() += 1;
        if ctx.json() {
            let line = BatchLine {
                verdict: v,
                mbox: c.place.as_ref(),
            };
            text.push_str(&serde_json::to_string(&line).unwrap_or_default());
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
    let summary = format!("{} messages: {summary}\n", checked.len());
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
