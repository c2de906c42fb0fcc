//! Reading a subcommand's arguments: a thin layer over `lexopt` that handles
//! `--help`, turns every malformed argument into a [`Stop`] that lists the
//! command's valid flags, and parses the values several commands share.

use crate::command::Command;
use crate::stop::Stop;
use std::ffi::OsString;
use std::str::FromStr;
use tl_parser::Dialect;

/// One argument, owned so that a command can match on it while still
/// borrowing [`Args`] to read the flag's value.
#[derive(Debug)]
pub enum Arg {
    /// A flag, spelled with its dashes (`--dialect`, `-h`).
    Flag(String),
    /// A positional argument (a path).
    Value(OsString),
}

/// The arguments after `tl <command>`.
pub struct Args {
    parser: lexopt::Parser,
    command: &'static Command,
}

impl Args {
    /// Reads `args` (without the program and command names) for `command`.
    pub fn new(args: impl IntoIterator<Item = OsString>, command: &'static Command) -> Self {
        Args {
            parser: lexopt::Parser::from_args(args),
            command,
        }
    }

    /// The next argument, or `None` at the end. `--help` and `-h` stop with
    /// the command's usage.
    pub fn next_arg(&mut self) -> Result<Option<Arg>, Stop> {
        let name = self.command.name;
        let arg = self.parser.next().map_err(|e| lexopt_error(name, e))?;
        Ok(match arg {
            None => None,
            Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) => {
                return Err(Stop::Help(self.command.usage.to_string()))
            }
            Some(lexopt::Arg::Long(name)) => Some(Arg::Flag(format!("--{name}"))),
            Some(lexopt::Arg::Short(c)) => Some(Arg::Flag(format!("-{c}"))),
            Some(lexopt::Arg::Value(v)) => Some(Arg::Value(v)),
        })
    }

    /// The value of the flag just returned (`--flag value` or `--flag=value`).
    pub fn value(&mut self) -> Result<String, Stop> {
        let value = self
            .parser
            .value()
            .map_err(|e| lexopt_error(self.command.name, e))?;
        value.into_string().map_err(|v| {
            self.usage(format!(
                "argument `{}` is not valid UTF-8",
                v.to_string_lossy()
            ))
        })
    }

    /// The value of the flag just returned, parsed with `FromStr`.
    pub fn parsed_value<T: FromStr<Err = String>>(&mut self) -> Result<T, Stop> {
        let text = self.value()?;
        text.parse().map_err(|e: String| self.usage(e))
    }

    /// A `--dialect` value.
    pub fn dialect(&mut self) -> Result<Dialect, Stop> {
        self.parsed_value()
    }

    /// The error for a flag this command does not know.
    pub fn unknown_flag(&self, flag: &str) -> Stop {
        self.usage(format!(
            "unknown flag `{flag}` for `tl {}`; valid flags: {}",
            self.command.name,
            self.command.flags.join(", ")
        ))
    }

    /// A usage error in this command.
    pub fn usage(&self, message: impl Into<String>) -> Stop {
        Stop::usage(self.command.name, message)
    }
}

fn lexopt_error(command: &'static str, error: lexopt::Error) -> Stop {
    Stop::usage(command, error.to_string())
}

/// How a report is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: rendered diagnostics and aligned text.
    #[default]
    Human,
    /// One JSON document on stdout, for tools.
    Json,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(Format::Human),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format `{other}`; expected `human` or `json`"
            )),
        }
    }
}
