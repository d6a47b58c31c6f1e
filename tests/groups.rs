//! Recipient groups (issue 17, item 4): `keyring group add|list|remove|
//! import`, and encrypting to a group in either protocol, read by the
//! real `openssl cms` and `gpg`.

mod common;

use std::path::Path;

use common::gpg::Gpg;
use common::*;

const LIST: &str = "list@example.org";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn listed(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["keyring", "group", "list"];
    all.extend_from_slice(args);
    String::from_utf8(env.expect(&all, b"", 0)).unwrap()
}

/// Whether `openssl cms -decrypt` opens `file` as `user` and finds `text`.
fn cms_decrypts(file: &Path, user: &User, text: &[u8]) -> bool {
    let out = std::process::Command::new("openssl")
        .args(["cms", "-decrypt", "-in", s(file)])
        .args(["-recip", s(&user.cert), "-inkey", s(&user.key)])
        .output()
        .unwrap();
    out.status.success() && contains(&out.stdout, text)
}

/// An OpenPGP key made by gpg in a home of its own, imported into `env`
/// and pinned there (with `env`'s own OpenPGP key).
fn pgp_member(env: &Env, name: &str, email: &str) -> Gpg {
    let gpg = Gpg::new();
    let fpr = gpg.generate(name, email);
    let cert = write(env.dir.path(), "member.asc", &gpg.export(email));
    env.import(&cert);
    env.expect(&["trust", "pin", &fpr, "--email", email], b"", 0);
    gpg
}

#[test]
fn groups_are_added_listed_and_removed() {
    let env = Env::new();
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            LIST,
            "bob@example.org",
            "Alice@Example.org",
        ],
        b"",
        0,
    );
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            "team@example.org",
            "carol@example.org",
        ],
        b"",
        0,
    );
    assert_eq!(
        listed(&env, &[]),
        "list@example.org: alice@example.org, bob@example.org\n\
         team@example.org: carol@example.org\n"
    );
    // The same group in another case; a member added twice is one.
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            "LIST@example.org",
            "dave@example.org",
            "bob@example.org",
        ],
        b"",
        0,
    );
    assert_eq!(
        listed(&env, &[LIST]),
        "list@example.org: alice@example.org, bob@example.org, dave@example.org\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&listed(&env, &["--json", "team@example.org"])).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{"group": "team@example.org", "members": ["carol@example.org"]}])
    );
    // A member that is not there: refused, nothing removed.
    let err = env.refused(
        &[
            "keyring",
            "group",
            "remove",
            LIST,
            "bob@example.org",
            "zed@example.org",
        ],
        b"",
        2,
    );
    assert!(err.contains("zed@example.org"), "{err}");
    assert!(listed(&env, &[LIST]).contains("bob@example.org"));
    env.expect(
        &["keyring", "group", "remove", LIST, "bob@example.org"],
        b"",
        0,
    );
    assert_eq!(
        listed(&env, &[LIST]),
        "list@example.org: alice@example.org, dave@example.org\n"
    );
    env.expect(&["keyring", "group", "remove", LIST], b"", 0);
    assert_eq!(listed(&env, &[]), "team@example.org: carol@example.org\n");
    let err = env.refused(&["keyring", "group", "list", LIST], b"", 2);
    assert!(err.contains("no group list@example.org"), "{err}");
    env.refused(&["keyring", "group", "remove", LIST], b"", 2);
}

/// A group may hold another group, which expands too; a group that would
/// contain itself, directly or through another, is refused.
#[test]
fn nested_groups_expand_and_loops_are_refused() {
    let w = world("Nested Group CA");
    let env = &w.env;
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            "dev@example.org",
            "alice@example.org",
        ],
        b"",
        0,
    );
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            "all@example.org",
            "dev@example.org",
            "bob@example.org",
        ],
        b"",
        0,
    );
    let err = env.refused(
        &[
            "keyring",
            "group",
            "add",
            "dev@example.org",
            "all@example.org",
        ],
        b"",
        2,
    );
    assert!(
        err.contains("dev@example.org -> all@example.org -> dev@example.org"),
        "{err}"
    );
    let err = env.refused(
        &[
            "keyring",
            "group",
            "add",
            "dev@example.org",
            "dev@example.org",
        ],
        b"",
        2,
    );
    assert!(err.contains("would contain itself"), "{err}");
    assert_eq!(
        listed(env, &["dev@example.org"]),
        "dev@example.org: alice@example.org\n"
    );
    let msg = message(
        "carol@example.org",
        "all@example.org",
        "nested",
        "Both levels.",
    );
    let out = env.run(&["-v", "encrypt", "--no-self"], &msg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "group all@example.org expands to 2 member(s): bob@example.org, alice@example.org"
        ),
        "{}",
        stderr(&out)
    );
    let file = write(env.dir.path(), "enc.eml", &out.stdout);
    assert!(cms_decrypts(&file, &w.alice, b"Both levels."));
    assert!(cms_decrypts(&file, &w.bob, b"Both levels."));
}

/// `-r GROUP` and GROUP in To: S/MIME to every member, which
/// `openssl cms -decrypt` opens for each of them.
#[test]
fn smime_group_decrypts_for_both_members_with_openssl() {
    let w = world("Group CA");
    let carol = w.pki.user("carol@example.org", CertOpts::default());
    w.env.import(&carol.cert);
    w.env.expect(
        &[
            "keyring",
            "group",
            "add",
            LIST,
            "bob@example.org",
            "carol@example.org",
        ],
        b"",
        0,
    );
    let msg = message(
        "alice@example.org",
        "someone@example.net",
        "to the list",
        "Hello list.",
    );
    let out = w.env.run(&["-v", "encrypt", "-r", LIST], &msg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "group list@example.org expands to 2 member(s): bob@example.org, carol@example.org"
        ),
        "{}",
        stderr(&out)
    );
    let file = write(w.env.dir.path(), "r.eml", &out.stdout);
    assert!(cms_decrypts(&file, &w.bob, b"Hello list."));
    assert!(cms_decrypts(&file, &carol, b"Hello list."));
    // The sender too, as always.
    assert!(cms_decrypts(&file, &w.alice, b"Hello list."));
    // The list's address in To does the same.
    let msg = message("alice@example.org", LIST, "to the list", "Hello via To.");
    let enc = w.env.expect(&["encrypt", "--no-self"], &msg, 0);
    let file = write(w.env.dir.path(), "to.eml", &enc);
    assert!(cms_decrypts(&file, &w.bob, b"Hello via To."));
    assert!(cms_decrypts(&file, &carol, b"Hello via To."));
    assert!(!cms_decrypts(&file, &w.alice, b"Hello via To."));
}

/// OpenPGP to a group: each member's own gpg decrypts it.
#[test]
fn openpgp_group_decrypts_for_both_members_with_gpg() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let bob = pgp_member(&env, "Bob", "bob@example.org");
    let carol = pgp_member(&env, "Carol", "carol@example.org");
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            LIST,
            "bob@example.org",
            "carol@example.org",
        ],
        b"",
        0,
    );
    let msg = message("me@example.org", LIST, "to the list", "Hello PGP list.");
    let enc = env.expect(&["encrypt"], &msg, 0);
    assert!(contains(&enc, b"multipart/encrypted"));
    let (_, body) = two_parts(&enc);
    let armored = write(env.dir.path(), "enc.asc", &part_body(&body));
    for reader in [&bob, &carol] {
        let out = reader.run(&["--status-fd", "2", "--decrypt", s(&armored)]);
        assert!(contains(&out.stdout, b"Hello PGP list."));
        assert!(stderr(&out).contains("DECRYPTION_OKAY"), "{}", stderr(&out));
    }
    // `send` expands it too: what it hands over is for the members.
    let sink = env.path("sent.eml");
    let script = format!("cat > {}", s(&sink));
    env.expect(&["send", "--encrypt", "--", "sh", "-c", &script], &msg, 0);
    let sent = std::fs::read(&sink).unwrap();
    assert!(contains(&sent, b"To: list@example.org\r\n"));
    let (_, body) = two_parts(&sent);
    let armored = write(env.dir.path(), "sent.asc", &part_body(&body));
    let out = carol.run(&["--decrypt", s(&armored)]);
    assert!(contains(&out.stdout, b"Hello PGP list."));
}

/// bob has only an S/MIME certificate, carol only an OpenPGP key: no
/// protocol covers the group, and the error names each member with what
/// it lacks; forced to one protocol, the members without it are named.
/// Once bob has an OpenPGP key too, OpenPGP covers everyone.
#[test]
fn mixed_protocol_group_fails_naming_each_member() {
    let w = world("Mixed Group CA");
    let env = &w.env;
    env.generate_pgp("Me", "me@example.org");
    let _carol = pgp_member(env, "Carol", "carol@example.org");
    env.expect(
        &[
            "keyring",
            "group",
            "add",
            LIST,
            "bob@example.org",
            "carol@example.org",
        ],
        b"",
        0,
    );
    let msg = message("alice@example.org", LIST, "mixed", "Not for everyone.");
    let err = env.refused(&["encrypt"], &msg, 2);
    assert!(
        err.contains("OpenPGP: bob@example.org (member of group list@example.org):"),
        "{err}"
    );
    assert!(
        err.contains("S/MIME: carol@example.org (member of group list@example.org):"),
        "{err}"
    );
    assert!(!err.contains("OpenPGP: carol@"), "{err}");
    assert!(!err.contains("S/MIME: bob@"), "{err}");
    let err = env.refused(&["encrypt", "--smime"], &msg, 2);
    assert!(
        err.contains("carol@example.org (member of group list@example.org)"),
        "{err}"
    );
    assert!(!err.contains("bob@example.org"), "{err}");
    let err = env.refused(&["encrypt", "--openpgp", "-r", LIST], &msg, 2);
    assert!(
        err.contains("bob@example.org (member of group list@example.org)"),
        "{err}"
    );
    assert!(!err.contains("carol@example.org"), "{err}");
    // bob gets an OpenPGP key: OpenPGP covers the whole group now.
    let bob = pgp_member(env, "Bob", "bob@example.org");
    let enc = env.expect(&["encrypt", "--no-self"], &msg, 0);
    assert!(contains(&enc, b"application/pgp-encrypted"));
    let (_, body) = two_parts(&enc);
    let armored = write(env.dir.path(), "enc.asc", &part_body(&body));
    let out = bob.run(&["--decrypt", s(&armored)]);
    assert!(contains(&out.stdout, b"Not for everyone."));
}

/// gpg's `group` lines: both spellings, lines for one name adding up,
/// members by address, key ID and fingerprint; a key in the keyring
/// becomes its address, one that is not stays as written, with a warning.
#[test]
fn gpg_conf_groups_are_imported() {
    let env = Env::new();
    env.generate_pgp("Me", "me@example.org");
    let carol = pgp_member(&env, "Carol", "carol@example.org");
    let carol_fpr = carol.fingerprint("carol@example.org");
    let carol_keyid = &carol_fpr[24..];
    let unknown = "0123456789ABCDEF0123456789ABCDEF01234567";
    let conf = format!(
        "# gpg.conf\nkeyserver hkps://keys.openpgp.org\n\
         group team=alice@example.org 0x{carol_keyid}\n\
         group team = {unknown}\n\
         group ops = <Dave@Example.org>\n"
    );
    let file = write(env.dir.path(), "gpg.conf", conf.as_bytes());
    // gpg reads the same groups from it.
    let gpg_view = carol.run(&[
        "--options",
        s(&file),
        "--with-colons",
        "--list-config",
        "group",
    ]);
    let gpg_view = String::from_utf8_lossy(&gpg_view.stdout);
    let team = gpg_view
        .lines()
        .find_map(|l| l.strip_prefix("cfg:group:team:"))
        .unwrap_or_else(|| panic!("{gpg_view}"));
    let mut members: Vec<&str> = team.split(';').collect();
    members.sort();
    let carol_hex = format!("0x{carol_keyid}");
    assert_eq!(members, [unknown, carol_hex.as_str(), "alice@example.org"]);
    let out = env.run(&["keyring", "group", "import", s(&file)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "warning: group team: member {} kept as written: no OpenPGP certificate",
            unknown.to_lowercase()
        )),
        "{err}"
    );
    assert!(err.contains("imported 2 group(s)"), "{err}");
    assert_eq!(
        listed(&env, &[]),
        format!(
            "ops: dave@example.org\nteam: {}, alice@example.org, carol@example.org\n",
            unknown.to_lowercase()
        )
    );
    // Importing again adds nothing.
    let out = env.run(&["keyring", "group", "import", s(&file)], b"");
    assert!(stderr(&out).contains("0 member(s) new"), "{}", stderr(&out));
    // A group line gpg would not read is refused, and nothing imported.
    let bad = write(
        env.dir.path(),
        "bad.conf",
        b"group x=a@example.org\ngroup broken\n",
    );
    let err = env.refused(&["keyring", "group", "import", s(&bad)], b"", 2);
    assert!(err.contains("line 2"), "{err}");
    env.refused(&["keyring", "group", "list", "x"], b"", 2);
}

/// A keyring written before groups existed (the shipped example, schema
/// version 7) gains them on the next run and keeps what it held.
#[test]
fn an_older_keyring_is_upgraded_for_groups() {
    let env = Env::new();
    let keyring = env.path("bob");
    std::fs::create_dir(&keyring).unwrap();
    let db = keyring.join("keyring.sqlite");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("keyring-examples/bob/keyring.sqlite");
    std::fs::copy(shipped, &db).unwrap();
    let version = |db: &Path| -> i64 {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert!(version(&db) < 9);
    let out = env.run_in(
        &keyring,
        &[
            "keyring",
            "group",
            "add",
            LIST,
            "alice@example.org",
            "bob@example.org",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(version(&db), 9);
    let out = env.run_in(&keyring, &["keyring", "group", "list"], b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "list@example.org: alice@example.org, bob@example.org\n"
    );
    let out = env.run_in(&keyring, &["keyring", "check"], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let listed = env.run_in(&keyring, &["keyring", "list", "alice@example.org"], b"");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Alice"));
}
