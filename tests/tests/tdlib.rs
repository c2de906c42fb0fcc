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

/// The committed inputs of the `decode_tdlib` fuzz target (see FUZZING.md)
/// pass the fuzz check.
#[test]
fn decode_tdlib_fuzz_inputs_pass_the_fuzz_check() {
    use tl_conformance::fuzz::{replay, replay_dir, Family};
    replay::<Tdlib>(&replay_dir(Tdlib::TARGET));
}
