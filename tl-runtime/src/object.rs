//! `Object`: a boxed value of a type the schema does not name.

use alloc::vec::Vec;

use crate::error::Result;
use crate::{Deserialize, Reader, Serialize, Sink};

/// The raw bytes of one boxed value, for TL fields typed `Object`
/// (e.g. `rpc_result req_msg_id:long result:Object`).
///
/// Without a schema the end of such a value cannot be found, so decoding a
/// `RawObject` takes **all remaining input** (at least the 4-byte id): it
/// only fits as the last field of a message, which is where `Object` appears.
/// Decode the contents later with [`RawObject::decode`] once the expected
/// type is known.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct RawObject(pub Vec<u8>);

/// The bytes in hex, cut short like every byte string ([`crate::Hex`]).
impl core::fmt::Debug for RawObject {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("RawObject")
            .field(&crate::Hex(&self.0))
            .finish()
    }
}

impl RawObject {
    /// The constructor id in the first 4 bytes, if there are 4 bytes.
    pub fn constructor_id(&self) -> Option<u32> {
        self.0.first_chunk::<4>().map(|id| u32::from_le_bytes(*id))
    }

    /// The bytes of the value, id included.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Decodes the bytes as a `T`, which must span all of them.
    pub fn decode<T: Deserialize>(&self) -> Result<T> {
        T::from_bytes(&self.0)
    }
}

/// Writes the bytes verbatim.
impl Serialize for RawObject {
    fn serialized_len(&self) -> usize {
        self.0.len()
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_slice(&self.0);
    }
}

/// Takes all remaining input, which must hold at least a constructor id.
impl Deserialize for RawObject {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.peek_u32()?;
        Ok(Self(r.read_rest().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use alloc::vec;

    #[test]
    fn takes_the_rest_and_exposes_the_id() {
        let bytes = [0xb5, 0x75, 0x72, 0x99, 1, 2, 3, 4];
        let object = RawObject::from_bytes(&bytes).unwrap();
        assert_eq!(object.constructor_id(), Some(0x9972_75b5));
        assert_eq!(object.to_bytes(), bytes);
        assert_eq!(RawObject(vec![1]).constructor_id(), None);
    }

    #[test]
    fn needs_an_id() {
        let err = RawObject::from_bytes(&[1, 2]).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::UnexpectedEnd { needed: 4, .. }
        ));
    }

    #[test]
    fn decodes_once_the_type_is_known() {
        let object = RawObject(true.to_bytes());
        assert!(object.decode::<bool>().unwrap());
    }
}
