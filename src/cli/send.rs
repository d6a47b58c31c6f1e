//! `mailseal send`: clap structures.

use clap::Args;

const AFTER_HELP: &str = "\
Recipients: every address in To, Cc and Bcc (as `sendmail -t` reads them) and every recipient \
among CMD's arguments (all after its `--`, as mail clients pass them; before that, an address \
that is not the value of an option such as -f), each once. A message is encrypted for all of \
them and for you; a recipient that is a group (`mailseal keyring group`, a mailing list) is \
encrypted for its members, and still handed to CMD as the group's address. OpenPGP hides those that are not in To or Cc (anonymous key IDs); S/MIME \
cannot hide a recipient, so with such recipients only OpenPGP encrypts. The header reaches CMD \
as it came, Bcc included: CMD removes Bcc, as `sendmail -t` does; it is never inside the \
encryption.

Protection: --encrypt encrypts (and signs inside with --sign) or hands nothing over, saying per \
recipient and protocol what is missing. --encrypt-if-possible encrypts when every recipient has \
a fully valid key in one protocol, else hands the message over signed (with --sign) or as it is, \
and says why on standard error. Without either, the message goes signed (--sign) or as it is. \
The protocol is the one in which every recipient has a fully valid key, `prefer-protocol` of \
mailseal.conf (default OpenPGP) when both would do; for a signature alone, the preferred one \
you have a signing key in.

Protected already: a message a mail client encrypted (PGP/MIME, S/MIME, inline PGP) goes as it \
came, and counts as encrypted for --encrypt and the policy; whether it is signed inside cannot \
be seen without a recipient's key. A message signed at its root counts as signed: it is not \
signed again, and is encrypted, with its signature inside, when encryption is wanted.

Policy: `require-encryption DOMAIN` and `require-signature DOMAIN` in mailseal.conf make send \
encrypt, or sign, every message to an address in DOMAIN or a subdomain, whatever the flags, and \
hand nothing over when it cannot.

Hand-over: CMD runs with its arguments, without a shell, the message on its standard input, and \
send exits with CMD's exit code (128+N when signal N ends it). Nothing is handed over, and send \
exits 2 saying why, when protection that is required cannot be made, the input is not an RFC \
5322 message, a passphrase is missing, or CMD cannot be run. One line on standard error says \
what was done (nothing with --quiet); a mail client shows it when delivery fails. Mail clients \
give send no terminal to ask a passphrase on: use --passphrase-file.

Examples:
  mailseal send --encrypt --sign -- /usr/sbin/sendmail -oi -t < draft.eml
  mailseal send --encrypt-if-possible /usr/sbin/sendmail -oi -t < draft.eml

  # neomutt and mutt sign and encrypt themselves with the file of `mailseal
  # filter install-config`, which has send keep the policy. No `--` in
  # $sendmail: the client reads what follows one as recipients, and appends
  # its options (-f with $use_envelope_from) and the recipients to CMD.
  set sendmail=\"mailseal send /usr/sbin/sendmail -oem -oi\"
  # with the client's own signing and encryption off instead:
  set sendmail=\"mailseal --passphrase-file /home/me/.mailseal-pass \\
      send --encrypt-if-possible --sign /usr/sbin/sendmail -oem -oi\"";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct SendArgs {
    /// Encrypt for every recipient (either protocol), or hand nothing over
    #[arg(long, conflicts_with = "encrypt_if_possible")]
    pub encrypt: bool,

    /// Encrypt when every recipient has a fully valid key, else hand the
    /// message over signed (with --sign) or as it is
    #[arg(long)]
    pub encrypt_if_possible: bool,

    /// Sign the message (inside the encryption when it is encrypted)
    #[arg(long)]
    pub sign: bool,

    /// The command that delivers the message (a sendmail), run without a
    /// shell, and its arguments; a `--` before it is optional
    #[arg(
        value_name = "CMD",
        required = true,
        num_args = 1..,
        trailing_var_arg = true
    )]
    pub command: Vec<String>,
}
