//! Compile errors of `tl!`, one file per error class, each with its `.stderr`.
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite cargo test -p tl-macros --test ui`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
