//! Point 5: our generated code and another implementation encode every
//! shared constructor to the same bytes.

use std::fmt::Debug;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Identifiable, RemoteCall, Serialize};

use crate::{first_difference, hex, seed_of, short_debug};

/// Our decode-and-re-encode (`reencode` of one or more generated modules).
pub type Ours = fn(&[u8]) -> Option<tl_runtime::Result<Vec<u8>>>;
/// The other implementation's, `None` for an id it lacks.
pub type Theirs = fn(&[u8]) -> Option<Result<Vec<u8>, String>>;

/// A [`Visitor`] over our constructors, comparing with `theirs`.
pub struct Differential {
    ours: Ours,
    theirs: Theirs,
    /// Constructors both have, compared.
    pub compared: usize,
    /// Constructors the other implementation lacks.
    pub only_ours: Vec<&'static str>,
    /// Disagreements, one message each.
    pub failures: Vec<String>,
}

impl Differential {
    /// Compares with `theirs`; `ours` decodes their bytes back.
    pub fn new(ours: Ours, theirs: Theirs) -> Self {
        Differential {
            ours,
            theirs,
            compared: 0,
            only_ours: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn check<T: Sample + Bare + Identifiable + Debug>(&mut self) {
        let seed = seed_of(T::NAME);
        let mut shapes = vec![
            (Flags::AllOff, 0, 0),
            (Flags::AllOn, 0, 2),
            (Flags::AllOn, 254, 1),
        ];
        shapes.extend((0..crate::round_trip::decisions::<T>(seed)).map(|k| (Flags::Only(k), 3, 1)));
        for (flags, text, vec) in shapes {
            let value = T::sample(&mut Gen::new(seed, flags, text, vec));
            let bytes = value.to_bytes();
            let theirs = match (self.theirs)(&bytes) {
                None => {
                    self.only_ours.push(T::NAME);
                    return;
                }
                Some(Ok(theirs)) => theirs,
                Some(Err(e)) => {
                    self.fail::<T>(
                        flags,
                        &value,
                        &bytes,
                        format!("they cannot decode our bytes: {e}"),
                    );
                    continue;
                }
            };
            if let Some(at) = first_difference(&bytes, &theirs) {
                self.fail::<T>(
                    flags,
                    &value,
                    &bytes,
                    format!(
                        "they re-encode differently from byte {at}: {}",
                        hex(&theirs)
                    ),
                );
                continue;
            }
            match (self.ours)(&theirs) {
                Some(Ok(back)) if back == theirs => {}
                other => self.fail::<T>(
                    flags,
                    &value,
                    &bytes,
                    format!("we decode their bytes to {other:?}"),
                ),
            }
        }
        self.compared += 1;
    }

    fn fail<T: Bare + Debug>(&mut self, flags: Flags, value: &T, bytes: &[u8], why: String) {
        self.failures.push(format!(
            "{} ({flags:?}): {why}\n  value: {}\n  our bytes: {}",
            T::NAME,
            short_debug(value),
            hex(bytes)
        ));
    }
}

impl Visitor for Differential {
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
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + tl_runtime::Deserialize + Clone + PartialEq + Debug,
    {
    }
}
