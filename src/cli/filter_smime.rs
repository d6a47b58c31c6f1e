//! `mailseal filter smime ...`: clap structures.
//!
//! The operations neomutt's and mutt's classic S/MIME backend runs (its
//! `smime_*_command` settings), with the output `openssl smime`/`cms`
//! gives there. Each `smime_*_command` of [`muttrc`] runs one of them.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::muttrc;

/// What `mailseal filter smime --help` says after the options: the
/// muttrc lines ([`crate::cli::muttrc`], one source with the file
/// `filter install-config` writes) and what they do.
pub fn settings_help() -> String {
    let lines = muttrc::DOCUMENTED;
    format!(
        "neomutt and mutt (classic crypto backend), in the muttrc:\n{}{}\n{AFTER_SETTINGS}",
        muttrc::indented(&lines.backend()),
        muttrc::indented(&lines.smime())
    )
}

const AFTER_SETTINGS: &str = "\
`mailseal filter install-config` writes these lines, with the OpenPGP ones, delivery through \
`mailseal send` and a one-key full check, into a file for neomutt and mutt to source (with \
`--keyring DIR` after `mailseal` when the keyring is not the default one). \
`source 'mailseal filter smime sync|'` sets smime_keys, smime_certificates, smime_ca_location \
and smime_default_key from the keyring each time the client starts.

The key and certificate directories are written from the keyring (KEYRING/mutt-smime): \
every certificate with an e-mail address, its trust as mailseal judges it, and for each of \
your own keys a file that names the key (no key material: the key stays encrypted in the \
keyring, and sign and decrypt unlock it with the passphrase neomutt sends on standard input). \
Every `filter smime` command and every command that changes keys or trust \
(keyring import/remove/generate, trust anchor, trust pin) brings them up to date; never edit \
them by hand.

Verification: the first line on standard error is \"Verification successful\" only when every \
signature is good, its signer's certificate is fully valid for the signer's own address (a \
chain to your anchor, or your pin) and no weak digest (SHA-1, MD5) was used; otherwise it is \
\"Verification failure\". The next lines name each signer's address and why, and the rule of \
mailseal.conf broken when the signer is at a `require-signature` domain. Exit status: 0 \
good and trusted, 1 bad, 3 good but not trusted (or weak), 2 unreadable input. neomutt then \
checks the signer against From: get-signer-cert gives it the signer only when the signer's \
certificate is fully valid for the From address itself.

Decryption writes only authenticated content: AuthEnvelopedData (AES-GCM), or EnvelopedData \
(CBC) whose content is signed by a fully valid signer; with --legacy-cbc in \
smime_decrypt_command, unauthenticated CBC content is written too, with a note.";

#[derive(Debug, Subcommand)]
#[command(after_help = settings_help(), term_width = 0)]
pub enum SmimeFilter {
    /// Verify a detached signature over a part (--content), or an opaque
    /// signature (its content goes to standard output); the verdict goes
    /// to standard error as openssl's "Verification successful" or
    /// "Verification failure", then one line per signer
    Verify(VerifyArgs),
    /// Sign a part: a detached DER signature (or opaque with --nodetach)
    /// on standard output; the passphrase is the first line of standard
    /// input
    Sign(SignArgs),
    /// Encrypt a part to the certificates in CERTFILE... and to your own
    /// certificate: DER on standard output
    Encrypt(EncryptArgs),
    /// Decrypt DER EnvelopedData or AuthEnvelopedData: the MIME entity on
    /// standard output; the passphrase is the first line of standard input
    Decrypt(DecryptArgs),
    /// Print the S/MIME signature of a message as PEM PKCS7 (as `openssl
    /// smime -pk7out`)
    Pk7out(InputArg),
    /// Print the certificates of a PKCS7 structure or signature as PEM
    /// (as `openssl pkcs7 -print_certs`)
    GetCert(InputArg),
    /// Write the certificate of each good signature whose signer is fully
    /// valid for the message's From address to FILE as PEM (neomutt's
    /// sender check; as `openssl smime -verify -signer FILE`)
    GetSignerCert(GetSignerCertArgs),
    /// Print a certificate's e-mail addresses, one a line (as `openssl x509
    /// -email`)
    GetCertEmail(InputArg),
    /// Import certificates into the keyring (a label on standard input is
    /// ignored) and bring the key and certificate directories up to date
    Import(ImportArgs),
    /// Print the keyring's certificates matching an address, fingerprint
    /// or name as PEM
    Export(ExportArgs),
    /// Write the key and certificate directories from the keyring, and
    /// print the neomutt settings for them
    Sync,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signature: DER (as neomutt's %s), BER or PEM
    #[arg(long, value_name = "FILE")]
    pub sig: PathBuf,
    /// The signed part (neomutt's %f), for a detached signature; without
    /// it the signature must carry its content (opaque)
    #[arg(long, value_name = "FILE")]
    pub content: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignerArgs {
    /// The key file neomutt passes as %k: a file in the key directory
    /// naming one of your keys [default: your newest signing key]
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,
    /// The certificate file neomutt passes as %c: must be the key's
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub signer: SignerArgs,
    /// The digest neomutt announces in micalg (%d, $smime_sign_digest_alg):
    /// refused unless it is the one the key signs with
    #[arg(long, value_name = "ALG")]
    pub digest: Option<String>,
    /// Intermediate certificates (neomutt's %i): accepted and not read; the
    /// chain comes from the keyring
    #[arg(long, value_name = "FILE")]
    pub certfile: Option<PathBuf>,
    /// Encapsulate the content (opaque signed-data) instead of a detached
    /// signature
    #[arg(long)]
    pub nodetach: bool,
    /// The part to sign (neomutt's %f); LF line ends are signed as CRLF
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
}

/// The content encryption. neomutt's names (its %a, $smime_encrypt_with:
/// aes128, aes192, aes256) ask for AES and leave the mode to mailseal,
/// which chooses as `mailseal encrypt` does: AES-256-GCM when every
/// recipient is known to read it, else AES-256-CBC. The two modes can be
/// asked for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FilterCipher {
    /// AES-256-GCM when every recipient is known to read it (their signed
    /// mail or certificate says so, or the key is your own), else
    /// AES-256-CBC; also for neomutt's aes128, aes192 and aes256
    #[value(name = "auto", alias = "aes256", alias = "aes192", alias = "aes128")]
    Auto,
    /// AuthEnvelopedData, AES-256-GCM (integrity-protected)
    #[value(name = "aes256-gcm", alias = "aes-256-gcm")]
    Aes256Gcm,
    /// EnvelopedData, AES-256-CBC, for clients that cannot read GCM (no
    /// integrity protection)
    #[value(name = "aes256-cbc", alias = "aes-256-cbc")]
    Aes256Cbc,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Content encryption [default: `smime-cipher` in mailseal.conf, else
    /// auto]
    #[arg(long, value_enum, value_name = "CIPHER")]
    pub cipher: Option<FilterCipher>,
    /// Sign the part inside the encryption (multipart/signed), with --key
    /// or your newest signing key; the passphrase is the first line of
    /// standard input
    #[arg(long)]
    pub sign: bool,
    #[command(flatten)]
    pub signer: SignerArgs,
    /// Do not add your own certificate as a recipient
    #[arg(long)]
    pub no_self: bool,
    /// The part to encrypt (neomutt's %f)
    #[arg(long = "in", value_name = "FILE")]
    pub input: PathBuf,
    /// Recipient certificate files (neomutt's %c): each must be in the
    /// keyring and fully valid
    #[arg(value_name = "CERTFILE", required = true)]
    pub certs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Also write content encrypted without integrity protection (CBC)
    /// that no trusted signature inside vouches for (EFAIL risk)
    #[arg(long)]
    pub legacy_cbc: bool,
    /// The encrypted part (neomutt's %f): DER, BER or PEM
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
}

#[derive(Debug, Args)]
pub struct InputArg {
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
}

#[derive(Debug, Args)]
pub struct GetSignerCertArgs {
    /// Where to write the signer certificates (neomutt's %c)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A signed message (multipart/signed or opaque)
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Certificate files (PEM or DER)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// E-mail address, fingerprint or name
    pub query: String,
}
