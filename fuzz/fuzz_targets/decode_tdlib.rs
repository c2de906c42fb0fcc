//! Decodes arbitrary bytes as any boxed type or function of TDLib's td_api.tl.
//! The input format and the checks are `tl_conformance::fuzz`'s.

#![no_main]

use std::sync::OnceLock;

use tl_conformance::fuzz::{check, items};

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod td_api {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/tdlib/td_api.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

tl_conformance::fuzz_family!(Tdlib = "decode_tdlib": td_api);

static ITEMS: OnceLock<usize> = OnceLock::new();

libfuzzer_sys::fuzz_target!(
    init: tl_fuzz::seed_corpus::<Tdlib>(),
    |data: &[u8]| {
        let items = *ITEMS.get_or_init(items::<Tdlib>);
        if let Err(why) = check::<Tdlib>(data, items) {
            panic!("{why}");
        }
    }
);
