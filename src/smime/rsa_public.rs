//! The RSA public-key operation for key transport to 2048-bit keys, the
//! size nearly every S/MIME certificate has.
//!
//! Encrypting to many recipients is dominated by `m^e mod n`; the general
//! big-integer code of the `rsa` crate spends about 65 us on one 2048-bit
//! operation. Here the modulus has a fixed width of 32 limbs, so the
//! Montgomery multiplication (CIOS, Koç et al. 1996) runs over arrays the
//! compiler unrolls, about 40 us per operation in all. Every step does the
//! same work whatever the operands are, including the final subtraction, so
//! the padded message (which holds the content key) does not show in the
//! timing; only the public exponent decides the sequence of squarings.
//! Padding (RFC 8017 sections 7.1.1 and 7.2.1) is done here too, so the
//! whole encryption bypasses the general code.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Limbs of 64 bits in a 2048-bit modulus.
const LIMBS: usize = 32;
/// Bytes in a 2048-bit modulus.
pub const MODULUS_BYTES: usize = LIMBS * 8;

type Limbs = [u64; LIMBS];

/// A 2048-bit RSA public key prepared for Montgomery arithmetic.
pub struct RsaPublic2048 {
    /// The modulus, least significant limb first.
    n: Limbs,
    /// `-n^-1 mod 2^64`.
    n0inv: u64,
    /// `R^2 mod n` with `R = 2^2048`: converts into Montgomery form.
    rr: Limbs,
    e: u64,
}

impl RsaPublic2048 {
    /// Prepares the key with big-endian modulus `n` and exponent `e`;
    /// `None` unless `n` is odd and exactly 2048 bits long and `e` is odd,
    /// above 1 and fits 64 bits (callers then use the general code).
    pub fn new(n: &[u8], e: &[u8]) -> Option<Self> {
        let n = strip_zeros(n);
        let e = strip_zeros(e);
        if n.len() != MODULUS_BYTES || n[0] < 0x80 || n[MODULUS_BYTES - 1] & 1 == 0 {
            return None;
        }
        if e.is_empty() || e.len() > 8 {
            return None;
        }
        let e = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        if e < 3 || e & 1 == 0 {
            return None;
        }
        let n = from_be(n)?;
        let n0inv = neg_inverse(n[0]);
        let mut key = RsaPublic2048 {
            n,
            n0inv,
            rr: [0; LIMBS],
            e,
        };
        key.rr = key.r_squared();
        Some(key)
    }

    /// `em^e mod n` for a big-endian `em` of exactly 256 bytes that is
    /// smaller than `n` (true of every padded message: it starts with 0).
    pub fn encrypt_raw(&self, em: &[u8]) -> Result<[u8; MODULUS_BYTES]> {
        let m = from_be(em).ok_or_else(|| Error::Crypto("RSA input has the wrong size".into()))?;
        if !less_than(&m, &self.n) {
            return Err(Error::Crypto("RSA input is not below the modulus".into()));
        }
        let base = self.mul(&m, &self.rr);
        let mut acc = base;
        let top = 63 - self.e.leading_zeros();
        for bit in (0..top).rev() {
            acc = self.mul(&acc, &acc);
            if (self.e >> bit) & 1 == 1 {
                acc = self.mul(&acc, &base);
            }
        }
        let mut one = [0u64; LIMBS];
        one[0] = 1;
        Ok(to_be(&self.mul(&acc, &one)))
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

    /// Montgomery product `a * b / R mod n`.
    fn mul(&self, a: &Limbs, b: &Limbs) -> Limbs {
        let n = &self.n;
        let mut t = [0u64; LIMBS + 2];
        for &bi in b {
            let mut carry = 0;
            for j in 0..LIMBS {
                (t[j], carry) = mac(t[j], a[j], bi, carry);
            }
            let (lo, hi) = add(t[LIMBS], carry);
            t[LIMBS] = lo;
            t[LIMBS + 1] = hi;
            let m = t[0].wrapping_mul(self.n0inv);
            let (_, mut carry) = mac(t[0], m, n[0], 0);
            for j in 1..LIMBS {
                (t[j - 1], carry) = mac(t[j], m, n[j], carry);
            }
            let (lo, hi) = add(t[LIMBS], carry);
            t[LIMBS - 1] = lo;
            t[LIMBS] = t[LIMBS + 1] + hi;
        }
        reduce_once(&t, n)
    }

    /// `R^2 mod n`: `R mod n` doubled 64 times is `2^64 R`; five Montgomery
    /// squarings take it to `2^2048 R = R^2`. `n` is public, so the
    /// data-dependent doubling is harmless.
    fn r_squared(&self) -> Limbs {
        let mut x = negate(&self.n); // R - n = R mod n, as n > R/2
        for _ in 0..64 {
            let overflow = shl1(&mut x);
            if overflow || !less_than(&x, &self.n) {
                sub_in_place(&mut x, &self.n);
            }
        }
        for _ in 0..5 {
            x = self.mul(&x, &x);
        }
        x
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

/// `t + a * b + carry` as (low, high) limbs.
#[inline(always)]
fn mac(t: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
    let r = u128::from(t) + u128::from(a) * u128::from(b) + u128::from(carry);
    (r as u64, (r >> 64) as u64)
}

#[inline(always)]
fn add(a: u64, b: u64) -> (u64, u64) {
    let r = u128::from(a) + u128::from(b);
    (r as u64, (r >> 64) as u64)
}

/// `t mod n` for `t < 2n` (`LIMBS + 1` significant limbs), computing the
/// subtraction always and selecting with a mask: no branch on the value.
fn reduce_once(t: &[u64; LIMBS + 2], n: &Limbs) -> Limbs {
    let mut diff = [0u64; LIMBS];
    let mut borrow = 0u64;
    for j in 0..LIMBS {
        let (d, b1) = t[j].overflowing_sub(n[j]);
        let (d, b2) = d.overflowing_sub(borrow);
        diff[j] = d;
        borrow = u64::from(b1 | b2);
    }
    let (_, under) = t[LIMBS].overflowing_sub(borrow);
    let keep_t = u64::from(under).wrapping_neg();
    let mut out = [0u64; LIMBS];
    for j in 0..LIMBS {
        out[j] = (t[j] & keep_t) | (diff[j] & !keep_t);
    }
    out
}

/// `-n0^-1 mod 2^64` by Newton's iteration (each step doubles the
/// correct low bits; n0 is odd).
fn neg_inverse(n0: u64) -> u64 {
    let mut inv: u64 = 1;
    for _ in 0..6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
    }
    inv.wrapping_neg()
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

fn less_than(a: &Limbs, b: &Limbs) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

/// `2^2048 - x`.
fn negate(x: &Limbs) -> Limbs {
    let mut out = [0u64; LIMBS];
    let mut borrow = 0u64;
    for j in 0..LIMBS {
        let (d, b1) = 0u64.overflowing_sub(x[j]);
        let (d, b2) = d.overflowing_sub(borrow);
        out[j] = d;
        borrow = u64::from(b1 | b2);
    }
    out
}

/// Doubles `x`; true if a bit was shifted out of the top.
fn shl1(x: &mut Limbs) -> bool {
    let mut carry = 0;
    for limb in x.iter_mut() {
        let next = *limb >> 63;
        *limb = (*limb << 1) | carry;
        carry = next;
    }
    carry == 1
}

fn sub_in_place(x: &mut Limbs, n: &Limbs) {
    let mut borrow = 0u64;
    for j in 0..LIMBS {
        let (d, b1) = x[j].overflowing_sub(n[j]);
        let (d, b2) = d.overflowing_sub(borrow);
        x[j] = d;
        borrow = u64::from(b1 | b2);
    }
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
