//! PGP/MIME messages around what a peer made (RFC 3156), and the JSON
//! report of commands that print it on stderr.

pub fn pgp_mime_signed(from: &str, entity: &[u8], sig: &[u8], micalg: &str) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: bob@example.org\r\nSubject: signed by a peer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg={micalg}; boundary=\"b1\"\r\n\r\n--b1\r\n"
    )
    .into_bytes();
    m.extend_from_slice(entity);
    m.extend_from_slice(
        b"\r\n--b1\r\nContent-Type: application/pgp-signature; name=signature.asc\r\n\r\n",
    );
    m.extend_from_slice(sig);
    m.extend_from_slice(b"\r\n--b1--\r\n");
    m
}

pub fn pgp_mime_encrypted(from: &str, armored: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: bob@example.org\r\nSubject: encrypted by a peer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n--b2\r\nContent-Type: application/octet-stream; name=encrypted.asc\r\n\r\n"
    )
    .into_bytes();
    m.extend_from_slice(armored);
    m.extend_from_slice(b"\r\n--b2--\r\n");
    m
}

/// `--json` output of a command whose report goes to stderr (decrypt).
pub fn json_of(out: &std::process::Output) -> serde_json::Value {
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON on stderr: {text}"));
    serde_json::from_str(line).unwrap()
}
