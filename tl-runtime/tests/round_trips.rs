//! Property tests: every primitive and vectors of them survive a round
//! trip, and `serialize` writes exactly `serialized_len()` bytes.

use std::fmt::Debug;

use proptest::prelude::*;
use tl_runtime::{wire, Deserialize, RawBytes, Reader, Serialize};

/// Encodes `value`, checks the size promise and the 4-byte alignment, and
/// decodes it back with both `from_bytes` and `from_prefix`.
fn round_trip<T: Serialize + Deserialize + Debug>(value: &T) -> T {
    let mut unsized_out = Vec::new();
    value.serialize(&mut unsized_out);
    let bytes = value.to_bytes();
    assert_eq!(bytes, unsized_out);
    assert_eq!(bytes.len(), value.serialized_len());
    assert_eq!(bytes.len() % 4, 0);
    let (prefix, used) = T::from_prefix(&bytes).unwrap();
    assert_eq!(used, bytes.len());
    assert_eq!(format!("{prefix:?}"), format!("{value:?}"));
    T::from_bytes(&bytes).unwrap()
}

proptest! {
    #[test]
    fn int(v: i32) {
        prop_assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn long(v: i64) {
        prop_assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn double(v: f64) {
        prop_assert_eq!(round_trip(&v).to_bits(), v.to_bits());
    }

    #[test]
    fn nat(v in 0u32..(1 << 31)) {
        prop_assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn boolean(v: bool) {
        prop_assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn string(v in ".{0,300}") {
        prop_assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn bytes_across_the_prefix_boundary(v in prop::collection::vec(any::<u8>(), 0..700)) {
        let mut out = Vec::new();
        wire::write_bytes(&mut out, &v);
        prop_assert_eq!(out.len(), wire::bytes_len(v.len()));
        let mut r = Reader::new(&out);
        prop_assert_eq!(r.read_bytes().unwrap(), v.clone());
        prop_assert!(r.is_empty());
        let wrapped = RawBytes(v);
        prop_assert_eq!(round_trip(&wrapped), wrapped);
    }

    #[test]
    fn any_bytes_as_string_are_replaced_lossily(v in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut out = Vec::new();
        wire::write_bytes(&mut out, &v);
        let decoded = String::from_bytes(&out).unwrap();
        prop_assert_eq!(decoded, String::from_utf8_lossy(&v).into_owned());
    }

    #[test]
    fn int128_int256(a: [u8; 16], b: [u8; 32]) {
        prop_assert_eq!(round_trip(&a), a);
        prop_assert_eq!(round_trip(&b), b);
    }

    #[test]
    fn int512(v in prop::collection::vec(any::<u8>(), 64)) {
        let array: [u8; 64] = v.try_into().unwrap();
        prop_assert_eq!(round_trip(&array), array);
    }

    #[test]
    fn vectors_of_numbers(ints: Vec<i32>, longs: Vec<i64>, doubles: Vec<f64>, nats in prop::collection::vec(0u32..(1 << 31), 0..50)) {
        prop_assert_eq!(round_trip(&ints), ints);
        prop_assert_eq!(round_trip(&longs), longs);
        let back: Vec<u64> = round_trip(&doubles).iter().map(|d| d.to_bits()).collect();
        prop_assert_eq!(back, doubles.iter().map(|d| d.to_bits()).collect::<Vec<_>>());
        prop_assert_eq!(round_trip(&nats), nats);
    }

    #[test]
    fn vectors_of_bools_strings_and_bytes(
        bools: Vec<bool>,
        strings in prop::collection::vec(".{0,40}", 0..20),
        blobs in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..10),
    ) {
        prop_assert_eq!(round_trip(&bools), bools);
        prop_assert_eq!(round_trip(&strings), strings);
        let blobs: Vec<RawBytes> = blobs.into_iter().map(RawBytes).collect();
        prop_assert_eq!(round_trip(&blobs), blobs);
    }

    #[test]
    fn nested_vectors(
        v in prop::collection::vec(prop::collection::vec(any::<i64>(), 0..20), 0..20),
        w in prop::collection::vec(
            prop::collection::vec(prop::collection::vec(any::<i32>(), 0..8), 0..8),
            0..8,
        ),
    ) {
        prop_assert_eq!(round_trip(&v), v);
        prop_assert_eq!(round_trip(&w), w);
    }

    #[test]
    fn bare_vectors(v: Vec<i64>) {
        let mut out = Vec::new();
        wire::write_bare_vector(&mut out, &v, |o, x| x.serialize(o));
        prop_assert_eq!(out.len(), wire::bare_vector_len(&v, |_| 8));
        let back = Reader::new(&out).read_bare_vector(Reader::read_i64, 8).unwrap();
        prop_assert_eq!(back, v);
    }

    /// Arbitrary input never panics any decoder, and errors stay in bounds.
    #[test]
    fn garbage_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        fn probe<T: Deserialize>(bytes: &[u8]) -> bool {
            T::from_bytes(bytes).err().is_none_or(|e| e.offset() <= bytes.len())
        }
        prop_assert!(probe::<i64>(&bytes));
        prop_assert!(probe::<String>(&bytes));
        prop_assert!(probe::<Vec<String>>(&bytes));
        prop_assert!(probe::<Vec<Vec<i64>>>(&bytes));
        prop_assert!(probe::<tl_runtime::RpcError>(&bytes));
    }
}
