//! [`Serialize`]/[`Deserialize`] for the Rust types that stand for TL's
//! built-in types, each in its natural TL form:
//!
//! | Rust | TL |
//! |---|---|
//! | `i32` | `int` |
//! | `i64` | `long` |
//! | `f64` | `double` |
//! | `u32` | `#`, below 2^31 ([`wire::nat`], [`Reader::read_nat`]) |
//! | `bool` | boxed `Bool` |
//! | `String`, `str` | `string` |
//! | `[u8; 16]`, `[u8; 32]`, `[u8; 64]` | `int128`, `int256`, `int512` (opaque) |
//! | `Vec<T>`, `[T]` | boxed `Vector t` |
//!
//! TL `bytes` has no impl on `Vec<u8>`: `u8` is not `Serialize`, so
//! `Vec<u8>` can never be mistaken for a `Vector` of something. Generated
//! code reads and writes `Vec<u8>` fields with [`Reader::read_bytes`] and
//! [`wire::write_bytes`]; where a type is needed (`Vector<bytes>` as
//! `Vec<RawBytes>`), use [`RawBytes`](crate::RawBytes).

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{ErrorKind, Result};
use crate::{wire, Deserialize, Reader, Serialize, Sink};

/// `Serialize`/`Deserialize` for a little-endian number of `$width` bytes.
///
/// Vectors of these are the bulk of many responses (`Vector<long>` of ids),
/// so the item-run methods convert whole runs: one bounds check and one
/// exact allocation per vector instead of one call per item.
macro_rules! fixed_width {
    ($ty:ty, $width:literal, $read:ident) => {
        impl Serialize for $ty {
            #[inline]
            fn serialized_len(&self) -> usize {
                $width
            }
            #[inline]
            fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
                out.put_slice(&self.to_le_bytes());
            }
            #[inline]
            fn items_len(items: &[Self]) -> usize {
                items.len().saturating_mul($width)
            }
            #[inline]
            fn serialize_items<S: Sink + ?Sized>(items: &[Self], out: &mut S) {
                write_fixed_width(items, out, |item| item.to_le_bytes());
            }
        }

        impl Deserialize for $ty {
            const MIN_WIRE_LEN: usize = $width;
            #[inline]
            fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
                r.$read()
            }
            #[inline]
            fn deserialize_items(r: &mut Reader<'_>, count: usize) -> Result<Vec<Self>> {
                read_fixed_width(r, count, <$ty>::from_le_bytes)
            }
        }
    };
}

fixed_width!(i32, 4, read_i32);
fixed_width!(i64, 8, read_i64);
fixed_width!(f64, 8, read_f64);

/// Items converted per `put_slice` call: large enough to amortize the call,
/// small enough for the staging buffer to stay in L1.
const STAGED_ITEMS: usize = 64;

/// Writes fixed-width items through a stack buffer, `STAGED_ITEMS` at a time.
#[inline]
fn write_fixed_width<T: Copy, S: Sink + ?Sized, const W: usize>(
    items: &[T],
    out: &mut S,
    to_bytes: impl Fn(T) -> [u8; W],
) {
    out.reserve(items.len().saturating_mul(W));
    let mut staged = [[0u8; W]; STAGED_ITEMS];
    for chunk in items.chunks(STAGED_ITEMS) {
        for (slot, item) in staged.iter_mut().zip(chunk) {
            *slot = to_bytes(*item);
        }
        // `chunk.len() <= STAGED_ITEMS`, so the prefix always exists.
        let filled = staged.get(..chunk.len()).unwrap_or_default();
        out.put_slice(filled.as_flattened());
    }
}

/// Reads `count` fixed-width items with one bounds check.
#[inline]
fn read_fixed_width<T, const W: usize>(
    r: &mut Reader<'_>,
    count: usize,
    from_bytes: impl Fn([u8; W]) -> T,
) -> Result<Vec<T>> {
    let Some(len) = count.checked_mul(W) else {
        return Err(r.error(ErrorKind::InvalidLength { len: count as u64 }));
    };
    let run = r.read_raw(len)?;
    Ok(run
        .chunks_exact(W)
        .map(|item| from_bytes(item.try_into().unwrap_or([0; W])))
        .collect())
}

/// TL `#`.
///
/// # Panics
///
/// `serialize` panics on a value of 2^31 or more, which no reader accepts
/// (see [`wire::nat`]).
impl Serialize for u32 {
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_u32(wire::nat(*self));
    }
}

/// TL `#`, rejecting 2^31 and above (see [`Reader::read_nat`]).
impl Deserialize for u32 {
    const MIN_WIRE_LEN: usize = 4;
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_nat()
    }
}

/// Boxed `Bool`: `boolTrue` or `boolFalse`.
impl Serialize for bool {
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_bool(out, *self);
    }
}

/// Boxed `Bool`: `boolTrue` or `boolFalse`.
impl Deserialize for bool {
    const MIN_WIRE_LEN: usize = 4;
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_bool()
    }
}

impl Serialize for str {
    #[inline]
    fn serialized_len(&self) -> usize {
        wire::bytes_len(self.len())
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_bytes(out, self.as_bytes());
    }
}

impl Serialize for String {
    #[inline]
    fn serialized_len(&self) -> usize {
        self.as_str().serialized_len()
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        self.as_str().serialize(out);
    }
}

/// UTF-8 per [`Config::utf8`](crate::Config::utf8).
impl Deserialize for String {
    const MIN_WIRE_LEN: usize = 4;
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_string()
    }
}

/// `int128`/`int256`/`int512`: `N` opaque bytes, written as they are.
impl<const N: usize> Serialize for [u8; N] {
    #[inline]
    fn serialized_len(&self) -> usize {
        N
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_slice(self);
    }
    #[inline]
    fn items_len(items: &[Self]) -> usize {
        items.len().saturating_mul(N)
    }
    #[inline]
    fn serialize_items<S: Sink + ?Sized>(items: &[Self], out: &mut S) {
        out.put_slice(items.as_flattened());
    }
}

/// `int128`/`int256`/`int512`: `N` opaque bytes, read as they are.
impl<const N: usize> Deserialize for [u8; N] {
    const MIN_WIRE_LEN: usize = N;
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_array()
    }
    #[inline]
    fn deserialize_items(r: &mut Reader<'_>, count: usize) -> Result<Vec<Self>> {
        read_fixed_width(r, count, |item| item)
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Serialize> Serialize for [T] {
    #[inline]
    fn serialized_len(&self) -> usize {
        T::items_len(self).saturating_add(8)
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_vector_header(out, self.len());
        T::serialize_items(self, out);
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Serialize> Serialize for Vec<T> {
    #[inline]
    fn serialized_len(&self) -> usize {
        self.as_slice().serialized_len()
    }
    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        self.as_slice().serialize(out);
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Deserialize> Deserialize for Vec<T> {
    const MIN_WIRE_LEN: usize = 8;
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_id(wire::VECTOR_ID, "Vector")?;
        let count = r.read_count(T::MIN_WIRE_LEN)?;
        T::deserialize_items(r, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use alloc::vec;

    #[test]
    fn get_users_matches_the_spec() {
        // getUsers#2d84d5f5 id:Vector<int> = Vector<User>; getUsers([2, 3, 4])
        let mut out = Vec::new();
        out.put_u32(0x2d84_d5f5);
        vec![2i32, 3, 4].serialize(&mut out);
        assert_eq!(
            out,
            [
                0xF5, 0xD5, 0x84, 0x2D, 0x15, 0xC4, 0xB5, 0x1C, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00,
                0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00
            ]
        );
    }

    #[test]
    fn peter_round_trips() {
        let bytes = String::from("Peter").to_bytes();
        assert_eq!(bytes, [0x05, 0x50, 0x65, 0x74, 0x65, 0x72, 0x00, 0x00]);
        assert_eq!(String::from_bytes(&bytes).unwrap(), "Peter");
    }

    #[test]
    fn nested_vectors_box_every_level() {
        let value = vec![vec![1i64], vec![]];
        let bytes = value.to_bytes();
        assert_eq!(bytes.len(), value.serialized_len());
        assert_eq!(bytes.len(), 8 + (8 + 8) + 8);
        assert_eq!(Vec::<Vec<i64>>::from_bytes(&bytes).unwrap(), value);
    }

    #[test]
    fn arrays_are_opaque_bytes() {
        let value = [7u8; 16];
        assert_eq!(value.to_bytes(), [7u8; 16]);
        assert_eq!(<[u8; 16]>::from_bytes(&[7u8; 16]).unwrap(), value);
    }

    #[test]
    fn u32_decodes_as_nat() {
        let err = u32::from_bytes(&[0, 0, 0, 0x80]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NegativeNat { value: 1 << 31 });
        let err = u32::from_bytes(&[0xff; 4]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NegativeNat { value: u32::MAX });
    }

    #[test]
    fn the_largest_nat_round_trips() {
        let max = (1u32 << 31) - 1;
        assert_eq!(max.to_bytes(), [0xff, 0xff, 0xff, 0x7f]);
        assert_eq!(u32::from_bytes(&max.to_bytes()).unwrap(), max);
        let items = vec![0, max];
        assert_eq!(Vec::<u32>::from_bytes(&items.to_bytes()).unwrap(), items);
    }

    // What cannot be read back is not written.
    #[test]
    #[should_panic(expected = "at most 2^31 - 1")]
    fn a_nat_of_2_pow_31_is_not_written() {
        (1u32 << 31).to_bytes();
    }

    #[test]
    #[should_panic(expected = "at most 2^31 - 1")]
    fn a_vector_with_a_nat_of_2_pow_32_minus_1_is_not_written() {
        vec![1, u32::MAX].to_bytes();
    }
}
