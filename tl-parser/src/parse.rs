//! The file-level loop: comments, section markers and definitions, with recovery
//! after a syntax error so that one pass reports every problem.

use crate::ast::{Definition, Param, Params, Schema, Section, TypeDoc};
use crate::diagnostic::{Code, Diagnostic};
use crate::doc::DocBlock;
use crate::grammar::{ws, Grammar, RawDefinition, SyntaxError};
use crate::span::Span;
use nom::Offset;
use std::sync::Arc;

/// The schema as read, before dialect, ids and validation.
pub(crate) struct Read {
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every item of `src`.
pub(crate) fn read(src: &str) -> Read {
    let (definitions, params) = to_reserve(src);
    let mut reader = Reader {
        grammar: Grammar::new(src, params),
        src,
        schema: Schema {
            definitions: Vec::with_capacity(definitions),
            ..Schema::default()
        },
        diagnostics: Vec::new(),
        section: Section::Types,
        layer: None,
        doc: DocBlock::default(),
        doc_span: Span::default(),
        no_params: Arc::default(),
    };
    reader.run();
    let mut schema = reader.schema;
    // The parameter lists become ranges of one shared buffer.
    let params = Arc::new(reader.grammar.into_params());
    for def in &mut schema.definitions {
        def.params.set_store(&params);
    }
    if let Some(layer) = schema.layer {
        for def in &mut schema.definitions {
            def.layer.get_or_insert(layer);
        }
    }
    Read {
        schema,
        diagnostics: reader.diagnostics,
    }
}

struct Reader<'s> {
    grammar: Grammar<'s>,
    src: &'s str,
    schema: Schema,
    diagnostics: Vec<Diagnostic>,
    section: Section,
    /// The layer of a `// layer N` marker (secret_api.tl) above the current line.
    layer: Option<u32>,
    /// Doc comment lines not yet attached to a definition.
    doc: DocBlock,
    doc_span: Span,
    /// Where parameter ranges point until the parameter buffer is final.
    no_params: Arc<Vec<Param>>,
}

impl<'s> Reader<'s> {
    fn run(&mut self) {
        let mut rest = self.src;
        loop {
            // Byte loops: the whitespace between definitions is a byte or
            // two, too short to repay setting up `str` searchers.
            let space = rest.as_bytes();
            let n = space
                .iter()
                .position(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
                .unwrap_or(space.len());
            // A blank line ends a doc block: it documents nothing below it.
            if space[..n].iter().filter(|&&c| c == b'\n').count() >= 2 {
                self.flush_doc();
            }
            rest = &rest[n..];
            if rest.is_empty() {
                break;
            }
            rest = if let Some(comment) = rest.strip_prefix("//") {
                self.comment(rest, comment)
            } else if rest.starts_with("---") {
                self.section_marker(rest)
            } else {
                self.definition(rest)
            };
        }
        self.flush_doc();
    }

    fn offset(&self, at: &str) -> usize {
        self.src.offset(at)
    }

    fn comment(&mut self, start: &'s str, comment: &'s str) -> &'s str {
        let end = comment.find('\n').unwrap_or(comment.len());
        let text = &comment[..end];
        let span = Span::new(self.offset(start), self.offset(&comment[end..]));
        let trimmed = text.trim();
        if let Some(n) = trimmed
            .strip_prefix("LAYER ")
            .and_then(|n| n.trim().parse().ok())
        {
            self.schema.layer = Some(n);
        } else if let Some(n) = trimmed
            .strip_prefix("layer ")
            .and_then(|n| n.trim().parse().ok())
        {
            self.layer = Some(n);
        } else if self.doc.push_line(text) {
            if self.doc_span.is_empty() {
                self.doc_span = span;
            }
            self.doc_span = self.doc_span.to(span);
        }
        &comment[end..]
    }

    fn section_marker(&mut self, start: &'s str) -> &'s str {
        self.flush_doc();
        let line_end = start.find('\n').unwrap_or(start.len());
        match self.grammar.section_marker(start) {
            Ok((rest, word)) => {
                match word.text.as_str() {
                    "types" => self.section = Section::Types,
                    "functions" => self.section = Section::Functions,
                    other => self.diagnostics.push(
                        Diagnostic::error(
                            Code::UnknownSection,
                            word.span,
                            format!("unknown section `{other}`"),
                        )
                        .with_note("expected `---types---` or `---functions---`"),
                    ),
                }
                rest
            }
            Err(e) => {
                self.syntax_error(start, e);
                &start[line_end..]
            }
        }
    }

    fn definition(&mut self, start: &'s str) -> &'s str {
        match self.grammar.definition(start) {
            Ok((rest, raw)) => {
                let (after_ws, _) = ws(rest).unwrap_or((rest, ()));
                let end = match after_ws.strip_prefix(';') {
                    Some(after) => after,
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::Unterminated,
                                Span::new(self.offset(rest), self.offset(rest)),
                                format!("expected `;` after the definition of `{}`", raw.name.text),
                            )
                            .in_definition(&raw.name.text),
                        );
                        rest
                    }
                };
                let span = Span::new(self.offset(start), self.offset(end));
                self.push_definition(raw, span);
                end
            }
            Err(e) => {
                let at = match &e {
                    nom::Err::Error(e) | nom::Err::Failure(e) => e.at,
                    nom::Err::Incomplete(_) => start,
                };
                self.syntax_error(start, e);
                recover(at)
            }
        }
    }

    fn syntax_error(&mut self, start: &'s str, e: nom::Err<SyntaxError<'s>>) {
        let (at, expected) = match e {
            nom::Err::Error(e) | nom::Err::Failure(e) => (e.at, e.expected),
            nom::Err::Incomplete(_) => (start, ""),
        };
        let offset = self.offset(at);
        let found = found_token(at);
        let expected = if expected.is_empty() {
            "a definition"
        } else {
            expected
        };
        let width = found.len().max(1).min(at.len().max(1));
        self.diagnostics.push(Diagnostic::error(
            Code::Syntax,
            Span::new(offset, offset + width.min(at.len())),
            format!("expected {expected}, found {}", describe(found)),
        ));
        self.doc = DocBlock::default();
    }

    fn push_definition(&mut self, raw: RawDefinition<'_>, span: Span) {
        let declared_id = match &raw.id {
            Some(id) => {
                let value = id.value();
                if value.is_none() {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::MalformedId,
                            id.span,
                            format!("malformed id `#{}` of `{}`", id.digits, raw.name.text),
                        )
                        .with_note("an id is 1 to 8 hexadecimal digits, as in `#1cb5c415`")
                        .in_definition(&raw.name.text),
                    );
                }
                value
            }
            None => None,
        };
        let block = std::mem::take(&mut self.doc);
        self.doc_span = Span::default();
        let doc = if block.class().is_some() {
            self.push_type_doc(block, span);
            Default::default()
        } else {
            block.into_doc()
        };
        self.schema.definitions.push(Definition {
            name: raw.name,
            declared_id,
            computed_id: 0,
            type_params: raw.type_params,
            params: Params::in_store(&self.no_params, raw.params),
            result: raw.result,
            builtin: raw.builtin,
            section: self.section,
            layer: self.layer,
            doc,
            span,
        });
    }

    fn flush_doc(&mut self) {
        let block = std::mem::take(&mut self.doc);
        let span = std::mem::take(&mut self.doc_span);
        if block.class().is_some() {
            self.push_type_doc(block, span);
        }
    }

    fn push_type_doc(&mut self, block: DocBlock, span: Span) {
        if let Some((name, description)) = block.class() {
            self.schema.type_docs.push(TypeDoc {
                name,
                description,
                span,
            });
        }
    }
}

/// Where to resume after a syntax error at `at`: after the next `;`, unless a
/// line that starts with a letter (a new definition) comes first.
fn recover(at: &str) -> &str {
    let mut i = 0;
    let bytes = at.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b';' => return &at[i + 1..],
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = at[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\n'
                if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'-') =>
            {
                return &at[i + 1..];
            }
            _ => i += 1,
        }
    }
    ""
}

/// The most definitions reserved for up front: 4 MiB of them. The largest
/// real schemas have about 2,600; past the cap the vector grows as usual.
const MAX_RESERVED: usize = 1 << 14;

/// The most parameters reserved for up front: 6 MiB of them. api-230.tl has
/// about 8,200.
const MAX_RESERVED_PARAMS: usize = 1 << 15;

/// How many definitions and how many parameters to reserve room for, from
/// one pass over `src`.
///
/// Every definition ends with `;`: reserving for as many avoids regrowing
/// (and copying) a vector of large structs, and comments may overcount a
/// little. The buffer that holds every definition's parameters gets one per
/// `:` (named parameters; `{X:Type}` and comments overcount a little,
/// anonymous parameters are not counted). Reserving that buffer once,
/// instead of doubling it up to a megabyte or more, also keeps glibc from
/// mapping fresh pages for it on every parse. The caps keep a text of
/// nothing but `;` or `:` from reserving gigabytes before anything is parsed.
fn to_reserve(src: &str) -> (usize, usize) {
    let (semicolons, colons) = count_semicolons_and_colons(src);
    (
        semicolons.min(MAX_RESERVED),
        colons.min(MAX_RESERVED_PARAMS),
    )
}

/// How many `;` and how many `:` `src` holds, counted in `u8` lanes the
/// compiler vectorizes (at most 255 bytes per block, so a lane cannot
/// overflow).
fn count_semicolons_and_colons(src: &str) -> (usize, usize) {
    src.as_bytes()
        .chunks(255)
        .map(|block| {
            let (semicolons, colons) = block.iter().fold((0u8, 0u8), |(s, c), &b| {
                (
                    s.wrapping_add(u8::from(b == b';')),
                    c.wrapping_add(u8::from(b == b':')),
                )
            });
            (usize::from(semicolons), usize::from(colons))
        })
        .fold((0, 0), |(s, c), (bs, bc)| (s + bs, c + bc))
}

/// The token at the start of `at`, for "found …" messages.
fn found_token(at: &str) -> &str {
    let first = at.chars().next();
    match first {
        None => "",
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
            let end = at
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(at.len());
            &at[..end]
        }
        Some(c) => &at[..c.len_utf8()],
    }
}

fn describe(token: &str) -> String {
    match token {
        "" => "end of input".to_string(),
        "\n" => "end of line".to_string(),
        t => format!("`{t}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_line_ends_a_doc_block() {
        let described = |src: &str| -> Vec<Option<String>> {
            let read = read(src);
            let defs = read.schema.definitions;
            defs.into_iter().map(|d| d.doc.description).collect()
        };
        let about = Some("About a".to_owned());
        let one = core::slice::from_ref(&about);
        assert_eq!(described("//@description About a\na = A;"), one);
        assert_eq!(described("//@description About a\r\n \ta = A;"), one);
        assert_eq!(described("//@description About a\n\na = A;"), [None]);
        assert_eq!(described("//@description About a\r\n\t\r\na = A;"), [None]);
        assert_eq!(
            described("b = B;\n//@description About a\na = A;\n\nc = C;"),
            [None, about, None]
        );
    }

    #[test]
    fn reserves_one_definition_per_semicolon_and_one_parameter_per_colon_up_to_the_caps() {
        assert_eq!(to_reserve(""), (0, 0));
        assert_eq!(to_reserve("a = B; // c;\nd = E;"), (3, 0));
        assert_eq!(to_reserve("a x:int {X:Type} = A; // y:int"), (1, 3));
        // Longer than one 255-byte block, so the per-block counts are summed.
        let many = "a x:int = A;".repeat(300);
        assert_eq!(to_reserve(&many), (300, 300));
        let hostile = ";".repeat(MAX_RESERVED * 4);
        assert_eq!(to_reserve(&hostile), (MAX_RESERVED, 0));
        let colons = ":".repeat(MAX_RESERVED_PARAMS + 1);
        assert_eq!(to_reserve(&colons), (0, MAX_RESERVED_PARAMS));
        // The text still parses (every `;` is a syntax error), without a
        // reservation proportional to its length.
        let read = read(&hostile);
        assert!(read.schema.definitions.capacity() <= MAX_RESERVED);
    }
}
