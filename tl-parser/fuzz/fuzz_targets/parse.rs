//! Feeds arbitrary text to `tl_parser::parse` under every dialect choice.
//!
//! Checks that parsing and rendering diagnostics never panic, and that a
//! schema without syntax errors survives print → parse unchanged (spans aside).

#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_parser::{parse, Code, Definition, Diagnostic, Dialect, Options, Parsed, SourceFile};

fuzz_target!(|data: &[u8]| {
    // The parser takes `&str`; non-UTF-8 input cannot reach it.
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("fuzz.tl", src);
    for dialect in [None, Some(Dialect::Telegram), Some(Dialect::Tdlib)] {
        let options = Options {
            dialect,
            ..Options::default()
        };
        let parsed = parse(src, &options);
        for d in &parsed.diagnostics {
            let _ = d.render(&file);
            let _ = d.one_line(&file);
        }
        if !parsed.diagnostics.iter().any(is_syntax) {
            check_round_trip(&parsed, &options);
        }
    }
});

/// Findings that mean the text was not fully read as TL: the AST may then
/// lack something the text had (a malformed `#id`, a missing `;`), so printing
/// it need not give the same text back.
fn is_syntax(d: &Diagnostic) -> bool {
    matches!(
        d.code,
        Code::Syntax | Code::Unterminated | Code::MalformedId | Code::UnknownSection
    )
}

fn check_round_trip(parsed: &Parsed, options: &Options) {
    let printed = parsed.schema.to_string();
    let again = parse(&printed, options);
    let errors: Vec<_> = again.diagnostics.iter().filter(|d| is_syntax(d)).collect();
    assert!(
        errors.is_empty(),
        "printed schema does not parse:\n{printed}\n{errors:#?}"
    );
    let (a, b) = (&parsed.schema, &again.schema);
    assert_eq!(a.definitions.len(), b.definitions.len(), "{printed}");
    for (x, y) in a.definitions.iter().zip(&b.definitions) {
        assert!(
            x.same_as(y),
            "definition changed by print → parse:\n{printed}\n{x:#?}\n{y:#?}"
        );
        check_definition(x, options);
    }
    assert_eq!(a.layer, b.layer, "{printed}");
    assert_eq!(a.dialect, b.dialect, "{printed}");
    let docs = |s: &tl_parser::Schema| {
        s.type_docs
            .iter()
            .map(|d| (d.name.clone(), d.description.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(docs(a), docs(b), "type docs changed:\n{printed}");
}

/// One definition printed alone parses back to itself (docs aside: a
/// definition's `Display` does not print them).
fn check_definition(def: &Definition, options: &Options) {
    let printed = def.to_string();
    let again = parse(&printed, options);
    assert!(
        !again.diagnostics.iter().any(is_syntax),
        "{printed}: {:#?}",
        again.diagnostics
    );
    let [one] = again.schema.definitions.as_slice() else {
        panic!("`{printed}` parsed to {} definitions", again.schema.definitions.len());
    };
    let mut expected = def.without_spans();
    expected.doc = Default::default();
    let mut got = one.without_spans();
    // Section and layer come from the surrounding file, not the line.
    got.section = expected.section;
    got.layer = expected.layer;
    got.computed_id = expected.computed_id;
    assert_eq!(expected, got, "`{printed}`");
}
