//! Telegram's API, newest layers: 228 (tdlib's api.tl) and 230 (grammers'
//! api-230.tl, with grammers' mtproto.tl); schema evolution from 227 to 228
//! and 228 to 230; and the differential test against grammers-tl-types 0.11,
//! generated from the same two layer-230 files. Layer 227's suite runs in
//! `telegram_layers.rs`; here it is only the older side of 227 → 228.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

use tl_conformance::differential::{check_against_grammers, Coverage, Differential};
use tl_conformance::evolution::{Evolution, Layer};

tl_conformance::schema_suite! {
    api_227 = "../../shared/schemas/telegram/layers/api-227.tl",
    layer_only,
}

tl_conformance::schema_suite! {
    api_228 = "../../shared/schemas/telegram/api.tl",
}

tl_conformance::schema_suite! {
    api_230 = "../../shared/schemas/grammers/api-230.tl",
}

tl_conformance::schema_suite! {
    grammers_mtproto = "../../shared/schemas/grammers/mtproto.tl",
}

/// Samples of `older` (its `visit_samples`) re-encoded by `newer`.
fn evolve(older: Layer, newer: Layer, visit: fn(&mut Evolution)) {
    let mut v = Evolution::new(older, newer);
    visit(&mut v);
    v.finish();
}

#[test]
fn layer_227_values_decode_in_layer_228() {
    evolve(api_227::layer(), api_228::layer(), api_227::visit_samples);
}

#[test]
fn layer_228_values_decode_in_layer_230() {
    evolve(api_228::layer(), api_230::layer(), api_228::visit_samples);
}

/// grammers-tl-types' side: decode and re-encode by id (`build.rs`).
mod grammers {
    include!(concat!(env!("OUT_DIR"), "/grammers_dispatch.rs"));

    use grammers_tl_types::{Deserializable, Serializable};

    fn via<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, String> {
        T::from_bytes(bytes)
            .map(|v| v.to_bytes())
            .map_err(|e| format!("{e:?}"))
    }

    /// A grammers function struct's `Deserializable` starts at the fields
    /// (its caller has read the id), while its `Serializable` writes the id.
    fn via_function<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, String> {
        let fields = bytes
            .get(4..)
            .expect("grammers_reencode dispatches on a 4-byte id");
        via::<T>(fields)
    }
}

/// Ours for layer 230: the API first, then grammers' MTProto schema.
fn ours_230(bytes: &[u8]) -> Option<tl_runtime::Result<Vec<u8>>> {
    api_230::reencode(bytes).or_else(|| grammers_mtproto::reencode(bytes))
}

#[test]
fn every_shared_constructor_and_function_encodes_like_grammers() {
    let mut api = Differential::new(
        "../../shared/schemas/grammers/api-230.tl",
        ours_230,
        grammers::grammers_reencode,
    );
    api_230::visit_samples(&mut api);
    let mut mtproto = Differential::new(
        "../../shared/schemas/grammers/mtproto.tl",
        ours_230,
        grammers::grammers_reencode,
    );
    grammers_mtproto::visit_samples(&mut mtproto);
    let grammers = Coverage {
        constructors: grammers::GRAMMERS_CONSTRUCTORS.len(),
        functions: grammers::GRAMMERS_FUNCTIONS.len(),
    };
    check_against_grammers(&api, &mtproto, grammers);
}

tl_conformance::fuzz_family!(Telegram = "decode_telegram": api_230, grammers_mtproto);

/// The seeds of the `decode_telegram` fuzz target and its committed inputs, which
/// reach coverage beyond the seeds (see FUZZING.md), pass the fuzz check.
#[test]
fn decode_telegram_fuzz_inputs_pass_the_fuzz_check() {
    tl_conformance::fuzz::replay_seeds::<Telegram>();
    tl_conformance::fuzz::replay::<Telegram>();
}

/// `tl decode` reads every sample value of the `decode_telegram` family's
/// schemas (layer 230 and grammers' MTProto) as the generated code does.
#[test]
fn tl_decode_reads_every_layer_230_sample_as_generated_code_does() {
    tl_conformance::decode::check("../../shared/schemas/grammers/api-230.tl", |c| {
        api_230::visit_samples(c)
    });
    tl_conformance::decode::check("../../shared/schemas/grammers/mtproto.tl", |c| {
        grammers_mtproto::visit_samples(c)
    });
}
