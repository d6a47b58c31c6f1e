//! Reports: the verdict as plain lines or as JSON.

pub mod human;
pub mod status_fd;

use std::io::Write;

use crate::ctx::Ctx;
use crate::error::Error;
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

/// How a failed command reports its error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorForm {
    /// `error: ...`, `because: ...` and `hint: ...` lines on stderr.
    Human,
    /// One JSON object on the stream: `{"error": "...", "because":
    /// ["..."], "hint": "...", "exit": N}` (no hint when there is none).
    Json(Stream),
}

/// Prints a command's error in `form`.
pub fn error(e: &Error, form: ErrorForm) {
    let mut because = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        because.push(s.to_string());
        source = s.source();
    }
    let hint = e.hint();
    match form {
        ErrorForm::Human => {
            let mut text = format!("error: {e}\n");
            for b in &because {
                text.push_str(&format!("because: {b}\n"));
            }
            if let Some(h) = &hint {
                text.push_str(&format!("hint: {h}\n"));
            }
            emit(Stream::Stderr, &text);
        }
        ErrorForm::Json(stream) => {
            let mut object = serde_json::json!({
                "error": e.to_string(),
                "because": because,
                "exit": e.exit_code().code(),
            });
            if let Some(h) = hint {
                object["hint"] = serde_json::Value::from(h.into_owned());
            }
            emit(stream, &(object.to_string() + "\n"));
        }
    }
}

/// Writes text to a stream, ignoring a closed pipe.
pub fn emit(stream: Stream, text: &str) {
    let _ = match stream {
        Stream::Stdout => std::io::stdout().lock().write_all(text.as_bytes()),
        Stream::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
    };
}
