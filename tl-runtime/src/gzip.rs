//! `gzip_packed#3072cfa1 packed_data:string = Object`, which Telegram
//! servers send in place of large responses and clients may send in place of
//! large requests: unpacking, with a bound on the output, and packing.

use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::wire::GZIP_PACKED_ID;
use crate::{Config, RawObject, Reader, Serialize, Sink};

/// The fixed part of a gzip member header (RFC 1952, section 2.3).
const HEADER_LEN: usize = 10;
/// The header [`gzip`] writes: no optional fields, no modification time,
/// default compression, operating system "unknown".
const PLAIN_HEADER: [u8; HEADER_LEN] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
/// miniz_oxide's default level: the level zlib and gzip(1) use by default.
const LEVEL: u8 = 6;
/// CRC-32 and ISIZE after the deflate stream.
const TRAILER_LEN: usize = 8;
const MAGIC: [u8; 3] = [0x1f, 0x8b, 8]; // ID1, ID2, CM = deflate
const FHCRC: u8 = 1 << 1;
const FEXTRA: u8 = 1 << 2;
const FNAME: u8 = 1 << 3;
const FCOMMENT: u8 = 1 << 4;
/// Flag bits RFC 1952 reserves; a decoder must reject them.
const RESERVED: u8 = 0xe0;

/// Decompresses one gzip member, producing at most `limit` bytes.
///
/// Output beyond `limit` fails with [`ErrorKind::DecompressedTooLarge`]
/// without allocating more than `limit` bytes, so a gzip bomb costs no more
/// memory than the caller allowed. The CRC-32 and length in the trailer are
/// verified; a mismatch, a bad header or a broken deflate stream fails with
/// [`ErrorKind::Decompress`]. Offsets count from the start of `packed`.
pub fn gunzip(packed: &[u8], limit: usize) -> Result<Vec<u8>> {
    let body_at = header_end(packed)?;
    let trailer_at = packed.len().saturating_sub(TRAILER_LEN);
    let (Some(deflate), Some(trailer)) = (
        packed.get(body_at..trailer_at),
        packed.get(trailer_at..).and_then(<[u8]>::first_chunk::<8>),
    ) else {
        return Err(corrupt(body_at));
    };
    // An empty stream is corrupt anyway, and miniz_oxide's growth loop starts
    // from twice the input size, which must not be zero.
    if deflate.is_empty() {
        return Err(corrupt(body_at));
    }
    let data =
        miniz_oxide::inflate::decompress_to_vec_with_limit(deflate, limit).map_err(|e| match e
            .status
        {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                Error::new(ErrorKind::DecompressedTooLarge { limit }, body_at)
            }
            _ => corrupt(body_at),
        })?;
    let [c0, c1, c2, c3, s0, s1, s2, s3] = *trailer;
    let crc_ok = crc32fast::hash(&data) == u32::from_le_bytes([c0, c1, c2, c3]);
    // ISIZE is the length modulo 2^32.
    let size_ok = data.len() as u32 == u32::from_le_bytes([s0, s1, s2, s3]);
    if !(crc_ok && size_ok) {
        return Err(corrupt(trailer_at));
    }
    Ok(data)
}

/// Unpacks `bytes` if they are one `gzip_packed` value, up to
/// [`Config::max_unpacked`] bytes; other input is returned unchanged (copied).
///
/// The `gzip_packed` value must span all of `bytes`
/// ([`ErrorKind::TrailingBytes`] otherwise). Error offsets count from the
/// start of `bytes`.
pub fn unpack_gzip_packed(bytes: &[u8], config: &Config) -> Result<Vec<u8>> {
    let mut r = Reader::with_config(bytes, config);
    if r.peek_u32().ok() != Some(GZIP_PACKED_ID) {
        return Ok(bytes.to_vec());
    }
    r.read_u32()?;
    let (payload_at, packed) = r.read_bytes_located()?;
    if !r.is_empty() {
        return Err(r.error(ErrorKind::TrailingBytes {
            count: r.remaining(),
        }));
    }
    gunzip(packed, config.max_unpacked)
        .map_err(|e| Error::new(e.kind().clone(), e.offset().saturating_add(payload_at)))
}

/// Compresses `data` into one gzip member, which [`gunzip`] reads back.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let deflate = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
    let mut out = Vec::with_capacity(HEADER_LEN + deflate.len() + TRAILER_LEN);
    out.extend_from_slice(&PLAIN_HEADER);
    out.extend_from_slice(&deflate);
    out.extend_from_slice(&crc32fast::hash(data).to_le_bytes());
    // ISIZE is the length modulo 2^32.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// `value` as one `gzip_packed` value, which [`RawObject::decode`] and
/// [`unpack_gzip_packed`] unpack.
///
/// For an `Object` field (`rpc_result`'s `result`, a `message`'s `body`) or a
/// large request: a peer accepts `gzip_packed` wherever a boxed value goes.
///
/// ```
/// use tl_runtime::{gzip_pack, Config};
/// let ids = vec![7i64; 1000];
/// let packed = gzip_pack(&ids);
/// assert!(packed.as_bytes().len() < 100);
/// assert_eq!(packed.decode::<Vec<i64>>()?, ids);
/// # Ok::<(), tl_runtime::Error>(())
/// ```
pub fn gzip_pack<T: Serialize + ?Sized>(value: &T) -> RawObject {
    let packed = gzip(&value.to_bytes());
    let mut out = Vec::with_capacity(4 + crate::wire::bytes_len(packed.len()));
    out.put_u32(GZIP_PACKED_ID);
    crate::wire::write_bytes(&mut out, &packed);
    RawObject(out)
}

/// Where the deflate stream starts, after the header and its optional fields.
fn header_end(packed: &[u8]) -> Result<usize> {
    let Some(fixed) = packed.first_chunk::<HEADER_LEN>() else {
        return Err(corrupt(0));
    };
    if fixed[..3] != MAGIC || fixed[3] & RESERVED != 0 {
        return Err(corrupt(0));
    }
    let flags = fixed[3];
    let mut at = HEADER_LEN;
    if flags & FEXTRA != 0 {
        let Some(&[lo, hi]) = packed.get(at..).and_then(<[u8]>::first_chunk::<2>) else {
            return Err(corrupt(at));
        };
        at += 2 + usize::from(u16::from_le_bytes([lo, hi]));
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            at = skip_zero_terminated(packed, at)?;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    if at > packed.len() {
        return Err(corrupt(packed.len()));
    }
    Ok(at)
}

/// The offset just past the zero byte that ends the field starting at `at`.
fn skip_zero_terminated(packed: &[u8], at: usize) -> Result<usize> {
    packed
        .get(at..)
        .and_then(|field| field.iter().position(|&b| b == 0))
        .map(|len| at + len + 1)
        .ok_or_else(|| corrupt(at))
}

#[cold]
fn corrupt(offset: usize) -> Error {
    Error::new(ErrorKind::Decompress, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{wire, Serialize};
    use alloc::vec;

    /// A gzip member around `data`, with the given header flags and
    /// optional fields already encoded in `extra_header`, written here
    /// independently of [`gzip`].
    fn gzip_with(data: &[u8], flags: u8, extra_header: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3];
        out.extend_from_slice(extra_header);
        out.extend(miniz_oxide::deflate::compress_to_vec(data, 6));
        out.extend(crc32fast::hash(data).to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out
    }

    fn packed_value(gz: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        crate::Sink::put_u32(&mut out, GZIP_PACKED_ID);
        wire::write_bytes(&mut out, gz);
        out
    }

    #[test]
    fn unpacks_gzip_packed() {
        let inner = vec![7i64; 100].to_bytes();
        let bytes = packed_value(&gzip_with(&inner, 0, &[]));
        assert_eq!(unpack_gzip_packed(&bytes, &Config::new()).unwrap(), inner);
    }

    #[test]
    fn gzip_pack_round_trips() {
        for value in [vec![], vec![7i64], vec![-1i64; 5000], (0..300).collect()] {
            let packed = gzip_pack(&value);
            assert_eq!(packed.constructor_id(), Some(GZIP_PACKED_ID));
            assert_eq!(packed.as_bytes().len() % 4, 0);
            let unpacked = unpack_gzip_packed(packed.as_bytes(), &Config::new()).unwrap();
            assert_eq!(unpacked, value.to_bytes());
            assert_eq!(packed.decode::<Vec<i64>>().unwrap(), value);
        }
        // Compressed: 5,000 equal longs take a few dozen bytes.
        assert!(gzip_pack(&vec![-1i64; 5000]).as_bytes().len() < 100);
    }

    #[test]
    fn gzip_output_is_a_plain_gzip_member() {
        let gz = gzip(b"hello");
        assert_eq!(gz[..HEADER_LEN], PLAIN_HEADER);
        assert_eq!(gz[gz.len() - 4..], 5u32.to_le_bytes());
        assert_eq!(gunzip(&gz, 5).unwrap(), b"hello");
        assert_eq!(
            gunzip(&gz, 4).unwrap_err().kind(),
            &ErrorKind::DecompressedTooLarge { limit: 4 }
        );
    }

    #[test]
    fn passes_other_values_through() {
        let bytes = true.to_bytes();
        assert_eq!(unpack_gzip_packed(&bytes, &Config::new()).unwrap(), bytes);
    }

    #[test]
    fn skips_optional_header_fields() {
        let header = [2, 0, 0xaa, 0xbb, b'n', 0, b'c', 0, 0x12, 0x34];
        let gz = gzip_with(b"hello", FEXTRA | FNAME | FCOMMENT | FHCRC, &header);
        assert_eq!(gunzip(&gz, 100).unwrap(), b"hello");
    }

    #[test]
    fn output_beyond_the_limit_is_refused() {
        let data = vec![0u8; 1 << 20];
        let bytes = packed_value(&gzip_with(&data, 0, &[]));
        let config = Config::new().max_unpacked(1000);
        let err = unpack_gzip_packed(&bytes, &config).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::DecompressedTooLarge { limit: 1000 });
        // The payload starts after the id and the 0xFE + 3-byte length prefix.
        assert_eq!(err.offset(), 8 + HEADER_LEN);
        assert_eq!(
            gunzip(&gzip_with(&data, 0, &[]), 1 << 20).unwrap().len(),
            1 << 20
        );
    }

    #[test]
    fn corruption_is_detected_where_it_is() {
        let gz = gzip_with(b"hello", 0, &[]);
        let mut bad_crc = gz.clone();
        let at = bad_crc.len() - 8;
        bad_crc[at] ^= 1;
        let err = gunzip(&bad_crc, 100).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (&ErrorKind::Decompress, at));

        let mut bad_magic = gz.clone();
        bad_magic[0] = 0;
        assert_eq!(gunzip(&bad_magic, 100).unwrap_err().offset(), 0);

        let truncated = &gz[..12];
        assert_eq!(
            gunzip(truncated, 100).unwrap_err().kind(),
            &ErrorKind::Decompress
        );

        let mut reserved = gz;
        reserved[3] = 0x80;
        assert_eq!(
            gunzip(&reserved, 100).unwrap_err().kind(),
            &ErrorKind::Decompress
        );
    }

    #[test]
    fn trailing_bytes_after_the_packed_value_are_refused() {
        let mut bytes = packed_value(&gzip_with(b"x", 0, &[]));
        let end = bytes.len();
        bytes.extend([0; 4]);
        let err = unpack_gzip_packed(&bytes, &Config::new()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TrailingBytes { count: 4 });
        assert_eq!(err.offset(), end);
    }
}
