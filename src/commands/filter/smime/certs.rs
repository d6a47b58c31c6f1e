//! The certificate operations neomutt runs around S/MIME mail: taking
//! the signature out of a message (pk7out), listing its certificates
//! (get-cert) and the good signers' (get-signer-cert), a certificate's
//! addresses (get-cert-email), importing certificates into the keyring
//! (import) and printing the keyring's (export).

use std::fmt::Write;

use const_oid::db::rfc5911::{ID_CT_AUTH_ENVELOPED_DATA, ID_ENVELOPED_DATA};

use super::{files, store, verify};
use crate::cli::filter_smime::{ExportArgs, GetSignerCertArgs, ImportArgs, InputArg};
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::keyring::ImportSummary;
use crate::mime::{self, Body};
use crate::report::human::signer_line;
use crate::report::{emit, Stream};
use crate::safe::Safe;
use crate::smime::compose::single_from;
use crate::smime::{ber, cert, open, signed_view};
use crate::trust::verdict::{Covers, Role, Signature};
use crate::trust::TrustData;

/// The first byte of DER (a SEQUENCE).
const DER_SEQUENCE: u8 = 0x30;

/// A signature and, for multipart/signed, the part it covers.
struct Signed {
    cms: Vec<u8>,
    detached: Option<Vec<u8>>,
}

/// The S/MIME signature at the root of `raw`: a message (multipart/signed
/// or opaque application/pkcs7-mime), or the CMS structure itself (DER,
/// BER or PEM).
fn signed(raw: &[u8]) -> Result<Signed> {
    if raw.first() == Some(&DER_SEQUENCE) || raw.starts_with(b"-----BEGIN ") {
        return Ok(Signed {
            cms: files::cms_from(raw)?,
            detached: None,
        });
    }
    match mime::analyze(raw)?.root {
        Body::MultipartSigned {
            signed, signature, ..
        } => Ok(Signed {
            cms: signature,
            detached: Some(signed),
        }),
        Body::Pkcs7Mime { der, .. }
            if !matches!(ber::content_type(&der), Some(t)
                if t == ID_ENVELOPED_DATA || t == ID_CT_AUTH_ENVELOPED_DATA) =>
        {
            Ok(Signed {
                cms: der,
                detached: None,
            })
        }
        Body::Pkcs7Mime { .. } => Err(Error::NothingToDo(
            "the message is encrypted; decrypt it first".into(),
        )),
        Body::Plain => Err(Error::NothingToDo(
            "the message has no S/MIME signature at its root".into(),
        )),
    }
}

fn pem(label: &str, der: &[u8]) -> Result<String> {
    der::pem::encode_string(label, der::pem::LineEnding::LF, der)
        .map_err(|e| Error::malformed("PEM", e))
}

/// `pk7out`: the signature as PEM PKCS7.
pub fn pk7out(args: &InputArg) -> Result<ExitCode> {
    let s = signed(&io::read_input(Some(&args.input))?)?;
    let der = ber::to_der(&s.cms)?;
    io::write_output(None, pem("PKCS7", &der)?.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// `get-cert`: every certificate a signature carries, as PEM.
pub fn get_cert(args: &InputArg) -> Result<ExitCode> {
    let s = signed(&io::read_input(Some(&args.input))?)?;
    let der = ber::to_der(&s.cms)?;
    let view = signed_view::parse(&der)?;
    let mut out = String::new();
    for c in &view.certificates {
        out.push_str(&files::pem(c)?);
    }
    if out.is_empty() {
        return Err(Error::NothingToDo(
            "the signature carries no certificate".into(),
        ));
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// `get-signer-cert`: neomutt's sender check. The certificate of every
/// signature that is good and whose signer is fully valid for the
/// message's From address itself goes to the file, as PEM; neomutt then
/// compares the addresses get-cert-email prints with From. Nothing is
/// written for a signer bound to another address (neomutt takes any
/// address that starts with the From address as a match), or when the
/// message has no single From. Nothing goes to standard output: neomutt
/// leaves it on its screen.
pub fn get_signer_cert(ctx: &Ctx, args: &GetSignerCertArgs) -> Result<ExitCode> {
    let raw = io::read_input(Some(&args.input))?;
    let s = signed(&raw)?;
    let from = mime::split_headers(&raw)
        .ok()
        .and_then(|(headers, _)| single_from(&headers));
    let trust = TrustData::load(ctx.keyring()?, ctx.at)?;
    let sd = open::verify_signed(&trust, &s.cms, s.detached.as_deref())?;
    let judged = open::judge(&trust, &sd, from.as_deref(), Covers::Whole, Role::Author, 0);
    trust.save();
    let mut out = String::new();
    let mut refused = String::new();
    for (signer, sig) in sd.signers.iter().zip(&judged) {
        match (&signer.cert, sig.exit_code()) {
            (Some(c), ExitCode::Ok) => out.push_str(&files::pem(c)?),
            _ => {
                let _ = writeln!(refused, "{}", signer_line(sig));
            }
        }
    }
    if out.is_empty() {
        emit(Stream::Stderr, &format!("{}\n{refused}", verify::FAILURE));
        let code = judged
            .iter()
            .map(Signature::exit_code)
            .fold(ExitCode::Ok, ExitCode::worst);
        return Ok(if code == ExitCode::Ok {
            ExitCode::Untrusted
        } else {
            code
        });
    }
    // In place, not renamed over: neomutt made the file and reads it
    // through the handle it already holds.
    std::fs::write(&args.out, out.as_bytes()).map_err(|e| Error::io(&args.out, e))?;
    Ok(ExitCode::Ok)
}

/// `get-cert-email`: the addresses of the certificates in a file, one a
/// line.
pub fn get_cert_email(args: &InputArg) -> Result<ExitCode> {
    let mut out = String::new();
    for c in files::read_certificates(&args.input)? {
        for email in cert::emails(&c) {
            let _ = writeln!(out, "{}", Safe(&email));
        }
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// `import`: certificates (and whatever else `keyring import` reads)
/// into the keyring; the key and certificate directories follow at once.
/// neomutt writes a label to standard input; mailseal labels a
/// certificate with its subject's common name, and does not read it.
pub fn import(ctx: &Ctx, args: &ImportArgs) -> Result<ExitCode> {
    let keyring = ctx.keyring()?;
    let mut total = ImportSummary::default();
    let mut certs = Vec::new();
    for f in &args.files {
        let bytes = io::read_input(Some(f))?;
        let s = keyring.import(&bytes, &ctx.passphrase)?;
        total.certificates += s.certificates;
        total.unchanged += s.unchanged;
        if let Ok(found) = files::read_certificates(f) {
            certs.extend(found);
        }
    }
    store::refresh(ctx)?;
    let mut out = format!(
        "imported {} new certificate(s), {} already known\n",
        total.certificates, total.unchanged
    );
    for c in &certs {
        let _ = writeln!(
            out,
            "  {} {} {}",
            store::id(&cert::fingerprint(c)),
            Safe(&cert::emails(c).join(",")),
            Safe(&cert::subject(c))
        );
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}

/// `export`: the keyring's certificates for an address, fingerprint or
/// name, as PEM.
pub fn export(ctx: &Ctx, args: &ExportArgs) -> Result<ExitCode> {
    let found = ctx.keyring()?.find(&args.query)?;
    if found.is_empty() {
        return Err(Error::KeyNotFound {
            what: "S/MIME certificate",
            query: args.query.clone(),
        });
    }
    let mut out = String::new();
    for c in &found {
        out.push_str(&files::pem(&c.cert)?);
    }
    io::write_output(None, out.as_bytes())?;
    Ok(ExitCode::Ok)
}
