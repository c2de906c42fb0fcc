//! Decoding limits and policies.

/// How decoding treats input that is malformed but recoverable, and how far
/// it lets hostile input go.
///
/// Build one with [`Config::new`] (or `Config::default()`) and the setters:
///
/// ```
/// use tl_runtime::{Config, Utf8Policy};
/// let strict = Config::new().max_depth(64).utf8(Utf8Policy::Error);
/// assert_eq!(strict.max_depth, 64);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// How many [`Reader::enter`](crate::Reader::enter) levels may be open at
    /// once. Default 256: Telegram's `RichText` and `PageBlock` nest a few
    /// dozen levels in real messages, while a million levels of hostile input
    /// must stop long before the stack runs out. Generated decoders open a
    /// level for each value of a type that can contain itself (`RichText`,
    /// `PageBlock`, `JSONValue`); other types add at most the fixed depth of
    /// the schema's acyclic part, so they do not count.
    pub max_depth: u32,
    /// What to do with a `string` that is not valid UTF-8.
    pub utf8: Utf8Policy,
    /// Accept TDLib's `0xFF` + 7-byte length prefix for strings of 2^24 bytes
    /// or more. Default `false`: Telegram's servers never send it, so on an
    /// MTProto connection it signals corruption.
    pub long_strings: bool,
    /// The most bytes that unpacking one `gzip_packed` value may produce
    /// (`unpack_gzip_packed`, feature `gzip`). Default 16 MiB, far above
    /// any real packed response and far below what a gzip bomb would reach.
    pub max_unpacked: usize,
}

/// What to do with a TL `string` whose bytes are not valid UTF-8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Utf8Policy {
    /// Replace each invalid sequence with U+FFFD (the default). One bad byte
    /// in one message then costs one character, not a whole `Updates` batch.
    #[default]
    Replace,
    /// Fail with [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8).
    Error,
}

impl Config {
    /// The defaults: depth 256, lossy UTF-8, no long strings, 16 MiB unpacked.
    #[inline]
    pub const fn new() -> Self {
        Self {
            max_depth: 256,
            utf8: Utf8Policy::Replace,
            long_strings: false,
            max_unpacked: 16 << 20,
        }
    }

    /// Sets [`Config::max_depth`].
    pub const fn max_depth(mut self, levels: u32) -> Self {
        self.max_depth = levels;
        self
    }

    /// Sets [`Config::utf8`].
    pub const fn utf8(mut self, policy: Utf8Policy) -> Self {
        self.utf8 = policy;
        self
    }

    /// Sets [`Config::long_strings`].
    pub const fn long_strings(mut self, accept: bool) -> Self {
        self.long_strings = accept;
        self
    }

    /// Sets [`Config::max_unpacked`].
    pub const fn max_unpacked(mut self, bytes: usize) -> Self {
        self.max_unpacked = bytes;
        self
    }
}

impl Default for Config {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}
