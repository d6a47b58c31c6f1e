//! Generated files: man pages and shell completions from the clap
//! definitions (`mailseal generate man|completions --dir DIR`).

use std::path::Path;

use clap::CommandFactory;

use super::io::write_atomic;
use crate::cli::{Cli, GenerateArgs, GenerateWhat};
use crate::error::{Error, ExitCode, Result};

pub fn dispatch(args: GenerateArgs) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.dir).map_err(|e| Error::io(&args.dir, e))?;
    match args.what {
        GenerateWhat::Man => man_pages(&args.dir)?,
        GenerateWhat::Completions => completions(&args.dir)?,
    }
    Ok(ExitCode::Ok)
}

/// One page for `mailseal` and one per subcommand (`mailseal-keyring-import.1`).
fn man_pages(dir: &Path) -> Result<()> {
    let cmd = Cli::command();
    render_tree(dir, &cmd, "mailseal")
}

fn render_tree(dir: &Path, cmd: &clap::Command, name: &str) -> Result<()> {
    let page = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .map_err(|e| Error::io(dir, e))?;
    if name == "mailseal" {
        buf.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    }
    write_atomic(&dir.join(format!("{name}.1")), &buf, false)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_tree(dir, sub, &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}

fn completions(dir: &Path) -> Result<()> {
    use clap_complete::Shell;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = Cli::command();
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "mailseal", &mut buf);
        let name = match shell {
            Shell::Bash => "mailseal.bash",
            Shell::Zsh => "_mailseal",
            _ => "mailseal.fish",
        };
        write_atomic(&dir.join(name), &buf, false)?;
    }
    Ok(())
}

/// Sections of mailseal(1) that clap does not know about, in roff.
const EXTRA_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success. For verify: every signature is good, the signer is trusted, the signer is the sender, and the signature covers the whole message.
.TP
\fB1\fR
Verification or decryption failed: bad signature, tampering, integrity failure, revoked signer, wrong key, or a message not encrypted to any of your keys.
.TP
\fB2\fR
Usage error, unreadable or malformed input, or a missing key.
.TP
\fB3\fR
The signature is cryptographically good but not trusted: unknown or untrusted signer, signer is not the From address, expired certificate, or only part of the message is signed.
.TP
\fB4\fR
Nothing to verify or decrypt: the message is neither signed nor encrypted.
.PP
decrypt exits 0 for an unsigned decrypted message, and with the signature's code when the decrypted message is signed.
.SH ENVIRONMENT
.TP
\fBMAILSEAL_HOME\fR
The keyring directory when \fB\-\-keyring\fR is not given.
.TP
\fBXDG_DATA_HOME\fR
Otherwise the keyring is \fI$XDG_DATA_HOME/mailseal\fR (default \fI~/.local/share/mailseal\fR).
.SH FILES
.TP
\fIkeyring.sqlite\fR
In the keyring directory: X.509 and OpenPGP certificates, CRLs, trust anchors, web\-of\-trust roots, pins, passphrase\-protected secret keys, and caches of trust decisions and verified OpenPGP signatures, in one SQLite database (mode 0600).
.TP
\fImailseal.conf\fR
In the keyring directory, optional: one option per line, as in \fIgpg.conf\fR (\fB#\fR starts a comment). \fBprefer\-protocol openpgp\fR|\fBsmime\fR is the protocol \fBsign\fR and \fBencrypt\fR use, without \fB\-\-smime\fR or \fB\-\-openpgp\fR, when both would do (default openpgp). An unknown option or value is an error (exit 2).
.SH SECURITY
Strings from messages and certificates are shown escaped. EnvelopedData (AES\-CBC) has no integrity protection; decrypt writes its plaintext only when a trusted signature inside covers the whole message, or with \fB\-\-legacy\-cbc\fR. A decrypted message whose signature inside is bad (exit 1) is not written. OpenPGP data without integrity protection (a SED packet, or a failed MDC or AEAD check) is an error and no plaintext is written. Encryption never falls back to plaintext: a recipient without a fully valid binding is an error naming that recipient.
.SH EXAMPLES
.nf
mailseal keyring import alice.p12
mailseal trust anchor add ca.pem \-\-domain example.org
mailseal keyring generate \-\-openpgp \-\-email me@example.org \-\-name Me
mailseal trust pin 0123456789ABCDEF0123456789ABCDEF01234567 \-\-email dave@example.org
mailseal trust check dave@example.org
mailseal sign < draft.eml > signed.eml
mailseal encrypt \-\-sign < draft.eml | sendmail \-t
mailseal \-\-json verify mail.eml
.fi
"#;
