//! Point 7: a constructor whose id did not change between two layers encodes
//! the same with either layer's types. Samples of the older layer are decoded
//! and re-encoded by the newer one (`newer::reencode`).

use std::fmt::Debug;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::ErrorKind;
use tl_runtime::{Bare, Identifiable, RemoteCall, Serialize};

use crate::{first_difference, hex, report, seed_of, short_debug};

/// The newer layer's `reencode`.
pub type Reencode = fn(&[u8]) -> Option<tl_runtime::Result<Vec<u8>>>;

/// A [`Visitor`] over the older layer.
pub struct Evolution {
    pair: String,
    newer: Reencode,
    /// Constructors whose id the newer layer has, compared byte for byte.
    pub compared: usize,
    /// Constructors whose id the newer layer lacks (changed or removed).
    pub gone: usize,
    /// Values skipped because a nested constructor is gone in the newer layer.
    pub nested_gone: usize,
    failures: Vec<String>,
}

impl Evolution {
    /// From `older` to `newer` (names for messages), with the newer layer's `reencode`.
    pub fn new(older: &str, newer_name: &str, newer: Reencode) -> Self {
        Evolution {
            pair: format!("{older} → {newer_name}"),
            newer,
            compared: 0,
            gone: 0,
            nested_gone: 0,
            failures: Vec::new(),
        }
    }

    fn check<T: Sample + Bare + Identifiable + Debug>(&mut self) {
        let seed = seed_of(T::NAME);
        let mut compared = false;
        // All fields off nests least, so it is the most likely to reach only
        // constructors both layers share; all on covers every field.
        for (flags, text, vec) in [
            (Flags::AllOff, 0, 0),
            (Flags::AllOn, 3, 1),
            (Flags::AllOn, 254, 2),
        ] {
            let value = T::sample(&mut Gen::new(seed, flags, text, vec));
            let bytes = value.to_bytes();
            match (self.newer)(&bytes) {
                None => {
                    self.gone += 1;
                    return;
                }
                Some(Ok(again)) if again == bytes => compared = true,
                Some(Err(e)) if e.offset() > 0 && matches!(e.kind(), ErrorKind::UnknownConstructor { .. }) => {
                    self.nested_gone += 1;
                }
                Some(result) => self.failures.push(format!(
                    "{}: {} ({flags:?}): newer layer gave {:?}, first differing byte {:?}\n  value: {}\n  bytes: {}",
                    self.pair,
                    T::NAME,
                    result.as_ref().map(|b| hex(b)),
                    result.as_ref().ok().and_then(|b| first_difference(&bytes, b)),
                    short_debug(&value),
                    hex(&bytes)
                )),
            }
        }
        self.compared += usize::from(compared);
    }

    /// Records the counts and fails with every failure found.
    pub fn finish(self) {
        let text = format!(
            "{} constructors and functions compared, {} ids absent in the newer layer, {} values skipped (a nested constructor's id changed)",
            self.compared, self.gone, self.nested_gone
        );
        println!("{}: {text}", self.pair);
        report::note(&format!("evolution {}", self.pair), &text);
        assert!(self.compared > 0, "{}: nothing compared", self.pair);
        assert!(
            self.failures.is_empty(),
            "{} values differ:\n{}",
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

impl Visitor for Evolution {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        self.check::<T>();
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.check::<T>();
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + tl_runtime::Deserialize + Clone + PartialEq + Debug,
    {
    }
}
