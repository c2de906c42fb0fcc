//! Inputs that once crashed the parser or broke the print round trip, found by
//! the fuzz target (`fuzz/`), the property tests (`print_roundtrip.rs`) or the
//! corpus. Each test states the expected behaviour; a failing one is a bug.

use tl_parser::{parse, parse_str, Code, Options, Parsed, Schema, SourceFile};

/// Parses `src` under default options and renders every diagnostic, checking
/// that every span lies inside the text.
fn parse_checked(src: &str) -> Parsed {
    let parsed = parse_str(src);
    let file = SourceFile::new("regression.tl", src);
    for d in &parsed.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.range().end <= src.len(),
            "span {:?} outside the {}-byte text {src:?}: {d:?}",
            d.span,
            src.len()
        );
        let _ = d.render(&file);
    }
    parsed
}

fn has_syntax_error(parsed: &Parsed) -> bool {
    parsed.diagnostics.iter().any(|d| d.code.is_syntax())
}

/// Asserts that printing `src`'s schema and parsing the result gives the same
/// definitions (docs included) and type docs.
fn assert_round_trip(src: &str) {
    let parsed = parse_checked(src);
    assert!(
        !has_syntax_error(&parsed),
        "{src:?}: {:#?}",
        parsed.diagnostics
    );
    let printed = parsed.schema.to_string();
    let again = parse(&printed, &Options::default());
    let (a, b) = (&parsed.schema, &again.schema);
    assert_eq!(
        a.definitions.len(),
        b.definitions.len(),
        "{src:?} printed as {printed:?}"
    );
    for (x, y) in a.definitions.iter().zip(&b.definitions) {
        assert_eq!(
            x.without_spans(),
            y.without_spans(),
            "{src:?} printed as {printed:?}"
        );
    }
    let docs = |s: &Schema| {
        s.type_docs
            .iter()
            .map(|d| (d.name.clone(), d.description.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(docs(a), docs(b), "{src:?} printed as {printed:?}");
}

/// A `//` comment that runs to the end of the input inside an unfinished
/// definition. `ws` returns a `""` literal (not a slice of the input) when the
/// comment has no newline, and `Reader::offset` then subtracts unrelated
/// pointers: a panic (`attempt to subtract with overflow` in nom's
/// `Offset::offset`) with overflow checks, a garbage span without. Found by the
/// fuzz target (`thumb_w:int thumb//destroy…` at the end of a file) and by
/// `mutated_corpus_lines_never_panic`.
#[test]
fn comment_at_end_of_input_inside_a_definition() {
    for src in [
        "a //",
        "a b:int //",
        "a b:(c //",
        "a {X:Type //",
        "a b:Vector<int //",
    ] {
        let parsed = parse_checked(src);
        let syntax: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::Syntax)
            .collect();
        assert_eq!(syntax.len(), 1, "{src:?}: {:#?}", parsed.diagnostics);
        // The definition ends at the end of the input.
        assert_eq!(
            syntax[0].span.range().start,
            src.len(),
            "{src:?}: {:#?}",
            syntax[0]
        );
    }
}

/// `a:#b` reads as a field of type `#` followed by an anonymous parameter `b`,
/// but the printer writes `a:# b`, which reads as a nat field `a:#` (a
/// different `ParamType`). Either `#b` is a syntax error, or it must print so
/// that it reads back the same.
#[test]
fn hash_type_directly_followed_by_a_name() {
    let src = "x a:#b = X;";
    let parsed = parse_checked(src);
    if !has_syntax_error(&parsed) {
        assert_round_trip(src);
    }
}

/// The printer writes every `//@class` doc at the top of the file, on
/// consecutive lines directly above the first definition's doc, so on reading
/// back they form one doc block with it: only the first class survives and the
/// definition loses its doc. Seen on every TDLib schema of the corpus.
#[test]
fn type_docs_are_printed_apart_from_definition_docs() {
    assert_round_trip(
        "//@class A @description About A\n\n//@class B @description About B\n\n//@description An a\na = A;\n\nb = B;\n",
    );
}

/// The printer put a type doc above the first constructor of its type and
/// the docs of types without constructors at the end, so a doc of a type that
/// has none, written before another type's doc, came back after it: the list
/// of type docs changed order. Found by the fuzz target
/// (`//@class BusinessFees a feature avail rich messages` above a constructor
/// of another type).
#[test]
fn type_doc_of_a_type_without_constructors_keeps_its_place() {
    assert_round_trip(
        "//@class Orphan @description No constructor\n\n//@class A @description About A\n\na = A;\n",
    );
    assert_round_trip(
        "//@class B @description About B\n\n//@class A @description About A\n\na = A;\n\nb = B;\n",
    );
}

/// A type doc whose description continues on a `//-` line holds a newline; the
/// printer writes it raw, so the continuation becomes definition text
/// (`more a = A;`). Seen in `tdlib/td_api.tl` (`//@class DeviceToken …`).
#[test]
fn type_doc_with_a_continuation_line() {
    assert_round_trip("//@class A @description About A\n//-more about A\n\na = A;\n");
}

/// An empty `//@description` continued by `//-@x` holds the text `@x`; the
/// printer writes `//@description @x`, which reads as an empty description and
/// a field `x`.
#[test]
fn doc_text_starting_with_at_sign() {
    assert_round_trip("//@description\n//-@x\na = A;\n");
}

/// `//@param_param_x` documents field `param_x`; the printer writes
/// `//@param_x`, which documents field `x`.
#[test]
fn doc_field_whose_name_starts_with_param() {
    assert_round_trip("//@description d\n//@param_param_x t\na param_x:int = A;\n");
}

/// Nested types and repetitions recurse once per level with no limit, so a few
/// kilobytes of `(`, `Vector<` or `[` overflow the stack and abort the whole
/// process (measured: about 250 levels on a 2 MiB test thread in a debug
/// build, about 10 000 on an 8 MiB main thread in release). A parser that
/// reads untrusted text should report too-deep nesting as a diagnostic.
///
/// A stack overflow aborts the process instead of failing the test, so the
/// check runs in a child process: this test re-runs itself with
/// `TL_PARSER_DEEP_NESTING_CHILD` set.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    const DEPTH: usize = 5_000;
    if std::env::var_os("TL_PARSER_DEEP_NESTING_CHILD").is_some() {
        let inputs = [
            format!("a b:{}X{} = A;", "(".repeat(DEPTH), ")".repeat(DEPTH)),
            format!("a b:{}X{} = A;", "Vector<".repeat(DEPTH), ">".repeat(DEPTH)),
            format!("a {}x:int{} = A;", "[ ".repeat(DEPTH), " ]".repeat(DEPTH)),
        ];
        for src in &inputs {
            parse_checked(src);
        }
        return;
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "deep_nesting_does_not_overflow_the_stack",
            "--test-threads=1",
        ])
        .env("TL_PARSER_DEEP_NESTING_CHILD", "1")
        .output()
        .expect("the test binary runs");
    assert!(
        out.status.success(),
        "parsing {DEPTH} nested levels crashed the process ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A `//-` line right after `//@class X` continues the class entry, so the
/// type's name holds a newline; the printer wrote it inside
/// `//@class … @description`, and the name's second line became definition
/// text. Found by the fuzz target (`//@class StickerFormae number,\n//-or`).
#[test]
fn type_doc_whose_class_entry_continues() {
    assert_round_trip("//@class StickerFormae number,\n//-or\n");
    assert_round_trip("//@class A\n//-more\n//@description About A\n//-and more\n\na = A;\n");
}
