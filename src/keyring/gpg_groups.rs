//! The `group` lines of a gpg.conf, imported as recipient groups
//! (`keyring group import`).
//!
//! gpg's syntax (gpg(1), `--group`): `group NAME=VALUE1 VALUE2 ...`,
//! spaces allowed around `=`; several lines for one name add up; a value
//! is anything gpg takes as a key specification. An address is kept; a
//! key ID or fingerprint becomes the address of that certificate when
//! the keyring holds it and it has exactly one address (so the member
//! works in both protocols), else it stays as written (OpenPGP only).

use super::groups::normalize;
use super::Keyring;
use crate::error::{Error, Result};
use crate::safe::Safe;

/// What an import did.
#[derive(Debug, Default)]
pub struct GpgGroups {
    /// Each group of the file with its members as stored, in file order.
    pub groups: Vec<(String, Vec<String>)>,
    /// Members kept as written, with the group and why.
    pub kept: Vec<String>,
    /// Members newly added.
    pub added: usize,
}

/// The `(name, values)` of every `group` line, lines for one name
/// merged, in the order names are first met. Comments (`#`) and other
/// options are skipped; a `group` line without `=` is malformed.
pub fn parse(text: &str) -> Result<Vec<(String, Vec<String>)>> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("group") else {
            continue;
        };
        if !rest.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, values)) = rest.split_once('=') else {
            return Err(Error::Malformed {
                what: "gpg.conf",
                detail: format!(
                    "line {}: a group line is `group NAME=KEY...`, not {}",
                    n + 1,
                    Safe(line)
                ),
            });
        };
        let name = name.trim().to_string();
        let values = values.split_whitespace().map(str::to_string);
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, members)) => members.extend(values),
            None => out.push((name, values.collect())),
        }
    }
    Ok(out)
}

impl Keyring {
    /// Adds the groups of gpg.conf `text` (see the module comment), all
    /// in one go: a group that cannot be added leaves none added.
    pub fn import_gpg_groups(&self, text: &str) -> Result<GpgGroups> {
        let mut result = GpgGroups::default();
        for (name, values) in parse(text)? {
            let name = normalize("name", &name)?;
            let mut members = Vec::new();
            for v in values {
                let (member, why) = self.gpg_member(&v)?;
                if let Some(why) = why {
                    result.kept.push(format!(
                        "group {}: member {} kept as written: {why}",
                        Safe(&name),
                        Safe(&member)
                    ));
                }
                if !members.contains(&member) {
                    members.push(member);
                }
            }
            result.groups.push((name, members));
        }
        result.added = self.add_groups(&result.groups)?;
        Ok(result)
    }

    /// The member for gpg's key specification `value`, and why it stays
    /// as written when it does.
    fn gpg_member(&self, value: &str) -> Result<(String, Option<String>)> {
        let member = normalize("member", value)?;
        if member.contains('@') {
            return Ok((member, None));
        }
        let hex = member.trim_start_matches("0x");
        let is_key =
            matches!(hex.len(), 8 | 16 | 40 | 64) && hex.chars().all(|c| c.is_ascii_hexdigit());
        if !is_key {
            return Ok((member, Some("neither an address nor a key ID".into())));
        }
        let found = self.pgp_find(hex)?;
        let why = match found.as_slice() {
            [] => "no OpenPGP certificate with it in the keyring",
            [one] => match one.emails.as_slice() {
                [email] => return Ok((email.clone(), None)),
                [] => "its certificate has no address",
                _ => "its certificate has several addresses",
            },
            _ => "several certificates have it",
        };
        Ok((hex.to_string(), Some(why.into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_lines_in_both_spellings_add_up() {
        let text = "# comment\nkeyserver hkps://keys.example\ngroup team=a@x.org 0xDEADBEEF\n\
                    group team = b@x.org\n  group  other =c@x.org\ngrouping x\n";
        assert_eq!(
            parse(text).unwrap(),
            vec![
                (
                    "team".to_string(),
                    vec!["a@x.org".into(), "0xDEADBEEF".into(), "b@x.org".into()]
                ),
                ("other".to_string(), vec!["c@x.org".into()]),
            ]
        );
    }

    #[test]
    fn fail_group_line_without_equals() {
        assert!(matches!(
            parse("group team a@x.org\n"),
            Err(Error::Malformed { .. })
        ));
    }
}
