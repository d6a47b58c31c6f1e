//! The Stateless OpenPGP interface (`mailseal sop`), following
//! draft-dkg-openpgp-stateless-cli-04 as sqop 0.27 speaks it, plus
//! profiles, `generate-key --signing-only` and `encrypt
//! --session-key-out` from later revisions.
//!
//! sop is stateless: no keyring, no prompts, its own exit codes
//! ([`SopError::code`]). Each operation is a small function over bytes
//! and sequoia-openpgp objects ([`sign_detached`], [`verify_detached`],
//! [`encrypt`], [`decrypt`], ...) that other parts of mailseal can share;
//! [`run`] reads the indirect arguments of one verb and calls them.

pub mod args;
pub mod armor;
pub mod decrypt;
pub mod encrypt;
pub mod errors;
pub mod inline;
pub mod keys;
mod run;
pub mod sign;
pub mod values;
pub mod verify;

pub use armor::{armor, dearmor, ArmorLabel};
pub use decrypt::{decrypt, DecryptRequest, Decrypted};
pub use encrypt::{encrypt, EncryptRequest, Encrypted};
pub use errors::{Result, SopError};
pub use inline::{detach, verify_inline};
pub use keys::{extract_certs, generate_key, KeySpec};
pub use run::{run, Io};
pub use sign::{sign_detached, sign_inline, signing_keypairs, Signed};
pub use values::{EncryptProfile, InlineSignAs, KeyProfile, SignAs, Window};
pub use verify::{verify_detached, Verification};

/// The draft revision `version --sop-spec` names.
pub const SOP_SPEC: &str = "draft-dkg-openpgp-stateless-cli-04";
