//! Test support shared by the workspace's test suites: where the schema
//! corpus lives, how to read it, and which of the parser's known id
//! deviations each file holds.
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

/// The workspace README's Rust blocks, compiled and run as this crate's
/// doc-tests so that the README cannot drift from the API. Blocks that need
/// files a user brings (Telegram's `api.tl`) are `rust,ignore` and say so.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

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

/// The definitions of one corpus file (a name or a `tl!` path) whose
/// declared id knowingly differs from the computed one, in file order: those
/// whose name and declared id are an entry of
/// [`tl_parser::KNOWN_DEVIATIONS`], the list the parser ships and accepts by
/// default. The corpus README explains each.
pub fn id_exceptions(path: &str) -> Vec<&'static str> {
    let parsed = tl_parser::parse_str(&read(path));
    parsed
        .schema
        .definitions
        .iter()
        .filter_map(|def| {
            let declared = def.declared_id?;
            tl_parser::known_deviation(&def.name.text, declared.value).map(|known| known.name)
        })
        .collect()
}

/// Every `.tl` file of the corpus, as names relative to it
/// (`telegram/api.tl`), sorted.
pub fn schema_files() -> Vec<String> {
    let root = dir();
    let mut files = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(folder) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
        for entry in entries {
            let path = entry.expect("corpus folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "tl") {
                let name = path.strip_prefix(&root).expect("found under the corpus");
                files.push(
                    name.to_str()
                        .expect("UTF-8 corpus names")
                        .replace('\\', "/"),
                );
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_has_its_schema_files() {
        let files = schema_files();
        for expected in [
            "golden/mtproto_api-27770ce0.tl",
            "telegram/api.tl",
            "ton/ton_api.tl",
        ] {
            assert!(files.iter().any(|f| f == expected), "{expected}: {files:?}");
        }
    }

    #[test]
    fn names_from_tl_paths_and_the_exceptions_of_a_file() {
        assert_eq!(
            name("../../shared/schemas/ton/ton_api.tl"),
            "ton/ton_api.tl"
        );
        assert_eq!(
            id_exceptions("grammers/mtproto.tl"),
            ["ipPortSecret", "accessPointRule", "help.configSimple"]
        );
        assert_eq!(
            id_exceptions("telegram/api-gotd.tl").last(),
            Some(&"inputStickerSetThumbLegacy")
        );
        assert!(id_exceptions("tdlib/td_api.tl").is_empty());
    }
}
