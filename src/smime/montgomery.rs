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

    /// Montgomery product `a b / R mod n` for `a, b < n`, column by
    /// column (product scanning with the reduction interleaved, the
    /// "FIPS" method of Koç et al. 1996): every limb product of a column
    /// goes into one three-limb accumulator, so the products do not wait
    /// on each other's carries as they do row by row.
    pub fn mul(&self, a: &Limbs, b: &Limbs) -> Limbs {
        let n = &self.n;
        let mut q = [0u64; LIMBS];
        let mut out = [0u64; LIMBS];
        let mut acc = Acc::default();
        for k in 0..2 * LIMBS {
            let low = k.saturating_sub(LIMBS - 1);
            for i in low..=k.min(LIMBS - 1) {
                acc.mac(a[i], b[k - i]);
            }
            self.reduce_column(k, &mut q, &mut out, &mut acc);
        }
        reduce_once(&out, acc.shift(), n)
    }

    /// Montgomery square `a^2 / R mod n` for `a < n`: [`Modulus::mul`]
    /// with each cross product of a column computed once and doubled
    /// (about a quarter fewer limb products).
    pub fn sqr(&self, a: &Limbs) -> Limbs {
        let n = &self.n;
        let mut q = [0u64; LIMBS];
        let mut out = [0u64; LIMBS];
        let mut acc = Acc::default();
        for k in 0..2 * LIMBS {
            let mut cross = Acc::default();
            let mut i = k.saturating_sub(LIMBS - 1);
            while 2 * i < k {
                cross.mac(a[i], a[k - i]);
                i += 1;
            }
            acc.add_doubled(&cross);
            if k % 2 == 0 {
                acc.mac(a[k / 2], a[k / 2]);
            }
            self.reduce_column(k, &mut q, &mut out, &mut acc);
        }
        reduce_once(&out, acc.shift(), n)
    }

    /// The reduction's share of column `k`: the products `q_i n_(k-i)`
    /// of the quotient limbs so far; in the low half a new quotient limb
    /// that clears the column, in the high half one limb of the result.
    /// The accumulator then moves on to the next column.
    #[inline(always)]
    fn reduce_column(&self, k: usize, q: &mut Limbs, out: &mut Limbs, acc: &mut Acc) {
        let n = &self.n;
        if k < LIMBS {
            for i in 0..k {
                acc.mac(q[i], n[k - i]);
            }
            q[k] = acc.low().wrapping_mul(self.n0inv);
            acc.mac(q[k], n[0]);
            acc.shift();
        } else {
            for i in k - LIMBS + 1..LIMBS {
                acc.mac(q[i], n[k - i]);
            }
            out[k - LIMBS] = acc.shift();
        }
    }
}

/// A three-limb accumulator for the sums of one column: at most `2 *
/// LIMBS` products below `2^128` each, which fit in 192 bits.
#[derive(Default, Clone, Copy)]
struct Acc {
    low: u128,
    high: u64,
}

impl Acc {
    #[inline(always)]
    fn mac(&mut self, a: u64, b: u64) {
        let (sum, carry) = self.low.overflowing_add(u128::from(a) * u128::from(b));
        self.low = sum;
        self.high += u64::from(carry);
    }

    /// Adds twice `other`.
    #[inline(always)]
    fn add_doubled(&mut self, other: &Acc) {
        let high = (other.high << 1) | (other.low >> 127) as u64;
        let (sum, carry) = self.low.overflowing_add(other.low << 1);
        self.low = sum;
        self.high += high + u64::from(carry);
    }

    #[inline(always)]
    fn low(&self) -> u64 {
        self.low as u64
    }

    /// The lowest limb, taken out; the rest moves down one limb.
    #[inline(always)]
    fn shift(&mut self) -> u64 {
        let out = self.low as u64;
        self.low = (self.low >> 64) | (u128::from(self.high) << 64);
        self.high = 0;
        out
    }
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
