//! The configuration that makes mailseal the OpenPGP and S/MIME backend
//! of neomutt and mutt (their classic crypto, which runs commands), the
//! wrapper around their delivery command, and a one-key full check.
//!
//! One source: `filter pgp --help`, `filter smime --help` and `filter
//! install-config --help` show these lines, and `filter install-config`
//! writes them, with the keyring and delivery command filled in, into the
//! file a muttrc sources. The same file serves neomutt and mutt: every
//! name in it is one both read (neomutt reads `pgp_clearsign_command` as
//! its `pgp_clear_sign_command`).

/// neomutt's default `$sendmail`: what `mailseal send` hands mail to
/// unless `install-config --sendmail` says otherwise.
pub const DEFAULT_SENDMAIL: &str = "/usr/sbin/sendmail -oem -oi";

/// The key bound, in the index and the pager, to the full check of the
/// whole message (`filter check`).
pub const CHECK_KEY: &str = "X";

/// The name `install-config` gives the file.
pub const FILE_NAME: &str = "mailseal.muttrc";

/// What the lines are made for.
#[derive(Debug, Clone, Copy)]
pub struct Muttrc<'a> {
    /// How the client runs mailseal: `mailseal`, or `mailseal --keyring
    /// DIR`. Run through a shell by the client, and split at spaces in
    /// `$sendmail`: it must need no quoting.
    pub mailseal: &'a str,
    /// The delivery command `mailseal send` hands mail to, as words
    /// separated by spaces.
    pub sendmail: &'a str,
}

/// The lines as the help texts show them: the keyring is the default
/// one, delivery through `/usr/sbin/sendmail`.
pub const DOCUMENTED: Muttrc<'static> = Muttrc {
    mailseal: "mailseal",
    sendmail: DEFAULT_SENDMAIL,
};

impl Muttrc<'_> {
    /// The classic backend instead of GPGME (neomutt's default, and
    /// mutt's as Debian sets it up).
    pub fn backend(&self) -> String {
        "# the classic backend, which runs the commands below\nset crypt_use_gpgme=no".into()
    }

    /// The `pgp_*` settings: `filter pgp` as gpg.
    pub fn pgp(&self) -> String {
        let m = self.mailseal;
        let pass = "%?p?--passphrase-fd 0?";
        let user = "%?a?--local-user %a?";
        [
            "# the client asks for the passphrase and passes it on fd 0".to_string(),
            "unset pgp_use_gpg_agent".into(),
            format!("set pgp_decode_command=\"{m} filter pgp decode --status-fd 2 {pass} %f\""),
            format!("set pgp_verify_command=\"{m} filter pgp verify --status-fd 2 %s %f\""),
            format!("set pgp_decrypt_command=\"{m} filter pgp decrypt --status-fd 2 {pass} %f\""),
            format!("set pgp_sign_command=\"{m} filter pgp sign {pass} {user} %f\""),
            format!("set pgp_clearsign_command=\"{m} filter pgp clearsign {pass} {user} %f\""),
            format!("set pgp_encrypt_only_command=\"{m} filter pgp encrypt {user} %f %r\""),
            format!(
                "set pgp_encrypt_sign_command=\"{m} filter pgp encrypt --sign {pass} {user} %f %r\""
            ),
            format!("set pgp_import_command=\"{m} filter pgp import %f\""),
            format!("set pgp_export_command=\"{m} filter pgp export %r\""),
            format!("set pgp_verify_key_command=\"{m} trust check %r\""),
            format!("set pgp_list_pubring_command=\"{m} filter pgp list-keys %r\""),
            format!("set pgp_list_secring_command=\"{m} filter pgp list-secret-keys %r\""),
            "set pgp_good_sign=\"^\\\\[GNUPG:\\\\] GOODSIG\"".into(),
            "set pgp_decryption_okay=\"^\\\\[GNUPG:\\\\] DECRYPTION_OKAY\"".into(),
            "set pgp_check_gpg_decrypt_status_fd".into(),
            "set pgp_check_exit".into(),
        ]
        .join("\n")
    }

    /// The `smime_*` settings: `filter smime` as openssl, and the key and
    /// certificate directories written from the keyring at each start.
    pub fn smime(&self) -> String {
        let m = self.mailseal;
        [
            "set smime_sign_digest_alg=\"sha256\"".to_string(),
            "set smime_encrypt_with=\"aes256\"".into(),
            format!("set smime_sign_command=\"{m} filter smime sign --digest %d --key %k --cert %c %f\""),
            format!("set smime_encrypt_command=\"{m} filter smime encrypt --cipher %a --in %f %c\""),
            format!("set smime_decrypt_command=\"{m} filter smime decrypt %f\""),
            format!("set smime_verify_command=\"{m} filter smime verify --sig %s --content %f\""),
            format!("set smime_verify_opaque_command=\"{m} filter smime verify --sig %s\""),
            format!("set smime_pk7out_command=\"{m} filter smime pk7out %f\""),
            format!("set smime_get_cert_command=\"{m} filter smime get-cert %f\""),
            format!(
                "set smime_get_signer_cert_command=\"{m} filter smime get-signer-cert --out %c %f\""
            ),
            format!("set smime_get_cert_email_command=\"{m} filter smime get-cert-email %f\""),
            format!("set smime_import_cert_command=\"{m} filter smime import %f\""),
            "# smime_keys, smime_certificates, smime_default_key: from the keyring, at each start"
                .into(),
            format!("source '{m} filter smime sync|'"),
        ]
        .join("\n")
    }

    /// Delivery through `mailseal send`, without flags: what the client
    /// protected goes as it is, and the per-domain policy is kept.
    pub fn sending(&self) -> String {
        format!(
            "# what the client protected goes as it is; the per-domain policy of mailseal.conf\n\
             # is kept, and nothing is sent when it cannot be\n\
             set sendmail=\"{} send {}\"",
            self.mailseal, self.sendmail
        )
    }

    /// The full check of the whole message on one key, and the marks of
    /// mail that breaks the per-domain policy.
    pub fn check(&self) -> String {
        let m = self.mailseal;
        // pipe-message must pipe the message as received (pipe_decode
        // unset), and the verdict must stay on the screen (wait_key):
        // both are set for the check and given back their values after.
        let save = "<enter-command>set my_mailseal_pd=\\$pipe_decode my_mailseal_wk=\\$wait_key \
                    nopipe_decode wait_key<enter>";
        let restore = "<enter-command>set pipe_decode=\\$my_mailseal_pd \
                       wait_key=\\$my_mailseal_wk<enter>";
        [
            format!(
                "macro index,pager {CHECK_KEY} \"{save}<pipe-message>{m} filter check<enter>\
                 {restore}\" \"mailseal: check the whole message (signer and From, every layer, \
                 the policy)\""
            ),
            "# mail that breaks the per-domain policy, in red in the index".into(),
            format!("source '{m} filter policy-colors|'"),
        ]
        .join("\n")
    }

    /// The whole file `filter install-config` writes.
    pub fn file(&self) -> String {
        format!(
            "# mailseal: OpenPGP and S/MIME in neomutt and mutt, from one keyring and one trust model.\n\
             # Written by `mailseal filter install-config`: run it again rather than editing this file.\n\
             \n\
             {}\n\
             \n\
             # OpenPGP (PGP/MIME and inline): `mailseal filter pgp --help`\n\
             {}\n\
             \n\
             # S/MIME: `mailseal filter smime --help`\n\
             {}\n\
             \n\
             # Sending: `mailseal send --help`\n\
             {}\n\
             \n\
             # The full check ({CHECK_KEY}) and the per-domain policy: `mailseal filter check --help`\n\
             {}\n",
            self.backend(),
            self.pgp(),
            self.smime(),
            self.sending(),
            self.check()
        )
    }
}

/// Indents every line by two spaces, for a help text.
pub fn indented(lines: &str) -> String {
    lines
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect::<String>()
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    /// The command lines of the file, `mailseal` and all, with the
    /// client's expandos filled in as it fills them.
    fn command_lines(file: &str) -> Vec<(String, Vec<String>)> {
        file.lines()
            .filter_map(|l| {
                let (name, value) = l.strip_prefix("set ")?.split_once("=\"")?;
                let value = value.split_once('"')?.0;
                value.starts_with("mailseal").then_some((name, value))
            })
            .map(|(name, value)| {
                // %c is a list of certificate files for encryption, one
                // file elsewhere; %r a list of key IDs but for viewing one.
                let certs = if name == "smime_encrypt_command" {
                    "/c/one /c/two"
                } else {
                    "/c/one"
                };
                let keys = if name == "pgp_verify_key_command" {
                    "0x0123456789ABCDEF"
                } else {
                    "0x0123456789ABCDEF 0xFEDCBA9876543210"
                };
                let expanded = value
                    .replace("%?p?--passphrase-fd 0?", "--passphrase-fd 0")
                    .replace("%?a?--local-user %a?", "--local-user 0x0123456789ABCDEF")
                    .replace("%a", "aes256")
                    .replace("%d", "sha256")
                    .replace("%c", certs)
                    .replace("%k", "/k/key")
                    .replace("%s", "/s/sig")
                    .replace("%r", keys)
                    .replace("%f", "/f/part");
                let words = expanded.split_whitespace().map(str::to_string).collect();
                (name.to_string(), words)
            })
            .collect()
    }

    /// Every command line of the file parses, the keyring's too.
    #[test]
    fn every_command_line_parses_as_the_client_fills_it_in() {
        let custom = Muttrc {
            mailseal: "mailseal --keyring /k/ring",
            sendmail: "msmtp -a work",
        };
        for muttrc in [DOCUMENTED, custom] {
            let lines = command_lines(&muttrc.file());
            assert_eq!(lines.len(), 1 + 12 + 10, "{lines:?}");
            for (name, words) in lines {
                if name == "sendmail" {
                    // The client appends its options and `-- RECIPIENTS`.
                    let mut words = words;
                    words.extend(["--", "a@example.org"].map(String::from));
                    assert!(Cli::try_parse_from(&words).is_ok(), "{words:?}");
                    continue;
                }
                if let Err(e) = Cli::try_parse_from(&words) {
                    panic!("{name}: {words:?}: {e}");
                }
            }
        }
    }

    #[test]
    fn the_keyring_reaches_every_command_and_the_sources() {
        let file = Muttrc {
            mailseal: "mailseal --keyring /k/ring",
            sendmail: DEFAULT_SENDMAIL,
        }
        .file();
        let settings = file.lines().filter(|l| !l.starts_with('#'));
        let runs: usize = settings.map(|l| l.matches("mailseal ").count()).sum();
        let with_keyring = file.matches("mailseal --keyring /k/ring ").count();
        // $sendmail, 12 OpenPGP commands, 10 S/MIME ones and sync, the
        // check and policy-colors.
        assert_eq!((runs, with_keyring), (26, 26), "{file}");
        assert!(file.contains("source 'mailseal --keyring /k/ring filter smime sync|'"));
        assert!(file.contains("source 'mailseal --keyring /k/ring filter policy-colors|'"));
        assert!(file.contains(
            "set sendmail=\"mailseal --keyring /k/ring send /usr/sbin/sendmail -oem -oi\""
        ));
    }
}
