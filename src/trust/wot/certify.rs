//! `trust pin FPR --email A` for OpenPGP: a local certification of the
//! binding made with the user's own key, like `gpg --lsign-key`.
//!
//! Local means the Exportable Certification subpacket is false: the
//! certification is kept in this keyring and stripped whenever the
//! certificate is exported, so a pin never tells anyone else what the user
//! checked. In the web of trust it is an ordinary certification from an
//! own root, so the binding becomes fully valid with the basis "pinned".

use sequoia_openpgp::crypto::Signer;
use sequoia_openpgp::packet::signature::SignatureBuilder;
use sequoia_openpgp::packet::{Packet, UserID};
use sequoia_openpgp::types::SignatureType;
use sequoia_openpgp::Cert;

use super::{address_of, normalize_email, system_time};
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// Certifies, locally and as of `at`, every user ID of `target` whose
/// address is `email`, with `signer`, which must be the primary key of
/// `signer_cert` (only primary keys make certifications that count).
/// Returns `target` with the certifications merged; the caller stores it
/// and records the pin.
pub fn certify_locally(
    signer: &mut dyn Signer,
    signer_cert: &Cert,
    target: &Cert,
    email: &str,
    at: Timestamp,
) -> Result<Cert> {
    if signer.public().fingerprint() != signer_cert.fingerprint() {
        return Err(Error::Usage(format!(
            "a certification must be made with the primary key of {}",
            signer_cert.fingerprint().to_hex()
        )));
    }
    let userids = userids_with(target, &normalize_email(email));
    if userids.is_empty() {
        return Err(Error::KeyNotFound {
            what: "user ID",
            query: format!(
                "{} on {}",
                normalize_email(email),
                target.fingerprint().to_hex()
            ),
        });
    }
    let mut packets: Vec<Packet> = Vec::with_capacity(2 * userids.len());
    for userid in userids {
        let sig = local_certification(signer, target, &userid, at)?;
        packets.push(userid.into());
        packets.push(sig.into());
    }
    let (cert, _) = target
        .clone()
        .insert_packets(packets)
        .map_err(|e| Error::Crypto(format!("adding the certification: {e}")))?;
    Ok(cert)
}

fn userids_with(target: &Cert, email: &str) -> Vec<UserID> {
    target
        .userids()
        .map(|ua| ua.userid())
        .filter(|u| address_of(u).as_deref() == Some(email))
        .cloned()
        .collect()
}

/// A plain (depth 0, full amount) generic certification, not exportable.
fn local_certification(
    signer: &mut dyn Signer,
    target: &Cert,
    userid: &UserID,
    at: Timestamp,
) -> Result<sequoia_openpgp::packet::Signature> {
    let crypto = |e: anyhow::Error| Error::Crypto(format!("certifying: {e}"));
    SignatureBuilder::new(SignatureType::GenericCertification)
        .set_signature_creation_time(system_time(at))
        .map_err(crypto)?
        .set_exportable_certification(false)
        .map_err(crypto)?
        .sign_userid_binding(signer, target.primary_key().key(), userid)
        .map_err(crypto)
}
