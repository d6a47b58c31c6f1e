//! Batch verify past one machine (issue 18, item 8): a work list from a
//! file or standard input, JSON lines that carry what merging shards
//! needs, and GNU parallel splitting one work list among processes over
//! one keyring with the same result as a single run.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{message, replace_once, run_with_stdin, s, world, CertOpts, Pki, World, AT};

/// A mailbox of `n` messages of four kinds (trusted, bad, untrusted,
/// unsigned), as separate files under `dir/cur`, plus one mbox with one
/// message of each kind. Returns the work list: one path per line.
fn mailbox(w: &World, dir: &Path, n: usize) -> Vec<PathBuf> {
    let body = |i: usize| format!("message {i}");
    let signed = w.env.expect(
        &["sign"],
        &message("alice@example.org", "bob@example.org", "hi", &body(0)),
        0,
    );
    let bad = replace_once(&signed, b"message 0", b"message 9");
    // Signed by dave, whose CA the keyring does not trust.
    let other = Pki::new("Other CA");
    let dave = other.user("dave@example.org", CertOpts::default());
    w.env.import(&dave.p12);
    let untrusted = w.env.expect(
        &["sign"],
        &message("dave@example.org", "bob@example.org", "hi", &body(0)),
        0,
    );
    let plain = message("alice@example.org", "bob@example.org", "hi", &body(0));
    let kinds = [signed, bad, untrusted, plain];

    let cur = dir.join("cur");
    std::fs::create_dir_all(&cur).unwrap();
    let mut list = Vec::new();
    for i in 0..n {
        let p = cur.join(format!("{i:04}.eml"));
        std::fs::write(&p, &kinds[i % kinds.len()]).unwrap();
        list.push(p);
    }
    let mut mbox = Vec::new();
    for (i, k) in kinds.iter().enumerate() {
        mbox.extend(format!("From x@example.org Mon Jun  1 12:00:0{i} 2026\n").as_bytes());
        mbox.extend(k);
        mbox.push(b'\n');
    }
    let mbox_path = dir.join("all.mbox");
    std::fs::write(&mbox_path, mbox).unwrap();
    list.insert(n / 2, mbox_path);
    list
}

fn list_text(list: &[PathBuf]) -> Vec<u8> {
    list.iter()
        .map(|p| format!("{}\n", s(p)))
        .collect::<String>()
        .into_bytes()
}

fn verify_list(w: &World, list_file: &str, stdin: &[u8]) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = w
        .env
        .run(&["--json", "verify", "--paths-from", list_file], stdin);
    (out.status.code(), json_lines(&out.stdout))
}

fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn counts(lines: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut c = BTreeMap::new();
    for l in lines {
        *c.entry(l["verdict"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    c
}

#[test]
fn issue18_paths_from_a_file_and_stdin_check_every_entry() {
    let w = world("Shard CA");
    let dir = w.env.path("archive");
    let mut list = mailbox(&w, &dir, 8);
    list.push(dir.join("missing.eml"));
    // CRLF line ends and empty lines are fine in a work list.
    let text = String::from_utf8(list_text(&list))
        .unwrap()
        .replace('\n', "\r\n\r\n");
    let list_file = w.env.path("work.txt");
    std::fs::write(&list_file, &text).unwrap();

    let (code, lines) = verify_list(&w, s(&list_file), b"");
    let (code_stdin, lines_stdin) = verify_list(&w, "-", text.as_bytes());
    assert_eq!(lines, lines_stdin);
    assert_eq!(code, code_stdin);

    // 8 files, 4 mbox messages, 1 unreadable entry; the run went on.
    assert_eq!(lines.len(), 13, "{lines:#?}");
    let c = counts(&lines);
    assert_eq!(c["trusted"], 3);
    assert_eq!(c["bad"], 3);
    assert_eq!(c["untrusted"], 3);
    assert_eq!(c["unsigned"], 3);
    assert_eq!(c["error"], 1);
    // The worst exit is the run's: a bad signature (1) ranks above an
    // unreadable entry (2).
    assert_eq!(code, Some(1));
    let missing = lines.last().unwrap();
    assert_eq!(missing["exit"], 2);
    assert!(missing["path"].as_str().unwrap().ends_with("missing.eml"));

    // Messages of an mbox carry their place; files do not.
    let in_mbox: Vec<_> = lines.iter().filter(|l| l.get("mbox").is_some()).collect();
    assert_eq!(in_mbox.len(), 4);
    let mbox = std::fs::read(dir.join("all.mbox")).unwrap();
    for (i, l) in in_mbox.iter().enumerate() {
        assert_eq!(l["mbox"]["index"], i + 1);
        assert!(l["mbox"]["file"].as_str().unwrap().ends_with("all.mbox"));
        let offset = l["mbox"]["offset"].as_u64().unwrap() as usize;
        assert!(mbox[offset..].starts_with(b"From x@example.org"));
    }
    assert!(lines[0].get("mbox").is_none());
}

#[test]
fn issue18_a_work_list_is_refused_beside_paths_or_with_a_nul() {
    let w = world("Shard CA");
    let list_file = w.env.path("work.txt");
    std::fs::write(&list_file, b"a\0b\n").unwrap();
    let out = w.env.run(&["verify", "--paths-from", s(&list_file)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    let out = w
        .env
        .run(&["verify", "--paths-from", s(&list_file), "x.eml"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = w
        .env
        .run(&["verify", "--paths-from", "nonexistent.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
}

/// `find | parallel --pipe` over one keyring, as the README shows: the
/// concatenated JSON lines of the shards are the lines of one run.
#[test]
fn issue18_gnu_parallel_shards_give_the_single_run() {
    let w = world("Shard CA");
    let dir = w.env.path("archive");
    let list = mailbox(&w, &dir, 1000);
    let text = list_text(&list);

    let (single_code, single) = verify_list(&w, "-", &text);
    assert_eq!(single.len(), 1004);

    let mut cmd = Command::new("parallel");
    cmd.args(["--pipe", "-N", "150", "-j", "4", "--keep-order"])
        .arg(env!("CARGO_BIN_EXE_mailseal"))
        .arg("--keyring")
        .arg(w.env.keyring())
        .args(["--at", AT, "--json", "verify", "--paths-from", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run_with_stdin(&mut cmd, &text);
    // parallel exits with the number of failed jobs: every shard holds a
    // bad message, so every job exits non-zero.
    let shards = 1004i32.div_euclid(150) + 1;
    assert_eq!(
        out.status.code(),
        Some(shards),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = json_lines(&out.stdout);
    assert_eq!(merged, single);
    assert_eq!(counts(&merged), counts(&single));
    assert_eq!(single_code, Some(1));

    // Without --keep-order the lines come in any order; sorted, they are
    // the same set.
    let key = |v: &serde_json::Value| v.to_string();
    let mut a: Vec<String> = merged.iter().map(key).collect();
    let mut b: Vec<String> = single.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

/// Whether Spark can run here: a Java runtime and PyPI's pyspark.
fn spark_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyspark"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
        && Command::new("java")
            .arg("-version")
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// The README's Spark recipe (`scripts/spark-verify.py`, rdd.pipe in
/// local mode): the same lines and exit code as one run. Skipped, saying
/// so, where there is no Java runtime or pyspark (`pip install pyspark`).
#[test]
fn issue18_spark_local_mode_shards_give_the_single_run() {
    if !spark_available() {
        eprintln!("SKIPPED: Spark needs a Java runtime and `pip install pyspark`");
        return;
    }
    let w = world("Shard CA");
    let dir = w.env.path("archive");
    let list = mailbox(&w, &dir, 1000);
    let list_file = w.env.path("work.txt");
    std::fs::write(&list_file, list_text(&list)).unwrap();
    let (single_code, single) = verify_list(&w, s(&list_file), b"");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark-verify.py");
    let out = Command::new("python3")
        .arg(script)
        .arg("--keyring")
        .arg(w.env.keyring())
        .args(["--mailseal", env!("CARGO_BIN_EXE_mailseal")])
        .args(["--at", AT, "--partitions", "5"])
        .arg(&list_file)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        single_code,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout), single);
}
