//! The macro's input: inline TL as a string literal, and/or `key = value` options.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, Ident, LitStr, Token};

/// Every option the macro takes, for "did you mean" errors.
pub const OPTIONS: &[&str] = &[
    "include",
    "dialect",
    "allow_id_mismatch",
    "known_deviations",
    "only",
    "derive",
    "samples",
    "docs",
    "errors",
    "crate",
    "non_exhaustive",
];

/// A string with the span it was written at.
pub struct Spanned {
    pub value: String,
    pub span: Span,
}

impl From<LitStr> for Spanned {
    fn from(l: LitStr) -> Self {
        Spanned {
            value: l.value(),
            span: l.span(),
        }
    }
}

/// The parsed macro input.
pub struct Input {
    pub inline: Option<Spanned>,
    pub include: Vec<Spanned>,
    pub dialect: Option<Spanned>,
    pub allow_id_mismatch: Vec<Spanned>,
    pub known_deviations: bool,
    pub only: Vec<Spanned>,
    pub derive: Vec<Spanned>,
    pub samples: bool,
    pub docs: Option<Spanned>,
    pub errors: bool,
    /// `crate = "::path"`: where generated code finds the runtime.
    pub runtime_path: Option<Spanned>,
    pub non_exhaustive: bool,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut out = Input {
            inline: None,
            include: Vec::new(),
            dialect: None,
            allow_id_mismatch: Vec::new(),
            known_deviations: true,
            only: Vec::new(),
            derive: Vec::new(),
            samples: false,
            docs: None,
            errors: true,
            runtime_path: None,
            non_exhaustive: false,
        };
        if input.peek(LitStr) {
            out.inline = Some(input.parse::<LitStr>()?.into());
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        let mut errors: Option<syn::Error> = None;
        while !input.is_empty() {
            // `crate` is a keyword: any identifier is read as a key.
            let key: Ident = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "include" => out.include = strings(input)?,
                "dialect" => out.dialect = Some(input.parse::<LitStr>()?.into()),
                "allow_id_mismatch" => out.allow_id_mismatch = strings(input)?,
                "known_deviations" => out.known_deviations = input.parse::<syn::LitBool>()?.value,
                "only" => out.only = strings(input)?,
                "derive" => out.derive = paths(input)?,
                "samples" => out.samples = input.parse::<syn::LitBool>()?.value,
                "docs" => out.docs = Some(input.parse::<LitStr>()?.into()),
                "errors" => out.errors = input.parse::<syn::LitBool>()?.value,
                "crate" => out.runtime_path = Some(input.parse::<LitStr>()?.into()),
                "non_exhaustive" => out.non_exhaustive = input.parse::<syn::LitBool>()?.value,
                other => {
                    // Skip the value so that later options are still checked.
                    skip_value(input)?;
                    let guess = tl_parser::did_you_mean(other, OPTIONS.iter().copied())
                        .map(|near| format!("did you mean `{near}`? "))
                        .unwrap_or_default();
                    let e = syn::Error::new(
                        key.span(),
                        format!(
                            "unknown option `{other}`; {guess}valid options are: {}",
                            OPTIONS.join(", ")
                        ),
                    );
                    match &mut errors {
                        Some(all) => all.combine(e),
                        None => errors = Some(e),
                    }
                }
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        if let Some(e) = errors {
            return Err(e);
        }
        if out.inline.is_none() && out.include.is_empty() {
            return Err(
                input.error("expected inline TL as a string literal, or `include = \"path.tl\"`")
            );
        }
        Ok(out)
    }
}

/// `"a"` or `["a", "b"]`.
fn strings(input: ParseStream<'_>) -> syn::Result<Vec<Spanned>> {
    if input.peek(LitStr) {
        return Ok(vec![input.parse::<LitStr>()?.into()]);
    }
    let content;
    bracketed!(content in input);
    let mut out = Vec::new();
    while !content.is_empty() {
        out.push(content.parse::<LitStr>()?.into());
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

/// `[serde::Serialize, serde::Deserialize]`: each path kept as text.
fn paths(input: ParseStream<'_>) -> syn::Result<Vec<Spanned>> {
    let content;
    bracketed!(content in input);
    let mut out = Vec::new();
    while !content.is_empty() {
        let span = content.span();
        let mut tokens = TokenStream::new();
        while !content.is_empty() && !content.peek(Token![,]) {
            tokens.extend([content.parse::<TokenTree>()?]);
        }
        out.push(Spanned {
            value: tokens.to_string().replace(' ', ""),
            span,
        });
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}
