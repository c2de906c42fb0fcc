//! Every naming rule: TL names to Rust identifiers, keyword escaping, and
//! de-duplication within one scope.

use proc_macro2::{Ident, Span};
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
/// `PQInnerDataDc`, `server_DH_params_ok` → `ServerDhParamsOk`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in words(name) {
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

/// `userId` → `user_id`, `field_Bool` → `field_bool`, `long` → `long`.
pub fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for word in words(name) {
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
/// `self` → `self_`.
pub fn ident(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
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

    #[test]
    fn scopes_never_repeat_a_name() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("Foo".into()), "Foo");
        assert_eq!(scope.claim("Foo".into()), "Foo2");
        assert_eq!(scope.claim("user_id".into()), "user_id");
        assert_eq!(scope.claim("user_id".into()), "user_id_2");
    }
}
