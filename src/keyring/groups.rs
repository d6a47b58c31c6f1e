//! Recipient groups (`keyring group`): a name, usually a mailing list's
//! address, that stands for its members when encrypting, in either
//! protocol.
//!
//! Names and members are stored lower-cased, so the same group typed in
//! another case is one group. A member is an address, or (imported from a
//! gpg.conf) an OpenPGP fingerprint. A member may itself be a group: it
//! expands too, at any depth, but no group may (through other groups)
//! contain itself; [`Keyring::add_group_members`] refuses such a loop.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{params, Connection};

use super::Keyring;
use crate::error::{Error, Result};
use crate::safe::Safe;

/// A group and its members, sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub members: Vec<String>,
}

/// Recipient queries with their groups replaced by their members.
#[derive(Debug, Default)]
pub struct Expansion {
    /// `(query, hidden)`, each once (ignoring case); a member is hidden
    /// only when every group or query that named it was.
    pub recipients: Vec<(String, bool)>,
    /// The group each member came from, as the user named it.
    pub via: HashMap<String, String>,
    /// The groups expanded, in the order met, with their members.
    pub groups: Vec<Group>,
}

impl Expansion {
    /// How to name `query` in a message: with the group it came from.
    pub fn label(&self, query: &str) -> String {
        match self.via.get(&query.to_ascii_lowercase()) {
            Some(group) => format!("{query} (member of group {group})"),
            None => query.to_string(),
        }
    }
}

/// A group name or member as stored: trimmed, without angle brackets,
/// lower-cased; refused when empty or holding spaces or control
/// characters.
pub fn normalize(what: &str, value: &str) -> Result<String> {
    let v = value
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_lowercase();
    if v.is_empty() || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::Usage(format!(
            "{} is not a valid group {what}: give an address such as list@example.org",
            Safe(value)
        )));
    }
    Ok(v)
}

impl Keyring {
    /// Every group, or the one named `name`, sorted by name.
    pub fn groups(&self, name: Option<&str>) -> Result<Vec<Group>> {
        let all = read_all(&*self.conn()?)?;
        let wanted = name.map(|n| normalize("name", n)).transpose()?;
        Ok(all
            .into_iter()
            .filter(|(n, _)| wanted.as_ref().is_none_or(|w| w == n))
            .map(|(name, members)| Group {
                name,
                members: members.into_iter().collect(),
            })
            .collect())
    }

    /// Adds `members` to the group `name` (creating it); returns how many
    /// were new. Refused, with nothing written, when a member would make
    /// the group contain itself.
    pub fn add_group_members(&self, name: &str, members: &[String]) -> Result<usize> {
        self.add_groups(&[(name.to_string(), members.to_vec())])
    }

    /// [`Keyring::add_group_members`] for several groups, in one
    /// transaction: all or nothing.
    pub fn add_groups(&self, groups: &[(String, Vec<String>)]) -> Result<usize> {
        let mut rows = Vec::new();
        for (name, members) in groups {
            let name = normalize("name", name)?;
            for m in members {
                rows.push((name.clone(), normalize("member", m)?));
            }
        }
        self.write(|tx| {
            let mut all = read_all(tx)?;
            for (name, member) in &rows {
                all.entry(name.clone()).or_default().insert(member.clone());
            }
            for (name, _) in &rows {
                if let Some(path) = loop_through(&all, name) {
                    return Err(Error::Usage(format!(
                        "group {} would contain itself: {}; nothing was added",
                        Safe(name),
                        path.iter()
                            .map(|g| Safe(g).to_string())
                            .collect::<Vec<_>>()
                            .join(" -> ")
                    )));
                }
            }
            let mut added = 0;
            for (name, member) in &rows {
                added += tx.execute(
                    "INSERT OR IGNORE INTO recipient_groups (name, member) VALUES (?1, ?2)",
                    params![name, member],
                )?;
            }
            Ok(added)
        })
    }

    /// Removes `members` from the group `name`, or the whole group when
    /// `members` is empty; returns the members removed. Refused, with
    /// nothing removed, when the group or one of `members` is not there.
    pub fn remove_group(&self, name: &str, members: &[String]) -> Result<Vec<String>> {
        let name = normalize("name", name)?;
        let members = members
            .iter()
            .map(|m| normalize("member", m))
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            let all = read_all(tx)?;
            let Some(present) = all.get(&name) else {
                return Err(no_group(&name));
            };
            let absent: Vec<String> = members
                .iter()
                .filter(|m| !present.contains(*m))
                .map(|m| Safe(m).to_string())
                .collect();
            if !absent.is_empty() {
                return Err(Error::Usage(format!(
                    "not in group {}: {}; nothing was removed",
                    Safe(&name),
                    absent.join(", ")
                )));
            }
            if members.is_empty() {
                tx.execute("DELETE FROM recipient_groups WHERE name = ?1", [&name])?;
                return Ok(present.iter().cloned().collect());
            }
            for m in &members {
                tx.execute(
                    "DELETE FROM recipient_groups WHERE name = ?1 AND member = ?2",
                    params![name, m],
                )?;
            }
            Ok(members)
        })
    }

    /// Replaces every query that names a group by the group's members
    /// (groups inside it expanded too), keeping the others as they are.
    /// A keyring without groups costs one lookup.
    pub fn expand_groups(&self, queries: &[(String, bool)]) -> Result<Expansion> {
        let all = read_all(&*self.conn()?)?;
        Ok(expand(&all, queries))
    }
}

/// The error for a group that is not there.
pub fn no_group(name: &str) -> Error {
    Error::Usage(format!(
        "no group {} in the keyring; `mailseal keyring group list` shows the groups",
        Safe(name)
    ))
}

type Groups = BTreeMap<String, std::collections::BTreeSet<String>>;

fn read_all(conn: &Connection) -> Result<Groups> {
    let mut stmt = conn.prepare_cached("SELECT name, member FROM recipient_groups")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut all = Groups::new();
    for row in rows {
        let (name, member) = row?;
        all.entry(name).or_default().insert(member);
    }
    Ok(all)
}

/// A path of groups from `start` back to itself, if there is one.
fn loop_through(all: &Groups, start: &str) -> Option<Vec<String>> {
    fn walk(all: &Groups, start: &str, at: &str, path: &mut Vec<String>) -> bool {
        let Some(members) = all.get(at) else {
            return false;
        };
        for m in members {
            if m == start {
                path.push(m.clone());
                return true;
            }
            if all.contains_key(m) && !path.contains(m) {
                path.push(m.clone());
                if walk(all, start, m, path) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(all, start, start, &mut path).then_some(path)
}

fn expand(all: &Groups, queries: &[(String, bool)]) -> Expansion {
    let mut out = Expansion::default();
    if all.is_empty() {
        out.recipients = queries.to_vec();
        return out;
    }
    // Where each recipient is in `out.recipients`, by lower-cased query.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut push = |out: &mut Expansion, query: String, hidden: bool| {
        let key = query.trim().to_ascii_lowercase();
        match index.get(&key) {
            Some(&i) => out.recipients[i].1 &= hidden,
            None => {
                index.insert(key, out.recipients.len());
                out.recipients.push((query, hidden));
            }
        }
    };
    let mut shown = HashSet::new();
    for (query, hidden) in queries {
        let key = query.trim().to_ascii_lowercase();
        if !all.contains_key(&key) {
            push(&mut out, query.clone(), *hidden);
            continue;
        }
        let mut members = Vec::new();
        leaves(all, &key, &mut HashSet::new(), &mut members);
        for m in &members {
            out.via.entry(m.clone()).or_insert_with(|| key.clone());
            push(&mut out, m.clone(), *hidden);
        }
        if shown.insert(key.clone()) {
            out.groups.push(Group { name: key, members });
        }
    }
    out
}

/// The members of `group` that are not groups themselves, groups inside
/// it expanded; each group once, so even a loop written into the
/// database by hand ends.
fn leaves(all: &Groups, group: &str, seen: &mut HashSet<String>, out: &mut Vec<String>) {
    if !seen.insert(group.to_string()) {
        return;
    }
    for m in all.get(group).into_iter().flatten() {
        if all.contains_key(m) {
            leaves(all, m, seen, out);
        } else if !out.contains(m) {
            out.push(m.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(rows: &[(&str, &[&str])]) -> Groups {
        rows.iter()
            .map(|(n, ms)| (n.to_string(), ms.iter().map(|m| m.to_string()).collect()))
            .collect()
    }

    fn q(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(s, h)| (s.to_string(), *h)).collect()
    }

    #[test]
    fn nested_groups_expand_and_duplicates_merge() {
        let all = groups(&[
            ("all@x.org", &["dev@x.org", "carol@x.org"]),
            ("dev@x.org", &["alice@x.org", "bob@x.org"]),
        ]);
        let e = expand(
            &all,
            &q(&[
                ("All@X.org", false),
                ("bob@x.org", true),
                ("dan@x.org", true),
            ]),
        );
        assert_eq!(
            e.recipients,
            q(&[
                ("carol@x.org", false),
                ("alice@x.org", false),
                ("bob@x.org", false),
                ("dan@x.org", true),
            ])
        );
        assert_eq!(
            e.label("alice@x.org"),
            "alice@x.org (member of group all@x.org)"
        );
        assert_eq!(e.label("dan@x.org"), "dan@x.org");
        assert_eq!(e.groups.len(), 1);
    }

    #[test]
    fn a_loop_is_found_and_expansion_of_one_ends() {
        let all = groups(&[("a@x", &["b@x", "m@x"]), ("b@x", &["a@x", "n@x"])]);
        assert_eq!(
            loop_through(&all, "a@x"),
            Some(vec!["a@x".into(), "b@x".into(), "a@x".into()])
        );
        let e = expand(&all, &q(&[("a@x", false)]));
        assert_eq!(e.recipients, q(&[("n@x", false), ("m@x", false)]));
        let fine = groups(&[("a@x", &["b@x"]), ("b@x", &["n@x"])]);
        assert_eq!(loop_through(&fine, "a@x"), None);
    }

    #[test]
    fn fail_names_with_spaces() {
        assert!(normalize("name", "a b@x").is_err());
        assert!(normalize("name", " ").is_err());
        assert_eq!(normalize("member", " <Bob@X.org> ").unwrap(), "bob@x.org");
    }
}
