//! Settings kept in the keyring directory, in `mailseal.conf`, one
//! option per line as in `gpg.conf`: `option value` (or `option =
//! value`), `#` starts a comment. A missing file means the defaults; an
//! unknown option or a bad value is an error that names the line, so a
//! typo never silently changes what is sent.
//!
//! Options:
//! - `prefer-protocol openpgp|smime`: for `sign`, `encrypt` and `send`
//!   without `--smime`/`--openpgp`, the protocol to use when both would
//!   do (default: openpgp).
//! - `require-encryption DOMAIN` (repeatable): `send` refuses, whatever
//!   its flags, to hand over a message to an address in DOMAIN or its
//!   subdomains unless it can encrypt it (for every recipient); `verify`
//!   flags mail from DOMAIN that arrived unencrypted as a policy
//!   violation (exit 3).
//! - `require-signature DOMAIN` (repeatable): `send` refuses a message to
//!   DOMAIN that it cannot sign; `verify` flags mail from DOMAIN that is
//!   unsigned or not trusted as a policy violation (exit 3; a bad
//!   signature stays exit 1).
//!
//! - `smime-cipher auto|aes256-gcm|aes256-cbc`: the S/MIME content
//!   encryption. `auto` (the default) follows RFC 8551 section 2.7:
//!   AES-256-GCM (AuthEnvelopedData) when every recipient is known to
//!   read it, else AES-256-CBC (EnvelopedData), which every client reads.
//!   `--cipher` overrides it.
//! - `learn-from-mail yes|no`: keep the certificates of S/MIME signatures
//!   that verify, and what they announce they read (default: yes).
//!
//! One domain per line, without `@` or `*.`; it covers its subdomains
//! ([`crate::policy`]).

use std::path::Path;

use crate::error::{Error, Result};
use crate::policy::Policy;
use crate::smime::encrypt::Cipher;
use crate::trust::verdict::Protocol;

/// The file name inside the keyring directory.
pub const FILE_NAME: &str = "mailseal.conf";

/// Larger files are refused rather than read.
const MAX_SIZE: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub prefer: Protocol,
    /// `require-encryption` and `require-signature` lines.
    pub policy: Policy,
    /// `smime-cipher`: `None` for `auto`, the choice of RFC 8551 section 2.7.
    pub smime_cipher: Option<Cipher>,
    /// `learn-from-mail`.
    pub learn_from_mail: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            prefer: Protocol::Openpgp,
            policy: Policy::default(),
            smime_cipher: None,
            learn_from_mail: true,
        }
    }
}

impl Config {
    /// Reads `DIR/mailseal.conf`; the defaults when there is none.
    pub fn load(keyring_dir: &Path) -> Result<Config> {
        let path = keyring_dir.join(FILE_NAME);
        let text = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Error::io(&path, e)),
            Ok(m) if m.len() > MAX_SIZE => {
                return Err(config_error(&path, 0, "the file is too large"))
            }
            Ok(_) => std::fs::read_to_string(&path)
                .map_err(|e| config_error(&path, 0, &e.to_string()))?,
        };
        Config::parse(&text).map_err(|(line, why)| config_error(&path, line, &why))
    }

    /// Parses the file's text; the error holds the line number and why.
    pub fn parse(text: &str) -> std::result::Result<Config, (usize, String)> {
        let mut config = Config::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (option, value) = split_option(line);
            match option {
                "prefer-protocol" => config.prefer = protocol(value).map_err(|e| (n + 1, e))?,
                "smime-cipher" => config.smime_cipher = cipher(value).map_err(|e| (n + 1, e))?,
                "learn-from-mail" => {
                    config.learn_from_mail = yes_no(option, value).map_err(|e| (n + 1, e))?
                }
                other => match config.policy.read_option(other, value, n + 1) {
                    Some(read) => read.map_err(|e| (n + 1, e))?,
                    None => return Err((n + 1, format!("unknown option {other:?}"))),
                },
            }
        }
        Ok(config)
    }
}

/// `option value` or `option = value`.
fn split_option(line: &str) -> (&str, &str) {
    let (option, value) = line
        .split_once(|c: char| c == '=' || c.is_whitespace())
        .unwrap_or((line, ""));
    let value = value.trim().trim_start_matches('=').trim();
    (option.trim(), value)
}

fn protocol(value: &str) -> std::result::Result<Protocol, String> {
    match value.to_ascii_lowercase().as_str() {
        "openpgp" | "pgp" => Ok(Protocol::Openpgp),
        "smime" | "s/mime" => Ok(Protocol::Smime),
        _ => Err(format!(
            "prefer-protocol takes openpgp or smime, not {value:?}"
        )),
    }
}

fn cipher(value: &str) -> std::result::Result<Option<Cipher>, String> {
    match value.to_ascii_lowercase().as_str() {
        "auto" => Ok(None),
        "aes256-gcm" => Ok(Some(Cipher::Aes256Gcm)),
        "aes256-cbc" => Ok(Some(Cipher::Aes256Cbc)),
        _ => Err(format!(
            "smime-cipher takes auto, aes256-gcm or aes256-cbc, not {value:?}"
        )),
    }
}

fn yes_no(option: &str, value: &str) -> std::result::Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "on" | "true" => Ok(true),
        "no" | "off" | "false" => Ok(false),
        _ => Err(format!("{option} takes yes or no, not {value:?}")),
    }
}

fn config_error(path: &Path, line: usize, why: &str) -> Error {
    let at = if line == 0 {
        String::new()
    } else {
        format!(" line {line}")
    };
    Error::Usage(format!(
        "{}{at}: {}",
        crate::safe::Safe(&path.display().to_string()),
        crate::safe::Safe(why)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_openpgp_and_reads_both_spellings() {
        assert_eq!(Config::parse("").unwrap().prefer, Protocol::Openpgp);
        let text = "# mine\n\nprefer-protocol smime  # for work\n";
        assert_eq!(Config::parse(text).unwrap().prefer, Protocol::Smime);
        let text = "prefer-protocol = openpgp\n";
        assert_eq!(Config::parse(text).unwrap().prefer, Protocol::Openpgp);
    }

    #[test]
    fn fail_unknown_options_and_values_name_the_line() {
        let (line, why) = Config::parse("\nprefer-protocl smime\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("prefer-protocl"), "{why}");
        let (line, why) = Config::parse("prefer-protocol x509\n").unwrap_err();
        assert_eq!(line, 1);
        assert!(why.contains("x509"), "{why}");
        assert!(Config::parse("prefer-protocol\n").is_err());
    }

    #[test]
    fn policy_lines_are_kept_with_their_line_numbers() {
        let text = "prefer-protocol smime\n# partners\nrequire-encryption partner.example\n\
                    require-signature = Partner.example\nrequire-signature other.example\n";
        let config = Config::parse(text).unwrap();
        let rules: Vec<String> = config.policy.rules.iter().map(|r| r.to_string()).collect();
        assert_eq!(
            rules,
            [
                "require-encryption partner.example (mailseal.conf line 3)",
                "require-signature partner.example (mailseal.conf line 4)",
                "require-signature other.example (mailseal.conf line 5)",
            ]
        );
    }

    #[test]
    fn fail_policy_lines_without_a_domain_name_the_line() {
        for (text, line, word) in [
            ("require-encryption\n", 1, "needs a mail domain"),
            ("\nrequire-signature =\n", 2, "needs a mail domain"),
            ("require-signature *.partner.example\n", 1, "without \"*.\""),
            (
                "require-encryptoin partner.example\n",
                1,
                "require-encryptoin",
            ),
        ] {
            let (n, why) = Config::parse(text).unwrap_err();
            assert_eq!(n, line, "{text:?}");
            assert!(why.contains(word), "{text:?}: {why}");
        }
    }

    #[test]
    fn smime_cipher_and_learning_are_read_and_default_to_auto_and_on() {
        let config = Config::parse("").unwrap();
        assert_eq!((config.smime_cipher, config.learn_from_mail), (None, true));
        let config = Config::parse("smime-cipher aes256-cbc\nlearn-from-mail = no\n").unwrap();
        assert_eq!(config.smime_cipher, Some(Cipher::Aes256Cbc));
        assert!(!config.learn_from_mail);
        let config = Config::parse("smime-cipher AES256-GCM\nsmime-cipher auto\n").unwrap();
        assert_eq!(config.smime_cipher, None);
    }

    #[test]
    fn fail_bad_smime_cipher_or_learning_values_name_the_line() {
        for (text, line, word) in [
            ("smime-cipher aes128-cbc\n", 1, "aes128-cbc"),
            ("\nsmime-cipher\n", 2, "smime-cipher takes"),
            (
                "learn-from-mail maybe\n",
                1,
                "learn-from-mail takes yes or no",
            ),
        ] {
            let (n, why) = Config::parse(text).unwrap_err();
            assert_eq!(n, line, "{text:?}");
            assert!(why.contains(word), "{text:?}: {why}");
        }
    }

    #[test]
    fn missing_file_is_the_default_and_bad_file_is_a_usage_error() {
        let dir = tempfile::TempDir::new().unwrap();
        assert_eq!(Config::load(dir.path()).unwrap(), Config::default());
        std::fs::write(dir.path().join(FILE_NAME), "prefer-protocol none\n").unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{err:?}");
        assert!(err.to_string().contains("line 1"), "{err}");
    }
}
