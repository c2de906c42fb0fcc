//! Every schema of the corpus in `../shared/schemas` parses, with the counts and
//! id findings its README documents.

use tl_corpus::{dir as corpus, read};
use tl_parser::{parse, Code, Dialect, Options, Parsed, Section};

fn parse_file(rel: &str) -> Parsed {
    parse(&read(rel), &Options::default())
}

/// (file, definitions incl. builtins, constructors, functions, layer), from the corpus README.
const COUNTS: &[(&str, usize, usize, usize, Option<u32>)] = &[
    ("tdlib/e2e_api.tl", 49, 44, 1, None),
    ("tdlib/td_api.tl", 3178, 2166, 1010, None),
    ("telegram/api-gotd.tl", 2461, 1649, 808, Some(228)),
    ("telegram/api.tl", 2468, 1651, 813, None),
    ("telegram/layers/api-160.tl", 1663, 1137, 526, Some(160)),
    ("telegram/layers/api-190.tl", 2026, 1363, 663, Some(190)),
    ("telegram/layers/api-214.tl", 2206, 1479, 727, Some(214)),
    ("telegram/layers/api-227.tl", 2427, 1627, 796, None),
    ("telegram/mtproto-tdesktop.tl", 66, 52, 10, None),
    ("telegram/mtproto.tl", 48, 36, 8, None),
    ("telegram/secret_api.tl", 95, 90, 1, None),
    ("ton/lite_api.tl", 101, 61, 34, None),
    ("ton/test_schema.tl", 16, 14, 2, None),
    ("ton/ton_api.tl", 669, 504, 159, None),
    ("ton/tonlib_api.tl", 234, 145, 85, None),
];

#[test]
fn every_file_parses_with_the_documented_counts() {
    for &(file, defs, ctors, funcs, layer) in COUNTS {
        let parsed = parse_file(file);
        let syntax: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::Syntax | Code::Unterminated | Code::MalformedId
                )
            })
            .collect();
        assert!(syntax.is_empty(), "{file}: {syntax:#?}");
        let s = &parsed.schema;
        assert_eq!(s.definitions.len(), defs, "{file}: definitions");
        assert_eq!(s.constructors().count(), ctors, "{file}: constructors");
        assert_eq!(s.functions().count(), funcs, "{file}: functions");
        assert_eq!(s.layer, layer, "{file}: layer");
    }
}

fn mismatches(parsed: &Parsed) -> Vec<String> {
    let mut names: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::IdMismatch)
        .map(|d| d.definition.clone().unwrap_or_default())
        .collect();
    names.sort();
    names
}

#[test]
fn id_mismatches_are_exactly_the_documented_exceptions() {
    for &(file, expected) in tl_corpus::ID_EXCEPTIONS {
        let parsed = parse_file(file);
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(mismatches(&parsed), expected, "{file}");
    }
}

#[test]
fn allowing_the_exceptions_by_name_leaves_no_id_errors() {
    for &(file, expected) in tl_corpus::ID_EXCEPTIONS {
        let options = Options {
            allow_id_mismatch: expected.iter().map(|s| s.to_string()).collect(),
            ..Options::default()
        };
        let parsed = parse(&read(file), &options);
        let errors: Vec<_> = parsed.errors().collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn dialect_is_detected_per_file() {
    for (file, dialect) in [
        ("telegram/api.tl", Dialect::Telegram),
        ("telegram/mtproto.tl", Dialect::Telegram),
        ("telegram/secret_api.tl", Dialect::Telegram),
        ("tdlib/td_api.tl", Dialect::Tdlib),
        ("tdlib/e2e_api.tl", Dialect::Tdlib),
        ("ton/ton_api.tl", Dialect::Tdlib),
    ] {
        assert_eq!(parse_file(file).schema.dialect, dialect, "{file}");
    }
}

/// Ids of definitions without `#id` equal the reference parser's `.tlo` ids.
#[test]
fn computed_ids_equal_the_golden_tlo_ids() {
    let golden = corpus().join("golden");
    let mut pairs = 0;
    let mut rows = 0;
    for entry in std::fs::read_dir(&golden).expect("golden dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "tsv") {
            continue;
        }
        let tl = path.with_extension("").with_extension("tl");
        let src = std::fs::read_to_string(&tl).expect("golden .tl");
        let parsed = parse(&src, &Options::default());
        let tsv = std::fs::read_to_string(&path).expect("tsv");
        let schema = &parsed.schema;
        assert_eq!(
            tsv.lines().count(),
            schema.definitions.len(),
            "{}: one row per definition",
            path.display()
        );
        for line in tsv.lines() {
            let mut cols = line.split('\t');
            let (name, id, kind) = (
                cols.next().expect("name"),
                cols.next().expect("id"),
                cols.next().expect("kind"),
            );
            let id = u32::from_str_radix(id, 16).expect("hex id");
            let def = schema
                .definition(name)
                .unwrap_or_else(|| panic!("{}: {name} missing", tl.display()));
            assert_eq!(def.id(), id, "{}: {name}", tl.display());
            let section = if kind == "function" {
                Section::Functions
            } else {
                Section::Types
            };
            assert_eq!(def.section, section, "{}: {name}", tl.display());
            if def.declared_id.is_none() {
                assert_eq!(
                    def.computed_id,
                    id,
                    "{}: computed id of {name}",
                    tl.display()
                );
            }
            rows += 1;
        }
        pairs += 1;
    }
    assert_eq!(pairs, 11, "golden pairs");
    assert!(rows > 5000, "{rows} golden rows");
}
