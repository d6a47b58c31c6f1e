//! `keyring export`: the matching certificates of both protocols, X.509
//! as PEM and OpenPGP armored, with their still-encrypted keys on request.

use std::collections::HashSet;

use der::Encode;
use rusqlite::Connection;

use super::query::{self, Query};
use super::{openpgp, store, Keyring};
use crate::error::{Error, Result};

/// What `export` found for one protocol.
#[derive(Debug, Default)]
pub(super) struct Exported {
    pub text: String,
    /// Certificates matched.
    pub found: usize,
    /// Secret keys written.
    pub secrets: usize,
}

impl Keyring {
    /// PEM of the matching X.509 certificates, with their encrypted
    /// PKCS#8 keys when `secret`, then the matching OpenPGP certificates
    /// armored (with `secret`, their encrypted transferable secret keys).
    pub fn export(&self, query: &str, secret: bool) -> Result<String> {
        let conn = self.conn()?;
        let parsed = Query::parse(query);
        let x509 = export_x509(&conn, &parsed, secret)?;
        let pgp = openpgp::export(&conn, &parsed, secret)?;
        if x509.found + pgp.found == 0 {
            return Err(Error::KeyNotFound {
                what: "certificate",
                query: query.into(),
            });
        }
        if secret && x509.secrets + pgp.secrets == 0 {
            return Err(Error::KeyNotFound {
                what: "secret key",
                query: query.into(),
            });
        }
        Ok(x509.text + &pgp.text)
    }
}

/// PEM of the X.509 certificates matching `query`, and of their keys.
fn export_x509(conn: &Connection, query: &Query, secret: bool) -> Result<Exported> {
    let found = query::find(conn, query)?;
    let mut out = Exported {
        found: found.len(),
        ..Exported::default()
    };
    let mut keys_done = HashSet::new();
    for stored in &found {
        out.text
            .push_str(&pem("CERTIFICATE", &stored.cert.to_der()?)?);
        if !secret || !stored.has_secret {
            continue;
        }
        let spki = store::spki_sha256(&stored.cert)?;
        if let Some(encrypted) = store::encrypted_key(conn, &spki)? {
            if keys_done.insert(spki) {
                out.text
                    .push_str(&pem("ENCRYPTED PRIVATE KEY", &encrypted)?);
            }
        }
    }
    out.secrets = keys_done.len();
    Ok(out)
}

fn pem(label: &str, der: &[u8]) -> Result<String> {
    der::pem::encode_string(label, der::pem::LineEnding::LF, der)
        .map_err(|e| Error::Keyring(format!("PEM encoding: {e}")))
}
