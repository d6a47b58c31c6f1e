//! OpenPGP certificates and secret keys in the keyring: the lookups the
//! protocol code calls, merging on import, export, removal, unlocking.
//!
//! One row per certificate (primary key). Importing a certificate again
//! merges it with what is stored (new signatures, user IDs, subkeys and
//! revocations are added; nothing is lost), so importing the same thing
//! twice changes nothing. Secret keys are kept as a transferable secret
//! key beside the certificate, every secret encrypted (see `pgp_secret`).

use std::collections::BTreeMap;

use rusqlite::Connection;
use sequoia_openpgp as openpgp;

use openpgp::cert::amalgamation::key::PrimaryKey;
use openpgp::cert::Cert;
use openpgp::crypto::Password;
use openpgp::packet::key::{SecretParts, UnspecifiedRole};
use openpgp::packet::Key;
use openpgp::serialize::SerializeInto;
use openpgp::KeyHandle;

use super::export::Exported;
use super::import::Passphrases;
use super::pgp_secret::{self, decrypt_key, drop_known_secrets, encrypt_plain_secrets};
use super::pgp_store::{self, Change};
use super::query::{normalize_hex, Query};
use super::{ImportSummary, Keyring};
use crate::error::{Error, Result};
use crate::passphrase::PassphraseSource;
use crate::safe::Safe;

/// An OpenPGP certificate as stored.
#[derive(Debug, Clone)]
pub struct StoredPgpCert {
    /// The primary key's fingerprint, upper-case hex (40 digits for v4,
    /// 64 for v6).
    pub fingerprint: String,
    /// The public certificate, with every stored signature (also local,
    /// non-exportable ones); no secret key material.
    pub cert: Cert,
    /// Lower-cased addresses of all its user IDs, valid or not.
    pub emails: Vec<String>,
    /// Whether the keyring holds a secret key for any of its keys.
    pub has_secret: bool,
    /// SHA-256 of the certificate as stored: what a judgement made of it
    /// is tied to.
    pub stored_sha256: [u8; 32],
}

impl Keyring {
    /// Whether the keyring holds any OpenPGP certificate at all: an
    /// S/MIME-only keyring then skips every OpenPGP lookup.
    pub fn has_openpgp(&self) -> Result<bool> {
        Ok(self
            .conn()?
            .query_row("SELECT EXISTS (SELECT 1 FROM pgp_certs)", [], |r| r.get(0))?)
    }

    /// Certificates with a user ID holding exactly this address.
    pub fn pgp_by_email(&self, email: &str) -> Result<Vec<StoredPgpCert>> {
        // The rows are read under the connection lock; parsing is not.
        let rows = pgp_store::by_email_raw(&*self.conn()?, email)?;
        pgp_store::parse_all(rows)
    }

    /// [`Keyring::pgp_by_email`] for many addresses, in their order: one
    /// query, and each certificate parsed once, on all cores, however
    /// many of the addresses it holds.
    pub fn pgp_by_emails(&self, emails: &[String]) -> Result<Vec<Vec<StoredPgpCert>>> {
        let rows = pgp_store::by_emails_raw(&*self.conn()?, emails)?;
        pgp_store::parse_per_email(rows, emails)
    }

    /// The certificate with this primary fingerprint (hex, any spacing,
    /// optional 0x); `None` for anything else, subkeys included.
    pub fn pgp_by_fingerprint(&self, fingerprint: &str) -> Result<Option<StoredPgpCert>> {
        match normalize_hex(fingerprint) {
            Some(d) if d.len() == 40 || d.len() == 64 => {
                let rows = pgp_store::by_primary_raw(&*self.conn()?, &d)?;
                Ok(pgp_store::parse_all(rows)?.into_iter().next())
            }
            _ => Ok(None),
        }
    }

    /// Certificates holding a key (primary or subkey) with this
    /// fingerprint or key ID, through the key index.
    pub fn pgp_by_key_handle(&self, handle: &KeyHandle) -> Result<Vec<StoredPgpCert>> {
        let digits = match handle {
            KeyHandle::Fingerprint(f) => f.to_hex(),
            KeyHandle::KeyID(id) => id.to_hex(),
        };
        let rows = pgp_store::by_key_raw(&*self.conn()?, &digits)?;
        pgp_store::parse_all(rows)
    }

    /// Every OpenPGP certificate (public parts), e.g. for the web of trust.
    pub fn pgp_all(&self) -> Result<Vec<Cert>> {
        Ok(self.pgp_all_stored()?.into_iter().map(|s| s.cert).collect())
    }

    /// Every OpenPGP certificate with what the keyring knows about it.
    pub fn pgp_all_stored(&self) -> Result<Vec<StoredPgpCert>> {
        pgp_store::all(&*self.conn()?)
    }

    /// Certificates for which the keyring holds secret keys.
    pub fn pgp_with_secret(&self) -> Result<Vec<StoredPgpCert>> {
        pgp_store::with_secret(&*self.conn()?)
    }

    /// The primary fingerprints (upper-case hex) of the certificates for
    /// which the keyring holds secret keys, without parsing any.
    pub fn pgp_secret_fingerprints(&self) -> Result<Vec<String>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached("SELECT fingerprint FROM pgp_secret_keys")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// OpenPGP certificates matching a user's QUERY: an address, a
    /// fingerprint or key ID of any of its keys, else a substring of the
    /// primary user ID.
    pub fn pgp_find(&self, query: &str) -> Result<Vec<StoredPgpCert>> {
        pgp_store::find(&*self.conn()?, &Query::parse(query))
    }

    /// The OpenPGP certificates matching `query` (as [`Keyring::pgp_find`]),
    /// armored one block each, without local (non-exportable)
    /// signatures; empty when none matches.
    pub fn pgp_export(&self, query: &str) -> Result<String> {
        Ok(export(&*self.conn()?, &Query::parse(query), false)?.text)
    }

    /// The transferable secret key of the certificate with this primary
    /// fingerprint, its secrets still encrypted.
    pub fn pgp_secret(&self, fingerprint: &str) -> Result<Cert> {
        let digits = normalize_hex(fingerprint).unwrap_or_default();
        pgp_store::load_tsk(&*self.conn()?, &digits)?.ok_or_else(|| Error::KeyNotFound {
            what: "OpenPGP secret key",
            query: fingerprint.into(),
        })
    }

    /// Merges the public parts of `cert` (new signatures such as local
    /// certifications, user IDs, subkeys, revocations) into the stored
    /// certificate in one transaction; stores it if it is new. Secret key
    /// material in `cert` is ignored.
    pub fn pgp_merge(&self, cert: Cert) -> Result<()> {
        let public = cert.strip_secret_key_material();
        self.write(|tx| merge_and_put(tx, public).map(|_| ()))
    }

    /// Decrypts the secret of the key `key` (primary or subkey, by
    /// fingerprint or key ID) of the certificate `fingerprint`, asking
    /// `passphrase` once. The returned key holds its secret unencrypted
    /// (in sequoia's protected memory); `into_keypair()` makes a signer or
    /// decryptor of it. A wrong passphrase is [`Error::WrongPassphrase`];
    /// no passphrase source is [`Error::NoPassphraseSource`].
    pub fn pgp_unlock(
        &self,
        fingerprint: &str,
        key: &KeyHandle,
        passphrase: &PassphraseSource,
    ) -> Result<Key<SecretParts, UnspecifiedRole>> {
        let tsk = self.pgp_secret(fingerprint)?;
        let (secret, primary) = tsk
            .keys()
            .key_handle(key.clone())
            .secret()
            .next()
            .map(|ka| (ka.key().clone(), ka.primary()))
            .ok_or_else(|| Error::KeyNotFound {
                what: "OpenPGP secret key",
                query: key.to_hex(),
            })?;
        let name = key_name(&tsk, &secret.fingerprint().to_hex());
        let pass = passphrase.get(&name)?;
        decrypt_key(secret, primary, &pass, &name)
    }

    /// Stores a key made by this program (its secrets already encrypted).
    pub(super) fn pgp_store_own(&self, tsk: Cert) -> Result<StoredPgpCert> {
        let fingerprint = tsk.fingerprint().to_hex();
        self.write(|tx| merge_and_put(tx, tsk))?;
        self.pgp_by_fingerprint(&fingerprint)?
            .ok_or_else(|| Error::Keyring("the new OpenPGP key was not stored".into()))
    }

    /// Readies imported certificates for storing, outside any transaction
    /// (S2K takes a while): copies of one certificate in the input are
    /// merged, secrets already stored are dropped, and the remaining
    /// unencrypted secrets are encrypted with the passphrase.
    pub(super) fn pgp_prepare(
        &self,
        certs: Vec<Cert>,
        pass: &mut Passphrases<'_>,
    ) -> Result<Vec<Cert>> {
        let mut prepared = Vec::new();
        for cert in merge_duplicates(certs)? {
            let stored = pgp_store::load_full(&*self.conn()?, &cert.fingerprint().to_hex())?;
            let cert = drop_known_secrets(cert, stored.as_ref())?;
            let cert = encrypt_plain_secrets(cert, || {
                pass.for_protection().map(|p| Password::from(p.as_str()))
            })?;
            prepared.push(cert);
        }
        Ok(prepared)
    }
}

/// Merges certificates with the same primary key, keeping input order.
fn merge_duplicates(certs: Vec<Cert>) -> Result<Vec<Cert>> {
    let mut by_fpr: BTreeMap<_, (usize, Cert)> = BTreeMap::new();
    for (n, cert) in certs.into_iter().enumerate() {
        let merged = match by_fpr.remove(&cert.fingerprint()) {
            Some((first, old)) => (first, merge(old, cert)?),
            None => (n, cert),
        };
        by_fpr.insert(merged.1.fingerprint(), merged);
    }
    let mut out: Vec<_> = by_fpr.into_values().collect();
    out.sort_by_key(|(n, _)| *n);
    Ok(out.into_iter().map(|(_, c)| c).collect())
}

/// `new` merged into `old`; where both hold a secret for a key, `new`'s
/// wins (callers have dropped those they want to keep from `new`).
fn merge(old: Cert, new: Cert) -> Result<Cert> {
    old.merge_public_and_secret(new)
        .map_err(|e| Error::Keyring(format!("merging OpenPGP certificates: {e:#}")))
}

/// Stores prepared certificates, merged with what is stored; counts what
/// changed into `summary`.
pub(super) fn store_certs(
    tx: &Connection,
    certs: &[Cert],
    summary: &mut ImportSummary,
) -> Result<()> {
    for cert in certs {
        let (change, secrets) = merge_and_put(tx, cert.clone())?;
        match change {
            Change::New => summary.pgp_certificates += 1,
            Change::Updated => summary.pgp_updated += 1,
            Change::Unchanged => summary.unchanged += 1,
        }
        summary.pgp_secret_keys += secrets;
    }
    Ok(())
}

/// Merges `cert` into its stored version and writes the result; returns
/// what changed and how many secret keys were added.
fn merge_and_put(tx: &Connection, cert: Cert) -> Result<(Change, usize)> {
    let stored = pgp_store::load_full(tx, &cert.fingerprint().to_hex())?;
    let before = stored.as_ref().map_or(0, pgp_secret::usable_secrets);
    let merged = match stored {
        Some(old) => merge(old, cert)?,
        None => cert,
    };
    let change = pgp_store::put(tx, &merged)?;
    let added = pgp_secret::usable_secrets(&merged).saturating_sub(before);
    Ok((change, added))
}

/// Armored certificates matching `query`, one block each; with `secret`
/// the transferable secret keys ("PRIVATE KEY BLOCK", still encrypted) of
/// those that have one. Local (non-exportable) signatures are left out.
pub(super) fn export(conn: &Connection, query: &Query, secret: bool) -> Result<Exported> {
    let mut out = Exported::default();
    for stored in pgp_store::find(conn, query)? {
        out.found += 1;
        let tsk = match secret && stored.has_secret {
            true => pgp_store::load_tsk(conn, &stored.fingerprint)?,
            false => None,
        };
        let armored = match &tsk {
            Some(tsk) => {
                out.secrets += 1;
                tsk.as_tsk().armored().export_to_vec()
            }
            None => stored.cert.armored().export_to_vec(),
        };
        let armored = armored
            .map_err(|e| Error::Keyring(format!("armoring an OpenPGP certificate: {e:#}")))?;
        out.text.push_str(&String::from_utf8_lossy(&armored));
    }
    Ok(out)
}

/// How a passphrase prompt and errors name a key: the certificate's
/// primary user ID, else the key's fingerprint; escaped for the terminal.
fn key_name(cert: &Cert, key_fingerprint: &str) -> String {
    let uid = super::pgp_info::primary_userid(cert, crate::time::Timestamp::now());
    match uid {
        Some(uid) => format!("the OpenPGP key {key_fingerprint} of {}", Safe(&uid)),
        None => format!("the OpenPGP key {key_fingerprint}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::testutil::{pass, PASS};
    use openpgp::cert::CertBuilder;
    use openpgp::packet::signature::SignatureBuilder;
    use openpgp::parse::Parse;
    use openpgp::types::SignatureType;
    use openpgp::Packet;

    /// A v4 key with an unencrypted secret, from sequoia's CertBuilder.
    fn tsk(uid: &str) -> Cert {
        CertBuilder::general_purpose(Some(uid))
            .generate()
            .unwrap()
            .0
    }

    fn keyring() -> (tempfile::TempDir, Keyring) {
        let dir = tempfile::TempDir::new().unwrap();
        let k = Keyring::open(dir.path()).unwrap();
        (dir, k)
    }

    #[test]
    fn imports_merges_and_finds_by_any_key() {
        let (_dir, k) = keyring();
        let alice = tsk("Alice <alice@example.org>");
        let public = alice.clone().strip_secret_key_material();
        let s = k.import(&public.to_vec().unwrap(), &pass(PASS)).unwrap();
        assert_eq!((s.pgp_certificates, s.pgp_secret_keys), (1, 0));
        let s = k
            .import(&alice.as_tsk().to_vec().unwrap(), &pass(PASS))
            .unwrap();
        assert_eq!((s.pgp_updated, s.pgp_secret_keys), (1, 3));
        let s = k
            .import(&alice.as_tsk().to_vec().unwrap(), &pass(PASS))
            .unwrap();
        assert_eq!((s.pgp_updated, s.pgp_secret_keys, s.unchanged), (0, 0, 1));

        let fpr = alice.fingerprint().to_hex();
        for key in alice.keys() {
            let by_fpr = k.pgp_by_key_handle(&key.key().key_handle()).unwrap();
            let by_id = k.pgp_by_key_handle(&key.key().keyid().into()).unwrap();
            assert_eq!(by_fpr.len(), 1);
            assert_eq!(by_id[0].fingerprint, fpr);
        }
        let subkey = alice.keys().subkeys().next().unwrap().key().fingerprint();
        assert!(k.pgp_by_fingerprint(&subkey.to_hex()).unwrap().is_none());
        let found = k.pgp_by_fingerprint(&format!("0x{fpr}")).unwrap().unwrap();
        assert!(found.has_secret && !found.cert.is_tsk());
        assert_eq!(k.pgp_by_email("ALICE@example.org").unwrap().len(), 1);
        assert_eq!(k.pgp_with_secret().unwrap().len(), 1);
        assert!(!has_plain(&k.pgp_secret(&fpr).unwrap()));
    }

    #[test]
    fn finds_many_addresses_at_once_in_their_order() {
        let (_dir, k) = keyring();
        // Sequoia's CertBuilder: Dave has two addresses, Erin one.
        let dave = CertBuilder::general_purpose(Some("Dave <dave@example.org>"))
            .add_userid("D <d@example.net>")
            .generate()
            .unwrap()
            .0
            .strip_secret_key_material();
        let erin = tsk("Erin <erin@example.org>").strip_secret_key_material();
        for c in [&dave, &erin] {
            k.import(&c.to_vec().unwrap(), &pass(PASS)).unwrap();
        }
        let asked = [
            "d@example.net",
            "nobody@example.org",
            " ERIN@example.org",
            "dave@example.org",
            "d@example.net",
        ];
        let asked: Vec<String> = asked.iter().map(|a| a.to_string()).collect();
        let found = k.pgp_by_emails(&asked).unwrap();
        let fprs: Vec<Vec<String>> = found
            .iter()
            .map(|f| f.iter().map(|c| c.cert.fingerprint().to_hex()).collect())
            .collect();
        let (d, e) = (dave.fingerprint().to_hex(), erin.fingerprint().to_hex());
        assert_eq!(
            fprs,
            [vec![d.clone()], vec![], vec![e], vec![d.clone()], vec![d]]
        );
        assert_eq!(found[0][0].emails, ["d@example.net", "dave@example.org"]);
        for (one, many) in asked.iter().zip(&found) {
            let single: Vec<_> = k.pgp_by_email(one).unwrap();
            assert_eq!(single.len(), many.len(), "{one}");
        }
        assert!(k.pgp_by_emails(&[]).unwrap().is_empty());
    }

    fn has_plain(cert: &Cert) -> bool {
        pgp_secret::has_plain_secret(cert)
    }

    #[test]
    fn keeps_local_certifications_but_never_exports_them() {
        let (_dir, k) = keyring();
        let bob = tsk("Bob <bob@example.org>");
        k.import(&bob.as_tsk().to_vec().unwrap(), &pass(PASS))
            .unwrap();
        // Alice certifies Bob's user ID locally (non-exportable).
        let alice = tsk("Alice <alice@example.org>");
        let mut signer = crate::openpgp::tests::util::primary_keypair(&alice);
        let uid = bob.userids().next().unwrap().userid().clone();
        let builder = SignatureBuilder::new(SignatureType::GenericCertification)
            .set_exportable_certification(false)
            .unwrap();
        let sig = uid.bind(&mut signer, &bob, builder).unwrap();
        let public = bob.clone().strip_secret_key_material();
        let (certified, _) = public
            .insert_packets(vec![Packet::from(uid), sig.into()])
            .unwrap();
        k.pgp_merge(certified).unwrap();

        let fpr = bob.fingerprint().to_hex();
        let certs = |c: &Cert| c.userids().next().unwrap().certifications().count();
        let stored = k.pgp_by_fingerprint(&fpr).unwrap().unwrap();
        assert_eq!(certs(&stored.cert), 1);
        assert_eq!(certs(&k.pgp_secret(&fpr).unwrap()), 1, "the TSK follows");
        for secret in [false, true] {
            let exported = k.export(&fpr, secret).unwrap();
            let back = Cert::from_bytes(exported.as_bytes()).unwrap();
            assert_eq!(certs(&back), 0, "secret={secret}");
            assert_eq!(back.is_tsk(), secret);
        }
    }

    #[test]
    fn fail_bad_input_writes_nothing() {
        let (_dir, k) = keyring();
        let good = tsk("Carol <carol@example.org>").as_tsk().to_vec().unwrap();
        let bad = [&good[..], &good[..good.len() - 3]].concat();
        assert!(matches!(
            k.import(&bad, &pass(PASS)),
            Err(Error::Malformed { .. })
        ));
        // An unencrypted secret and an empty passphrase: nothing stored.
        assert!(matches!(k.import(&good, &pass("")), Err(Error::Usage(_))));
        assert!(k.pgp_all().unwrap().is_empty());
    }
}
