//! `tl check`: parse, validate and resolve schema files as `tl!` does,
//! report counts and diagnostics.
//!
//! Files that form one schema (see [`crate::schemas`]) are checked
//! together.

use crate::args::{Arg, Args, Format};
use crate::check_json::{CheckReport, DocsReport};
use crate::command::{Command, Outcome};
use crate::counts::Counts;
use crate::docs;
use crate::files::schema_files;
use crate::load::{load, Loaded};
use crate::render;
use crate::schemas;
use crate::stop::Stop;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tl_parser::Options;

/// The `check` subcommand.
pub const COMMAND: Command = Command {
    name: "check",
    summary: "parse, validate and resolve schemas as `tl!` does, printing counts and diagnostics",
    usage: "\
Parse and validate TL schemas, and resolve them as `tl!` does, printing each
file's counts and diagnostics: a schema `tl check` passes is one `tl!`
accepts.

Usage: tl check PATH... [OPTIONS]

PATH is a schema file or a directory (every *.tl below it, recursively).
Each file is a schema of its own, except that a file using types that only
one other file given defines is checked together with it, as one schema
(as `tl!` reads `include = [\"a.tl\", \"b.tl\"]`).

Options:
      --dialect telegram|tdlib  id rule to use (default: detected per file)
      --allow-id-mismatch NAME  accept a declared id that differs from the
                                computed one, or repeats another (repeatable;
                                `*` matches any text, e.g. `*Legacy`)
      --no-known-deviations     report the published id deviations that are
                                accepted by default (each printed as a note)
                                as errors
      --strict                  report undefined types as errors
      --docs PATH.json          also report how much of each file the API
                                docs JSON describes (gaps are not errors)
      --format human|json       output format (default: human)
  -h, --help                    print this help

Exit status: 0 if no errors (warnings and notes are fine), 1 if any error,
2 on usage or I/O errors.
",
    flags: &[
        "--dialect",
        "--allow-id-mismatch",
        "--no-known-deviations",
        "--strict",
        "--docs",
        "--format",
        "--help",
    ],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options::default();
    let mut format = Format::default();
    let mut docs_path = None;
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--dialect" => options.dialect = Some(args.dialect()?),
                "--allow-id-mismatch" => options.allow_id_mismatch.push(args.value()?),
                "--no-known-deviations" => options.known_deviations = false,
                "--strict" => options.strict = true,
                "--docs" => docs_path = Some(PathBuf::from(args.value()?)),
                "--format" => format = args.parsed_value()?,
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    if paths.is_empty() {
        return Err(args.usage("no PATH given"));
    }
    // Read everything before printing anything, so an unreadable file stops
    // the command before half a report (or half a JSON document) is out.
    let docs = docs_path.as_deref().map(docs::load).transpose()?;
    let mut loaded = schema_files(&paths)?
        .iter()
        .map(|path| load(path, &options))
        .collect::<Result<Vec<_>, _>>()?;
    let groups = schemas::group(&loaded);
    for members in &groups {
        schemas::join(&mut loaded, members);
        schemas::resolve(&mut loaded, members, &options);
    }
    let report = CheckReport::new(&loaded, &groups, docs.as_ref());
    match format {
        Format::Human => print_human(&loaded, groups.len(), &report)?,
        Format::Json => {
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(Outcome::from_errors(report.errors > 0))
}

fn print_human(loaded: &[Loaded], schemas: usize, report: &CheckReport) -> io::Result<()> {
    let (mut out, style) = render::stdout();
    for (file, file_report) in loaded.iter().zip(&report.files) {
        print_file_header(&mut out, file)?;
        if !file_report.one_schema_with.is_empty() {
            writeln!(
                out,
                "  one schema with {}",
                file_report.one_schema_with.join(", ")
            )?;
        }
        if let Some(coverage) = &file_report.docs {
            print_docs_coverage(&mut out, coverage)?;
        }
        render::diagnostics(&mut out, style, &file.source, &file.parsed.diagnostics)?;
    }
    let files = plural(report.files.len(), "file");
    let files = if schemas == report.files.len() {
        files
    } else {
        format!("{files} as {}", plural(schemas, "schema"))
    };
    writeln!(
        out,
        "checked {files}: {}, {}, {}",
        plural(report.errors, "error"),
        plural(report.warnings, "warning"),
        plural(report.notes, "note"),
    )?;
    out.flush()
}

/// `path: 8 constructors, 1 function, 1 boxed type, layer 227, dialect telegram (detected)`
fn print_file_header(out: &mut dyn Write, file: &Loaded) -> io::Result<()> {
    let counts = Counts::of(&file.parsed.schema);
    writeln!(
        out,
        "{}: {}, {}, {}, {}, dialect {}",
        file.source.name(),
        plural(counts.constructors, "constructor"),
        plural(counts.functions, "function"),
        plural(counts.boxed_types, "boxed type"),
        layer(file.parsed.schema.layer),
        file.dialect_label(),
    )
}

/// `  docs api-docs-223.json (layer 223): methods 756/850 (88.9%), …; 580 methods
/// list errors; 724 known errors; 22 docs entries name nothing in this file`
///
/// The docs are named by file name only: the line sits under the schema's
/// header, and the full path is in `--format json`.
fn print_docs_coverage(out: &mut dyn Write, c: &DocsReport) -> io::Result<()> {
    let path = Path::new(&c.path);
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    writeln!(
        out,
        "  docs {name} ({}): methods {}, constructors {}, types {}, parameters {}; {}; {}; {} nothing in this file",
        layer(c.layer),
        c.methods,
        c.constructors,
        c.types,
        c.parameters,
        counted(c.methods_with_errors, "method lists errors", "methods list errors"),
        plural(c.errors, "known error"),
        counted(c.unmatched_entries, "docs entry names", "docs entries name"),
    )
}

/// `"layer 227"` or `"no layer"`.
fn layer(layer: Option<u32>) -> String {
    match layer {
        Some(n) => format!("layer {n}"),
        None => "no layer".to_string(),
    }
}

fn plural(n: usize, noun: &str) -> String {
    counted(n, noun, &format!("{noun}s"))
}

/// `"1 {one}"` or `"{n} {many}"`, for phrases whose verb agrees too.
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
