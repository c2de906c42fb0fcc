//! Every `ErrorKind` reached through the public API, with its offset.

use tl_runtime::{Config, Deserialize, Error, ErrorKind, RawBytes, Reader, RpcError, Utf8Policy};

fn kind_and_offset<T>(result: tl_runtime::Result<T>) -> (ErrorKind, usize) {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => (e.kind().clone(), e.offset()),
    }
}

#[test]
fn unexpected_end_inside_a_vector() {
    // Vector<long> announcing 1 item, with 4 of its 8 bytes.
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 1, 2, 3, 4];
    let result = Vec::<i64>::from_bytes(&bytes);
    assert_eq!(
        kind_and_offset(result),
        (ErrorKind::InvalidLength { len: 1 }, 4),
        "the count is refused before reading items"
    );
    let result = i64::from_bytes(&bytes[8..]);
    assert_eq!(
        kind_and_offset(result),
        (
            ErrorKind::UnexpectedEnd {
                needed: 8,
                available: 4
            },
            0
        )
    );
}

#[test]
fn unexpected_end_inside_a_string() {
    // Announces 10 bytes (12 with padding and prefix), has 6.
    let bytes = [0, 0, 0, 0, 10, b'a', b'b', b'c', b'd', b'e'];
    let mut r = Reader::new(&bytes);
    r.read_u32().unwrap();
    assert_eq!(
        kind_and_offset(r.read_string()),
        (
            ErrorKind::UnexpectedEnd {
                needed: 12,
                available: 6
            },
            4
        )
    );
}

#[test]
fn unknown_constructor_names_the_type() {
    let bytes = 0x2144_ca18u32.to_le_bytes();
    assert_eq!(
        kind_and_offset(RpcError::from_bytes(&bytes)),
        (
            ErrorKind::UnknownConstructor {
                id: 0x2144_ca18,
                type_name: "RpcError"
            },
            0
        )
    );
}

#[test]
fn invalid_bool() {
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        kind_and_offset(Vec::<bool>::from_bytes(&bytes)),
        (ErrorKind::InvalidBool { id: 0 }, 8)
    );
}

#[test]
fn invalid_length_of_a_vector_of_strings() {
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        kind_and_offset(Vec::<RawBytes>::from_bytes(&bytes)),
        (ErrorKind::InvalidLength { len: 3 }, 4)
    );
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    // A long, then "ab\xFFc".
    let mut bytes = vec![0; 8];
    bytes.extend([4, b'a', b'b', 0xFF, b'c', 0, 0, 0]);
    let strict = Config::new().utf8(Utf8Policy::Error);
    let mut r = Reader::with_config(&bytes, &strict);
    r.read_i64().unwrap();
    assert_eq!(
        kind_and_offset(r.read_string()),
        (ErrorKind::InvalidUtf8, 11)
    );

    let mut r = Reader::new(&bytes);
    r.read_i64().unwrap();
    assert_eq!(r.read_string().unwrap(), "ab\u{FFFD}c");
}

#[test]
fn depth_limit_exceeded() {
    let config = Config::new().max_depth(1);
    let mut r = Reader::with_config(&[1, 0, 0, 0], &config);
    r.read_u32().unwrap();
    r.enter().unwrap();
    assert_eq!(
        kind_and_offset(r.enter()),
        (ErrorKind::DepthLimitExceeded { limit: 1 }, 4)
    );
}

#[test]
fn trailing_bytes() {
    let bytes = [1, 0, 0, 0, 2, 0];
    assert_eq!(
        kind_and_offset(i32::from_bytes(&bytes)),
        (ErrorKind::TrailingBytes { count: 2 }, 4)
    );
}

#[test]
fn negative_nat() {
    let bytes = [0xff, 0xff, 0xff, 0xff];
    assert_eq!(
        kind_and_offset(u32::from_bytes(&bytes)),
        (ErrorKind::NegativeNat { value: u32::MAX }, 0)
    );
}

#[test]
fn long_string_disabled() {
    let mut bytes = vec![0; 4];
    bytes.extend([0xFF, 1, 0, 0, 0, 0, 0, 0, b'x', 0, 0, 0]);
    let mut r = Reader::new(&bytes);
    r.read_i32().unwrap();
    assert_eq!(
        kind_and_offset(r.read_bytes()),
        (ErrorKind::LongStringDisabled, 4)
    );
    // Allowed, the same bytes are a (non-canonical) 1-byte string.
    let config = Config::new().long_strings(true);
    let mut r = Reader::with_config(&bytes, &config);
    r.read_i32().unwrap();
    assert_eq!(r.read_bytes().unwrap(), b"x");
}

#[test]
fn decompress_errors() {
    use tl_runtime::{gunzip, unpack_gzip_packed};
    assert_eq!(
        kind_and_offset(gunzip(&[0x1f, 0x8b, 8], 10)),
        (ErrorKind::Decompress, 0)
    );
    // gzip_packed around a gzip member of 1 KiB of zeros.
    let packed = gzip_of_zeros();
    let mut bytes = tl_runtime::wire::GZIP_PACKED_ID.to_le_bytes().to_vec();
    tl_runtime::wire::write_bytes(&mut bytes, &packed);
    let config = Config::new().max_unpacked(100);
    let (kind, offset) = kind_and_offset(unpack_gzip_packed(&bytes, &config));
    assert_eq!(kind, ErrorKind::DecompressedTooLarge { limit: 100 });
    assert_eq!(
        offset,
        4 + 1 + 10,
        "deflate stream after id, prefix and gzip header"
    );
    let unpacked = unpack_gzip_packed(&bytes, &Config::new()).unwrap();
    assert_eq!(unpacked, vec![0u8; 1024]);
}

/// A gzip member holding 1024 zero bytes, as written by Python's
/// `gzip.compress(bytes(1024), mtime=0)`.
fn gzip_of_zeros() -> Vec<u8> {
    vec![
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, // header
        0x63, 0x60, 0x18, 0x05, 0xa3, 0x60, 0x14, 0x8c, 0x54, 0x00, 0x00, // deflate
        0x2e, 0xaf, 0xb5, 0xef, 0x00, 0x04, 0x00, 0x00, // CRC-32, ISIZE
    ]
}

#[test]
fn display_is_actionable() {
    let e = Error::new(
        ErrorKind::UnexpectedEnd {
            needed: 4,
            available: 1,
        },
        12,
    );
    assert_eq!(
        e.to_string(),
        "unexpected end of input at byte 12: needed 4 more bytes, 1 available"
    );
    let _: &dyn std::error::Error = &e;
}
