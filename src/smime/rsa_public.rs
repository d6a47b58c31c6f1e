//! The RSA public-key operation for key transport to 2048-bit keys, the
//! size nearly every S/MIME certificate has.
//!
//! Encrypting to many recipients is dominated by `m^e mod n`; the general
//! big-integer code of the `rsa` crate spends about 65 us on one 2048-bit
//! operation. Here the modulus has a fixed width of 32 limbs
//! ([`super::montgomery`]), and for `e = 65537` one operation is 18
//! Montgomery products, 16 of them squarings, plus preparing the key (`R^2
//! mod n` by long division, half a product): about 20 us. Every product
//! does the same work whatever the operands are, so the padded message
//! (which holds the content key) does not show in the timing; only the
//! public exponent decides the sequence of squarings and multiplications.
//! Padding (RFC 8017 sections 7.1.1 and 7.2.1) is done here too, so the
//! whole encryption bypasses the general code.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::montgomery::{less_than, Limbs, Modulus, LIMBS};
use crate::error::{Error, Result};

/// Bytes in a 2048-bit modulus.
pub const MODULUS_BYTES: usize = LIMBS * 8;

/// A 2048-bit RSA public key prepared for Montgomery arithmetic.
pub struct RsaPublic2048 {
    n: Modulus,
    e: u64,
}

impl RsaPublic2048 {
    /// Prepares the key with big-endian modulus `n` and exponent `e`;
    /// `None` unless `n` is odd and exactly 2048 bits long and `e` is odd,
    /// above 1 and fits 64 bits (callers then use the general code).
    pub fn new(n: &[u8], e: &[u8]) -> Option<Self> {
        let n = strip_zeros(n);
        let e = strip_zeros(e);
        if e.is_empty() || e.len() > 8 {
            return None;
        }
        let e = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        if e < 3 || e & 1 == 0 {
            return None;
        }
        Some(RsaPublic2048 {
            n: Modulus::new(from_be(n)?)?,
            e,
        })
    }

    /// `em^e mod n` for a big-endian `em` of exactly 256 bytes that is
    /// smaller than `n` (true of every padded message: it starts with 0).
    ///
    /// Left-to-right binary exponentiation in Montgomery form, except that
    /// the last multiplication (`e` is odd) takes `em` as it is, which
    /// leaves Montgomery form at once: `(x R) em / R = x em`.
    pub fn encrypt_raw(&self, em: &[u8]) -> Result<[u8; MODULUS_BYTES]> {
        let m = from_be(em).ok_or_else(|| Error::Crypto("RSA input has the wrong size".into()))?;
        if !less_than(&m, self.n.n()) {
            return Err(Error::Crypto("RSA input is not below the modulus".into()));
        }
        let m = Zeroizing::new(m);
        let base = Zeroizing::new(self.n.to_montgomery(&m));
        let mut acc = Zeroizing::new(*base);
        let top = 63 - self.e.leading_zeros();
        for bit in (1..top).rev() {
            *acc = self.n.sqr(&acc);
            if (self.e >> bit) & 1 == 1 {
                *acc = self.n.mul(&acc, &base);
            }
        }
        *acc = self.n.sqr(&acc);
        Ok(to_be(&self.n.mul(&acc, &m)))
    }

    /// RSAES-PKCS1-v1_5 encryption of `msg` (RFC 8017 section 7.2.1).
    pub fn encrypt_pkcs1v15(&self, msg: &[u8]) -> Result<[u8; MODULUS_BYTES]> {
        self.encrypt_raw(&pkcs1v15_pad(msg)?)
    }

    /// RSAES-OAEP encryption of `msg` with SHA-256 for the label hash and
    /// MGF1, and an empty label (RFC 8017 section 7.1.1).
    pub fn encrypt_oaep_sha256(&self, msg: &[u8]) -> Result<[u8; MODULUS_BYTES]> {
        self.encrypt_raw(&oaep_sha256_pad(msg)?)
    }
}

/// PKCS#1 v1.5 type 2: `0x00 || 0x02 || PS || 0x00 || msg`, PS random and
/// non-zero, at least 8 bytes.
fn pkcs1v15_pad(msg: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let k = MODULUS_BYTES;
    if msg.len() + 11 > k {
        return Err(Error::Crypto(
            "the key is too long for RSA PKCS#1 v1.5".into(),
        ));
    }
    let mut em = Zeroizing::new(vec![0u8; k]);
    em[1] = 2;
    let ps_end = k - msg.len() - 1;
    for b in &mut em[2..ps_end] {
        *b = non_zero_random_byte();
    }
    em[ps_end + 1..].copy_from_slice(msg);
    Ok(em)
}

fn non_zero_random_byte() -> u8 {
    loop {
        let b: u8 = rand::random();
        if b != 0 {
            return b;
        }
    }
}

/// EME-OAEP: `0x00 || maskedSeed || maskedDB` with
/// `DB = lHash || PS || 0x01 || msg`.
fn oaep_sha256_pad(msg: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    const H: usize = 32;
    let k = MODULUS_BYTES;
    if msg.len() + 2 * H + 2 > k {
        return Err(Error::Crypto("the key is too long for RSA-OAEP".into()));
    }
    let mut em = Zeroizing::new(vec![0u8; k]);
    let (seed, db) = em[1..].split_at_mut(H);
    rand::fill(seed);
    db[..H].copy_from_slice(&Sha256::digest(b""));
    let one = db.len() - msg.len() - 1;
    db[one] = 1;
    db[one + 1..].copy_from_slice(msg);
    mgf1_sha256_xor(db, seed);
    mgf1_sha256_xor(seed, db);
    Ok(em)
}

/// `out ^= MGF1-SHA256(seed, out.len())`.
fn mgf1_sha256_xor(out: &mut [u8], seed: &[u8]) {
    for (counter, chunk) in out.chunks_mut(32).enumerate() {
        let mut h = Sha256::new();
        h.update(seed);
        h.update((counter as u32).to_be_bytes());
        for (o, m) in chunk.iter_mut().zip(h.finalize()) {
            *o ^= m;
        }
    }
}

fn strip_zeros(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[start..]
}

fn from_be(b: &[u8]) -> Option<Limbs> {
    if b.len() != MODULUS_BYTES {
        return None;
    }
    let mut out = [0u64; LIMBS];
    for (limb, chunk) in out.iter_mut().zip(b.rchunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        *limb = u64::from_be_bytes(word);
    }
    Some(out)
}

fn to_be(x: &Limbs) -> [u8; MODULUS_BYTES] {
    let mut out = [0u8; MODULUS_BYTES];
    for (chunk, limb) in out.rchunks_exact_mut(8).zip(x) {
        chunk.copy_from_slice(&limb.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::traits::PublicKeyParts;
    use rsa::{Oaep, Pkcs1v15Encrypt, RsaPrivateKey};

    fn key() -> (RsaPrivateKey, RsaPublic2048) {
        let private = RsaPrivateKey::new(&mut rand::rng(), 2048).unwrap();
        let n = private.n().to_be_bytes();
        let e = private.e().to_be_bytes();
        let fast = RsaPublic2048::new(&n, &e).unwrap();
        (private, fast)
    }

    #[test]
    fn raw_operation_inverts_with_the_private_key() {
        let (private, fast) = key();
        for fill in [0x01u8, 0x5a, 0xff] {
            // A fixed PKCS#1 v1.5 block, so the private key's unpadding
            // checks the whole raw result.
            let mut em = vec![fill; MODULUS_BYTES];
            em[0] = 0;
            em[1] = 2;
            em[MODULUS_BYTES - 33] = 0;
            em[MODULUS_BYTES - 1] = 0x42;
            let c = fast.encrypt_raw(&em).unwrap();
            let plain = private.decrypt(Pkcs1v15Encrypt, &c).unwrap();
            assert_eq!(plain, &em[MODULUS_BYTES - 32..]);
        }
    }

    #[test]
    fn paddings_decrypt_with_the_private_key() {
        let (private, fast) = key();
        let cek = [0xA5u8; 32];
        let c = fast.encrypt_pkcs1v15(&cek).unwrap();
        assert_eq!(private.decrypt(Pkcs1v15Encrypt, &c).unwrap(), cek);
        let c = fast.encrypt_oaep_sha256(&cek).unwrap();
        let oaep = Oaep::<sha2::Sha256>::new();
        assert_eq!(private.decrypt(oaep, &c).unwrap(), cek);
        // Randomised: two encryptions differ.
        assert_ne!(fast.encrypt_pkcs1v15(&cek).unwrap(), c);
    }

    /// `m^e mod n` by square-and-multiply with the `rsa` crate's integers.
    fn pow_mod_reference(m: &[u8], e: u64, n: &[u8]) -> Vec<u8> {
        use rsa::BoxedUint;
        let n = BoxedUint::from_be_slice(n, 2048).unwrap().to_nz().unwrap();
        let m = BoxedUint::from_be_slice(m, 2048).unwrap();
        // Products are taken at twice the width, so they do not wrap.
        let wide = |x: &BoxedUint| {
            BoxedUint::from_words_with_precision(x.as_words().iter().copied(), 4096)
        };
        let mut acc = BoxedUint::one_with_precision(2048);
        for bit in (0..64).rev() {
            acc = wide(&acc).wrapping_mul(&acc).rem(&n);
            if (e >> bit) & 1 == 1 {
                acc = wide(&acc).wrapping_mul(&m).rem(&n);
            }
        }
        acc.to_be_bytes().to_vec()
    }

    #[test]
    fn raw_operation_matches_the_rsa_crate_for_several_exponents() {
        // Any odd 2048-bit modulus will do for the arithmetic.
        let mut n = [0u8; MODULUS_BYTES];
        rand::fill(&mut n[..]);
        n[0] |= 0x80;
        n[MODULUS_BYTES - 1] |= 1;
        for e in [3u64, 17, 65537, (1 << 32) + 1, u64::MAX] {
            let key = RsaPublic2048::new(&n, &e.to_be_bytes()).unwrap();
            for fill in [0u8, 0x01, 0x7f] {
                let mut em = [fill; MODULUS_BYTES];
                em[0] = 0;
                em[MODULUS_BYTES - 1] = 0x42;
                let ours = key.encrypt_raw(&em).unwrap();
                assert_eq!(ours.to_vec(), pow_mod_reference(&em, e, &n), "e = {e}");
            }
        }
    }

    #[test]
    fn fail_unsuitable_keys_and_inputs() {
        let (private, fast) = key();
        let n = private.n().to_be_bytes();
        assert!(RsaPublic2048::new(&n[1..], &[1, 0, 1]).is_none());
        assert!(RsaPublic2048::new(&n, &[2]).is_none());
        assert!(RsaPublic2048::new(&n, &[]).is_none());
        let mut even = n.to_vec();
        even[MODULUS_BYTES - 1] &= 0xfe;
        assert!(RsaPublic2048::new(&even, &[1, 0, 1]).is_none());
        assert!(fast.encrypt_raw(&n).is_err());
        assert!(fast.encrypt_raw(&[0u8; 10]).is_err());
        assert!(fast.encrypt_pkcs1v15(&[0u8; 250]).is_err());
        assert!(fast.encrypt_oaep_sha256(&[0u8; 200]).is_err());
    }
}
