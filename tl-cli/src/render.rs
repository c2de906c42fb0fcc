//! Diagnostics for people: drawn by tl-parser's renderer
//! ([`tl_parser::render`]), the one `tl!` uses too, in colour on a terminal.

use crate::load::Loaded;
use std::io::{self, BufWriter, IsTerminal, Write};
use tl_parser::{Diagnostic, SourceFile, Style};

/// A buffered stdout, and the style for it: coloured only on a terminal.
///
/// The tty check keeps escape codes out of files and pipes; `NO_COLOR` and
/// `TERM=dumb` turn colour off on a terminal too.
pub fn stdout() -> (BufWriter<io::StdoutLock<'static>>, Style) {
    let out = io::stdout();
    let style = style(out.is_terminal());
    (BufWriter::new(out.lock()), style)
}

/// Like [`stdout`], for stderr.
pub fn stderr() -> (BufWriter<io::StderrLock<'static>>, Style) {
    let err = io::stderr();
    let style = style(err.is_terminal());
    (BufWriter::new(err.lock()), style)
}

fn style(is_terminal: bool) -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    if is_terminal && !no_color && !dumb {
        Style::TERMINAL
    } else {
        Style::PLAIN
    }
}

/// Writes each of `diagnostics` about `source` to `out`, in `style`.
pub fn diagnostics<'a>(
    out: &mut dyn Write,
    style: Style,
    source: &SourceFile,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> io::Result<()> {
    for d in diagnostics {
        out.write_all(tl_parser::render::render(d, source, style).as_bytes())?;
        // A blank line between diagnostics, as rustc leaves.
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the generator's diagnostics, each about one of `files`, to stderr:
/// how `tl expand` and `tl decode` report a schema that `tl!` would refuse.
pub fn generator_errors(files: &[SourceFile], located: &[tl_codegen::Located]) -> io::Result<()> {
    let (mut err, style) = stderr();
    for d in located {
        match files.iter().find(|f| f.name() == d.file) {
            Some(file) => diagnostics(&mut err, style, file, [&d.diagnostic])?,
            None => err.write_all(d.rendered.as_bytes())?,
        }
    }
    err.flush()
}

/// Renders `file`'s syntax errors to stderr; returns whether there were any.
///
/// `ids` and `diff` refuse schemas they cannot read this way.
pub fn parse_errors(file: &Loaded) -> io::Result<bool> {
    let errors: Vec<_> = file.parse_errors().collect();
    if errors.is_empty() {
        return Ok(false);
    }
    let (mut err, style) = stderr();
    diagnostics(&mut err, style, &file.source, errors)?;
    err.flush()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tl_parser::{Code, Span};

    #[test]
    fn renders_location_source_line_caret_and_notes() {
        let source = SourceFile::new("a.tl", "ok = Ok;\nfoo#12 = Foo;\n");
        let d = Diagnostic::error(Code::IdMismatch, Span::new(12, 15), "bad id")
            .with_note("computed #3");
        let mut out = Vec::new();
        diagnostics(&mut out, Style::PLAIN, &source, [&d, &d]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let one = d.render(&source);
        assert_eq!(text, format!("{one}\n{one}\n"));
        assert!(one.starts_with("error[E0101]: bad id\n"), "{one}");
        assert!(one.contains("--> a.tl:2:4"), "{one}");
        assert!(one.contains("2 | foo#12 = Foo;"), "{one}");
        assert!(one.contains("|    ^^^"), "{one}");
        assert!(one.contains("= note: computed #3"), "{one}");
    }

    #[test]
    fn colour_only_on_a_terminal() {
        assert_eq!(style(false), Style::PLAIN);
    }
}
