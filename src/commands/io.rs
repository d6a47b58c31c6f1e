//! Reading inputs and writing outputs so that a failed run leaves nothing
//! half-written behind: output goes to a hidden temporary file renamed
//! into place at the end; SIGTERM, SIGINT and SIGHUP remove it before the
//! process exits, and a run that was killed outright (SIGKILL, a crash)
//! has its temporary file removed by the next run writing the same file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::error::{Error, Result};

/// Inputs larger than this are refused rather than read into memory.
pub const MAX_INPUT: u64 = 4 << 30;

/// Reads a file, or standard input for `None` or `-`.
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>> {
    match path {
        None => read_stdin(),
        Some(p) if p == Path::new("-") => read_stdin(),
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
            // Sized up front: large messages are read without regrowing.
            let size = f.metadata().map(|m| m.len().min(MAX_INPUT)).unwrap_or(0);
            let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            f.take(MAX_INPUT)
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(p, e))?;
            Ok(buf)
        }
    }
}

/// Whether `path` names a file large enough that reading it is worth a
/// second thread (standard input: not known, so no).
pub fn is_large_file(path: Option<&Path>) -> bool {
    const LARGE: u64 = 256 * 1024;
    path.filter(|p| *p != Path::new("-"))
        .and_then(|p| std::fs::metadata(p).ok())
        .is_some_and(|m| m.is_file() && m.len() >= LARGE)
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io("<stdin>", e))?;
    Ok(buf)
}

/// Writes `data` to `path` through a temporary file in the same directory
/// that is renamed into place, or to standard output for `None` or `-`.
/// Callers produce the whole output before calling this, so an error
/// earlier in the run never leaves partial output.
pub fn write_output(path: Option<&Path>, data: &[u8]) -> Result<()> {
    write_output_with(path, |w| w.write_all(data))
}

/// [`write_output`] for output that `produce` writes in pieces (a large
/// message encoded as it is written). `produce` must not fail for reasons
/// of its own: everything that can go wrong is checked before.
pub fn write_output_with(
    path: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match path {
        Some(p) if p != Path::new("-") => write_atomic_with(p, false, produce),
        _ => {
            let mut out = std::io::stdout().lock();
            match produce(&mut out).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (e.g. `| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::io("<stdout>", e)),
            }
        }
    }
}

/// Writes a file atomically; `private` makes it mode 0600. A path that
/// exists and is not a regular file (`/dev/null`, a FIFO) is written
/// directly: there is nothing to replace.
pub fn write_atomic(path: &Path, data: &[u8], private: bool) -> Result<()> {
    write_atomic_with(path, private, |w| w.write_all(data))
}

/// [`write_atomic`] for output that `produce` writes in pieces.
fn write_atomic_with(
    path: &Path,
    private: bool,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| produce(&mut f))
            .map_err(|e| Error::io(path, e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(&dir, &name);
    let tmp = Temporary::register(dir.join(format!(".{name}.{}.tmp", std::process::id())));
    let tmp = tmp.path.as_path();
    let result = (|| {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut f = opts.open(tmp)?;
        produce(&mut f)?;
        f.sync_all()?;
        std::fs::rename(tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(tmp);
        Error::io(path, e)
    })
}

/// The temporary files this process is writing. Signals are delivered to
/// the whole process, so what their handler removes is kept in one place
/// for the process, not in a context.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary output file, removed by the signal handler while it is
/// registered (from before it is created until it is renamed or removed).
struct Temporary {
    path: PathBuf,
}

impl Temporary {
    fn register(path: PathBuf) -> Temporary {
        handle_signals();
        temporaries().push(path.clone());
        Temporary { path }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        temporaries().retain(|p| *p != self.path);
    }
}

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere does not make the list wrong.
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// From the first temporary file on, SIGTERM, SIGINT and SIGHUP remove
/// the registered temporary files and end the process with 128 + the
/// signal number, as a shell reports a process killed by it.
fn handle_signals() {
    static HANDLER: OnceLock<()> = OnceLock::new();
    HANDLER.get_or_init(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Without a handler the default action stays: still killed,
        // the file left for the next run to remove.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    for p in temporaries().iter() {
                        let _ = std::fs::remove_file(p);
                    }
                    std::process::exit(128 + signal);
                }
            });
    });
}

/// Removes the temporary files `.NAME.PID.tmp` for `name` in `dir` that
/// runs killed outright (SIGKILL, a crash, a power cut) left behind: those
/// whose process no longer runs, as `/proc` tells. Nothing else is
/// touched: not another output's, not a running process's, nothing that is
/// not a regular file. Without `/proc` nothing is removed.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let proc = Path::new("/proc");
    if name.is_empty() || !proc.join("self").exists() {
        return;
    }
    let own = std::process::id().to_string();
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let pid = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"));
        let Some(pid) = pid.filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        // Our own process id on a file we have not made yet: a process
        // that had this id before us left it.
        let gone = pid == own || !proc.join(pid).exists();
        if gone && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_large_regular_files_count_as_large() {
        let dir = tempfile::TempDir::new().unwrap();
        let (small, large) = (dir.path().join("small.eml"), dir.path().join("large.eml"));
        std::fs::write(&small, vec![b'a'; 256 * 1024 - 1]).unwrap();
        std::fs::write(&large, vec![b'a'; 256 * 1024]).unwrap();
        assert!(!is_large_file(Some(&small)));
        assert!(is_large_file(Some(&large)));
        assert!(!is_large_file(Some(dir.path())));
        assert!(!is_large_file(Some(&dir.path().join("missing.eml"))));
        assert!(!is_large_file(Some(Path::new("-"))));
        assert!(!is_large_file(None));
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::TempDir::new().unwrap();
        let p = dir.path().join("out.eml");
        write_atomic(&p, b"one", false).unwrap();
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn device_targets_are_written_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_atomic(Path::new("/dev/null"), b"discard", false).unwrap();
        assert!(std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }

    #[test]
    fn output_written_in_pieces_is_whole() {
        let dir = tempfile::TempDir::new().unwrap();
        let p = dir.path().join("out.eml");
        write_output_with(Some(&p), |w| {
            w.write_all(b"one ")?;
            w.write_all(b"two")
        })
        .unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_stale_temporaries_of_the_same_output_are_removed() {
        let dir = tempfile::TempDir::new().unwrap();
        // Process ids above the kernel's limit (2^22) never run.
        let never = 1u32 << 23;
        let names = [
            format!(".out.eml.{never}.tmp"),
            ".out.eml.1.tmp".to_string(),
            format!(".other.eml.{never}.tmp"),
            format!(".out.eml.{never}.tmp.bak"),
            ".out.eml..tmp".to_string(),
            "out.eml".to_string(),
        ];
        for n in &names {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let dir_like = format!(".out.eml.{}.tmp", never + 1);
        std::fs::create_dir(dir.path().join(&dir_like)).unwrap();
        remove_stale_temporaries(dir.path(), "out.eml");
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want: Vec<String> = names[1..].to_vec();
        want.push(dir_like);
        want.sort();
        assert_eq!(left, want);
    }

    #[test]
    fn fail_missing_directory_is_an_error() {
        let dir = tempfile::TempDir::new().unwrap();
        let p = dir.path().join("no/such/dir/out.eml");
        assert!(write_atomic(&p, b"x", false).is_err());
    }
}
