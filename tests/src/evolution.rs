//! Point 7: a constructor whose id did not change between two layers encodes
//! the same with either layer's types. Samples of the older layer are decoded
//! and re-encoded by the newer one (`newer::reencode`), and must come back
//! byte for byte, with two differences explained and checked, not assumed:
//!
//! * **`?true` drift.** Ids are blind to `flags.N?true` fields (the Telegram
//!   id rule drops them before hashing), so a constructor can keep its id
//!   while a true flag is added, removed or moved; the newer layer then drops
//!   a bit it does not know. Allowed only where the older schema's AST puts a
//!   flags word in these bytes ([`crate::layout`]), and only for bits that are
//!   `?true` fields there and are cleared, not set. Any other difference, such
//!   as a swapped or mis-encoded `int` or `long`, fails.
//! * **A nested constructor gone.** The newer layer cannot decode a value
//!   holding a constructor it lacks. Counted as skipped only if the error
//!   names an id that the walk of the older bytes found at that very offset,
//!   that the older layer's `name_for_id` knows and the newer one's does not.
//!   Any other decoding error (a decoder that slipped out of alignment and
//!   read garbage as an id) fails.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::ErrorKind;
use tl_runtime::{Bare, Identifiable, RemoteCall, Serialize};

use crate::layout::{FlagWord, Walker};
use crate::{first_difference, hex, report, seed_of, short_debug};

/// A generated module's `reencode`.
pub type Reencode = fn(&[u8]) -> Option<tl_runtime::Result<Vec<u8>>>;

/// A generated module's `name_for_id`.
pub type NameForId = fn(u32) -> Option<&'static str>;

/// One layer's generated module, as the evolution check uses it
/// ([`crate::schema_suite!`] defines `layer()` for each).
#[derive(Clone, Copy, Debug)]
pub struct Layer {
    /// Short name for messages and the report (`api-160`).
    pub name: &'static str,
    /// The schema file, as written in `tl!`.
    pub path: &'static str,
    /// Decodes boxed bytes as the id's constructor or function, encodes again.
    pub reencode: Reencode,
    /// Every id of the schema to its TL name.
    pub name_for_id: NameForId,
}

/// A [`Visitor`] over the older layer.
pub struct Evolution {
    pair: String,
    older: Layer,
    newer: Layer,
    walker: Walker,
    /// Constructors and functions compared byte for byte.
    pub compared: usize,
    /// Constructors and functions whose id the newer layer lacks.
    pub gone: usize,
    /// Values skipped because a nested constructor is gone in the newer layer.
    pub nested_gone: usize,
    /// Outermost constructors of values whose re-encoding dropped a `?true` bit.
    pub drift: BTreeSet<&'static str>,
    failures: Vec<String>,
}

impl Evolution {
    /// Samples of `older`, re-encoded by `newer`.
    pub fn new(older: Layer, newer: Layer) -> Self {
        Evolution {
            pair: format!("{} → {}", older.name, newer.name),
            walker: Walker::new(&read_schema(older.path)),
            older,
            newer,
            compared: 0,
            gone: 0,
            nested_gone: 0,
            drift: BTreeSet::new(),
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
            let verdict = match (self.newer.reencode)(&bytes) {
                None => {
                    self.gone += 1;
                    return;
                }
                Some(Ok(again)) if again == bytes => Ok(true),
                Some(Ok(again)) => self.true_bits_dropped(T::NAME, &bytes, &again).map(|()| {
                    self.drift.insert(T::NAME);
                    true
                }),
                Some(Err(e)) => self.nested_constructor_gone(T::NAME, &bytes, &e).map(|()| {
                    self.nested_gone += 1;
                    false
                }),
            };
            match verdict {
                Ok(same) => compared |= same,
                Err(why) => self.failures.push(format!(
                    "{}: {} ({flags:?}): {why}\n  value: {}\n  bytes: {}",
                    self.pair,
                    T::NAME,
                    short_debug(&value),
                    hex(&bytes)
                )),
            }
        }
        self.compared += usize::from(compared);
    }

    /// `Ok` if `new` is `old` with `?true` bits of flags words cleared.
    fn true_bits_dropped(&self, name: &str, old: &[u8], new: &[u8]) -> Result<(), String> {
        let layout = self.walker.layout(name, old)?;
        true_bits_dropped(old, new, &layout.flag_words)
    }

    /// `Ok` if `e` is the newer layer meeting a constructor that the older
    /// bytes hold at that offset and that only the older layer has.
    fn nested_constructor_gone(
        &self,
        name: &str,
        old: &[u8],
        e: &tl_runtime::Error,
    ) -> Result<(), String> {
        let ErrorKind::UnknownConstructor { id, .. } = *e.kind() else {
            return Err(format!("the newer layer failed: {e}"));
        };
        let layout = self.walker.layout(name, old).map_err(|why| {
            format!("the newer layer failed ({e}); walking the older bytes: {why}")
        })?;
        if !layout.ids.contains(&(e.offset(), id)) {
            return Err(format!(
                "the newer layer failed ({e}), where the older bytes hold no such constructor id"
            ));
        }
        match ((self.older.name_for_id)(id), (self.newer.name_for_id)(id)) {
            (Some(_), None) => Ok(()),
            (old, new) => Err(format!(
                "the newer layer failed ({e}); {} names it {old:?}, {} names it {new:?}",
                self.older.name, self.newer.name
            )),
        }
    }

    /// What failed so far, one message per value.
    pub fn failures(&self) -> &[String] {
        &self.failures
    }

    /// Records the counts and the drift, and fails with every failure found.
    pub fn finish(self) {
        let text = format!(
            "{} constructors and functions compared, {} ids absent in the newer layer, \
             {} values skipped (a nested constructor's id absent in the newer layer)",
            self.compared, self.gone, self.nested_gone
        );
        println!("{}: {text}", self.pair);
        report::note(&format!("evolution {}", self.pair), &text);
        let drift = format!(
            "{} constructors with true-flag drift (same id, a `?true` bit dropped or moved): {}",
            self.drift.len(),
            self.drift.iter().copied().collect::<Vec<_>>().join(", ")
        );
        println!("{}: {drift}", self.pair);
        report::note(&format!("evolution {}: drift", self.pair), &drift);
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

/// The text of the schema at `path`, written as in `tl!` (relative to this
/// crate's root): a corpus file or a fixture of the suite's own tests.
fn read_schema(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// `Ok` if `new` equals `old` except for bits that are set in `old`, cleared
/// in `new`, and belong to `?true` fields of one of `flag_words` (offsets
/// into `old`); otherwise why not.
pub fn true_bits_dropped(old: &[u8], new: &[u8], flag_words: &[FlagWord]) -> Result<(), String> {
    if old.len() != new.len() {
        return Err(format!(
            "re-encoded to {} bytes instead of {}: {}",
            new.len(),
            old.len(),
            hex(new)
        ));
    }
    // Put back the bits the newer layer may drop; what is left must be equal.
    let mut restored = new.to_vec();
    for word in flag_words {
        let range = word.offset..word.offset + 4;
        let (Some(o), Some(n)) = (old.get(range.clone()), new.get(range.clone())) else {
            return Err(format!(
                "flags word at byte {} is past the end",
                word.offset
            ));
        };
        let o = u32::from_le_bytes([o[0], o[1], o[2], o[3]]);
        let n = u32::from_le_bytes([n[0], n[1], n[2], n[3]]);
        let dropped = o & !n;
        if n & !o == 0 && dropped & !word.true_bits == 0 {
            restored[range].copy_from_slice(&o.to_le_bytes());
        }
    }
    match first_difference(old, &restored) {
        None => Ok(()),
        Some(at) => Err(format!(
            "re-encoded bytes differ at byte {at}, which is not a `?true` bit the newer layer may drop \
             (flags words at {:?}): {}",
            flag_words.iter().map(|w| w.offset).collect::<Vec<_>>(),
            hex(new)
        )),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A flags word at 4 with `?true` bits 0 and 2 (bit 1 carries a value),
    /// an `int` at 8 and a `long` at 12.
    const WORDS: &[FlagWord] = &[FlagWord {
        offset: 4,
        true_bits: 0b101,
    }];

    fn old() -> Vec<u8> {
        let mut b = Vec::from(0x1234_5678u32.to_le_bytes());
        b.extend(0b111u32.to_le_bytes());
        b.extend(7i32.to_le_bytes());
        b.extend(0x0102_0304_0506_0708i64.to_le_bytes());
        b
    }

    #[test]
    fn a_dropped_true_bit_is_drift() {
        let mut new = old();
        new[4] = 0b010;
        assert_eq!(true_bits_dropped(&old(), &new, WORDS), Ok(()));
        assert_eq!(true_bits_dropped(&old(), &old(), WORDS), Ok(()));
    }

    #[test]
    fn a_value_bit_or_a_set_bit_is_not_drift() {
        let mut new = old();
        new[4] = 0b101; // bit 1 carries a value
        assert!(true_bits_dropped(&old(), &new, WORDS).is_err());
        let mut new = old();
        new[4] = 0b1111; // a bit set that the older bytes lack
        assert!(true_bits_dropped(&old(), &new, WORDS).is_err());
    }

    #[test]
    fn a_changed_int_or_long_is_not_drift() {
        let old = old();
        // The `int` and the long's first half swapped: same length, two
        // aligned words differ, and neither is a flags word.
        let mut swapped = old.clone();
        swapped[8..12].copy_from_slice(&old[12..16]);
        swapped[12..16].copy_from_slice(&old[8..12]);
        assert!(true_bits_dropped(&old, &swapped, WORDS).is_err());
        // The long's halves written in the wrong order.
        let mut halves = old.clone();
        halves[12..16].copy_from_slice(&old[16..20]);
        halves[16..20].copy_from_slice(&old[12..16]);
        assert!(true_bits_dropped(&old, &halves, WORDS).is_err());
        // The same change in a word the walk did not find is not excused
        // by a flags word elsewhere.
        let mut int = old.clone();
        int[8] ^= 1;
        assert!(true_bits_dropped(&old, &int, WORDS).is_err());
        assert!(true_bits_dropped(&old, &old[..16], WORDS).is_err());
    }
}
