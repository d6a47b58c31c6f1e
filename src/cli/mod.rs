//! The command line, as clap structures. Parsing only: validation into a
//! [`crate::Ctx`] happens in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod filter;
pub mod filter_pgp;
pub mod filter_smime;
pub mod muttrc;
pub mod send;
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
    /// Keyring directory [default: $MAILSEAL_HOME, else $XDG_DATA_HOME/mailseal].
    /// Only `keyring import`, `keyring generate`, `keyring group add|import` and
    /// `trust anchor add` create it (and say so); every other command refuses a directory that does not exist
    #[arg(long, global = true, value_name = "DIR")]
    pub keyring: Option<PathBuf>,

    /// Judge validity, expiry and revocation as of this time (RFC 3339)
    #[arg(long, global = true, value_name = "RFC3339-TIME")]
    pub at: Option<String>,

    /// Print the verdict as JSON (one object per message), and an error as one
    /// object {"error", "because", "hint", "exit"}: on stdout, or on stderr for
    /// sign, encrypt, decrypt and keyring export, whose stdout is a message or keys
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
    #[command(after_help = INPUT_HELP)]
    Sign(SignArgs),
    /// Encrypt a message to its recipients (and optionally sign it)
    #[command(
        after_help = "Recipients: every -r, else every address in To, Cc and Bcc, plus \
yourself (unless --no-self). Only fully valid bindings are used unless --trust-any; a recipient \
without one is an error naming it, never a plaintext fallback. A recipient that is a group \
(`mailseal keyring group`) stands for its members, each of whom needs such a binding; -v names \
the members.\n\n\
Protocol: --smime or --openpgp; else OpenPGP when every recipient has a fully valid OpenPGP \
binding, else S/MIME.\n\n\
S/MIME content encryption (RFC 8551 section 2.7): AES-256-GCM (AuthEnvelopedData, \
integrity-protected) when every recipient is known to read it: the key is your own, their \
newest signed mail that verified announced it, or their certificate does (RFC 4262; the \
certificates `keyring generate` makes do). Otherwise AES-256-CBC (EnvelopedData), which every \
S/MIME client reads (`openssl smime`, Thunderbird, Outlook). --cipher or `smime-cipher` in \
mailseal.conf overrides; -v says which was chosen and why, per recipient (--json: one object \
on standard error).\n\n\
Bcc: the Bcc header is always removed. OpenPGP hides Bcc recipients (anonymous key IDs). S/MIME \
cannot hide a recipient, so with Bcc recipients `-o DIR` writes DIR/message.eml for the visible \
recipients and DIR/bcc-N.eml for each Bcc recipient; without a directory the command refuses.\n\n\
Input: an RFC 5322 message (header fields, an empty line, the body). Anything else (bare text, \
a binary file, a first paragraph that is not header fields, a header without a From field) is \
refused with exit 2, since what is read as the header stays outside the encryption, in clear. \
To protect bare text or a file, --wrap builds a message around it, whose --to and --cc \
addresses are then the default recipients.\n\n\
Examples:\n  mailseal encrypt --sign < draft.eml | sendmail -t\n  \
mailseal encrypt --wrap --from alice@example.org --to bob@example.org minutes.pdf"
    )]
    Encrypt(EncryptArgs),
    /// Decrypt a message and check any signature inside
    #[command(
        long_about = "Decrypt a message and check every signature on it, inside and outside the \
encryption: an encrypted entity under signature layers (encrypt-then-sign, a gateway's \
signature) is opened too, and every layer is judged as `mailseal verify` judges it. The \
decrypted message (without the signature layers that were around the encryption) goes to \
standard output or -o FILE, the report to standard error. Nothing is written when a signature \
is bad, or when the content was encrypted without integrity protection (CBC) and no trusted \
signature of the author inside the encryption vouches for it (unless --legacy-cbc)."
    )]
    Decrypt(DecryptArgs),
    /// Verify a message, or every message in directories, Maildirs and mbox files
    #[command(
        long_about = "Verify a message, or every message in directories, Maildirs \
and mbox files (in parallel, one result per message, the worst exit code overall).\n\n\
A message is trusted (exit 0) only when every signature is good, the signer's binding to the \
From address is fully valid, and the signature covers the whole message; a signed part \
inside unsigned content counts as part (exit 3).\n\n\
Layers: a signature around a signed or encrypted message (a mailing list, a gateway, \
encrypt-then-sign) is peeled, in either protocol and any order, up to 8 layers; every \
signature is reported with its layer (0 the outermost). The innermost signature layer is the \
author's and must be the From address; outer signers are reported as \"also signed by\" and \
judged for their own address. A bad layer anywhere is exit 1, an untrusted one exit 3. An \
encrypted message is reported as encrypted (exit 4) with a hint to decrypt it.\n\n\
Digests: SHA-1, MD5 and RIPEMD-160 data signatures are never trusted (\"weak digest\", \
exit 3), in both protocols (Sequoia's standard policy).\n\n\
What a person reads: a From display name that contains another address, and a Date more \
than an hour from the author's signing time (a replayed signature), make the message \
untrusted (exit 3); a display name that is someone else's name in the keyring, and Sender or \
Reply-To addresses that are not the signer's, are named as warnings.\n\n\
Each signature is judged at its signing time for the expiry of the key or certificate: mail \
signed while it was valid stays trusted after it expires, and the report says \"judged at \
the signing time\". A revocation for key compromise (or with no reason) invalidates every \
signature; a soft one (superseded, retired, affiliation changed) only those made after it.\n\n\
Certificates from signed mail: the certificate of every S/MIME signature that verifies, \
and the chain certificates the message carries for it, are kept in the keyring (once per \
certificate, in one write per run), with what the signature announces its signer reads \
(SMIMECapabilities), so that a reply can be encrypted. Keeping a certificate makes nothing \
trusted: validity still comes only from trust anchors and pins; `trust check` shows where a \
certificate came from. --no-learn, or `learn-from-mail no` in mailseal.conf, turns this off.\n\n\
Per-domain policy: with `require-signature DOMAIN` in mailseal.conf, unsigned or untrusted mail \
from DOMAIN or a subdomain is a policy violation (untrusted, exit 3; bad stays exit 1), and with \
`require-encryption DOMAIN` so is mail from it that arrived unencrypted; a warning of kind \
\"policy\" names the rule and its line.\n\n\
JSON (--json): one object per message with path, message_id, from, protocol, encrypted, \
layers [{layer, kind, protocol}], signatures [{status, signer, signed_at, sender_match, \
trust, covers, layer, role (author or also-signed), digest, weak_digest, reason}], warnings \
[{kind, text, lowers}], verdict (trusted, untrusted, bad, unsigned, encrypted, error), exit, \
and error or hint when there is one; in a batch, a message inside an mbox also carries mbox \
{file, index, offset} (the byte offset of its `From ` line).\n\n\
Work lists and shards: --paths-from FILE (or - for standard input) takes the paths to check \
from a file, one message file, directory, Maildir or mbox per line. An entry that cannot be \
read is a result line with exit 2 and the run goes on. Every process makes its own trust \
decisions, so a work list can be split among processes or machines over copies of one \
keyring, and the JSON lines of the shards, concatenated, are those of one run (the worst exit \
code of the shards is the run's).",
        after_help = "Examples:\n  mailseal verify message.eml\n  mailseal verify ~/Maildir --json > verdicts.jsonl\n  \
find archive -type f | mailseal verify --json --paths-from - > verdicts.jsonl\n  \
find archive -type f | parallel --pipe -N 500 mailseal verify --json --paths-from - > verdicts.jsonl"
    )]
    Verify(VerifyArgs),
    /// Manage keys and certificates
    #[command(subcommand)]
    Keyring(KeyringCommand),
    /// Manage trust: anchors
    #[command(subcommand)]
    Trust(TrustCommand),
    /// For mail clients (neomutt, mutt): raw operations on parts and
    /// detached signatures with gpg's status lines and openssl's output,
    /// the configuration that uses them, the one-key full check
    Filter(filter::FilterArgs),
    /// Protect a message as the flags and the recipients' keys say, and
    /// hand it to a sendmail-compatible command
    Send(send::SendArgs),
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
    /// Use S/MIME [default: the protocol every recipient (or the signer)
    /// has a valid key in; if both, `prefer-protocol` in mailseal.conf,
    /// else OpenPGP]
    #[arg(long, conflicts_with = "openpgp")]
    pub smime: bool,
    /// Use OpenPGP (PGP/MIME)
    #[arg(long)]
    pub openpgp: bool,
}

/// What sign says about its input (encrypt says it in its own words).
const INPUT_HELP: &str = "Input: an RFC 5322 message (header fields, an empty line, the body). \
Anything else (bare text, a binary file, a first paragraph that is not header fields, a header \
without a From field) is refused with exit 2, since what is read as the header stays outside \
the signature. To sign bare text or a file, --wrap builds a message around it.\n\n\
Examples:\n  mailseal sign < draft.eml > signed.eml\n  \
mailseal sign --wrap --from alice@example.org --to bob@example.org report.txt";

/// `--wrap` and the header fields of the message it builds (sign and
/// encrypt).
#[derive(Debug, Args)]
#[command(next_help_heading = "Protecting bare text or a file")]
pub struct WrapArgs {
    /// Build a message around the input instead of requiring one: UTF-8 text becomes
    /// text/plain, anything else an attachment (application/octet-stream) named after the
    /// input file; both travel inside the protection
    #[arg(long, requires = "from")]
    pub wrap: bool,
    /// With --wrap: the sender (ADDR or "Name <ADDR>"), who signs and can decrypt
    #[arg(long, value_name = "ADDR", requires = "wrap")]
    pub from: Option<String>,
    /// With --wrap: a recipient; repeatable, or a comma-separated list
    #[arg(long, value_name = "ADDR", requires = "wrap")]
    pub to: Vec<String>,
    /// With --wrap: a copy recipient; repeatable, or a comma-separated list
    #[arg(long, value_name = "ADDR", requires = "wrap")]
    pub cc: Vec<String>,
    /// With --wrap: the subject. It goes in the outer header, which is neither encrypted nor
    /// signed: put nothing secret in it
    #[arg(long, value_name = "TEXT", requires = "wrap")]
    pub subject: Option<String>,
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
    #[command(flatten)]
    pub wrap: WrapArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CipherArg {
    /// AES-256-GCM when every recipient is known to read it (their signed
    /// mail or certificate says so, or the key is your own), else AES-256-CBC
    Auto,
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
    /// Recipient (address, fingerprint, name, or a group of `keyring group`); repeatable.
    /// Default: every address in To, Cc and Bcc, plus the sender
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
    /// S/MIME content encryption [default: `smime-cipher` in mailseal.conf,
    /// else auto]
    #[arg(long, value_enum)]
    pub cipher: Option<CipherArg>,
    /// S/MIME key transport for RSA recipients
    #[arg(long, value_enum, default_value = "pkcs1")]
    pub key_transport: KeyTransportArg,
    /// Do not add the sender's own certificate as a recipient
    #[arg(long)]
    pub no_self: bool,
    /// Also use recipient certificates that are not fully trusted or have
    /// expired, with a warning on stderr for each; revoked ones are never
    /// used
    #[arg(long)]
    pub trust_any: bool,
    #[command(flatten)]
    pub io: IoArgs,
    #[command(flatten)]
    pub wrap: WrapArgs,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Accept EnvelopedData (AES-CBC, or 3DES and RC2 in old mail) that no
    /// trusted signature inside authenticates; such text may have been
    /// altered (EFAIL)
    #[arg(long)]
    pub legacy_cbc: bool,
    /// Do not keep the certificates of S/MIME signatures inside that
    /// verify [default: `learn-from-mail` in mailseal.conf, else keep them]
    #[arg(long)]
    pub no_learn: bool,
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
    /// Check the paths listed in FILE ("-": standard input), one message
    /// file, directory, Maildir or mbox per line, as a batch
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "output"])]
    pub paths_from: Option<PathBuf>,
    /// For opaque signed messages: write the verified message to FILE
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not keep the certificates of S/MIME signatures that verify
    /// [default: `learn-from-mail` in mailseal.conf, else keep them]
    #[arg(long)]
    pub no_learn: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeyringCommand {
    /// Import certificates, keys (PKCS#8, PKCS#12, OpenPGP) and CRLs
    #[command(
        long_about = "Import X.509 certificates (PEM, DER, PKCS#7 bundles), private keys \
(PKCS#8 plain or encrypted, PKCS#1, SEC1), PKCS#12 files and CRLs, and OpenPGP certificates \
and secret keys (armored or binary, one or many per file, as `gpg --export`, \
`gpg --export-secret-keys` and `sq` write them).\n\n\
Legacy forms are read too: PKCS#12 in BER as NSS (Thunderbird, Firefox) writes it, with \
3DES or RC2 password-based encryption as older tools and Windows write it; PKCS#8 keys \
encrypted with 3DES; PEM with base64 lines of any length.\n\n\
An OpenPGP certificate already in the keyring is merged with the imported copy: new \
signatures, user IDs, subkeys and revocations are added, nothing is lost, and importing the \
same thing again changes nothing. Expired and revoked certificates are kept (`keyring list` \
reports them). A revocation certificate (as `gpg --gen-revoke` writes it) revokes the \
certificate it belongs to, which must already be in the keyring. OpenPGP secret keys that are passphrase-protected are stored as they are; \
unprotected ones are encrypted with your passphrase first. A file that does not parse \
completely imports nothing.",
        after_help = "Examples:\n  mailseal keyring import alice.p12\n  gpg --export-secret-keys --armor alice@example.org > alice.asc\n  mailseal keyring import alice.asc\n  gpg --export > pubring.pgp && mailseal keyring import pubring.pgp"
    )]
    Import {
        /// Files to import (PEM or DER; .p12/.pfx; OpenPGP armored or binary)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List certificates and keys of both protocols
    #[command(
        long_about = "List certificates and keys of both protocols. OpenPGP certificates show \
their fingerprint, user IDs, creation and expiry, and the flags [secret] (a secret key is in \
the keyring), [expired] and [revoked], judged at --at (default: now)."
    )]
    List {
        /// E-mail address, fingerprint, key ID (16 hex digits, OpenPGP) or name
        query: Option<String>,
    },
    /// Export certificates (PEM, armored OpenPGP), with --secret the encrypted keys
    #[command(
        long_about = "Export the matching certificates: X.509 as PEM, OpenPGP as armored \
PUBLIC KEY BLOCKs (local, non-exportable signatures are left out). With --secret, the X.509 \
private keys (ENCRYPTED PRIVATE KEY) and the OpenPGP secret keys (PRIVATE KEY BLOCK) are \
included, still protected by your passphrase, as gpg and sq read them."
    )]
    Export {
        /// E-mail address, fingerprint, key ID or name
        query: String,
        /// Include the (still passphrase-protected) private keys
        #[arg(long)]
        secret: bool,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Remove certificates of both protocols; with --secret also their secret keys
    #[command(
        long_about = "Remove the matching certificates of both protocols. Removing a secret key \
(your own S/MIME private key or OpenPGP secret key) needs --secret: without it the command \
removes nothing, names each secret key that would go and exits 2. With --secret each removed \
secret key is named. Certificates without a secret key need no flag.\n\n\
Only certificates and their keys are removed: trust anchors, CRLs, pins and web-of-trust roots \
stay (the pins and roots of a removed certificate are named, and apply again if it is imported \
again). One transaction: all or nothing.",
        after_help = "Examples:\n  mailseal keyring remove bob@example.org\n  mailseal keyring export me@example.org --secret -o me-backup.txt\n  mailseal keyring remove me@example.org --secret"
    )]
    Remove {
        /// E-mail address, fingerprint, key ID or name
        query: String,
        /// Also remove secret keys (your own keys) that match
        #[arg(long)]
        secret: bool,
    },
    /// Generate a new key
    Generate(GenerateKeyArgs),
    /// Change what your OpenPGP key advertises: SEIPD v1 only, or SEIPD v2 (AEAD) too
    #[command(
        name = "set-features",
        long_about = "Change the encryption containers your own OpenPGP key advertises, by \
signing its self-signatures again (this needs your passphrase). Correspondents encrypt with \
SEIPD v2 (AEAD) only when every recipient's key advertises it, and GnuPG 2.2 cannot read such \
mail. Keys made by earlier versions of mailseal with the default profile advertise SEIPD v2: \
if you or a correspondent reads your mail with GnuPG 2.2, make such a key advertise SEIPD v1 \
only. New v4 keys advertise SEIPD v1 only; v6 keys (--profile rfc9580) advertise v2.\n\n\
Your correspondents see the change once they have your updated certificate: export it \
(`mailseal keyring export`) and send it, or publish it where they fetch it. Everything else \
the key says (expiry, preferences) is kept. Without SEIPD v2, GnuPG's own AEAD flag is \
cleared too.",
        after_help = "Examples:\n  mailseal keyring set-features me@example.org --seipd-v1-only\n  mailseal keyring export me@example.org > me.asc\n  mailseal keyring set-features 0123456789ABCDEF0123456789ABCDEF01234567 --seipd-v2"
    )]
    SetFeatures {
        /// Your key: e-mail address, fingerprint, key ID or name
        query: String,
        /// Advertise SEIPD v1 only (mail to you stays readable in GnuPG 2.2)
        #[arg(
            long,
            required_unless_present = "seipd_v2",
            conflicts_with = "seipd_v2"
        )]
        seipd_v1_only: bool,
        /// Advertise SEIPD v2 (AEAD) as well as v1
        #[arg(long)]
        seipd_v2: bool,
    },
    /// Check the keyring's integrity and consistency
    #[command(
        long_about = "Check the keyring database: SQLite's integrity and foreign key checks \
(with the SQLite built into mailseal), then mailseal's own: every stored certificate, CRL and \
trust anchor parses and is stored under its own fingerprint; the key and address index rows \
are exactly those its certificate gives; kept recipient data, index rows and secret keys \
belong to a stored certificate; every OpenPGP secret key parses as its certificate's.\n\n\
Prints each check made and each problem found (with --json, one object: sound, checked, \
problems). Exit status: 0 when the keyring is sound, 1 when a problem was found, 2 when the \
keyring cannot be read at all. Like every command, it first brings the schema of a keyring \
written by an older version up to date.",
        after_help = "Examples:\n  mailseal keyring check\n  mailseal --keyring ~/mail/keyring --json keyring check"
    )]
    Check,
    /// Recipient groups: an address (a mailing list) that stands for its members when
    /// encrypting, in either protocol
    #[command(
        subcommand,
        long_about = "Recipient groups: an address, such as a mailing list's, that stands for \
its members when encrypting. `encrypt -r GROUP`, a GROUP address in the To, Cc or Bcc of the \
message, and `send` all encrypt to every member instead, in either protocol; -v names each \
group and its members. Each member needs a fully valid key as any recipient does: a member \
without one is named in the error, with its group (\"bob@example.org (member of group \
list@example.org): ...\"). The protocol is chosen for all members together: OpenPGP or S/MIME \
only when every member has a key in it (with --smime or --openpgp, the members without a key \
in that protocol are named).\n\n\
A group takes the place of any key of its own address. A member may be another group, which \
expands too; a group that would contain itself is refused. Names and members are compared \
without regard to case."
    )]
    Group(GroupCommand),
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Add members to a group (creating it)
    #[command(
        after_help = "Examples:\n  mailseal keyring group add list@example.org alice@example.org bob@example.org\n  \
mailseal encrypt -r list@example.org < draft.eml > encrypted.eml"
    )]
    Add {
        /// The group's address, such as a mailing list's
        #[arg(value_name = "GROUP")]
        group: String,
        /// The members' addresses (or other groups)
        #[arg(required = true, value_name = "MEMBER")]
        members: Vec<String>,
    },
    /// List the groups and their members (with --json, [{group, members}])
    List {
        /// Only this group
        #[arg(value_name = "GROUP")]
        group: Option<String>,
    },
    /// Remove members from a group, or the whole group when no member is given
    #[command(
        after_help = "A member that is not in the group is an error, and nothing is removed.\n\n\
Examples:\n  mailseal keyring group remove list@example.org bob@example.org\n  \
mailseal keyring group remove list@example.org"
    )]
    Remove {
        #[arg(value_name = "GROUP")]
        group: String,
        /// Members to remove [default: the whole group]
        #[arg(value_name = "MEMBER")]
        members: Vec<String>,
    },
    /// Import the `group` lines of a gpg.conf
    #[command(
        long_about = "Import the `group NAME=MEMBER...` lines of a gpg.conf (`group NAME = \
MEMBER...` too; several lines for one name add up), as groups of the same name; other lines \
are ignored. A member that is an address is kept as it is. A member that is a key ID or \
fingerprint is replaced by the address of that OpenPGP certificate in the keyring when it has \
exactly one address, so that the group works in both protocols; otherwise (not in the \
keyring, or several addresses) the fingerprint or key ID is kept as the member, which only \
OpenPGP can encrypt to, and a warning names it. Members are added to groups already there.",
        after_help = "Examples:\n  mailseal keyring group import ~/.gnupg/gpg.conf"
    )]
    Import {
        /// The gpg.conf to read
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
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

/// The OpenPGP version of a new key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PgpProfileArg {
    /// Version 4 keys, which GnuPG 2.2 and every other implementation read
    #[value(name = "rfc4880")]
    Rfc4880,
    /// Version 6 keys (RFC 9580), for newer implementations only
    #[value(name = "rfc9580")]
    Rfc9580,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The new secret key is protected with your passphrase (asked twice on a terminal).\n\n\
Examples:\n  mailseal keyring generate --openpgp --email alice@example.org --name Alice\n  mailseal keyring generate --openpgp --profile rfc9580 --email alice@example.org --name Alice\n  mailseal keyring generate --smime --email alice@example.org --name Alice --csr alice.csr"
)]
pub struct GenerateKeyArgs {
    /// The e-mail address the key is for
    #[arg(long)]
    pub email: String,
    /// The owner's name (OpenPGP user ID "NAME <EMAIL>", S/MIME common name)
    #[arg(long)]
    pub name: String,
    /// An S/MIME key and self-signed certificate
    #[arg(long, required_unless_present = "openpgp", conflicts_with = "openpgp")]
    pub smime: bool,
    /// An OpenPGP key: Ed25519 primary key (certify, sign) and X25519 encryption subkey;
    /// prints its fingerprint
    #[arg(long)]
    pub openpgp: bool,
    /// OpenPGP key version: rfc4880 (v4, the default, readable by GnuPG 2.2) or rfc9580 (v6)
    #[arg(long, value_enum, value_name = "PROFILE", conflicts_with = "smime")]
    pub profile: Option<PgpProfileArg>,
    /// Key algorithm (S/MIME)
    #[arg(
        long,
        value_enum,
        default_value = "rsa3072",
        conflicts_with = "openpgp"
    )]
    pub algorithm: KeyAlgorithmArg,
    /// Also write a certificate signing request (PEM) to FILE (S/MIME)
    #[arg(long, value_name = "FILE", conflicts_with = "openpgp")]
    pub csr: Option<PathBuf>,
    /// Validity in days [default: 730 for S/MIME; 1095 (three years, as sq) for OpenPGP,
    /// where 0 makes a key that never expires]
    #[arg(long, value_name = "DAYS")]
    pub days: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Manage X.509 trust anchors
    #[command(subcommand)]
    Anchor(AnchorCommand),
    /// Make an OpenPGP certificate a web-of-trust root (your own keys are, while not revoked)
    #[command(
        after_help = "A root's own user IDs are valid, and its certifications (with trust signatures, their depth and regex scope) reach further, up to AMOUNT.

A root vouches only while its certificate is not revoked, and the same holds for your own keys: from its revocation on it vouches for nothing; revoked as compromised (or with no reason given), it vouches at no time, not even for judgements of older mail. `trust check` names the revoked root behind a binding that lost its validity.

Examples:
  mailseal trust root 0123456789ABCDEF0123456789ABCDEF01234567
  mailseal trust root 0123456789ABCDEF0123456789ABCDEF01234567 --amount 60
  mailseal trust root 0123456789ABCDEF0123456789ABCDEF01234567 --remove"
    )]
    Root(RootArgs),
    /// Pin a binding you checked yourself (by phone, in person): full validity
    /// for that fingerprint and address, either protocol
    #[command(
        after_help = "For OpenPGP the pin is a local (non-exportable) certification made with your own OpenPGP key, as `gpg --lsign-key` makes; it asks for that key's passphrase. For an X.509 certificate (SHA-256 fingerprint) the pin is kept in the keyring. A pin does not override a revocation or an expired certificate.

Only an own key that is neither revoked nor expired makes a pin; if none is left, the command names each key and why, and certifies nothing. A pin counts only while the key that made it is not revoked: once it is, the pin stops counting from the revocation on (superseded, retired), or at every time (compromised, or no reason given). `trust check` then says so; pin the binding again with your current key if you still vouch for it.

Examples:
  mailseal trust pin 0123456789ABCDEF0123456789ABCDEF01234567 --email alice@example.org"
    )]
    Pin(PinArgs),
    /// Explain the validity of the bindings of an address, fingerprint or key ID:
    /// the path, its amount, and what is missing
    #[command(
        after_help = "Exit status: 0 if every binding shown is fully valid, 3 if one is not, 1 if one is revoked, 2 if nothing matches.

Examples:
  mailseal trust check alice@example.org
  mailseal --json trust check 0123456789ABCDEF0123456789ABCDEF01234567

Output for a pinned OpenPGP binding, a partly valid one, one that is not valid, and X.509 certificates: one under an anchor, one whose anchor is limited to other domains (`trust anchor add --domain`), and one judged after it expired (fingerprints shortened):
  OpenPGP 336F5E6CA909B502C8CE36AE4A09AC917A1DFC60
    dave@example.org 336F...FC60: fully valid (120/120): pinned by your local certification
      user ID: Dave <dave@example.org>
      path (amount 120): your key \"Me <me@example.org>\" E80E...D89C -> \"Dave <dave@example.org>\" 336F...FC60 (local certification, 2026-11-24)
  OpenPGP 9C1D...
    erin@example.org 9C1D...: partially valid (60/120)
      missing: only 60 of 120 needed: 60 more from other introducers, or a pin
  OpenPGP 5F2E...
    carol@example.org 5F2E...: not valid (0/120)
      missing: no certification from any of your roots reaches this binding
  X.509 B1B0...
    carol@example.org O=Example Org,CN=Carol Example: fully valid: a certificate chain to your trust anchor
      path: O=Example Org,CN=Carol Example -> O=Example Org,CN=Example Org Test CA
      anchor O=Example Org,CN=Example Org Test CA
  X.509 8FA3...
    bob@example.org O=Example Org,CN=Bob Example: not valid (none)
      anchor O=Example Org,CN=Example Org Test CA is limited to domains example.com (not for bob@example.org)
  $ mailseal --at 2040-01-01T00:00:00Z trust check bob@example.org
  X.509 8FA3...
    bob@example.org O=Example Org,CN=Bob Example: not valid (expired)
      path: O=Example Org,CN=Bob Example -> O=Example Org,CN=Example Org Test CA
      certificate O=Example Org,CN=Bob Example expired on 2036-01-01T00:00:00Z (valid 2026-01-01T00:00:00Z to 2036-01-01T00:00:00Z; judged at 2040-01-01T00:00:00Z)"
    )]
    Check {
        /// E-mail address, fingerprint or key ID
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RootArgs {
    /// The certificate's primary key fingerprint
    #[arg(value_name = "FINGERPRINT")]
    pub fingerprint: String,
    /// How far to believe it, 1 to 120 (120 is full trust)
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u8).range(1..=120))]
    pub amount: u8,
    /// Stop using it as a root
    #[arg(long, conflicts_with = "amount")]
    pub remove: bool,
}

#[derive(Debug, Args)]
pub struct PinArgs {
    /// OpenPGP primary key fingerprint, or X.509 certificate SHA-256 fingerprint
    #[arg(value_name = "FINGERPRINT")]
    pub fingerprint: String,
    /// The address to pin [default: every address of the certificate]
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AnchorCommand {
    /// Trust a CA certificate as an anchor, optionally only for some mail domains
    #[command(
        after_help = "With --domain, the anchor vouches only for addresses in those domains and their subdomains (--domain example.org covers alice@example.org and dev@lab.example.org, not mallory@evil.test); for any other address its chains count as no chain, and `trust check` says so. Adding the same anchor again replaces its domain list; without --domain it is believed for every address.

Examples:
  mailseal trust anchor add company-ca.pem --domain example.org --domain example.net
  mailseal trust anchor add company-ca.pem"
    )]
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
