//! Decoding of TL `string` and `bytes`: length prefix, payload, padding.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use super::Reader;
use crate::error::{Error, ErrorKind, Result};
use crate::wire::{padding, LONG_MARK, MEDIUM_MARK};
use crate::Utf8Policy;

impl<'a> Reader<'a> {
    /// Borrows the payload of a TL `string`/`bytes`, consuming its length
    /// prefix and padding.
    ///
    /// Accepted forms, as TDLib accepts them:
    /// - a first byte up to 253 is the length;
    /// - `0xFE` is followed by a 3-byte length (also when that length is
    ///   below 254, a non-canonical form some encoders produce);
    /// - `0xFF` is followed by a 7-byte length (TDLib's form for 2^24 bytes
    ///   or more), only with [`Config::long_strings`](crate::Config::long_strings);
    ///   otherwise [`ErrorKind::LongStringDisabled`].
    ///
    /// Padding bytes are skipped without checking that they are zero, as
    /// TDLib does; only their presence is required.
    #[inline]
    pub fn read_bytes_ref(&mut self) -> Result<&'a [u8]> {
        self.read_bytes_located().map(|(_, payload)| payload)
    }

    /// Reads a TL `bytes` into a vector: one allocation of exactly the payload size.
    #[inline]
    pub fn read_bytes(&mut self) -> Result<Vec<u8>> {
        self.read_bytes_ref().map(<[u8]>::to_vec)
    }

    /// Reads a TL `string`, with one allocation.
    ///
    /// Invalid UTF-8 follows [`Config::utf8`](crate::Config::utf8): by
    /// default each bad sequence becomes U+FFFD; under
    /// [`Utf8Policy::Error`] it fails with [`ErrorKind::InvalidUtf8`] at the
    /// offset of the first invalid byte.
    #[inline]
    pub fn read_string(&mut self) -> Result<String> {
        let (payload_at, payload) = self.read_bytes_located()?;
        match core::str::from_utf8(payload) {
            Ok(text) => Ok(text.to_owned()),
            Err(bad) => self.invalid_utf8(payload, payload_at + bad.valid_up_to()),
        }
    }

    /// A string that is not UTF-8: replaced or refused, by the config.
    #[cold]
    #[inline(never)]
    fn invalid_utf8(&self, payload: &[u8], at: usize) -> Result<String> {
        match self.config.utf8 {
            Utf8Policy::Replace => Ok(String::from_utf8_lossy(payload).into_owned()),
            Utf8Policy::Error => Err(Error::new(ErrorKind::InvalidUtf8, at)),
        }
    }

    /// Reads a `string`/`bytes`, returning where its payload starts and the payload.
    #[inline]
    pub(crate) fn read_bytes_located(&mut self) -> Result<(usize, &'a [u8])> {
        // The common case inline: a one-byte length (below 254), and the
        // whole item present. Length byte, payload and padding end on a
        // multiple of four.
        if let Some(&len) = self.rest.first() {
            if len < MEDIUM_MARK {
                let len = usize::from(len);
                if let Some((item, rest)) = self.rest.split_at_checked((len + 4) & !3) {
                    let at = self.position() + 1;
                    self.rest = rest;
                    return Ok((at, item.get(1..=len).unwrap_or_default()));
                }
            }
        }
        self.read_long_bytes()
    }

    /// [`Reader::read_bytes_located`] for the other forms and for errors.
    #[inline(never)]
    fn read_long_bytes(&mut self) -> Result<(usize, &'a [u8])> {
        let start = self.position();
        let (header_len, len) = self.peek_length_prefix()?;
        // On 64-bit targets `len < 2^56` cannot overflow; on 32-bit ones a
        // 0xFF length near `usize::MAX` could, and is then simply too long.
        let unpadded = header_len.checked_add(len);
        let Some(total) = unpadded.and_then(|n| n.checked_add(padding(n))) else {
            return Err(self.error(ErrorKind::InvalidLength { len: len as u64 }));
        };
        let item = self.read_raw(total)?;
        // `item` is `header_len + len + padding` bytes long, so this range is in bounds.
        let payload = item.get(header_len..).unwrap_or_default();
        let payload = payload.get(..len).unwrap_or_default();
        Ok((start + header_len, payload))
    }

    /// Decodes the length prefix at the cursor without consuming it:
    /// (prefix size, payload length).
    #[inline]
    fn peek_length_prefix(&self) -> Result<(usize, usize)> {
        let Some(&[first, b1, b2, b3]) = self.rest.first_chunk::<4>() else {
            // Every string occupies at least 4 bytes.
            return Err(self.end_error(4));
        };
        match first {
            MEDIUM_MARK => Ok((4, u32::from_le_bytes([b1, b2, b3, 0]) as usize)),
            LONG_MARK => {
                if !self.config.long_strings {
                    return Err(self.error(ErrorKind::LongStringDisabled));
                }
                let Some(header) = self.rest.first_chunk::<8>() else {
                    return Err(self.end_error(8));
                };
                let mut wide = *header;
                wide[0] = 0;
                let len = u64::from_le_bytes(wide) >> 8;
                match usize::try_from(len) {
                    Ok(len) => Ok((8, len)),
                    Err(_) => Err(self.error(ErrorKind::InvalidLength { len })),
                }
            }
            short => Ok((1, usize::from(short))),
        }
    }
}
