//! S/MIME (RFC 8551) on CMS (RFC 5652): SignedData, EnvelopedData and
//! AuthEnvelopedData, built and checked from DER.

pub mod ber;
pub mod cert;
pub mod compose;
pub mod decrypt;
pub mod encrypt;
pub mod key;
pub mod open;
pub mod sign;
pub mod verify;
