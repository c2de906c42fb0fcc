//! The path generated code reaches the runtime through.
//!
//! Emission writes `::tl_runtime` everywhere; `crate = "::my_client::tl"`
//! (the `runtime_path` option) then replaces that path, in code and in the
//! string literals that name it (serde's `with = "…"`, intra-doc links), in
//! one pass over the tokens. A library that re-exports the runtime can so
//! offer `tl!` to users who do not depend on `tl_runtime` themselves.

use crate::ident::KEYWORDS;
use proc_macro2::{Group, Literal, Spacing, TokenStream, TokenTree};

/// Keywords that are path segments themselves.
const PATH_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

/// The runtime's path as emission writes it.
const DEFAULT: &str = "::tl_runtime";

/// Whether `tokens` are a plain path: names joined by `::`, maybe with a
/// leading `::`.
pub fn is_path(tokens: &TokenStream) -> bool {
    let mut after_name = false;
    let mut colons = 0;
    for t in tokens.clone() {
        match t {
            TokenTree::Ident(_) if !after_name && colons % 2 == 0 => after_name = true,
            TokenTree::Punct(p) if p.as_char() == ':' => {
                colons += 1;
                after_name = false;
            }
            _ => return false,
        }
    }
    after_name && colons % 2 == 0
}

/// `tokens` with every `::tl_runtime` replaced by `path`.
pub fn replace(tokens: TokenStream, path: &TokenStream) -> TokenStream {
    let text = path.to_string().replace(' ', "");
    let mut out = Vec::new();
    rewrite(tokens, path, &text, &mut out);
    out.into_iter().collect()
}

fn rewrite(tokens: TokenStream, path: &TokenStream, text: &str, out: &mut Vec<TokenTree>) {
    for t in tokens {
        match t {
            TokenTree::Ident(i) if i == "tl_runtime" && ends_with_path_sep(out) => {
                out.truncate(out.len() - 2);
                out.extend(path.clone());
            }
            TokenTree::Group(g) => {
                let mut inner = Vec::new();
                rewrite(g.stream(), path, text, &mut inner);
                let mut group = Group::new(g.delimiter(), inner.into_iter().collect());
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
            }
            TokenTree::Literal(l) => {
                let repr = l.to_string();
                let replaced = (repr.starts_with('"') && repr.contains(DEFAULT))
                    .then(|| repr.replace(DEFAULT, text).parse::<Literal>().ok())
                    .flatten();
                out.push(TokenTree::Literal(replaced.unwrap_or(l)));
            }
            other => out.push(other),
        }
    }
}

/// Whether `out` ends with a `::` that starts a path: `a::tl_runtime` and
/// `super::tl_runtime` are modules of a schema namespace, while after a
/// keyword (`impl ::tl_runtime::Bare`, `&mut ::tl_runtime::Reader`) a path
/// starts.
fn ends_with_path_sep(out: &[TokenTree]) -> bool {
    let (before, sep) = out.split_at(out.len().saturating_sub(2));
    let [TokenTree::Punct(a), TokenTree::Punct(b)] = sep else {
        return false;
    };
    a.as_char() == ':'
        && a.spacing() == Spacing::Joint
        && b.as_char() == ':'
        && match before.last() {
            Some(TokenTree::Ident(i)) => {
                let word = i.to_string();
                KEYWORDS.contains(&word.as_str()) && !PATH_KEYWORDS.contains(&word.as_str())
            }
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn paths_are_names_joined_by_double_colons() {
        for ok in ["::tl_runtime", "my_client::tl", "::a::b::c", "crate::rt"] {
            assert!(is_path(&ok.parse().unwrap()), "{ok}");
        }
        for bad in ["", "::", "a::", "a b", "a:b", "a::<T>", "\"a\"", "a:::b"] {
            assert!(!is_path(&bad.parse().unwrap()), "{bad}");
        }
    }

    #[test]
    fn every_runtime_path_and_literal_is_replaced() {
        let code = quote! {
            impl ::tl_runtime::Bare for X {
                fn f(r: &mut ::tl_runtime::Reader<'_>) -> Vec<::tl_runtime::RawObject> {
                    other::tl_runtime::keep();
                    super::tl_runtime::Keep::new();
                    let x: &dyn ::tl_runtime::Sink = as_sink(x as ::tl_runtime::Sink);
                    let tl_runtime = 1;
                }
            }
            #[serde(with = "::tl_runtime::serde_bytes")]
            #[doc = " [`error`](::tl_runtime::RemoteCall::error)"]
            struct Y;
        };
        let path: TokenStream = "::my_client::tl".parse().unwrap();
        let out = replace(code, &path).to_string();
        assert_eq!(
            out.matches(":: my_client :: tl :: Bare").count(),
            1,
            "{out}"
        );
        assert_eq!(
            out.matches(":: my_client :: tl :: Reader").count(),
            1,
            "{out}"
        );
        assert_eq!(
            out.matches(":: my_client :: tl :: RawObject").count(),
            1,
            "{out}"
        );
        assert!(out.contains("other :: tl_runtime :: keep"), "{out}");
        assert!(out.contains("let tl_runtime = 1"), "{out}");
        assert!(out.contains("super :: tl_runtime :: Keep"), "{out}");
        assert!(out.contains("dyn :: my_client :: tl :: Sink"), "{out}");
        assert!(out.contains("as :: my_client :: tl :: Sink"), "{out}");
        assert!(out.contains("\"::my_client::tl::serde_bytes\""), "{out}");
        assert!(
            out.contains("(::my_client::tl::RemoteCall::error)"),
            "{out}"
        );
        // Only the two namespace modules keep the name.
        assert_eq!(out.matches(":: tl_runtime ::").count(), 2, "{out}");
    }
}
