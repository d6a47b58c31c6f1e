//! analyze() against messages signed by the real `openssl cms` (OpenSSL 3).

use std::path::Path;
use std::process::Command;

use super::*;
use crate::mime::codec::to_crlf;

fn openssl(dir: &Path, args: &[&str]) -> bool {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn have_openssl() -> bool {
    let ok = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: openssl not on PATH, skipping the interop test");
    }
    ok
}

fn lf_only(s: &[u8]) -> Vec<u8> {
    s.iter().copied().filter(|&b| b != b'\r').collect()
}

/// Vector: `openssl req -x509 -newkey rsa:2048 -nodes -subj
/// /CN=t/emailAddress=a@example.org -keyout k.pem -out c.pem -days 1`, then
/// `openssl cms -sign -in msg.txt -signer c.pem -inkey k.pem -out out.eml`
/// (S/MIME multipart/signed; openssl writes the signed part with CRLF and
/// the rest with LF). `openssl cms -verify -noverify -in out.eml -out
/// content.txt` writes exactly the canonical bytes it verified: CRLF line
/// ends, and no line end before the boundary.
#[test]
fn openssl_multipart_signed() {
    if !have_openssl() {
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let d = dir.path();
    assert!(openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=t/emailAddress=a@example.org",
            "-keyout",
            "k.pem",
            "-out",
            "c.pem",
            "-days",
            "1",
        ]
    ));
    let msg = b"Content-Type: text/plain; charset=utf-8\n\nHello\nFrom me  \n\xe6\x97\xa5\nend";
    std::fs::write(d.join("msg.txt"), msg).unwrap();
    assert!(openssl(
        d,
        &[
            "cms", "-sign", "-in", "msg.txt", "-signer", "c.pem", "-inkey", "k.pem", "-out",
            "out.eml"
        ]
    ));
    assert!(openssl(
        d,
        &[
            "cms",
            "-verify",
            "-noverify",
            "-in",
            "out.eml",
            "-out",
            "content.txt"
        ]
    ));
    let eml = std::fs::read(d.join("out.eml")).unwrap();
    let content = std::fs::read(d.join("content.txt")).unwrap();
    assert_eq!(content, to_crlf(msg).as_ref());

    for raw in [eml.clone(), lf_only(&eml)] {
        let Body::MultipartSigned {
            protocol,
            micalg,
            signed,
            signature,
        } = analyze(&raw).unwrap().root
        else {
            panic!("openssl output not recognised as multipart/signed");
        };
        assert_eq!(protocol, "application/pkcs7-signature");
        assert_eq!(micalg.as_deref(), Some("sha-256"));
        assert_eq!(signed, content);
        // The extracted pieces verify with openssl on their own.
        std::fs::write(d.join("signed.bin"), &signed).unwrap();
        std::fs::write(d.join("sig.der"), &signature).unwrap();
        assert!(openssl(
            d,
            &[
                "cms",
                "-verify",
                "-binary",
                "-noverify",
                "-inform",
                "DER",
                "-in",
                "sig.der",
                "-content",
                "signed.bin",
                "-out",
                "check.txt",
            ]
        ));
    }
}

/// Our own canonical entity, signed detached by openssl in binary mode and
/// wrapped by build_multipart_signed, verifies after analyze() extracts it.
#[test]
fn openssl_verifies_what_we_build() {
    if !have_openssl() {
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let d = dir.path();
    assert!(openssl(
        d,
        &[
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=t", "-keyout", "k.pem",
            "-out", "c.pem", "-days", "1",
        ]
    ));
    let raw = b"From: a@example.org\nSubject: s\nContent-Type: text/plain; charset=iso-2022-jp\nContent-Transfer-Encoding: 7bit\n\n\x1b$B$3$s$K$A$O\x1b(B \nFrom here\n";
    let p = crate::mime::split_for_protection(raw).unwrap();
    std::fs::write(d.join("entity.bin"), &p.entity).unwrap();
    assert!(openssl(
        d,
        &[
            "cms",
            "-sign",
            "-binary",
            "-in",
            "entity.bin",
            "-signer",
            "c.pem",
            "-inkey",
            "k.pem",
            "-outform",
            "DER",
            "-out",
            "sig.der",
        ]
    ));
    let sig = std::fs::read(d.join("sig.der")).unwrap();
    let built = crate::mime::build_multipart_signed(
        &p.outer,
        &p.entity,
        "application/pkcs7-signature",
        "sha-256",
        &crate::mime::SignaturePart {
            content_type: "application/pkcs7-signature",
            filename: "smime.p7s",
            data: &sig,
        },
    );
    std::fs::write(d.join("built.eml"), &built).unwrap();
    // openssl's own S/MIME reader accepts our multipart/signed as well.
    assert!(openssl(
        d,
        &[
            "cms",
            "-verify",
            "-noverify",
            "-in",
            "built.eml",
            "-out",
            "content.txt"
        ]
    ));
    assert_eq!(std::fs::read(d.join("content.txt")).unwrap(), p.entity);
}

/// Vector: `openssl cms -sign -nodetach -in msg.txt -signer c.pem -inkey
/// k.pem -out opaque.eml` (application/pkcs7-mime; smime-type=signed-data)
/// and `openssl cms -cmsout -in opaque.eml -outform DER -out opaque.der`
/// for the DER to compare with.
#[test]
fn openssl_opaque_signed() {
    if !have_openssl() {
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let d = dir.path();
    assert!(openssl(
        d,
        &[
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=t", "-keyout", "k.pem",
            "-out", "c.pem", "-days", "1",
        ]
    ));
    std::fs::write(d.join("msg.txt"), b"Content-Type: text/plain\n\nopaque\n").unwrap();
    assert!(openssl(
        d,
        &[
            "cms",
            "-sign",
            "-nodetach",
            "-in",
            "msg.txt",
            "-signer",
            "c.pem",
            "-inkey",
            "k.pem",
            "-out",
            "opaque.eml",
        ]
    ));
    assert!(openssl(
        d,
        &[
            "cms",
            "-cmsout",
            "-in",
            "opaque.eml",
            "-outform",
            "DER",
            "-out",
            "opaque.der"
        ]
    ));
    let eml = std::fs::read(d.join("opaque.eml")).unwrap();
    let der = std::fs::read(d.join("opaque.der")).unwrap();
    let a = analyze(&eml).unwrap();
    let Body::Pkcs7Mime {
        smime_type,
        der: got,
    } = a.root
    else {
        panic!("not application/pkcs7-mime: {:?}", a.root);
    };
    assert_eq!(smime_type.as_deref(), Some("signed-data"));
    assert_eq!(got, der);
}
