//! Decodes arbitrary bytes as any boxed type or function of Telegram's secret_api.tl (end-to-end encrypted chats).
//! The input format and the checks are `tl_conformance::fuzz`'s.

#![no_main]

use std::sync::OnceLock;

use tl_conformance::fuzz::{check, items};

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod secret_api {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/telegram/secret_api.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

tl_conformance::fuzz_family!(Secret = "decode_secret": secret_api);

static ITEMS: OnceLock<usize> = OnceLock::new();

libfuzzer_sys::fuzz_target!(
    init: tl_fuzz::seed_corpus::<Secret>(),
    |data: &[u8]| {
        let items = *ITEMS.get_or_init(items::<Secret>);
        if let Err(why) = check::<Secret>(data, items) {
            panic!("{why}");
        }
    }
);
