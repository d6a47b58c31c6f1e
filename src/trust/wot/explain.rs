//! The human text of `trust check`: the verdict on a binding, each path
//! from a root with what every certification on it says, and what is
//! missing. User IDs, regular expressions and revocation messages come
//! from certificates, so they are shown through [`Safe`].

use std::fmt;

use super::validity::{Link, TrustPath, Validity};
use super::FULL;
use crate::safe::Safe;
use crate::trust::verdict::{Basis, TrustLevel};

impl Validity {
    /// The explanation, one line per item: the verdict first, then the
    /// user ID, the paths, who certified the binding, and what is missing.
    pub fn explain(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} {}: {}",
            Safe(&self.email),
            self.fingerprint.to_hex(),
            self.headline()
        )];
        if let Some(u) = &self.userid {
            lines.push(format!("  user ID: {}", Safe(u)));
        }
        lines.extend(self.paths.iter().map(path_line));
        if self.amount == 0 && !self.certified_by.is_empty() {
            let who: Vec<String> = self
                .certified_by
                .iter()
                .map(|c| named(c.name.as_deref(), &c.fingerprint.to_hex()))
                .collect();
            lines.push(format!("  certified by: {}", who.join(", ")));
        }
        if let Some(m) = &self.missing {
            lines.push(format!("  missing: {}", Safe(m)));
        }
        lines
    }

    fn headline(&self) -> String {
        let amount = format!("({}/{FULL})", self.amount);
        match (self.level, self.basis) {
            (TrustLevel::Revoked, _) => self.revoked_headline(),
            (TrustLevel::Full, Basis::OwnKey) => format!("fully valid {amount}: your own key"),
            (TrustLevel::Full, Basis::Pinned) => {
                format!("fully valid {amount}: pinned by your local certification")
            }
            (TrustLevel::Full, _) => format!("fully valid {amount} via the web of trust"),
            (TrustLevel::Marginal, _) => format!("partially valid {amount}"),
            _ => format!("not valid {amount}"),
        }
    }

    fn revoked_headline(&self) -> String {
        let Some(r) = &self.revoked else {
            return "revoked".into();
        };
        let mut s = format!("revoked by its owner ({})", r.reason);
        if !r.message.is_empty() {
            s.push_str(&format!(": \"{}\"", Safe(&r.message)));
        }
        if let Some(at) = r.at {
            s.push_str(&format!(" on {at}"));
        }
        s
    }
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain().join("\n"))
    }
}

/// "  path (amount 120): your key "Bob" FPR -> "CA" FPR (trust signature
/// depth 1) -> "Alice" FPR (certified)".
fn path_line(path: &TrustPath) -> String {
    let mut parts = Vec::with_capacity(path.steps.len());
    for (i, step) in path.steps.iter().enumerate() {
        let node = named(step.userid.as_deref(), &step.fingerprint.to_hex());
        parts.push(match (i, &step.via) {
            (0, _) => format!("{} {node}", root_role(path)),
            (_, Some(link)) => format!("{node} ({})", describe(link)),
            (_, None) => node,
        });
    }
    format!("  path (amount {}): {}", path.amount, parts.join(" -> "))
}

fn root_role(path: &TrustPath) -> String {
    let role = if path.own_root {
        "your key"
    } else {
        "your trust root"
    };
    if path.root_amount < FULL {
        format!("{role} (amount {})", path.root_amount)
    } else {
        role.into()
    }
}

/// What one certification says, e.g. "trust signature depth 1, amount 60,
/// only user IDs matching "<[^>]+[@.]example\.org>$", 2025-02-01".
fn describe(link: &Link) -> String {
    let mut s = match (link.local, link.depth) {
        (true, _) => "local certification".to_string(),
        (false, 0) => "certified".to_string(),
        (false, u8::MAX) => "trust signature, unlimited depth".to_string(),
        (false, d) => format!("trust signature depth {d}"),
    };
    if link.amount != FULL {
        s.push_str(&format!(", amount {}", link.amount));
    }
    if !link.regexes.is_empty() {
        let res: Vec<String> = link
            .regexes
            .iter()
            .map(|r| format!("\"{}\"", Safe(r)))
            .collect();
        s.push_str(&format!(", only user IDs matching {}", res.join(" or ")));
    }
    let date = link.created.to_string();
    s.push_str(&format!(", {}", date.get(..10).unwrap_or(&date)));
    s
}

/// A certificate as "\"User ID\" FINGERPRINT", or the fingerprint.
fn named(userid: Option<&str>, fingerprint: &str) -> String {
    match userid {
        Some(u) => format!("\"{}\" {fingerprint}", Safe(u)),
        None => fingerprint.to_string(),
    }
}
