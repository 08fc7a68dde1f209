//! CPython 3.11's `random` module, so that a seeded program draws the same numbers: the MT19937
//! generator and seeding of Modules/_randommodule.c, and the algorithms of Lib/random.py
//! expressed on integers, floats and indices.
//!
//! Pure computation: callers turn Python arguments into Rust values first (a population becomes
//! its length, `seed(x)` becomes a [`Seed`]) and apply the returned indices to their sequences.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};
use sha2::{Digest, Sha512};

use super::numfmt::{float_hash, PyExc};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The MT19937 state exactly as `_randommodule.c` keeps it.
#[derive(Clone)]
pub struct MersenneTwister {
    state: [u32; N],
    index: usize,
}

impl MersenneTwister {
    /// `init_genrand(s)`.
    fn from_u32(s: u32) -> MersenneTwister {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        MersenneTwister { state, index: N }
    }

    /// `init_by_array(key)`: the seeding every `random.seed(...)` ends in. An empty key acts as
    /// `[0]`, as CPython never passes an empty one.
    pub fn from_seed_words(key: &[u32]) -> MersenneTwister {
        let key = if key.is_empty() { &[0u32][..] } else { key };
        let mut mt = MersenneTwister::from_u32(19_650_218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = s[i - 1];
            s[i] = (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = s[i - 1];
            s[i] =
                (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    /// `genrand_uint32`: the next 32 random bits.
    pub fn genrand_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `random()` (`genrand_res53`): a float in `[0, 1)` from 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: 32-bit words fill the result from the least significant end; the last
    /// word keeps its top `k % 32` bits.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.getrandbits_u64(k as u32));
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `getrandbits(k)` for `k <= 64`, drawing the same words as the general case.
    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.genrand_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.genrand_u32());
                let high = u64::from(self.genrand_u32() >> (64 - k));
                low | (high << 32)
            }
        }
    }

    /// `getstate()[1]` without the version: the 624 words and the position in them.
    pub fn state(&self) -> (Vec<u32>, usize) {
        (self.state.to_vec(), self.index)
    }

    /// `setstate(...)` from [`MersenneTwister::state`]'s output.
    ///
    /// Errors are `ValueError` messages: `state vector is the wrong size`, `invalid state`.
    pub fn from_state(words: &[u32], index: usize) -> Result<MersenneTwister, String> {
        let state: [u32; N] = words
            .try_into()
            .map_err(|_| "state vector is the wrong size".to_string())?;
        if index > N {
            return Err("invalid state".to_string());
        }
        Ok(MersenneTwister { state, index })
    }
}

/// The argument of `random.seed(a)` (version 2), already told apart by Python type. `bool` is an
/// `Int`; `bytearray` is `Bytes`.
#[derive(Debug, Clone, Copy)]
pub enum Seed<'a> {
    /// `seed()` / `seed(None)`: fresh entropy.
    None,
    Int(&'a BigInt),
    /// Seeds with `hash(x)` taken as an unsigned 64-bit number (so `seed(2.0) == seed(2)` but
    /// `seed(-1.5)` is not `seed(1.5)`); a NaN, whose hash CPython takes from the object's
    /// address, seeds from fresh entropy.
    Float(f64),
    /// Seeds with `int.from_bytes(a.encode() + sha512(a.encode()).digest(), 'big')`.
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// The key `random_seed` builds from a non-negative int: its 32-bit words, least significant
/// first (`0` gives `[0]`).
fn int_seed_words(n: &BigUint) -> Vec<u32> {
    let words = n.to_u32_digits();
    if words.is_empty() {
        vec![0]
    } else {
        words
    }
}

fn bytes_seed(a: &[u8]) -> BigUint {
    let mut data = a.to_vec();
    data.extend_from_slice(&Sha512::digest(a));
    BigUint::from_bytes_be(&data)
}

/// A `random.Random` instance: the generator plus the spare value `gauss` keeps.
#[derive(Clone)]
pub struct Random {
    mt: MersenneTwister,
    gauss_next: Option<f64>,
}

impl Random {
    /// `random.Random(seed)`.
    pub fn new(seed: Seed<'_>) -> Random {
        let mut r = Random {
            mt: MersenneTwister::from_u32(0),
            gauss_next: None,
        };
        r.seed(seed);
        r
    }

    /// A generator seeded from the clock and std's per-process random hasher keys (CPython uses
    /// `os.urandom`; no sequence can match it anyway).
    pub fn from_time_and_pid_free_entropy() -> Random {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut key = Vec::with_capacity(N);
        let hasher_keys = std::collections::hash_map::RandomState::new();
        for i in 0..N as u64 {
            let mut h = hasher_keys.build_hasher();
            h.write_u128(nanos);
            h.write_u64(i);
            key.push(h.finish() as u32);
        }
        Random {
            mt: MersenneTwister::from_seed_words(&key),
            gauss_next: None,
        }
    }

    /// `random.seed(a)` with the default version 2; also forgets `gauss`'s spare value.
    pub fn seed(&mut self, seed: Seed<'_>) {
        let magnitude = match seed {
            Seed::None => {
                *self = Random::from_time_and_pid_free_entropy();
                return;
            }
            Seed::Int(v) => v.magnitude().clone(),
            Seed::Float(x) => match float_hash(x) {
                Some(h) => BigUint::from(h as u64),
                None => {
                    *self = Random::from_time_and_pid_free_entropy();
                    return;
                }
            },
            Seed::Str(s) => bytes_seed(s.as_bytes()),
            Seed::Bytes(b) => bytes_seed(b),
        };
        self.mt = MersenneTwister::from_seed_words(&int_seed_words(&magnitude));
        self.gauss_next = None;
    }

    /// The spare value `gauss` keeps (the third item of `getstate()`).
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next
    }

    /// Restores `gauss`'s spare value (`setstate`).
    pub fn set_gauss_next(&mut self, v: Option<f64>) {
        self.gauss_next = v;
    }

    /// The underlying generator, for `getstate`/`setstate`.
    pub fn generator(&mut self) -> &mut MersenneTwister {
        &mut self.mt
    }

    /// `random()`: a float in `[0, 1)`.
    pub fn random(&mut self) -> f64 {
        self.mt.random()
    }

    /// `getrandbits(k)`.
    ///
    /// Errors: `ValueError("number of bits must be non-negative")`.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigUint, PyExc> {
        let k = u64::try_from(k)
            .map_err(|_| PyExc::ValueError("number of bits must be non-negative".to_string()))?;
        Ok(self.mt.getrandbits(k))
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    ///
    /// Errors: `ValueError("number of bits must be non-negative")` for a negative `n`.
    pub fn randbytes(&mut self, n: i64) -> Result<Vec<u8>, PyExc> {
        let bits = self.getrandbits(n.saturating_mul(8))?;
        let mut bytes = bits.to_bytes_le();
        bytes.resize(n as usize, 0);
        Ok(bytes)
    }

    /// `_randbelow_with_getrandbits(n)`: `k = n.bit_length()`, then `getrandbits(k)` until the
    /// draw is below `n`. Returns 0 for `n == 0` (CPython would loop forever; no caller asks).
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.mt.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// [`Random::randbelow`] for a machine-sized bound, drawing the same words.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.mt.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }

    fn randbelow_int(&mut self, n: &BigInt) -> BigInt {
        BigInt::from_biguint(Sign::Plus, self.randbelow(n.magnitude()))
    }

    /// `randrange(start)` (when `stop` is `None`) or `randrange(start, stop, step)`, on ints
    /// (3.11 also takes integral floats with a `DeprecationWarning` and raises
    /// `ValueError("non-integer arg 1 for randrange()")` for others: the caller's conversion).
    ///
    /// Errors: `ValueError` — `empty range for randrange()`, `empty range for randrange() (0, 0,
    /// 0)` (with a unit step the third number is the width `stop - start`, not the step),
    /// `zero step for randrange()`; `TypeError("Missing a non-None stop argument")` when `stop`
    /// is `None` and `step != 1`.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, PyExc> {
        let empty = || PyExc::ValueError("empty range for randrange()".to_string());
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(PyExc::TypeError(
                    "Missing a non-None stop argument".to_string(),
                ));
            }
            if start.is_positive() {
                return Ok(self.randbelow_int(start));
            }
            return Err(empty());
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow_int(&width));
            }
            return Err(PyExc::ValueError(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            (&width + step - 1i32).div_floor(step)
        } else if step.is_negative() {
            (&width + step + 1i32).div_floor(step)
        } else {
            return Err(PyExc::ValueError("zero step for randrange()".to_string()));
        };
        if !n.is_positive() {
            return Err(empty());
        }
        Ok(start + step * self.randbelow_int(&n))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`, with its errors.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, PyExc> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    /// `choice(seq)` as the index to take from a sequence of length `len`.
    ///
    /// Errors: `IndexError("Cannot choose from an empty sequence")`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, PyExc> {
        if len == 0 {
            return Err(PyExc::IndexError(
                "Cannot choose from an empty sequence".to_string(),
            ));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `shuffle(x)` in place: for `i` from `len - 1` down to 1, swap `x[i]` with
    /// `x[randbelow(i + 1)]`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// `sample(population, k)` as indices into a population of length `n`, with both of 3.11's
    /// strategies: a pool list when `n` is at most the size of a `k`-element set
    /// (`21 + 4 ** ceil(log(3k, 4))` for `k > 5`), otherwise redrawing until unseen.
    ///
    /// Errors: `ValueError("Sample larger than population or is negative")`.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, PyExc> {
        let k = usize::try_from(k).ok().filter(|&k| k <= n).ok_or_else(|| {
            PyExc::ValueError("Sample larger than population or is negative".to_string())
        })?;
        let mut setsize: u128 = 21;
        if k > 5 {
            // math.log(k * 3, 4) is log(3k) / log(4) in floating point, as here.
            let exponent = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize = setsize.saturating_add(1u128.checked_shl(2 * exponent).unwrap_or(u128::MAX));
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, k=k)` without weights, as indices: `floor(random() * n)` each.
    /// For an empty population CPython indexes it and raises that sequence's `IndexError`; the
    /// indices returned here are then 0, so the caller's indexing raises it too.
    pub fn choices_indices(&mut self, n: usize, k: i64) -> Vec<usize> {
        let n = n as f64;
        (0..k.max(0))
            .map(|_| (self.random() * n).floor() as usize)
            .collect()
    }

    /// `choices(population, weights, k=k)` for a population of length `n`, as indices; the
    /// running sums are taken in floating point, as `itertools.accumulate` does on floats.
    ///
    /// Errors: as [`Random::choices_cum_weights`].
    pub fn choices_weighted(
        &mut self,
        n: usize,
        weights: &[f64],
        k: i64,
    ) -> Result<Vec<usize>, PyExc> {
        let cum_weights: Vec<f64> = weights
            .iter()
            .scan(0.0, |total, &w| {
                *total += w;
                Some(*total)
            })
            .collect();
        self.choices_cum_weights(n, &cum_weights, k)
    }

    /// `choices(population, cum_weights=cum_weights, k=k)` as indices: `bisect(cum_weights,
    /// random() * total, 0, n - 1)` each.
    ///
    /// Errors: `ValueError` — `The number of weights does not match the population`, `Total of
    /// weights must be greater than zero`, `Total of weights must be finite`;
    /// `IndexError("list index out of range")` when both are empty.
    pub fn choices_cum_weights(
        &mut self,
        n: usize,
        cum_weights: &[f64],
        k: i64,
    ) -> Result<Vec<usize>, PyExc> {
        if cum_weights.len() != n {
            return Err(PyExc::ValueError(
                "The number of weights does not match the population".to_string(),
            ));
        }
        let Some(&last) = cum_weights.last() else {
            return Err(PyExc::IndexError("list index out of range".to_string()));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(PyExc::ValueError(
                "Total of weights must be greater than zero".to_string(),
            ));
        }
        if !total.is_finite() {
            return Err(PyExc::ValueError(
                "Total of weights must be finite".to_string(),
            ));
        }
        let hi = n - 1;
        Ok((0..k.max(0))
            .map(|_| {
                let x = self.random() * total;
                // bisect_right(cum_weights, x, 0, hi)
                cum_weights[..hi].partition_point(|&w| w <= x)
            })
            .collect())
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`; `mode` `None` is the midpoint.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            // (mode - low) / (high - low) raises ZeroDivisionError, which CPython turns into `low`.
            Some(_) if high - low == 0.0 => return low,
            Some(m) => (m - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)`: Box–Muller, keeping the second value for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `expovariate(lambd)`: `-log(1 - random()) / lambd` (a zero `lambd` raises
    /// `ZeroDivisionError("float division by zero")` in CPython: the caller's check).
    pub fn expovariate(&mut self, lambd: f64) -> f64 {
        -(1.0 - self.random()).ln() / lambd
    }
}

#[cfg(test)]
mod tests;
