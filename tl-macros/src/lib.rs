//! The `tl!` macro: a TL schema, from a file or inline, to Rust types with
//! serializers and deserializers. It is thin glue over `tl-codegen`, which a
//! build script or `tl expand` can call to get the same code.
//!
//! Most users call it as `tl_runtime::tl!`, which re-exports it:
//!
//! ```
//! mod api {
//!     tl_runtime::tl! {
//!         include = "../schema/features.tl",    // relative to CARGO_MANIFEST_DIR
//!         only = ["users.getUsers"],            // optional: these and what they reach
//!         derive = [serde::Serialize],          // optional: extra derives
//!     }
//! }
//! mod inline {
//!     tl_runtime::tl!(r#"pong#347773c5 msg_id:long ping_id:long = Pong;"#);
//! }
//! # use tl_runtime::{Deserialize, Serialize};
//! let pong = inline::types::Pong { msg_id: 1, ping_id: 2 };
//! assert_eq!(inline::enums::Pong::from_bytes(&pong.to_bytes()).unwrap(), pong.into());
//! ```
//!
//! Options: `include` (a path or a list of paths), `dialect` (`"telegram"` or
//! `"tdlib"`), `allow_id_mismatch`, `known_deviations = false` (refuse the
//! published id deviations that are accepted by default), `only`, `derive`,
//! `samples = true`
//! (sample values for tests; needs tl-runtime's `sample` feature),
//! `docs = "api-docs.json"` (Telegram's machine-readable docs: rustdoc for
//! every item, and typed errors in an `errors` module), and `errors = false`
//! (with `docs`: rustdoc only, every call fails with `tl_runtime::RpcError`).
//! Schema and docs errors become compile errors on the string or path
//! literal, drawn as `tl check` draws them: code, message, `file:line:col`,
//! the schema line with a caret under the problem, and notes.

#![forbid(unsafe_code)]

mod input;

use input::{Input, Spanned};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::PathBuf;
use tl_codegen::{generate, Error, Options};
use tl_parser::render::render;
use tl_parser::{SourceFile, Style};

/// Generates Rust types for a TL schema. See the crate docs for the options.
#[proc_macro]
pub fn tl(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as Input);
    match expand(input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand(input: Input) -> syn::Result<TokenStream> {
    let mut files = Vec::new();
    // The literal each file came from, for errors.
    let mut spans = Vec::new();
    let mut tracked = Vec::new();
    if let Some(inline) = &input.inline {
        files.push(SourceFile::new("inline TL", inline.value.clone()));
        spans.push(inline.span);
    }
    for inc in &input.include {
        let text = read(inc, &mut tracked)?;
        files.push(SourceFile::new(inc.value.clone(), text));
        spans.push(inc.span);
    }
    let options = Options {
        dialect: match &input.dialect {
            Some(d) => Some(
                d.value
                    .parse()
                    .map_err(|e: String| syn::Error::new(d.span, e))?,
            ),
            None => None,
        },
        allow_id_mismatch: values(&input.allow_id_mismatch),
        known_deviations: input.known_deviations,
        only: values(&input.only),
        derives: values(&input.derive),
        samples: input.samples,
        docs: match &input.docs {
            Some(d) => {
                let text = read(d, &mut tracked)?;
                let docs = tl_codegen::ApiDocs::parse(&text)
                    .map_err(|e| syn::Error::new(d.span, format!("{}:{e}", d.value)))?;
                Some(docs)
            }
            None => None,
        },
        typed_errors: input.errors,
        runtime_path: input.runtime_path.as_ref().map(|p| p.value.clone()),
        non_exhaustive: input.non_exhaustive,
    };
    let generated = generate(&files, &options).map_err(|e| to_syn(e, &input, &files, &spans))?;
    // `include_bytes!` makes rustc rebuild when an included file changes.
    let track = tracked.iter().map(|p| {
        quote!(
            const _: &[u8] = include_bytes!(#p);
        )
    });
    let tokens = generated.tokens;
    Ok(quote!(#(#track)* #tokens))
}

fn values(list: &[Spanned]) -> Vec<String> {
    list.iter().map(|s| s.value.clone()).collect()
}

/// The text of the file a path literal names, which `tracked` records so
/// that rustc rebuilds when it changes.
fn read(literal: &Spanned, tracked: &mut Vec<String>) -> syn::Result<String> {
    let path = resolve(&literal.value);
    // The path as written, not as resolved: the crate root is where the
    // user looks, and the message stays the same wherever the crate is.
    let text = std::fs::read_to_string(&path).map_err(|e| {
        syn::Error::new(
            literal.span,
            format!(
                "cannot read `{}` (paths are relative to the crate root, CARGO_MANIFEST_DIR): {e}",
                literal.value
            ),
        )
    })?;
    tracked.push(path.display().to_string());
    Ok(text)
}

/// A path relative to the crate being compiled.
fn resolve(path: &str) -> PathBuf {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    dir.join(path)
}

/// Every error at once, each on the literal of the file it is about.
fn to_syn(e: Error, input: &Input, files: &[SourceFile], spans: &[Span]) -> syn::Error {
    let mut all: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut all {
        Some(a) => a.combine(e),
        None => all = Some(e),
    };
    match e {
        Error::Schema(diagnostics) => {
            // The renderer of `tl check`, without the severity, which rustc
            // prints itself; rustc then shows the literal the file came from.
            for d in diagnostics {
                let i = files.iter().position(|f| f.name() == d.file);
                let span = i
                    .and_then(|i| spans.get(i))
                    .copied()
                    .unwrap_or_else(Span::call_site);
                let message = match i.and_then(|i| files.get(i)) {
                    Some(file) => render(&d.diagnostic, file, Style::EMBEDDED),
                    None => d.rendered,
                };
                push(syn::Error::new(span, message.trim_end()));
            }
        }
        Error::UnknownOnly { name, suggestion } => {
            let span = input
                .only
                .iter()
                .find(|o| o.value == name)
                .map_or_else(Span::call_site, |o| o.span);
            let message = Error::UnknownOnly { name, suggestion }.to_string();
            push(syn::Error::new(span, message));
        }
        Error::BadDerive(d) => {
            let span = input
                .derive
                .iter()
                .find(|o| o.value == d)
                .map_or_else(Span::call_site, |o| o.span);
            push(syn::Error::new(span, Error::BadDerive(d).to_string()));
        }
        e @ Error::BadRuntimePath(_) => {
            let span = input
                .runtime_path
                .as_ref()
                .map_or_else(Span::call_site, |p| p.span);
            push(syn::Error::new(span, e.to_string()));
        }
    }
    all.unwrap_or_else(|| syn::Error::new(Span::call_site(), "schema error"))
}
