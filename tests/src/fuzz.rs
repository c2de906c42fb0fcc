//! The check the decoder fuzz targets (`fuzz/` at the repository root) run on
//! every input, and the replay of their committed inputs in this suite.
//!
//! An input is two selector bytes, then the wire bytes. The selector, read as
//! a little-endian `u16` modulo the number of items, picks a boxed type or a
//! non-generic function of the family, in the order [`Family::visit`] walks
//! them (constructors are skipped: their boxed type decodes them). The rest
//! is decoded as that item with the default [`tl_runtime::Config`], and:
//!
//! - decoding never panics;
//! - no single allocation made while decoding exceeds
//!   [`allocation_bound`] of the wire bytes' length (the bound the hostile
//!   input check uses);
//! - a value that decodes encodes to exactly `serialized_len()` bytes, which
//!   decode to an equal value (equal by `Debug` text where a float is NaN)
//!   and encode to the same bytes again.
//!
//! The same check replays the committed inputs in the schema suites' test
//! binaries, which already expand every family's schemas ([`replay`]). For
//! the two families whose full corpus is too large to commit (api-230 and
//! td_api), the suites replay the seeds ([`replay_seeds`]), generated in the
//! test, and the committed inputs that reach coverage the seeds do not.

use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Deserialize, Identifiable, RemoteCall, Serialize};

use crate::alloc_count::{assert_installed, largest_allocation};
use crate::hostile::allocation_bound;
use crate::{hex, seed_of, short_debug};

/// The schemas of one decoder fuzz target, as generated modules.
pub trait Family {
    /// The fuzz target's name, which is also its corpus directory's name.
    const TARGET: &'static str;

    /// Calls `visit_samples` of each module, always in the same order: the
    /// selector's meaning depends on it.
    fn visit<V: Visitor>(v: &mut V);
}

/// How many items a selector chooses from.
pub fn items<F: Family>() -> usize {
    let mut count = Count(0);
    F::visit(&mut count);
    count.0
}

/// Checks one fuzz input against family `F` with `items` items
/// ([`items`]); `Err` describes the failure.
pub fn check<F: Family>(input: &[u8], items: usize) -> Result<(), String> {
    let [a, b, wire @ ..] = input else {
        return Ok(());
    };
    if items == 0 {
        return Err(format!("{}: the family has no items", F::TARGET));
    }
    let mut pick = Pick {
        left: usize::from(u16::from_le_bytes([*a, *b])) % items,
        wire,
        outcome: None,
    };
    F::visit(&mut pick);
    pick.outcome
        .unwrap_or_else(|| Err("the selector chose no item".to_string()))
}

/// The seed inputs of family `F`: each item's sample values, encoded, behind
/// its selector.
pub fn seeds<F: Family>() -> Vec<Vec<u8>> {
    let mut seeds = Seeds {
        index: 0,
        out: Vec::new(),
    };
    F::visit(&mut seeds);
    seeds.out
}

/// Replays every file committed for `F`'s target (`fuzz/replay/<target>`)
/// through [`check`], and fails with every input that fails. The directory
/// must hold at least one file, so that a missing or misnamed corpus cannot
/// pass.
pub fn replay<F: Family>() {
    assert_installed();
    let dir = &replay_dir(F::TARGET);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no input", dir.display());
    let items = items::<F>();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let input = std::fs::read(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            check::<F>(&input, items)
                .err()
                .map(|why| format!("{}: {why}\n  input: {}", path.display(), hex(&input)))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Checks every seed input of `F` ([`seeds`]), and fails with every seed
/// that fails: for families whose committed corpus holds only the inputs
/// beyond the seeds.
pub fn replay_seeds<F: Family>() {
    assert_installed();
    let items = items::<F>();
    let seeds = seeds::<F>();
    assert!(!seeds.is_empty(), "{}: no seeds", F::TARGET);
    let failures: Vec<String> = seeds
        .iter()
        .filter_map(|input| {
            check::<F>(input, items)
                .err()
                .map(|why| format!("{why}\n  input: {}", hex(input)))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{}: {} of {} seeds failed:\n{}",
        F::TARGET,
        failures.len(),
        seeds.len(),
        failures.join("\n")
    );
}

/// The committed inputs of a fuzz target, which the suite replays:
/// `fuzz/replay/<target>` at the repository root.
fn replay_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/replay")
        .join(target)
}

/// Decodes `wire` as `T` and checks the outcome (see the module docs).
pub fn decode_checked<T>(wire: &[u8]) -> Result<(), String>
where
    T: Serialize + Deserialize + PartialEq + Debug,
{
    let (decoded, largest) =
        largest_allocation(|| catch_unwind(AssertUnwindSafe(|| T::from_bytes(wire))));
    let Ok(decoded) = decoded else {
        return Err("decoding panicked".to_string());
    };
    if largest > allocation_bound(wire.len()) {
        return Err(format!(
            "one allocation of {largest} bytes while decoding, over the bound {} for {} bytes",
            allocation_bound(wire.len()),
            wire.len()
        ));
    }
    let Ok(value) = decoded else {
        return Ok(());
    };
    let bytes = value.to_bytes();
    if bytes.len() != value.serialized_len() {
        return Err(format!(
            "serialized_len {} but to_bytes wrote {} bytes",
            value.serialized_len(),
            bytes.len()
        ));
    }
    let again = match T::from_bytes(&bytes) {
        Ok(again) => again,
        Err(e) => {
            return Err(format!(
                "the re-encoded value does not decode: {e}\n  value: {}\n  re-encoded: {}",
                short_debug(&value),
                hex(&bytes)
            ))
        }
    };
    // NaN is not equal to itself; its `Debug` text is.
    if again != value && format!("{again:?}") != format!("{value:?}") {
        return Err(format!(
            "the re-encoded value decodes to another value\n  first: {}\n  then: {}",
            short_debug(&value),
            short_debug(&again)
        ));
    }
    if again.to_bytes() != bytes {
        return Err(format!(
            "encoding is not a fixed point: {} then {}",
            hex(&bytes),
            hex(&again.to_bytes())
        ));
    }
    Ok(())
}

/// Counts boxed types and functions.
struct Count(usize);

impl Visitor for Count {
    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.0 += 1;
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.0 += 1;
    }
}

/// Checks the `left`-th boxed type or function against `wire`.
struct Pick<'a> {
    left: usize,
    wire: &'a [u8],
    outcome: Option<Result<(), String>>,
}

impl Pick<'_> {
    fn item<T>(&mut self, name: &str)
    where
        T: Serialize + Deserialize + PartialEq + Debug,
    {
        if self.outcome.is_some() {
            return;
        }
        if self.left > 0 {
            self.left -= 1;
            return;
        }
        self.outcome = Some(decode_checked::<T>(self.wire).map_err(|why| format!("{name}: {why}")));
    }
}

impl Visitor for Pick<'_> {
    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.item::<T>(T::NAME);
    }

    fn boxed<T>(&mut self, name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.item::<T>(name);
    }
}

/// Collects seed inputs: per item, all optional fields on and off, with
/// short and 254-byte strings.
struct Seeds {
    index: u16,
    out: Vec<Vec<u8>>,
}

impl Seeds {
    fn item<T: Sample + Serialize>(&mut self, name: &str) {
        let seed = seed_of(name);
        for (flags, text, vec) in [
            (Flags::AllOn, 0, 2),
            (Flags::AllOff, 0, 0),
            (Flags::AllOn, 254, 1),
        ] {
            let mut input = self.index.to_le_bytes().to_vec();
            T::sample(&mut Gen::new(seed, flags, text, vec)).write_to(&mut input);
            if !self.out.contains(&input) {
                self.out.push(input);
            }
        }
        self.index = self.index.wrapping_add(1);
    }
}

impl Visitor for Seeds {
    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.item::<T>(T::NAME);
    }

    fn boxed<T>(&mut self, name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.item::<T>(name);
    }
}

/// Defines a [`Family`] from generated modules, in the order given:
///
/// ```text
/// tl_conformance::fuzz_family!(Ton = "decode_ton": ton_api, lite_api);
/// ```
///
/// The fuzz target and the suite's replay test name the same modules in
/// the same order, so a selector means the same item in both.
#[macro_export]
macro_rules! fuzz_family {
    ($family:ident = $target:literal: $($module:ident),+ $(,)?) => {
        /// A decoder fuzz target's schemas.
        pub struct $family;

        impl $crate::fuzz::Family for $family {
            const TARGET: &'static str = $target;

            fn visit<V: ::tl_runtime::sample::Visitor>(v: &mut V) {
                $($module::visit_samples(v);)+
            }
        }
    };
}
