//! The shipped example keyrings and messages work as keyring-examples/README.md
//! says (run on copies, so the shipped keyrings are never changed).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{contains, run_ok};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("keyring-examples")
}

/// A copy of a shipped keyring in a temporary directory.
fn keyring_copy(who: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::TempDir::new().unwrap();
    let to = dir.path().join(who);
    std::fs::create_dir(&to).unwrap();
    std::fs::copy(
        examples().join(who).join("keyring.sqlite"),
        to.join("keyring.sqlite"),
    )
    .unwrap();
    (dir, to)
}

fn mailseal(keyring: &Path, who: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mailseal"))
        .arg("--keyring")
        .arg(keyring)
        .arg("--passphrase-file")
        .arg(examples().join(format!("{who}.passphrase")))
        .args(["--at", "2026-12-01T00:00:00Z"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn shipped_messages_get_the_documented_verdicts() {
    let (_d, bob) = keyring_copy("bob");
    let msgs = examples().join("messages");
    for (file, code) in [
        ("alice-signed.eml", 0),
        ("alice-signed-opaque.eml", 0),
        ("alice-tampered.eml", 1),
        ("carol-claims-alice.eml", 3),
        ("alice-to-bob.eml", 4),
        ("alice-signed-pgp.eml", 0),
        ("carol-claims-alice-pgp.eml", 3),
        ("alice-to-bob-pgp.eml", 4),
    ] {
        let out = mailseal(&bob, "bob", &["verify", msgs.join(file).to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{file}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn bob_decrypts_and_verifies_the_shipped_messages() {
    for who in ["bob", "alice"] {
        let (_d, keyring) = keyring_copy(who);
        for (file, text) in [
            ("alice-to-bob.eml", &b"room 4.12"[..]),
            ("alice-to-bob-japanese.eml", &b"\x1b$BF|K\\8l\x1b(B"[..]),
            ("alice-to-bob-pgp.eml", &b"room 4.12"[..]),
        ] {
            let path = examples().join("messages").join(file);
            let out = mailseal(
                &keyring,
                who,
                &[
                    "--json",
                    "decrypt",
                    "-o",
                    keyring.join("out.eml").to_str().unwrap(),
                    path.to_str().unwrap(),
                ],
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{who} {file}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["verdict"], "trusted");
            assert!(contains(
                &std::fs::read(keyring.join("out.eml")).unwrap(),
                text
            ));
        }
    }
}

#[test]
fn openssl_agrees_with_the_shipped_signature() {
    let ca = examples().join("pki/ca.pem");
    let msg = examples().join("messages/alice-signed.eml");
    let out = run_ok(Command::new("openssl").args([
        "cms",
        "-verify",
        "-CAfile",
        ca.to_str().unwrap(),
        "-in",
        msg.to_str().unwrap(),
    ]));
    assert!(contains(&out.stdout, b"lunch on Friday"));
}
