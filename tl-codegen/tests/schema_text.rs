//! Schema text that once made the generator panic, and with it every `tl!`
//! of such a schema: each now gives code or a diagnostic.

use tl_codegen::{generate, Error, Options};
use tl_parser::SourceFile;

fn generated(schema: &str) -> Result<String, Error> {
    let files = [SourceFile::new("inline.tl", schema)];
    generate(&files, &Options::default()).map(|g| g.tokens.to_string())
}

/// `Ident::new("")` panics, and a name of underscores only has no words
/// to case. Such names become underscores (see `ident.rs`).
mod underscores {
    tl_runtime::tl!(
        r#"
        ___ __:int _:long = T;
        ---functions---
        _._ ___:int = T;
        "#
    );
}

#[test]
fn names_of_underscores_only_become_identifiers() {
    use tl_runtime::{Deserialize, Serialize};
    let v = underscores::types::___ { __: 1, ___2: 2 };
    let e: underscores::enums::T = v.clone().into();
    assert_eq!(underscores::enums::T::from_bytes(&e.to_bytes()).unwrap(), e);
    let f = underscores::functions::__::__ { ___: 3 };
    assert_eq!(f.to_bytes().len(), 8);
}

/// The second of three values on one flag bit cannot be generated: the
/// third used to index past the two values kept and panic.
#[test]
fn a_failed_value_on_a_shared_flag_bit_is_a_diagnostic() {
    let err = generated("a flags:# x:flags.0?int y:flags.0?%Bool z:flags.0?long = A;\n")
        .err()
        .map(|e| e.to_string());
    let err = err.expect("`%Bool` is refused");
    assert!(err.contains("a bare `%Bool`"), "{err}");
}
