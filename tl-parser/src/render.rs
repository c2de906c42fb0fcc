//! Drawing a [`Diagnostic`] as text, like rustc: the one renderer behind
//! `tl check`, `tl expand`, `tl_codegen::Error` and the errors of `tl!`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::SourceFile;
use core::fmt::Write as _;

/// How a diagnostic is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours, for a terminal.
    pub color: bool,
    /// Whether the first line names the severity (`error[E0101]: …`). A host
    /// that prints the severity itself, as rustc does before a proc macro's
    /// error, leaves it out: `E0101: …`.
    pub severity: bool,
}

impl Style {
    /// For logs, files and tests: no colour.
    pub const PLAIN: Style = Style {
        color: false,
        severity: true,
    };
    /// For a terminal.
    pub const TERMINAL: Style = Style {
        color: true,
        severity: true,
    };
    /// Inside another tool's error (`tl!`'s compile errors): no colour and
    /// no severity.
    pub const EMBEDDED: Style = Style {
        color: false,
        severity: false,
    };
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[1;34m";

/// The bold colour of a severity, as rustc uses them.
fn severity_color(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;32m",
    }
}

/// `d` about `file`, drawn in `style`:
///
/// ```text
/// error[E0101]: declared id #12345678 of `foo` differs from the computed #0b3f1d23
///  --> a.tl:3:4
///   |
/// 3 | foo#12345678 = Foo;
///   |    ^^^^^^^^^
///   = note: …
/// ```
///
/// The caret runs to the end of the span or of its line, whichever comes
/// first, and is at least one character wide, so an empty span (a missing
/// `;`) still shows where. Tabs show as spaces so that the caret lines up.
pub fn render(d: &Diagnostic, file: &SourceFile, style: Style) -> String {
    let paint = |code: &'static str, text: &str| {
        if style.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let accent = severity_color(d.severity);
    let mut out = String::new();
    let start = file.line_col(d.span.range().start);
    let line = file
        .line_text(start.line)
        .trim_end_matches('\r')
        .replace('\t', " ");
    let gutter = start.line.to_string().len();
    let pad = " ".repeat(gutter);
    let head = if style.severity {
        format!("{}[{}]", d.severity.as_str(), d.code)
    } else {
        d.code.to_string()
    };
    let _ = writeln!(
        out,
        "{}{}",
        paint(accent, &head),
        paint(BOLD, &format!(": {}", d.message))
    );
    let _ = writeln!(out, "{pad}{} {}:{}", paint(BLUE, "-->"), file.name(), start);
    let bar = paint(BLUE, "|");
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(out, "{} {bar} {line}", paint(BLUE, &start.line.to_string()));
    let line_chars = line.chars().count();
    let span_chars = file
        .slice(d.span)
        .chars()
        .take_while(|&c| c != '\n')
        .count();
    let width = span_chars.clamp(1, (line_chars + 1).saturating_sub(start.column).max(1));
    let _ = writeln!(
        out,
        "{pad} {bar} {}{}",
        " ".repeat(start.column - 1),
        paint(accent, &"^".repeat(width))
    );
    for note in &d.notes {
        let _ = writeln!(out, "{pad} {} {note}", paint(BLUE, "= note:"));
    }
    out
}

/// `file:line:col: severity[code]: message`, on one line, for logs.
pub fn one_line(d: &Diagnostic, file: &SourceFile) -> String {
    format!(
        "{}:{}: {}[{}]: {}",
        file.name(),
        file.line_col(d.span.range().start),
        d.severity.as_str(),
        d.code,
        d.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, Span};

    fn example() -> (SourceFile, Diagnostic) {
        let file = SourceFile::new("a.tl", "ok = Ok;\nfoo#12 = Foo;\n");
        let d = Diagnostic::error(Code::IdMismatch, Span::new(12, 15), "bad id")
            .with_note("computed #3");
        (file, d)
    }

    #[test]
    fn plain_is_rustc_layout() {
        let (file, d) = example();
        assert_eq!(
            render(&d, &file, Style::PLAIN),
            "error[E0101]: bad id\n --> a.tl:2:4\n  |\n2 | foo#12 = Foo;\n  |    ^^^\n  = note: computed #3\n"
        );
    }

    #[test]
    fn embedded_leaves_the_severity_to_the_host() {
        let (file, d) = example();
        let text = render(&d, &file, Style::EMBEDDED);
        assert!(text.starts_with("E0101: bad id\n --> a.tl:2:4\n"), "{text}");
    }

    #[test]
    fn terminal_colours_the_same_text() {
        let (file, d) = example();
        let text = render(&d, &file, Style::TERMINAL);
        assert!(text.contains("\x1b[1;31merror[E0101]\x1b[0m"), "{text:?}");
        assert!(text.contains("\x1b[1;31m^^^\x1b[0m"), "{text:?}");
        // Without the escapes it is the plain text.
        let mut plain = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find('\x1b') {
            plain.push_str(&rest[..at]);
            let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
            rest = &rest[end..];
        }
        plain.push_str(rest);
        assert_eq!(plain, render(&d, &file, Style::PLAIN));
    }

    /// An empty span (a missing `;` at the end of the text) and one past the
    /// end still get a caret, and a tab or `\r` does not shift it.
    #[test]
    fn every_span_gets_a_caret_in_place() {
        let file = SourceFile::new("a.tl", "a = A");
        let d = Diagnostic::error(Code::Unterminated, Span::new(5, 5), "expected `;`");
        assert!(render(&d, &file, Style::PLAIN).contains("1 | a = A\n  |      ^\n"));
        let d = Diagnostic::error(Code::Syntax, Span::new(50, 60), "far");
        assert!(render(&d, &file, Style::PLAIN).contains("  |      ^\n"));
        let file = SourceFile::new("a.tl", "a\tx:int = A;\r\n");
        let d = Diagnostic::error(Code::Syntax, Span::new(2, 3), "x");
        let text = render(&d, &file, Style::PLAIN);
        assert!(text.contains("1 | a x:int = A;\n  |   ^\n"), "{text:?}");
    }
}
