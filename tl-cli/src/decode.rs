//! `tl decode`: TL bytes as a tree of constructors and fields, read against
//! a schema without generating code.

use crate::args::{Arg, Args, Format};
use crate::command::{Command, Outcome};
use crate::render;
use crate::stop::Stop;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use tl_cli::decoder::{decode, Expect};
use tl_cli::value_text::{text, Json};
use tl_codegen::model::Model;
use tl_codegen::{Error, Options};
use tl_parser::SourceFile;
use tl_runtime::Config;

/// The `decode` subcommand.
pub const COMMAND: Command = Command {
    name: "decode",
    summary: "decode TL bytes against a schema, without generating code",
    usage: "\
Decode one TL value against a schema and print it as a tree of constructors,
fields and values, named as in the types `tl!` generates. Several SCHEMA
files form one schema. The bytes come from --hex, --file, or stdin (raw).

Usage: tl decode SCHEMA... [--type TYPE | --function] [--hex HEX | --file FILE] [OPTIONS]

Options:
      --type TYPE               the boxed type to expect (`Updates`; default:
                                any constructor of the schema)
      --function                expect a function call
      --hex HEX                 the bytes in hex; spaces and a 0x are allowed
      --file FILE               the bytes, raw
      --dialect telegram|tdlib  id rule to use (default: detected)
      --format human|json       output format (default: human)
  -h, --help                    print this help

A `gzip_packed` value is unpacked and decoded as what it stands for, unless
--type names its own type.

Decoding has the runtime's limits: nesting depth 256, vector counts checked
against the remaining input, no trailing bytes. An error names the byte
offset and the fields that led there.

Exit status: 0 on success, 1 if the schema has errors or the bytes do not
decode (printed to stderr), 2 on usage or I/O errors.
",
    flags: &[
        "--type",
        "--function",
        "--hex",
        "--file",
        "--dialect",
        "--format",
        "--help",
    ],
    run,
};

fn run(mut args: Args) -> Result<Outcome, Stop> {
    let mut paths = Vec::new();
    let mut options = Options {
        // Ids are read from the wire as declared, whatever they hash to.
        allow_id_mismatch: vec!["*".to_string()],
        ..Options::default()
    };
    let mut type_name = None;
    let mut function = false;
    let mut hex = None;
    let mut file = None;
    let mut format = Format::default();
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Value(path) => paths.push(PathBuf::from(path)),
            Arg::Flag(flag) => match flag.as_str() {
                "--type" => type_name = Some(args.value()?),
                "--function" => function = true,
                "--hex" => hex = Some(args.value()?),
                "--file" => file = Some(PathBuf::from(args.value()?)),
                "--dialect" => options.dialect = Some(args.dialect()?),
                "--format" => format = args.parsed_value()?,
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    if paths.is_empty() {
        return Err(args.usage("expected at least one SCHEMA file"));
    }
    if type_name.is_some() && function {
        return Err(args.usage("--type and --function exclude each other"));
    }
    let bytes = match (hex, file) {
        (Some(_), Some(_)) => return Err(args.usage("--hex and --file exclude each other")),
        (Some(text), None) => parse_hex(&text).map_err(|e| args.usage(e))?,
        (None, Some(path)) => std::fs::read(&path).map_err(|error| Stop::Read { path, error })?,
        (None, None) => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| Stop::Read {
                    path: PathBuf::from("<stdin>"),
                    error,
                })?;
            bytes
        }
    };
    let mut files = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|error| Stop::Read {
            path: path.clone(),
            error,
        })?;
        files.push(SourceFile::new(path.display().to_string(), text));
    }
    let model = match tl_codegen::resolve(&files, &options) {
        Ok(resolved) => resolved.model,
        Err(Error::Schema(diagnostics)) => {
            render::generator_errors(&files, &diagnostics)?;
            return Ok(Outcome::Errors);
        }
        Err(other) => return Err(args.usage(other.to_string())),
    };
    let expect = match (&type_name, function) {
        (Some(name), _) => Expect::Type(find_type(&model, name).map_err(|e| args.usage(e))?),
        (None, true) => Expect::Function,
        (None, false) => Expect::AnyConstructor,
    };
    let value = match decode(&model, &bytes, expect, &Config::new()) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("tl: error: {e}");
            return Ok(Outcome::Errors);
        }
    };
    let mut out = io::stdout().lock();
    match format {
        Format::Human => out.write_all(text(&model, &value).as_bytes())?,
        Format::Json => {
            let json = Json {
                model: &model,
                value: &value,
            };
            serde_json::to_writer_pretty(&mut out, &json).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// The boxed type named `name` (TL name, or the generated enum's name).
fn find_type(model: &Model, name: &str) -> Result<usize, String> {
    if let Some(i) = model
        .types
        .iter()
        .position(|t| t.tl_name == name || t.rust_name == name)
    {
        return Ok(i);
    }
    let close = model
        .types
        .iter()
        .find(|t| t.tl_name.eq_ignore_ascii_case(name) || t.tl_name.ends_with(name))
        .map(|t| format!("; did you mean `{}`?", t.tl_name))
        .unwrap_or_default();
    Err(format!("the schema has no boxed type `{name}`{close}"))
}

/// Bytes from hex text; whitespace, a leading `0x` and `:`/`,` separators
/// are allowed, so that dumps paste as they are.
fn parse_hex(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim();
    let text = text.strip_prefix("0x").unwrap_or(text);
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':' && *b != b',')
        .collect();
    if digits.len() % 2 != 0 {
        return Err(format!(
            "--hex has {} digits, not whole bytes",
            digits.len()
        ));
    }
    digits
        .chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).unwrap_or("??");
            u8::from_str_radix(s, 16).map_err(|_| format!("--hex: `{s}` is not a hex byte"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_accepts_spaces_and_a_prefix() {
        assert_eq!(
            parse_hex("0x15 c4 b5 1c\n00 00").unwrap(),
            [0x15, 0xc4, 0xb5, 0x1c, 0, 0]
        );
        assert_eq!(parse_hex("ab:cd").unwrap(), [0xab, 0xcd]);
        assert!(parse_hex("abc").unwrap_err().contains("3 digits"));
        assert!(parse_hex("zz").unwrap_err().contains("`zz`"));
    }
}
