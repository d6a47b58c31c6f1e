//! Tests of the OpenPGP layer: round trips, interoperability with the
//! real `gpg` and `sqop`, negative cases and malformed input.

mod crafted;
mod gpg;
mod negative;
mod perf;
mod prop;
mod roundtrip;
mod sqop;
mod unlock;
pub(crate) mod util;
