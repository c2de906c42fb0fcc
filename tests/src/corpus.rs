//! Where the schema corpus lives, and how a schema is named in messages.

use std::path::PathBuf;

/// How test binaries spell the corpus directory in `tl!` paths.
pub const PREFIX: &str = "../../shared/schemas/";

/// The corpus directory. Panics with the expected location if it is missing:
/// the suite must never pass silently without its input.
pub fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(PREFIX);
    assert!(
        dir.is_dir(),
        "the schema corpus is missing: expected it at {} (the `shared/schemas` folder two levels above tests/, as in CI)",
        dir.display()
    );
    dir
}

/// The schema's name relative to the corpus (`telegram/api.tl`), from a
/// path as written in `tl!`.
pub fn name(path: &str) -> &str {
    path.strip_prefix(PREFIX).unwrap_or(path)
}

/// The text of a corpus file (`telegram/api.tl`, or a `tl!` path).
pub fn read(path: &str) -> String {
    let file = dir().join(name(path));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}
