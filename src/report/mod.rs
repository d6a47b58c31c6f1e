//! Reports: the verdict as plain lines or as JSON.

pub mod human;

use std::io::Write;

use crate::ctx::Ctx;
use crate::trust::verdict::Verdict;

/// Where a report goes: stdout when the command has no other output,
/// stderr when the message itself goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Prints one verdict as JSON (one line) or as human-readable lines.
pub fn verdict(ctx: &Ctx, v: &Verdict, stream: Stream) {
    let text = if ctx.json() {
        serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
    } else if ctx.verbosity < 0 && v.exit == 0 {
        return;
    } else {
        human::verdict(v, ctx.verbosity > 0)
    };
    emit(stream, &text);
}

/// Writes text to a stream, ignoring a closed pipe.
pub fn emit(stream: Stream, text: &str) {
    let _ = match stream {
        Stream::Stdout => std::io::stdout().lock().write_all(text.as_bytes()),
        Stream::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
    };
}
