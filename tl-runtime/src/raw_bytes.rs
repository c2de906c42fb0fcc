//! A named type for TL `bytes`, for where a type (not a field) is needed.

use alloc::vec::Vec;
use core::ops::{Deref, DerefMut};

use crate::error::Result;
use crate::{wire, Deserialize, Reader, Serialize, Sink};

/// TL `bytes` as a type: length-prefixed, padded, no UTF-8 check.
///
/// Fields of type `bytes` are plain `Vec<u8>` in generated code (read with
/// [`Reader::read_bytes`], written with [`wire::write_bytes`]), because
/// `Vec<T>` already means `Vector t`. `RawBytes` is for the places that
/// need a [`Serialize`]/[`Deserialize`] type, such as `Vector<bytes>` as
/// `Vec<RawBytes>`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RawBytes(pub Vec<u8>);

/// The bytes in hex, cut short like every byte string ([`crate::Hex`]).
impl core::fmt::Debug for RawBytes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("RawBytes")
            .field(&crate::Hex(&self.0))
            .finish()
    }
}

impl Serialize for RawBytes {
    fn serialized_len(&self) -> usize {
        wire::bytes_len(self.0.len())
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_bytes(out, &self.0);
    }
}

impl Deserialize for RawBytes {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_bytes().map(RawBytes)
    }
}

impl From<Vec<u8>> for RawBytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<RawBytes> for Vec<u8> {
    fn from(bytes: RawBytes) -> Self {
        bytes.0
    }
}

impl Deref for RawBytes {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl DerefMut for RawBytes {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn vector_of_bytes_round_trips() {
        let value = vec![RawBytes(vec![1, 2, 3]), RawBytes::default()];
        let bytes = value.to_bytes();
        assert_eq!(bytes.len(), 8 + 4 + 4);
        assert_eq!(Vec::<RawBytes>::from_bytes(&bytes).unwrap(), value);
    }
}
