//! The harness's own checks: a panicking decoder is reported, not propagated;
//! hostile inputs are deterministic and cover what they promise; the
//! evolution check tells `?true` drift and gone constructors from broken
//! layers; the fuzz check catches what it promises to.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

use tl_conformance::evolution::{Evolution, Layer};
use tl_conformance::hostile::{decode_hostile, inputs};
use tl_conformance::{corpus, first_difference};

/// A decoder with a bug: it panics on a zero first byte.
#[derive(Debug, PartialEq)]
struct Buggy;

impl tl_runtime::Serialize for Buggy {
    fn serialize<S: tl_runtime::Sink + ?Sized>(&self, out: &mut S) {
        out.put_slice(&[1]);
    }
}

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

/// Two small layers and a broken one, in `tests/fixtures/evolution/`.
mod older {
    tl_runtime::tl! {
        include = "fixtures/evolution/older.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}
mod newer {
    tl_runtime::tl! {
        include = "fixtures/evolution/newer.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}
mod misaligned {
    tl_runtime::tl! {
        include = "fixtures/evolution/misaligned.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

fn older() -> Layer {
    Layer {
        name: "older",
        path: "fixtures/evolution/older.tl",
        reencode: older::reencode,
        name_for_id: older::name_for_id,
    }
}

fn newer() -> Layer {
    Layer {
        name: "newer",
        path: "fixtures/evolution/newer.tl",
        reencode: newer::reencode,
        name_for_id: newer::name_for_id,
    }
}

/// `older`'s samples re-encoded by `newer`.
fn evolve(newer: Layer) -> Evolution {
    let mut v = Evolution::new(older(), newer);
    older::visit_samples(&mut v);
    v
}

#[test]
fn a_dropped_true_bit_is_drift_and_a_gone_constructor_is_skipped() {
    let v = evolve(newer());
    assert_eq!(v.failures(), [] as [String; 0]);
    assert_eq!(v.drift.iter().copied().collect::<Vec<_>>(), ["message"]);
    // `update` with its `chat` present holds `chatOld`, which `newer` lacks.
    assert!(v.nested_gone > 0);
    assert_eq!(v.gone, 1, "chatOld itself");
}

#[test]
fn a_mis_encoded_int_is_not_drift() {
    /// `newer`, with an encoder that writes `message`'s `id` and `date`
    /// (bytes 8 to 16) in the wrong order.
    fn swapped(bytes: &[u8]) -> Option<tl_runtime::Result<Vec<u8>>> {
        let message = 0x0a00_0001u32.to_le_bytes();
        newer::reencode(bytes).map(|result| {
            result.map(|mut again| {
                if again.starts_with(&message) {
                    let (id, date) = again[8..16].split_at_mut(4);
                    id.swap_with_slice(date);
                }
                again
            })
        })
    }
    let v = evolve(Layer {
        reencode: swapped,
        ..newer()
    });
    assert!(!v.failures().is_empty());
    assert!(
        v.failures().iter().all(|f| f.contains(": message (")),
        "{:#?}",
        v.failures()
    );
}

#[test]
fn a_decoder_out_of_alignment_is_not_a_gone_constructor() {
    let v = evolve(Layer {
        name: "misaligned",
        path: "fixtures/evolution/misaligned.tl",
        reencode: misaligned::reencode,
        name_for_id: misaligned::name_for_id,
    });
    assert!(!v.failures().is_empty());
    assert!(
        v.failures().iter().all(|f| f.contains(": message (")),
        "{:#?}",
        v.failures()
    );
}

/// A decoder that allocates a megabyte whatever its input.
#[derive(Debug, PartialEq)]
struct Greedy;

impl tl_runtime::Deserialize for Greedy {
    fn deserialize(r: &mut tl_runtime::Reader<'_>) -> tl_runtime::Result<Self> {
        r.read_u32()?;
        let big: Vec<u8> = Vec::with_capacity(1 << 20);
        std::hint::black_box(big);
        Ok(Greedy)
    }
}

impl tl_runtime::Serialize for Greedy {
    fn serialize<S: tl_runtime::Sink + ?Sized>(&self, out: &mut S) {
        out.put_u32(0);
    }
}

/// An encoder that writes another value than it was given.
#[derive(Debug, PartialEq)]
struct Lossy(u32);

impl tl_runtime::Deserialize for Lossy {
    fn deserialize(r: &mut tl_runtime::Reader<'_>) -> tl_runtime::Result<Self> {
        r.read_u32().map(Lossy)
    }
}

impl tl_runtime::Serialize for Lossy {
    fn serialize<S: tl_runtime::Sink + ?Sized>(&self, out: &mut S) {
        out.put_u32(self.0.wrapping_add(1));
    }
}

#[test]
fn the_fuzz_check_catches_panics_over_allocation_and_lossy_encoders() {
    use tl_conformance::fuzz::decode_checked;
    assert_eq!(decode_checked::<Buggy>(&[1]), Ok(()));
    assert_eq!(
        decode_checked::<Buggy>(&[0]),
        Err("decoding panicked".to_string())
    );
    let greedy = decode_checked::<Greedy>(&[0; 4]).unwrap_err();
    assert!(
        greedy.contains("over the bound 4352 for 4 bytes"),
        "{greedy}"
    );
    let lossy = decode_checked::<Lossy>(&[7, 0, 0, 0]).unwrap_err();
    assert!(lossy.contains("decodes to another value"), "{lossy}");
    assert_eq!(
        decode_checked::<Lossy>(&[7, 0, 0]),
        Ok(()),
        "an Err is fine"
    );
    assert_eq!(decode_checked::<i64>(&[1, 2, 3, 4, 5, 6, 7, 8]), Ok(()));
}

tl_conformance::fuzz_family!(Older = "older": older);

#[test]
fn fuzz_seeds_select_every_item_and_pass_the_check() {
    use tl_conformance::fuzz::{check, items, seeds};
    let items = items::<Older>();
    let seeds = seeds::<Older>();
    let mut selectors: Vec<u16> = seeds
        .iter()
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .collect();
    selectors.dedup();
    assert_eq!(selectors, (0..items as u16).collect::<Vec<_>>());
    for seed in &seeds {
        assert_eq!(check::<Older>(seed, items), Ok(()), "{seed:?}");
        // The selector wraps around.
        let mut wrapped = seed.clone();
        let again = u16::from_le_bytes([seed[0], seed[1]]) + items as u16;
        wrapped[..2].copy_from_slice(&again.to_le_bytes());
        assert_eq!(check::<Older>(&wrapped, items), Ok(()));
    }
    // A seed's bytes under another item's selector mostly fail to decode,
    // which is fine; a broken item would not be.
    let other = [&[1u8, 0][..], &seeds[0][2..]].concat();
    assert_eq!(check::<Older>(&other, items), Ok(()));
    tl_conformance::fuzz::replay_seeds::<Older>();
}
