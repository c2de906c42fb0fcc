//! [`Serialize`]/[`Deserialize`] for the Rust types that stand for TL's
//! built-in types, each in its natural TL form:
//!
//! | Rust | TL |
//! |---|---|
//! | `i32` | `int` |
//! | `i64` | `long` |
//! | `f64` | `double` |
//! | `u32` | `#` (decoded with [`Reader::read_nat`]) |
//! | `bool` | boxed `Bool` |
//! | `String`, `str` | `string` |
//! | `[u8; 16]`, `[u8; 32]`, `[u8; 64]` | `int128`, `int256`, `int512` (opaque) |
//! | `Vec<T>`, `[T]` | boxed `Vector t` |
//! | `Box<T>` | whatever `T` is |
//!
//! TL `bytes` has no impl on `Vec<u8>`: `u8` is not `Serialize`, so
//! `Vec<u8>` can never be mistaken for a `Vector` of something. Generated
//! code reads and writes `Vec<u8>` fields with [`Reader::read_bytes`] and
//! [`wire::write_bytes`]; where a type is needed (`Vector<bytes>` as
//! `Vec<RawBytes>`), use [`RawBytes`](crate::RawBytes).

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Result;
use crate::{wire, Deserialize, Reader, Serialize, Sink};

impl Serialize for i32 {
    fn serialized_len(&self) -> usize {
        4
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_i32(*self);
    }
}

impl Deserialize for i32 {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_i32()
    }
}

impl Serialize for i64 {
    fn serialized_len(&self) -> usize {
        8
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_i64(*self);
    }
}

impl Deserialize for i64 {
    const MIN_WIRE_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_i64()
    }
}

impl Serialize for f64 {
    fn serialized_len(&self) -> usize {
        8
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_f64(*self);
    }
}

impl Deserialize for f64 {
    const MIN_WIRE_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_f64()
    }
}

/// TL `#`. Values of 2^31 and above cannot be decoded (see [`Reader::read_nat`]).
impl Serialize for u32 {
    fn serialized_len(&self) -> usize {
        4
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_u32(*self);
    }
}

/// TL `#`, rejecting 2^31 and above (see [`Reader::read_nat`]).
impl Deserialize for u32 {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_nat()
    }
}

/// Boxed `Bool`: `boolTrue` or `boolFalse`.
impl Serialize for bool {
    fn serialized_len(&self) -> usize {
        4
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_bool(out, *self);
    }
}

/// Boxed `Bool`: `boolTrue` or `boolFalse`.
impl Deserialize for bool {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_bool()
    }
}

impl Serialize for str {
    fn serialized_len(&self) -> usize {
        wire::bytes_len(self.len())
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_bytes(out, self.as_bytes());
    }
}

impl Serialize for String {
    fn serialized_len(&self) -> usize {
        self.as_str().serialized_len()
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        self.as_str().serialize(out);
    }
}

/// UTF-8 per [`Config::utf8`](crate::Config::utf8).
impl Deserialize for String {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_string()
    }
}

/// `int128`/`int256`/`int512`: `N` opaque bytes, written as they are.
impl<const N: usize> Serialize for [u8; N] {
    fn serialized_len(&self) -> usize {
        N
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_slice(self);
    }
}

/// `int128`/`int256`/`int512`: `N` opaque bytes, read as they are.
impl<const N: usize> Deserialize for [u8; N] {
    const MIN_WIRE_LEN: usize = N;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_array()
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Serialize> Serialize for [T] {
    fn serialized_len(&self) -> usize {
        wire::vector_len(self, T::serialized_len)
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        wire::write_vector(out, self, |out, item| item.serialize(out));
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Serialize> Serialize for Vec<T> {
    fn serialized_len(&self) -> usize {
        self.as_slice().serialized_len()
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        self.as_slice().serialize(out);
    }
}

/// Boxed `Vector t`, each item in `T`'s natural form.
impl<T: Deserialize> Deserialize for Vec<T> {
    const MIN_WIRE_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.read_vector(T::deserialize, T::MIN_WIRE_LEN)
    }
}

/// Same bytes as `T`; generated code boxes recursive and large fields.
impl<T: Serialize + ?Sized> Serialize for Box<T> {
    fn serialized_len(&self) -> usize {
        (**self).serialized_len()
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        (**self).serialize(out);
    }
}

/// Same bytes as `T`.
impl<T: Deserialize> Deserialize for Box<T> {
    const MIN_WIRE_LEN: usize = T::MIN_WIRE_LEN;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        T::deserialize(r).map(Box::new)
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
    fn boxes_and_arrays_are_transparent() {
        let value = Box::new([7u8; 16]);
        assert_eq!(value.to_bytes(), [7u8; 16]);
        assert_eq!(Box::<[u8; 16]>::from_bytes(&[7u8; 16]).unwrap(), value);
    }

    #[test]
    fn u32_decodes_as_nat() {
        let err = u32::from_bytes(&[0, 0, 0, 0x80]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NegativeNat { value: 1 << 31 });
    }
}
