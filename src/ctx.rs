//! The one context every command runs in: keyring, reference time,
//! passphrase source and output mode. No globals.

use std::cell::OnceCell;
use std::path::PathBuf;

use crate::error::Result;
use crate::keyring::Keyring;
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
        at: Timestamp,
        passphrase: PassphraseSource,
        output: Output,
        verbosity: i8,
    ) -> Self {
        Ctx {
            keyring_dir,
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

    /// The settings in the keyring directory (`mailseal.conf`).
    pub fn config(&self) -> Result<crate::config::Config> {
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
        let k = Keyring::open(&self.keyring_dir)?;
        Ok(self.keyring.get_or_init(|| k))
    }

    pub fn json(&self) -> bool {
        self.output == Output::Json
    }
}
