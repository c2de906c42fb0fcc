//! What every subcommand provides to the dispatcher.

use crate::args::Args;
use crate::stop::Stop;
use std::process::ExitCode;

/// One subcommand: its name, its help text, the flags it accepts, and its body.
///
/// Adding a subcommand means writing a module that exports one of these and
/// listing it in `main.rs`'s table; the dispatcher, `--help` and the
/// unknown-flag message need nothing else.
pub struct Command {
    /// The word after `tl`.
    pub name: &'static str,
    /// One line for `tl --help`.
    pub summary: &'static str,
    /// The full text printed by `tl <name> --help`.
    pub usage: &'static str,
    /// Every flag the command accepts, listed when an unknown one is given.
    pub flags: &'static [&'static str],
    /// Runs the command on its arguments.
    pub run: fn(Args) -> Result<Outcome, Stop>,
}

/// How a command that ran to the end went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing wrong was found: exit 0.
    Clean,
    /// The input has errors: exit 1.
    Errors,
}

impl Outcome {
    /// `Errors` if `any_errors`, else `Clean`.
    pub fn from_errors(any_errors: bool) -> Self {
        if any_errors {
            Outcome::Errors
        } else {
            Outcome::Clean
        }
    }

    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Errors => ExitCode::from(1),
        }
    }
}
