//! `tl diff`: what changed between two schemas, by definition name.

use crate::args::{Arg, Args, Format};
use crate::command::{Command, Outcome};
use crate::compare::{compare, Change, SchemaDiff};
use crate::ids::kind;
use crate::load::load;
use crate::render;
use crate::stop::Stop;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;
use tl_parser::{Definition, Options};

/// The `diff` subcommand.
pub const COMMAND: Command = Command {
    name: "diff",
    summary: "list definitions added, removed and changed between two schemas",
    usage: "\
Compare two schemas by definition name: list the definitions added, removed,
and changed (new id, params or result; old and new lines are shown), then a
summary line such as `+41 -0 ~5 (5 re-id'd)`.

Usage: tl diff OLD NEW [OPTIONS]

Options:
      --dialect telegram|tdlib  id rule for both files (default: detected)
      --format human|json       output format (default: human)
  -h, --help                    print this help

Exit status: 0 (differences are information, not errors), 1 if a file has
syntax errors (printed to stderr), 2 on usage or I/O errors.
",
    flags: &["--dialect", "--format", "--help"],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options::default();
    let mut format = Format::default();
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--dialect" => options.dialect = Some(args.dialect()?),
                "--format" => format = args.parsed_value()?,
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    let [old_path, new_path] = paths.as_slice() else {
        return Err(args.usage(format!(
            "expected two files, OLD and NEW, got {}",
            paths.len()
        )));
    };
    let old = load(old_path, &options)?;
    let new = load(new_path, &options)?;
    // Both are reported, so one run shows every file that needs fixing.
    let old_broken = render::parse_errors(&old)?;
    let new_broken = render::parse_errors(&new)?;
    if old_broken || new_broken {
        return Ok(Outcome::Errors);
    }
    let diff = compare(&old.parsed.schema, &new.parsed.schema);
    let mut out = io::stdout().lock();
    match format {
        Format::Human => print_human(&mut out, &diff)?,
        Format::Json => {
            let report = DiffReport::new(old.source.name(), new.source.name(), &diff);
            serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn print_human(out: &mut dyn Write, diff: &SchemaDiff) -> io::Result<()> {
    if !diff.added.is_empty() {
        writeln!(out, "added ({}):", diff.added.len())?;
        for def in &diff.added {
            writeln!(out, "  + {def}")?;
        }
    }
    if !diff.removed.is_empty() {
        writeln!(out, "removed ({}):", diff.removed.len())?;
        for def in &diff.removed {
            writeln!(out, "  - {def}")?;
        }
    }
    if !diff.changed.is_empty() {
        writeln!(out, "changed ({}):", diff.changed.len())?;
        for change in &diff.changed {
            print_change(out, change)?;
        }
    }
    writeln!(out, "{}", diff.summary())
}

fn print_change(out: &mut dyn Write, change: &Change) -> io::Result<()> {
    let name = &change.new.name.text;
    if change.id_changed() {
        writeln!(
            out,
            "  ~ {name} (id {:08x} -> {:08x})",
            change.old.id(),
            change.new.id()
        )?;
    } else {
        writeln!(out, "  ~ {name}")?;
    }
    writeln!(out, "    - {}", change.old)?;
    writeln!(out, "    + {}", change.new)
}

/// The `tl diff --format json` document.
#[derive(Debug, Serialize)]
struct DiffReport<'a> {
    old: &'a str,
    new: &'a str,
    added: Vec<DefinitionReport>,
    removed: Vec<DefinitionReport>,
    changed: Vec<ChangeReport>,
    summary: Summary,
}

#[derive(Debug, Serialize)]
struct DefinitionReport {
    name: String,
    /// 8 lowercase hex digits, as in `tl ids`.
    id: String,
    kind: &'static str,
    /// The canonical TL line.
    line: String,
}

#[derive(Debug, Serialize)]
struct ChangeReport {
    name: String,
    id_changed: bool,
    old: DefinitionReport,
    new: DefinitionReport,
}

#[derive(Debug, Serialize)]
struct Summary {
    added: usize,
    removed: usize,
    changed: usize,
    reidentified: usize,
}

impl<'a> DiffReport<'a> {
    fn new(old: &'a str, new: &'a str, diff: &SchemaDiff) -> Self {
        let defs = |defs: &[&Definition]| defs.iter().map(|d| DefinitionReport::new(d)).collect();
        DiffReport {
            old,
            new,
            added: defs(&diff.added),
            removed: defs(&diff.removed),
            changed: diff
                .changed
                .iter()
                .map(|c| ChangeReport {
                    name: c.new.name.text.to_string(),
                    id_changed: c.id_changed(),
                    old: DefinitionReport::new(c.old),
                    new: DefinitionReport::new(c.new),
                })
                .collect(),
            summary: Summary {
                added: diff.added.len(),
                removed: diff.removed.len(),
                changed: diff.changed.len(),
                reidentified: diff.reidentified(),
            },
        }
    }
}

impl DefinitionReport {
    fn new(def: &Definition) -> Self {
        DefinitionReport {
            name: def.name.text.to_string(),
            id: format!("{:08x}", def.id()),
            kind: kind(def),
            line: def.to_string(),
        }
    }
}
