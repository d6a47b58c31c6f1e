//! mailseal: end-to-end e-mail security for S/MIME and OpenPGP from one keyring.
//!
//! The library holds everything; the `mailseal` binary only parses arguments
//! and dispatches to [`commands`].
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod compose;
pub mod config;
pub mod ctx;
pub mod error;
pub mod keyring;
pub mod mailbox;
pub mod message;
pub mod mime;
pub mod openpgp;
pub mod passphrase;
pub mod policy;
pub mod report;
pub mod safe;
pub mod send;
pub mod smime;
pub mod sop;
pub mod time;
pub mod trust;

pub use ctx::Ctx;
pub use error::{Error, ExitCode, Result};
