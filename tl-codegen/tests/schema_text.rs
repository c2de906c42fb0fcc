//! Schema text that once made the generator panic, and with it every `tl!`
//! of such a schema: each now gives code or a diagnostic.

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
