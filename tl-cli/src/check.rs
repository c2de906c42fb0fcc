//! `tl check`: parse and validate schema files, report counts and diagnostics.

use crate::args::{Arg, Args, Format};
use crate::check_json::CheckReport;
use crate::command::{Command, Outcome};
use crate::counts::Counts;
use crate::files::schema_files;
use crate::load::{load, Loaded};
use crate::render;
use crate::stop::Stop;
use codespan_reporting::term::termcolor::WriteColor;
use std::io::{self, Write};
use std::path::PathBuf;
use tl_parser::Options;

/// The `check` subcommand.
pub const COMMAND: Command = Command {
    name: "check",
    summary: "parse and validate schemas, printing counts and diagnostics",
    usage: "\
Parse and validate TL schemas, printing each file's counts and diagnostics.

Usage: tl check PATH... [OPTIONS]

PATH is a schema file or a directory (every *.tl below it, recursively).

Options:
      --dialect telegram|tdlib  id rule to use (default: detected per file)
      --allow-id-mismatch NAME  accept a declared id that differs from the
                                computed one, or repeats another (repeatable;
                                `*` matches any text, e.g. `*Legacy`)
      --strict                  report undefined types as errors
      --format human|json       output format (default: human)
  -h, --help                    print this help

Exit status: 0 if no errors (warnings are fine), 1 if any error,
2 on usage or I/O errors.
",
    flags: &[
        "--dialect",
        "--allow-id-mismatch",
        "--strict",
        "--format",
        "--help",
    ],
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
                "--allow-id-mismatch" => options.allow_id_mismatch.push(args.value()?),
                "--strict" => options.strict = true,
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
    let loaded = schema_files(&paths)?
        .iter()
        .map(|path| load(path, &options))
        .collect::<Result<Vec<_>, _>>()?;
    let report = CheckReport::new(&loaded);
    match format {
        Format::Human => print_human(&loaded, &report)?,
        Format::Json => {
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(Outcome::from_errors(report.errors > 0))
}

fn print_human(loaded: &[Loaded], report: &CheckReport) -> io::Result<()> {
    let mut out = render::stdout();
    for file in loaded {
        print_file_header(&mut out, file)?;
        render::diagnostics(&mut out, &file.source, &file.parsed.diagnostics)?;
    }
    writeln!(
        out,
        "checked {}: {}, {}",
        plural(report.files.len(), "file"),
        plural(report.errors, "error"),
        plural(report.warnings, "warning"),
    )?;
    out.flush()
}

/// `path: 8 constructors, 1 function, 1 boxed type, layer 227, dialect telegram (detected)`
fn print_file_header(out: &mut dyn WriteColor, file: &Loaded) -> io::Result<()> {
    let counts = Counts::of(&file.parsed.schema);
    let layer = match file.parsed.schema.layer {
        Some(n) => format!("layer {n}"),
        None => "no layer".to_string(),
    };
    writeln!(
        out,
        "{}: {}, {}, {}, {layer}, dialect {}",
        file.source.name(),
        plural(counts.constructors, "constructor"),
        plural(counts.functions, "function"),
        plural(counts.boxed_types, "boxed type"),
        file.dialect_label(),
    )
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
