//! Revocation certificates: a bare key revocation signature, as
//! `gpg --gen-revoke` writes it for safekeeping, imported later to revoke
//! a certificate the keyring already holds (as `gpg --import` does).

use sequoia_openpgp::packet::Signature;
use sequoia_openpgp::Cert;

use super::Keyring;
use crate::error::{Error, Result};

impl Keyring {
    /// The stored certificates each revocation is for, with it added.
    /// A revocation must be made by the certificate's own primary key and
    /// verify; one for a certificate the keyring does not hold is an
    /// error, so the user knows nothing was revoked.
    pub(super) fn pgp_apply_revocations(&self, revocations: Vec<Signature>) -> Result<Vec<Cert>> {
        let mut out = Vec::with_capacity(revocations.len());
        for sig in revocations {
            let cert = self.revoked_cert(&sig)?;
            let (cert, _) = cert
                .insert_packets(sig)
                .map_err(|e| Error::malformed("OpenPGP revocation", format!("{e:#}")))?;
            out.push(cert);
        }
        Ok(out)
    }

    /// The stored certificate whose primary key made and verifies `sig`.
    fn revoked_cert(&self, sig: &Signature) -> Result<Cert> {
        let issuers = sig.get_issuers();
        for issuer in &issuers {
            for stored in self.pgp_by_key_handle(issuer)? {
                let primary = stored.cert.primary_key().key();
                if sig.verify_primary_key_revocation(primary, primary).is_ok() {
                    return Ok(stored.cert);
                }
            }
        }
        let who = issuers
            .first()
            .map_or_else(|| "an unnamed key".to_string(), |h| h.to_hex());
        Err(Error::malformed(
            "OpenPGP revocation",
            format!(
                "the revocation certificate is for {who}, which the keyring does not hold \
                 (or it does not verify); import that certificate first"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use sequoia_openpgp::cert::CertBuilder;
    use sequoia_openpgp::serialize::SerializeInto;
    use sequoia_openpgp::types::RevocationStatus;

    use super::super::testutil::{pass, Scratch, PASS};
    use super::*;

    fn keyring() -> (Keyring, Scratch) {
        let scratch = Scratch::new();
        let k = Keyring::open(&scratch.keyring_dir("k")).unwrap();
        (k, scratch)
    }

    /// A certificate and the revocation certificate CertBuilder makes.
    fn cert_and_revocation(uid: &str) -> (Cert, Vec<u8>) {
        let (cert, rev) = CertBuilder::general_purpose(Some(uid)).generate().unwrap();
        let rev = sequoia_openpgp::Packet::from(rev).to_vec().unwrap();
        (cert.strip_secret_key_material(), rev)
    }

    fn is_revoked(cert: &Cert) -> bool {
        let policy = sequoia_openpgp::policy::StandardPolicy::new();
        matches!(
            cert.revocation_status(&policy, None),
            RevocationStatus::Revoked(_)
        )
    }

    #[test]
    fn imported_revocation_revokes_the_stored_certificate() {
        let (k, _dir) = keyring();
        let (cert, rev) = cert_and_revocation("A <a@example.org>");
        k.import(&cert.to_vec().unwrap(), &pass(PASS)).unwrap();
        k.import(&rev, &pass(PASS)).unwrap();
        let stored = k
            .pgp_by_fingerprint(&cert.fingerprint().to_hex())
            .unwrap()
            .unwrap();
        assert!(is_revoked(&stored.cert));
        // Importing it again changes nothing and is not an error.
        k.import(&rev, &pass(PASS)).unwrap();
    }

    #[test]
    fn fail_revocation_for_an_unknown_or_other_key() {
        let (k, _dir) = keyring();
        let (a, _) = cert_and_revocation("A <a@example.org>");
        let (_, rev_b) = cert_and_revocation("B <b@example.org>");
        k.import(&a.to_vec().unwrap(), &pass(PASS)).unwrap();
        let err = k.import(&rev_b, &pass(PASS)).unwrap_err();
        assert!(
            err.to_string().contains("import that certificate first"),
            "{err}"
        );
        let stored = k
            .pgp_by_fingerprint(&a.fingerprint().to_hex())
            .unwrap()
            .unwrap();
        assert!(!is_revoked(&stored.cert));
    }
}
