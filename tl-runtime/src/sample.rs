//! Sample values for tests (feature `sample`): generated code implements
//! [`Sample`] when `tl!` is given `samples = true`, and [`Visitor`] walks every
//! constructor, function and boxed type of a schema.
//!
//! A [`Gen`] decides the shape of a value: which optional fields are present
//! ([`Flags`]), how long strings, bytes and vectors are, and how deep values
//! nest. The optional fields of the outermost value follow [`Flags`] exactly,
//! so a test can cover "all off", "all on" and "each one alone"; nested values
//! are chosen pseudo-randomly from the seed, and stop nesting at a fixed depth.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Debug;

use crate::{Bare, Deserialize, Identifiable, RawObject, RemoteCall, Serialize};

/// Which optional fields of the outermost value are present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flags {
    /// None: every `flags.N?` field absent.
    AllOff,
    /// Every one present.
    AllOn,
    /// Only the `k`-th optional field (in declaration order) present.
    Only(usize),
}

/// The source of sample values.
#[derive(Clone, Debug)]
pub struct Gen {
    state: u64,
    flags: Flags,
    text_len: usize,
    vec_len: usize,
    depth: u32,
    max_depth: u32,
    decisions: usize,
}

impl Gen {
    /// A generator: `flags` for the outermost value, every string and `bytes`
    /// exactly `text_len` bytes long, every vector `vec_len` items long.
    pub fn new(seed: u64, flags: Flags, text_len: usize, vec_len: usize) -> Self {
        Gen {
            state: seed ^ 0x9e37_79b9_7f4a_7c15,
            flags,
            text_len,
            vec_len,
            depth: 0,
            max_depth: 3,
            decisions: 0,
        }
    }

    /// How many optional fields of the outermost value were decided: the `k`
    /// range worth covering with [`Flags::Only`].
    pub fn decisions(&self) -> usize {
        self.decisions
    }

    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic and dependency-free.
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn deep(&self) -> bool {
        self.depth >= self.max_depth
    }

    /// Whether the next optional field (or `true` flag) is present.
    pub fn present(&mut self) -> bool {
        if self.depth == 0 {
            let k = self.decisions;
            self.decisions += 1;
            return match self.flags {
                Flags::AllOff => false,
                Flags::AllOn => true,
                Flags::Only(i) => i == k,
            };
        }
        !self.deep() && self.next() & 1 == 1
    }

    /// Enters a nested value.
    pub fn enter(&mut self) {
        self.depth += 1;
    }

    /// Leaves a nested value.
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Which of `count` variants to build; `finite` below the depth limit, so
    /// that recursive types end.
    pub fn variant(&mut self, count: usize, finite: usize) -> usize {
        if self.deep() || count == 0 {
            finite
        } else {
            (self.next() % count as u64) as usize
        }
    }

    /// A vector's length.
    pub fn len(&mut self) -> usize {
        if self.deep() {
            0
        } else {
            self.vec_len
        }
    }

    /// Whether vectors come out empty.
    pub fn is_empty(&self) -> bool {
        self.vec_len == 0
    }

    /// One time in four, one of `edges`: the values where encodings break
    /// (the ends of a range, the values next to zero). Otherwise `None`, and
    /// the caller draws from the whole range.
    fn edge<T: Copy>(&mut self, edges: &[T]) -> Option<T> {
        let x = self.next();
        if x & 3 != 0 {
            return None;
        }
        edges.get((x >> 2) as usize % edges.len().max(1)).copied()
    }

    /// An `int`: any value, the extremes often.
    pub fn i32(&mut self) -> i32 {
        self.edge(&[i32::MIN, -1, 0, 1, i32::MAX])
            .unwrap_or_else(|| self.next() as i32)
    }

    /// A `long`: any value, the extremes often.
    pub fn i64(&mut self) -> i64 {
        self.edge(&[i64::MIN, -1, 0, 1, i64::MAX])
            .unwrap_or_else(|| self.next() as i64)
    }

    /// A `double`: any value but NaN, which is not equal to itself and so
    /// could not be compared after a round trip. Infinities, `-0.0`, the
    /// extremes and the subnormals come often.
    pub fn f64(&mut self) -> f64 {
        const EDGES: [f64; 10] = [
            0.0,
            -0.0,
            1.0,
            f64::MIN,
            f64::MAX,
            f64::MIN_POSITIVE,
            // The smallest subnormal.
            5e-324,
            f64::EPSILON,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        match self.edge(&EDGES) {
            Some(v) => v,
            None => match f64::from_bits(self.next()) {
                v if v.is_nan() => 0.5,
                v => v,
            },
        }
    }

    /// A `#`: any value a `#` can hold, 0 to 2^31 − 1 ([`wire::nat`]), the
    /// ends often.
    ///
    /// [`wire::nat`]: crate::wire::nat
    pub fn nat(&mut self) -> u32 {
        self.edge(&[0, 1, crate::wire::NAT_MAX])
            .unwrap_or_else(|| (self.next() >> 33) as u32)
    }

    /// A `Bool`.
    pub fn bool(&mut self) -> bool {
        self.next() & 1 == 1
    }

    /// An `int128`/`int256`/`int512`.
    pub fn fixed<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in &mut out {
            *b = self.next() as u8;
        }
        out
    }

    /// A `string` of exactly the configured length in bytes: characters of
    /// every UTF-8 length (one to four bytes, NUL and controls included),
    /// the last ones shorter where the length leaves no room.
    pub fn string(&mut self) -> String {
        let mut out = String::with_capacity(self.text_len);
        while out.len() < self.text_len {
            let room = self.text_len - out.len();
            let x = self.next();
            // The code point ranges of 1-, 2-, 3- and 4-byte UTF-8.
            let (low, high) = match (x % 4) as usize + 1 {
                w if w > room || w == 1 => (0, 0x7f),
                2 => (0x80, 0x7ff),
                3 => (0x800, 0xffff),
                _ => (0x1_0000, 0x10_ffff),
            };
            let code = low + (x >> 8) as u32 % (high - low + 1);
            // A surrogate is not a character; U+FFFD has its length, 3.
            out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        out
    }

    /// `bytes` of exactly the configured length, each byte any value.
    pub fn bytes(&mut self) -> Vec<u8> {
        (0..self.text_len).map(|_| self.next() as u8).collect()
    }

    /// An `Object`: a constructor id and up to one more 4-byte word (it is
    /// never decoded). Its length is a multiple of 4, like every boxed value,
    /// which a `message`'s `bytes` must be.
    pub fn object(&mut self) -> RawObject {
        let mut bytes = Vec::from(self.nat().to_le_bytes());
        bytes.extend((0..self.text_len % 8 / 4 * 4).map(|_| self.next() as u8));
        RawObject(bytes)
    }
}

/// A type that can produce sample values.
pub trait Sample: Sized {
    /// A value shaped by `g`.
    fn sample(g: &mut Gen) -> Self;
}

/// Walks the types of a generated schema (`visit_samples`).
pub trait Visitor {
    /// A constructor struct. Does nothing unless implemented.
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
    }

    /// A (non-generic) function struct. Does nothing unless implemented.
    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
    }

    /// A boxed type's enum.
    fn boxed<T>(&mut self, name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_follow_the_mode_at_the_top_only() {
        let mut g = Gen::new(1, Flags::Only(1), 0, 0);
        assert_eq!(
            [g.present(), g.present(), g.present()],
            [false, true, false]
        );
        assert_eq!(g.decisions(), 3);
        g.enter();
        g.enter();
        g.enter();
        assert!(!g.present(), "nothing is present past the depth limit");
        assert_eq!(g.len(), 0);
        assert_eq!(g.variant(5, 2), 2);
    }

    #[test]
    fn lengths_are_exact() {
        for text_len in 0..300 {
            let mut g = Gen::new(text_len as u64, Flags::AllOn, text_len, 2);
            assert_eq!(g.string().len(), text_len);
            assert_eq!(g.bytes().len(), text_len);
            assert_eq!(g.len(), 2);
        }
    }

    #[test]
    fn objects_are_whole_words() {
        let lens: Vec<usize> = (0..16)
            .map(|text_len| Gen::new(1, Flags::AllOn, text_len, 0).object().0.len())
            .collect();
        assert!(lens.iter().all(|len| len % 4 == 0), "{lens:?}");
        assert!(lens.contains(&4) && lens.contains(&8), "{lens:?}");
    }

    /// Draws `n` values with `draw` from one generator.
    fn draws<T>(n: usize, mut draw: impl FnMut(&mut Gen) -> T) -> Vec<T> {
        let mut g = Gen::new(42, Flags::AllOn, 0, 0);
        (0..n).map(|_| draw(&mut g)).collect()
    }

    #[test]
    fn numbers_reach_both_ends_of_their_range() {
        let ints = draws(1000, Gen::i32);
        for edge in [i32::MIN, -1, 0, i32::MAX] {
            assert!(ints.contains(&edge), "int {edge}");
        }
        assert!(ints.iter().any(|&v| v < -(1 << 30)) && ints.iter().any(|&v| v > 1 << 30));
        let longs = draws(1000, Gen::i64);
        for edge in [i64::MIN, -1, 0, i64::MAX] {
            assert!(longs.contains(&edge), "long {edge}");
        }
        assert!(longs.iter().any(|&v| v < -(1 << 62)) && longs.iter().any(|&v| v > 1 << 62));
    }

    #[test]
    fn nats_cover_every_value_a_nat_holds_and_no_other() {
        let nats = draws(10_000, Gen::nat);
        assert!(nats.iter().all(|&v| v <= crate::wire::NAT_MAX));
        for edge in [0, 1, (1 << 31) - 1] {
            assert!(nats.contains(&edge), "nat {edge}");
        }
        assert!(nats.iter().any(|&v| v > 1 << 30 && v < (1 << 31) - 1));
    }

    #[test]
    fn doubles_include_the_special_values_but_not_nan() {
        let doubles = draws(10_000, Gen::f64);
        assert!(!doubles.iter().any(|v| v.is_nan()));
        let has = |p: fn(&f64) -> bool| doubles.iter().any(p);
        assert!(has(|v| *v == f64::INFINITY) && has(|v| *v == f64::NEG_INFINITY));
        assert!(has(|v| *v == 0.0 && v.is_sign_negative()));
        assert!(has(|v| v.is_subnormal()) && has(|v| *v == f64::MAX) && has(|v| *v == f64::MIN));
        // Drawn from all bits, not only the edges: huge and tiny values.
        assert!(has(|v| v.abs() > 1e300
            && v.is_finite()
            && *v != f64::MAX
            && *v != f64::MIN));
        assert!(has(|v| v.abs() < 1e-300 && *v != 0.0 && !v.is_subnormal()));
    }

    #[test]
    fn strings_hold_characters_of_every_utf8_length() {
        let mut g = Gen::new(42, Flags::AllOn, 64, 0);
        let strings: Vec<String> = (0..20).map(|_| g.string()).collect();
        let mut widths = [false; 5];
        for c in strings.iter().flat_map(|s| s.chars()) {
            widths[c.len_utf8()] = true;
        }
        assert_eq!(widths, [false, true, true, true, true]);
    }
}
