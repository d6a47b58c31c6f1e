use super::*;

fn detail(raw: &[u8]) -> String {
    match split_message(raw) {
        Err(Error::NotAMessage { detail, .. }) => detail,
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn messages_with_crlf_lf_and_folding_split_as_split_headers_does() {
    for raw in [
        &b"From: a@example.org\r\nSubject: s\r\n\r\nbody\r\n"[..],
        b"From: a@example.org\nSubject: s\n\nbody\n",
        b"From: A\n <a@example.org>\nSubject: one\n\ttwo\nX-Empty:\nObs-Name : v\n\n",
        "From: Jörg <j@example.org>\nSubject: grüße\n\nbody".as_bytes(),
    ] {
        assert_eq!(split_message(raw).unwrap(), split_headers(raw).unwrap());
    }
}

#[test]
fn fail_text_is_not_a_message() {
    assert_eq!(
        detail(b"My PIN is 1234\nmore\n\nbody\n"),
        "line 1 is not a header field (`Name: value`)"
    );
    assert!(
        detail(b"Note: the code is 9876\nthe alarm is 1234\n\nx\n").starts_with("line 2 is not")
    );
    assert!(detail(b"Note: the code is 9876\n\nbody\n").contains("no From field"));
    assert!(detail(b"From: the desk of Bob\n\nbody\n").contains("no From field"));
    assert!(detail(b"Dear Bob: hello\n\n").starts_with("line 1 is not"));
}

#[test]
fn fail_header_blocks_that_do_not_end_properly() {
    assert_eq!(detail(b""), "the input is empty");
    assert!(detail(b"\nbody\n").starts_with("line 1 is empty"));
    assert!(detail(b"\r\nbody\r\n").starts_with("line 1 is empty"));
    assert!(detail(b"From: a@example.org\nX-Code: 1234\n").starts_with("no empty line"));
    assert!(detail(b"From: a@example.org").starts_with("no empty line"));
    assert!(detail(b"From: a@example.org\n \nCode: 1\n\nx")
        .starts_with("line 2 holds only white space"));
    assert!(
        detail(b" indented\nFrom: a@example.org\n\n").starts_with("line 1 starts with white space")
    );
    assert!(detail(b":value\nFrom: a@example.org\n\n").starts_with("line 1 is not"));
}

#[test]
fn fail_binary_and_control_characters() {
    assert!(detail(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").starts_with("line 1 is not"));
    assert!(detail(b"From: a@example.org\nX: a\0b\n\n").starts_with("line 2 holds a control"));
    assert!(detail(b"From: a@example.org\nX: a\rCode: 1\n\n").starts_with("line 2 holds a control"));
    assert!(detail(b"From: a@example.org\x1b[2J\n\n").starts_with("line 1 holds a control"));
}

#[test]
fn fail_mbox_separator_has_its_own_hint() {
    let raw = b"From a@example.org Mon Jun  1 12:00:00 2026\nFrom: a@example.org\n\nx\n";
    match split_message(raw) {
        Err(Error::NotAMessage { detail, hint }) => {
            assert!(detail.contains("mbox"));
            assert!(hint.contains("sed 1d"));
        }
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn refusals_never_quote_the_input() {
    for raw in [
        &b"SECRET-1 and more\n\n"[..],
        b"From: a@example.org\nSECRET-1\n\n",
        b"Note: SECRET-1\n\n",
        b"From: a@example.org\nX: SECRET-1\0\n\n",
    ] {
        let e = split_message(raw).unwrap_err();
        let shown = format!("{e} {}", e.hint().unwrap_or_default());
        assert!(!shown.contains("SECRET"), "{shown}");
        assert_eq!(e.exit_code(), crate::error::ExitCode::Usage);
    }
}
