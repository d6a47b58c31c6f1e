//! `mailseal filter pgp ...`: clap structures.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::muttrc;

/// What `mailseal filter pgp --help` says after the options: the muttrc
/// lines ([`crate::cli::muttrc`], one source with the file `filter
/// install-config` writes) and what the client then shows.
pub fn settings_help() -> String {
    let lines = muttrc::DOCUMENTED;
    format!(
        "neomutt and mutt (classic crypto backend), in the muttrc:\n\n{}{}\n{AFTER_SETTINGS}",
        muttrc::indented(&lines.backend()),
        muttrc::indented(&lines.pgp())
    )
}

const AFTER_SETTINGS: &str = "\
`mailseal filter install-config` writes these lines, with the S/MIME ones, delivery through \
`mailseal send` and a one-key full check, into a file for neomutt and mutt to source (with \
`--keyring DIR` after `mailseal` when the keyring is not the default one).

GOODSIG means good AND trusted: a good signature whose signer has no fully valid binding \
(unknown, only marginal, expired), or made with a weak digest (SHA-1), gets no GOODSIG, exit 3 \
(or ERRSIG and exit 2 when it cannot be checked), and a line such as \"mailseal: Good signature \
from Carol <carol@example.org>, but NOT trusted: ...\" in the pager. The client does not say who \
the sender is: the signer is judged for its own address, and the line names it, for you to \
compare with From (the full check, `mailseal filter check`, compares them). An untrusted or bad \
signature by someone at a `require-signature` domain of mailseal.conf adds a line naming the \
rule; unsigned mail never reaches these commands (the configuration marks it in the index, and \
the full check names the rule). DECRYPTION_OKAY comes \
only after authenticated decryption, and no plaintext is written when decryption fails or a \
signature inside is bad. Encryption uses only fully valid bindings (`mailseal trust pin`, a \
web-of-trust root) unless --trust-any is added to the encrypt lines, and always adds your own \
key (--no-self: not).

Exit codes: 0 good (and trusted), 1 bad signature, 2 error (cannot check, cannot decrypt, \
usage), 3 good but not trusted.";

#[derive(Debug, Subcommand)]
#[command(after_help = settings_help(), term_width = 0)]
pub enum PgpFilter {
    /// Verify a detached signature over a part: gpg's status lines on
    /// --status-fd, the verdict in words on standard output
    Verify(VerifyArgs),
    /// Sign a part: an armored detached signature (text mode, as
    /// `gpg --textmode --detach-sign`) on standard output
    Sign(SignArgs),
    /// Clearsign a text for inline PGP: the armored cleartext-signed
    /// text on standard output
    Clearsign(SignArgs),
    /// Encrypt a part to key IDs, fingerprints or addresses, and to your
    /// own key, optionally signed: an armored message on standard output
    Encrypt(EncryptArgs),
    /// Decrypt a PGP/MIME part: the MIME entity on standard output,
    /// status lines (DECRYPTION_OKAY, signatures inside) on --status-fd
    Decrypt(ReadArgs),
    /// Read an inline PGP block (encrypted, signed or cleartext-signed):
    /// the verified or decrypted text on standard output
    Decode(ReadArgs),
    /// Import keys from a file (a key attached to a message)
    Import {
        /// Armored or binary OpenPGP keys
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Export certificates, armored, without local signatures
    Export {
        /// Key IDs, fingerprints or addresses
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// List certificates in gpg's --with-colons format, with their
    /// validity in mailseal's trust model
    #[command(
        long_about = "List certificates in gpg's --with-colons format (pub, fpr, uid, sub \
records), as `gpg --with-colons --list-keys` writes them, for a mail client's key picker. Field \
2 of each user ID is its binding's validity in mailseal's trust model: u your own key, f fully \
valid (pinned, web of trust), m marginal, - unknown, r revoked, e expired, i invalid. A \
certificate that cannot be used offers no capability letters.\n\nPatterns as gpg takes them: \
an address, a key ID or fingerprint (0x allowed), or a part of a user ID; none lists every \
certificate. Exit 2 when nothing matches."
    )]
    ListKeys {
        #[arg(value_name = "PATTERN")]
        patterns: Vec<String>,
    },
    /// List your own keys (those with secret keys) in gpg's
    /// --with-colons format (sec, ssb records)
    ListSecretKeys {
        #[arg(value_name = "PATTERN")]
        patterns: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Write gpg's status lines ("[GNUPG:] GOODSIG ...") to file
    /// descriptor N: 1 standard output, 2 standard error, or one the
    /// caller opened
    #[arg(long, value_name = "N")]
    pub status_fd: Option<i32>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub status: StatusArgs,
    /// The detached signature, armored or binary
    #[arg(value_name = "SIGNATURE")]
    pub signature: PathBuf,
    /// The signed part, exactly as received (CRLF line ends)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Sign with this own key (key ID, fingerprint or address)
    /// [default: your newest own key that can sign]
    #[arg(short = 'u', long = "local-user", value_name = "ID")]
    pub signer: Option<String>,
    /// The part or text to sign ("-": standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Also sign, inside the encryption
    #[arg(long)]
    pub sign: bool,
    /// Your own key: it signs (with --sign) and is a recipient [default:
    /// your newest own key]
    #[arg(short = 'u', long = "local-user", value_name = "ID")]
    pub own: Option<String>,
    /// A recipient (key ID, fingerprint or address); repeatable, or
    /// listed after FILE
    #[arg(short = 'r', long = "recipient", value_name = "ID")]
    pub recipients: Vec<String>,
    /// Also use recipient keys whose binding is not fully valid (not
    /// revoked ones)
    #[arg(long, alias = "always-trust")]
    pub trust_any: bool,
    /// Do not add your own key as a recipient
    #[arg(long)]
    pub no_self: bool,
    /// The part to encrypt ("-": standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// More recipients, as neomutt's %r lists them
    #[arg(value_name = "RECIPIENT")]
    pub more: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub status: StatusArgs,
    /// The armored or binary OpenPGP data ("-": standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}
