//! Telegram layers 228 (tdlib's api.tl) and 230 (grammers' api.tl and
//! mtproto.tl): conformance, evolution 227 → 228 → 230, and the differential
//! test against grammers-tl-types 0.11, generated from the same two files.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

mod common;

use tl_conformance::differential::Differential;
use tl_conformance::evolution::Evolution;

tl_conformance::schema_suite! {
    api_228 = "../../shared/schemas/telegram/api.tl",
}

tl_conformance::schema_suite! {
    api_230 = "../../shared/schemas/grammers/api-230.tl",
}

tl_conformance::schema_suite! {
    grammers_mtproto = "../../shared/schemas/grammers/mtproto.tl",
}

/// Layer 227 again (its own suite runs in telegram_layers): the older side of
/// 227 → 228. Each test binary is one crate, so a pair must share one.
mod api_227 {
    tl_runtime::tl! {
        include = "../../shared/schemas/telegram/layers/api-227.tl",
        // Its ids are checked, deviations and all, by its suite in
        // telegram_layers; here it only has to build.
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

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

#[test]
fn layer_227_values_decode_in_layer_228() {
    let mut v = Evolution::new("api-227", "api-228", |bytes| {
        common::accept_flag_drift("227-228", bytes, api_228::reencode(bytes))
    });
    api_227::visit_samples(&mut v);
    let drift = common::drift_report("227-228");
    println!("{drift}");
    tl_conformance::report::note("evolution api-227 → api-228: drift", &drift);
    v.finish();
}

#[test]
fn layer_228_values_decode_in_layer_230() {
    let mut v = Evolution::new("api-228", "api-230", |bytes| {
        common::accept_flag_drift("228-230", bytes, api_230::reencode(bytes))
    });
    api_228::visit_samples(&mut v);
    let drift = common::drift_report("228-230");
    println!("{drift}");
    tl_conformance::report::note("evolution api-228 → api-230: drift", &drift);
    v.finish();
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
    let mut only_ours = api.only_ours.clone();
    only_ours.extend(&mtproto.only_ours);
    let failures: Vec<_> = api.failures.iter().chain(&mtproto.failures).collect();
    let text = format!(
        "{} constructors compared ({} of api-230.tl, {} of grammers/mtproto.tl; grammers' dispatch covers {}), \
         {} functions compared ({} of api-230.tl, {} of grammers/mtproto.tl; grammers' dispatch covers {}, \
         `{{X:Type}}` functions left out on both sides), {} disagreeing values; ours only: {only_ours:?}",
        api.constructors + mtproto.constructors,
        api.constructors,
        mtproto.constructors,
        grammers::GRAMMERS_CONSTRUCTORS.len(),
        api.functions + mtproto.functions,
        api.functions,
        mtproto.functions,
        grammers::GRAMMERS_FUNCTIONS.len(),
        failures.len()
    );
    println!("{text}");
    tl_conformance::report::note("grammers-tl-types 0.11", &text);
    for (schema, side) in [
        ("grammers/api-230.tl", &api),
        ("grammers/mtproto.tl", &mtproto),
    ] {
        use tl_conformance::report::{record, Column};
        record(schema, Column::Grammers, side.constructors);
        record(schema, Column::GrammersFunctions, side.functions);
    }
    assert!(api.constructors > 1000, "{text}");
    assert!(api.functions > 800, "{text}");
    let mut disagreeing: Vec<&str> = failures.iter().map(|f| f.name).collect();
    disagreeing.sort_unstable();
    disagreeing.dedup();
    let mut known: Vec<&str> = GRAMMERS_DIFFERENCES.iter().map(|(name, _)| *name).collect();
    known.sort_unstable();
    assert_eq!(
        disagreeing,
        known,
        "disagreements with grammers other than the documented ones:\n{}",
        failures
            .iter()
            .take(20)
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Where grammers-tl-types 0.11 and we differ, and why; each was checked by hand
/// against the bytes in the failure message.
const GRAMMERS_DIFFERENCES: &[(&str, &str)] = &[
    // grammers drops a `flags:#` word that no field refers to (it decodes it as
    // `_flags` and writes `0u32` back), so a non-zero value does not survive its
    // round trip; we keep the word as a field (`flags: u32`) and write it back as
    // received. Lossy on grammers' side; the wire format allows any value.
    (
        "exportedChatlistInvite",
        "unused flags word written as 0 by grammers",
    ),
    (
        "chatlists.exportedChatlistInvite",
        "contains exportedChatlistInvite",
    ),
    (
        "chatlists.exportedInvites",
        "contains exportedChatlistInvite",
    ),
    (
        "buttonTypeRequestPeer",
        "unused flags word written as 0 by grammers",
    ),
    ("keyboardButton", "can contain buttonTypeRequestPeer"),
    ("keyboardButtonRow", "can contain buttonTypeRequestPeer"),
    // `stories.allStoriesNotModified` has such a word too, but its samples
    // draw 0 for it (an edge value), which both sides write alike.
    // `tlsBlockString data:bytes = TlsBlock` (grammers/mtproto.tl, no `#id`):
    // we compute 0x4218a164 by the Telegram rule (bytes → string), which is the
    // CRC32 of tdesktop's own line `tlsBlockString data:string = TlsBlock`;
    // grammers uses 0xb2b51dca. The TLS block schema describes tdesktop's fake
    // ClientHello and is never sent as boxed TL, so neither id reaches the wire.
    (
        "tlsBlockString",
        "constructor id computed differently for a definition without #id",
    ),
];

/// Every generated enum is at most `ENUM_SIZE_MAX` (256) bytes, the bound
/// users are promised; variants are boxed only where they would break it.
#[test]
fn layer_230_enums_stay_within_the_bound() {
    use std::mem::size_of;
    const ENUM_SIZE_MAX: usize = 256;
    let sizes = [
        ("Update", size_of::<api_230::enums::Update>()),
        ("Updates", size_of::<api_230::enums::Updates>()),
        ("Message", size_of::<api_230::enums::Message>()),
        ("User", size_of::<api_230::enums::User>()),
        ("MessageMedia", size_of::<api_230::enums::MessageMedia>()),
        ("MessageAction", size_of::<api_230::enums::MessageAction>()),
    ];
    for (name, size) in sizes {
        assert!(size <= ENUM_SIZE_MAX, "enums::{name} is {size} bytes");
    }
}
