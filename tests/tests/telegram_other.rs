//! The smaller Telegram-side schemas: MTProto (tdlib's, tdesktop's), secret
//! chats, TDLib's e2e API; gotd's copy of layer 228, against tdlib's; and the
//! golden `.tlo` ids of tdlib's telegram_api, mtproto_api and secret_api.

#[global_allocator]
static ALLOC: tl_conformance::alloc_count::CountingAlloc =
    tl_conformance::alloc_count::CountingAlloc;

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

/// gotd's `api-gotd.tl` is layer 228, as is tdlib's `api.tl`, whose generated
/// code the layer suite already checks: what can differ between the copies
/// is the text, so gotd's is parsed, its ids verified, and its (name, id)
/// pairs compared with tdlib's.
#[test]
fn gotd_layer_228_matches_tdlib_s_but_for_the_known_differences() {
    const GOTD: &str = "../../shared/schemas/telegram/api-gotd.tl";
    const TDLIB: &str = "../../shared/schemas/telegram/api.tl";
    tl_conformance::ids::check_file(GOTD);
    tl_conformance::ids::check_copy(GOTD, TDLIB, ONLY_GOTD, ONLY_TDLIB);
}

/// Definitions only gotd's copy has: `null#56730bcc = Null` among its
/// built-in lines, and `test.useError` near the end of the file, where gotd
/// appends the `_schema/legacy.tl` it merges in.
const ONLY_GOTD: &[&str] = &["null", "test.useError"];

/// Definitions only tdlib's copy has: its preamble declares `int256 = Int256`
/// and `vector#1cb5c415` as definitions (gotd leaves both to the built-ins)
/// and `test.parseInputAppEvent`; the four `invokeWith…Prefix` helpers of
/// [`tl_parser::KNOWN_DEVIATIONS`]; and two ephemeral-message definitions that
/// tdlib's revision of layer 228 has and gotd's does not.
const ONLY_TDLIB: &[&str] = &[
    "ephemeral.editMessage",
    "int256",
    "invokeWithApnsSecretPrefix",
    "invokeWithBusinessConnectionPrefix",
    "invokeWithGooglePlayIntegrityPrefix",
    "invokeWithReCaptchaPrefix",
    "test.parseInputAppEvent",
    "updateEphemeralBotCallbackQuery",
    "vector",
];

tl_conformance::fuzz_family!(Secret = "decode_secret": secret_api);

/// The committed inputs of the `decode_secret` fuzz target (see FUZZING.md)
/// pass the fuzz check.
#[test]
fn decode_secret_fuzz_inputs_pass_the_fuzz_check() {
    tl_conformance::fuzz::replay::<Secret>();
}

/// `tl decode` reads every sample value of the `decode_secret` family's
/// schema as the generated code does.
#[test]
fn tl_decode_reads_every_secret_sample_as_generated_code_does() {
    tl_conformance::decode::check("../../shared/schemas/telegram/secret_api.tl", |c| {
        secret_api::visit_samples(c)
    });
}
