//! Why a command ended before (or instead of) producing its report, and the
//! exit code each reason maps to.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use tl_codegen::DocsError;

/// A reason to stop early. Everything here except [`Stop::Help`] exits with 2,
/// the code that scripts read as "the command was used wrongly or could not
/// run", as opposed to 1, "the schema has errors".
#[derive(Debug)]
pub enum Stop {
    /// `--help` was asked for: print this text to stdout and exit 0.
    Help(String),
    /// The command line is wrong.
    Usage {
        /// What is wrong, one line.
        message: String,
        /// The command whose `--help` to point at, if one was chosen.
        command: Option<&'static str>,
    },
    /// A file or directory could not be read.
    Read {
        /// The path as the user gave it (or as found below a directory).
        path: PathBuf,
        /// What the OS said.
        error: io::Error,
    },
    /// A `--docs` file was read but is not API docs JSON.
    Docs {
        /// The path as given.
        path: PathBuf,
        /// Where and why parsing failed.
        error: DocsError,
    },
    /// Writing the report failed (e.g. a closed pipe).
    Write(io::Error),
}

impl Stop {
    /// A usage error in `command`.
    pub fn usage(command: &'static str, message: impl Into<String>) -> Self {
        Stop::Usage {
            message: message.into(),
            command: Some(command),
        }
    }

    /// Prints the reason where it belongs and returns the exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Stop::Help(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Stop::Usage { message, command } => {
                eprintln!("tl: error: {message}");
                match command {
                    Some(name) => eprintln!("Run `tl {name} --help` for usage."),
                    None => eprintln!("Run `tl --help` for usage."),
                }
                ExitCode::from(2)
            }
            Stop::Read { path, error } => {
                eprintln!("tl: error: cannot read `{}`: {error}", path.display());
                ExitCode::from(2)
            }
            // `path:line:col: message`, the shape editors and terminals link.
            Stop::Docs { path, error } => {
                eprintln!("tl: error: {}:{error}", path.display());
                ExitCode::from(2)
            }
            // A reader that went away (`tl check … | head`) is not worth a message.
            Stop::Write(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(2),
            Stop::Write(error) => {
                eprintln!("tl: error: cannot write output: {error}");
                ExitCode::from(2)
            }
        }
    }
}

impl From<io::Error> for Stop {
    /// I/O errors that reach `?` without a path come from writing the report.
    fn from(error: io::Error) -> Self {
        Stop::Write(error)
    }
}
