//! What generated code needs beyond the public traits: the bare form of a
//! constructor, and the reader calls its decoders make.

use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::{ByteCount, Deserialize, Identifiable, RawObject, Reader, Serialize, Sink};

/// The id of `true#3fedd339 = True`.
pub const TRUE_ID: u32 = 0x3fedd339;

/// The bare form of a constructor: its fields without the leading id.
///
/// TL writes a constructor bare where the schema names it directly, as in
/// `vector<%Message>` or a lowercase `future_salt` field. Generated structs
/// implement this; their `Serialize`/`Deserialize` add the id in front.
///
/// Every `Bare + Identifiable` type is `Serialize` and `Deserialize` in its
/// boxed form: the id, then the bare fields. (Generated code thus needs no
/// impls of its own for those, which keeps large schemas quick to compile.)
pub trait Bare: Sized {
    /// The TL name, for errors (`updateShortMessage`).
    const NAME: &'static str;

    /// Exact number of bytes [`Bare::serialize_bare`] writes.
    ///
    /// The default counts what `serialize_bare` writes (see [`ByteCount`]);
    /// generated structs use it, which saves the compiler a second function
    /// per constructor.
    #[inline]
    fn bare_len(&self) -> usize {
        let mut count = ByteCount::default();
        self.serialize_bare(&mut count);
        count.len()
    }

    /// Writes the fields.
    #[inline]
    fn serialize_bare<S: Sink + ?Sized>(&self, out: &mut S) {
        self.serialize_with_id(None, out);
    }

    /// Writes `id`, when given, then the fields: the boxed form with
    /// `Some(id)`, the bare form with `None`.
    ///
    /// This is the one write an implementation provides, so that the id and
    /// the leading fixed-width fields can go out in one write; the bare and
    /// boxed forms both call it.
    fn serialize_with_id<S: Sink + ?Sized>(&self, id: Option<u32>, out: &mut S);

    /// Reads the fields.
    fn deserialize_bare(r: &mut Reader<'_>) -> Result<Self>;
}

impl<T: Bare + Identifiable> Serialize for T {
    #[inline]
    fn serialized_len(&self) -> usize {
        4 + self.bare_len()
    }

    #[inline]
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        self.serialize_with_id(Some(T::CONSTRUCTOR_ID), out);
    }
}

impl<T: Bare + Identifiable> Deserialize for T {
    const MIN_WIRE_LEN: usize = 4;

    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_id(T::CONSTRUCTOR_ID, T::NAME)?;
        T::deserialize_bare(r)
    }
}

impl<'a> Reader<'a> {
    /// The error for constructor `id`, just read, that `type_name` does not
    /// have; its offset is where the id starts. A `gzip_packed` id gives
    /// [`ErrorKind::GzipPacked`] ([`Error::unknown_constructor`]).
    #[cold]
    pub fn unknown_constructor(&self, id: u32, type_name: &'static str) -> Error {
        Error::unknown_constructor(id, type_name, self.position().saturating_sub(4))
    }

    /// Reads the boxed `True` (`true#3fedd339`) that some functions return.
    pub fn read_boxed_true(&mut self) -> Result<crate::True> {
        self.expect_id(TRUE_ID, "True")?;
        Ok(crate::True)
    }

    /// Reads an `Object` whose length a preceding `bytes:int` gave (MTProto's
    /// `message msg_id:long seqno:int bytes:int body:Object`).
    ///
    /// The length must be a multiple of 4, as every boxed value is, and fit
    /// the remaining input; otherwise the error is
    /// [`ErrorKind::InvalidLength`] at the length's offset, before any of the
    /// body is read: a wrong length would misalign every message after it.
    pub fn read_sized_object(&mut self, len: i32) -> Result<RawObject> {
        let at = self.position().saturating_sub(4);
        let fits = usize::try_from(len)
            .ok()
            .filter(|&len| len % 4 == 0 && len <= self.remaining());
        let Some(len) = fits else {
            return Err(Error::new(
                ErrorKind::InvalidLength {
                    len: u64::from(len.unsigned_abs()),
                },
                at,
            ));
        };
        let bytes: &[u8] = self.read_raw(len)?;
        Ok(RawObject(Vec::from(bytes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn unknown_constructor_points_at_the_id() {
        let bytes = [1u8, 0, 0, 0, 2, 0, 0, 0];
        let mut r = Reader::new(&bytes);
        r.read_u32().unwrap();
        let id = r.read_u32().unwrap();
        let e = r.unknown_constructor(id, "Foo");
        assert_eq!(e.offset(), 4);
        assert_eq!(
            e.kind(),
            &ErrorKind::UnknownConstructor {
                id: 2,
                type_name: "Foo"
            }
        );
    }

    #[test]
    fn sized_object_takes_exactly_its_length() {
        let bytes = [8u8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        let mut r = Reader::new(&bytes);
        let len = r.read_i32().unwrap();
        assert_eq!(
            r.read_sized_object(len).unwrap().0,
            [1, 2, 3, 4, 5, 6, 7, 8]
        );
        assert_eq!(r.remaining(), 1);
    }

    /// The length, then `body_len` body bytes; returns the error of reading
    /// the object with that length.
    fn sized_object_error(len: i32, body_len: usize) -> Error {
        let mut bytes = vec![0u8; 4];
        bytes.extend(len.to_le_bytes());
        bytes.extend(core::iter::repeat_n(0, body_len));
        let mut r = Reader::new(&bytes);
        r.read_u32().unwrap();
        let len = r.read_i32().unwrap();
        let e = r.read_sized_object(len).unwrap_err();
        assert_eq!(r.position(), 8, "nothing of the body is read");
        e
    }

    #[test]
    fn sized_object_length_must_be_a_multiple_of_4() {
        let e = sized_object_error(50, 56);
        assert_eq!(
            (e.kind(), e.offset()),
            (&ErrorKind::InvalidLength { len: 50 }, 4)
        );
    }

    #[test]
    fn sized_object_length_must_fit_the_input() {
        let e = sized_object_error(60, 56);
        assert_eq!(
            (e.kind(), e.offset()),
            (&ErrorKind::InvalidLength { len: 60 }, 4)
        );
        let e = sized_object_error(-1, 56);
        assert_eq!(e.kind(), &ErrorKind::InvalidLength { len: 1 });
        let e = sized_object_error(i32::MIN, 56);
        assert_eq!(e.kind(), &ErrorKind::InvalidLength { len: 1 << 31 });
    }
}
