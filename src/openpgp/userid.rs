//! The e-mail address in a user ID, as Sequoia's
//! `UserID::email_normalized` finds it, without building Sequoia's user ID
//! regular expression for the common forms. That expression takes about
//! two milliseconds to build, once per process and before the first user
//! ID is read: a fifth of encrypting a megabyte to a hundred recipients.
//!
//! The quick path decides only user IDs in a plain ASCII subset of
//! Sequoia's conventional forms, `addr@example.org` and
//! `Some Name <addr@example.org>`, and user IDs without an `@`, which
//! carry no address in any form. Everything else goes to Sequoia, so the
//! answer is always Sequoia's.

use sequoia_openpgp::packet::UserID;

/// The normalized address of `userid` (lower case, domain in ASCII), if
/// it has one in Sequoia's conventional user ID forms.
pub fn email_normalized(userid: &UserID) -> Option<String> {
    match quick(userid.value()) {
        Quick::Email(email) => Some(email),
        Quick::NoEmail => None,
        Quick::Unsure => userid.email_normalized().ok().flatten(),
    }
}

#[derive(Debug, PartialEq)]
enum Quick {
    Email(String),
    NoEmail,
    Unsure,
}

fn quick(value: &[u8]) -> Quick {
    if !value.contains(&b'@') {
        return Quick::NoEmail;
    }
    let addr = match value.iter().position(|&b| b == b'<') {
        None => value,
        Some(open) => {
            let (name, rest) = value.split_at(open);
            match rest.strip_prefix(b"<").and_then(|r| r.strip_suffix(b">")) {
                Some(addr) if name.iter().all(|&b| is_plain_name(b)) => addr,
                _ => return Quick::Unsure,
            }
        }
    };
    match plain_address(addr) {
        Some(()) => Quick::Email(String::from_utf8_lossy(addr).to_ascii_lowercase()),
        None => Quick::Unsure,
    }
}

/// Characters a name may have on the quick path: any sequence of them
/// (spaces included, anywhere) is a name with optional white space in
/// Sequoia's grammar.
fn is_plain_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'-' | b'\'')
}

/// `Some` for `local@domain` where the local part is a dot-atom of ASCII
/// atext and the domain is dot-separated labels of letters, digits and
/// hyphens (not punycode, at most 63 characters each): the domains whose
/// IDNA form is their lower case.
fn plain_address(addr: &[u8]) -> Option<()> {
    let at = addr.iter().position(|&b| b == b'@')?;
    let (local, domain) = (&addr[..at], &addr[at + 1..]);
    let dot_atom = |part: &[u8], ok: fn(u8) -> bool| {
        part.split(|&b| b == b'.')
            .all(|atom| !atom.is_empty() && atom.iter().all(|&b| ok(b)))
    };
    let plain_label =
        |label: &[u8]| label.len() <= 63 && !label.to_ascii_lowercase().starts_with(b"xn--");
    (dot_atom(local, is_atext)
        && dot_atom(domain, |b| b.is_ascii_alphanumeric() || b == b'-')
        && domain.split(|&b| b == b'.').all(plain_label))
    .then_some(())
}

/// RFC 5322 atext, ASCII only.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sequoia(value: &[u8]) -> Option<String> {
        UserID::from(value).email_normalized().ok().flatten()
    }

    /// Whatever the quick path decides is Sequoia's answer, and so is
    /// what [`email_normalized`] gives.
    fn assert_agrees(value: &[u8]) {
        let want = sequoia(value);
        match quick(value) {
            Quick::Email(e) => assert_eq!(Some(e), want, "{value:?}"),
            Quick::NoEmail => assert_eq!(None, want, "{value:?}"),
            Quick::Unsure => {}
        }
        assert_eq!(email_normalized(&UserID::from(value)), want, "{value:?}");
    }

    #[test]
    fn quick_answers_are_sequoias() {
        let cases: &[&[u8]] = &[
            b"alice@example.org",
            b"Alice@Example.ORG",
            b"Alice Example <alice@example.org>",
            b"<alice@example.org>",
            b"  Alice  <a.b+tag@mail.example.org>",
            b"O'Neil-Smith Jr. <o'neil@example.org>",
            b"Alice Example",
            b"Alice <alice@example.org> ",
            b"Alice (work) <alice@example.org>",
            b"Alice <alice@xn--bcher-kva.example>",
            b"Alice <alice@b\xc3\xbccher.example>",
            b"Alice <alice@exa_mple.org>",
            b"Alice <alice@@example.org>",
            b"Alice <.alice@example.org>",
            b"Alice <alice@example..org>",
            b"Alice <alice@example.org",
            b"Alice <alice@example.org> <bob@example.org>",
            b"alice@example.org <bob@example.org>",
            b"mailto:alice@example.org",
            b"<mailto:alice@example.org>",
            b"@",
            b"a@b",
            b"Alice\t<alice@example.org>",
        ];
        for value in cases {
            assert_agrees(value);
        }
        // The usual forms take the quick path.
        assert_eq!(
            quick(b"Alice Example <Alice@Example.org>"),
            Quick::Email("alice@example.org".into())
        );
        assert_eq!(quick(b"Alice Example"), Quick::NoEmail);
    }

    proptest::proptest! {
        /// Whatever the quick path decides, Sequoia decides the same:
        /// strings near the usual forms ...
        #[test]
        fn quick_path_agrees_with_sequoia_near_usual_forms(
            value in "[A-Za-z .'(\\t-]{0,6}<?[a-zA-Z0-9.+_-]{0,6}@[a-zA-Z0-9.xn_-]{0,10}>? ?"
        ) {
            assert_agrees(value.as_bytes());
        }

        /// ... and any bytes.
        #[test]
        fn quick_path_agrees_with_sequoia(
            value in proptest::collection::vec(proptest::sample::select(
                b"aZ9 .-'@<>()_+!xn\xc3\xbc\t".to_vec()), 0..24)
        ) {
            assert_agrees(&value);
        }
    }
}
