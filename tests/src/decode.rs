//! `tl decode` against the generated code: a schema file resolved as
//! [`crate::schema_suite!`]'s `tl!` resolves it, and every sample value of its
//! generated module decoded by `tl decode`'s decoder, which must read the
//! same constructor, fields and values as the generated `Debug` prints
//! ([`tl_cli::sample_check`]). The schema binaries run it over the modules
//! they already expand, so it costs no expansion of its own.

use tl_cli::sample_check::{check_samples, SampleCheck};
use tl_codegen::{resolve, Options};
use tl_parser::SourceFile;

use crate::corpus;

/// Resolves the schema at `path` (spelled as in `schema_suite!`) with the
/// options `schema_suite!` gives `tl!`, and checks every value `visit` gives:
/// the module's `visit_samples`.
pub fn check(path: &str, visit: impl FnOnce(&mut SampleCheck<'_>)) {
    let name = corpus::name(path);
    let file = SourceFile::new(name, corpus::read(path));
    let options = Options {
        allow_id_mismatch: vec!["*".to_string()],
        ..Options::default()
    };
    let model = resolve(&[file], &options)
        .unwrap_or_else(|e| panic!("{name} does not resolve: {e}"))
        .model;
    check_samples(&model, visit);
}
