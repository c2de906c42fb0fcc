//! The `tl check --format json` document.
//!
//! Field names are a contract with scripts: add fields, never rename them.

use crate::counts::Counts;
use crate::docs::DocsFile;
use crate::load::Loaded;
use serde::Serialize;
use tl_codegen::api_docs::{Count, Coverage};
use tl_parser::{Diagnostic, SourceFile};

/// The whole report.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// One entry per file, in the order checked.
    pub files: Vec<FileReport>,
    /// Error diagnostics over all files.
    pub errors: usize,
    /// Warning diagnostics over all files.
    pub warnings: usize,
    /// Note diagnostics over all files: known id deviations accepted.
    pub notes: usize,
}

/// One file's counts and diagnostics.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The path as given or found.
    pub path: String,
    /// The `// LAYER N` value, `null` if absent.
    pub layer: Option<u32>,
    /// Constructors, builtins excluded.
    pub constructors: usize,
    /// Functions.
    pub functions: usize,
    /// Distinct result types of constructors.
    pub boxed_types: usize,
    /// `"telegram"` or `"tdlib"`.
    pub dialect: String,
    /// Whether the dialect came from `--dialect` (else it was detected).
    pub dialect_forced: bool,
    /// The other files checked together with this one as one schema (it uses
    /// their types, or they use its); absent if none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub one_schema_with: Vec<String>,
    /// Every diagnostic, in source order.
    pub diagnostics: Vec<DiagnosticReport>,
    /// How much of the file `--docs` describes; absent without `--docs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<DocsReport>,
}

/// How much of one schema file a docs file describes. Gaps on either side
/// are expected (docs and schema are rarely the same layer), so none of this
/// counts as an error.
#[derive(Debug, Serialize)]
pub struct DocsReport {
    /// The docs file's path as given.
    pub path: String,
    /// The layer the docs describe, `null` if they do not say.
    pub layer: Option<u32>,
    /// Functions with a description.
    #[serde(with = "CountReport")]
    pub methods: Count,
    /// Constructors with a description.
    #[serde(with = "CountReport")]
    pub constructors: Count,
    /// Boxed types with a description.
    #[serde(with = "CountReport")]
    pub types: Count,
    /// Named parameters with a description.
    #[serde(with = "CountReport")]
    pub parameters: Count,
    /// Functions that document at least one error.
    pub methods_with_errors: usize,
    /// Entries in the docs' global error table.
    pub errors: usize,
    /// Constructor and method entries of the docs that name nothing in the file.
    pub unmatched_entries: usize,
}

/// `{"documented": 756, "total": 850}`: [`Count`] lives in tl-codegen, which
/// has no serde, so its JSON shape is declared here.
#[derive(Serialize)]
#[serde(remote = "Count")]
struct CountReport {
    documented: usize,
    total: usize,
}

/// One diagnostic with its position resolved to lines and columns.
#[derive(Debug, Serialize)]
pub struct DiagnosticReport {
    /// `"error"`, `"warning"` or `"note"`.
    pub severity: &'static str,
    /// The stable code, e.g. `"E0101"`.
    pub code: &'static str,
    /// The one-line message.
    pub message: String,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column (in characters) of the span's start.
    pub column: usize,
    /// 1-based line of the span's end.
    pub end_line: usize,
    /// 1-based column of the span's end (exclusive).
    pub end_column: usize,
    /// The definition the problem is in, `null` if none.
    pub definition: Option<String>,
    /// Extra help lines.
    pub notes: Vec<String>,
}

impl CheckReport {
    /// The report for `files`, which form the schemas `groups` (indices into
    /// `files`), with each file's coverage by `docs` if given.
    pub fn new(files: &[Loaded], groups: &[Vec<usize>], docs: Option<&DocsFile>) -> Self {
        let mut reports: Vec<FileReport> = files.iter().map(|f| FileReport::new(f, docs)).collect();
        for members in groups {
            for &i in members {
                reports[i].one_schema_with = members
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| files[j].source.name().to_string())
                    .collect();
            }
        }
        let files = reports;
        let count = |severity: &str| {
            files
                .iter()
                .flat_map(|f| &f.diagnostics)
                .filter(|d| d.severity == severity)
                .count()
        };
        CheckReport {
            errors: count("error"),
            warnings: count("warning"),
            notes: count("note"),
            files,
        }
    }
}

impl FileReport {
    fn new(file: &Loaded, docs: Option<&DocsFile>) -> Self {
        let schema = &file.parsed.schema;
        let counts = Counts::of(schema);
        FileReport {
            path: file.source.name().to_string(),
            layer: schema.layer,
            constructors: counts.constructors,
            functions: counts.functions,
            boxed_types: counts.boxed_types,
            dialect: schema.dialect.to_string(),
            dialect_forced: file.dialect_forced,
            one_schema_with: Vec::new(),
            diagnostics: file
                .parsed
                .diagnostics
                .iter()
                .map(|d| DiagnosticReport::new(d, &file.source))
                .collect(),
            docs: docs.map(|d| DocsReport::new(d, d.docs.coverage(schema))),
        }
    }
}

impl DocsReport {
    fn new(file: &DocsFile, c: Coverage) -> Self {
        DocsReport {
            path: file.path.display().to_string(),
            layer: file.docs.layer,
            methods: c.methods,
            constructors: c.constructors,
            types: c.types,
            parameters: c.parameters,
            methods_with_errors: c.methods_with_errors,
            errors: c.errors,
            unmatched_entries: c.unmatched_entries,
        }
    }
}

impl DiagnosticReport {
    fn new(d: &Diagnostic, source: &SourceFile) -> Self {
        let range = d.span.range();
        let start = source.line_col(range.start);
        let end = source.line_col(range.end);
        DiagnosticReport {
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            message: d.message.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            definition: d.definition.clone(),
            notes: d.notes.clone(),
        }
    }
}
