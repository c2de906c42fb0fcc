//! The smaller Telegram-side schemas: gotd's copy of layer 228, MTProto (tdlib's,
//! tdesktop's), secret chats, TDLib's e2e API; and the golden `.tlo` ids of
//! tdlib's telegram_api, mtproto_api and secret_api.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

tl_conformance::schema_suite! {
    api_gotd = "../../shared/schemas/telegram/api-gotd.tl",
}

tl_conformance::schema_suite! {
    mtproto = "../../shared/schemas/telegram/mtproto.tl",
}

tl_conformance::schema_suite! {
    mtproto_tdesktop = "../../shared/schemas/telegram/mtproto-tdesktop.tl",
}

tl_conformance::schema_suite! {
    secret_api = "../../shared/schemas/telegram/secret_api.tl",
}

tl_conformance::schema_suite! {
    e2e_api = "../../shared/schemas/tdlib/e2e_api.tl",
}

#[test]
fn golden_telegram_mtproto_and_secret_ids() {
    for stem in ["telegram_api", "mtproto_api", "secret_api"] {
        tl_conformance::ids::check_golden(stem);
    }
}
