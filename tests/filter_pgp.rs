//! `mailseal filter pgp`: the OpenPGP backend for neomutt's and mutt's
//! classic crypto (`pgp_*_command`), driven as the client drives it:
//! parts with CRLF (verify) or LF (sign, encrypt) line ends, detached
//! armored signatures made by gpg and by mailseal, the passphrase on
//! standard input, status lines on the descriptor named. Every case
//! asserts the exit code and the exact status lines; a signature that
//! is bad, untrusted, weak or unknown never yields GOODSIG, and a
//! failed decryption never yields DECRYPTION_OKAY or plaintext.

mod common;

#[path = "filter_pgp/incoming.rs"]
mod incoming;
#[path = "filter_pgp/keys.rs"]
mod keys;
#[path = "filter_pgp/outgoing.rs"]
mod outgoing;
#[path = "filter_pgp/verify.rs"]
mod verify;
#[path = "filter_pgp/world.rs"]
mod world;
