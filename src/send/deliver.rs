//! Handing the message to the delivery command.

use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

use crate::error::{Error, Result};
use crate::safe::Safe;

/// How the delivery command ended: its exit code, or 128 + N when signal
/// N ended it (as a shell reports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub code: i32,
}

/// Runs `command` (program and arguments, no shell) with `message` on its
/// standard input, its standard output and error those of this process.
/// A command that cannot be started is [`Error::NotSent`]; one that
/// ends without reading the whole message but says it succeeded is an
/// error too (the message may not have gone out whole).
pub fn deliver(command: &[String], message: &[u8]) -> Result<Delivered> {
    let Some((program, args)) = command.split_first() else {
        return Err(Error::Usage(
            "no command to hand the message to, e.g. `mailseal send -- /usr/sbin/sendmail -oi -t`"
                .into(),
        ));
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| Error::NotSent {
            command: Safe(program).to_string(),
            source: Box::new(Error::io(program, e)),
        })?;
    // Dropping the pipe after writing closes it: the command sees the end.
    let written = child.stdin.take().map(|mut pipe| pipe.write_all(message));
    let status = child.wait().map_err(|e| Error::io(program, e))?;
    let code = exit_code(status);
    match written {
        Some(Err(e)) if code == 0 => Err(Error::Io {
            path: program.into(),
            source: std::io::Error::new(
                e.kind(),
                format!("it exited 0 without reading the whole message ({e})"),
            ),
        }),
        _ => Ok(Delivered { code }),
    }
}

/// The exit code, or as a shell reports a death by signal N: 128 + N.
fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_exit_code_passes_through_and_a_signal_counts_as_a_shell_counts_it() {
        let run = |script: &str| {
            deliver(&args(&["/bin/sh", "-c", script]), b"x")
                .unwrap()
                .code
        };
        assert_eq!(run("cat >/dev/null; exit 75"), 75);
        assert_eq!(run("cat >/dev/null"), 0);
        assert_eq!(run("kill -TERM $$"), 128 + 15);
        let err = deliver(&args(&["/nonexistent/sendmail"]), b"x").unwrap_err();
        assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
    }
}
