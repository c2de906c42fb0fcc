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
