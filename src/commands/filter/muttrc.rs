//! The muttrc lines mailseal writes for neomutt and mutt: the
//! configuration file of `filter install-config` ([`crate::cli::muttrc`]
//! with this keyring and delivery command), and the `color index` lines
//! of `filter policy-colors`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::cli::filter::InstallArgs;
use crate::cli::muttrc::{Muttrc, FILE_NAME};
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::policy::{Requirement, Rule};
use crate::safe::Safe;

/// `filter install-config`: writes the file (or prints it, for "-") and
/// says which line sources it.
pub fn install(ctx: &Ctx, args: &InstallArgs) -> Result<ExitCode> {
    let mailseal = mailseal_command(&ctx.keyring_dir)?;
    let sendmail = delivery_command(&args.sendmail)?;
    let text = Muttrc {
        mailseal: &mailseal,
        sendmail: &sendmail,
    }
    .file();
    let dir = match &args.dir {
        Some(d) if d == Path::new("-") => {
            io::write_output(None, text.as_bytes())?;
            return Ok(ExitCode::Ok);
        }
        Some(d) => d.clone(),
        None => config_dir()?,
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let path = std::path::absolute(dir.join(FILE_NAME)).map_err(|e| Error::io(&dir, e))?;
    io::write_output(Some(&path), text.as_bytes())?;
    let source = format!("source {}", muttrc_path(&path)?);
    io::write_output(
        None,
        format!(
            "mailseal: wrote {}; add this line to your neomuttrc or muttrc:\n{source}\n",
            Safe(&path.to_string_lossy())
        )
        .as_bytes(),
    )?;
    Ok(ExitCode::Ok)
}

/// Where the file goes by default: neomutt's configuration directory.
fn config_dir() -> Result<PathBuf> {
    crate::keyring::env_dir("XDG_CONFIG_HOME")
        .or_else(|| crate::keyring::env_dir("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("neomutt"))
        .ok_or_else(|| {
            Error::Usage(
                "neither XDG_CONFIG_HOME nor HOME is set: name the directory, e.g. \
                 `mailseal filter install-config ~/.mutt`"
                    .into(),
            )
        })
}

/// How the client runs mailseal: `mailseal`, with `--keyring DIR` unless
/// the keyring is where mailseal looks when nothing names one. The
/// client runs commands through a shell and splits `$sendmail` at
/// spaces, so DIR is refused unless it needs no quoting.
fn mailseal_command(keyring: &Path) -> Result<String> {
    let absolute = |p: &Path| std::path::absolute(p).map_err(|e| Error::io(p, e));
    let dir = absolute(keyring)?;
    if let Some(standard) = crate::keyring::standard_dir() {
        if absolute(&standard)? == dir {
            return Ok("mailseal".into());
        }
    }
    match dir.to_str() {
        Some(text) if text.chars().all(needs_no_quoting) => {
            Ok(format!("mailseal --keyring {text}"))
        }
        _ => Err(Error::Usage(format!(
            "the keyring path {} cannot be written into the client's commands: they run \
             through a shell, and $sendmail is split at spaces; use a path of letters, \
             digits and / . _ - + , : @ % = (a symbolic link will do)",
            Safe(&dir.to_string_lossy())
        ))),
    }
}

fn needs_no_quoting(c: char) -> bool {
    c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c)
}

/// The delivery command as `$sendmail` can hold it: words separated by
/// spaces, nothing a muttrc string or the client's own `--` would read
/// otherwise.
fn delivery_command(cmd: &str) -> Result<String> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let refuse = |why: &str| Err(Error::Usage(format!("--sendmail {}: {why}", Safe(cmd))));
    match words.first() {
        None => return refuse("no command"),
        Some(w) if w.starts_with('-') => return refuse("the first word must be the command"),
        _ => {}
    }
    if words.contains(&"--") {
        return refuse("the client passes the recipients after a `--` of its own");
    }
    let joined = words.join(" ");
    if joined
        .chars()
        .any(|c| matches!(c, '"' | '\\' | '`' | '$') || c.is_control())
    {
        return refuse("$sendmail cannot hold quotes, backslashes, $ or `");
    }
    Ok(joined)
}

/// A double-quoted muttrc string: what the client would expand or end the
/// string at (`"`, `\`, `` ` ``, `$`) escaped; control characters refused.
pub fn muttrc_string(text: &str) -> Result<String> {
    if text.chars().any(char::is_control) {
        return Err(Error::Usage(format!(
            "{} cannot be written into a muttrc: it has a control character",
            Safe(text)
        )));
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        if matches!(c, '"' | '\\' | '`' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    Ok(out)
}

/// [`muttrc_string`] of a path.
pub fn muttrc_path(path: &Path) -> Result<String> {
    muttrc_string(&path.to_string_lossy())
}

/// `filter policy-colors`: a `color index` line for every rule of the
/// per-domain policy.
pub fn policy_colors(ctx: &Ctx) -> Result<ExitCode> {
    let policy = ctx.config()?.policy;
    let mut out = String::new();
    if policy.rules.is_empty() {
        out.push_str("# no per-domain policy in mailseal.conf\n");
    }
    for rule in &policy.rules {
        let _ = writeln!(out, "# {rule}");
        let _ = writeln!(
            out,
            "color index brightred default {}",
            muttrc_string(&breaking(rule))?
        );
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// The client's pattern for mail that breaks `rule`: from its domain or a
/// subdomain, and not signed or encrypted (the client cannot see inside
/// an encrypted message before it is opened) as the rule requires.
fn breaking(rule: &Rule) -> String {
    let from = format!("@(.+\\.)?{}$", rule.domain.replace('.', "\\."));
    match rule.requires {
        Requirement::Signature => format!("~f '{from}' !~g !~G"),
        Requirement::Encryption => format!("~f '{from}' !~G"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn muttrc_strings_escape_what_neomutt_expands() {
        let quoted = muttrc_path(Path::new("/home/a\"b/$x/`y`")).unwrap();
        assert_eq!(quoted, r#""/home/a\"b/\$x/\`y\`""#);
        assert!(muttrc_path(Path::new("/home/a\nb")).is_err());
    }

    #[test]
    fn a_rule_marks_its_domain_and_subdomains_only() {
        let rule = |requires| Rule {
            requires,
            domain: "partner.example".into(),
            line: 1,
        };
        assert_eq!(
            breaking(&rule(Requirement::Signature)),
            r"~f '@(.+\.)?partner\.example$' !~g !~G"
        );
        assert_eq!(
            breaking(&rule(Requirement::Encryption)),
            r"~f '@(.+\.)?partner\.example$' !~G"
        );
        assert_eq!(
            muttrc_string(&breaking(&rule(Requirement::Encryption))).unwrap(),
            r#""~f '@(.+\\.)?partner\\.example\$' !~G""#
        );
    }

    #[test]
    fn delivery_commands_the_client_cannot_hold_are_refused() {
        assert_eq!(
            delivery_command("  msmtp   -a work ").unwrap(),
            "msmtp -a work"
        );
        for bad in ["", "-oi", "sendmail -- x", "sh -c \"x\"", "a$b", "a\\b"] {
            assert!(delivery_command(bad).is_err(), "{bad:?}");
        }
        assert!(needs_no_quoting('/') && !needs_no_quoting(' ') && !needs_no_quoting('\''));
    }
}
