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
                comma(input, "after the inline TL")?;
            }
        }
        let mut errors: Option<syn::Error> = None;
        let mut push = |e: syn::Error| match &mut errors {
            Some(all) => all.combine(e),
            None => errors = Some(e),
        };
        let mut seen: Vec<String> = Vec::new();
        while !input.is_empty() {
            // `crate` is a keyword: any identifier is read as a key.
            let key: Ident = input.call(Ident::parse_any)?;
            let name = key.to_string();
            input.parse::<Token![=]>().map_err(|e| {
                let message = format!("expected `=`: options are written `{name} = value`");
                syn::Error::new(e.span(), message)
            })?;
            let read = if seen.contains(&name) {
                // The later value would silently replace the earlier one.
                Err(syn::Error::new(
                    key.span(),
                    format!("option `{name}` is given twice"),
                ))
            } else {
                seen.push(name.clone());
                out.option(&key, input)
            };
            if let Err(e) = read {
                // Skip the value so that later options are still checked.
                skip_value(input)?;
                push(e);
            }
            if !input.is_empty() {
                comma(input, &format!("after the value of `{name}`"))?;
            }
        }
        if let Some(e) = errors {
            return Err(e);
        }
        if out.inline.is_none() && out.include.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                "`tl!` needs a schema: inline TL as a string literal, or `include = \"path.tl\"`",
            ));
        }
        Ok(out)
    }
}

impl Input {
    /// Reads the value of option `key` into `self`.
    fn option(&mut self, key: &Ident, input: ParseStream<'_>) -> syn::Result<()> {
        let name = key.to_string();
        let k = name.as_str();
        match k {
            "include" => self.include = strings(input, k)?,
            "dialect" => self.dialect = Some(string(input, k, DIALECT)?),
            "allow_id_mismatch" => self.allow_id_mismatch = strings(input, k)?,
            "known_deviations" => self.known_deviations = boolean(input, k)?,
            "only" => self.only = strings(input, k)?,
            "derive" => self.derive = paths(input, k)?,
            "samples" => self.samples = boolean(input, k)?,
            "docs" => self.docs = Some(string(input, k, STRING)?),
            "errors" => self.errors = boolean(input, k)?,
            "crate" => self.runtime_path = Some(string(input, k, STRING)?),
            "non_exhaustive" => self.non_exhaustive = boolean(input, k)?,
            other => {
                let guess = tl_parser::did_you_mean(other, OPTIONS.iter().copied())
                    .map(|near| format!("did you mean `{near}`? "))
                    .unwrap_or_default();
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown option `{other}`; {guess}valid options are: {}",
                        OPTIONS.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// What a boolean option takes, for errors.
const BOOL: &str = "`true` or `false`";
/// What a path option takes.
const STRING: &str = "a string literal";
/// What `dialect` takes.
const DIALECT: &str = "a string literal, `\"telegram\"` or `\"tdlib\"`";
/// What a list option takes.
const STRINGS: &str = "a string literal or a list of them, such as `[\"a\", \"b\"]`";
/// What `derive` takes.
const PATHS: &str = "a list of derive paths, such as `[serde::Serialize]`";

/// The error at `e`'s place saying what option `key` takes: syn's own
/// ("expected boolean literal") does not name the option.
fn takes(e: syn::Error, key: &str, what: &str) -> syn::Error {
    syn::Error::new(e.span(), format!("`{key}` takes {what}"))
}

/// `true` or `false`.
fn boolean(input: ParseStream<'_>, key: &str) -> syn::Result<bool> {
    let value = input.parse::<syn::LitBool>();
    value.map(|b| b.value).map_err(|e| takes(e, key, BOOL))
}

/// `"a"`.
fn string(input: ParseStream<'_>, key: &str, what: &str) -> syn::Result<Spanned> {
    let value = input.parse::<LitStr>();
    value.map(Spanned::from).map_err(|e| takes(e, key, what))
}

/// `"a"` or `["a", "b"]`.
fn strings(input: ParseStream<'_>, key: &str) -> syn::Result<Vec<Spanned>> {
    let list = || -> syn::Result<Vec<Spanned>> {
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
    };
    list().map_err(|e| takes(e, key, STRINGS))
}

/// `[serde::Serialize, serde::Deserialize]`: each path kept as text.
fn paths(input: ParseStream<'_>, key: &str) -> syn::Result<Vec<Spanned>> {
    let list = || -> syn::Result<Vec<Spanned>> {
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
    };
    list().map_err(|e| takes(e, key, PATHS))
}

/// A `,`, or an error saying where it was expected.
fn comma(input: ParseStream<'_>, place: &str) -> syn::Result<()> {
    input
        .parse::<Token![,]>()
        .map(drop)
        .map_err(|e| syn::Error::new(e.span(), format!("expected `,` {place}")))
}

fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}
