//! Remove, export, anchors, unlock errors, files at rest, concurrency.

use super::super::testutil::{contains, dir_bytes};
use super::*;
use der::{Decode, DecodePem};
use x509_cert::Certificate;

#[test]
fn removes_certificates_and_unshared_keys() {
    let s = Scratch::new();
    s.ec_cert("alice", "Alice", "alice@example.org");
    s.ec_cert("bob", "Bob", "bob@example.org");
    // A second certificate for Alice's key:
    // openssl req -x509 -key alice.key -subj /CN=Alice Two -addext subjectAltName=email:alice2@example.org
    s.openssl(&[
        "req",
        "-x509",
        "-key",
        "alice.key",
        "-out",
        "alice2.pem",
        "-days",
        "10",
        "-subj",
        "/CN=Alice Two",
        "-addext",
        "subjectAltName=email:alice2@example.org",
    ]);
    let k = open(&s, "k");
    import(
        &k,
        &s.concat(&["alice.pem", "alice.key", "alice2.pem", "bob.pem", "bob.key"]),
    );
    assert_eq!(k.with_secret().unwrap().len(), 3);

    // The key stays: Alice Two still uses it, so no --secret is needed.
    let removal = k.remove("alice@example.org", false).unwrap();
    assert_eq!(removal.removed.len(), 1);
    assert!(!removal.removed[0].secret_key);
    assert_unlocks(&k, "alice2@example.org", PASS);
    // Now the key would go: refused, nothing removed, the key named.
    let two = k.by_email("alice2@example.org").unwrap()[0]
        .fingerprint
        .clone();
    match k.remove("Alice Two", false) {
        Err(Error::SecretKeyRemoval(named)) => {
            assert_eq!(named, [format!("S/MIME {two} alice2@example.org")]);
        }
        other => panic!("{other:?}"),
    }
    assert_unlocks(&k, "alice2@example.org", PASS);
    let removal = k.remove("Alice Two", true).unwrap();
    assert_eq!(removal.removed.len(), 1);
    assert!(removal.removed[0].secret_key);
    assert_eq!(k.with_secret().unwrap().len(), 1);
    assert!(k
        .remove("nobody@example.org", false)
        .unwrap()
        .removed
        .is_empty());
    assert!(matches!(k.remove("  ", true), Err(Error::Usage(_))));
    // Re-importing Alice's certificate does not bring the key back.
    import(&k, &s.read("alice.pem"));
    assert!(!k.by_email("alice@example.org").unwrap()[0].has_secret);
    assert_eq!(k.all().unwrap().len(), 2);
}

#[test]
fn exports_pem_that_reimports() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    s.ec_cert("bob", "Bob", "bob@example.org");
    let k = open(&s, "k");
    import(&k, &s.concat(&["alice.pem", "alice.key", "bob.pem"]));

    let public = k.export("alice@example.org", false).unwrap();
    assert_eq!(public.matches("-----BEGIN CERTIFICATE-----").count(), 1);
    assert!(!public.contains("PRIVATE KEY"));
    assert_eq!(
        Certificate::from_pem(public.as_bytes()).unwrap(),
        Certificate::from_pem(s.read("alice.pem")).unwrap()
    );
    let secret = k.export("alice@example.org", true).unwrap();
    assert_eq!(
        secret
            .matches("-----BEGIN ENCRYPTED PRIVATE KEY-----")
            .count(),
        1
    );
    assert!(!secret.contains("BEGIN PRIVATE KEY"));
    assert!(matches!(
        k.export("bob", true),
        Err(Error::KeyNotFound { .. })
    ));
    assert!(matches!(
        k.export("carol", false),
        Err(Error::KeyNotFound { .. })
    ));

    // OpenSSL reads the stored key (PBES2, scrypt, AES-256-CBC):
    // openssl pkey -in exported.pem -passin pass:... -pubout
    s.write("exported.pem", secret.as_bytes());
    let pubkey = s.openssl(&[
        "pkey",
        "-in",
        "exported.pem",
        "-passin",
        &format!("pass:{PASS}"),
        "-pubout",
    ]);
    let cert_pubkey = s.openssl(&["x509", "-in", "alice.pem", "-noout", "-pubkey"]);
    assert_eq!(pubkey, cert_pubkey);

    let fresh = open(&s, "k2");
    assert_counts(&import(&fresh, secret.as_bytes()), 1, 1, 0, 0);
    assert_unlocks(&fresh, "alice@example.org", PASS);
    assert_wrong_passphrase(open(&s, "k3").import(secret.as_bytes(), &pass("wrong")));
}

#[test]
fn unlock_errors_name_what_is_missing() {
    let s = Scratch::new();
    s.ec_cert("bob", "Bob", "bob@example.org");
    let k = open(&s, "k");
    import(&k, &s.read("bob.pem"));
    let fp = k.by_email("bob@example.org").unwrap()[0]
        .fingerprint
        .clone();
    match k.unlock(&fp, &pass(PASS)) {
        Err(Error::KeyNotFound { what, .. }) => assert_eq!(what, "secret key"),
        other => panic!("{other:?}"),
    }
    match k.unlock(&"AB".repeat(32), &pass(PASS)) {
        Err(Error::KeyNotFound { what, .. }) => assert_eq!(what, "certificate"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn anchors_with_domains() {
    let s = Scratch::new();
    s.rsa_cert("ca", "Test CA", "ca@example.org");
    let ca = Certificate::from_pem(s.read("ca.pem")).unwrap();
    let k = open(&s, "k");
    let domains = ["Example.ORG", "@example.org", " .Sub.Example.org ", ""].map(String::from);
    let added = k.add_anchor(&ca, &domains).unwrap();
    assert_eq!(added.domains, vec!["example.org", "sub.example.org"]);
    let anchors = k.anchors().unwrap();
    assert_eq!(anchors.len(), 1);
    assert_eq!(anchors[0].fingerprint, added.fingerprint);
    assert_eq!(anchors[0].domains, added.domains);
    assert_eq!(anchors[0].cert, ca);

    k.add_anchor(&ca, &[]).unwrap();
    let anchors = k.anchors().unwrap();
    assert_eq!(anchors.len(), 1);
    assert!(anchors[0].domains.is_empty());
    assert_eq!(k.remove_anchor("Nobody").unwrap(), 0);
    assert_eq!(k.remove_anchor(&s.sha1_colons("ca.pem")).unwrap(), 1);
    assert!(k.anchors().unwrap().is_empty());
    k.add_anchor(&ca, &[]).unwrap();
    assert_eq!(k.remove_anchor("test ca").unwrap(), 1);
}

#[test]
fn files_are_private_and_keys_encrypted_at_rest() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    let dir = s.keyring_dir("k");
    let k = Keyring::open(&dir).unwrap();
    import(&k, &s.concat(&["alice.pem", "alice.key"]));
    let plain = s.plain_pkcs8_der("alice.key");
    // What the keyring encrypts: the key re-encoded by our own encoder.
    let ours = crate::smime::key::PrivateKey::from_pkcs8_der(&plain)
        .unwrap()
        .to_pkcs8_der()
        .unwrap();
    // The private exponent's first bytes, whatever the encoding around it.
    let info = pkcs8::PrivateKeyInfoRef::from_der(&plain).unwrap();
    let rsa_der = info.private_key.as_bytes();
    let bytes = dir_bytes(&dir);
    assert!(
        contains(&bytes, b"Alice"),
        "the certificate is stored in the clear"
    );
    assert!(!contains(&bytes, &plain));
    assert!(!contains(&bytes, &ours));
    assert!(!contains(&bytes, &rsa_der[rsa_der.len() - 64..]));
    assert!(!contains(&bytes, PASS.as_bytes()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

#[test]
fn two_handles_import_concurrently() {
    let s = Scratch::new();
    let names: Vec<String> = (0..12).map(|i| format!("u{i}")).collect();
    for n in &names {
        s.ec_cert(n, n, &format!("{n}@example.org"));
    }
    // Neither thread finds the keyring made: both create it at once.
    let dir = s.keyring_dir("shared");
    let halves = [&names[..6], &names[6..]];
    std::thread::scope(|scope| {
        for half in halves {
            let (dir, s) = (&dir, &s);
            scope.spawn(move || {
                let k = Keyring::open(dir).unwrap();
                for n in half {
                    let both = s.concat(&[&format!("{n}.pem"), &format!("{n}.key")]);
                    import(&k, &both);
                    // Both threads also import one shared certificate.
                    import(&k, &s.read("u0.pem"));
                }
            });
        }
    });
    let k = Keyring::open(&dir).unwrap();
    assert_eq!(k.all().unwrap().len(), 12);
    assert_eq!(k.with_secret().unwrap().len(), 12);
    assert_unlocks(&k, "u7@example.org", PASS);
}

#[test]
fn keyring_handle_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Keyring>();
}

#[test]
fn many_handles_create_a_fresh_keyring_at_once() {
    let s = Scratch::new();
    for round in 0..20 {
        let dir = s.keyring_dir(&format!("r{round}"));
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    start.wait();
                    let k = Keyring::open(&dir).unwrap();
                    assert!(k.all().unwrap().is_empty());
                });
            }
        });
    }
}

#[test]
fn looks_up_many_addresses_at_once_as_one_by_one() {
    let s = Scratch::new();
    s.ec_cert("alice", "Alice", "alice@example.org");
    s.ec_cert("bob", "Bob", "bob@example.org");
    let k = open(&s, "k");
    import(&k, &s.concat(&["alice.pem", "alice.key", "bob.pem"]));
    let asked: Vec<String> = [
        "Bob@Example.org",
        "nobody@example.org",
        " alice@example.org",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    let together = k.by_emails(&asked).unwrap();
    assert_eq!(together.len(), 3);
    for (addr, found) in asked.iter().zip(&together) {
        let alone = k.by_email(addr).unwrap();
        let fingerprints = |v: &[crate::keyring::StoredCert]| {
            v.iter()
                .map(|c| (c.fingerprint.clone(), c.has_secret, c.emails.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(fingerprints(found), fingerprints(&alone), "{addr}");
    }
    assert!(together[1].is_empty());
    assert!(together[2][0].has_secret && !together[0][0].has_secret);
}
