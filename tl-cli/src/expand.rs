//! `tl expand`: the code `tl!` generates for a schema, formatted for reading.

use crate::args::{Arg, Args};
use crate::command::{Command, Outcome};
use crate::docs;
use crate::render;
use crate::stop::Stop;
use std::io::{self, Write};
use std::path::PathBuf;
use tl_codegen::{Error, Options};
use tl_parser::SourceFile;

/// The `expand` subcommand.
pub const COMMAND: Command = Command {
    name: "expand",
    summary: "print the Rust code tl! generates for a schema",
    usage: "\
Print the Rust code that `tl!` generates for a schema, formatted. Several
FILEs form one schema (as `include = [..]` does).

Usage: tl expand FILE... [OPTIONS]

Options:
      --only NAME               keep NAME and what it reaches (repeatable);
                                a type name keeps all of its constructors
      --dialect telegram|tdlib  id rule to use (default: detected)
      --allow-id-mismatch NAME  accept a declared id that differs from the
                                computed one (repeatable)
      --no-known-deviations     refuse the published id deviations that are
                                accepted by default
      --derive PATH             add a derive to every type (repeatable)
      --docs PATH.json          Telegram API docs JSON: descriptions into
                                rustdoc, documented errors into typed enums
      --no-errors               with --docs: keep the error tables in rustdoc
                                but generate no error enums
  -h, --help                    print this help

Exit status: 0 on success, 1 if the schema has errors (printed to stderr),
2 on usage or I/O errors.
",
    flags: &[
        "--only",
        "--dialect",
        "--allow-id-mismatch",
        "--no-known-deviations",
        "--derive",
        "--docs",
        "--no-errors",
        "--help",
    ],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options::default();
    let mut docs_path = None;
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--only" => options.only.push(args.value()?),
                "--dialect" => options.dialect = Some(args.dialect()?),
                "--allow-id-mismatch" => options.allow_id_mismatch.push(args.value()?),
                "--no-known-deviations" => options.known_deviations = false,
                "--derive" => options.derives.push(args.value()?),
                "--docs" => docs_path = Some(PathBuf::from(args.value()?)),
                "--no-errors" => options.typed_errors = false,
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    if paths.is_empty() {
        return Err(args.usage("expected at least one FILE"));
    }
    match docs_path {
        Some(path) => options.docs = Some(docs::load(&path)?.docs),
        // Without docs there are no errors to type: the flag would do nothing.
        None if !options.typed_errors => return Err(args.usage("--no-errors needs --docs")),
        None => {}
    }
    let mut files = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|error| Stop::Read {
            path: path.clone(),
            error,
        })?;
        files.push(SourceFile::new(path.display().to_string(), text));
    }
    match tl_codegen::generate(&files, &options) {
        Ok(generated) => {
            let mut out = io::stdout().lock();
            out.write_all(tl_codegen::format(generated.tokens).as_bytes())?;
            out.flush()?;
            Ok(Outcome::Clean)
        }
        Err(Error::Schema(diagnostics)) => {
            render::generator_errors(&files, &diagnostics)?;
            Ok(Outcome::Errors)
        }
        Err(other) => Err(args.usage(other.to_string())),
    }
}
