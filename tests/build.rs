//! Writes `grammers_dispatch.rs` for the differential test (`tests/telegram_230.rs`):
//! a `match` from every constructor and non-generic function id of
//! grammers-tl-types 0.11's schemas (`../../shared/schemas/grammers/`) to the
//! grammers type that decodes and re-encodes the bytes.
//!
//! Names follow grammers-tl-gen 0.11.0's `rustifier.rs` and `structs.rs`:
//! - a constructor decodes as the enum of its boxed type `ns.Type`,
//!   `enums::ns::Type` after `rusty_type_name` (below); `Bool` is special-cased
//!   there and has no enum;
//! - a function `ns.name` is the struct `functions::ns::Name`. Its
//!   `Serializable` writes the id, but its `Deserializable` (feature
//!   `deserializable-functions`) starts at the fields, so the dispatch skips the
//!   id before decoding. `{X:Type}` functions are generic structs and are
//!   left out, as our samples leave them out.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

const SCHEMAS: &[&str] = &["grammers/api-230.tl", "grammers/mtproto.tl"];

/// Types grammers-tl-types maps to Rust types instead of generating an enum.
const NOT_ENUMS: &[&str] = &[
    "Bool", "True", "Vector", "Int", "Long", "Double", "String", "Bytes", "Int128", "Int256",
];

fn main() {
    let corpus =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("../../shared/schemas");
    let mut arms = String::new();
    let mut constructors = String::new();
    let mut functions = String::new();
    // One id, one arm: a repeated id would be an unreachable pattern.
    let mut seen = BTreeSet::new();
    for schema in SCHEMAS {
        let path = corpus.join(schema);
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(text) = std::fs::read_to_string(&path) else {
            // The tests report the missing corpus with a clear message.
            continue;
        };
        let parsed = tl_parser::parse(&text, &tl_parser::Options::default());
        for def in parsed.schema.constructors() {
            let ty = &def.result.name;
            if NOT_ENUMS.contains(&ty.base())
                || !def.type_params.is_empty()
                || !seen.insert(def.id())
            {
                continue;
            }
            let path = grammers_path("enums", ty);
            let _ = writeln!(arms, "        {:#010x} => via::<{path}>(bytes),", def.id());
            let _ = writeln!(
                constructors,
                "    ({:#010x}, {:?}),",
                def.id(),
                def.name.text
            );
        }
        for def in parsed.schema.functions() {
            if !def.type_params.is_empty() || !seen.insert(def.id()) {
                continue;
            }
            let path = grammers_path("functions", &def.name);
            let _ = writeln!(
                arms,
                "        {:#010x} => via_function::<{path}>(bytes),",
                def.id()
            );
            let _ = writeln!(functions, "    ({:#010x}, {:?}),", def.id(), def.name.text);
        }
    }
    let code = format!(
        "/// Decodes `bytes` with grammers-tl-types as the boxed type of the constructor,\n\
         /// or as the function, their id names and re-encodes it; `None` if grammers\n\
         /// has no such constructor or function.\n\
         pub fn grammers_reencode(bytes: &[u8]) -> Option<Result<Vec<u8>, String>> {{\n\
         \x20   let id = u32::from_le_bytes(*bytes.first_chunk::<4>()?);\n\
         \x20   Some(match id {{\n{arms}        _ => return None,\n    }})\n}}\n\n\
         /// Every constructor the dispatch covers: id and TL name.\n\
         pub const GRAMMERS_CONSTRUCTORS: &[(u32, &str)] = &[\n{constructors}];\n\n\
         /// Every function the dispatch covers: id and TL name.\n\
         pub const GRAMMERS_FUNCTIONS: &[(u32, &str)] = &[\n{functions}];\n"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("grammers_dispatch.rs");
    std::fs::write(out, code).expect("write grammers_dispatch.rs");
}

/// The grammers item for TL name `name` in `module` (`enums`, `functions`):
/// `grammers_tl_types::functions::messages::SendMessage`.
fn grammers_path(module: &str, name: &tl_parser::Ident) -> String {
    let mut path = format!("grammers_tl_types::{module}::");
    for ns in name.namespace() {
        let _ = write!(path, "{ns}::");
    }
    path.push_str(&rusty_type_name(name.base()));
    path
}

/// grammers-tl-gen's `rusty_type_name`: `some_OK_name` → `SomeOkName`. After
/// `_` or at the start a letter is upper-cased; after an upper-case letter
/// the next one is lower-cased; otherwise letters are kept.
fn rusty_type_name(name: &str) -> String {
    #[derive(Clone, Copy)]
    enum Casing {
        Upper,
        Lower,
        Preserve,
    }
    let mut out = String::with_capacity(name.len());
    let mut casing = Casing::Upper;
    for c in name.chars() {
        if c == '_' {
            casing = Casing::Upper;
            continue;
        }
        match casing {
            Casing::Upper => {
                out.push(c.to_ascii_uppercase());
                casing = Casing::Lower;
            }
            Casing::Lower | Casing::Preserve => {
                out.push(if matches!(casing, Casing::Lower) {
                    c.to_ascii_lowercase()
                } else {
                    c
                });
                casing = if c.is_ascii_uppercase() {
                    Casing::Lower
                } else {
                    Casing::Preserve
                };
            }
        }
    }
    out
}
