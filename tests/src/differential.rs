//! Point 5: our generated code and another implementation encode every
//! shared constructor and function to the same bytes.

use std::fmt::Debug;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Identifiable, RemoteCall, Serialize};

use crate::{corpus, first_difference, hex, seed_of, short_debug};

/// Our decode-and-re-encode (`reencode` of one or more generated modules).
pub type Ours = fn(&[u8]) -> Option<tl_runtime::Result<Vec<u8>>>;
/// The other implementation's, `None` for an id it lacks.
pub type Theirs = fn(&[u8]) -> Option<Result<Vec<u8>, String>>;

/// One value on which the two implementations disagree.
#[derive(Clone, Debug)]
pub struct Disagreement {
    /// The constructor or function (TL name).
    pub name: &'static str,
    /// Schema, name, value, bytes and the first differing byte.
    pub message: String,
}

/// A [`Visitor`] over our constructors and functions, comparing with `theirs`:
/// our bytes must survive their decode and re-encode unchanged, and theirs
/// ours.
pub struct Differential {
    schema: &'static str,
    ours: Ours,
    theirs: Theirs,
    /// Constructors both have, compared.
    pub constructors: usize,
    /// Functions both have, compared.
    pub functions: usize,
    /// Constructors and functions the other implementation lacks.
    pub only_ours: Vec<&'static str>,
    /// Disagreements, one per value.
    pub failures: Vec<Disagreement>,
}

impl Differential {
    /// Compares the schema at `path` (as written in `tl!`) with `theirs`;
    /// `ours` decodes their bytes back.
    pub fn new(path: &'static str, ours: Ours, theirs: Theirs) -> Self {
        Differential {
            schema: corpus::name(path),
            ours,
            theirs,
            constructors: 0,
            functions: 0,
            only_ours: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// Compares `T`'s sample values; `false` if the other side lacks `T`.
    fn compare<T: Sample + Bare + Identifiable + Debug>(&mut self) -> bool {
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
            let why = match self.verdict(&bytes) {
                None => {
                    self.only_ours.push(T::NAME);
                    return false;
                }
                Some(Ok(())) => continue,
                Some(Err(why)) => why,
            };
            self.failures.push(Disagreement {
                name: T::NAME,
                message: format!(
                    "{}: {} ({flags:?}, strings {text} bytes, vectors {vec} items): {why}\n  value: {}\n  our bytes: {}",
                    self.schema,
                    T::NAME,
                    short_debug(&value),
                    hex(&bytes)
                ),
            });
        }
        true
    }

    /// Whether both sides agree on `bytes` (ours): they decode and re-encode
    /// them unchanged, and we do the same with their encoding. `None` if they
    /// lack the id, else why they disagree.
    fn verdict(&self, bytes: &[u8]) -> Option<Result<(), String>> {
        let theirs = match (self.theirs)(bytes)? {
            Ok(theirs) => theirs,
            Err(e) => return Some(Err(format!("they cannot decode our bytes: {e}"))),
        };
        if let Some(at) = first_difference(bytes, &theirs) {
            return Some(Err(format!(
                "they re-encode differently from byte {at}: {}",
                hex(&theirs)
            )));
        }
        Some(match (self.ours)(&theirs) {
            Some(Ok(back)) => match first_difference(&theirs, &back) {
                None => Ok(()),
                Some(at) => Err(format!(
                    "we re-encode their bytes differently from byte {at}: {}",
                    hex(&back)
                )),
            },
            Some(Err(e)) => Err(format!("we cannot decode their bytes: {e}")),
            None => Err("we lack the id of their bytes".to_string()),
        })
    }
}

impl Visitor for Differential {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        if self.compare::<T>() {
            self.constructors += 1;
        }
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        if self.compare::<T>() {
            self.functions += 1;
        }
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + tl_runtime::Deserialize + Clone + PartialEq + Debug,
    {
        // Every variant of a boxed type is one of the constructors above.
    }
}
