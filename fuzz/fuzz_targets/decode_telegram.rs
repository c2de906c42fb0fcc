//! Decodes arbitrary bytes as any boxed type or function of Telegram's API layer 230 (grammers' api-230.tl) with grammers' mtproto.tl.
//! The input format and the checks are `tl_conformance::fuzz`'s.

#![no_main]

use std::sync::OnceLock;

use tl_conformance::fuzz::{check, items};

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod api_230 {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/grammers/api-230.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod grammers_mtproto {
    // The options of the conformance suite's module for this file.
    tl_runtime::tl! {
        include = "../../shared/schemas/grammers/mtproto.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

tl_conformance::fuzz_family!(Telegram = "decode_telegram": api_230, grammers_mtproto);

static ITEMS: OnceLock<usize> = OnceLock::new();

libfuzzer_sys::fuzz_target!(
    init: tl_fuzz::seed_corpus::<Telegram>(),
    |data: &[u8]| {
        let items = *ITEMS.get_or_init(items::<Telegram>);
        if let Err(why) = check::<Telegram>(data, items) {
            panic!("{why}");
        }
    }
);
