//! Every naming rule: TL names to Rust identifiers, keyword escaping, and
//! de-duplication within one scope.

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
/// without words (`___`) as [`no_words`] says.
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

    /// Claims `name`, or `name2`, `name3`… if it is taken (`_2` after a
    /// snake-case name), and returns what was claimed.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let sep = if name.contains('_') || name.starts_with(|c: char| c.is_ascii_lowercase()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{name}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(name)
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

    #[test]
    fn scopes_never_repeat_a_name() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("Foo".into()), "Foo");
        assert_eq!(scope.claim("Foo".into()), "Foo2");
        assert_eq!(scope.claim("user_id".into()), "user_id");
        assert_eq!(scope.claim("user_id".into()), "user_id_2");
    }
}
