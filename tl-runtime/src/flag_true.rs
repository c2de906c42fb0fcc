//! TL's `true`: a type with one constructor and no bytes on the wire.

use crate::error::Result;
use crate::{Deserialize, Reader, Serialize, Sink};

/// TL `true` (`true#3fedd339 = True`), which occupies zero bytes when bare.
///
/// Schemas use it almost only as `flags.N?true`, which generated code maps
/// to a plain `bool` read from the flags word; this type covers the rare
/// field or vector item that names `true` directly. It is a named type
/// rather than `()` so that generated signatures say what the schema says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct True;

impl Serialize for True {
    fn serialized_len(&self) -> usize {
        0
    }
    fn serialize<S: Sink + ?Sized>(&self, _out: &mut S) {}
}

impl Deserialize for True {
    fn deserialize(_r: &mut Reader<'_>) -> Result<Self> {
        Ok(True)
    }
}
