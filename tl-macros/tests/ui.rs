//! Compile errors of `tl!`, one file per error class, each with its `.stderr`.
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite cargo test -p tl-macros --test ui`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Files the UI tests include, by the path they are written with (relative
/// to the crate root, as `tl!` paths are).
const FIXTURES: &[&str] = &["bad.tl", "bad_docs.json", "split_a.tl", "split_b.tl"];

#[test]
fn ui() {
    // trybuild compiles the tests as a crate of its own, rooted at
    // `<target dir>/tests/trybuild/tl-macros`, wherever the target dir is.
    // `tl!` reads files relative to that root, so the fixtures go there.
    let root = trybuild_crate_root();
    std::fs::create_dir_all(&root).expect("the trybuild crate root can be created");
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    for name in FIXTURES {
        std::fs::copy(ui.join(name), root.join(name)).expect("the fixture can be copied");
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// Where trybuild puts the crate it builds: below the target directory that
/// `cargo metadata` reports, as trybuild itself finds it.
fn trybuild_crate_root() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version=1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let target = metadata["target_directory"]
        .as_str()
        .expect("cargo metadata names the target directory");
    Path::new(target).join("tests/trybuild/tl-macros")
}
