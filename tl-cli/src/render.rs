//! Human-readable diagnostics, rendered rustc-style by `codespan-reporting`.

use crate::load::Loaded;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice, WriteColor};
use codespan_reporting::term::{self, Chars, Config};
use std::io::{self, IsTerminal, Write};
use std::ops::Range;
use tl_parser::{Diagnostic, Severity, SourceFile};

/// A buffered stdout that is coloured only when it is a terminal.
///
/// `ColorChoice::Auto` alone only looks at `TERM` and `NO_COLOR`, so piping
/// into a file would still write escape codes; the tty check prevents that.
pub fn stdout() -> BufferedStandardStream {
    BufferedStandardStream::stdout(choice(io::stdout().is_terminal()))
}

/// Like [`stdout`], for stderr.
pub fn stderr() -> BufferedStandardStream {
    BufferedStandardStream::stderr(choice(io::stderr().is_terminal()))
}

fn choice(is_terminal: bool) -> ColorChoice {
    if is_terminal {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    }
}

/// Writes each of `diagnostics` about `source` to `out`.
pub fn diagnostics<'a>(
    out: &mut dyn WriteColor,
    source: &SourceFile,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> io::Result<()> {
    let file = SimpleFile::new(source.name(), source.text());
    // ASCII `-->` and `|`, as rustc prints, so output reads the same in any
    // terminal font and in logs.
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    for d in diagnostics {
        term::emit(out, &config, &file, &report(d, source.text())).map_err(io_error)?;
    }
    Ok(())
}

/// Renders `file`'s syntax errors to stderr; returns whether there were any.
///
/// `ids` and `diff` refuse schemas they cannot read this way.
pub fn parse_errors(file: &Loaded) -> io::Result<bool> {
    let errors: Vec<_> = file.parse_errors().collect();
    if errors.is_empty() {
        return Ok(false);
    }
    let mut err = stderr();
    diagnostics(&mut err, &file.source, errors)?;
    err.flush()?;
    Ok(true)
}

/// The codespan form of `d`.
fn report(d: &Diagnostic, text: &str) -> Report<()> {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    };
    Report::new(level)
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_labels(vec![Label::primary((), visible_range(text, d.span))])
        .with_notes(d.notes.clone())
}

/// `span` clamped to `text` and to character boundaries, and at least one
/// character wide where possible, so the renderer always has a caret to draw
/// (an empty span at the end of a definition would otherwise show nothing).
fn visible_range(text: &str, span: tl_parser::Span) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let range = span.range();
    let start = floor(range.start);
    let mut end = floor(range.end).max(start);
    if end == start {
        end = text[start..]
            .chars()
            .next()
            .filter(|&c| c != '\n')
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

fn io_error(error: codespan_reporting::files::Error) -> io::Error {
    match error {
        codespan_reporting::files::Error::Io(e) => e,
        // Only reachable if a span lies outside the text, which
        // `visible_range` rules out; still an error value, not a panic.
        other => io::Error::other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::NoColor;
    use tl_parser::{Code, Span};

    #[test]
    fn renders_location_source_line_caret_and_notes() {
        let source = SourceFile::new("a.tl", "ok = Ok;\nfoo#12 = Foo;\n");
        let d = Diagnostic::error(Code::IdMismatch, Span::new(12, 15), "bad id")
            .with_note("computed #3");
        let mut out = NoColor::new(Vec::new());
        diagnostics(&mut out, &source, [&d]).unwrap();
        let text = String::from_utf8(out.into_inner()).unwrap();
        assert!(text.starts_with("error[E0101]: bad id\n"), "{text}");
        assert!(text.contains("--> a.tl:2:4"), "{text}");
        assert!(text.contains("2 | foo#12 = Foo;"), "{text}");
        assert!(text.contains("|    ^^^"), "{text}");
        assert!(text.contains("= computed #3"), "{text}");
    }

    #[test]
    fn empty_and_out_of_range_spans_stay_inside_the_text() {
        let text = "aé\n";
        assert_eq!(visible_range(text, Span::new(1, 1)), 1..3);
        assert_eq!(visible_range(text, Span::new(2, 2)), 1..3);
        assert_eq!(visible_range(text, Span::new(3, 3)), 3..3);
        assert_eq!(visible_range(text, Span::new(50, 60)), 4..4);
    }
}
