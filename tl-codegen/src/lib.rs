//! Code generation for TL schemas: the resolved model and the Rust it becomes.
//!
//! The `tl!` macro, build scripts ([`Builder`]) and `tl expand` all call
//! [`generate`], so they produce the same code. The pipeline is
//! `tl_parser::parse` → [`resolve`](model) → [`graph`] decisions → tokens.
//!
//! ```
//! use tl_codegen::{generate, Options};
//! use tl_parser::SourceFile;
//!
//! let file = SourceFile::new("inline.tl", "pong#347773c5 msg_id:long ping_id:long = Pong;\n");
//! let generated = generate(&[file], &Options::default()).expect("valid schema");
//! let code = generated.tokens.to_string();
//! assert!(code.contains("pub struct Pong"));
//! assert!(code.contains("pub enum Pong"));
//! ```

#![forbid(unsafe_code)]

pub mod api_docs;
mod builder;
mod codec;
mod docs;
mod emit;
mod errors;
pub mod graph;
mod ident;
mod json;
pub mod model;
mod resolve;
mod runtime;
mod samples;

pub use api_docs::{ApiDocs, DocsError};
pub use builder::{BuildError, Builder};
pub use emit::EmitOptions;

use proc_macro2::TokenStream;
use tl_parser::{Diagnostic, Dialect, Schema, Severity, SourceFile};

/// What to generate and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The id rule; `None` detects it per file.
    pub dialect: Option<Dialect>,
    /// Definitions (or `*` patterns) allowed to deviate from the id rules.
    pub allow_id_mismatch: Vec<String>,
    /// Accept the published id deviations of
    /// [`tl_parser::KNOWN_DEVIATIONS`] (on by default); off, each is an error.
    pub known_deviations: bool,
    /// Keep only these definitions and what they reach (all if empty); a
    /// boxed type's name stands for all of its constructors.
    pub only: Vec<String>,
    /// Derives beyond `Clone` and `PartialEq` (and the written-out `Debug`),
    /// as Rust paths. `Eq`, `Hash` and `Default` go on every type that allows
    /// them; any other (`serde::Serialize`) on every type.
    pub derives: Vec<String>,
    /// The path generated code reaches the runtime through (`::tl_runtime`
    /// if `None`), for libraries that re-export it: `::my_client::tl`.
    pub runtime_path: Option<String>,
    /// `#[non_exhaustive]` on every generated enum, so that a library can add
    /// a later layer's constructors in a minor release.
    pub non_exhaustive: bool,
    /// Emit sample values for tests (`Sample` impls and `visit_samples`); the
    /// crate then needs tl-runtime's `sample` feature.
    pub samples: bool,
    /// Telegram's machine-readable docs: descriptions, parameter docs and
    /// each method's errors, for rustdoc and typed errors.
    pub docs: Option<ApiDocs>,
    /// With `docs`: generate the `errors` module (an enum of every known
    /// error and one per documented method) and use them as each function's
    /// `RemoteCall::Error`. On by default; off, every call's error is
    /// `tl_runtime::RpcError` and the docs only go into rustdoc.
    pub typed_errors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dialect: None,
            allow_id_mismatch: Vec::new(),
            known_deviations: true,
            only: Vec::new(),
            derives: Vec::new(),
            runtime_path: None,
            non_exhaustive: false,
            samples: false,
            docs: None,
            typed_errors: true,
        }
    }
}

/// A diagnostic and the file it is about.
#[derive(Clone, Debug)]
pub struct Located {
    /// The file's name as given.
    pub file: String,
    /// 1-based line of the primary span.
    pub line: usize,
    /// 1-based column of the primary span.
    pub column: usize,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// The diagnostic rendered like rustc, with the source line and a caret.
    pub rendered: String,
}

impl Located {
    fn new(file: &SourceFile, diagnostic: Diagnostic) -> Self {
        let at = file.line_col(diagnostic.span.range().start);
        Located {
            file: file.name().to_string(),
            line: at.line,
            column: at.column,
            rendered: diagnostic.render(file),
            diagnostic,
        }
    }
}

/// Generated code, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The items.
    pub tokens: TokenStream,
    /// Warnings (errors make [`generate`] fail instead).
    pub warnings: Vec<Located>,
    /// Notes: what was accepted on purpose, such as known id deviations.
    pub notes: Vec<Located>,
    /// The resolved model the tokens were made from.
    pub model: model::Model,
}

/// Errors from the schema, or an option that names nothing.
#[derive(Clone, Debug)]
pub enum Error {
    /// Diagnostics with errors among them, all of them.
    Schema(Vec<Located>),
    /// An `only` entry that names no definition and no type.
    UnknownOnly {
        /// The entry.
        name: String,
        /// A close name, if any.
        suggestion: Option<String>,
    },
    /// An extra derive that is not a Rust path (`"Hash"`, `42`).
    BadDerive(String),
    /// A runtime path (`crate = …`) that is not a Rust path.
    BadRuntimePath(String),
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::Schema(all) => {
                for d in all {
                    f.write_str(&d.rendered)?;
                }
                Ok(())
            }
            Error::UnknownOnly { name, suggestion } => {
                write!(
                    f,
                    "`only` names `{name}`, which the schema defines neither as a definition nor as a type"
                )?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean `{s}`?")?;
                }
                Ok(())
            }
            Error::BadDerive(d) => write!(
                f,
                "`{d}` is not a path to a derive macro (such as `Eq` or `serde::Serialize`)"
            ),
            Error::BadRuntimePath(p) => write!(
                f,
                "`{p}` is not a path to the runtime crate (such as `::tl_runtime` or `::my_client::tl`)"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// The standard derive `path` names (`Eq`, `::core::hash::Hash`), if any.
fn std_derive(path: &str) -> Option<&'static str> {
    let path = path.trim_start_matches("::");
    let name = ["core::", "std::", "alloc::"]
        .iter()
        .find_map(|krate| path.strip_prefix(krate))
        .and_then(|rest| rest.split_once("::").map(|(_, name)| name))
        .unwrap_or(path);
    ["Eq", "Hash", "Default", "Clone", "PartialEq", "Debug"]
        .into_iter()
        .find(|&known| known == name)
}

/// The identifier generated code gives a name of the model (a
/// [`model::Field`]'s or a group part's), as its `Debug` prints it: a keyword
/// that cannot be raw gets a `_` (`self` → `self_`); any other keyword is
/// written raw in the code (`r#type`) and printed without the `r#`.
///
/// ```
/// assert_eq!(tl_codegen::rust_ident("self"), "self_");
/// assert_eq!(tl_codegen::rust_ident("type"), "type");
/// assert_eq!(tl_codegen::rust_ident("user_id"), "user_id");
/// ```
pub fn rust_ident(name: &str) -> String {
    let ident = ident::ident(name).to_string();
    match ident.strip_prefix("r#") {
        Some(raw) => raw.to_string(),
        None => ident,
    }
}

/// Formats tokens as Rust source: through prettyplease with the `pretty`
/// feature, else as one long line (still valid Rust).
pub fn format(tokens: TokenStream) -> String {
    #[cfg(feature = "pretty")]
    if let Ok(file) = syn::parse2::<syn::File>(tokens.clone()) {
        return prettyplease::unparse(&file);
    }
    tokens.to_string()
}

/// The definitions `only` names: each entry is a definition's name, or a
/// boxed type's name standing for all of that type's constructors
/// (`InputPeer`). An entry that is neither is an error, with the nearest
/// name of either kind as a suggestion.
fn only_definitions(schema: &Schema, only: &[String]) -> Result<Vec<String>, Error> {
    let mut names = Vec::with_capacity(only.len());
    for entry in only {
        if schema.definition(entry).is_some() {
            names.push(entry.clone());
            continue;
        }
        let constructors: Vec<String> = schema
            .constructors()
            .filter(|d| d.result.name.text == entry.as_str())
            .map(|d| d.name.text.to_string())
            .collect();
        if constructors.is_empty() {
            let definitions = schema.definitions.iter().map(|d| d.name.text.as_str());
            let types = schema.constructors().map(|d| d.result.name.text.as_str());
            let suggestion = tl_parser::did_you_mean(entry, definitions.chain(types));
            return Err(Error::UnknownOnly {
                name: entry.clone(),
                suggestion: suggestion.map(str::to_string),
            });
        }
        names.extend(constructors);
    }
    Ok(names)
}

/// A schema resolved into the [`model::Model`] that code generation reads, with
/// the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The model, with every [`graph`] decision made.
    pub model: model::Model,
    /// Warnings (errors make [`resolve`] fail instead).
    pub warnings: Vec<Located>,
    /// Notes: what was accepted on purpose, such as known id deviations.
    pub notes: Vec<Located>,
}

/// Parses, validates and resolves `files` (one schema split over several files)
/// into the model [`generate`] emits, without emitting: for tools that read
/// the schema as the generated code sees it (`tl diff`, `tl decode`).
///
/// ```
/// use tl_codegen::{resolve, Options};
/// use tl_parser::SourceFile;
///
/// let file = SourceFile::new("inline.tl", "pong#347773c5 msg_id:long ping_id:long = Pong;\n");
/// let model = resolve(&[file], &Options::default()).expect("valid schema").model;
/// assert_eq!(model.constructors[0].rust_name, "Pong");
/// assert_eq!(model.constructors[0].fields[1].name, "ping_id");
/// ```
pub fn resolve(files: &[SourceFile], options: &Options) -> Result<Resolved, Error> {
    // One file must define every type it uses: the parser then reports them
    // with suggestions. Split schemas are checked once merged, by `resolve`.
    let parse_options = tl_parser::Options {
        dialect: options.dialect,
        allow_id_mismatch: options.allow_id_mismatch.clone(),
        known_deviations: options.known_deviations,
        strict: files.len() == 1,
    };
    let mut schema = Schema::default();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    // Which file each definition came from, for locating codegen errors.
    let mut origin: Vec<usize> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let parsed = tl_parser::parse(file.text(), &parse_options);
        for d in parsed.diagnostics {
            if d.code == tl_parser::Code::UndefinedType && files.len() > 1 {
                continue;
            }
            let located = Located::new(file, d);
            match located.diagnostic.severity {
                Severity::Error => errors.push(located),
                Severity::Warning => warnings.push(located),
                Severity::Note => notes.push(located),
            }
        }
        if i == 0 {
            schema.layer = parsed.schema.layer;
            schema.dialect = parsed.schema.dialect;
        }
        origin.extend(std::iter::repeat_n(i, parsed.schema.definitions.len()));
        schema.definitions.extend(parsed.schema.definitions);
        schema.type_docs.extend(parsed.schema.type_docs);
    }
    if !errors.is_empty() {
        return Err(Error::Schema(errors));
    }
    let only = only_definitions(&schema, &options.only)?;
    let mut model = match resolve::resolve(&schema, &only) {
        Ok(m) => m,
        Err(diagnostics) => {
            let located = diagnostics
                .into_iter()
                .map(|d| {
                    let file = d
                        .definition
                        .as_ref()
                        .and_then(|n| schema.definitions.iter().position(|x| &x.name.text == n))
                        .map_or(0, |pos| origin[pos]);
                    Located::new(&files[file], d)
                })
                .collect();
            return Err(Error::Schema(located));
        }
    };
    graph::decide(&mut model);
    if let Some(docs) = &options.docs {
        errors::attach(&mut model, docs, options.typed_errors);
    }
    Ok(Resolved {
        model,
        warnings,
        notes,
    })
}

/// Parses, validates and resolves `files` (one schema split over several files),
/// and generates the code.
pub fn generate(files: &[SourceFile], options: &Options) -> Result<Generated, Error> {
    let Resolved {
        model,
        warnings,
        notes,
    } = resolve(files, options)?;
    let mut emit_options = EmitOptions {
        samples: options.samples,
        non_exhaustive: options.non_exhaustive,
        ..EmitOptions::default()
    };
    for d in &options.derives {
        match std_derive(d) {
            Some("Eq") => emit_options.eq = true,
            Some("Hash") => emit_options.hash = true,
            Some("Default") => emit_options.default = true,
            // Always there: `Debug` is written out, the others derived.
            Some(_) => {}
            None => {
                let path: TokenStream = match d.parse() {
                    Ok(p) if runtime::is_path(&p) => p,
                    _ => return Err(Error::BadDerive(d.clone())),
                };
                emit_options.serde |= d.starts_with("serde::") || d.starts_with("::serde::");
                emit_options.derives.push(path);
            }
        }
    }
    let mut tokens = emit::emit(&model, &emit_options);
    if let Some(path) = &options.runtime_path {
        let path: TokenStream = match path.parse() {
            Ok(p) if runtime::is_path(&p) => p,
            _ => return Err(Error::BadRuntimePath(path.clone())),
        };
        tokens = runtime::replace(tokens, &path);
    }
    Ok(Generated {
        tokens,
        warnings,
        notes,
        model,
    })
}
