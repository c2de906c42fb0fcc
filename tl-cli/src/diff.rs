//! `tl diff`: what changed between two schemas, by definition name, field
//! by field, classified for the wire and for the generated Rust.

use crate::args::{Arg, Args, Format};
use crate::changelog::changelog;
use crate::command::{Command, Outcome};
use crate::compare::compare;
use crate::load::{load, Loaded};
use crate::render;
use crate::review::Review;
use crate::source_impact::{RustChange, SourceLevel};
use crate::stop::Stop;
use crate::wire_impact::WireLevel;
use std::io::{self, Write};
use std::path::PathBuf;
use tl_codegen::model::Model;
use tl_parser::{Dialect, Options, SourceFile};

/// The `diff` subcommand.
pub const COMMAND: Command = Command {
    name: "diff",
    summary: "list definitions added, removed and changed between two schemas",
    usage: "\
Compare two schemas by definition name: list the definitions added, removed,
and changed. A changed definition shows its parameters added (+), removed (-),
retyped or moved to another flag bit (~), and two verdicts:
  wire    breaking (new id: a peer on the other layer cannot decode it),
          silent (same id, other parameters: decoded and misread) or
          compatible (same id; e.g. a new `?true` flag, which old peers ignore);
  rust    for the code `tl!` generates: breaking (code that names, builds or
          matches the item), exhaustive (only exhaustive struct literals,
          patterns and matches: a new optional field, a new variant) or none.
Then a Markdown changelog, and a summary line such as `+41 -0 ~5 (5 re-id'd)`.

Usage: tl diff OLD NEW [OPTIONS]

Options:
      --dialect telegram|tdlib  id rule for both files (default: detected)
      --format human|json       output format (default: human)
      --changelog               print only the Markdown changelog
  -h, --help                    print this help

Exit status: 0 (differences are information, not errors), 1 if a file has
syntax errors (printed to stderr), 2 on usage or I/O errors.
",
    flags: &["--dialect", "--format", "--changelog", "--help"],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options::default();
    let mut format = Format::default();
    let mut only_changelog = false;
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--dialect" => options.dialect = Some(args.dialect()?),
                "--format" => format = args.parsed_value()?,
                "--changelog" => only_changelog = true,
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
    let old_model = model(&old, options.dialect);
    let new_model = model(&new, options.dialect);
    let models = match (&old_model, &new_model) {
        (Ok(o), Ok(n)) => Ok((o, n)),
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
    };
    let review = Review::new(old.source.name(), new.source.name(), &diff, models);
    let mut out = io::stdout().lock();
    match format {
        Format::Human if only_changelog => out.write_all(changelog(&review).as_bytes())?,
        Format::Human => {
            print_human(&mut out, &review)?;
            writeln!(out, "\n{}", changelog(&review))?;
            writeln!(out, "{}", diff.summary())?;
        }
        Format::Json => {
            let mut value = serde_json::to_value(&review).map_err(io::Error::from)?;
            value["changelog"] = changelog(&review).into();
            serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// The schema resolved as `tl!` resolves it, or why it cannot be. Id
/// deviations are accepted: they do not change the generated types.
fn model(loaded: &Loaded, dialect: Option<Dialect>) -> Result<Model, String> {
    let file = SourceFile::new(loaded.source.name(), loaded.source.text());
    let options = tl_codegen::Options {
        dialect,
        allow_id_mismatch: vec!["*".to_string()],
        ..tl_codegen::Options::default()
    };
    match tl_codegen::resolve(&[file], &options) {
        Ok(resolved) => Ok(resolved.model),
        Err(tl_codegen::Error::Schema(errors)) => Err(match errors.first() {
            Some(e) => format!(
                "`{}` does not resolve for code generation ({}:{}:{}: {})",
                e.file, e.file, e.line, e.column, e.diagnostic.message
            ),
            None => format!("`{}` does not resolve", loaded.source.name()),
        }),
        Err(other) => Err(other.to_string()),
    }
}

fn print_human(out: &mut dyn Write, review: &Review) -> io::Result<()> {
    if !review.added.is_empty() {
        writeln!(out, "added ({}):", review.added.len())?;
        for entry in &review.added {
            writeln!(out, "  + {}", entry.line)?;
            print_rust(out, &entry.rust)?;
        }
    }
    if !review.removed.is_empty() {
        writeln!(out, "removed ({}):", review.removed.len())?;
        for entry in &review.removed {
            writeln!(out, "  - {}", entry.line)?;
            print_rust(out, &entry.rust)?;
        }
    }
    if !review.changed.is_empty() {
        writeln!(out, "changed ({}):", review.changed.len())?;
        for change in &review.changed {
            if change.id_changed {
                writeln!(
                    out,
                    "  ~ {} (id {} -> {})",
                    change.name, change.old.id, change.new.id
                )?;
            } else {
                writeln!(out, "  ~ {}", change.name)?;
            }
            for delta in &change.deltas {
                writeln!(out, "      {delta}")?;
            }
            let level = match change.wire.level {
                WireLevel::Breaking => "breaking",
                WireLevel::Silent => "silent",
                WireLevel::Compatible => "compatible",
            };
            writeln!(out, "      wire {level}: {}", change.wire.reason)?;
            print_rust(out, &change.rust)?;
        }
    }
    if !review.rust_only.is_empty() {
        writeln!(
            out,
            "generated Rust only ({}): unchanged in TL",
            review.rust_only.len()
        )?;
        print_rust(out, &review.rust_only)?;
    }
    Ok(())
}

fn print_rust(out: &mut dyn Write, changes: &[RustChange]) -> io::Result<()> {
    for c in changes {
        let level = match c.level {
            SourceLevel::Breaking => "breaking",
            SourceLevel::Exhaustive => "exhaustive",
            SourceLevel::None => "none",
        };
        writeln!(out, "      rust {level}: {}: {}", c.item, c.what)?;
    }
    Ok(())
}
