//! `mailseal encrypt`

use super::{io, requested_protocol};
use crate::cli::{CipherArg, EncryptArgs, KeyTransportArg};
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::smime::compose::{encrypt_message, EncryptOptions, SignOptions};
use crate::smime::encrypt::{Cipher, RsaPadding};

pub fn dispatch(ctx: &Ctx, args: EncryptArgs) -> Result<ExitCode> {
    requested_protocol(&args.protocol)?;
    let raw = io::read_input(args.io.input.as_deref())?;
    let opts = EncryptOptions {
        recipients: &args.recipients,
        include_self: !args.no_self,
        sign: args.sign.then_some(SignOptions {
            signer: args.signer.as_deref(),
            opaque: false,
        }),
        cipher: match args.cipher {
            CipherArg::Aes256Gcm => Cipher::Aes256Gcm,
            CipherArg::Aes256Cbc => Cipher::Aes256Cbc,
        },
        padding: match args.key_transport {
            KeyTransportArg::Pkcs1 => RsaPadding::Pkcs1v15,
            KeyTransportArg::Oaep => RsaPadding::Oaep,
        },
        trust_any: args.trust_any,
    };
    let encrypted = encrypt_message(ctx, &raw, &opts)?;
    io::write_output(args.io.output.as_deref(), &encrypted)?;
    Ok(ExitCode::Ok)
}
