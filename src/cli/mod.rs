//! The command line, as clap structures. Parsing only: validation into a
//! [`crate::Ctx`] happens in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod sop;

#[derive(Debug, Parser)]
#[command(
    name = "mailseal",
    version,
    about = "End-to-end e-mail security: S/MIME and OpenPGP from one keyring",
    long_about = "mailseal signs, encrypts, decrypts and verifies whole MIME messages with \
S/MIME (CMS) and OpenPGP, keeps a local keyring and judges every signature with one trust model.\n\n\
Exit codes: 0 success (verify: good, trusted, from the sender, whole message); \
1 verification or decryption failed; 2 usage error, malformed input or missing key; \
3 good signature but not trusted, not from the sender, expired, or covering only part; \
4 nothing to verify or decrypt.",
    after_help = "Examples:\n  mailseal sign < draft.eml > signed.eml\n  mailseal encrypt --sign -r bob@example.org < draft.eml | sendmail -t\n  mailseal decrypt --passphrase-file pw < mail.eml\n  mailseal --json verify mail.eml"
)]
pub struct Cli {
    /// Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal]
    #[arg(long, global = true, value_name = "DIR")]
    pub keyring: Option<PathBuf>,

    /// Judge validity, expiry and revocation as of this time (RFC 3339)
    #[arg(long, global = true, value_name = "RFC3339-TIME")]
    pub at: Option<String>,

    /// Print the verdict as JSON (one object per message)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more detail
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Read the passphrase from the first line of FILE
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "passphrase_fd"
    )]
    pub passphrase_file: Option<PathBuf>,

    /// Read the passphrase from file descriptor N
    #[arg(long, global = true, value_name = "N")]
    pub passphrase_fd: Option<i32>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign a message (multipart/signed, or opaque with --opaque)
    Sign(SignArgs),
    /// Encrypt a message to its recipients (and optionally sign it)
    Encrypt(EncryptArgs),
    /// Decrypt a message and check any signature inside
    Decrypt(DecryptArgs),
    /// Verify a message, or every message in directories, Maildirs and mbox files
    Verify(VerifyArgs),
    /// Manage keys and certificates
    #[command(subcommand)]
    Keyring(KeyringCommand),
    /// Manage trust: anchors
    #[command(subcommand)]
    Trust(TrustCommand),
    // The about text is in `SopArgs`: a doc comment here would hide its long help.
    Sop(sop::SopArgs),
    /// Print shell completions or man pages
    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProtocolArg {
    Smime,
    Openpgp,
}

/// Protocol selection flags shared by sign and encrypt.
#[derive(Debug, Args)]
pub struct ProtocolFlags {
    /// Use S/MIME
    #[arg(long, conflicts_with = "openpgp")]
    pub smime: bool,
    /// Use OpenPGP (PGP/MIME; not available in this version)
    #[arg(long)]
    pub openpgp: bool,
}

#[derive(Debug, Args)]
pub struct IoArgs {
    /// Input message ("-" or absent: standard input)
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Write the output to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub protocol: ProtocolFlags,
    /// Sign with this key (address, fingerprint or name) instead of the From address's
    #[arg(long, value_name = "ID")]
    pub signer: Option<String>,
    /// Produce an opaque signed message (application/pkcs7-mime; smime-type=signed-data)
    #[arg(long)]
    pub opaque: bool,
    #[command(flatten)]
    pub io: IoArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CipherArg {
    /// AuthEnvelopedData, AES-256-GCM (integrity-protected)
    #[value(name = "aes256-gcm")]
    Aes256Gcm,
    /// EnvelopedData, AES-256-CBC, for old clients (no integrity protection)
    #[value(name = "aes256-cbc")]
    Aes256Cbc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyTransportArg {
    /// RSAES-PKCS1-v1_5
    Pkcs1,
    /// RSAES-OAEP with SHA-256
    Oaep,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Recipient (address, fingerprint or name); repeatable. Default: every
    /// address in To, Cc and Bcc, plus the sender
    #[arg(short, long = "recipient", value_name = "ID")]
    pub recipients: Vec<String>,
    /// Sign inside the encryption (sign, then encrypt)
    #[arg(long)]
    pub sign: bool,
    /// Sign with this key instead of the From address's
    #[arg(long, value_name = "ID", requires = "sign")]
    pub signer: Option<String>,
    #[command(flatten)]
    pub protocol: ProtocolFlags,
    /// S/MIME content encryption
    #[arg(long, value_enum, default_value = "aes256-gcm")]
    pub cipher: CipherArg,
    /// S/MIME key transport for RSA recipients
    #[arg(long, value_enum, default_value = "pkcs1")]
    pub key_transport: KeyTransportArg,
    /// Do not add the sender's own certificate as a recipient
    #[arg(long)]
    pub no_self: bool,
    /// Also use recipient certificates that are not fully trusted
    #[arg(long)]
    pub trust_any: bool,
    #[command(flatten)]
    pub io: IoArgs,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Accept EnvelopedData (AES-CBC) that no good signature inside
    /// authenticates; such text may have been altered (EFAIL)
    #[arg(long)]
    pub legacy_cbc: bool,
    #[command(flatten)]
    pub io: IoArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A message ("-" or none: standard input), or several messages,
    /// directories of messages, Maildirs and mbox files, checked in
    /// parallel with one result line per message
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// For opaque signed messages: write the verified message to FILE
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum KeyringCommand {
    /// Import certificates, keys (PKCS#8, PKCS#12) and CRLs
    Import {
        /// Files to import (PEM or DER; .p12/.pfx)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List certificates and keys
    List {
        /// E-mail address, fingerprint, key ID or name
        query: Option<String>,
    },
    /// Export certificates (PEM), and with --secret the encrypted private keys
    Export {
        query: String,
        /// Include the (still passphrase-protected) private key
        #[arg(long)]
        secret: bool,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Remove certificates and their keys
    Remove { query: String },
    /// Generate a new key
    Generate(GenerateKeyArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyAlgorithmArg {
    #[value(name = "rsa2048")]
    Rsa2048,
    #[value(name = "rsa3072")]
    Rsa3072,
    #[value(name = "p256")]
    P256,
}

#[derive(Debug, Args)]
pub struct GenerateKeyArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// An S/MIME key and self-signed certificate
    #[arg(long, required_unless_present = "openpgp", conflicts_with = "openpgp")]
    pub smime: bool,
    /// An OpenPGP key (not available in this version)
    #[arg(long)]
    pub openpgp: bool,
    /// Key algorithm (S/MIME)
    #[arg(long, value_enum, default_value = "rsa3072")]
    pub algorithm: KeyAlgorithmArg,
    /// Also write a certificate signing request (PEM) to FILE
    #[arg(long, value_name = "FILE")]
    pub csr: Option<PathBuf>,
    /// Validity in days of the self-signed certificate
    #[arg(long, default_value_t = 730)]
    pub days: u32,
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Manage X.509 trust anchors
    #[command(subcommand)]
    Anchor(AnchorCommand),
}

#[derive(Debug, Subcommand)]
pub enum AnchorCommand {
    /// Trust a CA certificate as an anchor, optionally only for some mail domains
    Add {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Believe this anchor only for addresses in DOMAIN (repeatable)
        #[arg(long = "domain", value_name = "DOMAIN")]
        domains: Vec<String>,
    },
    /// List trust anchors
    List,
    /// Remove trust anchors matching a fingerprint or name
    Remove { query: String },
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// What to generate
    #[arg(value_enum)]
    pub what: GenerateWhat,
    /// Output directory
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GenerateWhat {
    Man,
    Completions,
}
