//! Who a message goes to, as a sendmail sees it, and the message as the
//! protocols and the sendmail are to see it.

use std::borrow::Cow;

use crate::mime::{self, HeaderField};
use crate::openpgp::recipient_addresses;

/// One envelope recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Lower-cased.
    pub address: String,
    /// Not in To or Cc: a Bcc recipient, or one only the command's
    /// arguments name.
    pub hidden: bool,
}

/// The envelope recipients: To, Cc and Bcc, as `sendmail -t` reads them,
/// then the recipients among the command's arguments
/// ([`command_recipients`]); each once, lower-cased. Hidden unless in To
/// or Cc.
pub fn recipients(headers: &[HeaderField], command: &[String]) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = recipient_addresses(headers)
        .into_iter()
        .map(|(address, hidden)| Recipient {
            address: address.to_ascii_lowercase(),
            hidden,
        })
        .collect();
    for address in command_recipients(command) {
        if !out.iter().any(|r| r.address == address) {
            out.push(Recipient {
                address,
                hidden: true,
            });
        }
    }
    out
}

/// sendmail's options that take a value as the next argument (`-f
/// sender`, `-F "full name"`, `-N never`, ...): that value is no
/// recipient.
const TAKES_VALUE: [&str; 13] = [
    "-f", "-r", "-F", "-N", "-R", "-V", "-B", "-C", "-X", "-O", "-L", "-h", "-p",
];

/// The recipients a sendmail command line names, lower-cased: every
/// argument after `--` (mutt and neomutt put the addresses there), and
/// before it every argument with an `@` that is neither an option nor
/// the value of one ([`TAKES_VALUE`]). The first word is the program.
pub fn command_recipients(command: &[String]) -> Vec<String> {
    let clean = |a: &String| {
        a.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_ascii_lowercase()
    };
    let mut out = Vec::new();
    let mut args = command.iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--" {
            out.extend(args.map(clean).filter(|a| !a.is_empty()));
            break;
        }
        if TAKES_VALUE.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') && arg.contains('@') {
            out.push(clean(arg));
        }
    }
    out
}

/// `raw` as the protocols read their recipients (To, Cc, Bcc of the
/// header): recipients that only the command's arguments name are added
/// as a Bcc field, which is what they are. The protocols drop every Bcc
/// field from what they write.
pub(super) fn with_envelope_recipients<'a>(
    raw: &'a [u8],
    headers: &[HeaderField],
    recipients: &[Recipient],
) -> Cow<'a, [u8]> {
    let in_header: Vec<String> = recipient_addresses(headers)
        .into_iter()
        .map(|(a, _)| a.to_ascii_lowercase())
        .collect();
    let extra: Vec<&str> = recipients
        .iter()
        .map(|r| r.address.as_str())
        .filter(|a| !in_header.iter().any(|h| h == a))
        .collect();
    if extra.is_empty() {
        return Cow::Borrowed(raw);
    }
    let mut out = format!("Bcc: {}\r\n", extra.join(", ")).into_bytes();
    out.extend_from_slice(raw);
    Cow::Owned(out)
}

/// The encrypted message with the Bcc fields of the original header put
/// back in front (the protocols drop them), so that `sendmail -t` finds
/// those recipients, and removes the fields.
pub(super) fn with_bcc_of(headers: &[HeaderField], encrypted: Vec<u8>) -> Vec<u8> {
    let bcc: Vec<&HeaderField> = headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("Bcc"))
        .collect();
    if bcc.is_empty() {
        return encrypted;
    }
    let mut out = Vec::with_capacity(encrypted.len() + 256);
    for field in bcc {
        out.extend_from_slice(&mime::to_crlf(&field.raw));
    }
    out.extend_from_slice(&encrypted);
    out
}

/// The protected message (CRLF line ends) with the line ends of the
/// input: a mail client hands a sendmail lines ending in LF, and some
/// sendmails keep a CR they are given. Protected output is 7-bit text,
/// so nothing else changes.
pub(super) fn with_line_ends_of(raw: &[u8], protected: Vec<u8>) -> Vec<u8> {
    let first_line_end = raw.iter().position(|&b| b == b'\n');
    let crlf = first_line_end.is_some_and(|i| i > 0 && raw[i - 1] == b'\r');
    if crlf || first_line_end.is_none() {
        return protected;
    }
    let mut out = Vec::with_capacity(protected.len());
    let mut rest = protected.as_slice();
    while let Some(i) = rest.windows(2).position(|w| w == b"\r\n") {
        out.extend_from_slice(&rest[..i]);
        out.push(b'\n');
        rest = &rest[i + 2..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn recipients_come_from_the_header_and_the_commands_arguments() {
        let raw = b"From: a@example.org\r\nTo: B <Bob@Example.org>\r\nCc: c@example.org\r\n\
                    Bcc: d@example.org\r\n\r\nbody\r\n";
        let (headers, _) = mime::split_message(raw).unwrap();
        let command = args(&[
            "/usr/sbin/sendmail",
            "-oi",
            "-f",
            "a@example.org",
            "--",
            "bob@example.org",
            "E@example.org",
        ]);
        let got: Vec<(String, bool)> = recipients(&headers, &command)
            .into_iter()
            .map(|r| (r.address, r.hidden))
            .collect();
        let want = [
            ("bob@example.org", false),
            ("c@example.org", false),
            ("d@example.org", true),
            ("e@example.org", true),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(a, h)| (a.to_string(), *h)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn option_values_are_no_recipients() {
        let command = args(&[
            "sendmail",
            "-oi",
            "-t",
            "-F",
            "x@y.example",
            "-fme@example.org",
            "-N",
            "never",
            "<Bob@example.org>",
            "root",
        ]);
        assert_eq!(command_recipients(&command), ["bob@example.org"]);
        // After `--` every word is a recipient, local ones too.
        let command = args(&["sendmail", "--", "root", "-x@example.org", ""]);
        assert_eq!(command_recipients(&command), ["root", "-x@example.org"]);
        assert!(command_recipients(&args(&["sendmail"])).is_empty());
    }

    #[test]
    fn line_ends_follow_the_input() {
        let out = with_line_ends_of(b"From: a\nTo: b\n\nx\n", b"A: 1\r\n\r\nb\r\nc".to_vec());
        assert_eq!(out, b"A: 1\n\nb\nc");
        let out = with_line_ends_of(b"From: a\r\nTo: b\r\n\r\nx\r\n", b"A: 1\r\n\r\n".to_vec());
        assert_eq!(out, b"A: 1\r\n\r\n");
    }

    #[test]
    fn envelope_recipients_reach_the_protocols_as_bcc_and_bcc_goes_back_in_front() {
        let raw = b"From: a@example.org\r\nTo: b@example.org\r\nBcc: c@example.org\r\n\r\nx\r\n";
        let (headers, _) = mime::split_message(raw).unwrap();
        let rcpts = recipients(
            &headers,
            &args(&["sendmail", "--", "b@example.org", "e@example.org"]),
        );
        let enveloped = with_envelope_recipients(raw, &headers, &rcpts);
        assert!(enveloped.starts_with(b"Bcc: e@example.org\r\nFrom: "));
        let none = recipients(&headers, &args(&["sendmail", "-t"]));
        assert!(matches!(
            with_envelope_recipients(raw, &headers, &none),
            Cow::Borrowed(_)
        ));
        let back = with_bcc_of(&headers, b"From: a@example.org\r\n\r\nsealed".to_vec());
        assert_eq!(
            back,
            b"Bcc: c@example.org\r\nFrom: a@example.org\r\n\r\nsealed"
        );
    }
}
