//! Import of every input format, and lookups of what was imported.

use super::*;

#[test]
fn imports_pem_cert_and_key_and_finds_them() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice Example", "Alice@Example.org");
    let k = open(&s, "k");
    let got = import(&k, &s.concat(&["alice.pem", "alice.key"]));
    assert_counts(&got, 1, 1, 0, 0);

    let by_email = k.by_email("alice@example.org").unwrap();
    assert_eq!(by_email.len(), 1);
    let fp = by_email[0].fingerprint.clone();
    assert_eq!(fp.len(), 64);
    assert_eq!(by_email[0].emails, vec!["alice@example.org".to_string()]);
    assert!(by_email[0].has_secret);

    let sha1 = s.sha1_colons("alice.pem");
    for query in [
        "ALICE@example.org".to_string(),
        fp.to_lowercase(),
        format!("0x{fp}"),
        sha1.clone(),
        sha1.replace(':', " ").to_lowercase(),
        "alice ex".into(),
    ] {
        let found = k.find(&query).unwrap();
        assert_eq!(found.len(), 1, "{query}");
        assert_eq!(found[0].fingerprint, fp, "{query}");
    }
    assert!(k.find("bob").unwrap().is_empty());
    assert!(k.find("bob@example.org").unwrap().is_empty());
    assert_eq!(k.by_fingerprint(&sha1).unwrap().unwrap().fingerprint, fp);
    assert_eq!(k.by_fingerprint(&fp).unwrap().unwrap().fingerprint, fp);
    assert!(k.by_fingerprint("alice").unwrap().is_none());
    assert_eq!(k.all().unwrap().len(), 1);
    assert_eq!(k.with_secret().unwrap().len(), 1);

    assert_unlocks(&k, "alice@example.org", PASS);
    assert_wrong_passphrase(k.unlock(&fp, &pass("not it")));
}

#[test]
fn reimport_is_unchanged() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    let k = open(&s, "k");
    let both = s.concat(&["alice.pem", "alice.key"]);
    assert_counts(&import(&k, &both), 1, 1, 0, 0);
    assert_counts(&import(&k, &both), 0, 0, 0, 2);
    // The same certificate twice in one input counts once as new.
    let twice = s.concat(&["alice.pem", "alice.pem"]);
    assert_counts(&import(&open(&s, "k2"), &twice), 1, 0, 0, 1);
    assert_eq!(k.all().unwrap().len(), 1);
}

#[test]
fn imports_encrypted_pkcs8_pem_and_der() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    // openssl pkcs8 -topk8 -v2 aes-256-cbc -in alice.key -passout pass:... [-outform DER]
    for (out, form) in [("enc.pem", "PEM"), ("enc.der", "DER")] {
        s.openssl(&[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            "alice.key",
            "-out",
            out,
            "-outform",
            form,
            "-passout",
            &format!("pass:{PASS}"),
        ]);
    }
    let k = open(&s, "k");
    assert_counts(&import(&k, &s.read("alice.pem")), 1, 0, 0, 0);
    assert_wrong_passphrase(k.import(&s.read("enc.pem"), &pass("wrong")));
    assert!(k.with_secret().unwrap().is_empty());
    assert_counts(&import(&k, &s.read("enc.pem")), 0, 1, 0, 0);
    assert_unlocks(&k, "alice@example.org", PASS);
    assert_counts(&import(&k, &s.read("enc.der")), 0, 0, 0, 1);

    let fresh = open(&s, "k2");
    assert_counts(&import(&fresh, &s.read("enc.der")), 0, 1, 0, 0);
    // A key without its certificate is stored, and joins the certificate
    // imported later.
    assert!(fresh.with_secret().unwrap().is_empty());
    import(&fresh, &s.read("alice.pem"));
    assert_unlocks(&fresh, "alice@example.org", PASS);
}

#[test]
fn imports_der_cert_and_plain_der_key() {
    let s = Scratch::new();
    s.rsa_cert("alice", "Alice", "alice@example.org");
    // openssl x509 -in alice.pem -outform DER -out alice.der
    s.openssl(&[
        "x509",
        "-in",
        "alice.pem",
        "-outform",
        "DER",
        "-out",
        "alice.der",
    ]);
    let k = open(&s, "k");
    assert_counts(&import(&k, &s.read("alice.der")), 1, 0, 0, 0);
    assert_counts(&import(&k, &s.plain_pkcs8_der("alice.key")), 0, 1, 0, 0);
    assert_unlocks(&k, "alice@example.org", PASS);
}

#[test]
fn imports_pkcs1_and_sec1_keys() {
    let s = Scratch::new();
    s.rsa_cert("rsa", "RSA User", "rsa@example.org");
    // openssl rsa -in rsa.key -traditional -out rsa1.key  (RSA PRIVATE KEY)
    s.openssl(&["rsa", "-in", "rsa.key", "-traditional", "-out", "rsa1.key"]);
    // openssl ecparam -name prime256v1 -genkey -out ec.key  (EC PARAMETERS + EC PRIVATE KEY)
    s.openssl(&[
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-out",
        "ec.key",
    ]);
    // openssl req -x509 -key ec.key -subj /CN=EC User -addext subjectAltName=email:ec@example.org
    s.openssl(&[
        "req",
        "-x509",
        "-key",
        "ec.key",
        "-out",
        "ec.pem",
        "-days",
        "10",
        "-subj",
        "/CN=EC User",
        "-addext",
        "subjectAltName=email:ec@example.org",
    ]);
    assert!(String::from_utf8(s.read("rsa1.key"))
        .unwrap()
        .contains("BEGIN RSA PRIVATE KEY"));
    assert!(String::from_utf8(s.read("ec.key"))
        .unwrap()
        .contains("BEGIN EC PRIVATE KEY"));
    let k = open(&s, "k");
    assert_counts(
        &import(&k, &s.concat(&["rsa.pem", "rsa1.key", "ec.pem", "ec.key"])),
        2,
        2,
        0,
        0,
    );
    assert_unlocks(&k, "rsa@example.org", PASS);
    assert_unlocks(&k, "ec@example.org", PASS);
}

#[test]
fn imports_pkcs12_modern_with_chain() {
    let s = Scratch::new();
    s.ca_and_leaf("bob", "Bob", "bob@example.org");
    // openssl pkcs12 -export -in bob.pem -inkey bob.key -certfile ca.pem (PBES2, AES-256, SHA-256 MAC)
    s.openssl(&[
        "pkcs12",
        "-export",
        "-in",
        "bob.pem",
        "-inkey",
        "bob.key",
        "-certfile",
        "ca.pem",
        "-out",
        "bob.p12",
        "-passout",
        &format!("pass:{PASS}"),
    ]);
    let k = open(&s, "k");
    assert_wrong_passphrase(k.import(&s.read("bob.p12"), &pass("wrong")));
    assert!(k.all().unwrap().is_empty());
    assert_counts(&import(&k, &s.read("bob.p12")), 2, 1, 0, 0);
    assert_unlocks(&k, "bob@example.org", PASS);
    assert_eq!(k.find("Test CA").unwrap().len(), 1);
    assert!(!k.find("Test CA").unwrap()[0].has_secret);
    assert_counts(&import(&k, &s.read("bob.p12")), 0, 0, 0, 3);
}

#[test]
fn imports_pkcs12_legacy_ciphers() {
    let s = Scratch::new();
    s.rsa_cert("carol", "Carol", "carol@example.org");
    let passout = format!("pass:{PASS}");
    // openssl pkcs12 -export -legacy: RC2-40 certificates, 3DES key, SHA-1 MAC
    s.openssl(&[
        "pkcs12",
        "-export",
        "-legacy",
        "-in",
        "carol.pem",
        "-inkey",
        "carol.key",
        "-out",
        "rc2.p12",
        "-passout",
        &passout,
    ]);
    // openssl pkcs12 -export -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1
    s.openssl(&[
        "pkcs12",
        "-export",
        "-certpbe",
        "PBE-SHA1-3DES",
        "-keypbe",
        "PBE-SHA1-3DES",
        "-macalg",
        "sha1",
        "-in",
        "carol.pem",
        "-inkey",
        "carol.key",
        "-out",
        "3des.p12",
        "-passout",
        &passout,
    ]);
    for file in ["rc2.p12", "3des.p12"] {
        let k = open(&s, &format!("k-{file}"));
        assert_wrong_passphrase(k.import(&s.read(file), &pass("wrong")));
        assert_counts(&import(&k, &s.read(file)), 1, 1, 0, 0);
        assert_unlocks(&k, "carol@example.org", PASS);
    }
}

#[test]
fn fail_unprotected_pkcs12_needs_a_passphrase_to_store_the_key() {
    let s = Scratch::new();
    s.ec_cert("dave", "Dave", "dave@example.org");
    // openssl pkcs12 -export -passout pass:   (empty password)
    s.openssl(&[
        "pkcs12", "-export", "-in", "dave.pem", "-inkey", "dave.key", "-out", "dave.p12",
        "-passout", "pass:",
    ]);
    let k = open(&s, "k");
    assert!(matches!(
        k.import(&s.read("dave.p12"), &pass("")),
        Err(Error::Usage(_))
    ));
    assert!(k.all().unwrap().is_empty());
    // The empty password opens it; the given passphrase protects the key.
    assert_counts(&import(&k, &s.read("dave.p12")), 1, 1, 0, 0);
    assert_unlocks(&k, "dave@example.org", PASS);
}

#[test]
fn imports_crl_pem_and_der() {
    let s = Scratch::new();
    s.rsa_cert("ca", "Test CA", "ca@example.org");
    s.crl();
    let k = open(&s, "k");
    assert_counts(&import(&k, &s.read("crl.der")), 0, 0, 1, 0);
    assert_counts(&import(&k, &s.read("crl.pem")), 0, 0, 0, 1);
    let crls = k.crls().unwrap();
    assert_eq!(crls, vec![s.read("crl.der")]);
    // A certificate and a CRL in one PEM file.
    let fresh = open(&s, "k2");
    assert_counts(
        &import(&fresh, &s.concat(&["ca.pem", "crl.pem"])),
        1,
        0,
        1,
        0,
    );
}

#[test]
fn imports_pkcs7_bundle_pem_and_der() {
    let s = Scratch::new();
    s.ca_and_leaf("bob", "Bob", "bob@example.org");
    // openssl crl2pkcs7 -nocrl -certfile bob.pem -certfile ca.pem [-outform DER]
    for (out, form) in [("chain.p7b", "PEM"), ("chain.p7c", "DER")] {
        s.openssl(&[
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            "bob.pem",
            "-certfile",
            "ca.pem",
            "-outform",
            form,
            "-out",
            out,
        ]);
    }
    let k = open(&s, "k");
    assert_counts(&import(&k, &s.read("chain.p7b")), 2, 0, 0, 0);
    assert_counts(&import(&k, &s.read("chain.p7c")), 0, 0, 0, 2);
    assert_eq!(k.by_email("bob@example.org").unwrap().len(), 1);
}
