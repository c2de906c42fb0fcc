//! Inputs found by `cargo fuzz run primitives` (see fuzz/README.md), kept
//! so they are checked on every test run.

use tl_runtime::{Deserialize, RawObject, Serialize};

/// `crash-33fac02b…` (`2f 00 00 00 00 00`): selector 15 decodes the rest as
/// an `Object`. Five bytes are not a multiple of 4; the harness wrongly
/// required that of `Object`, whose length is opaque. The runtime must keep
/// such bytes verbatim.
#[test]
fn object_of_unaligned_length_round_trips() {
    let data = [0u8; 5];
    let object = RawObject::from_bytes(&data).unwrap();
    assert_eq!(object.constructor_id(), Some(0));
    assert_eq!(object.serialized_len(), 5);
    assert_eq!(object.to_bytes(), data);
}
