//! Runs the `tl!` pipeline (parse → resolve → emit, `tl_codegen::generate`)
//! on arbitrary text. Every outcome must be code that parses as a Rust file,
//! or an error with at least one rendered error diagnostic; never a panic.
//!
//! The first byte chooses the options: bits 0–1 the dialect (detected,
//! Telegram, TDLib), bit 2 `samples`, bit 3 `non_exhaustive`, bit 4 strict
//! ids (no `allow_id_mismatch = ["*"]`), bit 5 the text split into two
//! files at its middle line. The rest, if UTF-8, is the schema.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_codegen::{generate, Error, Options};
use tl_parser::{Dialect, SourceFile};

fuzz_target!(|data: &[u8]| {
    let [choice, text @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let options = Options {
        dialect: match choice & 3 {
            1 => Some(Dialect::Telegram),
            2 => Some(Dialect::Tdlib),
            _ => None,
        },
        samples: choice & 4 != 0,
        non_exhaustive: choice & 8 != 0,
        allow_id_mismatch: if choice & 16 != 0 {
            Vec::new()
        } else {
            vec!["*".to_string()]
        },
        ..Options::default()
    };
    let files = if choice & 32 != 0 {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let (a, b) = lines.split_at(lines.len() / 2);
        vec![
            SourceFile::new("a.tl", a.concat()),
            SourceFile::new("b.tl", b.concat()),
        ]
    } else {
        vec![SourceFile::new("fuzz.tl", text)]
    };
    match generate(&files, &options) {
        Ok(generated) => {
            if let Err(e) = syn::parse2::<syn::File>(generated.tokens.clone()) {
                panic!("generated code does not parse: {e}\n{}", generated.tokens);
            }
        }
        Err(Error::Schema(diagnostics)) => {
            assert!(
                diagnostics
                    .iter()
                    .any(|d| d.diagnostic.is_error() && !d.rendered.is_empty()),
                "failed without an error diagnostic: {diagnostics:#?}"
            );
        }
        Err(other) => panic!("an option error from options without names: {other}"),
    }
});
