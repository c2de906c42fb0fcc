//! Point 1: every file parses, and every id verifies except the listed ones.

use std::collections::BTreeSet;

use tl_parser::{parse, Code, Options, Section};

use crate::{corpus, report};

/// Parses the schema at `path` and checks that the definitions whose declared
/// id differs from the computed one are exactly its
/// [`tl_corpus::id_exceptions`] (the corpus README explains each); with those
/// allowed, no error is left.
pub fn check_file(path: &str) {
    let name = corpus::name(path);
    let exceptions = tl_corpus::id_exceptions(name);
    let text = corpus::read(path);
    let parsed = parse(&text, &Options::default());
    let mut mismatched: Vec<&str> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::IdMismatch)
        .map(|d| d.definition.as_deref().unwrap_or("?"))
        .collect();
    mismatched.sort_unstable();
    mismatched.dedup();
    let mut expected = exceptions.to_vec();
    expected.sort_unstable();
    assert_eq!(
        mismatched, expected,
        "{name}: definitions whose declared id does not verify"
    );

    let allowed = Options {
        allow_id_mismatch: exceptions.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    };
    let parsed = parse(&text, &allowed);
    let errors: Vec<_> = parsed.errors().collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");

    let schema = &parsed.schema;
    let verified = schema
        .definitions
        .iter()
        .filter(|d| d.declared_id.is_some() && !exceptions.contains(&d.name.text.as_str()))
        .inspect(|d| assert_eq!(d.computed_id, d.id(), "{name}: {}", d.name.text))
        .count();
    assert!(!schema.definitions.is_empty(), "{name}: no definitions");
    report::record(name, report::Column::Definitions, schema.definitions.len());
    report::record(name, report::Column::IdsVerified, verified);
    report::record(name, report::Column::Exceptions, exceptions.len());
}

/// Checks every `golden/<stem>-<commit>.tl` against its `.ids.tsv` (ids read
/// from the reference parser's `.tlo`): every definition's wire id and kind,
/// and the computed id of every definition without an explicit one. Returns the pairs checked.
pub fn check_golden(stem: &str) -> usize {
    let golden = corpus::dir().join("golden");
    let mut pairs = 0;
    let entries =
        std::fs::read_dir(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
    for entry in entries {
        let tsv = entry.expect("directory entry").path();
        let file = tsv.file_name().and_then(|f| f.to_str()).unwrap_or_default();
        let Some(rest) = file.strip_suffix(".ids.tsv") else {
            continue;
        };
        if rest.rsplit_once('-').map(|(s, _)| s) != Some(stem) {
            continue;
        }
        let name = format!("golden/{rest}.tl");
        let text = corpus::read(&name);
        let parsed = parse(&text, &Options::default());
        let schema = &parsed.schema;
        let rows = std::fs::read_to_string(&tsv).expect("golden .ids.tsv");
        assert_eq!(
            rows.lines().count(),
            schema.definitions.len(),
            "{name}: one row per definition"
        );
        for line in rows.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [def_name, id, kind] = cols[..] else {
                panic!("{name}: malformed row {line:?}");
            };
            let id = u32::from_str_radix(id, 16).expect("hex id");
            let def = schema
                .definition(def_name)
                .unwrap_or_else(|| panic!("{name}: {def_name} is in the .tlo but not parsed"));
            assert_eq!(
                def.id(),
                id,
                "{name}: id of {def_name} differs from the .tlo's"
            );
            if def.declared_id.is_none() {
                assert_eq!(
                    def.computed_id, id,
                    "{name}: computed id of {def_name} differs from the .tlo's"
                );
            }
            let section = if kind == "function" {
                Section::Functions
            } else {
                Section::Types
            };
            assert_eq!(def.section, section, "{name}: kind of {def_name}");
        }
        report::record(&name, report::Column::Definitions, schema.definitions.len());
        report::record(&name, report::Column::IdsVerified, rows.lines().count());
        report::record(&name, report::Column::Exceptions, 0);
        pairs += 1;
    }
    assert!(
        pairs > 0,
        "no golden pair for {stem} in {}",
        golden.display()
    );
    pairs
}

/// Checks two copies of one layer by the (name, id) pair of every definition
/// that is not built in: the names of the pairs only `copy` has must be
/// `only_copy`, and of those only `original` has `only_original`, both
/// sorted (a definition whose id differs shows on both sides). The counts
/// and differences go to the report's notes.
pub fn check_copy(copy: &str, original: &str, only_copy: &[&str], only_original: &[&str]) {
    let pairs = |path: &str| -> BTreeSet<(String, u32)> {
        let text = corpus::read(path);
        let parsed = parse(&text, &Options::default());
        parsed
            .schema
            .definitions
            .iter()
            .filter(|d| !d.builtin)
            .map(|d| (d.name.text.to_string(), d.id()))
            .collect()
    };
    let (in_copy, in_original) = (pairs(copy), pairs(original));
    let only = |a: &BTreeSet<(String, u32)>, b: &BTreeSet<(String, u32)>| -> Vec<(String, u32)> {
        a.difference(b).cloned().collect()
    };
    let (copy_only, original_only) = (only(&in_copy, &in_original), only(&in_original, &in_copy));
    let show = |pairs: &[(String, u32)]| {
        pairs
            .iter()
            .map(|(name, id)| format!("{name}#{id:08x}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (copy, original) = (corpus::name(copy), corpus::name(original));
    let text = format!(
        "{} definitions in both with the same id; only in {copy}: {}; only in {original}: {}",
        in_copy.intersection(&in_original).count(),
        show(&copy_only),
        show(&original_only)
    );
    println!("{text}");
    report::note(&format!("{copy} and {original}"), &text);
    let names = |pairs: &[(String, u32)]| -> Vec<String> {
        pairs.iter().map(|(name, _)| name.clone()).collect()
    };
    assert_eq!(names(&copy_only), only_copy, "only in {copy}");
    assert_eq!(names(&original_only), only_original, "only in {original}");
}
