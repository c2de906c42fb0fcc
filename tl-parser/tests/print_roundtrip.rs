//! The canonical printer keeps everything the AST holds: parse → print → parse
//! gives the same schema, spans aside. Checked on every file of the corpus, on
//! generated definitions, and (for "never panics") on arbitrary and mutated text.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::path::{Path, PathBuf};
use tl_parser::{parse, Code, Definition, Diagnostic, Options, Parsed, Schema, SourceFile};

fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
    assert!(
        dir.is_dir(),
        "the schema corpus is missing: expected it at {} (the `shared/` folder beside the checkout)",
        dir.display()
    );
    dir
}

/// Every `*.tl` below the corpus directory, sorted, with its text.
fn corpus_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "tl") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&corpus_dir(), &mut paths);
    paths.sort();
    assert!(
        paths.len() >= 20,
        "expected the whole corpus, found only {} `.tl` files",
        paths.len()
    );
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// Findings that mean the text was not fully read as TL.
fn is_syntax(d: &Diagnostic) -> bool {
    d.code.is_syntax()
}

/// Errors a real schema may legitimately have: ids that differ from the rule.
fn is_id_finding(d: &Diagnostic) -> bool {
    matches!(d.code, Code::IdMismatch | Code::DuplicateId)
}

fn type_docs(s: &Schema) -> Vec<(String, String)> {
    s.type_docs
        .iter()
        .map(|d| (d.name.clone(), d.description.clone()))
        .collect()
}

/// Prints `parsed`, parses the result, and returns every difference found (empty
/// if the round trip is exact). `name` labels the messages.
fn round_trip_differences(name: &str, parsed: &Parsed, options: &Options) -> Vec<String> {
    let mut diffs = Vec::new();
    let printed = parsed.schema.to_string();
    let again = parse(&printed, options);
    let file = SourceFile::new(format!("{name} (printed)"), printed.as_str());
    for d in again.diagnostics.iter().filter(|d| is_syntax(d)) {
        diffs.push(d.render(&file));
    }
    let (a, b) = (&parsed.schema, &again.schema);
    if a.definitions.len() != b.definitions.len() {
        diffs.push(format!(
            "{name}: {} definitions, {} after print → parse",
            a.definitions.len(),
            b.definitions.len()
        ));
    }
    for (x, y) in a.definitions.iter().zip(&b.definitions) {
        if !x.same_as(y) {
            diffs.push(format!(
                "{name}: `{}` changed by print → parse:\n  before: {x}\n          {:?}\n  after:  {y}\n          {:?}",
                x.name.text, x.doc, y.doc
            ));
        }
        if x.computed_id != y.computed_id {
            diffs.push(format!("{name}: computed id of `{}` changed", x.name.text));
        }
    }
    if a.layer != b.layer {
        diffs.push(format!("{name}: layer {:?} became {:?}", a.layer, b.layer));
    }
    if a.dialect != b.dialect {
        diffs.push(format!(
            "{name}: dialect {} became {}",
            a.dialect, b.dialect
        ));
    }
    let sections = |s: &Schema| s.definitions.iter().map(|d| d.section).collect::<Vec<_>>();
    if sections(a) != sections(b) {
        diffs.push(format!("{name}: sections changed"));
    }
    if type_docs(a) != type_docs(b) {
        diffs.push(format!(
            "{name}: type docs changed:\n  before: {:?}\n  after:  {:?}",
            type_docs(a),
            type_docs(b)
        ));
    }
    diffs
}

/// `def` printed alone parses back to one definition equal to it, docs aside
/// (a definition's `Display` does not print docs; section and layer belong to
/// the surrounding file).
fn definition_differences(def: &Definition, options: &Options) -> Option<String> {
    let printed = def.to_string();
    let again = parse(&printed, options);
    let syntax: Vec<_> = again.diagnostics.iter().filter(|d| is_syntax(d)).collect();
    if !syntax.is_empty() {
        return Some(format!("`{printed}` does not parse: {syntax:?}"));
    }
    let [one] = again.schema.definitions.as_slice() else {
        return Some(format!(
            "`{printed}` parsed to {} definitions",
            again.schema.definitions.len()
        ));
    };
    let mut expected = def.without_spans();
    expected.doc = Default::default();
    let mut got = one.without_spans();
    got.section = expected.section;
    got.layer = expected.layer;
    (expected != got)
        .then(|| format!("`{printed}` parsed back as\n  {got:?}\nexpected\n  {expected:?}"))
}

#[test]
fn every_corpus_file_parses_without_errors_other_than_id_findings() {
    let mut failures = Vec::new();
    for (path, text) in corpus_files() {
        let parsed = parse(&text, &Options::default());
        let file = SourceFile::new(path.display().to_string(), text.as_str());
        for d in parsed.errors().filter(|d| !is_id_finding(d)) {
            failures.push(d.render(&file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_corpus_file_survives_print_and_parse() {
    let mut failures = Vec::new();
    for (path, text) in corpus_files() {
        let parsed = parse(&text, &Options::default());
        let name = path.display().to_string();
        let diffs = round_trip_differences(&name, &parsed, &Options::default());
        // One file can differ in hundreds of places; a few show the pattern.
        failures.extend(diffs.into_iter().take(3));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_corpus_definition_survives_print_and_parse_alone() {
    let mut failures = Vec::new();
    for (path, text) in corpus_files() {
        let parsed = parse(&text, &Options::default());
        // The dialect of the whole file, or a lone line would guess its own.
        let options = Options {
            dialect: Some(parsed.schema.dialect),
            ..Options::default()
        };
        for def in &parsed.schema.definitions {
            if let Some(diff) = definition_differences(def, &options) {
                failures.push(format!("{}: {diff}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A fixed seed keeps CI deterministic; `PROPTEST_RNG_SEED` explores others.
/// Failures are not persisted to files: a failing case is printed, and goes
/// into `regressions.rs` as a named test.
fn config(cases: u32) -> Config {
    let mut config = Config::with_cases(cases);
    if config.rng_seed == RngSeed::Random {
        config.rng_seed = RngSeed::Fixed(0x7115_5eed);
    }
    config.failure_persistence = None;
    config
}

/// Generated TL text: every construct the grammar accepts, laid out in every
/// way it accepts (comments and newlines between arguments, docs above).
mod gen {
    use proptest::prelude::*;

    /// Identifier characters; names never collide with the keywords of the
    /// grammar because TL has none.
    pub fn ident() -> impl Strategy<Value = String> {
        "[a-zA-Z_][a-zA-Z0-9_]{0,7}"
    }

    pub fn full_name() -> impl Strategy<Value = String> {
        (
            prop::collection::vec("[a-z][a-zA-Z0-9_]{0,5}", 0..3),
            ident(),
        )
            .prop_map(|(ns, base)| {
                let mut name = ns.join(".");
                if !name.is_empty() {
                    name.push('.');
                }
                name.push_str(&base);
                name
            })
    }

    /// What may separate two tokens of a definition (never before its `;`
    /// or inside a result type, where only spaces are allowed).
    pub fn sep() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            6 => Just(" "),
            1 => Just("\n  "),
            1 => Just("  // a comment: with = and ; inside\n    "),
            1 => Just("\t//@field not a doc here\n"),
        ]
    }

    /// A type in argument position.
    pub fn type_term() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            4 => full_name(),
            1 => Just("#".to_string()),
            1 => full_name().prop_map(|n| format!("%{n}")),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                inner.clone().prop_map(|t| format!("Vector<{t}>")),
                inner.clone().prop_map(|t| format!("vector<{t}>")),
                inner.clone().prop_map(|t| format!("(vector {t})")),
                inner.clone().prop_map(|t| format!("%Vector<{t}>")),
                (full_name(), prop::collection::vec(inner.clone(), 1..3))
                    .prop_map(|(n, args)| format!("{n}<{}>", args.join(", "))),
                (full_name(), prop::collection::vec(inner, 1..3))
                    .prop_map(|(n, args)| format!("({n} {})", args.join(" "))),
            ]
        })
    }

    /// A result type: plain, `Name<T>` or `Name t u` on one line.
    pub fn result_type() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => full_name(),
            1 => (full_name(), type_term()).prop_map(|(n, t)| format!("{n}<{t}>")),
            1 => (full_name(), prop::collection::vec(type_term(), 1..3))
                .prop_map(|(n, args)| format!("{n} {}", args.join(" "))),
        ]
    }

    /// One parameter, given the names of the `#` fields and type variables
    /// declared before it.
    #[derive(Clone, Debug)]
    pub enum Param {
        Typed(String, String),
        Nat(String),
        Flag(String, String, u32, String),
        FlagTrue(String, String, u32),
        Bang(String, String),
        AnonymousNat,
        Anonymous(String),
        Repeat(Option<String>, Vec<(String, String)>),
    }

    pub fn doc_text() -> impl Strategy<Value = String> {
        prop::collection::vec("[a-zA-Z0-9,.;'()=<>:#?!%-]{1,8}", 1..6).prop_map(|w| w.join(" "))
    }

    /// A TDLib doc block: `//@description`, fields inline or on their own
    /// lines, `//-` continuations.
    pub fn doc(fields: Vec<String>) -> impl Strategy<Value = String> {
        let n = fields.len();
        (
            doc_text(),
            prop::collection::vec((doc_text(), any::<bool>(), prop::option::of(doc_text())), n),
            prop::option::of(doc_text()),
        )
            .prop_map(move |(description, entries, cont)| {
                let mut out = format!("//@description {description}");
                if let Some(c) = cont {
                    out.push_str(&format!("\n//-{c}"));
                }
                for (field, (text, inline, cont)) in fields.iter().zip(entries) {
                    // TDLib writes `@param_description` for a field called `description`.
                    let key = if field == "description" || field == "class" {
                        format!("param_{field}")
                    } else {
                        field.clone()
                    };
                    out.push_str(if inline { " @" } else { "\n//@" });
                    out.push_str(&format!("{key} {text}"));
                    if let Some(c) = cont {
                        out.push_str(&format!("\n//- {c}"));
                    }
                }
                out.push('\n');
                out
            })
    }

    fn field_type() -> impl Strategy<Value = String> {
        type_term()
    }

    /// A definition's text, with its doc block if any.
    pub fn definition() -> impl Strategy<Value = String> {
        let id = prop::option::of("[0-9a-f]{1,8}");
        let type_params = prop::collection::vec((ident(), any::<bool>()), 0..3);
        let raw_params = prop::collection::vec(
            (
                0u8..8,
                ident(),
                field_type(),
                0u32..=31,
                prop::collection::vec((ident(), field_type()), 0..3),
                any::<bool>(),
            ),
            0..7,
        );
        (
            full_name(),
            id,
            type_params,
            raw_params,
            result_type(),
            prop::collection::vec(sep(), 24),
            any::<bool>(),
            any::<u8>(),
        )
            .prop_flat_map(|(name, id, tps, raw, result, seps, builtin, doc_roll)| {
                let type_vars: Vec<String> = tps
                    .iter()
                    .filter(|(_, nat)| !nat)
                    .map(|(n, _)| n.clone())
                    .collect();
                let mut nats: Vec<String> = tps
                    .iter()
                    .filter(|(_, nat)| *nat)
                    .map(|(n, _)| n.clone())
                    .collect();
                let mut params = Vec::new();
                for (kind, pname, ty, bit, inner, numbered) in raw {
                    let p = match kind {
                        0 => Param::Nat(pname.clone()),
                        1 if !nats.is_empty() => {
                            let field = nats[bit as usize % nats.len()].clone();
                            Param::Flag(pname.clone(), field, bit, ty)
                        }
                        2 if !nats.is_empty() => {
                            let field = nats[bit as usize % nats.len()].clone();
                            Param::FlagTrue(pname.clone(), field, bit)
                        }
                        3 if !type_vars.is_empty() => Param::Bang(
                            pname.clone(),
                            type_vars[bit as usize % type_vars.len()].clone(),
                        ),
                        4 => Param::AnonymousNat,
                        5 => Param::Anonymous(ty),
                        6 => {
                            let count = if numbered {
                                Some(bit.to_string())
                            } else {
                                nats.last().cloned()
                            };
                            Param::Repeat(count, inner)
                        }
                        _ => Param::Typed(pname.clone(), ty),
                    };
                    if let Param::Nat(n) = &p {
                        nats.push(n.clone());
                    }
                    params.push(p);
                }
                let fields: Vec<String> = params
                    .iter()
                    .filter_map(|p| match p {
                        Param::Typed(n, _)
                        | Param::Nat(n)
                        | Param::Flag(n, ..)
                        | Param::FlagTrue(n, ..)
                        | Param::Bang(n, _) => Some(n.clone()),
                        _ => None,
                    })
                    .collect();
                let doc = if doc_roll % 3 == 0 {
                    doc(fields).boxed()
                } else {
                    Just(String::new()).boxed()
                };
                (Just((name, id, tps, params, result, seps, builtin)), doc)
            })
            .prop_map(|((name, id, tps, params, result, seps, builtin), doc)| {
                let mut seps = seps.into_iter().cycle();
                let mut out = doc;
                out.push_str(&name);
                if let Some(id) = id {
                    out.push('#');
                    out.push_str(&id);
                }
                for (n, nat) in &tps {
                    out.push_str(seps.next().unwrap_or(" "));
                    out.push_str(&format!("{{{n}:{}}}", if *nat { "#" } else { "Type" }));
                }
                for p in &params {
                    out.push_str(seps.next().unwrap_or(" "));
                    out.push_str(&render_param(p));
                }
                if builtin {
                    out.push_str(seps.next().unwrap_or(" "));
                    out.push('?');
                }
                out.push_str(seps.next().unwrap_or(" "));
                out.push('=');
                out.push_str(seps.next().unwrap_or(" "));
                out.push_str(&result);
                out.push(';');
                out
            })
    }

    fn render_param(p: &Param) -> String {
        match p {
            Param::Typed(n, t) => format!("{n}:{t}"),
            Param::Nat(n) => format!("{n}:#"),
            Param::Flag(n, f, bit, t) => format!("{n}:{f}.{bit}?{t}"),
            Param::FlagTrue(n, f, bit) => format!("{n}:{f}.{bit}?true"),
            Param::Bang(n, x) => format!("{n}:!{x}"),
            Param::AnonymousNat => "#".to_string(),
            Param::Anonymous(t) => t.clone(),
            Param::Repeat(count, inner) => {
                let inner: Vec<String> = inner.iter().map(|(n, t)| format!("{n}:{t}")).collect();
                let count = count.as_ref().map_or(String::new(), |c| format!("{c}*"));
                format!("{count}[ {} ]", inner.join(" "))
            }
        }
    }

    /// A schema: optional `// LAYER`, definitions in one or two sections.
    pub fn schema() -> impl Strategy<Value = String> {
        (
            prop::option::of(1u32..300),
            prop::collection::vec(definition(), 1..6),
            prop::collection::vec(definition(), 0..4),
            any::<bool>(),
        )
            .prop_map(|(layer, types, functions, blank)| {
                let between = if blank { "\n\n" } else { "\n" };
                let mut out = String::new();
                if let Some(l) = layer {
                    out.push_str(&format!("// LAYER {l}\n"));
                }
                out.push_str(&types.join(between));
                if !functions.is_empty() {
                    out.push_str("\n\n---functions---\n\n");
                    out.push_str(&functions.join(between));
                }
                out.push('\n');
                out
            })
    }
}

/// Lines of a few real schemas, to mutate.
fn corpus_lines() -> Vec<String> {
    let dir = corpus_dir();
    let mut lines = Vec::new();
    for rel in [
        "telegram/mtproto.tl",
        "telegram/secret_api.tl",
        "ton/lite_api.tl",
        "grammers/api-230.tl",
        "tdlib/td_api.tl",
    ] {
        let path = dir.join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    lines
}

/// One edit of a line: insert, delete or replace characters at a position.
#[derive(Clone, Debug)]
enum Mutation {
    Insert(usize, char),
    InsertToken(usize, &'static str),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop::sample::select(vec![
        "#",
        "?",
        "!",
        "%",
        "<",
        ">",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ";",
        "=",
        ".",
        "*",
        ",",
        "//",
        "//@",
        "//-",
        "\n",
        "---",
        "---functions---",
        " ",
        "flags.",
        "0x",
        "é",
        "\u{0}",
    ]);
    prop_oneof![
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        (any::<usize>(), token).prop_map(|(i, t)| Mutation::InsertToken(i, t)),
        (any::<usize>(), 1usize..8).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(line: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    for m in mutations {
        let at = |i: usize| i % (chars.len() + 1);
        match *m {
            Mutation::Insert(i, c) => {
                let i = at(i);
                chars.insert(i, c);
            }
            Mutation::InsertToken(i, t) => {
                let i = at(i);
                chars.splice(i..i, t.chars());
            }
            Mutation::Delete(i, n) => {
                let i = at(i);
                let end = (i + n).min(chars.len());
                chars.drain(i..end);
            }
            Mutation::Truncate(i) => {
                let i = at(i);
                chars.truncate(i);
            }
        }
    }
    chars.into_iter().collect()
}

/// Parses `src` under every dialect choice and renders every diagnostic: none of
/// it may panic, and every span must lie inside the text.
fn parse_everything(src: &str) {
    let file = SourceFile::new("input.tl", src);
    for dialect in [
        None,
        Some(tl_parser::Dialect::Telegram),
        Some(tl_parser::Dialect::Tdlib),
    ] {
        let parsed = parse(
            src,
            &Options {
                dialect,
                ..Options::default()
            },
        );
        for d in &parsed.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.range().end <= src.len(),
                "span {:?} outside the {}-byte text: {d:?}",
                d.span,
                src.len()
            );
            let _ = d.render(&file);
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn generated_schemas_survive_print_and_parse(src in gen::schema()) {
        let parsed = parse(&src, &Options::default());
        let syntax: Vec<_> = parsed.diagnostics.iter().filter(|d| is_syntax(d)).collect();
        prop_assert!(syntax.is_empty(), "generated text does not parse:\n{src}\n{syntax:#?}");
        let diffs = round_trip_differences("generated", &parsed, &Options::default());
        prop_assert!(diffs.is_empty(), "{src}\n{}", diffs.join("\n"));
        let options = Options { dialect: Some(parsed.schema.dialect), ..Options::default() };
        for def in &parsed.schema.definitions {
            let diff = definition_differences(def, &options);
            prop_assert!(diff.is_none(), "{src}\n{}", diff.unwrap_or_default());
        }
    }

    #[test]
    fn generated_definitions_keep_their_docs(src in gen::definition()) {
        let parsed = parse(&src, &Options::default());
        prop_assert!(!parsed.diagnostics.iter().any(is_syntax), "{src}\n{:#?}", parsed.diagnostics);
        prop_assert_eq!(parsed.schema.definitions.len(), 1);
        if src.starts_with("//@description") {
            prop_assert!(parsed.schema.definitions[0].doc.description.is_some(), "{}", src);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        parse_everything(&src);
    }

    #[test]
    fn mutated_corpus_lines_never_panic(
        lines in prop::collection::vec(prop::sample::select(corpus_lines()), 1..4),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let text = lines.join("\n");
        parse_everything(&apply(&text, &mutations));
    }
}
