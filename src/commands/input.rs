//! The message that sign and encrypt protect, checked to be an RFC 5322
//! message before anything else happens (SPEC section 2).

use crate::error::Result;
use crate::mime;

/// `raw` as the message to protect; refused ([`crate::Error::NotAMessage`])
/// unless it is one, so that nothing of it can end up in the unprotected
/// outer header.
pub fn message(raw: Vec<u8>) -> Result<Vec<u8>> {
    mime::split_message(&raw)?;
    Ok(raw)
}
