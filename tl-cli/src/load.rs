//! Reading and parsing one schema file, remembering how its dialect was chosen.

use crate::stop::Stop;
use std::fs;
use std::path::Path;
use tl_parser::{Diagnostic, Options, Parsed, SourceFile};

/// A schema file as read and parsed.
pub struct Loaded {
    /// The text, named by the path as given, for line:column lookups and rendering.
    pub source: SourceFile,
    /// The AST and every diagnostic.
    pub parsed: Parsed,
    /// Whether the dialect came from `--dialect` rather than detection.
    pub dialect_forced: bool,
}

impl Loaded {
    /// `"telegram (detected)"`, `"tdlib (forced)"`.
    pub fn dialect_label(&self) -> String {
        let how = if self.dialect_forced {
            "forced"
        } else {
            "detected"
        };
        format!("{} ({how})", self.parsed.schema.dialect)
    }

    /// The diagnostics that mean the text itself could not be read as TL.
    pub fn parse_errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.parsed.diagnostics.iter().filter(|d| is_parse_error(d))
    }
}

/// Reads `path` and parses it with `options`.
pub fn load(path: &Path, options: &Options) -> Result<Loaded, Stop> {
    let text = fs::read_to_string(path).map_err(|error| Stop::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let parsed = tl_parser::parse(&text, options);
    Ok(Loaded {
        source: SourceFile::new(path.display().to_string(), text),
        parsed,
        dialect_forced: options.dialect.is_some(),
    })
}

/// Whether `d` is a syntax-level error (E0001–E0005) rather than a finding
/// about well-formed TL. `ids` and `diff` only refuse schemas they cannot
/// read: the real `api.tl` has id mismatches (E0101) yet its ids are exactly
/// what goes on the wire.
pub fn is_parse_error(d: &Diagnostic) -> bool {
    d.is_error() && d.code.is_syntax()
}
