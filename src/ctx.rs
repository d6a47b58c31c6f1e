//! The one context every command runs in: keyring, reference time,
//! passphrase source and output mode. No globals.

use std::cell::OnceCell;
use std::path::PathBuf;

use crate::error::Result;
use crate::keyring::{Keyring, OpenMode, Opened};
use crate::passphrase::PassphraseSource;
use crate::time::Timestamp;

/// How results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Human,
    Json,
}

pub struct Ctx {
    pub keyring_dir: PathBuf,
    /// Whether this command may create the keyring, or needs it to exist.
    pub keyring_mode: OpenMode,
    /// Validity, expiry and revocation are judged as of this time.
    pub at: Timestamp,
    pub passphrase: PassphraseSource,
    pub output: Output,
    /// -1 quiet, 0 normal, 1+ verbose.
    pub verbosity: i8,
    keyring: OnceCell<Keyring>,
}

impl Ctx {
    pub fn new(
        keyring_dir: PathBuf,
        keyring_mode: OpenMode,
        at: Timestamp,
        passphrase: PassphraseSource,
        output: Output,
        verbosity: i8,
    ) -> Self {
        Ctx {
            keyring_dir,
            keyring_mode,
            at,
            passphrase,
            output,
            verbosity,
            keyring: OnceCell::new(),
        }
    }

    /// `warning: MESSAGE` on stderr, unless `--quiet`.
    pub fn warn(&self, message: impl std::fmt::Display) {
        if self.verbosity >= 0 {
            eprintln!("warning: {message}");
        }
    }

    /// The settings in the keyring directory (`mailseal.conf`). A missing
    /// directory is refused as the keyring itself is.
    pub fn config(&self) -> Result<crate::config::Config> {
        if self.keyring_mode == OpenMode::Existing {
            crate::keyring::require_dir(&self.keyring_dir)?;
        }
        crate::config::Config::load(&self.keyring_dir)
    }

    /// Uses `keyring`, opened by the caller (say, beside other work), as
    /// this context's keyring unless one is open already.
    pub fn adopt_keyring(&self, keyring: Keyring) {
        let _ = self.keyring.set(keyring);
    }

    /// The keyring, opened on first use.
    pub fn keyring(&self) -> Result<&Keyring> {
        if let Some(k) = self.keyring.get() {
            return Ok(k);
        }
        let k = self.keyring_opener().open()?;
        Ok(self.keyring.get_or_init(|| k))
    }

    /// What opens this context's keyring, also on another thread (say,
    /// while the input is read); see [`Ctx::adopt_keyring`].
    pub fn keyring_opener(&self) -> KeyringOpener {
        KeyringOpener {
            dir: self.keyring_dir.clone(),
            mode: self.keyring_mode,
            verbosity: self.verbosity,
        }
    }

    pub fn json(&self) -> bool {
        self.output == Output::Json
    }
}

/// Opens the keyring as the command may ([`OpenMode`]) and says on stderr,
/// unless `--quiet`, when it created one or found none.
#[derive(Debug, Clone)]
pub struct KeyringOpener {
    dir: PathBuf,
    mode: OpenMode,
    verbosity: i8,
}

impl KeyringOpener {
    pub fn open(&self) -> Result<Keyring> {
        let (keyring, opened) = Keyring::open_with(&self.dir, self.mode)?;
        if self.verbosity >= 0 {
            match opened {
                Opened::Found => {}
                Opened::Created => eprintln!("created keyring {}", self.dir.display()),
                Opened::Empty => eprintln!(
                    "warning: {} holds no keyring ({}): working with an empty one; \
                     `mailseal keyring import` makes one there",
                    self.dir.display(),
                    crate::keyring::DB_FILE
                ),
            }
        }
        Ok(keyring)
    }
}
