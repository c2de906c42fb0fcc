//! Destinations for serialized bytes.

use alloc::vec::Vec;

/// Where serialized bytes go.
///
/// Only [`Sink::put_slice`] must be written; the fixed-width helpers encode
/// little-endian, as every TL number is.
pub trait Sink {
    /// Appends `bytes`.
    fn put_slice(&mut self, bytes: &[u8]);

    /// Appends a 32-bit unsigned integer (constructor ids, `#`).
    #[inline]
    fn put_u32(&mut self, v: u32) {
        self.put_slice(&v.to_le_bytes());
    }

    /// Appends a TL `int`.
    #[inline]
    fn put_i32(&mut self, v: i32) {
        self.put_slice(&v.to_le_bytes());
    }

    /// Appends a TL `long`.
    #[inline]
    fn put_i64(&mut self, v: i64) {
        self.put_slice(&v.to_le_bytes());
    }

    /// Appends a TL `double`.
    #[inline]
    fn put_f64(&mut self, v: f64) {
        self.put_slice(&v.to_le_bytes());
    }

    /// Announces that `additional` more bytes are about to be written, so
    /// that a growable sink makes room once (a vector of 10,000 `long`s)
    /// instead of growing step by step. Only a hint; the default ignores it.
    fn reserve(&mut self, additional: usize) {
        let _ = additional;
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }
}

/// A [`Sink`] that keeps only the number of bytes written to it: the exact
/// encoded size of a value, by the same walk that encodes it.
///
/// This is how [`Serialize::serialized_len`](crate::Serialize::serialized_len)
/// and [`Bare::bare_len`](crate::Bare::bare_len) are computed by default, so
/// the size can never disagree with the bytes. The walk writes nothing
/// anywhere; `tl-codegen/BENCHMARKS.md` compares its cost with the
/// hand-written size functions it replaced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ByteCount(usize);

impl ByteCount {
    /// Bytes written so far (saturating at `usize::MAX`).
    #[inline]
    pub fn len(self) -> usize {
        self.0
    }

    /// Whether nothing was written.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Sink for ByteCount {
    /// Fixed-width writes come here too, through `Sink`'s defaults, as a
    /// slice of constant length: the count is all that is left of them.
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.0 = self.0.saturating_add(bytes.len());
    }
}

/// Adapts any [`bytes::BufMut`] into a [`Sink`].
///
/// `BufMut` panics when a fixed-capacity buffer runs out of room; size such
/// buffers with [`Serialize::serialized_len`](crate::Serialize::serialized_len) first.
#[cfg(feature = "bytes")]
pub struct BufMutSink<'a, B: bytes::BufMut>(pub &'a mut B);

#[cfg(feature = "bytes")]
impl<B: bytes::BufMut> Sink for BufMutSink<'_, B> {
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.0.put_slice(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_little_endian() {
        let mut out = Vec::new();
        out.put_u32(0x1cb5_c415);
        out.put_i32(-2);
        out.put_i64(1);
        out.put_f64(1.0);
        assert_eq!(
            out,
            [
                0x15, 0xc4, 0xb5, 0x1c, 0xfe, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0xf0, 0x3f
            ]
        );
    }

    #[test]
    fn vec_makes_room_when_asked() {
        let mut out: Vec<u8> = Vec::new();
        Sink::reserve(&mut out, 100);
        assert!(out.capacity() >= 100);
        assert!(out.is_empty());
    }

    #[test]
    fn byte_count_counts_what_a_vec_receives() {
        fn write_all<S: Sink>(out: &mut S) {
            out.put_u32(1);
            out.put_i32(-1);
            out.put_i64(2);
            out.put_f64(0.5);
            out.put_slice(b"abc");
            out.reserve(1000);
        }
        let mut bytes = Vec::new();
        write_all(&mut bytes);
        let mut count = ByteCount::default();
        assert!(count.is_empty());
        write_all(&mut count);
        assert_eq!(count.len(), bytes.len());
        assert_eq!(count.len(), 27);
    }

    #[test]
    fn byte_count_saturates() {
        let mut count = ByteCount(usize::MAX - 1);
        count.put_u32(0);
        assert_eq!(count.len(), usize::MAX);
    }

    #[cfg(feature = "bytes")]
    #[test]
    fn buf_mut_sink_appends() {
        let mut buf = bytes::BytesMut::new();
        BufMutSink(&mut buf).put_u32(7);
        assert_eq!(&buf[..], &[7, 0, 0, 0]);
    }
}
