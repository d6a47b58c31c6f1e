//! Keys: `filter pgp list-keys` and `list-secret-keys` in gpg's
//! `--with-colons` format, read back as neomutt's parser reads them
//! (ncrypt/gnupgparse.c, `parse_pub_line`), and `export` / `import`.

use super::world::*;
use crate::common::gpg::Gpg;
use crate::common::*;

/// A key as neomutt's parser builds it: the record fields it reads.
#[derive(Debug, Default, Clone)]
struct Key {
    record: String,
    validity: char,
    keylen: i16,
    algo: i32,
    keyid: String,
    created: u64,
    caps: String,
    secret_field: String,
    fingerprint: Option<String>,
    subkeys: Vec<Key>,
    /// (user ID as neomutt decodes it, validity letter)
    uids: Vec<(String, char)>,
}

/// neomutt's `fix_uid`: `\xNN` escapes back to bytes.
fn fix_uid(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 3 < b.len() && b[i + 1] == b'x' {
            let hex = std::str::from_utf8(&b[i + 2..i + 4]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 4;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// Parses a colon listing field by field, as `parse_pub_line` does,
/// failing where neomutt would drop a line (an unknown record type, a
/// key length or algorithm that is not a number, a date with dashes).
fn parse(listing: &[u8]) -> Vec<Key> {
    let text = String::from_utf8(listing.to_vec()).expect("UTF-8");
    let mut keys: Vec<Key> = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split(':').collect();
        assert!(
            line.ends_with(':'),
            "every record ends with a colon: {line}"
        );
        let field = |n: usize| f.get(n - 1).copied().unwrap_or("");
        match field(1) {
            "pub" | "sec" | "sub" | "ssb" => {
                let key = Key {
                    record: field(1).into(),
                    validity: field(2).chars().next().unwrap_or(' '),
                    keylen: field(3)
                        .parse()
                        .unwrap_or_else(|_| panic!("key length: {line}")),
                    algo: field(4)
                        .parse()
                        .unwrap_or_else(|_| panic!("algorithm: {line}")),
                    keyid: field(5).into(),
                    created: field(6).parse().unwrap_or_else(|_| panic!("date: {line}")),
                    caps: field(12).into(),
                    secret_field: field(15).into(),
                    ..Key::default()
                };
                assert_eq!(key.keyid.len(), 16, "{line}");
                assert!(key.keyid.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
                if matches!(field(1), "pub" | "sec") {
                    keys.push(key);
                } else {
                    keys.last_mut()
                        .expect("subkey after a key")
                        .subkeys
                        .push(key);
                }
            }
            "uid" => {
                let uid = fix_uid(field(10));
                assert!(!uid.is_empty(), "{line}");
                let k = keys.last_mut().expect("uid after a key");
                k.uids.push((uid, field(2).chars().next().unwrap_or(' ')));
            }
            "fpr" => {
                let fpr = field(10).to_string();
                assert!(
                    fpr.len() == 40 && fpr.chars().all(|c| c.is_ascii_hexdigit()),
                    "{line}"
                );
                let k = keys.last_mut().expect("fpr after a key");
                match k.subkeys.last_mut() {
                    Some(sub) => sub.fingerprint = Some(fpr),
                    None => k.fingerprint = Some(fpr),
                }
            }
            other => panic!("neomutt does not know record type {other:?}: {line}"),
        }
    }
    keys
}

fn list(w: &W, args: &[&str]) -> std::process::Output {
    let mut all = vec!["list-keys"];
    all.extend_from_slice(args);
    w.filter(&all, b"")
}

fn key_of<'a>(keys: &'a [Key], w: &W, email: &str) -> &'a Key {
    keys.iter()
        .find(|k| k.fingerprint.as_deref() == Some(w.fpr(email)))
        .unwrap_or_else(|| panic!("{email} not listed: {keys:?}"))
}

#[test]
fn list_keys_carries_our_validity_in_fields_neomutt_reads() {
    let w = W::new();
    let out = list(&w, &[]);
    assert_code(&out, 0, "list-keys");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let keys = parse(&out.stdout);
    assert_eq!(
        keys.len(),
        3,
        "alice, bob, carol; dave is not in the keyring: {keys:?}"
    );
    for (email, name, letter) in [
        ("alice@example.org", "Alice", 'f'),
        ("bob@example.org", "Bob", 'u'),
        ("carol@example.org", "Carol", '-'),
    ] {
        let k = key_of(&keys, &w, email);
        assert_eq!(k.record, "pub");
        assert_eq!(k.validity, letter, "{email}");
        assert_eq!(k.uids, vec![(format!("{name} <{email}>"), letter)]);
        assert_eq!(k.keyid, w.keyid(email));
        assert_eq!(
            (k.keylen, k.algo, k.created),
            (255, 22, GPG_UNIX),
            "{email}"
        );
        // The primary signs and certifies; the key as a whole can also
        // encrypt, through its subkey, which neomutt reads from `e`.
        assert!(
            k.caps.starts_with("sc") && k.caps.contains('E'),
            "{}",
            k.caps
        );
        assert_eq!(k.subkeys.len(), 1);
        let sub = &k.subkeys[0];
        assert_eq!((sub.record.as_str(), sub.caps.as_str()), ("sub", "e"));
        assert_eq!((sub.keylen, sub.algo, sub.validity), (255, 18, letter));
        assert!(sub.fingerprint.as_deref().unwrap().ends_with(&sub.keyid));
    }
    // As neomutt asks when looking for a recipient: the address and the
    // words of the name.
    let out = list(&w, &["carol@example.org", "Carol"]);
    let keys = parse(&out.stdout);
    assert_eq!(keys.len(), 1);
    key_of(&keys, &w, "carol@example.org");
    let out = list(&w, &["lice"]);
    assert_eq!(parse(&out.stdout).len(), 1, "a substring of a user ID");
    let alice = format!("0x{}", w.fpr("alice@example.org"));
    let out = list(&w, &[&alice]);
    key_of(&parse(&out.stdout), &w, "alice@example.org");
    let out = list(&w, &[w.keyid("carol@example.org")]);
    key_of(&parse(&out.stdout), &w, "carol@example.org");
    let out = list(&w, &["nobody@example.org"]);
    assert_code(&out, 2, "no match");
    assert!(out.stdout.is_empty());
}

#[test]
fn list_keys_marks_expired_and_revoked_keys() {
    let w = W::new();
    let erin = w.gpg.generate_expiring("Erin", "erin@example.org", "59d");
    w.import_cert("erin@example.org");
    w.env.expect(
        &["trust", "pin", &erin, "--email", "erin@example.org"],
        b"",
        0,
    );
    w.gpg.revoke(w.fpr("carol@example.org"));
    w.import_cert("carol@example.org");
    let keys = parse(&list(&w, &[]).stdout);
    let erin_key = keys
        .iter()
        .find(|k| k.fingerprint.as_deref() == Some(erin.as_str()))
        .unwrap();
    assert_eq!(erin_key.validity, 'e');
    assert_eq!(erin_key.uids[0].1, 'e');
    let carol = key_of(&keys, &w, "carol@example.org");
    assert_eq!(carol.validity, 'r');
    assert_eq!(carol.uids[0].1, 'r');
    // Without the listing's letters neomutt would offer them: no key
    // that cannot be used carries a usable capability letter.
    assert!(!carol.caps.contains('E'), "{}", carol.caps);
}

#[test]
fn list_secret_keys_shows_only_our_own_keys() {
    let w = W::new();
    let out = w.filter(&["list-secret-keys"], b"");
    assert_code(&out, 0, "list-secret-keys");
    let keys = parse(&out.stdout);
    assert_eq!(keys.len(), 1, "{keys:?}");
    let bob = key_of(&keys, &w, "bob@example.org");
    assert_eq!((bob.record.as_str(), bob.validity), ("sec", 'u'));
    assert_eq!(bob.secret_field, "+");
    assert_eq!(bob.subkeys[0].record, "ssb");
    assert_eq!(bob.subkeys[0].secret_field, "+");
    let out = w.filter(&["list-secret-keys", "alice@example.org"], b"");
    assert_code(&out, 2, "not ours");
}

#[test]
fn export_and_import_keys() {
    let w = W::new();
    let alice = format!("0x{}", w.fpr("alice@example.org"));
    let out = w.filter(&["export", &alice], b"");
    assert_code(&out, 0, "export");
    assert!(out.stderr.is_empty());
    assert!(out
        .stdout
        .starts_with(b"-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    let other = Gpg::new();
    let file = write(other.home.path(), "alice.asc", &out.stdout);
    other.import(&file);
    assert_eq!(
        other.fingerprint("alice@example.org"),
        w.fpr("alice@example.org")
    );
    let out = w.filter(&["export", "nobody@example.org"], b"");
    assert_code(&out, 2, "export of nothing");
    assert!(out.stdout.is_empty());

    // Import dave's key from a file, as neomutt's key extraction does.
    let dave = w.file("dave.asc", &w.gpg.export("dave@example.org"));
    let out = w.filter(&["import", s(&dave)], b"");
    assert_code(&out, 0, "import");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported"));
    let keys = parse(&list(&w, &["dave@example.org"]).stdout);
    assert_eq!(key_of(&keys, &w, "dave@example.org").validity, '-');
    // Import creates a keyring that is not there yet, silently.
    let fresh = w.env.path("fresh-keyring");
    let out = run_with_stdin(
        std::process::Command::new(env!("CARGO_BIN_EXE_mailseal"))
            .arg("--keyring")
            .arg(&fresh)
            .args(["filter", "pgp", "import", s(&dave)]),
        b"",
    );
    assert_code(&out, 0, "import into a new keyring");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_gives_the_neomutt_settings() {
    let w = W::new();
    let out = w.filter(&["--help"], b"");
    assert_code(&out, 0, "help");
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "set pgp_verify_command=\"mailseal filter pgp verify --status-fd 2 %s %f\"",
        "set pgp_decrypt_command=",
        "set pgp_list_pubring_command=\"mailseal filter pgp list-keys %r\"",
        "unset pgp_use_gpg_agent",
        "set pgp_good_sign=",
    ] {
        assert!(help.contains(needle), "help lacks {needle}: {help}");
    }
}
