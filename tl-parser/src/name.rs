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

    /// A hash of the first eight bytes and the length, for filters that
    /// only need to tell most names apart, cheaply: the top bits mix all
    /// of them.
    #[inline]
    pub(crate) fn short_hash(&self) -> u64 {
        let mut head = [0; 8];
        let len = match &self.0 {
            Repr::Inline { len, bytes } => {
                head.copy_from_slice(&bytes[..8]);
                u64::from(*len)
            }
            Repr::Heap(text) => {
                let n = text.len().min(8);
                head[..n].copy_from_slice(&text.as_bytes()[..n]);
                text.len() as u64
            }
        };
        (u64::from_le_bytes(head) ^ len).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let text = &bytes[..usize::from(*len)];
                core::str::from_utf8(text).expect("copied whole from a `&str` in `Name::new`")
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

/// A [`Name`] as a key of the validator's hash tables. Equal names are equal
/// keys, as with `Name` itself, but an inline name hashes as four words of
/// its buffer, read at fixed offsets (no byte loop, no `memcpy` of a
/// remainder), which is all a hasher such as FxHash needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameKey<'a>(pub &'a Name);

// The four words hashed below cover the inline buffer only if it is 24 to 32
// bytes long.
const _: () = assert!(Name::INLINE >= 24 && Name::INLINE <= 32);

impl Hash for NameKey<'_> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.0.inline_bytes() {
            Some((bytes, _)) => {
                // The buffer is zero past the text, so it determines the
                // text: no length is needed. The last word ends where the
                // buffer does and may overlap the third.
                let word = |at: usize| {
                    let mut w = [0; 8];
                    w.copy_from_slice(&bytes[at..at + 8]);
                    u64::from_le_bytes(w)
                };
                state.write_u64(word(0));
                state.write_u64(word(8));
                state.write_u64(word(16));
                state.write_u64(word(Name::INLINE - 8));
            }
            None => self.0.as_str().hash(state),
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
    fn name_keys_of_equal_text_hash_alike_and_find_each_other() {
        use super::NameKey;
        use std::collections::HashSet;
        use std::hash::{BuildHasher, RandomState};
        let long = "b".repeat(Name::INLINE + 5);
        let texts = ["", "int", "Vector", "exactly_30_bytes_long_________", &long];
        let names: Vec<Name> = texts.iter().map(|t| Name::new(t)).collect();
        let again: Vec<Name> = texts.iter().map(|t| Name::from(t.to_string())).collect();
        let state = RandomState::new();
        for (a, b) in names.iter().zip(&again) {
            assert_eq!(state.hash_one(NameKey(a)), state.hash_one(NameKey(b)));
        }
        let set: HashSet<NameKey> = names.iter().map(NameKey).collect();
        assert_eq!(set.len(), texts.len());
        assert!(again.iter().all(|n| set.contains(&NameKey(n))));
        // Texts that differ only past the third word, or only in length.
        let near = [
            Name::new("exactly_30_bytes_long________x"),
            Name::new("in"),
            Name::new(&"b".repeat(Name::INLINE + 4)),
        ];
        assert!(near.iter().all(|n| !set.contains(&NameKey(n))));
    }

    #[test]
    fn pads_like_a_str() {
        assert_eq!(format!("[{:>6}]", Name::new("int")), "[   int]");
    }
}
