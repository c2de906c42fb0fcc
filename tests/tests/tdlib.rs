//! TDLib's client API (`td_api.tl`, no explicit ids: checked against the
//! golden `.tlo` ids).

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

tl_conformance::schema_suite! {
    td_api = "../../shared/schemas/tdlib/td_api.tl",
}

#[test]
fn golden_td_api_ids() {
    tl_conformance::ids::check_golden("td_api");
}

tl_conformance::fuzz_family!(Tdlib = "decode_tdlib": td_api);

/// The seeds of the `decode_tdlib` fuzz target and its committed inputs, which
/// reach coverage beyond the seeds (see FUZZING.md), pass the fuzz check.
#[test]
fn decode_tdlib_fuzz_inputs_pass_the_fuzz_check() {
    tl_conformance::fuzz::replay_seeds::<Tdlib>();
    tl_conformance::fuzz::replay::<Tdlib>();
}

/// `tl decode` reads every sample value of the `decode_tdlib` family's schema
/// as the generated code does.
#[test]
fn tl_decode_reads_every_tdlib_sample_as_generated_code_does() {
    tl_conformance::decode::check("../../shared/schemas/tdlib/td_api.tl", |c| {
        td_api::visit_samples(c)
    });
}
