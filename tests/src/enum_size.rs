//! Point 8: every enum the generator emits is at most
//! [`tl_corpus::ENUM_SIZE_BOUND`] bytes in memory, the size the generator
//! promises by boxing large variants. A decoded `Vec<Update>` costs that
//! much per item, so a regression here costs every user memory.

use std::fmt::Debug;
use std::mem::size_of;

use tl_corpus::ENUM_SIZE_BOUND;
use tl_runtime::sample::{Sample, Visitor};
use tl_runtime::{Deserialize, Serialize};

use crate::{corpus, report};

/// A [`Visitor`] that measures every boxed type's enum.
pub struct EnumSizes {
    schema: &'static str,
    /// Enums measured.
    pub enums: usize,
    /// The largest enum: TL type name and size in bytes.
    pub largest: (&'static str, usize),
    /// Enums over the bound: TL type name and size in bytes.
    pub over: Vec<(&'static str, usize)>,
}

impl EnumSizes {
    /// A visitor for the schema at `path` (as written in `tl!`).
    pub fn new(path: &'static str) -> Self {
        EnumSizes {
            schema: corpus::name(path),
            enums: 0,
            largest: ("", 0),
            over: Vec::new(),
        }
    }

    /// Counts the enum of TL type `name`, `size` bytes in memory.
    pub fn measure(&mut self, name: &'static str, size: usize) {
        self.enums += 1;
        if size > self.largest.1 {
            self.largest = (name, size);
        }
        if size > ENUM_SIZE_BOUND {
            self.over.push((name, size));
        }
    }

    /// Records the largest size and fails if an enum is over the bound.
    pub fn finish(self) {
        assert!(
            self.enums > 0,
            "{}: visit_samples visited no boxed type",
            self.schema
        );
        report::record(self.schema, report::Column::LargestEnum, self.largest.1);
        assert!(
            self.over.is_empty(),
            "{}: {} of {} enums are over {ENUM_SIZE_BOUND} bytes: {:?}",
            self.schema,
            self.over.len(),
            self.enums,
            self.over
        );
    }
}

impl Visitor for EnumSizes {
    fn boxed<T>(&mut self, name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.measure(name, size_of::<T>());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enum_over_the_bound_is_reported() {
        let mut v = EnumSizes::new("test");
        v.measure("Small", 8);
        v.measure("Exact", ENUM_SIZE_BOUND);
        v.measure("Large", ENUM_SIZE_BOUND + 1);
        assert_eq!(v.enums, 3);
        assert_eq!(v.over, [("Large", ENUM_SIZE_BOUND + 1)]);
        assert_eq!(v.largest, ("Large", ENUM_SIZE_BOUND + 1));
    }
}
