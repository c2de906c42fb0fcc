//! Telegram API layers 160, 190, 214 and 227, and schema evolution between them.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod common;

use tl_conformance::evolution::Evolution;

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

#[test]
fn layer_160_values_decode_in_layer_190() {
    let mut v = Evolution::new("api-160", "api-190", |bytes| {
        common::accept_flag_drift("160-190", bytes, api_190::reencode(bytes))
    });
    api_160::visit_samples(&mut v);
    let drift = common::drift_report("160-190");
    println!("{drift}");
    tl_conformance::report::note("evolution api-160 → api-190: drift", &drift);
    v.finish();
}

#[test]
fn layer_190_values_decode_in_layer_214() {
    let mut v = Evolution::new("api-190", "api-214", |bytes| {
        common::accept_flag_drift("190-214", bytes, api_214::reencode(bytes))
    });
    api_190::visit_samples(&mut v);
    let drift = common::drift_report("190-214");
    println!("{drift}");
    tl_conformance::report::note("evolution api-190 → api-214: drift", &drift);
    v.finish();
}

#[test]
fn layer_214_values_decode_in_layer_227() {
    let mut v = Evolution::new("api-214", "api-227", |bytes| {
        common::accept_flag_drift("214-227", bytes, api_227::reencode(bytes))
    });
    api_214::visit_samples(&mut v);
    let drift = common::drift_report("214-227");
    println!("{drift}");
    tl_conformance::report::note("evolution api-214 → api-227: drift", &drift);
    v.finish();
}
