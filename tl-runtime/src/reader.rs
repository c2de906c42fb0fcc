//! The decoding cursor: fixed-width reads, ids, and the nesting guard.
//!
//! Strings and vectors live in `reader/bytes.rs` and `reader/vector.rs`.

mod bytes;
mod vector;

use crate::error::{Error, ErrorKind, Result};
use crate::wire::{BOOL_FALSE_ID, BOOL_TRUE_ID};
use crate::Config;

/// A cursor over received bytes, with the decoding [`Config`] and the
/// current nesting depth.
///
/// Every read checks the remaining input first, so a truncated or hostile
/// message yields an [`Error`] carrying the offset, never a panic. Borrowing
/// reads (`read_raw`, `read_bytes_ref`) return slices of the input with the
/// input's lifetime `'a`.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    /// The bytes not read yet.
    rest: &'a [u8],
    /// Length of the whole input, so that `position` is `total - rest.len()`.
    total: usize,
    config: Config,
    /// Open [`Reader::enter`] levels.
    depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes` with the default [`Config`].
    #[inline]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self::from_parts(bytes, Config::new())
    }

    /// A reader over `bytes` with the given limits and policies.
    #[inline]
    pub fn with_config(bytes: &'a [u8], config: &Config) -> Self {
        Self::from_parts(bytes, config.clone())
    }

    #[inline]
    fn from_parts(bytes: &'a [u8], config: Config) -> Self {
        Self {
            rest: bytes,
            total: bytes.len(),
            config,
            depth: 0,
        }
    }

    /// Bytes consumed so far; errors report offsets on this scale.
    #[inline]
    pub fn position(&self) -> usize {
        self.total - self.rest.len()
    }

    /// Bytes not read yet.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Whether all input has been read.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The limits and policies in force.
    #[inline]
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// An error of `kind` at the current position.
    // Inline so that the reader is not spilled to memory just to pass `&self`;
    // `Error::new` itself is out of line and cold.
    #[inline]
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.position())
    }

    /// The error for a value of `needed` bytes that starts here but does not fit.
    #[inline]
    pub(crate) fn end_error(&self, needed: usize) -> Error {
        self.error(ErrorKind::UnexpectedEnd {
            needed,
            available: self.remaining(),
        })
    }

    /// Borrows the next `n` bytes.
    #[inline]
    pub fn read_raw(&mut self, n: usize) -> Result<&'a [u8]> {
        match self.rest.split_at_checked(n) {
            Some((taken, rest)) => {
                self.rest = rest;
                Ok(taken)
            }
            None => Err(self.end_error(n)),
        }
    }

    /// Borrows everything not read yet, without consuming it.
    pub fn peek_rest(&self) -> &'a [u8] {
        self.rest
    }

    /// Borrows everything not read yet, leaving the reader empty.
    pub fn read_rest(&mut self) -> &'a [u8] {
        core::mem::take(&mut self.rest)
    }

    /// Reads `N` bytes as an array: TL `int128`, `int256` and `int512` are
    /// opaque byte strings with no byte order to interpret.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N]> {
        match self.rest.split_first_chunk::<N>() {
            Some((taken, rest)) => {
                self.rest = rest;
                Ok(*taken)
            }
            None => Err(self.end_error(N)),
        }
    }

    /// Returns the next 32-bit word (usually a constructor id) without consuming it.
    #[inline]
    pub fn peek_u32(&self) -> Result<u32> {
        match self.rest.first_chunk::<4>() {
            Some(word) => Ok(u32::from_le_bytes(*word)),
            None => Err(self.end_error(4)),
        }
    }

    /// Reads a little-endian 32-bit word, e.g. a constructor id or a flags field.
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// Reads a TL `int`.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// Reads a TL `long`.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// Reads a TL `double`.
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a TL `#` (natural number).
    ///
    /// Values of 2^31 and above fail with [`ErrorKind::NegativeNat`]: TDLib
    /// stores `#` in a signed `int32` and rejects them too, so no peer sends
    /// them, and [`wire::nat`](crate::wire::nat) refuses to write them. Flags
    /// words are read here too: schemas with `flags.31?` are refused, so a
    /// valid flags word never has bit 31 set.
    #[inline]
    pub fn read_nat(&mut self) -> Result<u32> {
        let at = self.position();
        let value = self.read_u32()?;
        if value >= 1 << 31 {
            return Err(Error::new(ErrorKind::NegativeNat { value }, at));
        }
        Ok(value)
    }

    /// Reads a boxed `Bool`: `boolTrue#997275b5` or `boolFalse#bc799737`;
    /// any other id fails with [`ErrorKind::InvalidBool`].
    #[inline]
    pub fn read_bool(&mut self) -> Result<bool> {
        let at = self.position();
        match self.read_u32()? {
            BOOL_TRUE_ID => Ok(true),
            BOOL_FALSE_ID => Ok(false),
            id => Err(Error::new(ErrorKind::InvalidBool { id }, at)),
        }
    }

    /// Reads a constructor id and checks it is `id`; otherwise fails with
    /// [`ErrorKind::UnknownConstructor`] naming `type_name`, at the id's offset
    /// ([`ErrorKind::GzipPacked`] for a `gzip_packed` id).
    #[inline]
    pub fn expect_id(&mut self, id: u32, type_name: &'static str) -> Result<()> {
        let at = self.position();
        let found = self.read_u32()?;
        if found != id {
            return Err(Error::unknown_constructor(found, type_name, at));
        }
        Ok(())
    }

    /// Opens one nesting level. Generated decoders of boxed (possibly
    /// recursive) types call this before decoding fields and
    /// [`Reader::leave`] after, so that hostile input nested a million levels
    /// deep fails with [`ErrorKind::DepthLimitExceeded`] instead of
    /// overflowing the stack.
    #[inline]
    pub fn enter(&mut self) -> Result<()> {
        if self.depth >= self.config.max_depth {
            return Err(self.error(ErrorKind::DepthLimitExceeded {
                limit: self.config.max_depth,
            }));
        }
        self.depth += 1;
        Ok(())
    }

    /// Closes the level opened by the matching [`Reader::enter`].
    #[inline]
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `f` one nesting level deeper: [`Reader::enter`], `f`, [`Reader::leave`].
    ///
    /// The level is closed whether `f` succeeds or fails, so a caller that
    /// goes on reading after a failed decode starts at the depth it had.
    #[inline]
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.enter()?;
        let value = f(self);
        self.leave();
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_at<T: core::fmt::Debug>(r: Result<T>) -> (ErrorKind, usize) {
        let e = r.unwrap_err();
        (e.kind().clone(), e.offset())
    }

    #[test]
    fn fixed_width_reads_are_little_endian() {
        let bytes = [1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 0, 0, 0];
        let mut r = Reader::new(&bytes);
        assert_eq!(r.peek_u32().unwrap(), 1);
        assert_eq!(r.read_u32().unwrap(), 1);
        assert_eq!(r.read_i32().unwrap(), -2);
        assert_eq!(r.read_i64().unwrap(), 2);
        assert!(r.is_empty());
        assert_eq!(r.position(), 16);
    }

    #[test]
    fn short_input_reports_what_was_missing() {
        let mut r = Reader::new(&[1, 2, 3, 4, 5]);
        r.read_u32().unwrap();
        assert_eq!(
            kind_at(r.read_i64()),
            (
                ErrorKind::UnexpectedEnd {
                    needed: 8,
                    available: 1
                },
                4
            )
        );
        assert_eq!(r.position(), 4, "a failed read consumes nothing");
        assert!(r.read_raw(2).is_err());
        assert_eq!(r.read_raw(1).unwrap(), &[5]);
        assert_eq!(r.read_rest(), &[] as &[u8]);
    }

    #[test]
    fn nat_rejects_the_sign_bit() {
        let mut r = Reader::new(&[0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0x80]);
        assert_eq!(r.read_nat().unwrap(), 0);
        assert_eq!(r.read_nat().unwrap(), 0x7fff_ffff);
        assert_eq!(
            kind_at(r.read_nat()),
            (ErrorKind::NegativeNat { value: 1 << 31 }, 8)
        );
        let mut r = Reader::new(&[0xff; 4]);
        assert_eq!(
            kind_at(r.read_nat()),
            (ErrorKind::NegativeNat { value: u32::MAX }, 0)
        );
    }

    #[test]
    fn bool_accepts_only_its_two_ids() {
        let mut r = Reader::new(&[0xb5, 0x75, 0x72, 0x99, 0x37, 0x97, 0x79, 0xbc, 1, 0, 0, 0]);
        assert!(r.read_bool().unwrap());
        assert!(!r.read_bool().unwrap());
        assert_eq!(
            kind_at(r.read_bool()),
            (ErrorKind::InvalidBool { id: 1 }, 8)
        );
    }

    #[test]
    fn expect_id_names_the_type() {
        let mut r = Reader::new(&[9, 0, 0, 0]);
        assert_eq!(
            kind_at(r.expect_id(1, "Foo")),
            (
                ErrorKind::UnknownConstructor {
                    id: 9,
                    type_name: "Foo"
                },
                0
            )
        );
    }

    #[test]
    fn depth_guard_stops_at_the_limit() {
        let config = Config::new().max_depth(2);
        let mut r = Reader::with_config(&[], &config);
        r.enter().unwrap();
        r.enter().unwrap();
        assert_eq!(
            kind_at(r.enter()),
            (ErrorKind::DepthLimitExceeded { limit: 2 }, 0)
        );
        r.leave();
        assert_eq!(r.nested(|_| Ok(7)).unwrap(), 7);
        r.enter().unwrap();
    }

    #[test]
    fn nested_closes_its_level_when_decoding_fails() {
        let config = Config::new().max_depth(1);
        let mut r = Reader::with_config(&[1, 0, 0, 0], &config);
        let failed = r.nested(|r| r.read_i64());
        assert!(matches!(
            failed.unwrap_err().kind(),
            ErrorKind::UnexpectedEnd { .. }
        ));
        // A level left open would make this fail with `DepthLimitExceeded`.
        assert_eq!(r.nested(|r| r.read_i32()).unwrap(), 1);
        // Failing one level down closes both levels.
        let config = Config::new().max_depth(2);
        let mut r = Reader::with_config(&[], &config);
        assert!(r.nested(|r| r.nested(|r| r.read_u32())).is_err());
        assert!(r.nested(|r| r.nested(|_| Ok(()))).is_ok());
    }
}
