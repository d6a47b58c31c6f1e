//! What `encrypt` says about many recipients at once: one line per
//! distinct problem, with how many recipients have it and the first few
//! of them, never one line per recipient (a message to a list of 100,000
//! addresses must not answer with 100,000 lines).

use std::collections::HashMap;

use crate::safe::Safe;

/// How many recipients a line about several of them names.
const NAMED: usize = 3;

/// How many distinct problems are shown; the rest are counted.
const MAX_LINES: usize = 20;

/// One problem and the recipients that have it.
struct Group {
    problem: String,
    count: usize,
    /// The first [`NAMED`] of them, as given.
    named: Vec<String>,
}

/// Groups `(recipient, problem)` pairs by problem, in the order the
/// problems are first met (linear in the number of pairs).
fn group(entries: Vec<(String, String)>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (recipient, problem) in entries {
        let at = *index.entry(problem.clone()).or_insert_with(|| {
            groups.push(Group {
                problem,
                count: 0,
                named: Vec::new(),
            });
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.count += 1;
        if g.named.len() < NAMED {
            g.named.push(recipient);
        }
    }
    groups
}

/// `a, b, c and 97 more`.
fn names(g: &Group) -> String {
    let listed = g
        .named
        .iter()
        .map(|n| Safe(n).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match g.count.saturating_sub(g.named.len()) {
        0 => listed,
        more => format!("{listed} and {more} more"),
    }
}

/// The lines for `groups`: each recipient of a problem that at most
/// [`NAMED`] recipients share on a line of its own (`one`), a problem
/// more share on one line (`many`); at most [`MAX_LINES`] lines, then one
/// that counts the recipients left out.
fn lines(
    groups: Vec<Group>,
    one: impl Fn(&str, &str) -> String,
    many: impl Fn(&Group) -> String,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut left_out = 0;
    for g in &groups {
        let wanted = if g.count <= NAMED { g.count } else { 1 };
        if out.len() + wanted > MAX_LINES {
            left_out += g.count;
        } else if g.count <= NAMED {
            out.extend(g.named.iter().map(|who| one(who, &g.problem)));
        } else {
            out.push(many(g));
        }
    }
    if left_out > 0 {
        out.push(format!("{left_out} more recipient(s) with other problems"));
    }
    out
}

/// What recipients lack: `who: why`, one line per recipient, or for a
/// problem more than [`NAMED`] recipients share, one line `N recipients:
/// why (a, b, c and N-3 more)`. `entries` are `(recipient, problem)`.
pub fn recipient_problems(entries: Vec<(String, String)>) -> Vec<String> {
    lines(
        group(entries),
        |who, why| format!("{}: {why}", Safe(who)),
        |g| format!("{} recipients: {} ({})", g.count, g.problem, names(g)),
    )
}

/// The warnings about certificates used only because of `--trust-any`,
/// grouped as [`recipient_problems`] groups. `entries` are `(recipient,
/// why)`.
pub fn trust_any_warnings(entries: Vec<(String, String)>) -> Vec<String> {
    lines(group(entries), super::trust_any_warning, |g| {
        format!(
            "encrypting to {} recipients with certificates you asked for with --trust-any: \
             {} ({})",
            g.count,
            g.problem,
            names(g)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(n: usize, problem: &str) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("r{i}@example.net"), problem.to_string()))
            .collect()
    }

    #[test]
    fn one_line_per_distinct_problem_with_a_count() {
        let mut entries = pairs(100_000, "no certificate");
        entries.insert(5, ("odd@example.net".into(), "revoked".into()));
        let lines = recipient_problems(entries);
        assert_eq!(
            lines,
            [
                "100000 recipients: no certificate (r0@example.net, r1@example.net, \
                 r2@example.net and 99997 more)",
                "odd@example.net: revoked",
            ]
        );
    }

    #[test]
    fn one_recipient_reads_as_before() {
        let lines = recipient_problems(pairs(1, "no OpenPGP certificate in the keyring"));
        assert_eq!(
            lines,
            ["r0@example.net: no OpenPGP certificate in the keyring"]
        );
        let warnings = trust_any_warnings(pairs(1, "not fully valid"));
        assert_eq!(
            warnings,
            [super::super::trust_any_warning(
                "r0@example.net",
                "not fully valid"
            )]
        );
    }

    #[test]
    fn a_few_recipients_sharing_a_problem_get_a_line_each() {
        let lines = recipient_problems(pairs(NAMED, "none"));
        assert_eq!(
            lines,
            [
                "r0@example.net: none",
                "r1@example.net: none",
                "r2@example.net: none"
            ]
        );
    }

    #[test]
    fn distinct_problems_beyond_the_cap_are_counted() {
        let entries: Vec<(String, String)> = (0..1000)
            .map(|i| {
                (
                    format!("r{i}@example.net"),
                    format!("certificate {i} revoked"),
                )
            })
            .collect();
        let lines = recipient_problems(entries);
        assert_eq!(lines.len(), MAX_LINES + 1);
        assert_eq!(
            lines[MAX_LINES],
            format!("{} more recipient(s) with other problems", 1000 - MAX_LINES)
        );
    }

    #[test]
    fn recipients_are_escaped() {
        let lines = recipient_problems(vec![("a\x1b[2J@x".into(), "none".into())]);
        assert!(!lines[0].contains('\x1b'), "{lines:?}");
    }
}
