//! sop's failure modes and their exit codes.
//!
//! These codes are the Stateless OpenPGP contract
//! (draft-dkg-openpgp-stateless-cli-04, section 7 "Failure Modes", plus
//! 83 and 89 from later revisions), not mailseal's exit codes: programs
//! that drive `mailseal sop` switch on them.

use sequoia_openpgp as openpgp;

pub type Result<T, E = SopError> = std::result::Result<T, E>;

/// Everything a sop verb can fail with; each variant has one exit code.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum SopError {
    /// 3: no acceptable signature found (verify, inline-verify).
    #[error("no acceptable signature found")]
    NoSignature,
    /// 13: an asymmetric algorithm we do not implement.
    #[error("unsupported asymmetric algorithm: {0}")]
    UnsupportedAsymmetricAlgo(String),
    /// 17: a certificate without a usable encryption key.
    #[error("certificate cannot encrypt: {0}")]
    CertCannotEncrypt(String),
    /// 19: a required argument is missing.
    #[error("missing required argument: {0}")]
    MissingArg(String),
    /// 23: decrypt --verify-with without --verifications-out.
    #[error("incomplete verification instructions: {0}")]
    IncompleteVerification(String),
    /// 29: none of the keys, passwords or session keys decrypts.
    #[error("cannot decrypt: {0}")]
    CannotDecrypt(String),
    /// 31: a password that is not UTF-8.
    #[error("password is not human-readable: {0}")]
    PasswordNotHumanReadable(String),
    /// 37: an option we do not support.
    #[error("unsupported option: {0}")]
    UnsupportedOption(String),
    /// 41: input that is not what it should be (garbage, wrong type).
    #[error("bad data: {0}")]
    BadData(String),
    /// 53: --as=text with input that is not UTF-8.
    #[error("expected text: {0}")]
    ExpectedText(String),
    /// 59: an output file that already exists.
    #[error("output file already exists: {0}")]
    OutputExists(String),
    /// 61: an input file that does not exist.
    #[error("input file does not exist: {0}")]
    MissingInput(String),
    /// 67: a secret key that no given password unlocks.
    #[error("key is protected by a password and none of the given ones unlocks it: {0}")]
    KeyIsProtected(String),
    /// 69: a verb we do not implement.
    #[error("unsupported subcommand: {0}")]
    UnsupportedSubcommand(String),
    /// 71: an indirect argument starting with an unknown `@` prefix.
    #[error("unsupported special prefix: {0}")]
    UnsupportedSpecialPrefix(String),
    /// 73: an `@` designator that also names an existing file.
    #[error("ambiguous input: {0} is a special designator and an existing file")]
    AmbiguousInput(String),
    /// 79: a key without a usable signing key.
    #[error("key cannot sign: {0}")]
    KeyCannotSign(String),
    /// 83: options that cannot be combined.
    #[error("incompatible options: {0}")]
    IncompatibleOptions(String),
    /// 89: a profile we do not know.
    #[error("unsupported profile: {0}")]
    UnsupportedProfile(String),
    /// 1: anything else (I/O errors on outputs, internal failures).
    #[error("{0}")]
    Other(String),
}

impl SopError {
    /// The exit code of the sop contract for this error.
    pub fn code(&self) -> u8 {
        use SopError::*;
        match self {
            NoSignature => 3,
            UnsupportedAsymmetricAlgo(_) => 13,
            CertCannotEncrypt(_) => 17,
            MissingArg(_) => 19,
            IncompleteVerification(_) => 23,
            CannotDecrypt(_) => 29,
            PasswordNotHumanReadable(_) => 31,
            UnsupportedOption(_) => 37,
            BadData(_) => 41,
            ExpectedText(_) => 53,
            OutputExists(_) => 59,
            MissingInput(_) => 61,
            KeyIsProtected(_) => 67,
            UnsupportedSubcommand(_) => 69,
            UnsupportedSpecialPrefix(_) => 71,
            AmbiguousInput(_) => 73,
            KeyCannotSign(_) => 79,
            IncompatibleOptions(_) => 83,
            UnsupportedProfile(_) => 89,
            Other(_) => 1,
        }
    }

    /// Classifies an error from sequoia-openpgp. Our own errors passed
    /// back through sequoia's helpers keep their code; malformed input
    /// is BAD_DATA; anything else becomes `fallback`.
    pub fn from_openpgp(e: anyhow::Error, fallback: fn(String) -> SopError) -> SopError {
        if let Some(ours) = e.chain().find_map(|c| c.downcast_ref::<SopError>()) {
            return ours.clone();
        }
        let detail = format!("{e:#}");
        if is_bad_data(&e) {
            SopError::BadData(detail)
        } else if let Some(openpgp::Error::UnsupportedPublicKeyAlgorithm(_)) = e.downcast_ref() {
            SopError::UnsupportedAsymmetricAlgo(detail)
        } else {
            fallback(detail)
        }
    }
}

/// Whether sequoia rejected the bytes themselves: malformed packets,
/// messages or certificates, manipulated ciphertext, packets the policy
/// refuses (such as encryption without integrity protection), or
/// truncated input.
fn is_bad_data(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        if let Some(err) = cause.downcast_ref::<openpgp::Error>() {
            use openpgp::Error::*;
            return matches!(
                err,
                MalformedPacket(_)
                    | MalformedMessage(_)
                    | MalformedCert(_)
                    | MalformedMPI(_)
                    | ManipulatedMessage
                    | UnsupportedPacketType(_)
                    | InvalidArgument(_)
                    | PolicyViolation(..)
            );
        }
        cause.downcast_ref::<std::io::Error>().is_some()
    })
}

impl From<std::io::Error> for SopError {
    fn from(e: std::io::Error) -> Self {
        SopError::Other(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_draft() {
        assert_eq!(SopError::NoSignature.code(), 3);
        assert_eq!(SopError::MissingArg(String::new()).code(), 19);
        assert_eq!(SopError::CannotDecrypt(String::new()).code(), 29);
        assert_eq!(SopError::OutputExists(String::new()).code(), 59);
        assert_eq!(SopError::MissingInput(String::new()).code(), 61);
        assert_eq!(SopError::KeyIsProtected(String::new()).code(), 67);
        assert_eq!(SopError::UnsupportedProfile(String::new()).code(), 89);
    }

    #[test]
    fn our_error_survives_a_trip_through_anyhow() {
        let e = anyhow::Error::from(SopError::KeyIsProtected("k".into()));
        let back = SopError::from_openpgp(e, SopError::Other);
        assert_eq!(back.code(), 67);
    }

    #[test]
    fn malformed_input_is_bad_data() {
        let e = anyhow::Error::from(openpgp::Error::MalformedMessage("x".into()));
        assert_eq!(SopError::from_openpgp(e, SopError::Other).code(), 41);
        let e = anyhow::Error::from(openpgp::Error::InvalidOperation("x".into()));
        assert_eq!(SopError::from_openpgp(e, SopError::Other).code(), 1);
    }
}
