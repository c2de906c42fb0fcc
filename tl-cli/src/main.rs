//! `tl`: a command-line toolkit for TL (Type Language) schemas.
//!
//! `main` only dispatches: each subcommand lives in its own module and
//! exports a [`command::Command`]; adding one is a module plus one entry in
//! [`COMMANDS`]. `tl decode`'s decoder is the library of this package.

#![forbid(unsafe_code)]

mod args;
mod changelog;
mod check;
mod check_json;
mod command;
mod compare;
mod counts;
mod decode;
mod delta;
mod diff;
mod docs;
mod expand;
mod files;
mod ids;
mod load;
mod render;
mod review;
mod schemas;
mod source_impact;
mod stop;
mod wire_impact;

use args::Args;
use command::Command;
use std::ffi::OsString;
use std::process::ExitCode;
use stop::Stop;

/// Every subcommand, in the order `tl --help` lists them.
static COMMANDS: &[&Command] = &[
    &check::COMMAND,
    &ids::COMMAND,
    &diff::COMMAND,
    &expand::COMMAND,
    &decode::COMMAND,
];

fn main() -> ExitCode {
    match dispatch(std::env::args_os().skip(1).collect()) {
        Ok(outcome) => outcome.exit_code(),
        Err(stop) => stop.report(),
    }
}

fn dispatch(mut args: Vec<OsString>) -> Result<command::Outcome, Stop> {
    if args.is_empty() {
        return Err(Stop::Usage {
            message: "no command given".to_string(),
            command: None,
        });
    }
    let first = args.remove(0);
    let name = first.to_string_lossy();
    match name.as_ref() {
        "-h" | "--help" => Err(Stop::Help(usage())),
        "-V" | "--version" => Err(Stop::Help(format!("tl {}\n", env!("CARGO_PKG_VERSION")))),
        // `tl help check` is `tl check --help`.
        "help" => match args.first() {
            None => Err(Stop::Help(usage())),
            Some(topic) => {
                let command = find(&topic.to_string_lossy())?;
                Err(Stop::Help(command.usage.to_string()))
            }
        },
        _ => {
            let command = find(&name)?;
            (command.run)(Args::new(args, command))
        }
    }
}

fn find(name: &str) -> Result<&'static Command, Stop> {
    COMMANDS
        .iter()
        .copied()
        .find(|c| c.name == name)
        .ok_or_else(|| Stop::Usage {
            message: format!(
                "unknown command `{name}`; commands: {}",
                COMMANDS
                    .iter()
                    .map(|c| c.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            command: None,
        })
}

fn usage() -> String {
    let mut text = String::from(
        "tl: check, inspect and compare TL (Type Language) schemas\n\n\
         Usage: tl <COMMAND> [ARGS]\n\nCommands:\n",
    );
    for c in COMMANDS {
        text.push_str(&format!("  {:<8}{}\n", c.name, c.summary));
    }
    text.push_str("  help    print this help, or a command's (`tl help check`)\n");
    text.push_str("\nRun `tl <COMMAND> --help` for a command's options.\n");
    text
}
