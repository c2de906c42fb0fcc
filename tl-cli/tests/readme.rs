//! The README's `sh` blocks, run against the built `tl`, so that the README
//! cannot drift from the command: every example line runs from the root of
//! the checkout and succeeds, and every synopsis line (`tl check PATH...
//! [--strict]`) lists exactly the flags the command's `--help` lists.
//!
//! The README's Rust blocks are doc-tests of `tl-corpus`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tl-cli sits one level below the workspace root")
        .to_path_buf()
}

fn tl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tl"))
        .args(args)
        .current_dir(workspace_root())
        .output()
        .expect("run tl")
}

/// The command lines of the README's `sh` blocks, comments removed, with
/// `cargo run -p tl-cli --` read as `tl`. Other `cargo` lines (`cargo test
/// --workspace`) are left out: they are CI itself.
fn readme_command_lines() -> Vec<String> {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let line = line.trim();
        if line.starts_with("```") {
            in_sh = !in_sh && line == "```sh";
            continue;
        }
        if !in_sh || line.starts_with('#') || line.is_empty() {
            continue;
        }
        let command = line.split(" # ").next().unwrap_or(line).trim();
        if let Some(args) = command.strip_prefix("cargo run -p tl-cli -- ") {
            lines.push(format!("tl {args}"));
        } else if command.starts_with("tl ") {
            lines.push(command.to_string());
        } else {
            assert!(
                command.starts_with("cargo "),
                "an `sh` line this test does not know how to read: {command}"
            );
        }
    }
    lines
}

/// The flags in `text`: every `--name`.
fn flags(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.len() > 2 && w.starts_with("--"))
        .map(str::to_string)
        .collect()
}

/// The flags a command's `--help` lists as options (its indented lines that
/// start with a flag), `--help` itself left out.
fn help_flags(command: &str) -> BTreeSet<String> {
    let out = tl(&[command, "--help"]);
    assert_eq!(out.status.code(), Some(0), "tl {command} --help");
    let help = String::from_utf8(out.stdout).expect("UTF-8 help");
    let mut found: BTreeSet<String> = help
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("--") || l.starts_with("-h, --"))
        .filter_map(|l| flags(l.split("  ").next().unwrap_or(l)).into_iter().next())
        .collect();
    found.remove("--help");
    found
}

fn is_synopsis(line: &str) -> bool {
    line.contains('[') || line.contains("...")
}

#[test]
fn every_readme_synopsis_lists_exactly_the_flags_of_its_command() {
    let synopses: Vec<String> = readme_command_lines()
        .into_iter()
        .filter(|l| is_synopsis(l))
        .collect();
    let commands: BTreeSet<&str> = synopses
        .iter()
        .map(|l| l.split_whitespace().nth(1).expect("a command after `tl`"))
        .collect();
    assert_eq!(
        commands,
        BTreeSet::from(["check", "decode", "diff", "expand", "ids"]),
        "one synopsis per command: {synopses:#?}"
    );
    for line in &synopses {
        let command = line.split_whitespace().nth(1).expect("a command");
        assert_eq!(flags(line), help_flags(command), "README: {line}");
    }
}

#[test]
fn every_readme_example_runs_and_succeeds() {
    let examples: Vec<String> = readme_command_lines()
        .into_iter()
        .filter(|l| !is_synopsis(l))
        .collect();
    assert!(examples.len() >= 5, "README examples: {examples:#?}");
    for line in &examples {
        assert!(!line.contains(['"', '\'']), "quoting is not read: {line}");
        let args: Vec<&str> = line.split_whitespace().skip(1).collect();
        let out = tl(&args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "README: {line}\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!stdout.trim().is_empty(), "README: {line} printed nothing");
    }
}

/// The README's main job, `cargo run -p tl-cli -- check schema/`, is a clean
/// first run: the project's own schemas, seed.tl and seed-deps.tl as one.
#[test]
fn the_readme_main_job_checks_the_project_schemas_without_warnings() {
    let lines = readme_command_lines();
    assert!(lines.iter().any(|l| l == "tl check schema/"), "{lines:#?}");
    let out = tl(&["check", "schema/"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("checked 4 files as 3 schemas: 0 errors, 0 warnings, 0 notes"),
        "{stdout}"
    );
    assert!(
        stdout.contains("schema/seed.tl: 7 constructors, 1 function, 1 boxed type, no layer, dialect telegram (detected)\n  one schema with schema/seed-deps.tl"),
        "{stdout}"
    );
}
