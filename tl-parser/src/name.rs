//! [`Name`]: the text of an identifier, as a range of a shared text.
//!
//! A schema holds tens of thousands of names (api-230.tl: about 27,000). The
//! parser copies the schema's text once into an `Arc<str>`, and every name it
//! reads is a range of that copy: no allocation per name, and none to free
//! when the AST is dropped. A `Name` reads like a `&str` (it derefs to one)
//! and compares, hashes and orders exactly as its text does.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;
use std::sync::Arc;

/// Identifier text: a range of a text that many names share.
#[derive(Clone)]
pub struct Name {
    /// The text this name is a range of.
    source: Arc<str>,
    /// `source[start..end]` is the name, on `char` boundaries.
    start: usize,
    end: usize,
}

impl Name {
    /// A name with the given text (a copy of it, shared by the name's clones).
    pub fn new(text: &str) -> Name {
        Name {
            source: text.into(),
            start: 0,
            end: text.len(),
        }
    }

    /// The name `source[start..start + len]`; the parser makes all its names
    /// this way, from one copy of the schema's text. A range that is not
    /// text of `source` gives the empty name.
    #[inline]
    pub(crate) fn in_source(source: &Arc<str>, start: usize, len: usize) -> Name {
        let end = start.saturating_add(len);
        if source.get(start..end).is_none() {
            return Name::new("");
        }
        Name {
            source: Arc::clone(source),
            start,
            end,
        }
    }

    /// A hash of the first eight bytes and the length, for filters that
    /// only need to tell most names apart, cheaply: the top bits mix all
    /// of them.
    #[inline]
    pub(crate) fn short_hash(&self) -> u64 {
        let text = self.as_bytes();
        let mut head = [0; 8];
        let n = text.len().min(8);
        head[..n].copy_from_slice(&text[..n]);
        (u64::from_le_bytes(head) ^ text.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        self.source
            .get(self.start..self.end)
            .expect("a name's range is text of its source: checked when it is made")
    }
}

impl Default for Name {
    fn default() -> Self {
        Name::new("")
    }
}

impl Deref for Name {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Lets a `HashMap<Name, _>` be queried with a `&str`: hashing and equality
/// are those of the text.
impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Name {
    #[inline]
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Name {}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! eq_text {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Name {
            #[inline]
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == &other[..]
            }
        }

        impl PartialEq<Name> for $other {
            #[inline]
            fn eq(&self, other: &Name) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}

eq_text!(str, &str, String);

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Self {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Self {
        Name::new(&text)
    }
}

impl From<Name> for String {
    fn from(name: Name) -> Self {
        name.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::Name;
    use std::collections::HashMap;
    use std::sync::Arc;

    #[test]
    fn names_read_back_as_written() {
        for text in ["", "int", "messages.getSavedReactionTags", "ünïcödé.näme"] {
            let name = Name::new(text);
            assert_eq!(name.as_str(), text);
            assert_eq!(name, text);
            assert_eq!(String::from(name.clone()), text);
            assert_eq!(Name::from(text.to_string()), name);
            assert_eq!(format!("{name}"), text);
            assert_eq!(format!("{name:?}"), format!("{text:?}"));
        }
    }

    #[test]
    fn ranges_of_a_source_are_their_text() {
        let source: Arc<str> = "user id:int = ünï;".into();
        let user = Name::in_source(&source, 0, 4);
        let id = Name::in_source(&source, 5, 2);
        assert_eq!((user.as_str(), id.as_str()), ("user", "id"));
        assert_eq!(Name::in_source(&source, 14, 3), "ün");
        // Not text of the source: off its end, or inside a character.
        assert_eq!(Name::in_source(&source, 18, 5), "");
        assert_eq!(Name::in_source(&source, 15, 1), "");
        assert_eq!(Name::in_source(&source, usize::MAX, 2), "");
    }

    #[test]
    fn names_compare_and_hash_as_their_text() {
        let source: Arc<str> = "user user".into();
        let first = Name::in_source(&source, 0, 4);
        let second = Name::in_source(&source, 5, 4);
        assert_eq!(first, second);
        assert_eq!(first, Name::new("user"));
        let mut map = HashMap::new();
        map.insert(first, 1);
        assert_eq!(map.get("user"), Some(&1));
        assert_eq!(map.get(&second), Some(&1));
        assert_ne!(Name::new("ab"), Name::new("abc"));
        assert!(Name::new("a") < Name::new("b"));
    }

    #[test]
    fn pads_like_a_str() {
        assert_eq!(format!("[{:>6}]", Name::new("int")), "[   int]");
    }
}
