use super::*;
use crate::mime::{decode_body, header_value, split_for_protection, split_message};

fn envelope<'a>(to: &'a [String], filename: Option<&'a str>) -> Envelope<'a> {
    Envelope {
        from: "Alice <alice@example.org>",
        to,
        cc: &[],
        subject: Some("Grüße zum Wochenende"),
        date: Timestamp(1_780_315_200), // 2026-06-01T12:00:00Z
        filename,
    }
}

fn bob() -> Vec<String> {
    vec!["bob@example.org".to_string()]
}

#[test]
fn text_becomes_a_utf8_text_message() {
    let text = "Grüße\nFrom here on\n".as_bytes();
    let msg = wrap(&envelope(&bob(), Some("notes.txt")), text).unwrap();
    let (fields, body) = split_message(&msg).unwrap();
    assert_eq!(body, "Grüße\r\nFrom here on\r\n".as_bytes());
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "Content-Type",
            "Content-Transfer-Encoding"
        ]
    );
    assert_eq!(
        header_value(&fields, "Subject").unwrap(),
        "Grüße zum Wochenende"
    );
    assert_eq!(
        header_value(&fields, "Date").unwrap(),
        "Mon, 1 Jun 2026 12:00:00 +0000"
    );
    let id = header_value(&fields, "Message-ID").unwrap();
    assert!(id.ends_with("@example.org>"), "{id}");
    assert_eq!(addresses(&fields, "From")[0].email, "alice@example.org");
    assert_eq!(addresses(&fields, "From")[0].name.as_deref(), Some("Alice"));
    // The header block is ASCII: the subject travels as RFC 2047 words.
    let head = &msg[..msg.windows(4).position(|w| w == b"\r\n\r\n").unwrap()];
    assert!(head.is_ascii());
    assert!(String::from_utf8_lossy(head).contains("Content-Type: text/plain; charset=utf-8\r\n"));
}

#[test]
fn binary_becomes_a_named_base64_attachment_inside_the_protection() {
    let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
    let msg = wrap(&envelope(&bob(), Some("Bericht für Bob.bin")), &data).unwrap();
    let (fields, body) = split_message(&msg).unwrap();
    assert_eq!(decode_body(&fields, body).unwrap(), data);
    let p = split_for_protection(&msg).unwrap();
    let entity = String::from_utf8(p.entity).unwrap();
    assert!(entity.starts_with("Content-Type: application/octet-stream;\r\n name*=UTF-8''Bericht%20f%C3%BCr%20Bob.bin\r\n"), "{entity}");
    assert!(
        entity.contains(
            "Content-Disposition: attachment; filename*=UTF-8''Bericht%20f%C3%BCr%20Bob.bin\r\n"
        ),
        "{entity}"
    );
    let outer: Vec<u8> = p.outer.iter().flat_map(|f| f.raw.clone()).collect();
    assert!(!String::from_utf8_lossy(&outer).contains("Bericht"));
    use mail_parser::MimeHeaders;
    let parsed = mail_parser::MessageParser::new().parse(&msg).unwrap();
    assert_eq!(
        parsed.attachment(0).unwrap().attachment_name(),
        Some("Bericht für Bob.bin")
    );
}

#[test]
fn several_recipients_in_one_value_or_repeated() {
    let to = vec![
        "bob@example.org, \"Doe, Carol\" <carol@example.org>".to_string(),
        "dave@example.org".to_string(),
    ];
    let msg = wrap(&envelope(&to, None), b"hi").unwrap();
    let (fields, _) = split_message(&msg).unwrap();
    let emails: Vec<String> = addresses(&fields, "To")
        .into_iter()
        .map(|m| m.email)
        .collect();
    assert_eq!(
        emails,
        ["bob@example.org", "carol@example.org", "dave@example.org"]
    );
    assert_eq!(
        addresses(&fields, "To")[1].name.as_deref(),
        Some("Doe, Carol")
    );
}

#[test]
fn fail_options_that_would_break_the_header() {
    let to = bob();
    let mut e = envelope(&to, None);
    e.subject = Some("hi\r\nBcc: mallory@example.org");
    assert!(matches!(wrap(&e, b"x"), Err(Error::Usage(m)) if m.contains("--subject")));
    let mut e = envelope(&to, None);
    e.from = "alice@example.org, carol@example.org";
    assert!(matches!(wrap(&e, b"x"), Err(Error::Usage(m)) if m.contains("--from")));
    for bad in ["not an address", "", "bob@example.org\nX-Evil: 1", "a@b@c"] {
        let to = vec![bad.to_string()];
        let e = envelope(&to, None);
        assert!(
            matches!(wrap(&e, b"x"), Err(Error::Usage(m)) if m.contains("--to")),
            "{bad}"
        );
    }
}
