//! Diagnostics: a stable code, a message, a primary span and notes, as
//! data; [`crate::render`] draws them.

use crate::span::{SourceFile, Span};
use core::fmt;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Information only: something accepted on purpose, such as a known
    /// upstream id deviation.
    Note,
    /// The schema can still be used.
    Warning,
    /// The schema is wrong.
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"note"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal,)*) => {
        /// The kind of a diagnostic, with a stable code such as `E0101`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code { $($(#[$doc])* $name,)* }

        impl Code {
            /// The stable code, e.g. `"E0101"`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];
        }
    };
}

codes! {
    /// Text that is not valid TL.
    Syntax = "E0001",
    /// A definition not closed by `;`.
    Unterminated = "E0002",
    /// An `#id` that is not 1 to 8 hex digits.
    MalformedId = "E0003",
    /// A `---…---` line that is neither `types` nor `functions`.
    UnknownSection = "E0004",
    /// A text of 4 GiB or more, beyond what spans can address.
    TooLarge = "E0005",
    /// A declared id that differs from the computed one.
    IdMismatch = "E0101",
    /// Two definitions with the same id.
    DuplicateId = "E0102",
    /// Two definitions with the same name.
    DuplicateName = "E0103",
    /// Two parameters of one definition with the same name.
    DuplicateField = "E0104",
    /// A type that no definition provides.
    UndefinedType = "E0201",
    /// `flags.N?` naming a field that does not exist.
    UnknownFlagField = "E0202",
    /// `flags.N?` naming a field declared after it.
    FlagFieldAfterUse = "E0203",
    /// `flags.N?` naming a field that is not `#`.
    FlagFieldNotNat = "E0204",
    /// A flag bit outside 0..=30: a `#` is below 2^31, so bit 31 is never set.
    FlagBitOutOfRange = "E0205",
    /// `!X` without a `{X:Type}` parameter.
    UnboundTypeVariable = "E0206",
    /// A constructor whose result is a bare or builtin type.
    BadResultType = "E0207",
    /// A valid construct that code generation cannot express.
    Unsupported = "E0301",
}

impl Code {
    /// Whether the code marks text that could not be read at all (E0001–E0005),
    /// as opposed to a schema that reads but breaks a rule.
    pub fn is_syntax(self) -> bool {
        matches!(
            self,
            Code::Syntax
                | Code::Unterminated
                | Code::MalformedId
                | Code::UnknownSection
                | Code::TooLarge
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// A one-line message.
    pub message: String,
    /// Where the problem is.
    pub span: Span,
    /// The definition the problem is in, if any.
    pub definition: Option<String>,
    /// Extra help: `did you mean …`, the normalized text, …
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error with `code` and `message` at `span`.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            definition: None,
            notes: Vec::new(),
        }
    }

    /// A warning with `code` and `message` at `span`.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// A note with `code` and `message` at `span`.
    pub fn note(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Names the definition the problem is in.
    pub fn in_definition(mut self, name: &str) -> Self {
        self.definition = Some(name.to_string());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic like rustc, with the source line and a caret,
    /// without colour: [`render`](crate::render::render) with
    /// [`Style::PLAIN`](crate::Style::PLAIN).
    pub fn render(&self, file: &SourceFile) -> String {
        crate::render::render(self, file, crate::Style::PLAIN)
    }

    /// `file:line:col: severity[code]: message`, on one line:
    /// [`one_line`](crate::render::one_line).
    pub fn one_line(&self, file: &SourceFile) -> String {
        crate::render::one_line(self, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_has_location_severity_code_and_message() {
        let file = SourceFile::new("a.tl", "ok = Ok;\nfoo#12 = Foo;\n");
        let d = Diagnostic::error(Code::IdMismatch, Span::new(12, 15), "bad id");
        assert_eq!(d.one_line(&file), "a.tl:2:4: error[E0101]: bad id");
    }

    #[test]
    fn codes_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c:?}");
        }
    }
}
