//! S/MIME (RFC 8551) on CMS (RFC 5652): SignedData, EnvelopedData and
//! AuthEnvelopedData, built and checked from DER.

pub mod ber;
pub mod cert;
pub mod content_cipher;
pub mod decrypt;
pub mod encrypt;
pub mod envelope;
pub mod kari;
pub mod key;
pub mod ktri;
pub mod sign;
pub mod verify;
