//! What the encoder writes for a `#`, the decoder reads. Every `#` is below
//! 2^31, as TDLib reads it: generated code refuses to write a larger plain
//! `#` (a documented panic, `tl_runtime::wire::nat`), decoding refuses to read
//! one, and `flags.31?` is a schema error, so a flags word never has bit 31.

mod nat {
    tl_runtime::tl!(
        r#"
        state mode:# count:# extra:mode.0?# counts:Vector<#> balance:mode.30?long = State;
        "#
    );
}

use nat::types::State;
use std::panic::{catch_unwind, AssertUnwindSafe};
use tl_runtime::{Deserialize, ErrorKind, Serialize};

const MAX: u32 = (1 << 31) - 1;

/// Every `#` of the value is `n`: the plain field (written in a run with the
/// flags word), the optional one and a vector item.
fn state(n: u32) -> State {
    State {
        count: n,
        extra: Some(n),
        counts: vec![n],
        balance: Some(-1),
    }
}

#[test]
fn the_largest_nat_round_trips_with_flag_bit_30() {
    let v = state(MAX);
    let bytes = v.to_bytes();
    // The flags word: bit 0 (`extra`) and bit 30 (`balance`), the highest.
    assert_eq!(bytes[4..8], (1u32 | 1 << 30).to_le_bytes());
    assert_eq!(bytes[8..12], [0xff, 0xff, 0xff, 0x7f]);
    assert_eq!(State::from_bytes(&bytes).unwrap(), v);
}

/// The panic message of writing `v`, if writing it panics.
fn write_panic(v: &State) -> Option<String> {
    let payload = catch_unwind(AssertUnwindSafe(|| v.to_bytes())).err()?;
    payload.downcast_ref::<String>().cloned()
}

#[test]
fn a_nat_of_2_pow_31_or_more_is_not_written() {
    for n in [1 << 31, u32::MAX] {
        let each_place = [
            State {
                count: n,
                ..state(0)
            },
            State {
                extra: Some(n),
                ..state(0)
            },
            State {
                counts: vec![0, n],
                ..state(0)
            },
        ];
        for v in each_place {
            let message = write_panic(&v).unwrap_or_else(|| panic!("{v:?} was written"));
            assert!(message.contains("at most 2^31 - 1"), "{message}");
        }
    }
    assert_eq!(write_panic(&state(MAX)), None);
}

#[test]
fn a_nat_of_2_pow_31_or_more_is_not_read() {
    let bytes = state(5).to_bytes();
    // Offsets: id 0, flags 4, count 8, extra 12, Vector id 16, length 20, item 24.
    for at in [4, 8, 12, 24] {
        for n in [1u32 << 31, u32::MAX] {
            let mut bad = bytes.clone();
            let old = u32::from_le_bytes(bad[at..at + 4].try_into().unwrap());
            // Keep the flags' own bits, so that only bit 31 is wrong.
            let value = if at == 4 { old | 1 << 31 } else { n };
            bad[at..at + 4].copy_from_slice(&value.to_le_bytes());
            let err = State::from_bytes(&bad).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::NegativeNat { value }, "at {at}");
            assert_eq!(err.offset(), at);
        }
    }
}

#[test]
fn flag_bit_31_is_a_schema_error() {
    let schema = "state mode:# big:mode.31?long = State;\n";
    let files = [tl_parser::SourceFile::new("inline.tl", schema)];
    let Err(err) = tl_codegen::generate(&files, &tl_codegen::Options::default()) else {
        panic!("flags.31? must be refused");
    };
    let shown = err.to_string();
    assert!(
        shown.contains("E0205") && shown.contains("flag bit 31"),
        "{shown}"
    );
}
