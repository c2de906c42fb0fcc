//! Rustdoc for generated items: the schema's descriptions, the original TL
//! line, and a link to the official page for Telegram's schemas.

use crate::model::{BoxedType, Combinator, Field, FieldShape};
use proc_macro2::TokenStream;
use quote::quote;
use tl_parser::Dialect;

/// What kind of page documents an item on core.telegram.org.
#[derive(Clone, Copy)]
pub enum Page {
    /// `/constructor/NAME`
    Constructor,
    /// `/method/NAME`
    Method,
    /// `/type/NAME`
    Type,
}

fn link(dialect: Dialect, page: Page, name: &str) -> Option<String> {
    if dialect != Dialect::Telegram {
        return None;
    }
    let kind = match page {
        Page::Constructor => "constructor",
        Page::Method => "method",
        Page::Type => "type",
    };
    Some(format!(
        "[`{name}` on core.telegram.org](https://core.telegram.org/{kind}/{name})"
    ))
}

/// `#[doc = …]` attributes, one per line of `text`.
pub fn attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| format!(" {l}"));
    quote!(#(#[doc = #lines])*)
}

/// Docs of a constructor or function struct. For functions, `error_type` is
/// the intra-doc path of its `RemoteCall::Error`, when that is generated.
pub fn combinator(
    c: &Combinator,
    dialect: Dialect,
    page: Page,
    error_type: Option<&str>,
) -> TokenStream {
    let mut text = String::new();
    if let Some(d) = &c.doc.description {
        text.push_str(d);
        text.push_str("\n\n");
    }
    text.push_str("```tl\n");
    text.push_str(&c.tl_line);
    text.push_str("\n```\n");
    if let Some(l) = link(dialect, page, &c.tl_name) {
        text.push('\n');
        text.push_str(&l);
        text.push('\n');
    }
    if c.has_optional_fields() {
        let name = &c.rust_name;
        text.push_str(&format!(
            "\nBuild it as `{name} {{ …, ..{name}::new(…) }}`, which keeps \
             compiling when a later layer adds optional fields.\n"
        ));
    }
    if let Page::Method = page {
        function_sections(c, dialect, error_type, &mut text);
    }
    attrs(&text)
}

/// What a function returns and the errors its docs list.
fn function_sections(
    c: &Combinator,
    dialect: Dialect,
    error_type: Option<&str>,
    text: &mut String,
) {
    if let Some((_, ret)) = c.tl_line.rsplit_once(" = ") {
        let ret = ret.trim_end_matches(';');
        text.push_str(&format!("\nReturns `{ret}`"));
        let plain = ret
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '.' || ch == '_');
        match link(dialect, Page::Type, ret) {
            Some(l) if plain => text.push_str(&format!(" ({l}).\n")),
            _ => text.push_str(".\n"),
        }
    }
    if c.errors.is_empty() {
        return;
    }
    text.push_str("\n# Possible errors\n\n| Code | Type | Description |\n|---|---|---|\n");
    for e in &c.errors {
        let description = crate::api_docs::markdown(&e.description, &[]).replace('|', "\\|");
        text.push_str(&format!("| {} | `{}` | {description} |\n", e.code, e.name));
    }
    if let Some(path) = error_type {
        let name = path.rsplit("::").next().unwrap_or(path);
        text.push_str(&format!(
            "\n[`RemoteCall::error`](::tl_runtime::RemoteCall::error) turns an `rpc_error` \
             answer into [`{name}`]({path}).\n"
        ));
    }
}

/// Docs of a boxed type's enum.
pub fn boxed_type(t: &BoxedType, dialect: Dialect) -> TokenStream {
    let mut text = match &t.doc {
        Some(d) => format!("{d}\n\n"),
        None => String::new(),
    };
    text.push_str(&format!(
        "The boxed TL type `{}`: one variant per constructor.\n",
        t.tl_name
    ));
    if let Some(l) = link(dialect, Page::Type, &t.tl_name) {
        text.push('\n');
        text.push_str(&l);
        text.push('\n');
    }
    attrs(&text)
}

/// Docs of one field: the schema's text and the flag bit it depends on.
/// A plain field the schema does not describe gets none: its name and type
/// say all there is.
pub fn field(f: &Field) -> TokenStream {
    let mut text = String::new();
    if let [Some(doc)] = f.docs.as_slice() {
        text.push_str(doc);
        text.push_str("\n\n");
    }
    if let Some(cond) = &f.condition {
        let note = match f.shape {
            FieldShape::Flag => format!("Flag `{cond}`."),
            FieldShape::Group(_) => format!(
                "`{}`: present together when `{cond}` is set.",
                f.tl_names.join("`, `")
            ),
            _ => format!("Present when `{cond}` is set."),
        };
        text.push_str(&note);
    }
    attrs(text.trim_end())
}

/// Docs of a flag group's struct.
pub fn group(c: &Combinator, f: &Field) -> TokenStream {
    let cond = f.condition.as_deref().unwrap_or("?");
    attrs(&format!(
        "The fields of [`{0}`](super::{0}) on flag bit `{cond}`, which are present together.",
        c.rust_name
    ))
}
