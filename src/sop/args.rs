//! Indirect inputs and outputs: file names and the special designators
//! `@ENV:NAME` (input only) and `@FD:N`, as sop's draft defines them.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::PathBuf;

use super::errors::{Result, SopError};

/// Keys, certificates and signatures larger than this are refused, so a
/// wrong file name cannot make us swallow a disk image.
pub const MAX_OBJECT: u64 = 64 << 20;

/// Passwords and session keys are short.
pub const MAX_SECRET: u64 = 64 << 10;

/// Decompressed content is buffered until it is authenticated; beyond
/// this size a message is refused rather than let a compression bomb
/// exhaust memory.
pub const MAX_PLAINTEXT: u64 = 1 << 30;

/// Where an indirect argument points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Designator {
    /// A file in the file system.
    File(PathBuf),
    /// `@ENV:NAME`: the value of an environment variable.
    Env(String),
    /// `@FD:N`: an inherited file descriptor.
    Fd(u32),
}

impl Designator {
    /// Parses an indirect argument. Any other `@` prefix is refused
    /// (UNSUPPORTED_SPECIAL_PREFIX): the draft reserves all of them.
    pub fn parse(arg: &str) -> Result<Self> {
        if let Some(name) = arg.strip_prefix("@ENV:") {
            return Ok(Designator::Env(name.to_string()));
        }
        if let Some(n) = arg.strip_prefix("@FD:") {
            return n
                .parse()
                .map(Designator::Fd)
                .map_err(|_| SopError::UnsupportedSpecialPrefix(arg.to_string()));
        }
        if arg.starts_with('@') {
            return Err(SopError::UnsupportedSpecialPrefix(arg.to_string()));
        }
        Ok(Designator::File(PathBuf::from(arg)))
    }

    /// `/dev/fd/N` opens an inherited descriptor without unsafe code.
    fn fd_path(n: u32) -> PathBuf {
        PathBuf::from(format!("/dev/fd/{n}"))
    }
}

/// Reads an indirect input (a file, `@ENV:` or `@FD:`), at most `limit`
/// bytes.
pub fn read_indirect(arg: &str, limit: u64) -> Result<Vec<u8>> {
    let designator = Designator::parse(arg)?;
    if designator_names_a_file(arg, &designator) {
        return Err(SopError::AmbiguousInput(arg.to_string()));
    }
    match designator {
        Designator::Env(name) => std::env::var_os(&name)
            .map(|v| v.into_encoded_bytes())
            .ok_or_else(|| SopError::MissingInput(format!("environment variable {name}"))),
        Designator::Fd(n) => read_file(&Designator::fd_path(n), arg, limit),
        Designator::File(path) => read_file(&path, arg, limit),
    }
}

/// A special designator that is also the name of an existing file is
/// ambiguous (AMBIGUOUS_INPUT): the caller may have meant either.
fn designator_names_a_file(arg: &str, designator: &Designator) -> bool {
    !matches!(designator, Designator::File(_)) && std::path::Path::new(arg).exists()
}

fn read_file(path: &std::path::Path, arg: &str, limit: u64) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SopError::MissingInput(arg.to_string()),
        _ => SopError::Other(format!("{arg}: {e}")),
    })?;
    read_limited(file, limit).map_err(|e| SopError::Other(format!("{arg}: {e}")))
}

/// Reads everything, failing instead of allocating beyond `limit`.
pub fn read_limited(r: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "larger than the limit of {limit} bytes"
        )));
    }
    Ok(buf)
}

/// An indirect output, opened before the work starts so that an
/// existing file fails early (OUTPUT_EXISTS), and removed again if the
/// verb fails before [`Output::commit`].
#[derive(Debug)]
pub struct Output {
    file: File,
    created: Option<PathBuf>,
}

impl Output {
    /// Opens `arg` for writing. `@ENV:` cannot be written to.
    pub fn create(arg: &str) -> Result<Self> {
        match Designator::parse(arg)? {
            Designator::Env(_) => Err(SopError::UnsupportedSpecialPrefix(format!(
                "{arg}: @ENV: designates input only"
            ))),
            Designator::Fd(n) => {
                let file = OpenOptions::new()
                    .write(true)
                    .open(Designator::fd_path(n))
                    .map_err(|e| SopError::Other(format!("{arg}: {e}")))?;
                Ok(Output {
                    file,
                    created: None,
                })
            }
            Designator::File(path) => Self::create_file(path, arg),
        }
    }

    fn create_file(path: PathBuf, arg: &str) -> Result<Self> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => SopError::OutputExists(arg.to_string()),
                _ => SopError::Other(format!("{arg}: {e}")),
            })?;
        Ok(Output {
            file,
            created: Some(path),
        })
    }

    /// Writes `data` and keeps the file.
    pub fn commit(mut self, data: &[u8]) -> Result<()> {
        self.file.write_all(data)?;
        self.file.flush()?;
        self.created = None;
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Some(path) = self.created.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Opens an optional output argument.
pub fn create_optional(arg: Option<&str>) -> Result<Option<Output>> {
    arg.map(Output::create).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designators_parse() {
        assert_eq!(
            Designator::parse("@ENV:PW").unwrap(),
            Designator::Env("PW".into())
        );
        assert_eq!(Designator::parse("@FD:7").unwrap(), Designator::Fd(7));
        assert_eq!(
            Designator::parse("key.pgp").unwrap(),
            Designator::File("key.pgp".into())
        );
    }

    #[test]
    fn fail_unknown_prefixes() {
        for arg in ["@FOO:x", "@FD:-1", "@FD:x", "@"] {
            assert_eq!(Designator::parse(arg).unwrap_err().code(), 71, "{arg}");
        }
    }

    #[test]
    fn fail_missing_file_and_env() {
        let code = |arg: &str| read_indirect(arg, 10).unwrap_err().code();
        assert_eq!(code("/nonexistent/mailseal-sop"), 61);
        assert_eq!(code("@ENV:MAILSEAL_SOP_TEST_SURELY_UNSET"), 61);
    }

    #[test]
    fn fail_limit() {
        assert!(read_limited(&b"12345"[..], 4).is_err());
        assert_eq!(read_limited(&b"1234"[..], 4).unwrap(), b"1234");
    }

    #[test]
    fn outputs_refuse_existing_files_and_clean_up() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("out");
        let arg = path.to_str().unwrap();
        drop(Output::create(arg).unwrap());
        assert!(!path.exists(), "an uncommitted output is removed");
        Output::create(arg).unwrap().commit(b"x").unwrap();
        assert_eq!(Output::create(arg).unwrap_err().code(), 59);
        assert_eq!(Output::create("@ENV:X").unwrap_err().code(), 71);
    }
}
