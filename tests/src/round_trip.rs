//! Point 3: every constructor and function struct survives encode → decode,
//! and its encoded length is the one `serialized_len` announced.

use std::fmt::Debug;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Deserialize, Identifiable, RemoteCall, Serialize};

use crate::{corpus, first_difference, report, seed_of, short_debug};

/// The shapes of value each struct is tried with: `(flags, text_len, vec_len)`.
/// Every flags mode with short strings and two-item vectors, then all fields
/// present with strings at the length-prefix boundaries (253 bytes still fits
/// a 1-byte prefix, 254 needs the 4-byte form, 300 is past it) and with empty
/// and non-empty vectors.
pub fn shapes(decisions: usize) -> Vec<(Flags, usize, usize)> {
    let mut shapes = vec![
        (Flags::AllOff, 0, 2),
        (Flags::AllOn, 0, 2),
        (Flags::AllOn, 0, 0),
    ];
    shapes.extend((0..decisions).map(|k| (Flags::Only(k), 0, 2)));
    for text in [253, 254, 300] {
        for vec in [0, 2] {
            shapes.push((Flags::AllOn, text, vec));
        }
    }
    shapes
}

/// How many optional fields `T`'s outermost value has.
pub fn decisions<T: Sample>(seed: u64) -> usize {
    let mut g = Gen::new(seed, Flags::AllOn, 0, 2);
    let _ = T::sample(&mut g);
    g.decisions()
}

/// A [`Visitor`] that round-trips every constructor and function.
pub struct RoundTrip {
    schema: &'static str,
    constructors: usize,
    functions: usize,
    values: usize,
    failures: Vec<String>,
}

impl RoundTrip {
    /// A visitor for the schema at `path` (as written in `tl!`).
    pub fn new(path: &'static str) -> Self {
        RoundTrip {
            schema: corpus::name(path),
            constructors: 0,
            functions: 0,
            values: 0,
            failures: Vec::new(),
        }
    }

    fn check<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + PartialEq + Debug,
    {
        let seed = seed_of(T::NAME);
        for (flags, text, vec) in shapes(decisions::<T>(seed)) {
            let value = T::sample(&mut Gen::new(seed, flags, text, vec));
            self.values += 1;
            if let Err(why) = round_trip(&value) {
                self.failures.push(format!(
                    "{}: {} ({flags:?}, strings {text} bytes, vectors {vec} items): {why}\n  value: {}",
                    self.schema,
                    T::NAME,
                    short_debug(&value)
                ));
            }
        }
    }

    /// Records the counts and fails with every failure found.
    pub fn finish(self) {
        assert!(
            self.constructors > 0,
            "{}: visit_samples visited no constructor",
            self.schema
        );
        report::record(self.schema, report::Column::Constructors, self.constructors);
        report::record(self.schema, report::Column::Functions, self.functions);
        report::record(self.schema, report::Column::Values, self.values);
        assert!(
            self.failures.is_empty(),
            "{} of {} values failed to round-trip:\n{}",
            self.failures.len(),
            self.values,
            self.failures
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Encodes `value`, checks the length, decodes and compares; the error names
/// the first differing byte.
pub fn round_trip<T: Serialize + Deserialize + PartialEq + Debug>(value: &T) -> Result<(), String> {
    let bytes = value.to_bytes();
    if bytes.len() != value.serialized_len() {
        return Err(format!(
            "serialized_len {} but to_bytes wrote {} bytes",
            value.serialized_len(),
            bytes.len()
        ));
    }
    match T::from_bytes(&bytes) {
        Err(e) => Err(format!(
            "decoding its own bytes failed: {e}\n  bytes: {}",
            crate::hex(&bytes)
        )),
        Ok(back) if back == *value => Ok(()),
        Ok(back) => {
            let again = back.to_bytes();
            Err(format!(
                "decoded value differs (re-encoded bytes first differ at byte {:?})\n  decoded: {}",
                first_difference(&bytes, &again),
                short_debug(&back)
            ))
        }
    }
}

impl Visitor for RoundTrip {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        self.constructors += 1;
        self.check::<T>();
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.functions += 1;
        self.check::<T>();
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        // Every variant of a boxed type is one of the constructors above.
    }
}
