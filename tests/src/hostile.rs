//! Point 4: decoding hostile bytes returns `Ok` or `Err`, never panics, and
//! never makes one allocation larger than the input can justify.
//!
//! The allocation bound is `64 * input.len() + 4096` bytes. A decoder sizes
//! a vector from its length prefix only after checking that the remaining
//! input can hold that many items; every wire item takes at least 4 bytes and
//! a generated enum value is at most 256 bytes in memory, so a vector costs at
//! most `len / 4 * 256 = 64 * len` bytes; a string or `bytes` at most `len`.
//! The constant covers fixed-size allocations independent of the input (a
//! boxed constructor struct, the error's box, the panic machinery).

use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Deserialize, Serialize};

use crate::alloc_count::{assert_installed, largest_allocation};
use crate::{corpus, hex, report, seed_of};

/// The largest single allocation allowed while decoding `len` hostile bytes.
pub fn allocation_bound(len: usize) -> usize {
    64 * len + 4096
}

/// Truncations tried per sample: every length up to this, then a stride.
const EVERY_TRUNCATION_UP_TO: usize = 96;
/// Bit flips per sample, at positions spread over the message.
const FLIPS: usize = 24;
/// Random inputs per type: half start with a valid constructor id.
const RANDOM: usize = 16;

/// A small deterministic PRNG (xorshift64*), independent of the sample one.
pub struct Prng(u64);

impl Prng {
    /// Seeded; any seed works.
    pub fn new(seed: u64) -> Self {
        Prng(seed | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The hostile inputs derived from valid encodings `samples`.
pub fn inputs(samples: &[Vec<u8>], seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Prng::new(seed);
    let mut out = Vec::new();
    for bytes in samples {
        let len = bytes.len();
        let stride = (len / 64).max(1);
        let cuts = (0..len.min(EVERY_TRUNCATION_UP_TO))
            .chain((EVERY_TRUNCATION_UP_TO..len).step_by(stride));
        out.extend(cuts.map(|cut| bytes[..cut].to_vec()));
        for _ in 0..FLIPS.min(len * 8) {
            let bit = rng.below(len * 8);
            let mut flipped = bytes.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            out.push(flipped);
        }
        // Length prefixes and counts are where over-allocation would hide:
        // set each aligned word to a huge value.
        for at in (0..len.saturating_sub(3)).step_by(4).take(32) {
            let mut big = bytes.clone();
            big[at..at + 4].copy_from_slice(&0x7fff_fff0u32.to_le_bytes());
            out.push(big);
        }
    }
    for i in 0..RANDOM {
        let len = rng.below(80);
        let mut random: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        if let (true, Some(valid)) = (i % 2 == 0, samples.first()) {
            let id = valid.get(..4).unwrap_or_default();
            random.splice(..4.min(random.len()), id.iter().copied());
        }
        out.push(random);
    }
    out
}

/// A [`Visitor`] that feeds every boxed type hostile bytes.
pub struct Hostile {
    schema: &'static str,
    types: usize,
    inputs: usize,
    failures: Vec<String>,
}

impl Hostile {
    /// A visitor for the schema at `path` (as written in `tl!`).
    pub fn new(path: &'static str) -> Self {
        assert_installed();
        Hostile {
            schema: corpus::name(path),
            types: 0,
            inputs: 0,
            failures: Vec::new(),
        }
    }

    /// Records the counts and fails with every failure found.
    pub fn finish(self) {
        assert!(
            self.types > 0,
            "{}: visit_samples visited no boxed type",
            self.schema
        );
        report::record(self.schema, report::Column::HostileTypes, self.types);
        report::record(self.schema, report::Column::HostileInputs, self.inputs);
        assert!(
            self.failures.is_empty(),
            "{} hostile inputs failed:\n{}",
            self.failures.len(),
            self.failures
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Decodes `input` as `T` under `catch_unwind` and the allocation counter;
/// `Err` describes a panic or an allocation over the bound.
pub fn decode_hostile<T: Deserialize>(input: &[u8]) -> Result<(), String> {
    let (result, largest) =
        largest_allocation(|| catch_unwind(AssertUnwindSafe(|| T::from_bytes(input).is_ok())));
    if result.is_err() {
        return Err("decoding panicked".to_string());
    }
    if largest > allocation_bound(input.len()) {
        return Err(format!(
            "one allocation of {largest} bytes, over the bound {} for {} input bytes",
            allocation_bound(input.len()),
            input.len()
        ));
    }
    Ok(())
}

impl Visitor for Hostile {
    fn boxed<T>(&mut self, name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.types += 1;
        let seed = seed_of(name);
        let samples: Vec<Vec<u8>> = [
            (Flags::AllOn, 0, 2),
            (Flags::AllOff, 0, 0),
            (Flags::AllOn, 254, 1),
        ]
        .into_iter()
        .map(|(flags, text, vec)| T::sample(&mut Gen::new(seed, flags, text, vec)).to_bytes())
        .collect();
        for input in inputs(&samples, seed) {
            self.inputs += 1;
            if let Err(why) = decode_hostile::<T>(&input) {
                self.failures.push(format!(
                    "{}: {name}: {why}\n  input: {}",
                    self.schema,
                    hex(&input)
                ));
            }
        }
    }
}
