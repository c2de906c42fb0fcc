//! Telegram's API, older layers: 160, 190, 214 and 227, and schema
//! evolution between neighbours. Layers 227 to 230 and the differential test
//! against grammers are in `telegram_230.rs`: two binaries of about equal
//! size build in parallel, at the cost of expanding layer 227 in both.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

use tl_conformance::evolution::{Evolution, Layer};

tl_conformance::schema_suite! {
    api_160 = "../../shared/schemas/telegram/layers/api-160.tl",
}

tl_conformance::schema_suite! {
    api_190 = "../../shared/schemas/telegram/layers/api-190.tl",
}

tl_conformance::schema_suite! {
    api_214 = "../../shared/schemas/telegram/layers/api-214.tl",
}

tl_conformance::schema_suite! {
    api_227 = "../../shared/schemas/telegram/layers/api-227.tl",
}

/// Samples of `older` (its `visit_samples`) re-encoded by `newer`.
fn evolve(older: Layer, newer: Layer, visit: fn(&mut Evolution)) {
    let mut v = Evolution::new(older, newer);
    visit(&mut v);
    v.finish();
}

#[test]
fn layer_160_values_decode_in_layer_190() {
    evolve(api_160::layer(), api_190::layer(), api_160::visit_samples);
}

#[test]
fn layer_190_values_decode_in_layer_214() {
    evolve(api_190::layer(), api_214::layer(), api_190::visit_samples);
}

#[test]
fn layer_214_values_decode_in_layer_227() {
    evolve(api_214::layer(), api_227::layer(), api_214::visit_samples);
}
