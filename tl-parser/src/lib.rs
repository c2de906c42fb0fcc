//! Parser, id verifier and validator for TL (Type Language) schemas: Telegram's
//! `api.tl` and `mtproto.tl`, TDLib's `td_api.tl`, and TON's schemas.
//!
//! [`parse`] reads a schema into an AST ([`Schema`]) whose nodes carry source
//! [`Span`]s, computes every definition's CRC32 id under the schema's
//! [`Dialect`], checks declared ids, references and flags, and returns every
//! finding as a [`Diagnostic`] in one pass.
//!
//! ```
//! use tl_parser::{parse, Options, SourceFile};
//!
//! let src = "updateShort#78d4dec1 update:Update date:int = Updates;\n";
//! let parsed = parse(src, &Options::default());
//! let def = &parsed.schema.definitions[0];
//! assert_eq!(def.id(), 0x78d4dec1);
//! assert_eq!(def.computed_id, 0x78d4dec1);
//! // `Update` and `Updates` are not defined here: a warning, not an error.
//! assert!(!parsed.has_errors());
//! let file = SourceFile::new("seed.tl", src);
//! assert!(parsed.diagnostics[0].render(&file).contains("undefined type `Update`"));
//! ```

#![forbid(unsafe_code)]

mod ast;
mod diagnostic;
mod doc;
mod grammar;
mod id;
mod known_deviations;
mod name;
mod parse;
mod print;
pub mod render;
mod scan;
mod span;
mod suggest;
mod validate;

pub use ast::{
    DeclaredId, Definition, FlagRef, Ident, Multiplier, Param, ParamType, Params, Schema, Section,
    TypeDoc, TypeExpr, TypeParam, TypeSyntax,
};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use doc::Doc;
pub use id::{compute_id, normalized_text, Dialect};
pub use known_deviations::{known_deviation, KnownDeviation, KNOWN_DEVIATIONS};
pub use name::Name;
pub use render::Style;
pub use span::{LineCol, SourceFile, Span};
pub use suggest::did_you_mean;
pub use validate::BUILTIN_TYPES;

/// How to read a schema.
#[derive(Clone, Debug)]
pub struct Options {
    /// The id rule; `None` detects it per file ([`Dialect::detect`]).
    pub dialect: Option<Dialect>,
    /// Names (or `*` patterns such as `*Legacy`) whose declared id may differ from
    /// the computed one, or repeat another definition's id.
    pub allow_id_mismatch: Vec<String>,
    /// Accept the published definitions of [`KNOWN_DEVIATIONS`] (a name
    /// with its declared id) and report each as a note instead of an error.
    /// On by default.
    pub known_deviations: bool,
    /// Report undefined types as errors instead of warnings.
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dialect: None,
            allow_id_mismatch: Vec::new(),
            known_deviations: true,
            strict: false,
        }
    }
}

impl Options {
    /// Whether `name` is allowed to deviate from the id rules.
    pub fn allows(&self, name: &str) -> bool {
        self.allow_id_mismatch.iter().any(|p| glob_match(p, name))
    }

    /// The known deviation `name` with `declared_id` is, if these options
    /// accept known deviations.
    pub fn known_deviation(&self, name: &str, declared_id: u32) -> Option<&'static KnownDeviation> {
        self.known_deviations
            .then(|| known_deviation(name, declared_id))
            .flatten()
    }
}

/// Matches `name` against a pattern in which `*` stands for any text.
fn glob_match(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// A parsed schema and everything found wrong with it.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The AST, as complete as the text allowed.
    pub schema: Schema,
    /// Every diagnostic, sorted by position, except that an id mismatch
    /// caused by an undefined type follows it.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Parses, computes ids, and validates `src`.
///
/// A text of 4 GiB or more is not read: spans could not address it, so the
/// result is an empty schema and one [`Code::TooLarge`] error.
pub fn parse(src: &str, options: &Options) -> Parsed {
    if let Some(too_large) = too_large(src.len()) {
        return Parsed {
            schema: Schema::default(),
            diagnostics: vec![too_large],
        };
    }
    let parse::Read {
        mut schema,
        mut diagnostics,
    } = parse::read(src);
    schema.dialect = options
        .dialect
        .unwrap_or_else(|| Dialect::detect(&schema.definitions));
    id::compute_ids(&mut schema.definitions, schema.dialect);
    validate::validate(&schema, src, options, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.span.start);
    validate::put_knock_ons_after_causes(&mut diagnostics);
    Parsed {
        schema,
        diagnostics,
    }
}

/// The error for a text of `len` bytes if spans cannot address it.
fn too_large(len: usize) -> Option<Diagnostic> {
    u32::try_from(len).is_err().then(|| {
        Diagnostic::error(
            Code::TooLarge,
            Span::new(0, 0),
            format!(
                "the schema is {len} bytes long; at most {} can be read",
                u32::MAX
            ),
        )
    })
}

/// [`parse`] with default options.
pub fn parse_str(src: &str) -> Parsed {
    parse(src, &Options::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_text_too_long_for_spans_is_refused() {
        // `parse` returns this error alone for such a text, before reading it.
        let refused = too_large(1 << 32).expect("2^32 bytes is too large");
        assert_eq!(refused.code, Code::TooLarge);
        assert!(refused.message.contains("4294967296 bytes"));
        assert!(too_large(u32::MAX as usize).is_none());
    }

    #[test]
    fn glob_patterns() {
        assert!(glob_match("*Legacy", "inputStickerSetThumbLegacy"));
        assert!(glob_match(
            "invokeWith*Prefix",
            "invokeWithApnsSecretPrefix"
        ));
        assert!(glob_match("ipPortSecret", "ipPortSecret"));
        assert!(!glob_match("ipPortSecret", "ipPortSecret2"));
        assert!(!glob_match("*Legacy", "legacyFoo"));
        assert!(glob_match("*", "anything"));
    }
}
