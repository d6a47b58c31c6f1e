//! Where messages come from in batch verification: single files,
//! directories of .eml files, Maildirs and mbox files.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One message to check, with a name for the report.
pub struct Source {
    /// `path` for files, `path:N` (1-based) for messages inside an mbox.
    pub name: String,
    /// Where in an mbox the message is; `None` for a message file.
    pub place: Option<MboxPlace>,
    pub bytes: Vec<u8>,
}

/// A message's place inside an mbox: enough to merge the results of runs
/// over different mailboxes (shards) into the order of one run, and to
/// find the message again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MboxPlace {
    /// The mbox file as named on the command line or in the work list.
    pub file: String,
    /// 1-based position of the message in the mbox.
    pub index: usize,
    /// Byte offset of the message's `From ` separator line.
    pub offset: u64,
}

/// Deepest directory nesting followed when walking directories.
const MAX_DEPTH: usize = 32;

/// Expands the paths into message files and mbox files, in a stable
/// order. Maildirs contribute `cur/` and `new/`; other directories every
/// regular, non-hidden file below them.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            walk(p, 0, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    let is_maildir =
        entries.iter().any(|p| p.ends_with("cur")) && entries.iter().any(|p| p.ends_with("new"));
    for p in entries {
        if is_maildir && p.ends_with("tmp") {
            continue; // messages still being delivered
        }
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            walk(&p, depth + 1, out)?;
        } else if meta.is_file() {
            out.push(p);
        }
    }
    Ok(())
}

/// Whether the bytes look like an mbox (the first line is a `From ` line).
pub fn is_mbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ")
}

/// Splits an mbox at its `From ` separator lines (mboxrd/mboxo: a line
/// starting with `From ` after a line end). `>From ` quoting is undone.
pub fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    split_mbox_at(bytes).into_iter().map(|(_, m)| m).collect()
}

/// [`split_mbox`], each message with the byte offset of its separator.
fn split_mbox_at(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut starts = vec![0usize];
    let mut i = 0;
    while let Some(pos) = find(&bytes[i..], b"\nFrom ") {
        starts.push(i + pos + 1);
        i += pos + 1;
    }
    starts
        .iter()
        .enumerate()
        .map(|(n, &s)| {
            let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
            let chunk = &bytes[s..end];
            // Drop the separator line itself.
            let body = match find(chunk, b"\n") {
                Some(nl) => &chunk[nl + 1..],
                None => &[][..],
            };
            (s, unquote_from(body))
        })
        .collect()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `>From ` -> `From `, `>>From ` -> `>From ` at line starts (mboxrd).
fn unquote_from(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    for line in body.split_inclusive(|b| *b == b'\n') {
        let quotes = line.iter().take_while(|b| **b == b'>').count();
        if quotes > 0 && line[quotes..].starts_with(b"From ") {
            out.extend_from_slice(&line[1..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

/// Reads one file into its messages.
pub fn read(path: &Path) -> Result<Vec<Source>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(sources(path.display().to_string(), bytes))
}

/// The messages in bytes already read from `name`: one message, or each
/// message of an mbox (`name:N`), decided from the bytes themselves.
pub fn sources(name: String, bytes: Vec<u8>) -> Vec<Source> {
    if !is_mbox(&bytes) {
        return vec![Source {
            name,
            place: None,
            bytes,
        }];
    }
    split_mbox_at(&bytes)
        .into_iter()
        .enumerate()
        .map(|(i, (offset, bytes))| Source {
            name: format!("{name}:{}", i + 1),
            place: Some(MboxPlace {
                file: name.clone(),
                index: i + 1,
                offset: offset as u64,
            }),
            bytes,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_mbox_and_unquotes_from_lines() {
        let mbox = b"From a@example.org Mon Jun  1 12:00:00 2026\nSubject: one\n\n>From here\n\nFrom b@example.org Mon Jun  1 12:00:01 2026\nSubject: two\n\nbody\n";
        let msgs = split_mbox(mbox);
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0], b"Subject: one\n\nFrom here\n\n");
        assert_eq!(msgs[1], b"Subject: two\n\nbody\n");
    }

    #[test]
    fn mbox_messages_know_their_place() {
        let mbox = b"From a@example.org Mon Jun  1 12:00:00 2026\nSubject: one\n\nx\nFrom b@example.org Mon Jun  1 12:00:01 2026\nSubject: two\n\n";
        let found = sources("box".into(), mbox.to_vec());
        let places: Vec<_> = found.iter().map(|s| s.place.clone().unwrap()).collect();
        assert_eq!(found[1].name, "box:2");
        assert_eq!((places[0].index, places[0].offset), (1, 0));
        assert_eq!((places[1].index, places[1].offset), (2, 60));
        assert_eq!(&mbox[60..65], b"From ");
        assert!(sources("m".into(), b"Subject: x\n\n".to_vec())[0]
            .place
            .is_none());
    }

    #[test]
    fn walks_maildir_without_tmp() {
        let d = tempfile::TempDir::new().unwrap();
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir(d.path().join(sub)).unwrap();
            std::fs::write(d.path().join(sub).join("1"), b"x").unwrap();
        }
        std::fs::write(d.path().join(".hidden"), b"x").unwrap();
        let found = files(&[d.path().to_path_buf()]).unwrap();
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|p| !p.starts_with(d.path().join("tmp"))));
    }

    #[test]
    fn fail_missing_path_is_an_error() {
        assert!(files(&[PathBuf::from("/nonexistent/mailbox")]).is_err());
    }
}
