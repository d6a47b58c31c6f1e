//! The user's trust choices that are not certificates: OpenPGP
//! web-of-trust roots (`trust root FPR [--amount N]`) and pinned bindings
//! (`trust pin FPR --email A`, either protocol).
//!
//! Fingerprints are stored as upper-case hex without separators, addresses
//! lower-cased, so the same choice typed twice is one row.

use rusqlite::{params, Connection, OptionalExtension};

use super::query::normalize_hex;
use super::Keyring;
use crate::error::{Error, Result};
use crate::time::Timestamp;
use crate::trust::verdict::Protocol;

/// A pinned binding: "I checked this fingerprint for this address
/// myself".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// Upper-case hex: an OpenPGP primary key fingerprint or an X.509
    /// certificate's SHA-256.
    pub fingerprint: String,
    /// Lower-cased address.
    pub email: String,
    pub protocol: Protocol,
    pub created: Timestamp,
}

impl Keyring {
    /// The web-of-trust roots the user chose, with their amounts
    /// (1..=120), by fingerprint.
    pub fn pgp_roots(&self) -> Result<Vec<(String, u8)>> {
        read_roots(&*self.conn()?)
    }

    /// Makes `fingerprint` (an OpenPGP fingerprint, any case, spaces or
    /// colons allowed) a root believed up to `amount` (1..=120); adding it
    /// again replaces the amount. Returns the normalized fingerprint.
    pub fn add_pgp_root(&self, fingerprint: &str, amount: u8) -> Result<String> {
        let fpr = pgp_fingerprint(fingerprint)?;
        if !(1..=120).contains(&amount) {
            return Err(Error::Usage(format!(
                "a trust amount is 1 to 120 (120 is full trust, 60 half), not {amount}"
            )));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO pgp_roots (fingerprint, amount) VALUES (?1, ?2)",
                params![fpr, amount],
            )?;
            Ok(())
        })?;
        Ok(fpr)
    }

    /// Removes a root; `false` if it was not one.
    pub fn remove_pgp_root(&self, fingerprint: &str) -> Result<bool> {
        let fpr = pgp_fingerprint(fingerprint)?;
        self.write(|tx| Ok(tx.execute("DELETE FROM pgp_roots WHERE fingerprint = ?1", [fpr])? > 0))
    }

    /// Every pinned binding, by fingerprint and address.
    pub fn pins(&self) -> Result<Vec<Pin>> {
        read_pins(&*self.conn()?)
    }

    /// Records that the user pinned `fingerprint` for `email` at `at`.
    /// Pinning the same binding again updates its protocol and time.
    pub fn add_pin(
        &self,
        fingerprint: &str,
        email: &str,
        protocol: Protocol,
        at: Timestamp,
    ) -> Result<Pin> {
        let pin = Pin {
            fingerprint: pin_fingerprint(fingerprint)?,
            email: pin_email(email)?,
            protocol,
            created: at,
        };
        let created = i64::try_from(at.unix())
            .map_err(|_| Error::Usage(format!("time out of range: {at}")))?;
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO pins (fingerprint, email, protocol, created) \
                 VALUES (?1, ?2, ?3, ?4)",
                params![pin.fingerprint, pin.email, protocol_name(protocol), created],
            )?;
            Ok(())
        })?;
        Ok(pin)
    }

    /// Removes the pin of `fingerprint` for `email`, or all its pins when
    /// `email` is `None`; returns how many.
    pub fn remove_pin(&self, fingerprint: &str, email: Option<&str>) -> Result<usize> {
        let fpr = pin_fingerprint(fingerprint)?;
        let email = email.map(pin_email).transpose()?;
        self.write(|tx| remove_pins(tx, &fpr, email.as_deref()))
    }

    /// Whether `fingerprint` is pinned for `email`.
    pub fn is_pinned(&self, fingerprint: &str, email: &str) -> Result<bool> {
        let fpr = pin_fingerprint(fingerprint)?;
        let email = pin_email(email)?;
        Ok(self
            .conn()?
            .query_row(
                "SELECT 1 FROM pins WHERE fingerprint = ?1 AND email = ?2",
                params![fpr, email],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}

/// [`Keyring::pgp_roots`] on a connection (or inside a transaction).
pub(super) fn read_roots(conn: &Connection) -> Result<Vec<(String, u8)>> {
    let mut stmt =
        conn.prepare_cached("SELECT fingerprint, amount FROM pgp_roots ORDER BY fingerprint")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    rows.map(|row| {
        let (fpr, amount) = row?;
        Ok((fpr, stored_amount(amount)?))
    })
    .collect()
}

/// [`Keyring::pins`] on a connection (or inside a transaction).
pub(super) fn read_pins(conn: &Connection) -> Result<Vec<Pin>> {
    let mut stmt = conn.prepare_cached(
        "SELECT fingerprint, email, protocol, created FROM pins ORDER BY fingerprint, email",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (fingerprint, email, protocol, created) = row?;
        Ok(Pin {
            fingerprint,
            email,
            protocol: stored_protocol(&protocol)?,
            created: stored_time(created)?,
        })
    })
    .collect()
}

fn remove_pins(tx: &Connection, fpr: &str, email: Option<&str>) -> Result<usize> {
    Ok(match email {
        Some(e) => tx.execute(
            "DELETE FROM pins WHERE fingerprint = ?1 AND email = ?2",
            params![fpr, e],
        )?,
        None => tx.execute("DELETE FROM pins WHERE fingerprint = ?1", [fpr])?,
    })
}

/// An OpenPGP fingerprint: 40 hex digits (v4) or 64 (v6).
fn pgp_fingerprint(s: &str) -> Result<String> {
    match normalize_hex(s) {
        Some(hex) if hex.len() == 40 || hex.len() == 64 => Ok(hex),
        _ => Err(Error::Usage(format!(
            "{s:?} is not an OpenPGP fingerprint (40 or 64 hex digits)"
        ))),
    }
}

/// An OpenPGP fingerprint or an X.509 SHA-256 fingerprint (64 digits).
fn pin_fingerprint(s: &str) -> Result<String> {
    pgp_fingerprint(s).map_err(|_| {
        Error::Usage(format!(
            "{s:?} is not a fingerprint: 40 hex digits (OpenPGP v4) or 64 (OpenPGP v6, X.509 SHA-256)"
        ))
    })
}

/// A plausible address, lower-cased: one '@' with text on both sides and
/// no spaces or control characters.
fn pin_email(s: &str) -> Result<String> {
    let email = crate::trust::wot::normalize_email(s);
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if ok {
        Ok(email)
    } else {
        Err(Error::Usage(format!("{s:?} is not an e-mail address")))
    }
}

fn protocol_name(p: Protocol) -> &'static str {
    match p {
        Protocol::Smime => "smime",
        Protocol::Openpgp => "openpgp",
    }
}

fn stored_protocol(s: &str) -> Result<Protocol> {
    match s {
        "smime" => Ok(Protocol::Smime),
        "openpgp" => Ok(Protocol::Openpgp),
        other => Err(Error::Keyring(format!(
            "a pin has an unknown protocol {other:?}"
        ))),
    }
}

fn stored_amount(n: i64) -> Result<u8> {
    u8::try_from(n)
        .ok()
        .filter(|a| (1..=120).contains(a))
        .ok_or_else(|| Error::Keyring(format!("a web-of-trust root has an invalid amount {n}")))
}

fn stored_time(n: i64) -> Result<Timestamp> {
    u64::try_from(n)
        .map(Timestamp)
        .map_err(|_| Error::Keyring(format!("a pin has an invalid time {n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FPR: &str = "A7319A9B166AB530A5FBAC8AB43CA77F7C176AF4";
    const X509: &str = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

    fn keyring() -> (tempfile::TempDir, Keyring) {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        (dir, k)
    }

    #[test]
    fn roots_are_normalized_replaced_and_removed() {
        let (_d, k) = keyring();
        let typed = "a731 9a9b 166a b530 a5fb  ac8a b43c a77f 7c17 6af4";
        assert_eq!(k.add_pgp_root(typed, 60).unwrap(), FPR);
        assert_eq!(k.pgp_roots().unwrap(), vec![(FPR.to_string(), 60)]);
        k.add_pgp_root(FPR, 120).unwrap();
        assert_eq!(k.pgp_roots().unwrap(), vec![(FPR.to_string(), 120)]);
        assert!(k.remove_pgp_root(&FPR.to_lowercase()).unwrap());
        assert!(!k.remove_pgp_root(FPR).unwrap());
        assert!(k.pgp_roots().unwrap().is_empty());
    }

    #[test]
    fn pins_for_either_protocol() {
        let (_d, k) = keyring();
        let at = Timestamp(1_750_000_000);
        let pin = k
            .add_pin(FPR, " <Alice@Example.ORG> ", Protocol::Openpgp, at)
            .unwrap();
        assert_eq!(pin.email, "alice@example.org");
        k.add_pin(X509, "bob@example.org", Protocol::Smime, at)
            .unwrap();
        k.add_pin(FPR, "alice@work.example", Protocol::Openpgp, at)
            .unwrap();
        let pins = k.pins().unwrap();
        assert_eq!(pins.len(), 3);
        // Ordered by fingerprint: the X.509 one (0123...) first.
        assert_eq!(pins[0].protocol, Protocol::Smime);
        assert_eq!(pins[1].protocol, Protocol::Openpgp);
        assert_eq!(pins[1].created, at);
        assert!(k.is_pinned(FPR, "ALICE@example.org").unwrap());
        assert_eq!(k.remove_pin(FPR, Some("alice@example.org")).unwrap(), 1);
        assert!(!k.is_pinned(FPR, "alice@example.org").unwrap());
        assert_eq!(k.remove_pin(FPR, None).unwrap(), 1);
        assert_eq!(k.pins().unwrap().len(), 1);
    }

    #[test]
    fn fail_bad_root_input() {
        let (_d, k) = keyring();
        for bad in [
            "",
            "xyz",
            "A7319A9B",
            &format!("{FPR}00"),
            "Ä7319A9B166AB530",
        ] {
            assert!(
                matches!(k.add_pgp_root(bad, 120), Err(Error::Usage(_))),
                "{bad}"
            );
        }
        for amount in [0, 121, 255] {
            assert!(matches!(k.add_pgp_root(FPR, amount), Err(Error::Usage(_))));
        }
        assert!(k.pgp_roots().unwrap().is_empty());
    }

    #[test]
    fn fail_bad_pin_input() {
        let (_d, k) = keyring();
        let at = Timestamp(1);
        for bad in [
            "",
            "alice",
            "@example.org",
            "alice@",
            "a b@example.org",
            "a@b@c",
            "a\n@b",
        ] {
            assert!(matches!(
                k.add_pin(FPR, bad, Protocol::Openpgp, at),
                Err(Error::Usage(_))
            ));
        }
        assert!(k
            .add_pin("1234", "a@example.org", Protocol::Smime, at)
            .is_err());
        assert!(k.pins().unwrap().is_empty());
    }

    #[test]
    fn fail_corrupt_rows_are_errors() {
        let (_d, k) = keyring();
        k.conn()
            .unwrap()
            .execute(
                "INSERT INTO pins VALUES (?1, 'a@example.org', 'carrier-pigeon', 5)",
                [FPR],
            )
            .unwrap();
        assert!(matches!(k.pins(), Err(Error::Keyring(_))));
        k.conn()
            .unwrap()
            .execute("INSERT INTO pgp_roots VALUES (?1, 500)", [FPR])
            .unwrap();
        assert!(matches!(k.pgp_roots(), Err(Error::Keyring(_))));
    }
}
