//! `tl ids`: the wire id of every definition, one per line.

use crate::args::{Arg, Args};
use crate::command::{Command, Outcome};
use crate::load::load;
use crate::render;
use crate::stop::Stop;
use std::io::{self, Write};
use std::path::PathBuf;
use tl_parser::{Definition, Options};

/// The `ids` subcommand.
pub const COMMAND: Command = Command {
    name: "ids",
    summary: "print every definition's wire id",
    usage: "\
Print every definition's wire id, in file order, as tab-separated
`name  id  constructor|function` lines (the id as 8 lowercase hex digits:
the declared `#id` if present, else the computed one).

Usage: tl ids FILE [OPTIONS]

Options:
      --dialect telegram|tdlib  id rule to use (default: detected)
  -h, --help                    print this help

Exit status: 0 on success, 1 if the file has syntax errors (printed to
stderr), 2 on usage or I/O errors.
",
    flags: &["--dialect", "--help"],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options::default();
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--dialect" => options.dialect = Some(args.dialect()?),
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    let [path] = paths.as_slice() else {
        return Err(args.usage(format!("expected one FILE, got {}", paths.len())));
    };
    let file = load(path, &options)?;
    if render::parse_errors(&file)? {
        return Ok(Outcome::Errors);
    }
    let mut out = io::stdout().lock();
    for def in &file.parsed.schema.definitions {
        writeln!(out, "{}", id_row(def))?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// `name<TAB>id<TAB>kind`, the format of the golden `.ids.tsv` files.
fn id_row(def: &Definition) -> String {
    format!("{}\t{:08x}\t{}", def.name.text, def.id(), kind(def))
}

/// `function` for definitions in a functions section, else `constructor`
/// (builtins too: the reference `.tlo` lists `int`, `long`, … as constructors).
pub fn kind(def: &Definition) -> &'static str {
    if def.is_function() {
        "function"
    } else {
        "constructor"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_use_the_wire_id_and_kind() {
        let src = "int ? = Int;\nfoo#0000abcd x:int = Foo;\n---functions---\nbar x:int = Foo;\n";
        let parsed = tl_parser::parse_str(src);
        let rows: Vec<_> = parsed.schema.definitions.iter().map(id_row).collect();
        assert_eq!(rows[0].split('\t').nth(2), Some("constructor"));
        assert_eq!(rows[1], "foo\t0000abcd\tconstructor");
        let bar = &parsed.schema.definitions[2];
        assert_eq!(rows[2], format!("bar\t{:08x}\tfunction", bar.computed_id));
    }
}
