//! Pure functions that generated code uses to write and size TL values.
//!
//! Everything here follows the [binary serialization] rules: numbers are
//! little-endian, every value is a multiple of 4 bytes long.
//!
//! [binary serialization]: https://core.telegram.org/mtproto/serialize

use crate::{Serialize, Sink};

/// Constructor id of the boxed `Vector t` (`vector#1cb5c415`).
pub const VECTOR_ID: u32 = 0x1cb5_c415;
/// Constructor id of `boolTrue#997275b5 = Bool`.
pub const BOOL_TRUE_ID: u32 = 0x9972_75b5;
/// Constructor id of `boolFalse#bc799737 = Bool`.
pub const BOOL_FALSE_ID: u32 = 0xbc79_9737;
/// Constructor id of `gzip_packed#3072cfa1 packed_data:string = Object`.
pub const GZIP_PACKED_ID: u32 = 0x3072_cfa1;

/// Longest payload whose length fits in the one-byte prefix.
pub(crate) const SHORT_MAX: usize = 253;
/// First byte announcing a 3-byte little-endian length.
pub(crate) const MEDIUM_MARK: u8 = 0xFE;
/// First byte announcing TDLib's 7-byte little-endian length.
pub(crate) const LONG_MARK: u8 = 0xFF;
/// Payloads this long no longer fit the 3-byte length.
const MEDIUM_LIMIT: usize = 1 << 24;
/// Payloads this long no longer fit the 7-byte length.
const LONG_LIMIT: u64 = 1 << 56;

/// Bytes of zero padding after `n` bytes to reach a multiple of 4.
#[inline]
pub(crate) const fn padding(n: usize) -> usize {
    n.wrapping_neg() & 3
}

/// Size of the length prefix for a payload of `len` bytes.
#[inline]
const fn header_len(len: usize) -> usize {
    if len <= SHORT_MAX {
        1
    } else if len < MEDIUM_LIMIT {
        4
    } else {
        8
    }
}

/// Serialized size of a TL `string`/`bytes` whose payload is `len` bytes:
/// length prefix, payload and padding.
///
/// ```
/// assert_eq!(tl_runtime::wire::bytes_len(5), 8);
/// assert_eq!(tl_runtime::wire::bytes_len(254), 260);
/// ```
#[inline]
pub const fn bytes_len(len: usize) -> usize {
    // Saturates instead of wrapping for lengths near `usize::MAX`, which no
    // slice in memory can have.
    let unpadded = header_len(len).saturating_add(len);
    unpadded.saturating_add(padding(unpadded))
}

/// Writes a TL `string`/`bytes`: length prefix, `data`, zero padding.
///
/// Up to 253 bytes the prefix is the length in one byte; below 2^24 it is
/// `0xFE` and a 3-byte length. Longer payloads get TDLib's `0xFF` and a
/// 7-byte length, the only encoding that can carry them; a reader accepts
/// that form only with [`Config::long_strings`](crate::Config::long_strings).
///
/// # Panics
///
/// If `data` is 2^56 bytes or longer, which no TL peer can represent.
#[inline]
pub fn write_bytes<S: Sink + ?Sized>(out: &mut S, data: &[u8]) {
    let len = data.len();
    if len > SHORT_MAX {
        return write_long_bytes(out, data);
    }
    // Short strings are the most common field, so this path is kept small
    // enough to be inlined into generated code. The prefix and the padding
    // are fixed-size arrays, so they compile to plain stores rather than
    // `memcpy` calls of a variable length.
    out.put_slice(&[len as u8]);
    out.put_slice(data);
    write_padding(out, 1 + len);
}

/// [`write_bytes`] for payloads longer than 253 bytes.
#[inline(never)]
fn write_long_bytes<S: Sink + ?Sized>(out: &mut S, data: &[u8]) {
    let len = data.len();
    let wide = (len as u64).to_le_bytes();
    let header_len = if len < MEDIUM_LIMIT {
        out.put_slice(&[MEDIUM_MARK, wide[0], wide[1], wide[2]]);
        4
    } else {
        assert!(
            (len as u64) < LONG_LIMIT,
            "a TL string cannot carry 2^56 bytes or more"
        );
        let [b0, b1, b2, b3, b4, b5, b6, _] = wide;
        out.put_slice(&[LONG_MARK, b0, b1, b2, b3, b4, b5, b6]);
        8
    };
    out.put_slice(data);
    write_padding(out, header_len + len);
}

/// Writes the zeros that bring `written` bytes to a multiple of 4.
#[inline]
fn write_padding<S: Sink + ?Sized>(out: &mut S, written: usize) {
    match padding(written) {
        0 => {}
        1 => out.put_slice(&[0]),
        2 => out.put_slice(&[0; 2]),
        _ => out.put_slice(&[0; 3]),
    }
}

/// The largest TL `#`: 2^31 − 1.
pub const NAT_MAX: u32 = i32::MAX as u32;

/// `value` as a TL `#` (nat), checked for writing.
///
/// TDLib stores a `#` in a signed `int32` and refuses values of 2^31 and
/// above, and so does [`Reader::read_nat`](crate::Reader::read_nat): a larger
/// value would make bytes that no peer, this crate included, can read. A
/// flags word is a `#` too; it stays below 2^31 because schemas with
/// `flags.31?` are refused.
///
/// # Panics
///
/// If `value` exceeds [`NAT_MAX`].
#[inline]
#[track_caller]
pub fn nat(value: u32) -> u32 {
    assert!(
        value <= NAT_MAX,
        "a TL `#` holds at most 2^31 - 1, not {value}"
    );
    value
}

/// Writes a boxed `Bool`.
#[inline]
pub fn write_bool<S: Sink + ?Sized>(out: &mut S, v: bool) {
    out.put_u32(if v { BOOL_TRUE_ID } else { BOOL_FALSE_ID });
}

/// Writes a value that a flags bit marks as present; nothing when absent
/// (the bit, written before, says which).
#[inline]
pub fn write_option<S: Sink + ?Sized, T: Serialize>(out: &mut S, value: &Option<T>) {
    if let Some(value) = value {
        value.serialize(out);
    }
}

/// Writes the header of a boxed `Vector` of `count` items: the
/// `vector#1cb5c415` id and the count, as one 8-byte write.
///
/// # Panics
///
/// If `count` exceeds `u32::MAX`, which TL cannot count.
#[inline]
pub fn write_vector_header<S: Sink + ?Sized>(out: &mut S, count: usize) {
    let count = vector_count(count);
    let mut header = [0u8; 8];
    header[..4].copy_from_slice(&VECTOR_ID.to_le_bytes());
    header[4..].copy_from_slice(&count.to_le_bytes());
    out.put_slice(&header);
}

/// Writes a constructor's id when given: the boxed form of a constructor
/// with no leading fixed-width fields.
#[inline]
pub fn write_id<S: Sink + ?Sized>(out: &mut S, id: Option<u32>) {
    if let Some(id) = id {
        out.put_u32(id);
    }
}

/// A run of `N` bytes (see [`write_run`]) whose first 4 hold `id`, when
/// given; generated code fills in the rest.
#[inline]
pub fn run_with_id<const N: usize>(id: Option<u32>) -> [u8; N] {
    let mut run = [0u8; N];
    if let (Some(id), Some(slot)) = (id, run.first_chunk_mut::<4>()) {
        *slot = id.to_le_bytes();
    }
    run
}

/// Writes `run`: a constructor's leading fixed-width fields, which
/// generated code packs after a 4-byte slot for the constructor id. The slot
/// is written too when `with_id` (the boxed form), skipped otherwise (the
/// bare form); either way it is one write of a constant length.
#[inline]
pub fn write_run<S: Sink + ?Sized, const N: usize>(out: &mut S, run: &[u8; N], with_id: bool) {
    match run.split_at_checked(4) {
        Some((_, fields)) if !with_id => out.put_slice(fields),
        _ => out.put_slice(run),
    }
}

/// Serialized size of a boxed `Vector`: id, count and the items.
pub fn vector_len<T>(items: &[T], elem_len: impl Fn(&T) -> usize) -> usize {
    bare_vector_len(items, elem_len).saturating_add(4)
}

/// Serialized size of a bare `vector`: count and the items.
pub fn bare_vector_len<T>(items: &[T], elem_len: impl Fn(&T) -> usize) -> usize {
    items
        .iter()
        .fold(4usize, |sum, item| sum.saturating_add(elem_len(item)))
}

/// Writes a boxed `Vector`: [`VECTOR_ID`], the count, then each item with `elem`.
///
/// # Panics
///
/// If `items` has more than `u32::MAX` elements, which TL cannot count.
pub fn write_vector<S: Sink + ?Sized, T>(out: &mut S, items: &[T], elem: impl FnMut(&mut S, &T)) {
    out.put_u32(VECTOR_ID);
    write_bare_vector(out, items, elem);
}

/// Writes a bare `vector`: the count, then each item with `elem`.
///
/// # Panics
///
/// If `items` has more than `u32::MAX` elements, which TL cannot count.
pub fn write_bare_vector<S: Sink + ?Sized, T>(
    out: &mut S,
    items: &[T],
    mut elem: impl FnMut(&mut S, &T),
) {
    write_count(out, items.len());
    for item in items {
        elem(out, item);
    }
}

/// Writes a vector's item count: the whole header of a bare `vector`, the
/// second half of a boxed one's.
///
/// # Panics
///
/// If `len` exceeds `u32::MAX`, which TL cannot count.
#[inline]
pub fn write_count<S: Sink + ?Sized>(out: &mut S, len: usize) {
    out.put_u32(vector_count(len));
}

/// `len` as a TL vector count. Writing a truncated count would make the
/// output undecodable, so a longer vector is a bug in the caller.
///
/// # Panics
///
/// If `len` exceeds `u32::MAX`.
#[inline]
fn vector_count(len: usize) -> u32 {
    u32::try_from(len).expect("a TL vector holds at most u32::MAX items")
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use alloc::vec::Vec;

    fn encoded(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        write_bytes(&mut out, data);
        out
    }

    #[test]
    fn peter_matches_the_spec() {
        assert_eq!(encoded(b"Peter"), [5, b'P', b'e', b't', b'e', b'r', 0, 0]);
    }

    #[test]
    fn prefix_form_switches_at_254_and_2_pow_24() {
        for (len, prefix) in [
            (0usize, vec![0u8]),
            (1, vec![1]),
            (253, vec![253]),
            (254, vec![0xFE, 254, 0, 0]),
            (255, vec![0xFE, 255, 0, 0]),
            ((1 << 24) - 1, vec![0xFE, 0xFF, 0xFF, 0xFF]),
            (1 << 24, vec![0xFF, 0, 0, 0, 1, 0, 0, 0]),
        ] {
            let out = encoded(&vec![7u8; len]);
            assert!(out.starts_with(&prefix), "len {len}");
            assert_eq!(out.len(), bytes_len(len), "len {len}");
            assert_eq!(out.len() % 4, 0, "len {len}");
            assert!(out[prefix.len() + len..].iter().all(|&b| b == 0));
        }
    }

    #[test]
    fn short_strings_pad_every_length_to_a_multiple_of_4() {
        for len in 0..=SHORT_MAX {
            let out = encoded(&vec![7u8; len]);
            assert_eq!(out[0] as usize, len);
            assert_eq!(out.len(), bytes_len(len), "len {len}");
            assert_eq!(out.len() % 4, 0, "len {len}");
            assert!(out[1 + len..].iter().all(|&b| b == 0), "len {len}");
        }
    }

    #[test]
    fn runs_are_written_with_or_without_the_id_slot() {
        let run = [1u8, 2, 3, 4, 5, 6, 7, 8];
        let mut boxed = Vec::new();
        write_run(&mut boxed, &run, true);
        assert_eq!(boxed, run);
        let mut bare = Vec::new();
        write_run(&mut bare, &run, false);
        assert_eq!(bare, [5, 6, 7, 8]);
    }

    #[test]
    fn vector_header_is_the_id_and_the_count() {
        let mut out = Vec::new();
        write_vector_header(&mut out, 3);
        assert_eq!(out, [0x15, 0xc4, 0xb5, 0x1c, 3, 0, 0, 0]);
    }

    #[test]
    fn bare_vector_header_is_the_count() {
        let mut out = Vec::new();
        write_count(&mut out, 0x0102_0304);
        assert_eq!(out, [4, 3, 2, 1]);
    }

    // A count that does not fit in 32 bits must stop the write, not wrap to
    // a small number that a decoder would read as a shorter vector.
    #[cfg(target_pointer_width = "64")]
    #[test]
    #[should_panic(expected = "at most u32::MAX items")]
    fn bare_vector_header_refuses_a_count_past_u32() {
        write_count(&mut Vec::new(), u32::MAX as usize + 1);
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    #[should_panic(expected = "at most u32::MAX items")]
    fn boxed_vector_header_refuses_a_count_past_u32() {
        write_vector_header(&mut Vec::new(), u32::MAX as usize + 1);
    }

    #[test]
    fn sizes_saturate_instead_of_wrapping() {
        assert_eq!(bytes_len(usize::MAX), usize::MAX);
    }

    #[test]
    fn vectors_count_their_header() {
        let items = [1i32, 2, 3];
        assert_eq!(vector_len(&items, |_| 4), 20);
        assert_eq!(bare_vector_len(&items, |_| 4), 16);
        let mut out = Vec::new();
        write_bare_vector(&mut out, &items, |o, v| o.put_i32(*v));
        assert_eq!(out, [3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]);
    }

    #[test]
    fn nat_passes_values_below_2_pow_31() {
        assert_eq!(nat(0), 0);
        assert_eq!(nat((1 << 31) - 1), NAT_MAX);
    }

    // A `#` of 2^31 or more would be written and then refused by every
    // reader: `serialize` stops instead, as for a count past u32.
    #[test]
    #[should_panic(expected = "at most 2^31 - 1, not 2147483648")]
    fn nat_refuses_2_pow_31() {
        nat(1 << 31);
    }

    #[test]
    #[should_panic(expected = "at most 2^31 - 1, not 4294967295")]
    fn nat_refuses_2_pow_32_minus_1() {
        nat(u32::MAX);
    }

    #[test]
    fn bools_use_their_ids() {
        let mut out = Vec::new();
        write_bool(&mut out, true);
        write_bool(&mut out, false);
        assert_eq!(out, [0xb5, 0x75, 0x72, 0x99, 0x37, 0x97, 0x79, 0xbc]);
    }
}
