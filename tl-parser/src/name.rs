//! [`Name`]: the text of an identifier, stored inline when it is short.
//!
//! A schema holds tens of thousands of names (api-230.tl: about 27,000), and
//! nearly all are short: 98.5% of its identifiers fit in [`Name::INLINE`] bytes.
//! Keeping those inside the AST node instead of in a `String` of their own
//! removes most of the parser's allocations, and their frees when the AST is
//! dropped. A `Name` reads like a `&str` (it derefs to one) and compares,
//! hashes and orders exactly as its text does.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

/// Identifier text, inline up to [`Name::INLINE`] bytes, boxed beyond.
#[derive(Clone)]
pub struct Name(Repr);

#[derive(Clone)]
enum Repr {
    /// `bytes[..len]` is the text, copied from a `&str`, hence UTF-8.
    Inline {
        len: u8,
        bytes: [u8; Name::INLINE],
    },
    Heap(Box<str>),
}

impl Name {
    /// The longest text kept inline. With 30, `Name` is four words, one more
    /// than a `String`, and the long names of functions such as
    /// `messages.getDialogFilters` (half of api-230.tl's definition
    /// names are over 22 bytes) need no allocation of their own.
    pub const INLINE: usize = 30;

    /// A name with the given text.
    pub fn new(text: &str) -> Name {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= Name::INLINE => {
                let mut bytes = [0; Name::INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Name(Repr::Inline { len, bytes })
            }
            _ => Name(Repr::Heap(text.into())),
        }
    }

    /// For a name stored inline: its whole buffer (the text, then zeros) and
    /// the text's length. A fixed-size buffer copies without a `memcpy` call.
    #[inline]
    pub(crate) fn inline_bytes(&self) -> Option<(&[u8; Name::INLINE], usize)> {
        match &self.0 {
            Repr::Inline { len, bytes } => Some((bytes, usize::from(*len))),
            Repr::Heap(_) => None,
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let text = &bytes[..usize::from(*len)];
                // SAFETY: `bytes[..len]` was copied whole from a `&str` in
                // `Name::new` and is never written afterwards, so it is UTF-8.
                unsafe { core::str::from_utf8_unchecked(text) }
            }
            Repr::Heap(text) => text,
        }
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
        match (&self.0, &other.0) {
            // Inline buffers are zero past the text: comparing them whole is
            // comparing the texts, in a few word compares and no `memcmp`.
            (Repr::Inline { len: a, bytes: x }, Repr::Inline { len: b, bytes: y }) => {
                a == b && x == y
            }
            _ => self.as_str() == other.as_str(),
        }
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
        if text.len() <= Name::INLINE {
            Name::new(&text)
        } else {
            Name(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl From<Name> for String {
    fn from(name: Name) -> Self {
        match name.0 {
            Repr::Heap(text) => text.into_string(),
            Repr::Inline { .. } => name.as_str().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Name;
    use std::collections::HashMap;

    #[test]
    fn short_and_long_names_read_back_as_written() {
        for text in [
            "",
            "int",
            "messages.sendMessage",
            "exactly_30_bytes_long_________",
            "exactly_31_bytes_long__________",
            "messages.getSavedReactionTags",
            "ünïcödé.näme",
        ] {
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
    fn is_one_word_larger_than_a_string() {
        assert_eq!(size_of::<Name>(), size_of::<String>() + size_of::<usize>());
    }

    #[test]
    fn inline_and_boxed_names_of_equal_text_are_equal_keys() {
        let long = "a".repeat(Name::INLINE + 1);
        let mut map = HashMap::new();
        map.insert(Name::new("user"), 1);
        map.insert(Name::from(long.clone()), 2);
        assert_eq!(map.get("user"), Some(&1));
        assert_eq!(map.get(long.as_str()), Some(&2));
        assert_ne!(Name::new("ab"), Name::new("abc"));
        assert_ne!(Name::new("ab"), Name::new("ac"));
        assert_ne!(Name::new(&long), Name::new("a"));
        assert!(Name::new("a") < Name::new("b"));
        assert!(Name::new(&long) > Name::new("a"));
    }

    #[test]
    fn pads_like_a_str() {
        assert_eq!(format!("[{:>6}]", Name::new("int")), "[   int]");
    }
}
