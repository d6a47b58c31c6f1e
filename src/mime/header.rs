//! Header field values: unfolding, RFC 2047 decoding, addresses, and the
//! MIME fields that decide how a body is read.

use mail_parser::{Address, HeaderValue, MessageParser};

use super::params::{parse_content_type, ContentType};
use super::parse::{HeaderField, Mailbox};

/// The bytes after the field's colon, folding line breaks included.
pub fn raw_value(field: &HeaderField) -> &[u8] {
    match field.raw.iter().position(|&b| b == b':') {
        Some(i) => field.raw.get(i + 1..).unwrap_or_default(),
        None => &[],
    }
}

/// The value with folding line breaks removed (RFC 5322 section 2.2.3)
/// and surrounding whitespace trimmed; bytes are not decoded.
pub fn unfolded_value(field: &HeaderField) -> Vec<u8> {
    let v: Vec<u8> = raw_value(field)
        .iter()
        .copied()
        .filter(|&b| b != b'\r' && b != b'\n')
        .collect();
    v.trim_ascii().to_vec()
}

/// Whether `field` is named `name`, compared case-insensitively.
pub fn is_named(field: &HeaderField, name: &str) -> bool {
    field.name.eq_ignore_ascii_case(name)
}

/// Whether the field belongs to the MIME entity rather than the message:
/// Content-* and MIME-Version (RFC 2045 section 9 lets any Content-* field
/// describe the entity).
pub fn is_mime_field(field: &HeaderField) -> bool {
    let n = field.name.as_bytes();
    n.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"content-"))
        || field.name.eq_ignore_ascii_case("mime-version")
}

/// The first field named `name`.
pub fn find<'a>(headers: &'a [HeaderField], name: &str) -> Option<&'a HeaderField> {
    headers.iter().find(|f| is_named(f, name))
}

/// The entity's Content-Type, or `None` when it is absent or unreadable
/// (callers pick the default that fits the context, RFC 2046 section
/// 5.1.5 for multipart/digest).
pub fn content_type(headers: &[HeaderField]) -> Option<ContentType> {
    find(headers, "content-type").and_then(|f| parse_content_type(&unfolded_value(f)))
}

/// The Content-Transfer-Encoding token, lower-cased; `7bit` when absent.
pub fn transfer_encoding(headers: &[HeaderField]) -> String {
    find(headers, "content-transfer-encoding")
        .map(|f| {
            let v = unfolded_value(f);
            let token = v
                .split(|&b| b == b'(' || b == b';')
                .next()
                .unwrap_or_default();
            String::from_utf8_lossy(token.trim_ascii()).to_ascii_lowercase()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "7bit".to_string())
}

/// Re-labels the value as a field mail-parser knows how to read (e.g.
/// `Subject` for unstructured text, `To` for address lists) and parses it.
fn parse_as(label: &[u8], field: &HeaderField) -> Option<HeaderValue<'static>> {
    let mut buf = Vec::with_capacity(field.raw.len() + label.len() + 4);
    buf.extend_from_slice(label);
    buf.push(b':');
    buf.extend_from_slice(raw_value(field));
    if !buf.ends_with(b"\n") {
        buf.extend_from_slice(b"\r\n");
    }
    buf.extend_from_slice(b"\r\n");
    let msg = MessageParser::new().parse_headers(&buf)?;
    let value = msg.headers().first()?.value().clone().into_owned();
    Some(value)
}

/// The unfolded, RFC 2047-decoded value of the first field named `name`.
/// A present but empty field gives `Some("")`.
pub fn header_value(headers: &[HeaderField], name: &str) -> Option<String> {
    let field = find(headers, name)?;
    match parse_as(b"Subject", field) {
        Some(HeaderValue::Text(t)) => Some(t.into_owned()),
        _ => Some(String::new()),
    }
}

/// The time the Date field gives (RFC 5322 section 3.3), as Unix
/// seconds; `None` when there is no Date field or it cannot be read.
pub fn date(headers: &[HeaderField]) -> Option<i64> {
    let field = find(headers, "Date")?;
    match parse_as(b"Date", field) {
        Some(HeaderValue::DateTime(d)) if d.is_valid() => Some(d.to_timestamp()),
        _ => None,
    }
}

/// Every mailbox in every field named `name`, group members included;
/// addr-specs lower-cased, display names decoded.
pub fn addresses(headers: &[HeaderField], name: &str) -> Vec<Mailbox> {
    let mut out = Vec::new();
    for field in headers.iter().filter(|f| is_named(f, name)) {
        if let Some(HeaderValue::Address(addr)) = parse_as(b"To", field) {
            push_mailboxes(&addr, &mut out);
        }
    }
    out
}

/// The sender a signature must match: the single mailbox of the From
/// fields, when it is a well-formed addr-spec. Several mailboxes, none,
/// or something that is not one address (e.g. two addresses run
/// together by folding, `a@x.org b@y.org`) give `None`, so no signer
/// can match them.
pub fn single_sender(headers: &[HeaderField]) -> Option<String> {
    match addresses(headers, "From").as_slice() {
        [one] if is_addr_spec(&one.email) => Some(one.email.clone()),
        _ => None,
    }
}

/// Whether `email`'s domain is `domain` or one of its subdomains, in any
/// case (`example.org` covers `a@example.org` and `a@lab.Example.ORG`,
/// not `a@badexample.org`). A leading or trailing dot on `domain` is
/// ignored; an empty domain, or an address without `@`, matches nothing.
pub fn in_domain(email: &str, domain: &str) -> bool {
    let Some((_, own)) = email.trim().rsplit_once('@') else {
        return false;
    };
    let own = own.trim_end_matches('.').to_ascii_lowercase();
    let domain = domain
        .trim()
        .trim_start_matches('.')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    !own.is_empty()
        && !domain.is_empty()
        && (own == domain
            || own
                .strip_suffix(domain.as_str())
                .is_some_and(|head| head.ends_with('.')))
}

/// `local@domain` with exactly one `@` outside a quoted local part and
/// no white space outside quotes (RFC 5322 section 3.4.1).
pub(crate) fn is_addr_spec(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let quoted = local.len() >= 2 && local.starts_with('"') && local.ends_with('"');
    let plain = |s: &str| !s.is_empty() && !s.contains('@') && !s.chars().any(char::is_whitespace);
    plain(domain) && (quoted || plain(local))
}

fn push_mailboxes(addr: &Address<'_>, out: &mut Vec<Mailbox>) {
    for a in addr.iter() {
        let Some(email) = a.address() else { continue };
        let email = strip_route(email.trim());
        if email.is_empty() {
            continue;
        }
        let name = a
            .name()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        out.push(Mailbox {
            name,
            email: email.to_lowercase(),
        });
    }
}

/// Drops an obsolete source route (`@relay,@relay2:user@host`, RFC 5322
/// section 4.4): the mailbox is what follows the colon.
fn strip_route(addr: &str) -> &str {
    match (addr.starts_with('@'), addr.rfind(':')) {
        (true, Some(i)) => addr.get(i + 1..).unwrap_or_default().trim(),
        _ => addr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mime::parse::split_headers;

    fn headers(raw: &str) -> Vec<HeaderField> {
        split_headers(raw.as_bytes()).unwrap().0
    }

    fn mb(name: Option<&str>, email: &str) -> Mailbox {
        Mailbox {
            name: name.map(str::to_string),
            email: email.into(),
        }
    }

    #[test]
    fn date_is_read_with_its_zone() {
        let h = headers("Date: Mon, 01 Jun 2026 14:00:00 +0200\r\n\r\n");
        assert_eq!(date(&h), Some(1_780_315_200));
        assert_eq!(date(&headers("Date: yesterday\r\n\r\n")), None);
        assert_eq!(date(&headers("Subject: x\r\n\r\n")), None);
    }

    #[test]
    fn value_is_unfolded_and_decoded() {
        let h = headers("subject: =?UTF-8?B?5pel5pys6Kqe?=\r\n =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\r\n\tdone\r\nX-Empty:\r\n\r\n");
        assert_eq!(
            header_value(&h, "SUBJECT").as_deref(),
            Some("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}\u{8a9e} done")
        );
        assert_eq!(header_value(&h, "x-empty").as_deref(), Some(""));
        assert_eq!(header_value(&h, "missing"), None);
    }

    #[test]
    fn quoted_names_with_at_and_angle() {
        let h = headers(
            "From: \"Bob <evil@attacker.example>\" <Bob@Example.ORG>\r\n\
             To: \"a@b.example\" <C@D.example>, plain@x.example (Comment <not@this>)\r\n\r\n",
        );
        assert_eq!(
            addresses(&h, "from"),
            vec![mb(Some("Bob <evil@attacker.example>"), "bob@example.org")]
        );
        let to = addresses(&h, "To");
        assert_eq!(to.len(), 2, "{to:?}");
        assert_eq!(to[0], mb(Some("a@b.example"), "c@d.example"));
        assert_eq!(to[1].email, "plain@x.example");
    }

    #[test]
    fn encoded_names_groups_and_repeated_fields() {
        let h = headers(
            "To: =?utf-8?q?J=C3=B6rg_M?= <jorg@example.org>\r\n\
             To: Team: a@example.org, \"B\" <b@example.org>;, solo@example.org\r\n\
             Cc: undisclosed-recipients:;\r\n\r\n",
        );
        let to = addresses(&h, "to");
        let emails: Vec<&str> = to.iter().map(|m| m.email.as_str()).collect();
        assert_eq!(
            emails,
            [
                "jorg@example.org",
                "a@example.org",
                "b@example.org",
                "solo@example.org"
            ]
        );
        assert_eq!(to[0].name.as_deref(), Some("J\u{f6}rg M"));
        assert!(addresses(&h, "cc").is_empty());
    }

    #[test]
    fn comments_routes_and_sloppy_syntax() {
        let cases = [
            ("(evil@x.org) bob@example.org", "bob@example.org"),
            ("bob@example.org (Comment <not@this>)", "bob@example.org"),
            ("evil@attacker.example <Bob@example.org>", "bob@example.org"),
            ("\"a\\\"b <c@d>\" <e@f>", "e@f"),
            ("<@route,@x:bob@example.org>", "bob@example.org"),
            ("Bob <bob@example.org", "bob@example.org"),
            (
                "=?utf-8?q?a=40b_=3Cc@d=3E?= <real@example.org>",
                "real@example.org",
            ),
        ];
        for (value, email) in cases {
            let h = headers(&format!("From: {value}\r\n\r\n"));
            let got = addresses(&h, "from");
            assert_eq!(got.len(), 1, "{value}: {got:?}");
            assert_eq!(got[0].email, email, "{value}");
        }
        let h = headers(
            "From: =?utf-8?q?a=40b_=3Cc@d=3E?= <real@example.org>, , \"a\\\"b\" <e@f>\r\n\r\n",
        );
        let names: Vec<Option<String>> =
            addresses(&h, "from").into_iter().map(|m| m.name).collect();
        assert_eq!(
            names,
            [Some("a@b <c@d>".to_string()), Some("a\"b".to_string())]
        );
    }

    #[test]
    fn single_sender_is_one_well_formed_mailbox() {
        let sender = |v: &str| single_sender(&headers(&format!("{v}\r\n\r\n")));
        assert_eq!(
            sender("From: \"a@x.org\" <B@Y.org>").as_deref(),
            Some("b@y.org")
        );
        for spoof in [
            "From: a@x.org, b@y.org",
            "From: a@x.org\r\nFrom: b@y.org",
            "From: a@x.org\r\n b@y.org",
            "From: Team: a@x.org, b@y.org;",
            "To: a@x.org",
        ] {
            assert_eq!(sender(spoof), None, "{spoof}");
        }
        assert!(!is_addr_spec("a@x.orgb@y.org") && !is_addr_spec("a b@x") && !is_addr_spec("@x"));
    }

    #[test]
    fn mime_fields() {
        let h = headers("MIME-Version: 1.0\r\nContent-Type: Text/Plain; charset=utf-8\r\nContent-Transfer-Encoding: Quoted-Printable (x)\r\nSubject: s\r\n\r\n");
        assert!(is_mime_field(&h[0]) && is_mime_field(&h[1]) && !is_mime_field(&h[3]));
        assert_eq!(content_type(&h).unwrap().mime_type, "text/plain");
        assert_eq!(transfer_encoding(&h), "quoted-printable");
        assert_eq!(transfer_encoding(&h[3..]), "7bit");
    }

    #[test]
    fn a_domain_covers_itself_and_its_subdomains_only() {
        assert!(in_domain("a@partner.example", "partner.example"));
        assert!(in_domain("a@Lab.Partner.EXAMPLE", "partner.example"));
        assert!(in_domain(" a@partner.example. ", ".Partner.example"));
        assert!(!in_domain("a@badpartner.example", "partner.example"));
        assert!(!in_domain("a@partner.example.evil.test", "partner.example"));
        assert!(!in_domain("partner.example", "partner.example"));
        assert!(!in_domain("a@", "partner.example"));
        assert!(!in_domain("a@partner.example", ""));
        assert!(!in_domain("a@partner.example", "."));
    }
}
