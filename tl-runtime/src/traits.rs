//! The traits generated types implement.

use alloc::vec::Vec;
use core::fmt;

use crate::error::{ErrorKind, Result};
use crate::{ByteCount, Config, Reader, RpcError, Sink};

/// First capacity of the vector that [`Serialize::to_bytes`] returns.
///
/// 256 bytes hold a typical request (an `updateShortMessage` with a
/// 100-character text and every flag set is 248 bytes) in one allocation.
pub const TO_BYTES_CAPACITY: usize = 256;

/// A value that can be written in TL's binary form.
pub trait Serialize {
    /// Exact number of bytes [`Serialize::serialize`] writes.
    ///
    /// The default runs `serialize` into a [`ByteCount`], so it cannot
    /// disagree with the bytes; types whose size is a formula override it.
    #[inline]
    fn serialized_len(&self) -> usize {
        let mut count = ByteCount::default();
        self.serialize(&mut count);
        count.len()
    }

    /// Writes the value to `out`.
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S);

    /// Serialized size of `items` written back to back (a vector's body).
    /// Fixed-width types override it with a multiplication.
    #[inline]
    fn items_len(items: &[Self]) -> usize
    where
        Self: Sized,
    {
        items.iter().fold(0usize, |sum, item| {
            sum.saturating_add(item.serialized_len())
        })
    }

    /// Writes `items` back to back (a vector's body). Fixed-width numbers
    /// override it to write whole chunks instead of one call per item.
    #[inline]
    fn serialize_items<S: Sink + ?Sized>(items: &[Self], out: &mut S)
    where
        Self: Sized,
    {
        for item in items {
            item.serialize(out);
        }
    }

    /// The value's bytes.
    ///
    /// The value is walked once: the vector starts at
    /// [`TO_BYTES_CAPACITY`] bytes, which most
    /// requests fit, and larger values grow it by doubling. Sizing it exactly
    /// first would walk a large value twice, which costs more than the
    /// growth (`tl-codegen/BENCHMARKS.md`); [`Serialize::serialized_len`]
    /// gives the exact size when it is needed.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(TO_BYTES_CAPACITY);
        self.serialize(&mut out);
        out
    }

    /// Appends the value to `out` in one walk, growing it as needed: a
    /// buffer reused across values reaches its working size once.
    fn write_to(&self, out: &mut Vec<u8>) {
        self.serialize(out);
    }

    /// Writes the value into any [`bytes::BufMut`].
    #[cfg(feature = "bytes")]
    fn write_to_buf<B: bytes::BufMut>(&self, buf: &mut B) {
        self.serialize(&mut crate::BufMutSink(buf));
    }
}

/// A value that can be read from TL's binary form.
pub trait Deserialize: Sized {
    /// The fewest bytes any encoded value of this type occupies. Vector
    /// decoding uses it to reject impossible counts before allocating; the
    /// default of 0 is always safe (the check then assumes 1 byte per item).
    const MIN_WIRE_LEN: usize = 0;

    /// Reads one value at the reader's cursor.
    fn deserialize(r: &mut Reader<'_>) -> Result<Self>;

    /// Reads `count` items back to back (a vector's body). Fixed-width
    /// numbers override it to check bounds once and convert the whole run.
    ///
    /// Vector decoding checks `count` against the remaining input before
    /// calling this; the capacity is capped by the remaining input as well,
    /// so a direct call with a hostile count cannot force a large allocation.
    #[inline]
    fn deserialize_items(r: &mut Reader<'_>, count: usize) -> Result<Vec<Self>> {
        let mut items = Vec::with_capacity(count.min(r.remaining()));
        for _ in 0..count {
            items.push(Self::deserialize(r)?);
        }
        Ok(items)
    }

    /// Decodes a value that must span all of `bytes`, with the default [`Config`].
    ///
    /// Bytes left after the value fail with [`ErrorKind::TrailingBytes`] at
    /// the offset where they start.
    #[inline]
    fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::from_bytes_with(bytes, &Config::default())
    }

    /// Like [`Deserialize::from_bytes`], with the given limits and policies.
    #[inline]
    fn from_bytes_with(bytes: &[u8], config: &Config) -> Result<Self> {
        let mut r = Reader::with_config(bytes, config);
        let value = Self::deserialize(&mut r)?;
        if !r.is_empty() {
            return Err(r.error(ErrorKind::TrailingBytes {
                count: r.remaining(),
            }));
        }
        Ok(value)
    }

    /// Streaming form: decodes one value from the front of `bytes` and
    /// returns it with the number of bytes consumed; the rest is left for
    /// the caller.
    fn from_prefix(bytes: &[u8]) -> Result<(Self, usize)> {
        Self::from_prefix_with(bytes, &Config::default())
    }

    /// Like [`Deserialize::from_prefix`], with the given limits and policies.
    fn from_prefix_with(bytes: &[u8], config: &Config) -> Result<(Self, usize)> {
        let mut r = Reader::with_config(bytes, config);
        let value = Self::deserialize(&mut r)?;
        Ok((value, r.position()))
    }
}

/// A TL constructor or function with a constructor id.
pub trait Identifiable {
    /// The constructor's 32-bit id (the CRC32 of its normalized definition,
    /// or the `#id` written in the schema).
    const CONSTRUCTOR_ID: u32;
}

/// A TL function (RPC method): its arguments serialize as the request, the
/// answer decodes as [`RemoteCall::Return`], and an `rpc_error` answer
/// converts into [`RemoteCall::Error`].
pub trait RemoteCall: Serialize {
    /// The type the function returns.
    type Return: Deserialize;

    /// The errors the call can fail with: [`RpcError`] itself, or, when the
    /// code was generated with docs, an enum of the errors the method
    /// documents (every other error is kept in its last variant).
    type Error: From<RpcError> + Into<RpcError> + fmt::Debug + fmt::Display;

    /// The `rpc_error` the server answered this call with, as
    /// [`RemoteCall::Error`].
    fn error(&self, error: RpcError) -> Self::Error {
        Self::Error::from(error)
    }
}
