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

/// Keywords: raw where Rust allows it (`r#type`), a trailing `_` where it
/// does not (`self_`, `Self_`, `crate_`, `super_`), in fields, types,
/// variants and modules alike.
mod keywords {
    tl_runtime::tl!(
        r#"
        self type:int self:long crate:int super:int Self:int fn:int = Self;
        type.match = Self;
        self.loop x:int = Loop;
        ---functions---
        super.self = Self;
        "#
    );
}

#[test]
fn keywords_become_raw_or_get_an_underscore() {
    use tl_runtime::{Deserialize, Serialize};
    let v = keywords::types::Self_ {
        r#type: 1,
        self_: 2,
        crate_: 3,
        super_: 4,
        // `Self` in snake case is `self`, which the scope already holds.
        self_2: 5,
        r#fn: 6,
    };
    let e: keywords::enums::Self_ = v.clone().into();
    assert!(matches!(e, keywords::enums::Self_::Self_(_)));
    assert_eq!(
        keywords::enums::Self_::from_bytes(&e.to_bytes()).unwrap(),
        e
    );
    let m: keywords::enums::Self_ = keywords::types::r#type::Match {}.into();
    assert_eq!(
        keywords::enums::Self_::from_bytes(&m.to_bytes()).unwrap(),
        m
    );
    let l = keywords::types::self_::Loop { x: 7 };
    assert_eq!(l.to_bytes().len(), 8);
    assert_eq!(keywords::functions::super_::Self_ {}.to_bytes().len(), 4);
}

/// A name that starts with a digit once converted gets a `_` in front, so
/// `_2fa` and the module of `_1x.a` are identifiers; the struct of `_1x`
/// yields to that module, which has the same name.
mod leading_digits {
    tl_runtime::tl!(
        r#"
        _2fa _2fa:int _3:long = T;
        _1x.a = T;
        _1x = T;
        "#
    );
}

#[test]
fn leading_digits_get_an_underscore_and_modules_keep_their_names() {
    use tl_runtime::{Deserialize, Serialize};
    let v = leading_digits::types::_2fa { _2fa: 1, _3: 2 };
    let e: leading_digits::enums::T = v.into();
    assert_eq!(
        leading_digits::enums::T::from_bytes(&e.to_bytes()).unwrap(),
        e
    );
    let a: leading_digits::enums::T = leading_digits::types::_1x::A {}.into();
    let x: leading_digits::enums::T = leading_digits::types::_1x_2 {}.into();
    assert_ne!(a.to_bytes(), x.to_bytes());
    assert_eq!(
        leading_digits::enums::T::from_bytes(&x.to_bytes()).unwrap(),
        x
    );
}

/// Names that convert alike are told apart in order of appearance: fields
/// of one struct, constructors of one module, and the locals of two flags
/// words (`flags` and `Flags` both read into `nat_flags`).
mod alike {
    tl_runtime::tl!(
        r#"
        fooBar fooBar:int foo_bar:int FooBar:int = T;
        foo_bar flags:# Flags:# x:flags.0?int y:Flags.0?long = T;
        "#
    );
}

#[test]
fn names_that_convert_alike_are_told_apart() {
    use tl_runtime::{Deserialize, Serialize};
    let v = alike::types::FooBar {
        foo_bar: 1,
        foo_bar_2: 2,
        foo_bar_3: 3,
    };
    assert_eq!(&v.to_bytes()[4..], [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]);
    // Each flags word governs its own field: decoding one word into the
    // other's local would set both or neither.
    for (x, y) in [(Some(1), None), (None, Some(2)), (Some(3), Some(4))] {
        let w: alike::enums::T = alike::types::FooBar2 { x, y }.into();
        assert_eq!(alike::enums::T::from_bytes(&w.to_bytes()).unwrap(), w);
    }
}

/// Fields named like the emitter's locals (`r` the reader, `v`, `g`,
/// `len_body`, `nat_flags`, `f_x`), a field `a_0` beside a flag group `a`
/// whose parts are bound as `a_0`, `a_1`, and an implied flag named `new`
/// beside the struct's constructor.
mod locals {
    tl_runtime::tl!(
        r#"
        b r:int v:int g:int len_body:int nat_flags:int f_x:int flags:# x:flags.0?int = B;
        a a_0:int flags:# a_x:flags.0?int a_y:flags.0?int new:flags.0?true = A;
        c flags:# c_x:flags.1?int c_y:flags.1?int c_0:long = C;
        "#
    );
}

#[test]
fn fields_named_like_generated_locals_keep_their_values() {
    use tl_runtime::{Deserialize, Serialize};
    let b = locals::types::B {
        r: 1,
        v: 2,
        g: 3,
        len_body: 4,
        nat_flags: 5,
        f_x: 6,
        x: Some(7),
    };
    let e: locals::enums::B = b.into();
    assert_eq!(locals::enums::B::from_bytes(&e.to_bytes()).unwrap(), e);

    // The group yields `a` to the earlier field `a_0`'s neighbours.
    let a = locals::types::A {
        a_0: 1,
        a_2: Some(locals::types::a::A2 { a_x: 2, a_y: 3 }),
    };
    assert!(a.new_2());
    assert!(!locals::types::A::new(1).new_2());
    let e: locals::enums::A = a.into();
    assert_eq!(locals::enums::A::from_bytes(&e.to_bytes()).unwrap(), e);

    // A later field yields to the group's parts instead.
    let c = locals::types::C {
        c: Some(locals::types::c::C { c_x: 1, c_y: 2 }),
        c_0_2: 3,
    };
    let e: locals::enums::C = c.into();
    assert_eq!(locals::enums::C::from_bytes(&e.to_bytes()).unwrap(), e);
}

/// Type variables are written as generic parameters as they are, so a
/// keyword gets a trailing `_`.
mod type_variables {
    tl_runtime::tl!(
        r#"
        pong ping_id:long = Pong;
        ---functions---
        ping ping_id:long = Pong;
        wrap {type:Type} query:!type = type;
        wrapSelf {Self:Type} query:!Self = Self;
        "#
    );
}

#[test]
fn keyword_type_variables_get_an_underscore() {
    use tl_runtime::Serialize;
    let ping = type_variables::functions::Ping { ping_id: 1 };
    let wrap = type_variables::functions::Wrap {
        query: ping.clone(),
    };
    let wrap_self = type_variables::functions::WrapSelf {
        query: ping.clone(),
    };
    assert_eq!(wrap.to_bytes()[4..], ping.to_bytes()[..]);
    assert_eq!(wrap_self.to_bytes()[4..], ping.to_bytes()[..]);
    assert_ne!(wrap.to_bytes()[..4], wrap_self.to_bytes()[..4]);
}

/// Every Rust keyword as a constructor, a field, a namespace and a type
/// variable gives code that parses as Rust: `struct Self`, a generic `type`
/// or a module `self` would not.
#[cfg(feature = "pretty")]
#[test]
fn every_keyword_as_every_kind_of_name_gives_valid_rust() {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
        "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
        "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
        "_",
    ];
    for kw in KEYWORDS {
        let schema = format!(
            "{kw} {kw}:int flags:# {kw}_a:flags.0?int {kw}_b:flags.0?int = T;\n\
             {kw}.{kw} x:int = T;\n\
             ---functions---\n\
             {kw}.call {{{kw}:Type}} query:!{kw} = {kw};\n"
        );
        let code = match tl_codegen::generate(
            &[SourceFile::new("kw.tl", schema.as_str())],
            &Options::default(),
        ) {
            Ok(g) => g.tokens,
            Err(e) => panic!("`{kw}`: {e}"),
        };
        if let Err(e) = syn::parse2::<syn::File>(code) {
            panic!("`{kw}` gives code that is not Rust: {e}\n{schema}");
        }
    }
}
