//! End-to-end tests: run the real `tl` binary on the workspace's schemas and
//! on the shared corpus of real-world schemas.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tl"))
        .args(args)
        .output()
        .expect("the tl binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpus, canonical so that the paths `tl` prints strip its
/// prefix.
fn corpus() -> PathBuf {
    tl_corpus::dir()
        .canonicalize()
        .expect("corpus path canonicalizes")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// A scratch file unique to this test process and `name`.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("tl-cli-{}-{name}", std::process::id()));
    fs::write(&path, text).expect("temp dir is writable");
    path
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("stdout is one JSON document")
}

/// Every definition whose declared id knowingly differs from the computed
/// one, per corpus file (relative path); files without any are left out.
fn known_mismatches() -> BTreeMap<String, Vec<&'static str>> {
    tl_corpus::schema_files()
        .into_iter()
        .map(|file| {
            let names = tl_corpus::id_exceptions(&file);
            (file, names)
        })
        .filter(|(_, names)| !names.is_empty())
        .collect()
}

fn diagnostics(file: &Value) -> &Vec<Value> {
    file["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
}

#[test]
fn workspace_schema_dir_checks_clean() {
    let dir = manifest_dir().join("../schema");
    let out = tl(&["check", path_str(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("seed.tl: 7 constructors, 1 function"),
        "{text}"
    );
    assert!(text.contains("dialect telegram (detected)"), "{text}");
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
}

/// seed.tl alone uses types it does not define; given with seed-deps.tl,
/// which defines them, the two are one schema, as `tl!` reads them.
#[test]
fn files_that_use_each_others_types_are_checked_as_one_schema() {
    let seed = manifest_dir().join("../schema/seed.tl");
    let deps = manifest_dir().join("../schema/seed-deps.tl");
    let alone = json(&tl(&["check", path_str(&seed), "--format", "json"]));
    assert_eq!(alone["warnings"].as_u64(), Some(17), "{alone}");
    let together = tl(&[
        "check",
        path_str(&seed),
        path_str(&deps),
        "--strict",
        "--format",
        "json",
    ]);
    assert_eq!(together.status.code(), Some(0), "{}", stdout(&together));
    let report = json(&together);
    assert_eq!(report["warnings"].as_u64(), Some(0), "{report}");
    assert_eq!(report["files"][0]["one_schema_with"][0], path_str(&deps));
    assert_eq!(report["files"][1]["one_schema_with"][0], path_str(&seed));
}

/// `tl check` of the whole corpus: per file, the relative path and the
/// definitions of its E0101 findings with the given severity, after checking
/// the report's shape; and the report.
fn check_corpus(extra: &[&str], severity: &str) -> (BTreeMap<String, BTreeSet<String>>, Value) {
    let root = corpus();
    let mut args = vec!["check", path_str(&root), "--format", "json"];
    args.extend(extra);
    let report = json(&tl(&args));
    let files = report["files"].as_array().expect("files is an array");
    assert_eq!(
        files.len(),
        tl_corpus::schema_files().len(),
        "the whole corpus was checked"
    );
    let mut found = BTreeMap::new();
    for file in files {
        let path = Path::new(file["path"].as_str().expect("path is a string"));
        let rel = path
            .strip_prefix(&root)
            .expect("paths lie under the corpus");
        let rel = path_str(rel).to_string();
        for key in ["layer", "constructors", "functions", "dialect"] {
            assert!(file.get(key).is_some(), "{rel}: missing `{key}`");
        }
        let diags = diagnostics(file);
        for d in diags {
            let code = d["code"].as_str().expect("code is a string");
            assert!(
                !matches!(code, "E0001" | "E0002" | "E0003"),
                "{rel} does not parse: {d}"
            );
            assert!(d["line"].as_u64().is_some() && d["column"].as_u64().is_some());
            assert!(d.get("definition").is_some(), "{rel}: `definition` key");
        }
        let mismatched: BTreeSet<String> = diags
            .iter()
            .filter(|d| d["code"] == "E0101" && d["severity"] == severity)
            .map(|d| {
                d["definition"]
                    .as_str()
                    .expect("E0101 names its definition")
                    .to_string()
            })
            .collect();
        found.insert(rel, mismatched);
    }
    (found, report)
}

/// The known mismatches as sets, with an empty set for every other file.
fn expected_mismatches() -> BTreeMap<String, BTreeSet<String>> {
    let known = known_mismatches();
    tl_corpus::schema_files()
        .into_iter()
        .map(|file| {
            let names = known
                .get(&file)
                .map(|v| v.iter().map(|n| n.to_string()).collect())
                .unwrap_or_default();
            (file, names)
        })
        .collect()
}

#[test]
fn every_corpus_file_checks_with_notes_for_the_known_deviations() {
    let (notes, report) = check_corpus(&[], "note");
    assert_eq!(report["errors"].as_u64(), Some(0), "{report}");
    assert_eq!(notes, expected_mismatches());
    let total: usize = notes.values().map(BTreeSet::len).sum();
    assert!(total >= 30, "{total} notes");
    assert_eq!(report["notes"].as_u64(), Some(total as u64));

    let out = tl(&["check", path_str(&corpus())]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let human = stdout(&out);
    assert!(
        human.contains(&format!("0 errors, 0 warnings, {total} notes")),
        "{human}"
    );
    assert!(
        human.contains("note[E0101]: declared id #37982646 of `ipPortSecret`"),
        "{human}"
    );
    assert!(human.contains("a known upstream deviation:"), "{human}");
}

#[test]
fn without_known_deviations_the_corpus_fails_with_exactly_them() {
    let (errors, report) = check_corpus(&["--no-known-deviations"], "error");
    assert_eq!(errors, expected_mismatches());
    assert_eq!(report["notes"].as_u64(), Some(0), "{report}");
    // Besides the E0101 errors, each `invokeWith…Prefix` helper's id is
    // repeated by the real function: one E0102 for each.
    let e0101: usize = errors.values().map(BTreeSet::len).sum();
    let helpers = errors
        .values()
        .flatten()
        .filter(|n| n.starts_with("invokeWith") && n.ends_with("Prefix"))
        .count();
    assert_eq!(helpers, 8, "four helpers in api.tl and api-227.tl");
    assert_eq!(report["errors"].as_u64(), Some((e0101 + helpers) as u64));
    let out = tl(&["check", path_str(&corpus()), "--no-known-deviations"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn allowing_the_known_mismatches_by_name_makes_each_file_clean() {
    let root = corpus();
    for (rel, names) in known_mismatches() {
        let path = root.join(&rel);
        let mut args = vec!["check", path_str(&path), "--no-known-deviations"];
        for name in &names {
            args.extend(["--allow-id-mismatch", name]);
        }
        let out = tl(&args);
        assert_eq!(out.status.code(), Some(0), "{rel}:\n{}", stdout(&out));
        assert!(stdout(&out).contains("0 notes"), "{rel}: allowed silently");
    }
}

#[test]
fn allow_id_mismatch_accepts_globs() {
    let path = corpus().join("telegram/api-gotd.tl");
    let out = tl(&[
        "check",
        path_str(&path),
        "--no-known-deviations",
        "--allow-id-mismatch=ipPortSecret",
        "--allow-id-mismatch=accessPointRule",
        "--allow-id-mismatch=help.configSimple",
        "--allow-id-mismatch=*Legacy",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn ids_match_the_golden_tables() {
    let golden = corpus().join("golden");
    let mut schemas: Vec<PathBuf> = fs::read_dir(&golden)
        .expect("golden/ is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tl"))
        .collect();
    schemas.sort();
    assert!(
        !schemas.is_empty(),
        "no golden schemas in {}",
        golden.display()
    );
    for schema in schemas {
        let table = schema.with_extension("ids.tsv");
        let expected = fs::read_to_string(&table).expect("each golden .tl has its .ids.tsv");
        let out = tl(&["ids", path_str(&schema)]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        let got: Vec<&str> = text.lines().collect();
        let want: Vec<&str> = expected.lines().collect();
        assert_eq!(got.len(), want.len(), "row count for {}", schema.display());
        let got: BTreeSet<&str> = got.into_iter().collect();
        let want: BTreeSet<&str> = want.into_iter().collect();
        assert_eq!(
            got.symmetric_difference(&want).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "rows differing for {}",
            schema.display()
        );
    }
}

#[test]
fn ids_refuse_a_schema_with_syntax_errors() {
    let path = temp_file(
        "broken.tl",
        "ok#00000001 = Ok;\nbroken#zz x:int = Broken;\n",
    );
    let out = tl(&["ids", path_str(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "no partial table");
    assert!(stderr(&out).contains("error["), "{}", stderr(&out));
    fs::remove_file(path).ok();
}

#[test]
fn altered_id_is_located_in_json_and_human_output() {
    let seed = fs::read_to_string(manifest_dir().join("../schema/seed.tl")).expect("seed.tl");
    let lines: Vec<&str> = seed.lines().take(4).collect();
    // Line 4 is `updateShort#78d4dec1 update:Update date:int = Updates;`.
    assert!(
        lines[3].starts_with("updateShort#78d4dec1 "),
        "{}",
        lines[3]
    );
    let altered = lines[3].replace("#78d4dec1", "#78d4dec2");
    let text = format!("{}\n{}\n{}\n{altered}\n", lines[0], lines[1], lines[2]);
    let path = temp_file("altered.tl", &text);
    let column = altered.find('#').expect("has an id") + 1;

    let out = tl(&["check", path_str(&path), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let mismatches: Vec<&Value> = diagnostics(&report["files"][0])
        .iter()
        .filter(|d| d["code"] == "E0101")
        .collect();
    assert_eq!(mismatches.len(), 1, "{report}");
    let d = mismatches[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["definition"], "updateShort");
    assert_eq!(d["line"].as_u64(), Some(4));
    assert_eq!(d["column"].as_u64(), Some(column as u64));
    assert_eq!(report["errors"].as_u64(), Some(1));

    let out = tl(&["check", path_str(&path)]);
    assert_eq!(out.status.code(), Some(1));
    let human = stdout(&out);
    let location = format!("--> {}:4:{column}", path.display());
    assert!(human.contains(&location), "no `{location}` in:\n{human}");
    assert!(human.contains(&format!("4 | {altered}")), "{human}");
    let caret = format!("| {}^", " ".repeat(column - 1));
    assert!(human.contains(&caret), "no caret under the id in:\n{human}");
    assert!(!human.contains('\u{1b}'), "no colour when piped");
    fs::remove_file(path).ok();
}

#[test]
fn strict_makes_undefined_types_errors() {
    let seed = manifest_dir().join("../schema/seed.tl");
    let out = tl(&["check", path_str(&seed), "--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("error[E0201]"));
}

#[test]
fn forced_dialect_is_reported() {
    let seed = manifest_dir().join("../schema/seed.tl");
    let out = tl(&[
        "check",
        path_str(&seed),
        "--dialect",
        "telegram",
        "--format=json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["files"][0]["dialect"], "telegram");
    assert_eq!(report["files"][0]["dialect_forced"], true);
    assert_eq!(report["files"][0]["layer"], Value::Null);
}

#[test]
fn unknown_flag_is_a_usage_error_listing_valid_flags() {
    let out = tl(&["check", "--frobnicate", "x.tl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--frobnicate"), "{err}");
    assert!(
        err.contains("--allow-id-mismatch"),
        "valid flags listed: {err}"
    );

    let out = tl(&["check", "x.tl", "--dialect", "klingon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("klingon"));

    let out = tl(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown command"));
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let missing = std::env::temp_dir().join("tl-cli-definitely-missing.tl");
    for cmd in ["check", "ids"] {
        let out = tl(&[cmd, path_str(&missing)]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            stderr(&out).contains(path_str(&missing)),
            "{cmd}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn help_prints_usage() {
    let out = tl(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    for cmd in ["check", "ids", "diff"] {
        assert!(stdout(&out).contains(cmd));
        let out = tl(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains(&format!("Usage: tl {cmd}")));
    }
    let out = tl(&[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_lists_what_api_tl_adds_to_layer_227() {
    let telegram = corpus().join("telegram");
    let old = telegram.join("layers/api-227.tl");
    let new = telegram.join("api.tl");
    let out = tl(&["diff", path_str(&old), path_str(&new), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    let names = |key: &str| -> BTreeSet<String> {
        report[key]
            .as_array()
            .expect("array")
            .iter()
            .map(|d| d["name"].as_str().expect("name").to_string())
            .collect()
    };
    let added = names("added");
    let removed = names("removed");
    let changed = names("changed");
    // Independently: names in api.tl that api-227.tl lacks.
    let def_names = |path: &Path| -> BTreeSet<String> {
        let out = tl(&["ids", path_str(path)]);
        stdout(&out)
            .lines()
            .map(|l| l.split('\t').next().expect("name column").to_string())
            .collect()
    };
    let (old_names, new_names) = (def_names(&old), def_names(&new));
    let want_added: BTreeSet<String> = new_names.difference(&old_names).cloned().collect();
    let want_removed: BTreeSet<String> = old_names.difference(&new_names).cloned().collect();
    assert_eq!(added, want_added);
    assert_eq!(removed, want_removed);
    assert!(added.contains("community"), "{added:?}");
    assert!(added.contains("communityFull"), "{added:?}");
    assert!(changed.contains("user"), "{changed:?}");

    let summary = &report["summary"];
    assert_eq!(summary["added"].as_u64(), Some(added.len() as u64));
    assert_eq!(summary["removed"].as_u64(), Some(removed.len() as u64));
    assert_eq!(summary["changed"].as_u64(), Some(changed.len() as u64));
    let reids = report["changed"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|c| c["id_changed"] == true)
        .count();
    assert_eq!(summary["reidentified"].as_u64(), Some(reids as u64));

    let out = tl(&["diff", path_str(&old), path_str(&new)]);
    assert_eq!(out.status.code(), Some(0));
    let human = stdout(&out);
    let line = format!(
        "+{} -{} ~{} ({reids} re-id'd)",
        added.len(),
        removed.len(),
        changed.len()
    );
    assert_eq!(human.lines().last(), Some(line.as_str()), "{human}");
    assert!(human.contains("  + community#"), "{human}");
}

#[test]
fn diff_227_to_230_shows_users_change_as_one_added_field_classified() {
    let old = corpus().join("telegram/layers/api-227.tl");
    let new = corpus().join("grammers/api-230.tl");
    let out = tl(&["diff", path_str(&old), path_str(&new), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    let user = report["changed"]
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["name"] == "user")
        .expect("`user` changed");
    assert_eq!(
        user["deltas"],
        serde_json::json!([{"kind": "added", "param": "linked_community_id:flags2.21?long"}])
    );
    assert_eq!(user["wire"]["level"], "breaking");
    assert!(user["wire"]["reason"]
        .as_str()
        .expect("reason")
        .contains("cannot decode the new constructor"));
    assert_eq!(user["source"], "exhaustive");
    assert_eq!(
        user["rust"],
        serde_json::json!([{
            "level": "exhaustive",
            "item": "types::User",
            "what": "new optional field `linked_community_id: Option<i64>` (`..User::new(..)` still compiles)"
        }])
    );
    let changelog = report["changelog"].as_str().expect("changelog");
    assert!(
        changelog.contains(
            "- `user`: new id 31774388 -> b1b8cc83 (`+ linked_community_id:flags2.21?long`)\n"
        ),
        "{changelog}"
    );
    // The summary counts agree with the entries.
    let entries = |key: &str| report[key].as_array().expect("array").clone();
    let (changed, added, removed) = (entries("changed"), entries("added"), entries("removed"));
    let rust_only = entries("rust_only");
    let summary = &report["summary"];
    let wire_breaking = changed
        .iter()
        .filter(|c| c["wire"]["level"] == "breaking")
        .count()
        + removed.len();
    assert_eq!(
        summary["wire_breaking"].as_u64(),
        Some(wire_breaking as u64)
    );
    for level in ["breaking", "exhaustive"] {
        let n = changed
            .iter()
            .chain(&added)
            .chain(&removed)
            .filter(|e| e["source"] == level)
            .count()
            + rust_only.iter().filter(|r| r["level"] == level).count();
        assert!(n > 0, "no {level} change");
        assert_eq!(summary[format!("source_{level}")].as_u64(), Some(n as u64));
    }

    // The same in the text output: the delta line, then the verdicts.
    let out = tl(&["diff", path_str(&old), path_str(&new)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let human = stdout(&out);
    let at = human
        .find("  ~ user (id 31774388 -> b1b8cc83)\n")
        .expect("user's change is listed");
    let lines: Vec<&str> = human[at..].lines().take(4).collect();
    assert_eq!(lines[1], "      + linked_community_id:flags2.21?long");
    assert!(lines[2].starts_with("      wire breaking: new id 31774388 -> b1b8cc83"));
    assert!(lines[3].starts_with("      rust exhaustive: types::User: new optional field"));

    // `--changelog` prints the changelog alone.
    let out = tl(&["diff", path_str(&old), path_str(&new), "--changelog"]);
    assert_eq!(stdout(&out), changelog);
}

#[test]
fn diff_needs_two_files() {
    let seed = manifest_dir().join("../schema/seed.tl");
    let out = tl(&["diff", path_str(&seed)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("OLD and NEW"));
}

/// The layer-223 docs JSON in the corpus.
fn docs_223() -> PathBuf {
    corpus().join("telegram/docs/api-docs-223.json")
}

/// `(documented, total)` of `category` in a coverage line such as
/// `  docs api-docs-223.json (layer 223): methods 756/850 (88.9%), …`.
fn coverage_count(line: &str, category: &str) -> (u64, u64) {
    let key = format!(" {category} ");
    let start = line
        .find(&key)
        .unwrap_or_else(|| panic!("no {category} in {line}"))
        + key.len();
    let fraction = line[start..]
        .split_whitespace()
        .next()
        .expect("a count follows the category");
    let (documented, total) = fraction.split_once('/').expect("documented/total");
    (
        documented.parse().expect("documented is a number"),
        total.parse().expect("total is a number"),
    )
}

#[test]
fn check_reports_docs_coverage_without_failing() {
    let schema = corpus().join("grammers/api-230.tl");
    let docs = docs_223();
    let out = tl(&["check", path_str(&schema), "--docs", path_str(&docs)]);
    // Layer-223 docs against a layer-230 schema leave gaps both ways; gaps
    // are reported, not errors.
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with(path_str(&schema)), "{text}");
    let line = lines[1];
    assert!(
        line.starts_with("  docs api-docs-223.json (layer 223): methods "),
        "coverage line right after the header:\n{text}"
    );
    assert!(line.ends_with("nothing in this file"), "{line}");

    let out = tl(&[
        "check",
        path_str(&schema),
        "--docs",
        path_str(&docs),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    let coverage = &report["files"][0]["docs"];
    assert_eq!(coverage["layer"].as_u64(), Some(223), "{coverage}");
    assert_eq!(coverage["path"].as_str(), Some(path_str(&docs)));
    for category in ["methods", "constructors", "types", "parameters"] {
        let (documented, total) = coverage_count(line, category);
        assert!(documented < total, "{category}: {line}");
        if category != "types" {
            assert!(
                documented * 10 > total * 8,
                "{category} mostly documented: {line}"
            );
        }
        assert_eq!(coverage[category]["documented"].as_u64(), Some(documented));
        assert_eq!(coverage[category]["total"].as_u64(), Some(total));
    }
    for (key, phrase) in [
        ("methods_with_errors", "methods list errors"),
        ("errors", "known errors"),
        ("unmatched_entries", "docs entries name nothing"),
    ] {
        let n = coverage[key].as_u64().expect("a count");
        assert!(n > 0, "{key}: {coverage}");
        assert!(line.contains(&format!("; {n} {phrase}")), "{key}: {line}");
    }

    // Without --docs the key is absent, not null.
    let out = tl(&["check", path_str(&schema), "--format", "json"]);
    assert!(json(&out)["files"][0].get("docs").is_none());
}

#[test]
fn expand_with_docs_types_the_documented_errors() {
    let schema = corpus().join("grammers/api-230.tl");
    let docs = docs_223();
    let args = [
        "expand",
        path_str(&schema),
        "--docs",
        path_str(&docs),
        "--only",
        "phone.inviteToGroupCall",
    ];
    let out = tl(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let code = stdout(&out);
    for wanted in [
        "pub enum InviteToGroupCallError",
        "UserAlreadyInvited",
        "You have already invited this user.",
    ] {
        assert!(code.contains(wanted), "no `{wanted}` in the expansion");
    }

    let out = tl(&[&args[..], &["--no-errors"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let code = stdout(&out);
    assert!(!code.contains("InviteToGroupCallError"));
    assert!(
        code.contains("Possible errors"),
        "the table stays in rustdoc"
    );
    assert!(code.contains("You have already invited this user."));
}

#[test]
fn malformed_docs_is_a_usage_error_with_its_position() {
    let seed = manifest_dir().join("../schema/seed.tl");
    let bad = temp_file(
        "bad-docs.json",
        "{\"index\": {\"layer\": 223},\n  \"methods\": [1,]}\n",
    );
    let not_docs = temp_file("not-docs.json", "{}\n");
    for (path, position) in [(&bad, ":2:17: "), (&not_docs, ":1:1: ")] {
        for cmd in ["check", "expand"] {
            let out = tl(&[cmd, path_str(&seed), "--docs", path_str(path)]);
            assert_eq!(out.status.code(), Some(2), "{cmd}");
            assert!(stdout(&out).is_empty(), "{cmd}: no partial report");
            let err = stderr(&out);
            let located = format!("{}{position}", path.display());
            assert!(err.contains(&located), "{cmd}: no `{located}` in {err}");
        }
    }
    fs::remove_file(bad).ok();
    fs::remove_file(not_docs).ok();

    let missing = std::env::temp_dir().join("tl-cli-definitely-missing.json");
    let out = tl(&["check", path_str(&seed), "--docs", path_str(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));

    let out = tl(&["expand", path_str(&seed), "--no-errors"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-errors needs --docs"));
}

#[test]
fn decode_prints_a_tree_and_json_and_names_where_bad_bytes_fail() {
    let features = manifest_dir().join("../schema/features.tl");
    let schema = path_str(&features);
    // textEntityNested#b0db9727 offset:1 length:2 inner:textEntityBold#0ea70f5e 3 4
    let hex = "2797dbb0 01000000 02000000 5e0fa70e 03000000 04000000";
    let out = tl(&["decode", schema, "--type", "TextEntity", "--hex", hex]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "textEntityNested#b0db9727 {\n  offset: 1\n  length: 2\n  inner: textEntityBold#0ea70f5e {\n    offset: 3\n    length: 4\n  }\n}\n"
    );
    let out = tl(&["decode", schema, "--hex", hex, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out),
        serde_json::json!({
            "_": "textEntityNested", "_id": "b0db9727", "offset": 1, "length": 2,
            "inner": {"_": "textEntityBold", "_id": "0ea70f5e", "offset": 3, "length": 4}
        })
    );
    // The same bytes from a file.
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(9)
        .flat_map(|i| {
            (0..4).map(move |k| u8::from_str_radix(&hex[i + 2 * k..i + 2 * k + 2], 16).unwrap())
        })
        .collect();
    let file = temp_file("decode.bin", "");
    fs::write(&file, &bytes).expect("temp dir is writable");
    let out = tl(&["decode", schema, "--file", path_str(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("textEntityNested#b0db9727 {"));

    let out = tl(&[
        "decode",
        schema,
        "--hex",
        "2797dbb0 01000000 02000000 efbeadde",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "tl: error: textEntityNested.inner: unknown constructor 0xdeadbeef for type TextEntity at byte 12\n"
    );
    let out = tl(&["decode", schema, "--type", "Nope", "--hex", "00000000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no boxed type `Nope`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn expand_only_takes_a_type_name_and_suggests_for_a_typo() {
    let schema = corpus().join("grammers/api-230.tl");
    let out = tl(&["expand", path_str(&schema), "--only", "InputPeer"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let code = stdout(&out);
    for wanted in [
        "pub struct InputPeerEmpty",
        "pub struct InputPeerSelf",
        "pub struct InputPeerUser",
    ] {
        assert!(code.contains(wanted), "no `{wanted}` in the expansion");
    }
    assert!(
        !code.contains("pub struct Message "),
        "only what InputPeer reaches"
    );

    let out = tl(&["expand", path_str(&schema), "--only", "InputPer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `InputPeer`?"),
        "{}",
        stderr(&out)
    );
}

/// A schema the parser accepts but the generator cannot generate (a generic
/// constructor, which the `generic_misuse` UI test shows `tl!` rejecting)
/// fails `tl check` with the generator's own finding: same code, message and
/// position.
#[test]
fn check_rejects_what_the_generator_rejects_with_the_same_diagnostic() {
    let text = "ok = Ok;\nbox {X:Type} value:!X = Box;\n";
    assert!(
        !tl_parser::parse(text, &tl_parser::Options::default()).has_errors(),
        "the parser alone accepts it"
    );
    let file = tl_parser::SourceFile::new("generic.tl", text);
    let Err(tl_codegen::Error::Schema(rejected)) =
        tl_codegen::generate(&[file], &tl_codegen::Options::default())
    else {
        panic!("the generator accepts a generic constructor");
    };
    let path = temp_file("generic.tl", text);
    let out = tl(&["check", path_str(&path), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let report = json(&out);
    let found: Vec<(String, String, u64, u64)> = diagnostics(&report["files"][0])
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, u64, u64)> = rejected
        .iter()
        .map(|l| {
            (
                l.diagnostic.code.as_str().to_string(),
                l.diagnostic.message.clone(),
                l.line as u64,
                l.column as u64,
            )
        })
        .collect();
    assert_eq!(found, expected);
    assert!(found[0]
        .1
        .contains("does not support a generic constructor"));
    let human = stdout(&tl(&["check", path_str(&path)]));
    assert!(
        human.contains("error[E0301]: code generation does not support a generic constructor"),
        "{human}"
    );
    fs::remove_file(path).ok();
}
