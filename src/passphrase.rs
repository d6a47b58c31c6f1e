//! Where passphrases come from: a file, a file descriptor, or the terminal.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// A passphrase source, chosen once per run from the command line.
#[derive(Debug, Clone)]
pub enum PassphraseSource {
    /// The first line of a file.
    File(PathBuf),
    /// The first line read from an inherited file descriptor.
    Fd(i32),
    /// Ask on the controlling terminal, if there is one.
    Prompt,
    /// A passphrase given by a program (tests, the library API).
    Fixed(Zeroizing<String>),
    /// None, and no prompt either: a mail client's filter runs inside
    /// the client's terminal, where a prompt would garble its screen.
    Never,
}

impl PassphraseSource {
    /// Gets the passphrase, asking with `prompt` naming the key if needed.
    /// Never blocks waiting for a terminal that is not there.
    pub fn get(&self, what: &str) -> Result<Zeroizing<String>> {
        match self {
            PassphraseSource::Fixed(p) => Ok(p.clone()),
            PassphraseSource::File(path) => {
                let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
                first_line(f).map_err(|e| Error::io(path, e))
            }
            PassphraseSource::Fd(fd) => read_fd(*fd),
            PassphraseSource::Prompt => prompt(what),
            PassphraseSource::Never => Err(never(what)),
        }
    }

    /// Fails at once, before any work, when this source can give no
    /// passphrase at all ([`PassphraseSource::Never`]); `what` names
    /// what needs one.
    pub fn require(&self, what: &str) -> Result<()> {
        match self {
            PassphraseSource::Never => Err(never(what)),
            _ => Ok(()),
        }
    }
}

fn never(what: &str) -> Error {
    Error::Usage(format!(
        "a passphrase is needed for {what}, and filter commands never prompt: \
         pass --passphrase-fd N or --passphrase-file FILE"
    ))
}

impl PassphraseSource {
    /// Gets a passphrase that will protect a new secret key: on a terminal
    /// it is asked twice and must match, as gpg and sq do.
    pub fn get_new(&self, what: &str) -> Result<Zeroizing<String>> {
        if !matches!(self, PassphraseSource::Prompt) {
            return self.get(what);
        }
        let first = prompt(what)?;
        let again = rpassword::prompt_password("Repeat the passphrase: ")
            .map(Zeroizing::new)
            .map_err(|e| Error::io("/dev/tty", e))?;
        if *first != *again {
            return Err(Error::Usage("the two passphrases do not match".into()));
        }
        Ok(first)
    }
}

fn first_line(r: impl Read) -> std::io::Result<Zeroizing<String>> {
    let mut line = Zeroizing::new(String::new());
    BufReader::new(r).read_line(&mut line)?;
    let trimmed = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(trimmed);
    Ok(line)
}

#[cfg(unix)]
fn read_fd(fd: i32) -> Result<Zeroizing<String>> {
    // /dev/fd/N opens the inherited descriptor without unsafe code.
    let path = PathBuf::from(format!("/dev/fd/{fd}"));
    let f = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
    first_line(f).map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn read_fd(_fd: i32) -> Result<Zeroizing<String>> {
    Err(Error::Usage(
        "--passphrase-fd is only supported on Unix".into(),
    ))
}

fn prompt(what: &str) -> Result<Zeroizing<String>> {
    if std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_err()
    {
        return Err(Error::NoPassphraseSource(what.to_string()));
    }
    rpassword::prompt_password(format!("Passphrase for {what}: "))
        .map(Zeroizing::new)
        .map_err(|e| Error::io("/dev/tty", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_first_line_only() {
        let p = first_line(&b"s3cret\r\nsecond"[..]).unwrap();
        assert_eq!(p.as_str(), "s3cret");
    }
}
