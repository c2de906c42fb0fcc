//! Serde helpers that write TL `bytes` fields (`Vec<u8>`) as byte strings
//! instead of sequences of numbers.
//!
//! ```
//! # #[derive(serde::Serialize, serde::Deserialize)]
//! struct Photo {
//!     #[serde(with = "tl_runtime::serde_bytes")]
//!     file_reference: Vec<u8>,
//!     #[serde(with = "tl_runtime::serde_bytes::option")]
//!     thumb: Option<Vec<u8>>,
//! }
//! ```
//!
//! Deserializing accepts byte strings, strings and sequences of `u8`, so
//! formats without a byte type (JSON) still read back what they wrote.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{Deserializer, Error, SeqAccess, Visitor};
use serde::Serializer;

/// Serializes `bytes` with [`Serializer::serialize_bytes`].
pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

/// Deserializes a `Vec<u8>` from a byte string, string or sequence of `u8`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    deserializer.deserialize_byte_buf(BytesVisitor)
}

/// The same for `Option<Vec<u8>>` fields (`flags.N?bytes`).
pub mod option {
    use super::*;

    /// Serializes `Some` as bytes and `None` as the format's null.
    pub fn serialize<S: Serializer>(
        bytes: &Option<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(bytes) => serializer.serialize_some(&AsBytes(bytes)),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes null as `None`, anything [`super::deserialize`] accepts as `Some`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Vec<u8>>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct AsBytes<'a>(&'a [u8]);

    impl serde::Serialize for AsBytes<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(self.0)
        }
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Vec<u8>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("optional bytes")
        }

        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::deserialize(d).map(Some)
        }
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bytes")
    }

    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
        Ok(v.to_vec())
    }

    fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(v)
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Vec<u8>, E> {
        Ok(v.as_bytes().to_vec())
    }

    fn visit_string<E: Error>(self, v: String) -> Result<Vec<u8>, E> {
        Ok(v.into_bytes())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        // The size hint comes from the input; cap it so a lying hint cannot
        // force a large allocation.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(byte) = seq.next_element::<u8>()? {
            out.push(byte);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Photo {
        #[serde(with = "crate::serde_bytes")]
        file_reference: Vec<u8>,
        #[serde(with = "crate::serde_bytes::option")]
        thumb: Option<Vec<u8>>,
    }

    #[test]
    fn json_round_trips() {
        for photo in [
            Photo {
                file_reference: vec![1, 2, 255],
                thumb: Some(vec![]),
            },
            Photo {
                file_reference: vec![],
                thumb: None,
            },
        ] {
            let json = serde_json::to_string(&photo).unwrap();
            assert_eq!(serde_json::from_str::<Photo>(&json).unwrap(), photo);
        }
        let json = serde_json::to_string(&Photo {
            file_reference: vec![1],
            thumb: None,
        })
        .unwrap();
        assert_eq!(json, r#"{"file_reference":[1],"thumb":null}"#);
    }
}

/// The same for `int128`/`int256`/`int512` fields (`[u8; N]`, which serde
/// implements only up to 32 elements): bytes of exactly `N`.
pub mod fixed {
    use super::*;

    /// Serializes the array as bytes.
    pub fn serialize<S: Serializer, const N: usize>(
        bytes: &[u8; N],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    /// Deserializes exactly `N` bytes.
    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(
        deserializer: D,
    ) -> Result<[u8; N], D::Error> {
        let bytes = super::deserialize(deserializer)?;
        let len = bytes.len();
        bytes
            .try_into()
            .map_err(|_| D::Error::invalid_length(len, &"exactly as many bytes as the field holds"))
    }
}

/// `Object` values serialize as their raw bytes.
impl serde::Serialize for crate::RawObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for crate::RawObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(crate::RawObject)
    }
}

/// `True` carries nothing: it serializes as a unit.
impl serde::Serialize for crate::True {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl<'de> serde::Deserialize<'de> for crate::True {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <() as serde::Deserialize>::deserialize(deserializer).map(|()| crate::True)
    }
}
