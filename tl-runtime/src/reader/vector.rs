//! Decoding of TL vectors, boxed (`Vector t`) and bare (`vector t`).

use alloc::vec::Vec;

use super::Reader;
use crate::error::{Error, ErrorKind, Result};
use crate::wire::VECTOR_ID;

impl Reader<'_> {
    /// Reads a boxed `Vector`: the id `0x1cb5c415` (else
    /// [`ErrorKind::UnknownConstructor`] for `"Vector"`), the count, then
    /// each item with `elem`.
    ///
    /// `min_elem_size` is the fewest bytes one item can occupy on the wire;
    /// see [`Reader::read_bare_vector`].
    #[inline]
    pub fn read_vector<T>(
        &mut self,
        elem: impl FnMut(&mut Self) -> Result<T>,
        min_elem_size: usize,
    ) -> Result<Vec<T>> {
        self.expect_id(VECTOR_ID, "Vector")?;
        self.read_bare_vector(elem, min_elem_size)
    }

    /// Reads a bare `vector`: the count, then each item with `elem`.
    ///
    /// Before allocating, the count is checked against the remaining input:
    /// `count * max(min_elem_size, 1)` must not exceed it, otherwise the
    /// result is [`ErrorKind::InvalidLength`] at the count's offset. A hostile
    /// count of 2^31 in a 4-byte message therefore allocates nothing. (A
    /// vector of zero-sized items such as `true` is thus limited to as many
    /// items as bytes remain, which no real schema comes near.)
    #[inline]
    pub fn read_bare_vector<T>(
        &mut self,
        mut elem: impl FnMut(&mut Self) -> Result<T>,
        min_elem_size: usize,
    ) -> Result<Vec<T>> {
        let count = self.read_count(min_elem_size)?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(elem(self)?);
        }
        Ok(items)
    }

    /// Reads a vector count and checks the remaining input can hold that
    /// many items of at least `min_elem_size` bytes.
    #[inline]
    pub(crate) fn read_count(&mut self, min_elem_size: usize) -> Result<usize> {
        let at = self.position();
        let count = self.read_u32()?;
        let remaining = self.remaining();
        usize::try_from(count)
            .ok()
            .filter(|&n| {
                n.checked_mul(min_elem_size.max(1))
                    .is_some_and(|needed| needed <= remaining)
            })
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidLength {
                        len: u64::from(count),
                    },
                    at,
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_count_fails_before_allocating() {
        let bytes = [0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0];
        let err = Reader::new(&bytes)
            .read_bare_vector(Reader::read_i32, 4)
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidLength { len: 0x7fff_ffff });
        assert_eq!(err.offset(), 0);
    }

    #[test]
    fn count_is_checked_against_the_item_size() {
        // Two ints announced, 8 bytes present: fine. Two longs: impossible.
        let bytes = [2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0];
        let ints = Reader::new(&bytes).read_bare_vector(Reader::read_i32, 4);
        assert_eq!(ints.unwrap(), [1, 2]);
        let longs = Reader::new(&bytes).read_bare_vector(Reader::read_i64, 8);
        assert_eq!(
            longs.unwrap_err().kind(),
            &ErrorKind::InvalidLength { len: 2 }
        );
    }

    #[test]
    fn boxed_vector_checks_its_id() {
        let bytes = [0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0];
        let mut r = Reader::new(&bytes);
        assert!(r.read_vector(Reader::read_i32, 4).unwrap().is_empty());
        let err = r.read_vector(Reader::read_i32, 4).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::UnknownConstructor {
                id: 0x0403_0201,
                type_name: "Vector"
            }
        );
        assert_eq!(err.offset(), 8);
    }
}
