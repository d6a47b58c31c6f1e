//! The symmetric cipher of an encrypted message: one that every
//! recipient's certificate lists among its preferred symmetric
//! algorithms (RFC 9580 section 5.2.3.14, as Sequoia reads them from the
//! primary user ID's binding signature or else the direct key
//! signature).
//!
//! AES-128 counts as listed by everyone: RFC 9580 (section 13.2) makes it
//! the algorithm every implementation must have, "tacitly at the end" of
//! every list, and a certificate that lists nothing gets it alone. RFC
//! 4880 said the same of Triple DES, which we do not write: GnuPG 2.2,
//! Sequoia and every other implementation in use read AES-128, and an
//! RFC 4880 key listing only CAST5 or Triple DES would be one whose
//! owner's software predates AES (1999).
//!
//! The same choice serves SEIPD v2, whose mode is OCB, the one RFC 9580
//! requires of everyone; the AEAD ciphersuite preferences are not read.

use sequoia_openpgp as openpgp;

use openpgp::cert::{Preferences, ValidCert};
use openpgp::types::SymmetricAlgorithm;

/// The ciphers we write, best first.
const WRITTEN: [SymmetricAlgorithm; 3] = [
    SymmetricAlgorithm::AES256,
    SymmetricAlgorithm::AES192,
    SymmetricAlgorithm::AES128,
];

/// What every implementation reads (RFC 9580 section 13.2).
pub const IMPLIED: SymmetricAlgorithm = SymmetricAlgorithm::AES128;

/// A set of symmetric algorithms by their identifier: bit `n` for
/// identifier `n` (RFC 9580 section 9.3). Identifiers from 32 up
/// (private and experimental ones) are never written by us and are left
/// out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ciphers(u32);

impl Ciphers {
    /// What a certificate lists, with AES-128 added.
    pub fn of(valid: &ValidCert<'_>) -> Ciphers {
        Ciphers::listed(valid.preferred_symmetric_algorithms().unwrap_or_default())
    }

    /// The algorithms of `list`, with AES-128 added.
    pub fn listed(list: &[SymmetricAlgorithm]) -> Ciphers {
        let mut bits = bit(IMPLIED);
        for algo in list {
            bits |= bit(*algo);
        }
        Ciphers(bits)
    }

    /// The set as kept in the keyring.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// A kept set: AES-128 is in it whatever was kept.
    pub fn from_bits(bits: u32) -> Ciphers {
        Ciphers(bits | bit(IMPLIED))
    }

    fn has(self, algo: SymmetricAlgorithm) -> bool {
        self.0 & bit(algo) != 0
    }
}

fn bit(algo: SymmetricAlgorithm) -> u32 {
    let id = u8::from(algo);
    1u32.checked_shl(u32::from(id)).unwrap_or(0)
}

/// The best cipher we write that every one of `sets` holds; AES-128 when
/// they share no better one. With no set at all (only passwords), the
/// best we write.
pub fn choose(sets: impl IntoIterator<Item = Ciphers>) -> SymmetricAlgorithm {
    let common = sets.into_iter().fold(u32::MAX, |acc, set| acc & set.bits());
    let common = Ciphers(common);
    WRITTEN
        .into_iter()
        .find(|a| common.has(*a))
        .unwrap_or(IMPLIED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SymmetricAlgorithm::*;

    // What old keys list: RFC 4880's Triple DES and CAST5.
    #[allow(deprecated)]
    const OLD: [SymmetricAlgorithm; 2] = [CAST5, TripleDES];

    #[test]
    fn the_best_cipher_every_recipient_lists() {
        let both = Ciphers::listed(&[AES256, AES128]);
        let gpg = Ciphers::listed(&[AES256, AES192, AES128, OLD[1]]);
        assert_eq!(choose([both, gpg]), AES256);
        let only_128 = Ciphers::listed(&[AES128]);
        assert_eq!(choose([both, gpg, only_128]), AES128);
        let only_192 = Ciphers::listed(&[AES192]);
        assert_eq!(choose([gpg, only_192]), AES192);
        assert_eq!(choose([]), AES256, "passwords only");
    }

    #[test]
    fn aes_128_is_implied_in_every_list() {
        for list in [&[][..], &OLD, &[Twofish], &[Private(101)]] {
            let set = Ciphers::listed(list);
            assert_eq!(choose([set]), AES128, "{list:?}");
            assert_eq!(choose([set, Ciphers::listed(&[AES256])]), AES128);
        }
        // Nothing we write in common but AES-128.
        let a = Ciphers::listed(&[AES256]);
        let b = Ciphers::listed(&[AES192]);
        assert_eq!(choose([a, b]), AES128);
    }

    #[test]
    fn a_kept_set_reads_back_as_it_was() {
        let set = Ciphers::listed(&[AES256, Camellia256, AES128]);
        assert_eq!(Ciphers::from_bits(set.bits()), set);
        assert_eq!(Ciphers::from_bits(0), Ciphers::listed(&[]));
        assert_eq!(
            Ciphers::listed(&[Private(110), Unknown(200)]),
            Ciphers::listed(&[])
        );
    }
}
