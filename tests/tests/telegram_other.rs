//! The smaller Telegram-side schemas: gotd's copy of layer 228, MTProto (tdlib's,
//! tdesktop's), secret chats, TDLib's e2e API; and the golden `.tlo` ids of
//! tdlib's telegram_api, mtproto_api and secret_api.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

tl_conformance::schema_suite! {
    api_gotd = "../../shared/schemas/telegram/api-gotd.tl",
    exceptions = [
        "ipPortSecret",
        "accessPointRule",
        "help.configSimple",
        "inputPeerPhotoFileLocationLegacy",
        "inputStickerSetThumbLegacy",
    ],
}

tl_conformance::schema_suite! {
    mtproto = "../../shared/schemas/telegram/mtproto.tl",
    exceptions = ["gzip_packed"],
}

tl_conformance::schema_suite! {
    mtproto_tdesktop = "../../shared/schemas/telegram/mtproto-tdesktop.tl",
    exceptions = ["ipPortSecret", "accessPointRule", "help.configSimple"],
}

tl_conformance::schema_suite! {
    secret_api = "../../shared/schemas/telegram/secret_api.tl",
    exceptions = [
        "decryptedMessage8",
        "decryptedMessageService8",
        "decryptedMessageMediaPhoto8",
        "decryptedMessageMediaVideo8",
        "decryptedMessageMediaDocument8",
        "decryptedMessageMediaAudio8",
        "decryptedMessage23",
        "decryptedMessageMediaVideo23",
        "documentAttributeSticker23",
        "documentAttributeVideo23",
        "documentAttributeAudio23",
        "documentAttributeAudio45",
        "decryptedMessage46",
        "decryptedMessageMediaDocument46",
        "decryptedMessageMediaDocument",
    ],
}

tl_conformance::schema_suite! {
    e2e_api = "../../shared/schemas/tdlib/e2e_api.tl",
    exceptions = [],
}

#[test]
fn golden_telegram_mtproto_and_secret_ids() {
    for stem in ["telegram_api", "mtproto_api", "secret_api"] {
        tl_conformance::ids::check_golden(stem);
    }
}
