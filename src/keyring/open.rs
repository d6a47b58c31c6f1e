//! Where the keyring is, and how a command may open it: commands that
//! only read refuse a directory that does not exist (a mistyped
//! `--keyring` must not become an empty keyring that trusts no one);
//! commands that add to the keyring create it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How a command may open the keyring directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The directory must exist: a missing one is [`Error::NoKeyring`],
    /// so a mistyped `--keyring` is not taken for an empty keyring. An
    /// existing directory without a database is an empty keyring held in
    /// memory; nothing is written into the directory.
    Existing,
    /// The directory (mode 0700) and the database are created if missing.
    Create,
}

/// What opening a keyring found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The keyring database, as it was.
    Found,
    /// Nothing: the database (and the directory, if it was missing) was
    /// created.
    Created,
    /// A directory without a database, opened ([`OpenMode::Existing`])
    /// as an empty keyring in memory.
    Empty,
}

/// Where the keyring is when no directory is given: `$MAILSEAL_HOME`,
/// else `$XDG_DATA_HOME/mailseal`, else `~/.local/share/mailseal`; `None`
/// when none of these variables is set.
pub fn default_dir() -> Option<PathBuf> {
    env_dir("MAILSEAL_HOME").or_else(standard_dir)
}

/// Where the keyring is when neither `--keyring` nor `$MAILSEAL_HOME`
/// says: `$XDG_DATA_HOME/mailseal`, else `~/.local/share/mailseal`.
pub fn standard_dir() -> Option<PathBuf> {
    env_dir("XDG_DATA_HOME")
        .map(|d| d.join("mailseal"))
        .or_else(|| env_dir("HOME").map(|h| h.join(".local/share/mailseal")))
}

/// The directory an environment variable names, if it is set and not
/// empty.
pub fn env_dir(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
}

/// [`Error::NoKeyring`] unless `dir` exists.
pub fn require_dir(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::Usage(format!(
            "the keyring {} is not a directory",
            dir.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::NoKeyring {
            dir: dir.to_path_buf(),
            default: default_dir(),
        }),
        Err(e) => Err(Error::io(dir, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::{Keyring, DB_FILE};

    #[test]
    fn fail_existing_mode_refuses_a_missing_directory_and_creates_nothing() {
        let tmp = tempfile::TempDir::new().unwrap();
        let dir = tmp.path().join("typo");
        match Keyring::open_with(&dir, OpenMode::Existing) {
            Err(Error::NoKeyring { dir: named, .. }) => assert_eq!(named, dir),
            other => panic!("{:?}", other.map(|(_, o)| o)),
        }
        assert!(!dir.exists());
    }

    #[test]
    fn existing_mode_reads_an_empty_directory_without_writing_to_it() {
        let tmp = tempfile::TempDir::new().unwrap();
        let (k, opened) = Keyring::open_with(tmp.path(), OpenMode::Existing).unwrap();
        assert_eq!(opened, Opened::Empty);
        assert!(k.all().unwrap().is_empty());
        assert!(k.pins().unwrap().is_empty());
        drop(k);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }

    #[test]
    fn create_mode_creates_once_then_finds() {
        let tmp = tempfile::TempDir::new().unwrap();
        let dir = tmp.path().join("a").join("k");
        let (_, opened) = Keyring::open_with(&dir, OpenMode::Create).unwrap();
        assert_eq!(opened, Opened::Created);
        assert!(dir.join(DB_FILE).is_file());
        for mode in [OpenMode::Create, OpenMode::Existing] {
            assert_eq!(Keyring::open_with(&dir, mode).unwrap().1, Opened::Found);
        }
    }
}
