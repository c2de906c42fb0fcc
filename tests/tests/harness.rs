//! The harness's own checks: a panicking decoder is reported, not propagated;
//! hostile inputs are deterministic and cover what they promise.

use tl_conformance::hostile::{decode_hostile, inputs};
use tl_conformance::{corpus, first_difference};

/// A decoder with a bug: it panics on a zero first byte.
struct Buggy;

impl tl_runtime::Deserialize for Buggy {
    fn deserialize(r: &mut tl_runtime::Reader<'_>) -> tl_runtime::Result<Self> {
        let b = r.read_raw(1)?;
        assert!(b[0] != 0, "buggy decoder");
        Ok(Buggy)
    }
}

#[test]
fn a_panic_is_reported_not_propagated() {
    assert!(decode_hostile::<Buggy>(&[1]).is_ok());
    assert_eq!(
        decode_hostile::<Buggy>(&[0]),
        Err("decoding panicked".to_string())
    );
    assert!(decode_hostile::<Buggy>(&[]).is_ok(), "an Err is fine");
}

#[test]
fn inputs_cover_truncations_flips_and_random_bytes() {
    let sample = vec![7u8; 200];
    let all = inputs(std::slice::from_ref(&sample), 1);
    for cut in 0..96 {
        assert!(all.contains(&sample[..cut].to_vec()), "truncation at {cut}");
    }
    assert!(all
        .iter()
        .any(|i| i.len() == 200 && i.iter().filter(|&&b| b != 7).count() == 1));
    assert_eq!(inputs(&[sample], 1), all, "deterministic");
}

#[test]
fn first_difference_names_the_offset() {
    assert_eq!(first_difference(b"abc", b"abc"), None);
    assert_eq!(first_difference(b"abc", b"abd"), Some(2));
    assert_eq!(first_difference(b"ab", b"abc"), Some(2));
}

#[test]
fn corpus_names_drop_the_prefix() {
    assert_eq!(
        corpus::name("../../shared/schemas/ton/ton_api.tl"),
        "ton/ton_api.tl"
    );
    assert!(corpus::dir().join("telegram/api.tl").is_file());
}
