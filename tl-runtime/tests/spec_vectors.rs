//! Byte-exact encodings from the MTProto serialization page and the
//! boundaries of the string length prefix.

use tl_runtime::{wire, Config, Deserialize, ErrorKind, Reader, Serialize, Sink};

#[test]
fn get_users_2_3_4() {
    // getUsers#2d84d5f5 id:Vector<int> = Vector<User>;
    let mut out = Vec::new();
    out.put_u32(0x2d84_d5f5);
    vec![2i32, 3, 4].serialize(&mut out);
    let expected = "F5 D5 84 2D 15 C4 B5 1C 03 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00";
    assert_eq!(hex(&out), expected);
}

#[test]
fn string_peter() {
    let bytes = "Peter".to_owned().to_bytes();
    assert_eq!(hex(&bytes), "05 50 65 74 65 72 00 00");
}

/// Lengths on each side of the 1-, 4- and 8-byte prefix boundaries.
#[test]
fn length_prefix_boundaries_round_trip() {
    for (len, prefix_len) in [
        (0usize, 1usize),
        (1, 1),
        (253, 1),
        (254, 4),
        (255, 4),
        ((1 << 24) - 1, 4),
    ] {
        let data: Vec<u8> = (0..len).map(|i| i as u8).collect();
        let mut out = Vec::new();
        wire::write_bytes(&mut out, &data);
        assert_eq!(out.len(), wire::bytes_len(len), "len {len}");
        assert_eq!(out.len() % 4, 0);
        assert!(
            out[prefix_len + len..].iter().all(|&b| b == 0),
            "zero padding"
        );
        let mut r = Reader::new(&out);
        assert_eq!(r.read_bytes_ref().unwrap(), data.as_slice(), "len {len}");
        assert!(r.is_empty());
    }
}

#[test]
fn two_pow_24_needs_long_strings() {
    let data = vec![0x5a; 1 << 24];
    let mut out = Vec::new();
    wire::write_bytes(&mut out, &data);
    assert_eq!(&out[..8], &[0xFF, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(out.len(), 8 + (1 << 24));

    let err = Reader::new(&out).read_bytes().unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::LongStringDisabled);
    assert_eq!(err.offset(), 0);

    let config = Config::new().long_strings(true);
    let mut r = Reader::with_config(&out, &config);
    assert_eq!(r.read_bytes().unwrap(), data);
    assert!(r.is_empty());
}

#[test]
fn non_canonical_forms_are_accepted() {
    // 0xFE with a 3-byte length of 5, then "Peter" and non-zero padding.
    let bytes = [0xFE, 5, 0, 0, b'P', b'e', b't', b'e', b'r', 9, 9, 9];
    let mut r = Reader::new(&bytes);
    assert_eq!(r.read_string().unwrap(), "Peter");
    assert!(r.is_empty());
    let padded = [2, b'h', b'i', 0xAA];
    assert_eq!(String::from_bytes(&padded).unwrap(), "hi");
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}
