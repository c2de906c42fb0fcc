//! Decodes arbitrary bytes as any boxed type or function of TON's ton_api.tl with lite_api.tl.
//! The input format and the checks are `tl_conformance::fuzz`'s.

#![no_main]

use std::sync::OnceLock;

use tl_conformance::fuzz::{check, items};

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod ton_api {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/ton/ton_api.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod lite_api {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/ton/lite_api.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

tl_conformance::fuzz_family!(Ton = "decode_ton": ton_api, lite_api);

static ITEMS: OnceLock<usize> = OnceLock::new();

libfuzzer_sys::fuzz_target!(
    init: tl_fuzz::seed_corpus::<Ton>(),
    |data: &[u8]| {
        let items = *ITEMS.get_or_init(items::<Ton>);
        if let Err(why) = check::<Ton>(data, items) {
            panic!("{why}");
        }
    }
);
