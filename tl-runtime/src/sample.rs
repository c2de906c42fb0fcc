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

    /// An `int`.
    pub fn i32(&mut self) -> i32 {
        self.next() as i32
    }

    /// A `long`.
    pub fn i64(&mut self) -> i64 {
        self.next() as i64
    }

    /// A `double`: finite, so that values compare equal after a round trip.
    pub fn f64(&mut self) -> f64 {
        (self.next() >> 11) as f64 / 1024.0
    }

    /// A `#` below 2^31.
    pub fn nat(&mut self) -> u32 {
        (self.next() >> 33) as u32
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

    /// A `string` of exactly the configured length, in ASCII letters.
    pub fn string(&mut self) -> String {
        (0..self.text_len)
            .map(|_| char::from(b'a' + (self.next() % 26) as u8))
            .collect()
    }

    /// `bytes` of exactly the configured length.
    pub fn bytes(&mut self) -> Vec<u8> {
        (0..self.text_len).map(|_| self.next() as u8).collect()
    }

    /// An `Object`: a constructor id and a few bytes (it is never decoded).
    pub fn object(&mut self) -> RawObject {
        let mut bytes = Vec::from(self.nat().to_le_bytes());
        bytes.extend((0..self.text_len % 8).map(|_| self.next() as u8));
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
    /// A constructor struct.
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug;

    /// A (non-generic) function struct.
    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug;

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
        let mut g = Gen::new(7, Flags::AllOn, 254, 2);
        assert_eq!(g.string().len(), 254);
        assert_eq!(g.bytes().len(), 254);
        assert_eq!(g.len(), 2);
        assert!(g.nat() < 1 << 31);
    }
}
