//! Every schema of the corpus in `../shared/schemas` parses, with the counts and
//! id findings its README documents.

use tl_corpus::{dir as corpus, id_exceptions, read, schema_files};
use tl_parser::{parse, Code, Dialect, Options, Parsed, Section, Severity, KNOWN_DEVIATIONS};

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
fn id_mismatches_are_exactly_the_known_deviations_each_as_a_note() {
    for file in schema_files() {
        let parsed = parse_file(&file);
        let mut expected: Vec<String> =
            id_exceptions(&file).iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(mismatches(&parsed), expected, "{file}");
        let errors: Vec<_> = parsed.errors().collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        let notes = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Note)
            .count();
        assert_eq!(notes, expected.len(), "{file}: one note per deviation");
    }
}

#[test]
fn without_known_deviations_each_is_an_error_again() {
    let options = Options {
        known_deviations: false,
        ..Options::default()
    };
    let mut files_with_errors = 0;
    for file in schema_files() {
        let exceptions = id_exceptions(&file);
        let parsed = parse(&read(&file), &options);
        for d in parsed.errors() {
            let name = d.definition.as_deref().unwrap_or_default();
            match d.code {
                Code::IdMismatch => assert!(exceptions.contains(&name), "{file}: {d:?}"),
                // The real function whose id an `invokeWith…Prefix` helper reuses.
                Code::DuplicateId => assert!(
                    exceptions
                        .iter()
                        .any(|e| d.message.ends_with(&format!("`{e}` already uses"))),
                    "{file}: {d:?}"
                ),
                _ => panic!("{file}: {d:?}"),
            }
        }
        let mismatched = parsed
            .errors()
            .filter(|d| d.code == Code::IdMismatch)
            .count();
        assert_eq!(mismatched, exceptions.len(), "{file}");
        files_with_errors += usize::from(mismatched > 0);
    }
    assert!(
        files_with_errors >= 10,
        "{files_with_errors} files with errors"
    );
}

#[test]
fn every_known_deviation_occurs_in_the_corpus_with_its_computed_id() {
    let mut seen = vec![false; KNOWN_DEVIATIONS.len()];
    for file in schema_files() {
        for def in parse_file(&file).schema.definitions {
            let Some(declared) = def.declared_id else {
                continue;
            };
            if let Some(i) = KNOWN_DEVIATIONS
                .iter()
                .position(|k| k.name == def.name.text && k.declared_id == declared.value)
            {
                assert_eq!(
                    def.computed_id, KNOWN_DEVIATIONS[i].computed_id,
                    "{file}: {}",
                    def.name.text
                );
                seen[i] = true;
            }
        }
    }
    let unseen: Vec<_> = KNOWN_DEVIATIONS
        .iter()
        .zip(seen)
        .filter(|(_, seen)| !seen)
        .map(|(k, _)| k.name)
        .collect();
    assert!(unseen.is_empty(), "not in the corpus: {unseen:?}");
}

#[test]
fn allowing_the_exceptions_by_name_leaves_no_id_errors() {
    for file in schema_files() {
        let options = Options {
            allow_id_mismatch: id_exceptions(&file).iter().map(|s| s.to_string()).collect(),
            known_deviations: false,
            ..Options::default()
        };
        let parsed = parse(&read(&file), &options);
        let errors: Vec<_> = parsed.errors().collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        assert!(mismatches(&parsed).is_empty(), "{file}: allowed silently");
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
