//! S/MIME (RFC 8551) on CMS (RFC 5652): SignedData, EnvelopedData and
//! AuthEnvelopedData, built and checked from DER.

pub mod algorithms;
pub mod attrs;
pub mod ber;
pub mod capabilities;
pub mod cert;
pub mod cipher_choice;
pub mod compose;
pub mod content_cipher;
pub mod decrypt;
pub mod encrypt;
pub mod envelope;
pub mod kari;
pub mod key;
pub mod ktri;
pub mod open;
pub mod recipients;
pub mod rsa_key;
pub mod sigcheck;
pub mod sign;
pub mod signed_view;
pub mod verify;
