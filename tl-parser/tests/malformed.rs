//! Malformed schemas: each reports the right diagnostic code at the right place.

use tl_parser::{parse, Code, Options, Severity, SourceFile};

/// `(code, line, column, severity)` of every diagnostic of `src`.
fn diagnostics(src: &str) -> Vec<(Code, usize, usize, Severity)> {
    diagnostics_with(src, &Options::default())
}

fn diagnostics_with(src: &str, options: &Options) -> Vec<(Code, usize, usize, Severity)> {
    let file = SourceFile::new("t.tl", src);
    parse(src, options)
        .diagnostics
        .iter()
        .map(|d| {
            let at = file.line_col(d.span.range().start);
            (d.code, at.line, at.column, d.severity)
        })
        .collect()
}

/// Asserts `src` yields exactly one error, `code` at `line:column`.
#[track_caller]
fn one_error(src: &str, code: Code, line: usize, column: usize) {
    assert_eq!(
        diagnostics(src),
        vec![(code, line, column, Severity::Error)],
        "source:\n{src}"
    );
}

const E: Code = Code::Syntax;

#[test]
fn missing_semicolon() {
    one_error("ok = Ok\n", Code::Unterminated, 1, 8);
}

#[test]
fn missing_semicolon_before_next_definition() {
    // The next line is still read as a definition of its own.
    let src = "a = A\nb = B;\n";
    one_error(src, Code::Unterminated, 1, 6);
    assert_eq!(parse(src, &Options::default()).schema.definitions.len(), 2);
}

#[test]
fn missing_semicolon_at_end_of_input() {
    one_error("ok = Ok", Code::Unterminated, 1, 8);
}

#[test]
fn missing_equals() {
    one_error("foo a:int Foo;\n", E, 1, 14);
}

#[test]
fn missing_result_type() {
    one_error("foo a:int = ;\n", E, 1, 13);
}

#[test]
fn id_with_letters() {
    one_error("foo#xyz = Foo;\n", Code::MalformedId, 1, 4);
}

#[test]
fn id_too_long() {
    one_error("foo#123456789 = Foo;\n", Code::MalformedId, 1, 4);
}

#[test]
fn empty_id() {
    one_error("foo# = Foo;\n", Code::MalformedId, 1, 4);
}

#[test]
fn altered_id_is_rejected_at_the_id() {
    let src =
        "ok = Ok;\nupdateShort#78d4dec2 update:Update date:int = Updates;\nupdate = Update;\n";
    one_error(src, Code::IdMismatch, 2, 12);
    let parsed = parse(src, &Options::default());
    let d = &parsed.diagnostics[0];
    assert!(
        d.message.contains("#78d4dec2") && d.message.contains("#78d4dec1"),
        "{}",
        d.message
    );
    assert!(d
        .notes
        .iter()
        .any(|n| n.contains("`updateShort update:Update date:int = Updates`")));
}

#[test]
fn duplicate_name() {
    one_error("a = A;\nb = A;\na = A;\n", Code::DuplicateName, 3, 1);
}

#[test]
fn duplicate_id() {
    // `a` declares the id that `a = A` really has; `b` repeats it, so `b` is
    // both a duplicate and a mismatch.
    let id = parse("a = A;", &Options::default()).schema.definitions[0].computed_id;
    assert_eq!(
        diagnostics(&format!("a#{id:08x} = A;\nb#{id:08x} = A;\n")),
        vec![
            (Code::IdMismatch, 2, 2, Severity::Error),
            (Code::DuplicateId, 2, 2, Severity::Error)
        ]
    );
}

#[test]
fn duplicate_id_allowed_by_name() {
    let options = Options {
        dialect: None,
        allow_id_mismatch: vec!["*Prefix".into()],
        ..Options::default()
    };
    let src = "a#00000001 = A;\naPrefix#00000001 = A;\n";
    let ids: Vec<_> = diagnostics_with(src, &options)
        .into_iter()
        .filter(|d| d.0 == Code::DuplicateId)
        .collect();
    assert!(ids.is_empty());
}

#[test]
fn duplicate_field() {
    one_error("a x:int x:long = A;\n", Code::DuplicateField, 1, 9);
}

#[test]
fn undefined_type_is_a_warning_with_a_suggestion() {
    let src = "messageEntity = MessageEntity;\nmsg e:MessageEntty = Msg;\n";
    assert_eq!(
        diagnostics(src),
        vec![(Code::UndefinedType, 2, 7, Severity::Warning)]
    );
    let parsed = parse(src, &Options::default());
    assert_eq!(
        parsed.diagnostics[0].notes,
        ["did you mean `MessageEntity`?"]
    );
}

#[test]
fn undefined_type_is_an_error_when_strict() {
    let options = Options {
        strict: true,
        ..Options::default()
    };
    assert_eq!(
        diagnostics_with("a x:Nope = A;\n", &options),
        vec![(Code::UndefinedType, 1, 5, Severity::Error)]
    );
}

#[test]
fn undefined_type_inside_vector() {
    assert_eq!(
        diagnostics("a x:Vector<Nope> = A;\n"),
        vec![(Code::UndefinedType, 1, 12, Severity::Warning)]
    );
}

#[test]
fn undefined_function_result() {
    assert_eq!(
        diagnostics("---functions---\nf = Nope;\n"),
        vec![(Code::UndefinedType, 2, 5, Severity::Warning)]
    );
}

#[test]
fn flag_field_missing() {
    one_error("a x:flags.0?int = A;\n", Code::UnknownFlagField, 1, 5);
}

#[test]
fn flag_field_declared_later() {
    one_error(
        "a x:flags.0?int flags:# = A;\n",
        Code::FlagFieldAfterUse,
        1,
        5,
    );
}

#[test]
fn flag_field_not_nat() {
    one_error(
        "a flags:int x:flags.0?int = A;\n",
        Code::FlagFieldNotNat,
        1,
        15,
    );
}

#[test]
fn flag_bit_out_of_range() {
    one_error(
        "a flags:# x:flags.32?int = A;\n",
        Code::FlagBitOutOfRange,
        1,
        13,
    );
}

/// A `#` is below 2^31 on both ends (TDLib, tl-runtime), so bit 31 could
/// never be set: the schema is refused, with the reason.
#[test]
fn flag_bit_31() {
    let src = "a flags:# x:flags.31?int = A;\n";
    one_error(src, Code::FlagBitOutOfRange, 1, 13);
    let parsed = parse(src, &Options::default());
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "flag bit 31 is outside 0..=30");
    assert!(d.notes.iter().any(|n| n.contains("below 2^31")), "{d:?}");
    // Bit 30 is the last that can be set.
    assert!(!parse("a flags:# x:flags.30?int = A;\n", &Options::default()).has_errors());
}

#[test]
fn flag_bit_huge() {
    one_error(
        "a flags:# x:flags.99999999999?int = A;\n",
        Code::FlagBitOutOfRange,
        1,
        13,
    );
}

#[test]
fn flag_without_type() {
    one_error("a flags:# x:flags.0? = A;\n", E, 1, 21);
}

#[test]
fn bang_without_type_param() {
    one_error(
        "---functions---\nf query:!X = X;\n",
        Code::UnboundTypeVariable,
        2,
        10,
    );
}

#[test]
fn constructor_with_bare_result() {
    one_error("a = a;\n", Code::BadResultType, 1, 5);
}

#[test]
fn constructor_with_builtin_result() {
    one_error("a x:int = Int;\n", Code::BadResultType, 1, 11);
}

#[test]
fn builtin_definitions_may_name_builtin_results() {
    assert!(diagnostics("int ? = Int;\nint128 4*[ int ] = Int128;\nbytes = Bytes;\n").is_empty());
}

#[test]
fn unknown_section() {
    one_error("---constructors---\n", Code::UnknownSection, 1, 4);
}

#[test]
fn unclosed_section_marker() {
    one_error("---functions\nf = F;\n", E, 1, 13);
}

#[test]
fn unclosed_angle_bracket() {
    one_error("a x:Vector<int = A;\n", E, 1, 16);
}

#[test]
fn empty_angle_brackets() {
    one_error("a x:Vector<> = A;\n", E, 1, 12);
}

#[test]
fn unclosed_paren() {
    one_error("a x:(vector int = A;\n", E, 1, 17);
}

#[test]
fn unclosed_type_param() {
    one_error("---functions---\nf {X:Type q:!X = X;\n", E, 2, 11);
}

#[test]
fn missing_type_after_colon() {
    one_error("a x: = A;\n", E, 1, 6);
}

#[test]
fn stray_character() {
    one_error("a x:int @ = A;\n", E, 1, 9);
}

#[test]
fn name_starting_with_digit() {
    one_error("1a = A;\n", E, 1, 1);
}

#[test]
fn junk_after_name() {
    one_error("a$ = A;\n", E, 1, 2);
}

#[test]
fn unclosed_repetition() {
    one_error("a # [ int = A;\n", E, 1, 11);
}

#[test]
fn every_error_is_reported_in_one_pass() {
    let src = "a x:int @ = A;\nb#zz = B;\nc = C\nd y:flags.0?int = D;\ne = E;\n";
    let codes: Vec<Code> = diagnostics(src).into_iter().map(|d| d.0).collect();
    assert_eq!(
        codes,
        [
            Code::Syntax,
            Code::MalformedId,
            Code::Unterminated,
            Code::UnknownFlagField
        ]
    );
    // Recovery keeps every definition after the broken one.
    let names: Vec<String> = parse(src, &Options::default())
        .schema
        .definitions
        .iter()
        .map(|d| d.name.text.to_string())
        .collect();
    assert_eq!(names, ["b", "c", "d", "e"]);
}

#[test]
fn error_inside_multi_line_definition_points_at_its_line() {
    let src = "a\n  x:int\n  y:Vector<int\n  = A;\nb = B;\n";
    let d = diagnostics(src);
    assert_eq!(d[0].0, E);
    assert_eq!((d[0].1, d[0].2), (4, 3));
}

#[test]
fn rendered_error_shows_the_line_and_a_caret() {
    let src = "ok = Ok;\nfoo#xyz = Foo;\n";
    let parsed = parse(src, &Options::default());
    let rendered = parsed.diagnostics[0].render(&SourceFile::new("t.tl", src));
    assert!(rendered.contains("error[E0003]"), "{rendered}");
    assert!(rendered.contains("--> t.tl:2:4"), "{rendered}");
    assert!(
        rendered.contains("2 | foo#xyz = Foo;\n  |    ^^^^"),
        "{rendered}"
    );
}

#[test]
fn an_id_mismatch_from_a_misspelt_type_comes_after_it() {
    // `pong#347773c5 msg_id:long ping_id:long = Pong` with `long` misspelt:
    // the id is hashed from `lon`, so it no longer matches.
    let src = "pong#347773c5 msg_id:lon ping_id:long = Pong;\nbad#00000001 = Bad;\n";
    assert_eq!(
        diagnostics(src),
        vec![
            (Code::UndefinedType, 1, 22, Severity::Warning),
            (Code::IdMismatch, 1, 5, Severity::Error),
            (Code::IdMismatch, 2, 4, Severity::Error),
        ]
    );
    let parsed = parse(src, &Options::default());
    assert_eq!(parsed.diagnostics[0].notes, ["did you mean `long`?"]);
    assert!(
        parsed.diagnostics[1].notes[0].contains("uses an undefined type (reported above)"),
        "{:?}",
        parsed.diagnostics[1].notes
    );
    assert!(
        !parsed.diagnostics[2].notes[0].contains("undefined type"),
        "a mismatch without an undefined type stays as it was"
    );
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    assert_eq!(
        diagnostics_with(src, &strict)[..2],
        [
            (Code::UndefinedType, 1, 22, Severity::Error),
            (Code::IdMismatch, 1, 5, Severity::Error),
        ]
    );
}
