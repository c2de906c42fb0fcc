//! TON's schemas: node, lite server, tonlib, and the test schema; ids without
//! `#id` checked against the golden `.tlo` ids.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

tl_conformance::schema_suite! {
    ton_api = "../../shared/schemas/ton/ton_api.tl",
}

tl_conformance::schema_suite! {
    lite_api = "../../shared/schemas/ton/lite_api.tl",
}

tl_conformance::schema_suite! {
    tonlib_api = "../../shared/schemas/ton/tonlib_api.tl",
}

tl_conformance::schema_suite! {
    test_schema = "../../shared/schemas/ton/test_schema.tl",
}

#[test]
fn golden_ton_ids() {
    for stem in ["ton_api", "lite_api", "tonlib_api"] {
        tl_conformance::ids::check_golden(stem);
    }
}

tl_conformance::fuzz_family!(Ton = "decode_ton": ton_api, lite_api);

/// The committed inputs of the `decode_ton` fuzz target (see FUZZING.md)
/// pass the fuzz check.
#[test]
fn decode_ton_fuzz_inputs_pass_the_fuzz_check() {
    tl_conformance::fuzz::replay::<Ton>();
}

/// `tl decode` reads every sample value of the `decode_ton` family's schemas
/// as the generated code does.
#[test]
fn tl_decode_reads_every_ton_sample_as_generated_code_does() {
    tl_conformance::decode::check("../../shared/schemas/ton/ton_api.tl", |c| {
        ton_api::visit_samples(c)
    });
    tl_conformance::decode::check("../../shared/schemas/ton/lite_api.tl", |c| {
        lite_api::visit_samples(c)
    });
}
