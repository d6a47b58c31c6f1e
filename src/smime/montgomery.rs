//! Montgomery arithmetic modulo a 2048-bit odd number, in fixed-width
//! arrays of 32 64-bit limbs (least significant first) that the compiler
//! unrolls: what the RSA public-key operation of [`super::rsa_public`]
//! is made of.
//!
//! The products ([`Modulus::mul`], [`Modulus::sqr`]) do the same work
//! whatever their operands are, including the final subtraction, so a
//! secret operand (the padded content key) does not show in the timing.
//! Preparing a modulus ([`Modulus::new`]) depends on the public modulus
//! only and may branch on it.

/// Limbs of 64 bits in a 2048-bit number.
pub const LIMBS: usize = 32;

pub type Limbs = [u64; LIMBS];

/// A 2048-bit odd modulus (top bit set) prepared for Montgomery products
/// with `R = 2^2048`.
pub struct Modulus {
    n: Limbs,
    /// `-n^-1 mod 2^64`.
    n0inv: u64,
    /// `R^2 mod n`: converts into Montgomery form.
    rr: Limbs,
}

impl Modulus {
    /// `None` unless `n` is odd and its top bit is set.
    pub fn new(n: Limbs) -> Option<Modulus> {
        if n[0] & 1 == 0 || n[LIMBS - 1] >> 63 == 0 {
            return None;
        }
        Some(Modulus {
            n0inv: neg_inverse(n[0]),
            rr: r_squared(&n),
            n,
        })
    }

    pub fn n(&self) -> &Limbs {
        &self.n
    }

    /// `a R mod n` for `a < n`: into Montgomery form.
    pub fn to_montgomery(&self, a: &Limbs) -> Limbs {
        self.mul(a, &self.rr)
    }

    /// Montgomery product `a b / R mod n` for `a, b < n` (CIOS, Koç et al.
    /// 1996).
    pub fn mul(&self, a: &Limbs, b: &Limbs) -> Limbs {
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
        let mut low = [0u64; LIMBS];
        low.copy_from_slice(&t[..LIMBS]);
        reduce_once(&low, t[LIMBS], n)
    }

    /// Montgomery square `a^2 / R mod n` for `a < n`: the full square
    /// with each cross product computed once and doubled (about a quarter
    /// fewer limb products than [`Modulus::mul`]), then a separate
    /// Montgomery reduction.
    pub fn sqr(&self, a: &Limbs) -> Limbs {
        let mut t = [0u64; 2 * LIMBS];
        // Cross products a_i a_j, i < j.
        for i in 0..LIMBS {
            let mut carry = 0;
            for j in i + 1..LIMBS {
                (t[i + j], carry) = mac(t[i + j], a[i], a[j], carry);
            }
            t[i + LIMBS] = carry;
        }
        // Doubled; nothing is shifted out, as the doubled sum is below a^2.
        let mut top = 0;
        for limb in t.iter_mut() {
            let next = *limb >> 63;
            *limb = (*limb << 1) | top;
            top = next;
        }
        // Plus the squares a_i^2 on the diagonal.
        let mut carry = 0;
        for i in 0..LIMBS {
            let (lo, c) = mac(t[2 * i], a[i], a[i], carry);
            let (hi, c2) = add(t[2 * i + 1], c);
            t[2 * i] = lo;
            t[2 * i + 1] = hi;
            carry = c2;
        }
        self.redc(&t)
    }

    /// Montgomery reduction `t / R mod n` of a double-width `t < n R`.
    fn redc(&self, t: &[u64; 2 * LIMBS]) -> Limbs {
        let n = &self.n;
        let mut t = *t;
        // The carry out of limb i + LIMBS, added in at the next step.
        let mut pending = 0;
        for i in 0..LIMBS {
            let m = t[i].wrapping_mul(self.n0inv);
            let mut carry = 0;
            for j in 0..LIMBS {
                (t[i + j], carry) = mac(t[i + j], m, n[j], carry);
            }
            let (s, c1) = add(t[i + LIMBS], carry);
            let (s, c2) = add(s, pending);
            t[i + LIMBS] = s;
            pending = c1 + c2;
        }
        let mut high = [0u64; LIMBS];
        high.copy_from_slice(&t[LIMBS..]);
        reduce_once(&high, pending, n)
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

/// `(top 2^2048 + t) mod n` for a value below `2n`, computing the
/// subtraction always and selecting with a mask: no branch on the value.
fn reduce_once(t: &Limbs, top: u64, n: &Limbs) -> Limbs {
    let mut diff = [0u64; LIMBS];
    let mut borrow = 0u64;
    for j in 0..LIMBS {
        let (d, b1) = t[j].overflowing_sub(n[j]);
        let (d, b2) = d.overflowing_sub(borrow);
        diff[j] = d;
        borrow = u64::from(b1 | b2);
    }
    let (_, under) = top.overflowing_sub(borrow);
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

/// `R^2 mod n`: `R mod n` (which is `R - n`, as `n > R/2`) shifted up by
/// one limb and reduced, 32 times. Each reduction is one step of long
/// division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) with a divisor whose
/// top bit is set, so the estimated quotient digit is at most 2 too
/// large. About half a Montgomery product in all; `n` is public, so the
/// corrections may branch.
fn r_squared(n: &Limbs) -> Limbs {
    let mut x = negate(n);
    for _ in 0..LIMBS {
        x = shift_limb_mod(&x, n);
    }
    x
}

/// `x 2^64 mod n` for `x < n`.
fn shift_limb_mod(x: &Limbs, n: &Limbs) -> Limbs {
    let top = n[LIMBS - 1];
    let q = if x[LIMBS - 1] >= top {
        u64::MAX
    } else {
        let num = (u128::from(x[LIMBS - 1]) << 64) | u128::from(x[LIMBS - 2]);
        (num / u128::from(top)) as u64
    };
    // r = x 2^64 - q n over LIMBS + 1 limbs; the shifted x has limbs
    // 0, x[0], ..., x[LIMBS - 1].
    let mut r = [0u64; LIMBS];
    let mut mul_carry = 0u64;
    let mut borrow = false;
    for j in 0..LIMBS {
        let p = u128::from(q) * u128::from(n[j]) + u128::from(mul_carry);
        mul_carry = (p >> 64) as u64;
        let y = if j == 0 { 0 } else { x[j - 1] };
        let (d, b1) = y.overflowing_sub(p as u64);
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        r[j] = d;
        borrow = b1 | b2;
    }
    let (d, b1) = x[LIMBS - 1].overflowing_sub(mul_carry);
    let (mut r_top, b2) = d.overflowing_sub(u64::from(borrow));
    let mut negative = b1 | b2;
    // The estimate is never too small and at most 2 too large.
    for _ in 0..2 {
        if !negative {
            break;
        }
        let mut carry = 0;
        for j in 0..LIMBS {
            let s = u128::from(r[j]) + u128::from(n[j]) + u128::from(carry);
            r[j] = s as u64;
            carry = (s >> 64) as u64;
        }
        let (s, wrapped) = r_top.overflowing_add(carry);
        r_top = s;
        negative = !wrapped;
    }
    r
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

/// Whether `a < b`; variable time, for public values.
pub fn less_than(a: &Limbs, b: &Limbs) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::BoxedUint;

    const BITS: u32 = 2048;

    fn to_big(x: &Limbs) -> BoxedUint {
        BoxedUint::from_words_with_precision(x.iter().copied(), BITS)
    }

    fn from_big(x: &BoxedUint) -> Limbs {
        let mut out = [0u64; LIMBS];
        for (o, w) in out.iter_mut().zip(x.as_words()) {
            *o = *w;
        }
        out
    }

    fn random_modulus() -> Limbs {
        let mut n = [0u64; LIMBS];
        for limb in &mut n {
            *limb = rand::random();
        }
        n[0] |= 1;
        n[LIMBS - 1] |= 1 << 63;
        n
    }

    fn random_below(n: &Limbs) -> Limbs {
        let mut x = [0u64; LIMBS];
        for limb in &mut x {
            *limb = rand::random();
        }
        x[LIMBS - 1] %= n[LIMBS - 1];
        x
    }

    /// `a b mod n` with the `rsa` crate's big integers.
    fn mul_mod_reference(a: &Limbs, b: &Limbs, n: &Limbs) -> Limbs {
        // Twice the width, so the product does not wrap.
        let wide = BoxedUint::from_words_with_precision(a.iter().copied(), 2 * BITS);
        let product = wide.wrapping_mul(to_big(b));
        let modulus = to_big(n).to_nz().unwrap();
        from_big(&product.rem(&modulus))
    }

    /// Extreme moduli too: smallest and largest top limbs, all ones.
    fn moduli() -> Vec<Limbs> {
        let mut all = vec![[u64::MAX; LIMBS]];
        let mut small = [0u64; LIMBS];
        small[0] = 1;
        small[LIMBS - 1] = 1 << 63;
        all.push(small);
        let mut low_top = random_modulus();
        low_top[LIMBS - 1] = 1 << 63;
        all.push(low_top);
        all.extend((0..20).map(|_| random_modulus()));
        all
    }

    #[test]
    fn r_squared_matches_the_rsa_crate() {
        for n in moduli() {
            let m = Modulus::new(n).unwrap();
            let r_mod_n = negate(&n); // R - n, below n as n > R/2
            assert!(less_than(&r_mod_n, &n));
            assert_eq!(m.rr, mul_mod_reference(&r_mod_n, &r_mod_n, &n));
        }
    }

    #[test]
    fn products_and_squares_match_the_rsa_crate() {
        for n in moduli() {
            let m = Modulus::new(n).unwrap();
            let mut edge = vec![[0u64; LIMBS], n];
            edge[1][0] -= 1; // n - 1, the largest operand
            for _ in 0..5 {
                edge.push(random_below(&n));
            }
            for a in &edge {
                let a_mont = m.to_montgomery(a);
                let one = {
                    let mut one = [0u64; LIMBS];
                    one[0] = 1;
                    one
                };
                // Out of Montgomery form again: a R / R = a.
                assert_eq!(m.mul(&a_mont, &one), *a);
                let sq = m.mul(&m.sqr(&a_mont), &one);
                assert_eq!(sq, mul_mod_reference(a, a, &n));
                for b in &edge {
                    let ab = m.mul(&a_mont, b);
                    assert_eq!(ab, mul_mod_reference(a, b, &n));
                }
            }
        }
    }

    #[test]
    fn fail_even_or_short_moduli() {
        let mut even = random_modulus();
        even[0] &= !1;
        assert!(Modulus::new(even).is_none());
        let mut short = random_modulus();
        short[LIMBS - 1] >>= 1;
        assert!(Modulus::new(short).is_none());
    }
}
