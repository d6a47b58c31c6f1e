//! `mailseal sop`: the Stateless OpenPGP command line
//! (draft-dkg-openpgp-stateless-cli-04, the revision sqop 0.27 speaks),
//! as clap structures, and the command-line parse that gives sop its
//! own exit codes for usage errors.

use clap::{Args, Parser, Subcommand};

use super::Cli;
use crate::sop::{ArmorLabel, InlineSignAs, SignAs};

/// What `mailseal sop --help` explains beyond the verb list.
const LONG_ABOUT: &str = "\
The Stateless OpenPGP Command-Line Interface (SOP), for programs and test suites that \
drive OpenPGP implementations interchangeably. It follows draft-dkg-openpgp-stateless-cli-04 \
(the revision sqop 0.27 implements), with list-profiles, --profile, generate-key --signing-only \
and encrypt --session-key-out from later revisions.\n\n\
sop is stateless: it never reads or changes the keyring and never prompts. Keys, certificates \
and passwords come from files named on the command line; any such name may also be @ENV:NAME \
(read the environment variable) or @FD:N (read or write file descriptor N). Data is read \
from standard input and written to standard output, ASCII-armored unless --no-armor.\n\n\
Its exit codes are the draft's, not mailseal's. mailseal's global options (--keyring, --at, \
--passphrase-file, ...) are accepted and ignored here.";

const EXIT_CODES: &str = "\
Exit codes (sop's own contract, not mailseal's):
   0  success
   1  unspecified failure
   3  NO_SIGNATURE: no acceptable signature found
  13  UNSUPPORTED_ASYMMETRIC_ALGO
  17  CERT_CANNOT_ENCRYPT: a certificate has no usable encryption key
  19  MISSING_ARG: a required argument is missing
  23  INCOMPLETE_VERIFICATION: --verify-with without --verifications-out
  29  CANNOT_DECRYPT: no key, password or session key fits
  31  PASSWORD_NOT_HUMAN_READABLE: a new password is not UTF-8
  37  UNSUPPORTED_OPTION
  41  BAD_DATA: garbage, tampered or the wrong kind of input
  53  EXPECTED_TEXT: --as=text input is not UTF-8
  59  OUTPUT_EXISTS: an output file already exists
  61  MISSING_INPUT: an input file does not exist
  67  KEY_IS_PROTECTED: no given password unlocks a key
  69  UNSUPPORTED_SUBCOMMAND
  71  UNSUPPORTED_SPECIAL_PREFIX: an unknown @PREFIX:
  73  AMBIGUOUS_INPUT: an @ designator that names an existing file
  79  KEY_CANNOT_SIGN: a key has no usable signing key
  83  INCOMPATIBLE_OPTIONS
  89  UNSUPPORTED_PROFILE

Examples:
  mailseal sop generate-key 'Alice <alice@example.org>' > alice.key
  mailseal sop extract-cert < alice.key > alice.cert
  mailseal sop sign alice.key < msg > msg.sig
  mailseal sop verify msg.sig alice.cert < msg
  mailseal sop encrypt --sign-with=alice.key bob.cert < msg > msg.asc
  mailseal sop decrypt --verify-with=alice.cert --verifications-out=v \\
      bob.key < msg.asc";

#[derive(Debug, Args)]
#[command(
    about = "Stateless OpenPGP (SOP) interface for programs; no keyring, own exit codes",
    long_about = LONG_ABOUT,
    after_long_help = EXIT_CODES,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct SopArgs {
    #[command(subcommand)]
    pub verb: SopVerb,
}

#[derive(Debug, Subcommand)]
pub enum SopVerb {
    /// Print the name and version of this implementation
    Version(VersionArgs),
    /// List the profiles a subcommand supports
    ListProfiles(ListProfilesArgs),
    /// Generate a secret key
    GenerateKey(GenerateKeyArgs),
    /// Extract the certificate of a secret key (KEYS on stdin)
    ExtractCert(NoArmor),
    /// Make detached signatures of stdin
    Sign(SignArgs),
    /// Verify detached signatures over stdin
    Verify(VerifyArgs),
    /// Encrypt stdin
    Encrypt(EncryptArgs),
    /// Decrypt stdin
    Decrypt(DecryptArgs),
    /// Convert binary OpenPGP data to ASCII armor
    Armor(ArmorArgs),
    /// Convert ASCII-armored OpenPGP data to binary
    Dearmor,
    /// Split the signatures off an inline-signed message
    InlineDetach(InlineDetachArgs),
    /// Make an inline-signed message
    InlineSign(InlineSignArgs),
    /// Verify an inline-signed message and print its content
    InlineVerify(InlineVerifyArgs),
}

#[derive(Debug, Args)]
pub struct NoArmor {
    /// Write binary OpenPGP data instead of ASCII armor
    #[arg(long)]
    pub no_armor: bool,
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct VersionArgs {
    /// The name and version of the OpenPGP library underneath
    #[arg(long)]
    pub backend: bool,
    /// Several lines of version information; the first is the plain one
    #[arg(long)]
    pub extended: bool,
    /// The revision of the SOP draft this implements
    #[arg(long)]
    pub sop_spec: bool,
}

#[derive(Debug, Args)]
pub struct ListProfilesArgs {
    /// The subcommand whose profiles to list (generate-key, encrypt)
    pub subcommand: String,
}

#[derive(Debug, Args)]
pub struct GenerateKeyArgs {
    #[command(flatten)]
    pub armor: NoArmor,
    /// Protect the key with the password in PASSWORD (a file, @ENV: or @FD:)
    #[arg(long, value_name = "PASSWORD")]
    pub with_key_password: Option<String>,
    /// default (v4 Ed25519/Cv25519) or rfc9580 (v6)
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Make a key that can sign but not decrypt
    #[arg(long)]
    pub signing_only: bool,
    /// User IDs, e.g. 'Alice <alice@example.org>'
    #[arg(value_name = "USERID")]
    pub userids: Vec<String>,
}

/// `--with-key-password`, repeatable: passwords to unlock KEYS.
#[derive(Debug, Args)]
pub struct KeyPasswords {
    /// Try the password in PASSWORD to unlock protected keys (repeatable)
    #[arg(long = "with-key-password", value_name = "PASSWORD")]
    pub passwords: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub armor: NoArmor,
    /// Sign binary data or UTF-8 text
    #[arg(long = "as", value_enum, default_value_t)]
    pub mode: SignAs,
    #[command(flatten)]
    pub key_passwords: KeyPasswords,
    /// Write the digest algorithm (e.g. pgp-sha512) to MICALG
    #[arg(long, value_name = "MICALG")]
    pub micalg_out: Option<String>,
    /// Secret keys to sign with
    #[arg(value_name = "KEYS", required = true)]
    pub keys: Vec<String>,
}

/// `--not-before` and `--not-after` of verify and inline-verify.
#[derive(Debug, Args)]
pub struct DateWindow {
    /// Ignore signatures made before DATE (ISO 8601, "now" or "-")
    #[arg(long, value_name = "DATE")]
    pub not_before: Option<String>,
    /// Ignore signatures made after DATE [default: now]
    #[arg(long, value_name = "DATE")]
    pub not_after: Option<String>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub window: DateWindow,
    /// The detached signatures
    #[arg(value_name = "SIGNATURES")]
    pub signatures: String,
    /// Certificates of the signers
    #[arg(value_name = "CERTS", required = true)]
    pub certs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Encrypt binary data or UTF-8 text
    #[arg(long = "as", value_enum, default_value_t)]
    pub mode: SignAs,
    #[command(flatten)]
    pub armor: NoArmor,
    /// Also encrypt with the password in PASSWORD (repeatable)
    #[arg(long, value_name = "PASSWORD")]
    pub with_password: Vec<String>,
    /// Sign with these secret keys (repeatable)
    #[arg(long, value_name = "KEYS")]
    pub sign_with: Vec<String>,
    #[command(flatten)]
    pub key_passwords: KeyPasswords,
    /// default (SEIPD v2 if every recipient has it) or rfc4880 (SEIPD v1)
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Write the session key to SESSIONKEY
    #[arg(long, value_name = "SESSIONKEY")]
    pub session_key_out: Option<String>,
    /// Certificates of the recipients
    #[arg(value_name = "CERTS")]
    pub certs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Write the session key to SESSIONKEY
    #[arg(long, value_name = "SESSIONKEY")]
    pub session_key_out: Option<String>,
    /// Try the session key in SESSIONKEY (repeatable)
    #[arg(long, value_name = "SESSIONKEY")]
    pub with_session_key: Vec<String>,
    /// Try the password in PASSWORD (repeatable)
    #[arg(long, value_name = "PASSWORD")]
    pub with_password: Vec<String>,
    #[command(flatten)]
    pub key_passwords: KeyPasswords,
    /// Write the good signatures to VERIFICATIONS (needs --verify-with)
    #[arg(long, alias = "verify-out", value_name = "VERIFICATIONS")]
    pub verifications_out: Option<String>,
    /// Verify signatures by these certificates (repeatable)
    #[arg(long, value_name = "CERTS")]
    pub verify_with: Vec<String>,
    /// Ignore signatures made before DATE
    #[arg(long, value_name = "DATE")]
    pub verify_not_before: Option<String>,
    /// Ignore signatures made after DATE [default: now]
    #[arg(long, value_name = "DATE")]
    pub verify_not_after: Option<String>,
    /// Secret keys to decrypt with
    #[arg(value_name = "KEYS")]
    pub keys: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ArmorArgs {
    /// The kind of data
    #[arg(long, value_enum, default_value_t)]
    pub label: ArmorLabel,
}

#[derive(Debug, Args)]
pub struct InlineDetachArgs {
    #[command(flatten)]
    pub armor: NoArmor,
    /// Write the signatures to SIGNATURES
    #[arg(long, value_name = "SIGNATURES", required = true)]
    pub signatures_out: String,
}

#[derive(Debug, Args)]
pub struct InlineSignArgs {
    #[command(flatten)]
    pub armor: NoArmor,
    /// Sign binary data, UTF-8 text, or make a cleartext signature
    #[arg(long = "as", value_enum, default_value_t)]
    pub mode: InlineSignAs,
    #[command(flatten)]
    pub key_passwords: KeyPasswords,
    /// Secret keys to sign with
    #[arg(value_name = "KEYS", required = true)]
    pub keys: Vec<String>,
}

#[derive(Debug, Args)]
pub struct InlineVerifyArgs {
    #[command(flatten)]
    pub window: DateWindow,
    /// Write the good signatures to VERIFICATIONS
    #[arg(long, value_name = "VERIFICATIONS")]
    pub verifications_out: Option<String>,
    /// Certificates of the signers
    #[arg(value_name = "CERTS", required = true)]
    pub certs: Vec<String>,
}

impl Cli {
    /// Parses the process's command line like `Cli::parse`, except that
    /// a usage error under `mailseal sop` exits with sop's code for it
    /// (UNSUPPORTED_OPTION, MISSING_ARG, ...) rather than clap's 2.
    pub fn parse_with_sop_codes() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        match Cli::try_parse_from(&args) {
            Ok(cli) => cli,
            Err(e) if is_sop_invocation(&args) && e.use_stderr() => {
                let _ = e.print();
                std::process::exit(i32::from(usage_error_code(e.kind())))
            }
            Err(e) => e.exit(),
        }
    }
}

/// sop's exit code for a clap usage error.
pub fn usage_error_code(kind: clap::error::ErrorKind) -> u8 {
    use clap::error::ErrorKind::*;
    match kind {
        UnknownArgument | InvalidValue => 37,
        InvalidSubcommand => 69,
        MissingRequiredArgument | MissingSubcommand => 19,
        DisplayHelpOnMissingArgumentOrSubcommand => 19,
        ArgumentConflict => 83,
        _ => 1,
    }
}

/// Whether the first word that is not a global option is `sop`.
fn is_sop_invocation(args: &[std::ffi::OsString]) -> bool {
    const TAKES_VALUE: [&str; 4] = ["--keyring", "--at", "--passphrase-file", "--passphrase-fd"];
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        if TAKES_VALUE.contains(&word) {
            words.next();
        } else if !word.starts_with('-') {
            return word == "sop";
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn recognises_sop_after_global_options() {
        assert!(is_sop_invocation(&os(&["mailseal", "sop", "sign"])));
        assert!(is_sop_invocation(&os(&[
            "mailseal",
            "--keyring",
            "sop",
            "sop"
        ])));
        assert!(!is_sop_invocation(&os(&[
            "mailseal",
            "--keyring",
            "sop",
            "verify"
        ])));
        assert!(!is_sop_invocation(&os(&["mailseal", "sign"])));
    }

    #[test]
    fn usage_errors_get_sop_codes() {
        let code = |args: &[&str]| {
            let e = Cli::try_parse_from(os(args)).unwrap_err();
            usage_error_code(e.kind())
        };
        assert_eq!(code(&["mailseal", "sop", "frobnicate"]), 69);
        assert_eq!(code(&["mailseal", "sop", "sign", "--bogus", "k"]), 37);
        assert_eq!(code(&["mailseal", "sop", "sign"]), 19);
        assert_eq!(code(&["mailseal", "sop", "sign", "--as=foo", "k"]), 37);
        assert_eq!(
            code(&["mailseal", "sop", "version", "--backend", "--extended"]),
            83
        );
    }
}
