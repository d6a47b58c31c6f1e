//! Which addresses the keyring knows under a person's name: the common
//! name of X.509 certificates and the name of OpenPGP primary user IDs.
//! The sender check asks it whether a From display name is someone
//! else's name ([`crate::trust::sender`]).

use rusqlite::params;

use super::Keyring;
use crate::error::Result;

impl Keyring {
    /// The lower-cased addresses of every certificate whose holder is
    /// called `name` (compared case-insensitively, surrounding white
    /// space ignored), sorted and without repeats.
    pub fn addresses_named(&self, name: &str) -> Result<Vec<String>> {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.conn()?;
        let mut out: Vec<String> = Vec::new();
        let mut x509 = conn.prepare_cached(
            "SELECT c.subject_lc, e.email FROM x509_certs c \
             JOIN x509_emails e ON e.fingerprint = c.fingerprint \
             WHERE instr(c.subject_lc, 'cn=' || ?1) > 0",
        )?;
        let rows = x509.query_map(params![name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (subject, email) = row?;
            if common_names(&subject).any(|cn| cn == name) {
                out.push(email.to_lowercase());
            }
        }
        let mut pgp = conn.prepare_cached(
            "SELECT e.email FROM pgp_certs c \
             JOIN pgp_emails e ON e.fingerprint = c.fingerprint \
             WHERE instr(c.userid_lc, ?1 || ' <') = 1",
        )?;
        let rows = pgp.query_map(params![name], |r| r.get::<_, String>(0))?;
        for email in rows {
            out.push(email?.to_lowercase());
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// The values of the `cn=` attributes of a lower-cased subject as the
/// keyring stores it (`o=example org,cn=alice example`).
fn common_names(subject: &str) -> impl Iterator<Item = &str> {
    subject
        .split([',', '+'])
        .filter_map(|rdn| rdn.trim().strip_prefix("cn="))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_come_from_cn_attributes_only() {
        let names: Vec<&str> = common_names("o=the manager,cn=alice example+cn=a. e.").collect();
        assert_eq!(names, ["alice example", "a. e."]);
    }
}
