//! `mailseal filter`: raw operations for mail clients that build the MIME
//! themselves (neomutt's and mutt's `pgp_*_command` and
//! `smime_*_command`), the configuration that sets them up, and the full
//! check of a whole message, as clap structures.

use std::path::PathBuf;

use clap::{Args, Subcommand};

pub use super::filter_pgp::PgpFilter;
pub use super::filter_smime::SmimeFilter;
use super::muttrc;

#[derive(Debug, Args)]
pub struct FilterArgs {
    #[command(subcommand)]
    pub command: FilterCommand,
}

#[derive(Debug, Subcommand)]
pub enum FilterCommand {
    /// OpenPGP operations on parts and detached signatures, with gpg's
    /// status lines and key listing
    #[command(subcommand)]
    Pgp(PgpFilter),
    /// S/MIME operations on parts and detached signatures, with the
    /// output openssl gives
    #[command(subcommand)]
    Smime(SmimeFilter),
    /// Write the neomutt and mutt configuration that uses mailseal for
    /// OpenPGP, S/MIME and sending, and print the line that sources it
    #[command(after_help = install_help(), term_width = 0)]
    InstallConfig(InstallArgs),
    /// Check a whole message as a mail client pipes it (the one-key full
    /// check): every layer, decrypted if need be, the signer against
    /// From, the per-domain policy; the verdict in words, never the
    /// content
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Print `color index` lines that mark, in a client's index, mail
    /// that breaks the per-domain policy of mailseal.conf
    #[command(after_help = POLICY_COLORS_HELP)]
    PolicyColors,
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The delivery command `mailseal send` hands mail to, as words
    /// separated by spaces (the client splits it there)
    #[arg(long, value_name = "CMD", default_value = muttrc::DEFAULT_SENDMAIL)]
    pub sendmail: String,
    /// Where to write mailseal.muttrc ("-": print it instead) [default:
    /// $XDG_CONFIG_HOME/neomutt, else ~/.config/neomutt]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The message ("-" or none: standard input); an mbox "From " line
    /// before it, as clients pipe it, is left out
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
}

fn install_help() -> String {
    format!(
        "The file, for neomutt and mutt alike (each line is explained in the --help of the \
command it runs):\n\n{}\n\
With --keyring DIR, or MAILSEAL_HOME, the keyring is named in every command (`mailseal --keyring \
DIR ...`); the client runs them through a shell and splits $sendmail at spaces, so DIR must be \
written without spaces or quotes (a symbolic link will do). The keyring must exist.\n\n\
Examples:\n  mailseal filter install-config\n  \
mailseal filter install-config ~/.mutt\n  \
mailseal filter install-config --sendmail \"msmtp -a work\"",
        muttrc::indented(&muttrc::DOCUMENTED.file())
    )
}

const CHECK_HELP: &str = "\
The client's crypto commands see a part and its signature, never the message's From: in neomutt \
and mutt the PGP signer is not compared with the sender at all, and no verify command knows the \
per-domain policy. This one does what `mailseal verify` does with the whole message, and more: \
an encrypted message is decrypted (the passphrase is asked on the terminal, which the client \
hands over while it pipes, unless --passphrase-file or --passphrase-fd) and every signature \
inside is judged too. Its content is never written.

The configuration of `mailseal filter install-config` binds it to X in the index and the pager \
(`<pipe-message>`, with pipe_decode unset and wait_key set while it runs).

Exit codes as verify: 0 trusted, 1 bad, 2 error (cannot read, cannot decrypt), 3 untrusted \
(signer not the sender, not fully valid, part signed, a policy violation), 4 not signed.";

const POLICY_COLORS_HELP: &str = "\
For each `require-signature DOMAIN` line of mailseal.conf: mail from DOMAIN or a subdomain that \
is neither signed nor encrypted (`!~g !~G`); for each `require-encryption DOMAIN`: mail from it \
that is not encrypted (`!~G`). The client tells a signed message by its structure, not by \
checking the signature: the full check (X) and the client's own verification say whether it \
is good. `source 'mailseal filter policy-colors|'` in the muttrc (as the file of `mailseal \
filter install-config` has it) reads mailseal.conf at each start.";
