//! The library's error type, and how each error maps to an exit code.

use std::borrow::Cow;
use std::path::PathBuf;

/// The exit codes of SPEC.md section 2, a stable contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExitCode {
    /// Success; for verify: good, trusted, sender, whole message.
    Ok = 0,
    /// Verification or decryption failed.
    Failed = 1,
    /// Usage error, malformed input, missing key.
    Usage = 2,
    /// Cryptographically good but not trusted.
    Untrusted = 3,
    /// Nothing to verify or decrypt.
    Nothing = 4,
}

impl ExitCode {
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The worse of two outcomes, for batch runs ("worst code wins").
    /// Failures rank above usage errors, which rank above untrusted and
    /// unsigned results.
    pub fn worst(self, other: ExitCode) -> ExitCode {
        fn rank(c: ExitCode) -> u8 {
            match c {
                ExitCode::Ok => 0,
                ExitCode::Nothing => 1,
                ExitCode::Untrusted => 2,
                ExitCode::Usage => 3,
                ExitCode::Failed => 4,
            }
        }
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a user can get wrong or run into.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The command line does not make sense.
    #[error("{0}")]
    Usage(String),

    /// Input bytes that cannot be parsed as what they should be.
    #[error("malformed {what}: {detail}")]
    Malformed { what: &'static str, detail: String },

    /// Input to sign or encrypt that is not an RFC 5322 message (SPEC
    /// section 2). `detail` names a line by its number and never quotes
    /// the input: it may be the secret.
    #[error("the input is not an RFC 5322 message: {detail}")]
    NotAMessage { detail: String, hint: &'static str },

    /// Well-formed input that uses something we do not implement.
    #[error("unsupported {what}: {detail}")]
    Unsupported { what: &'static str, detail: String },

    /// An OpenPGP message encrypted in a format that Sequoia no longer
    /// reads: GnuPG's OCB Encrypted Data packet (tag 20). `0` names it.
    #[error("unsupported OpenPGP message: {0}")]
    UnreadablePgpFormat(String),

    /// A file in a format we read whose content is protected by an
    /// algorithm we do not implement: "PKCS#12 file with key encryption
    /// X, which mailseal does not support".
    #[error("{file} with {role} {algorithm}, which mailseal does not support")]
    UnsupportedAlgorithm {
        file: &'static str,
        role: &'static str,
        algorithm: String,
    },

    /// The keyring directory does not exist (and the command would only
    /// read it). `default` is where the keyring is without `--keyring`.
    #[error("the keyring directory {} does not exist", dir.display())]
    NoKeyring {
        dir: PathBuf,
        default: Option<PathBuf>,
    },

    /// A key or certificate that is needed is not in the keyring.
    #[error("no {what} found for {query}")]
    KeyNotFound { what: &'static str, query: String },

    /// The user's own keys for a task are all revoked, expired or
    /// otherwise unusable: what was wanted, and each key with why.
    #[error("{what}:{}", indented_lines(.keys))]
    OwnKeyUnusable { what: String, keys: Vec<String> },

    /// The message is encrypted, but to none of our keys.
    #[error("the message is not encrypted to any key in this keyring")]
    NotForUs,

    /// There is nothing to verify or decrypt.
    #[error("{0}")]
    NothingToDo(String),

    /// Legacy encryption without integrity protection, not accepted.
    #[error(
        "the message uses {0} without integrity protection, so its plaintext cannot be trusted"
    )]
    Unauthenticated(String),

    /// Decryption failed: wrong key, or the ciphertext was changed.
    #[error("decryption failed: {0}")]
    DecryptionFailed(String),

    /// Authenticated decryption found the ciphertext altered.
    #[error("integrity check failed: the encrypted message was altered")]
    IntegrityFailure,

    /// No passphrase source is available and there is no terminal.
    #[error("a passphrase is needed for {0}, but there is no terminal to ask on")]
    NoPassphraseSource(String),

    /// The passphrase does not unlock the key.
    #[error("wrong passphrase for {0}")]
    WrongPassphrase(String),

    /// A recipient has no usable certificate or key.
    #[error("cannot encrypt: {0}")]
    Recipients(String),

    /// Recipients without a usable certificate or key: for each, what it
    /// lacks, shown one per line.
    #[error("cannot encrypt:{}", indented_lines(.0))]
    RecipientsMissing(Vec<String>),

    /// Protection that a flag or the per-domain policy requires cannot be
    /// made: which requirement (`why`), and what stands in its way.
    #[error("{why}")]
    Required {
        why: String,
        #[source]
        source: Box<Error>,
    },

    /// `send` handed nothing to the delivery command, because of `source`.
    #[error("nothing was handed to {command}")]
    NotSent {
        command: String,
        #[source]
        source: Box<Error>,
    },

    /// A removal would delete secret keys, which the caller did not
    /// allow: each one named, one per line. Nothing was removed.
    #[error(
        "this would remove {} secret key(s), which needs --secret:{}",
        .0.len(),
        indented_lines(.0)
    )]
    SecretKeyRemoval(Vec<String>),

    /// A cryptographic operation failed for a reason other than bad input.
    #[error("cryptographic operation failed: {0}")]
    Crypto(String),

    /// The keyring database could not be read or changed.
    #[error("keyring error: {0}")]
    Keyring(String),

    /// A file could not be read or written.
    #[error("{path}: {source}", path = path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn malformed(what: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Malformed {
            what,
            detail: detail.to_string(),
        }
    }

    pub fn unsupported(what: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Unsupported {
            what,
            detail: detail.to_string(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The exit code of SPEC.md for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::NotForUs | Error::DecryptionFailed(_) | Error::IntegrityFailure => {
                ExitCode::Failed
            }
            Error::Unauthenticated(_) => ExitCode::Failed,
            Error::NothingToDo(_) => ExitCode::Nothing,
            Error::Required { source, .. } | Error::NotSent { source, .. } => source.exit_code(),
            _ => ExitCode::Usage,
        }
    }

    /// A suggestion for the user, where there is one.
    pub fn hint(&self) -> Option<Cow<'static, str>> {
        match self {
            Error::NoKeyring { default, .. } => {
                return Some(no_keyring_hint(default.as_deref()).into())
            }
            Error::Required { source, .. }
                if matches!(**source, Error::Recipients(_) | Error::RecipientsMissing(_)) =>
            {
                return Some(REQUIRED_ENCRYPTION_HINT.into())
            }
            Error::Required { source, .. } | Error::NotSent { source, .. } => return source.hint(),
            _ => {}
        }
        self.static_hint().map(Cow::Borrowed)
    }

    fn static_hint(&self) -> Option<&'static str> {
        match self {
            Error::NoPassphraseSource(_) => {
                Some("pass --passphrase-file FILE or --passphrase-fd N when running without a terminal")
            }
            Error::NotForUs => Some("import the recipient's secret key with `mailseal keyring import`"),
            Error::KeyNotFound { .. } => {
                Some("import it with `mailseal keyring import FILE`; `mailseal keyring list` shows what is there")
            }
            Error::OwnKeyUnusable { .. } => Some(
                "make a new key with `mailseal keyring generate`, or import your current one with `mailseal keyring import`",
            ),
            Error::Unauthenticated(_) => Some(
                "pass --legacy-cbc to accept it anyway; an attacker may have changed the text (EFAIL)",
            ),
            Error::SecretKeyRemoval(_) => Some(
                "nothing was removed; add --secret to remove the secret keys with their \
                 certificates (`mailseal keyring export QUERY --secret -o FILE` keeps a copy)",
            ),
            Error::NotAMessage { hint, .. } => Some(hint),
            Error::UnreadablePgpFormat(_) => Some(
                "decrypt it with GnuPG 2.3 or later; so that such mail is sent as SEIPD, which \
                 mailseal reads, run `mailseal keyring set-features YOUR-ADDRESS --seipd-v1-only` \
                 and send your correspondents the updated certificate \
                 (`mailseal keyring export YOUR-ADDRESS`)",
            ),
            Error::UnsupportedAlgorithm { .. } => Some(
                "open it with the program that wrote it and export it again with AES \
                 (`openssl pkcs12 -export` and `openssl pkcs8 -topk8 -v2 aes-256-cbc` write AES-256)",
            ),
            Error::Recipients(_) | Error::RecipientsMissing(_) => {
                Some("import the recipient's certificate, or name recipients with -r")
            }
            _ => None,
        }
    }
}

/// What to do when encryption is required and a recipient has no key.
const REQUIRED_ENCRYPTION_HINT: &str = "import each recipient's certificate with `mailseal \
     keyring import` and make it fully valid (a trust anchor, or `mailseal trust pin` once you \
     checked it), or leave out the recipients without one";

/// Where the keyring is by default, and how to name another or make one.
fn no_keyring_hint(default: Option<&std::path::Path>) -> String {
    let here = match default {
        Some(d) => format!(" (here {})", d.display()),
        None => String::new(),
    };
    format!(
        "without --keyring the keyring is $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal{here}; \
         check the directory given with --keyring or MAILSEAL_HOME, or make a keyring there \
         with `mailseal keyring import FILE` or `mailseal keyring generate`"
    )
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Keyring(e.to_string())
    }
}

impl From<der::Error> for Error {
    fn from(e: der::Error) -> Self {
        Error::malformed("DER", e)
    }
}

/// Each entry on a line of its own, indented, after a line break.
pub fn indented_lines<S: AsRef<str>>(entries: &[S]) -> String {
    entries
        .iter()
        .map(|e| format!("\n  {}", e.as_ref()))
        .collect()
}
