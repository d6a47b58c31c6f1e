//! Legacy input from the mail world, made by the real `openssl`: old mail
//! encrypted with Triple DES and RC2, PKCS#12 files with the old PBE
//! ciphers, PKCS#8 keys encrypted with 3DES, PEM with lines of any length;
//! and what is said when something really is unsupported.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const ENTITY: &[u8] =
    b"Content-Type: text/plain; charset=us-ascii\r\n\r\nOld mail, still readable.\r\n";

/// openssl with the legacy provider loaded (RC2, RC4, single DES and the
/// PKCS#12 PBE ciphers live there in OpenSSL 3).
fn openssl_legacy(args: &[&str]) -> Vec<u8> {
    let (sub, rest) = args.split_first().unwrap();
    run_ok(
        Command::new("openssl")
            .arg(sub)
            .args(["-provider", "legacy", "-provider", "default"])
            .args(rest),
    )
    .stdout
}

/// `openssl cms -encrypt CIPHER` of `content` to `recip`, in a message.
fn old_mail(w: &World, cipher: &str, content: &Path) -> Vec<u8> {
    let enc = openssl_legacy(&["cms", "-encrypt", cipher, "-in", s(content), s(&w.bob.cert)]);
    let mut msg = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: old\r\n".to_vec();
    msg.extend_from_slice(&enc);
    msg
}

const OLD_CIPHERS: [(&str, &str); 4] = [
    ("-des3", "3DES-CBC"),
    ("-rc2-40", "RC2-40-CBC"),
    ("-rc2-64", "RC2-64-CBC"),
    ("-rc2-128", "RC2-128-CBC"),
];

#[test]
fn old_mail_with_3des_and_rc2_decrypts_only_with_legacy_cbc() {
    let w = common::world("Legacy CA");
    let d = w.env.dir.path();
    let content = write(d, "content.txt", ENTITY);
    for (cipher, name) in OLD_CIPHERS {
        let msg = old_mail(&w, cipher, &content);
        let out = d.join("clear.eml");
        let err = w.env.refused(&["decrypt", "-o", s(&out)], &msg, 1);
        assert!(
            err.contains(&format!("uses {name} without integrity protection")),
            "{cipher}: {err}"
        );
        assert!(!out.exists(), "{cipher}: output written");

        let json = w.env.expect(
            &["--json", "decrypt", "--legacy-cbc", "-o", s(&out)],
            &msg,
            0,
        );
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["integrity_protected"], false, "{cipher}: {v}");
        let clear = std::fs::read(&out).unwrap();
        assert!(contains(&clear, b"Old mail, still readable."), "{cipher}");
        std::fs::remove_file(&out).unwrap();
    }
}

#[test]
fn old_mail_signed_inside_is_written_and_marked() {
    let w = common::world("Legacy CA");
    let d = w.env.dir.path();
    let content = write(d, "content.txt", ENTITY);
    let signed = write(d, "signed.eml", &w.alice.cms_sign(&content, &[]));
    for (cipher, _) in [OLD_CIPHERS[0], OLD_CIPHERS[1]] {
        let msg = old_mail(&w, cipher, &signed);
        let out = d.join("clear.eml");
        let json = w.env.expect(&["--json", "decrypt", "-o", s(&out)], &msg, 0);
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["verdict"], "trusted", "{cipher}: {v}");
        assert_eq!(v["integrity_protected"], false, "{cipher}: {v}");
        assert!(contains(&std::fs::read(&out).unwrap(), b"Old mail"));
        std::fs::remove_file(&out).unwrap();
    }
}

/// A PKCS#12 file of `user` written by `openssl pkcs12 -export` with
/// `options`.
fn openssl_p12(w: &World, user: &User, name: &str, options: &[&str]) -> PathBuf {
    let out = w.env.path(name);
    let mut args = vec![
        "pkcs12",
        "-export",
        "-in",
        s(&user.cert),
        "-inkey",
        s(&user.key),
        "-out",
        s(&out),
    ];
    let passout = format!("pass:{PASS}");
    args.extend(["-passout", &passout]);
    args.extend_from_slice(options);
    openssl_legacy(&args);
    out
}

/// A fresh keyring with `files` imported and the CA as anchor signs as
/// alice, and the signature verifies as trusted.
fn assert_alice_signs_after_import(w: &World, files: &[&Path], what: &str) {
    let env = Env::new();
    for f in files {
        let out = env.run(&["keyring", "import", s(f)], b"");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    env.anchor(&w.pki.ca());
    let msg = message("alice@example.org", "bob@example.org", "legacy", "hello");
    let signed = env.expect(&["sign", "--smime"], &msg, 0);
    let (v, code) = env.verdict(&signed);
    assert_eq!(code, 0, "{what}: {v}");
}

#[test]
fn openssl_legacy_pkcs12_imports() {
    let w = common::world("Legacy CA");
    let cases: [(&str, &[&str]); 4] = [
        ("-legacy (RC2-40 certificates, 3DES key)", &["-legacy"]),
        (
            "3DES everywhere, SHA-1 MAC",
            &[
                "-keypbe",
                "PBE-SHA1-3DES",
                "-certpbe",
                "PBE-SHA1-3DES",
                "-macalg",
                "sha1",
            ],
        ),
        (
            "RC2-128 key, two-key 3DES certificates",
            &["-keypbe", "PBE-SHA1-RC2-128", "-certpbe", "PBE-SHA1-2DES"],
        ),
        (
            "PBES2 with DES-EDE3-CBC, SHA-512 MAC",
            &[
                "-keypbe",
                "des-ede3-cbc",
                "-certpbe",
                "des-ede3-cbc",
                "-macalg",
                "sha512",
            ],
        ),
    ];
    for (what, options) in cases {
        let p12 = openssl_p12(&w, &w.alice, "legacy.p12", options);
        assert_alice_signs_after_import(&w, &[&p12], what);
    }
}

#[test]
fn pkcs8_keys_encrypted_with_3des_import() {
    let w = common::world("Legacy CA");
    let cases: [(&str, &[&str]); 3] = [
        ("PBES2 DES-EDE3-CBC", &["-v2", "des3"]),
        ("PKCS#12 PBE 3DES", &["-v1", "PBE-SHA1-3DES"]),
        (
            "PBES2 with HMAC-SHA-1",
            &["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA1"],
        ),
    ];
    for (what, options) in cases {
        let key = w.env.path("key8.pem");
        let mut args = vec!["pkcs8", "-topk8", "-in", s(&w.alice.key), "-out", s(&key)];
        let passout = format!("pass:{PASS}");
        args.extend(["-passout", &passout]);
        args.extend_from_slice(options);
        openssl_legacy(&args);
        assert_alice_signs_after_import(&w, &[&key, &w.alice.cert], what);
    }
}

/// `pem` with its base64 folded at `width` columns (0: one line).
fn refold(pem: &[u8], width: usize) -> Vec<u8> {
    let text = String::from_utf8(pem.to_vec()).unwrap();
    let mut out = String::new();
    let mut body = String::new();
    for line in text.lines() {
        if line.starts_with("-----BEGIN") {
            out.push_str(line);
            out.push('\n');
        } else if line.starts_with("-----END") {
            let chunk = if width == 0 { body.len().max(1) } else { width };
            for part in body.as_bytes().chunks(chunk) {
                out.push_str(std::str::from_utf8(part).unwrap());
                out.push('\n');
            }
            body.clear();
            out.push_str(line);
            out.push('\n');
        } else {
            body.push_str(line.trim());
        }
    }
    out.into_bytes()
}

#[test]
fn pem_with_any_line_length_imports() {
    let w = common::world("Legacy CA");
    let crl = w.pki.crl();
    for width in [76, 0] {
        let dir = w.env.path(&format!("w{width}"));
        std::fs::create_dir(&dir).unwrap();
        let cert = write(
            &dir,
            "alice.pem",
            &refold(&std::fs::read(&w.alice.cert).unwrap(), width),
        );
        let key = write(
            &dir,
            "alice.key",
            &refold(&std::fs::read(&w.alice.key).unwrap(), width),
        );
        let crl = write(
            &dir,
            "crl.pem",
            &refold(&std::fs::read(&crl).unwrap(), width),
        );
        let ca = write(
            &dir,
            "ca.pem",
            &refold(&std::fs::read(w.pki.ca()).unwrap(), width),
        );
        let env = Env::new();
        let out = env.run(&["keyring", "import", s(&cert), s(&key), s(&crl)], b"");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{width}: {err}");
        assert!(
            err.contains("1 certificate(s), 1 secret key(s), 1 CRL(s)"),
            "{width}: {err}"
        );
        env.anchor(&ca);
        let msg = message("alice@example.org", "bob@example.org", "pem", "hello");
        let signed = env.expect(&["sign", "--smime"], &msg, 0);
        let (v, code) = env.verdict(&signed);
        assert_eq!(code, 0, "{width}: {v}");
    }
}

#[test]
fn fail_pem_with_junk_in_the_base64_is_malformed() {
    let env = Env::new();
    let f = write(
        env.dir.path(),
        "bad.pem",
        b"-----BEGIN CERTIFICATE-----\nMIIB*AAA\n-----END CERTIFICATE-----\n",
    );
    let err = env.refused(&["keyring", "import", s(&f)], b"", 2);
    assert!(err.contains("bad base64"), "{err}");
}

#[test]
fn fail_unsupported_encryption_and_wrong_passphrases_are_named() {
    let w = common::world("Legacy CA");
    let rc4 = openssl_p12(
        &w,
        &w.alice,
        "rc4.p12",
        &[
            "-keypbe",
            "PBE-SHA1-RC4-128",
            "-certpbe",
            "PBE-SHA1-RC4-128",
        ],
    );
    let env = Env::new();
    let err = env.refused(&["keyring", "import", s(&rc4)], b"", 2);
    assert!(
        err.contains(
            "PKCS#12 file with certificate encryption pbeWithSHAAnd128BitRC4 (1.2.840.113549.1.12.1.1), which mailseal does not support"
        ),
        "{err}"
    );
    assert!(!err.contains("not a PEM file"), "{err}");

    let key = w.env.path("md5des.pem");
    openssl_legacy(&[
        "pkcs8",
        "-topk8",
        "-v1",
        "PBE-MD5-DES",
        "-in",
        s(&w.alice.key),
        "-out",
        s(&key),
        "-passout",
        &format!("pass:{PASS}"),
    ]);
    let err = env.refused(&["keyring", "import", s(&key)], b"", 2);
    assert!(
        err.contains("PKCS#8 key with encryption pbeWithMD5AndDES-CBC")
            && err.contains("which mailseal does not support"),
        "{err}"
    );

    let p12 = openssl_p12(&w, &w.alice, "legacy.p12", &["-legacy"]);
    std::fs::write(env.path("pass"), "not the passphrase\n").unwrap();
    let err = env.refused(&["keyring", "import", s(&p12)], b"", 2);
    assert!(
        err.contains("wrong passphrase for the PKCS#12 file"),
        "{err}"
    );
}
