//! Every naming rule: TL names to Rust identifiers, keyword escaping, and
//! de-duplication within one scope.
//!
//! The rules, which the README's "Names" section states for users:
//! - type, variant and group names are [`camel`] case, fields, modules and
//!   methods [`snake`] case;
//! - a name that starts with a digit once converted gets a `_` in front
//!   (`2fa` → `_2fa`); a name without letters or digits becomes underscores
//!   ([`no_words`]);
//! - keywords are written raw (`type` → `r#type`), except those that cannot
//!   be raw, which get a trailing `_` (`self` → `self_`, `Self` → `Self_`);
//! - names that convert to the same text in one scope are told apart in
//!   order of appearance by [`Scope::claim`] (`fooBar` and `foo_bar` give
//!   `foo_bar` and `foo_bar_2`).

use proc_macro2::{Ident, Span};
use std::borrow::Cow;
use std::collections::HashSet;

/// Rust keywords (strict and reserved, all editions) that need `r#` or a rename.
pub(crate) const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_` instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// `updateShortMessage` → `UpdateShortMessage`, `p_q_inner_data_dc` →
/// `PQInnerDataDc`, `server_DH_params_ok` → `ServerDhParamsOk`; a name
/// without words (`___`) as [`no_words`] says. The result is an identifier
/// that needs no escape: `self` → `Self_`, since `Self` is a keyword that
/// cannot be raw and camel case names go through `format_ident!` unescaped.
pub fn camel(name: &str) -> String {
    let words = words(name);
    if words.is_empty() {
        return no_words(name);
    }
    let mut out = String::with_capacity(name.len());
    for word in words {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    // Camel case capitalizes, so `Self` is the only keyword it can give.
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// The Rust name of a type parameter (`{X:Type}`), which the emitter writes
/// as it is: the TL name made an identifier, with a trailing `_` if it is a
/// keyword (`{type:Type}` → `type_`), as a generic parameter is never raw in
/// generated code.
pub fn type_param(name: &str) -> String {
    let mut out = identifier_text(name).into_owned();
    if KEYWORDS.contains(&out.as_str()) || out == "_" {
        out.push('_');
    }
    out
}

/// `userId` → `user_id`, `field_Bool` → `field_bool`, `long` → `long`; a
/// name without words (`___`) as [`no_words`] says.
pub fn snake(name: &str) -> String {
    let words = words(name);
    if words.is_empty() {
        return no_words(name);
    }
    let mut out = String::with_capacity(name.len() + 4);
    for word in words {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// The identifier for a name with no letter or digit, such as `___` (the
/// parser accepts any name made of `_`, letters and digits): one `_` per
/// byte of the name, at least two, since `_` alone is not an identifier.
/// `_` → `__`, `___` → `___`, `_._` → `___`. Rust's case lints accept
/// names of underscores only, in types and fields alike.
fn no_words(name: &str) -> String {
    "_".repeat(name.len().max(2))
}

/// Splits a TL name into words at `_`, `.` and case changes; a run of capitals
/// is one word (`DH` in `server_DH_params`, `RSA` in `RSAPublicKey`).
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in name.split(['_', '.']).filter(|p| !p.is_empty()) {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (at, c) = chars[i];
            let prev = chars[i - 1].1;
            let next_lower = chars
                .get(i + 1)
                .is_some_and(|(_, n)| n.is_ascii_lowercase());
            let boundary = (c.is_ascii_uppercase()
                && (prev.is_ascii_lowercase() || prev.is_ascii_digit()))
                || (c.is_ascii_uppercase() && prev.is_ascii_uppercase() && next_lower);
            if boundary {
                words.push(&part[start..at]);
                start = at;
            }
        }
        words.push(&part[start..]);
    }
    words
}

/// An identifier for `name`, escaped if it is a keyword: `type` → `r#type`,
/// `self` → `self_`. Text that is no identifier at all becomes one, as
/// [`identifier_text`] says, instead of making `Ident::new` panic.
pub fn ident(name: &str) -> Ident {
    let name = &*identifier_text(name);
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// `name` if it is an ASCII identifier; otherwise an identifier made from
/// it: every character that is not an ASCII letter, digit or `_` becomes `_`, a
/// `_` goes before a leading digit, and the empty text becomes `__`.
/// [`camel`] and [`snake`] only make identifiers; this guards the other
/// names that reach [`ident`].
fn identifier_text(name: &str) -> Cow<'_, str> {
    let valid = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    match name.as_bytes().first() {
        None => return Cow::Borrowed("__"),
        Some(c) if !c.is_ascii_digit() && name.as_bytes().iter().all(valid) => {
            return Cow::Borrowed(name)
        }
        _ => {}
    }
    let mut out = String::with_capacity(name.len() + 1);
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        out.push('_');
    }
    out.extend(name.chars().map(|c| match c {
        c if c.is_ascii_alphanumeric() => c,
        _ => '_',
    }));
    Cow::Owned(out)
}

/// Names taken in one scope (a module, a struct's fields, an enum's variants).
#[derive(Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// Marks `name` as taken, if it is not already.
    pub fn take(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }

    /// Claims `name` together with the names `also` derives from each
    /// candidate, all of which must be free: a flag group's field `saved_from`
    /// also takes `saved_from_0`, `saved_from_1`…, the names the emitter binds
    /// its parts to, so that no other field's binding shadows them. Candidates
    /// go as in [`Scope::claim`].
    pub fn claim_with(&mut self, name: String, also: impl Fn(&str) -> Vec<String>) -> String {
        let sep = separator(&name);
        let free = |scope: &Self, candidate: &str| {
            !scope.taken.contains(candidate)
                && also(candidate).iter().all(|n| !scope.taken.contains(n))
        };
        let chosen = std::iter::once(name.clone())
            .chain((2..).map(|n| format!("{name}{sep}{n}")))
            .find(|candidate| free(self, candidate))
            .unwrap_or(name);
        for n in also(&chosen) {
            self.taken.insert(n);
        }
        self.taken.insert(chosen.clone());
        chosen
    }

    /// Claims `name`, or `name2`, `name3`… if it is taken (`_2` after a
    /// snake-case name), and returns what was claimed.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let sep = separator(&name);
        (2..)
            .map(|n| format!("{name}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(name)
    }
}

/// What goes between a taken name and its number: `_` after a snake-case
/// name (`user_id_2`), nothing after a camel-case one (`Foo2`).
fn separator(name: &str) -> &'static str {
    if name.contains('_') || name.starts_with(|c: char| c.is_ascii_lowercase()) {
        "_"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case() {
        assert_eq!(camel("updateShortMessage"), "UpdateShortMessage");
        assert_eq!(camel("p_q_inner_data_temp_dc"), "PQInnerDataTempDc");
        assert_eq!(camel("server_DH_params_ok"), "ServerDhParamsOk");
        assert_eq!(camel("RSAPublicKey"), "RsaPublicKey");
        assert_eq!(camel("global_v2"), "GlobalV2");
        assert_eq!(
            camel("Set_client_DH_params_answer"),
            "SetClientDhParamsAnswer"
        );
        assert_eq!(camel("int128"), "Int128");
        assert_eq!(camel("messages.Messages"), "MessagesMessages");
    }

    #[test]
    fn snake_case() {
        assert_eq!(snake("user_id"), "user_id");
        assert_eq!(snake("field_Bool"), "field_bool");
        assert_eq!(snake("secureString"), "secure_string");
        assert_eq!(snake("messages"), "messages");
        assert_eq!(snake("2fa"), "_2fa");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("long").to_string(), "long");
    }

    /// `Ident::new("")` panics: a TL name of underscores only used to
    /// reach it, and with it any `tl!` of such a schema.
    #[test]
    fn names_without_words_become_underscores() {
        for (name, expected) in [("_", "__"), ("__", "__"), ("___", "___"), ("_._", "___")] {
            assert_eq!(camel(name), expected, "camel({name:?})");
            assert_eq!(snake(name), expected, "snake({name:?})");
            assert_eq!(ident(&snake(name)).to_string(), expected);
        }
        // Words keep the usual rule around the underscores.
        assert_eq!(camel("__a__"), "A");
        assert_eq!(snake("__a__"), "a");
    }

    #[test]
    fn text_that_is_no_identifier_is_made_one() {
        for (text, expected) in [
            ("", "__"),
            ("_", "__"),
            ("2fa", "_2fa"),
            ("a.b", "a_b"),
            ("a-b c", "a_b_c"),
            ("ünï", "_n_"),
            ("ok_1", "ok_1"),
        ] {
            assert_eq!(ident(text).to_string(), expected, "{text:?}");
        }
    }

    /// `Self` cannot be raw, and camel case names are written unescaped.
    #[test]
    fn camel_case_never_gives_a_keyword() {
        assert_eq!(camel("self"), "Self_");
        assert_eq!(camel("Self"), "Self_");
        assert_eq!(camel("selfie"), "Selfie");
        for kw in KEYWORDS {
            let name = camel(kw);
            assert!(!KEYWORDS.contains(&name.as_str()), "camel({kw:?}) = {name}");
            assert_eq!(
                ident(&name).to_string(),
                name,
                "camel({kw:?}) needs no escape"
            );
        }
    }

    /// Every keyword becomes a usable identifier: raw where Rust allows it,
    /// with a trailing `_` where it does not.
    #[test]
    fn every_keyword_gets_an_identifier() {
        for kw in KEYWORDS {
            let snake_name = snake(kw);
            let expected = if NOT_RAW.contains(&snake_name.as_str()) {
                format!("{snake_name}_")
            } else {
                format!("r#{snake_name}")
            };
            assert_eq!(ident(&snake_name).to_string(), expected, "{kw:?}");
        }
        for kw in ["crate", "super", "self"] {
            assert_eq!(ident(kw).to_string(), format!("{kw}_"));
        }
    }

    #[test]
    fn type_parameters_are_never_keywords() {
        assert_eq!(type_param("X"), "X");
        assert_eq!(type_param("t"), "t");
        assert_eq!(type_param("type"), "type_");
        assert_eq!(type_param("Self"), "Self_");
        assert_eq!(type_param("_"), "__");
        assert_eq!(type_param("2x"), "_2x");
    }

    /// `fooBar` and `foo_bar` convert to the same names; the scope tells
    /// them apart in order of appearance.
    #[test]
    fn names_that_convert_alike_are_told_apart_in_order() {
        let mut fields = Scope::default();
        assert_eq!(fields.claim(snake("fooBar")), "foo_bar");
        assert_eq!(fields.claim(snake("foo_bar")), "foo_bar_2");
        assert_eq!(fields.claim(snake("FooBar")), "foo_bar_3");
        let mut types = Scope::default();
        assert_eq!(types.claim(camel("fooBar")), "FooBar");
        assert_eq!(types.claim(camel("foo_bar")), "FooBar2");
        // A leading digit and its escape convert alike too.
        let mut scope = Scope::default();
        assert_eq!(scope.claim(snake("2fa")), "_2fa");
        assert_eq!(scope.claim(snake("_2fa")), "_2fa_2");
    }

    /// A group's parts are bound as `<field>_<k>`: the group's name moves
    /// on until those are free, and later fields avoid them.
    #[test]
    fn a_claim_with_derived_names_takes_them_all() {
        let parts = |n: &str| vec![format!("{n}_0"), format!("{n}_1")];
        let mut scope = Scope::default();
        assert_eq!(scope.claim("a_0".into()), "a_0");
        assert_eq!(scope.claim_with("a".into(), parts), "a_2");
        assert_eq!(scope.claim("a_2_1".into()), "a_2_1_2");
        assert_eq!(scope.claim_with("b".into(), parts), "b");
        assert_eq!(scope.claim("b_0".into()), "b_0_2");
    }

    #[test]
    fn scopes_never_repeat_a_name() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("Foo".into()), "Foo");
        assert_eq!(scope.claim("Foo".into()), "Foo2");
        assert_eq!(scope.claim("user_id".into()), "user_id");
        assert_eq!(scope.claim("user_id".into()), "user_id_2");
    }
}
