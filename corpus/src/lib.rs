//! Test support shared by the workspace's test suites: where the schema
//! corpus lives, how to read it, and the definitions whose declared id
//! knowingly differs from the computed one.
//!
//! The corpus is `shared/schemas`, beside the checkout. Every accessor panics
//! with the expected location when it is missing: a suite must never pass
//! without having read its input.
//!
//! ```no_run
//! let api = tl_corpus::read("telegram/api.tl");
//! assert!(tl_corpus::id_exceptions("telegram/api.tl").contains(&"ipPortSecret"));
//! # let _ = api;
//! ```

use std::path::PathBuf;

/// The corpus directory, as a path relative to any crate of this workspace
/// (each sits one level below the workspace root, as `tl!` paths assume).
pub const PREFIX: &str = "../../shared/schemas/";

/// The corpus directory. Panics with the expected location if it is missing.
pub fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(PREFIX);
    assert!(
        dir.is_dir(),
        "the schema corpus is missing: expected it at {} (the `shared/schemas` folder beside the checkout, as in CI)",
        dir.display()
    );
    dir
}

/// A corpus file's name relative to the corpus (`telegram/api.tl`), from
/// either that name or a path as written in `tl!` (`../../shared/schemas/…`).
pub fn name(path: &str) -> &str {
    path.strip_prefix(PREFIX).unwrap_or(path)
}

/// The text of a corpus file (`telegram/api.tl`, or a `tl!` path).
pub fn read(path: &str) -> String {
    let file = dir().join(name(path));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The most bytes a generated enum may take in memory: the size the code
/// generator promises (`tl_codegen::graph::ENUM_SIZE_MAX`). The generator
/// boxes a variant only where holding it inline would make its enum larger.
/// The conformance suite checks every enum of every schema against it, and
/// `tl-codegen/tests/generated.rs` checks that the two constants agree.
pub const ENUM_SIZE_BOUND: usize = 256;

/// Telegram's `api.tl` as TDLib keeps it: the out-of-band "simple config"
/// definitions (`ipPortSecret` keeps `bytes` in its id text; the other two
/// are unexplained), two constructors renamed with `Legacy`, and four
/// `invokeWith…Prefix` helpers that reuse the id of the real function.
const API_TDLIB: &[&str] = &[
    "ipPortSecret",
    "accessPointRule",
    "help.configSimple",
    "inputPeerPhotoFileLocationLegacy",
    "inputStickerSetThumbLegacy",
    "invokeWithBusinessConnectionPrefix",
    "invokeWithGooglePlayIntegrityPrefix",
    "invokeWithApnsSecretPrefix",
    "invokeWithReCaptchaPrefix",
];

/// The simple-config trio, also in the MTProto copies that carry it.
const SIMPLE_CONFIG: &[&str] = API_TDLIB.split_at(3).0;

/// Per corpus file, the definitions whose declared id differs from the one
/// computed under the file's dialect: exactly the exceptions the corpus
/// README explains. Every schema file outside `golden/` is listed, with `[]`
/// where there are none.
pub const ID_EXCEPTIONS: &[(&str, &[&str])] = &[
    ("grammers/api-230.tl", &[]),
    ("grammers/mtproto.tl", SIMPLE_CONFIG),
    ("tdlib/e2e_api.tl", &[]),
    ("tdlib/td_api.tl", &[]),
    ("telegram/api-gotd.tl", API_TDLIB.split_at(5).0),
    ("telegram/api.tl", API_TDLIB),
    ("telegram/layers/api-160.tl", &[]),
    ("telegram/layers/api-190.tl", &[]),
    ("telegram/layers/api-214.tl", &[]),
    ("telegram/layers/api-227.tl", API_TDLIB),
    ("telegram/mtproto-tdesktop.tl", SIMPLE_CONFIG),
    // TDLib changed the result type to `GzipPacked`; the id is that of
    // `… = Object`.
    ("telegram/mtproto.tl", &["gzip_packed"]),
    // TDLib appended the secret-chat layer to these names; the ids are those
    // of the names without it. `decryptedMessageMediaDocument` keeps `bytes`.
    (
        "telegram/secret_api.tl",
        &[
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
    ),
    // Ids pinned when a field was added, and one rename.
    (
        "ton/lite_api.tl",
        &[
            "liteServer.transactionId",
            "liteServer.getValidatorStats",
            "liteServer.signatureSet.ordinary",
        ],
    ),
    ("ton/test_schema.tl", &[]),
    (
        "ton/ton_api.tl",
        &["db.block.info", "collatorNode.pong", "tonNode.capabilities"],
    ),
    ("ton/tonlib_api.tl", &[]),
];

/// The id exceptions of one corpus file (a name or a `tl!` path). Panics for
/// a file [`ID_EXCEPTIONS`] does not list, so that a new file gets a
/// decision instead of an empty list by default.
pub fn id_exceptions(path: &str) -> &'static [&'static str] {
    let name = name(path);
    ID_EXCEPTIONS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, names)| *names)
        .unwrap_or_else(|| panic!("{name}: not in tl_corpus::ID_EXCEPTIONS"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_file_of_the_corpus_is_listed_once() {
        let mut on_disk = Vec::new();
        for group in ["grammers", "tdlib", "telegram", "telegram/layers", "ton"] {
            for entry in std::fs::read_dir(dir().join(group)).expect("corpus folder") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "tl") {
                    let file = path.file_name().and_then(|f| f.to_str()).expect("UTF-8");
                    on_disk.push(format!("{group}/{file}"));
                }
            }
        }
        on_disk.sort();
        let listed: Vec<String> = ID_EXCEPTIONS.iter().map(|(f, _)| f.to_string()).collect();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn names_from_tl_paths_and_the_split_lists() {
        assert_eq!(
            name("../../shared/schemas/ton/ton_api.tl"),
            "ton/ton_api.tl"
        );
        assert_eq!(id_exceptions("grammers/mtproto.tl").len(), 3);
        assert_eq!(
            id_exceptions("telegram/api-gotd.tl").last(),
            Some(&"inputStickerSetThumbLegacy")
        );
    }
}
