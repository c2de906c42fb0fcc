//! Decoding errors: what went wrong and at which byte.

use alloc::boxed::Box;
use core::fmt;

/// `Result` with this crate's [`Error`].
pub type Result<T> = core::result::Result<T, Error>;

/// A decoding failure: its [`ErrorKind`] and the byte offset where it was found.
///
/// The offset counts from the start of the input given to the
/// [`Reader`](crate::Reader), so it can be matched against a hex dump of the
/// received message.
///
/// The details live behind one pointer: every read returns a `Result`, and
/// keeping `Result<i32>` two words wide lets it travel in registers on the
/// (hot) success path; the allocation happens only on the (cold) error path.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Details>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Details {
    kind: ErrorKind,
    offset: usize,
}

/// What went wrong while decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended inside a value.
    UnexpectedEnd {
        /// Bytes the value needs, counted from the error's offset.
        needed: usize,
        /// Bytes that were left from the error's offset.
        available: usize,
    },
    /// A constructor id that does not belong to the expected type.
    UnknownConstructor {
        /// The id found on the wire.
        id: u32,
        /// The TL type that was being decoded, e.g. `"Vector"`.
        type_name: &'static str,
    },
    /// A boxed `Bool` that is neither `boolTrue` nor `boolFalse`.
    InvalidBool {
        /// The id found on the wire.
        id: u32,
    },
    /// A length or element count that the remaining input cannot hold.
    InvalidLength {
        /// The length or count as read from the wire.
        len: u64,
    },
    /// A `string` that is not UTF-8, under [`Utf8Policy::Error`](crate::Utf8Policy::Error).
    /// The offset points at the first invalid byte.
    InvalidUtf8,
    /// Values nested deeper than [`Config::max_depth`](crate::Config::max_depth).
    DepthLimitExceeded {
        /// The configured limit.
        limit: u32,
    },
    /// The value ended before the input did (see [`Deserialize::from_bytes`](crate::Deserialize::from_bytes)).
    TrailingBytes {
        /// How many bytes were left over.
        count: usize,
    },
    /// A TL `#` (natural number) of 2^31 or more, which TDLib also rejects.
    NegativeNat {
        /// The value found on the wire.
        value: u32,
    },
    /// A string in TDLib's `0xFF` + 7-byte length form while
    /// [`Config::long_strings`](crate::Config::long_strings) is off.
    LongStringDisabled,
    /// A `gzip_packed#3072cfa1` value where a value of `type_name` was
    /// expected. Generated decoders do not unpack; [`RawObject::decode`]
    /// does, with tl-runtime's `gzip` feature.
    ///
    /// [`RawObject::decode`]: crate::RawObject::decode
    GzipPacked {
        /// The type that was being decoded: its TL name from a generated
        /// decoder (`"Pong"`), its Rust path from `RawObject::decode`
        /// without the `gzip` feature.
        type_name: &'static str,
    },
    /// Packed data that is not valid gzip (bad header, deflate stream, checksum or size).
    Decompress,
    /// Packed data that unpacks to more than the allowed number of bytes.
    DecompressedTooLarge {
        /// The limit that was exceeded.
        limit: usize,
    },
}

impl Error {
    /// An error of `kind` found at byte `offset` of the input.
    #[cold]
    pub fn new(kind: ErrorKind, offset: usize) -> Self {
        Self(Box::new(Details { kind, offset }))
    }

    /// The error for a constructor `id`, found at `offset`, that
    /// `type_name` does not have: [`ErrorKind::UnknownConstructor`], or
    /// [`ErrorKind::GzipPacked`] when `id` is `gzip_packed`'s, which a peer
    /// may send in place of any value and which says nothing about schema
    /// versions.
    #[cold]
    pub fn unknown_constructor(id: u32, type_name: &'static str, offset: usize) -> Self {
        let kind = if id == crate::wire::GZIP_PACKED_ID {
            ErrorKind::GzipPacked { type_name }
        } else {
            ErrorKind::UnknownConstructor { id, type_name }
        };
        Self::new(kind, offset)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The byte offset in the input where the problem was found.
    pub fn offset(&self) -> usize {
        self.0.offset
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("offset", &self.0.offset)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.0.offset;
        match &self.0.kind {
            ErrorKind::UnexpectedEnd { needed, available } => write!(
                f,
                "unexpected end of input at byte {at}: needed {needed} more bytes, {available} available"
            ),
            ErrorKind::UnknownConstructor { id, type_name } => write!(
                f,
                "unknown constructor {id:#010x} for type {type_name} at byte {at}: the schema may be older than the peer's"
            ),
            ErrorKind::InvalidBool { id } => write!(
                f,
                "invalid Bool at byte {at}: {id:#010x} is neither boolTrue nor boolFalse"
            ),
            ErrorKind::InvalidLength { len } => write!(
                f,
                "invalid length {len} at byte {at}: more than the remaining input can hold"
            ),
            ErrorKind::InvalidUtf8 => write!(
                f,
                "invalid UTF-8 in string at byte {at} (use Utf8Policy::Replace to accept it lossily)"
            ),
            ErrorKind::DepthLimitExceeded { limit } => write!(
                f,
                "nesting deeper than {limit} levels at byte {at} (raise Config::max_depth if the input is trusted)"
            ),
            ErrorKind::TrailingBytes { count } => write!(
                f,
                "{count} trailing bytes at byte {at} after the value (use from_prefix to decode a stream)"
            ),
            ErrorKind::NegativeNat { value } => write!(
                f,
                "natural number {value} at byte {at} is 2^31 or more"
            ),
            ErrorKind::LongStringDisabled => write!(
                f,
                "long string (0xFF length prefix) at byte {at} while Config::long_strings is off"
            ),
            ErrorKind::GzipPacked { type_name } => write!(
                f,
                "gzip_packed value at byte {at} in place of {type_name}: RawObject::decode unpacks it with tl-runtime's `gzip` feature"
            ),
            ErrorKind::Decompress => write!(f, "corrupt gzip data at byte {at}"),
            ErrorKind::DecompressedTooLarge { limit } => write!(
                f,
                "gzip data at byte {at} unpacks to more than {limit} bytes (raise Config::max_unpacked if expected)"
            ),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn display_names_the_offset_and_the_numbers() {
        let e = Error::new(
            ErrorKind::UnexpectedEnd {
                needed: 4,
                available: 1,
            },
            12,
        );
        assert_eq!(
            e.to_string(),
            "unexpected end of input at byte 12: needed 4 more bytes, 1 available"
        );
        assert_eq!(e.offset(), 12);
        assert_eq!(
            e.kind(),
            &ErrorKind::UnexpectedEnd {
                needed: 4,
                available: 1
            }
        );
    }

    #[test]
    fn gzip_packed_in_place_of_a_value_names_gzip() {
        let e = Error::unknown_constructor(crate::wire::GZIP_PACKED_ID, "Pong", 8);
        assert_eq!(e.kind(), &ErrorKind::GzipPacked { type_name: "Pong" });
        assert_eq!(e.offset(), 8);
        let text = e.to_string();
        assert!(
            text.contains("gzip_packed") && text.contains("Pong"),
            "{text}"
        );
        assert!(!text.contains("older"), "{text}");
        assert_eq!(
            Error::unknown_constructor(7, "Pong", 8).kind(),
            &ErrorKind::UnknownConstructor {
                id: 7,
                type_name: "Pong"
            }
        );
    }

    #[test]
    fn results_of_small_values_stay_two_words() {
        assert_eq!(
            core::mem::size_of::<Result<i64>>(),
            2 * core::mem::size_of::<usize>()
        );
    }

    #[test]
    fn display_is_one_line_for_every_kind() {
        let kinds = [
            ErrorKind::UnknownConstructor {
                id: 0xdead_beef,
                type_name: "Vector",
            },
            ErrorKind::InvalidBool { id: 1 },
            ErrorKind::InvalidLength { len: 7 },
            ErrorKind::InvalidUtf8,
            ErrorKind::DepthLimitExceeded { limit: 3 },
            ErrorKind::TrailingBytes { count: 2 },
            ErrorKind::NegativeNat { value: 1 << 31 },
            ErrorKind::LongStringDisabled,
            ErrorKind::GzipPacked { type_name: "Pong" },
            ErrorKind::Decompress,
            ErrorKind::DecompressedTooLarge { limit: 9 },
        ];
        for kind in kinds {
            let text = Error::new(kind, 5).to_string();
            assert!(text.contains("at byte 5"), "{text}");
            assert!(!text.contains('\n'), "{text}");
        }
    }
}
