//! `filter smime sign`: a detached DER signature over a part, as
//! neomutt's $smime_sign_command makes it (neomutt builds the
//! multipart/signed around it, with the micalg of %d).

use super::files;
use crate::cli::filter_smime::SignArgs;
use crate::commands::io;
use crate::ctx::Ctx;
use crate::error::{Error, ExitCode, Result};
use crate::mime;
use crate::smime::algorithms::DigestAlg;
use crate::smime::capabilities::Reader;
use crate::smime::compose::{chain_for, unlock};
use crate::smime::sign::{self, Signer};

pub fn run(ctx: &Ctx, args: &SignArgs) -> Result<ExitCode> {
    // openssl signs text with CRLF line ends; neomutt writes LF.
    let content = mime::to_crlf(&io::read_input(Some(&args.input))?).into_owned();
    let keyring = ctx.keyring()?;
    let stored = files::signer(
        ctx,
        keyring,
        args.signer.key.as_deref(),
        args.signer.cert.as_deref(),
    )?;
    let key = unlock(ctx, keyring, &stored)?;
    if let Some(asked) = &args.digest {
        check_digest(asked, sign::digest_for(&key))?;
    }
    let chain = chain_for(keyring, &stored.cert)?;
    let signer = Signer {
        key: &key,
        cert: &stored.cert,
        chain: &chain,
        // The replies are read by neomutt or mutt through this filter.
        reader: Reader::ClassicMailClient,
    };
    let der = sign::sign(&content, &signer, ctx.at, !args.nodetach)?;
    io::write_output(None, &der)?;
    Ok(ExitCode::Ok)
}

/// neomutt writes `micalg` from $smime_sign_digest_alg without asking the
/// signer: a signature made with another digest would carry a false
/// micalg, so the setting must be the key's digest.
fn check_digest(asked: &str, used: DigestAlg) -> Result<()> {
    let name = |d: DigestAlg| d.micalg().replace('-', "");
    if asked.trim().eq_ignore_ascii_case(&name(used)) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "the digest {} (neomutt's $smime_sign_digest_alg, %d) is not the one this key signs \
         with; set smime_sign_digest_alg=\"{}\"",
        crate::safe::Safe(asked),
        name(used)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_names_are_openssls() {
        assert!(check_digest("sha256", DigestAlg::Sha256).is_ok());
        assert!(check_digest("SHA384", DigestAlg::Sha384).is_ok());
        assert!(check_digest("sha1", DigestAlg::Sha256).is_err());
        assert!(check_digest("sha256", DigestAlg::Sha512).is_err());
    }
}
