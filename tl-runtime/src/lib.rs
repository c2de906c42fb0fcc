//! The runtime that code generated from TL schemas calls: the wire format,
//! the [`Serialize`]/[`Deserialize`] traits, decoding limits and errors.
//!
//! ```
//! use tl_runtime::{Deserialize, Serialize};
//!
//! let ids: Vec<i32> = vec![2, 3, 4];
//! let bytes = ids.to_bytes(); // boxed Vector<int>: id, count, items
//! assert_eq!(bytes.len(), ids.serialized_len());
//! assert_eq!(Vec::<i32>::from_bytes(&bytes)?, ids);
//!
//! let (name, used) = String::from_prefix(&[5, b'P', b'e', b't', b'e', b'r', 0, 0, 0xAA])?;
//! assert_eq!((name.as_str(), used), ("Peter", 8));
//! # Ok::<(), tl_runtime::Error>(())
//! ```
//!
//! # Decoding is safe on hostile input
//!
//! Bytes from the network never make decoding panic, overflow the stack, or
//! allocate more than the remaining input could describe: every read is
//! bounds-checked, vector counts are checked against the remaining input
//! before allocating ([`Reader::read_bare_vector`]), recursion is bounded by
//! [`Config::max_depth`] through [`Reader::enter`], and length arithmetic is
//! checked. Each failure is an [`Error`] carrying the byte offset.
//!
//! # Policies
//!
//! - **Long strings.** Payloads of 2^24 bytes or more are written in TDLib's
//!   `0xFF` + 7-byte length form ([`wire::write_bytes`]), the only encoding
//!   that can carry them. Reading that form requires
//!   [`Config::long_strings`]; by default it fails with
//!   [`ErrorKind::LongStringDisabled`], since Telegram never sends it.
//! - **Padding.** Padding after a string must be present but its bytes are
//!   not checked for zero, as in TDLib. Writers always pad with zeros.
//! - **Invalid UTF-8.** Replaced with U+FFFD by default
//!   ([`Utf8Policy::Replace`]), so one bad byte does not lose a whole update
//!   batch; [`Utf8Policy::Error`] rejects it instead.
//! - **`#` (nat).** Every `#`, flags words included, is below 2^31, as in
//!   TDLib, which reads it as a signed `int32`. Decoding rejects larger
//!   values with [`ErrorKind::NegativeNat`] ([`Reader::read_nat`]),
//!   serializing one panics ([`wire::nat`]), and `flags.31?` is a schema
//!   error, so a flags word never needs bit 31.
//! - **`bytes` vs `Vector`.** `Vec<T>` is always the boxed `Vector t`. TL
//!   `bytes` fields are `Vec<u8>` handled by [`Reader::read_bytes`] and
//!   [`wire::write_bytes`]; `u8` is not `Serialize`, so `Vec<u8>` never
//!   becomes a vector of bytes. [`RawBytes`] names `bytes` where a type is
//!   needed (e.g. `Vec<RawBytes>` for `Vector<bytes>`).
//! - **`true`.** The zero-byte [`True`] type.
//! - **`Object`.** [`RawObject`] keeps the raw bytes of one boxed value.
//!   [`RawObject::decode`] decodes them once the type is known, unpacking a
//!   `gzip_packed` value first (feature `gzip`); generated decoders do not
//!   unpack, and name `gzip_packed` in their error
//!   ([`ErrorKind::GzipPacked`]).
//!
//! # Features
//!
//! - `std` (default): `std::error::Error` for [`Error`] and [`RpcError`].
//! - `macros` (default): re-exports the `tl!` macro from `tl-macros`.
//! - `bytes`: `BufMutSink` and `Serialize::write_to_buf` for `bytes::BufMut`.
//! - `gzip`: `gzip_packed#3072cfa1` values: [`RawObject::decode`] unpacks
//!   them, `gzip_pack` writes them; `gunzip`, `gzip` and `unpack_gzip_packed`
//!   work on the bytes.
//! - `serde`: the `serde_bytes` module for `Vec<u8>` fields.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod bare;
mod config;
mod error;
mod flag_true;
#[cfg(feature = "gzip")]
mod gzip;
mod hex;
mod impls;
mod object;
mod raw_bytes;
mod reader;
mod rpc_error;
#[cfg(feature = "sample")]
pub mod sample;
#[cfg(feature = "serde")]
pub mod serde_bytes;
pub mod service;
mod sink;
mod traits;
pub mod wire;

pub use bare::Bare;
pub use config::{Config, Utf8Policy};
pub use error::{Error, ErrorKind, Result};
pub use flag_true::True;
#[cfg(feature = "gzip")]
pub use gzip::{gunzip, gzip, gzip_pack, unpack_gzip_packed};
pub use hex::{Hex, HexDebug, HEX_SHOWN};
pub use object::RawObject;
pub use raw_bytes::RawBytes;
pub use reader::Reader;
pub use rpc_error::{ErrorClass, ErrorEntry, ErrorInfo, RpcError};
#[cfg(feature = "bytes")]
pub use sink::BufMutSink;
pub use sink::{ByteCount, Sink};
pub use traits::{Deserialize, Identifiable, RemoteCall, Serialize, TO_BYTES_CAPACITY};

/// Re-exports the `tl!` macro. The glob (not `tl_macros::tl`) keeps the
/// build working while `tl-macros` is still an empty placeholder.
#[cfg(feature = "macros")]
// Allowed because the glob matches nothing until `tl-macros` exports `tl!`.
#[allow(unused_imports)]
pub use tl_macros::*;

/// Everything generated code names, in one place: each generated module
/// imports it as `__tl` (TL names start with a letter, so no schema can
/// define that name), which keeps the code short and lets it compile in
/// `no_std` crates whatever names the schema defines (`Vec`, `String`,
/// `Option`).
#[doc(hidden)]
pub mod __private {
    pub use crate::{
        wire, Bare, Deserialize, ErrorEntry, ErrorInfo, Hex, Identifiable, RawObject, Reader,
        RemoteCall, RpcError, Serialize, Sink, True,
    };
    pub use alloc::{boxed::Box, string::String, vec::Vec};
    pub use core::convert::{From, TryFrom};
    pub use core::fmt;
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{Err, Ok};

    /// `core`'s `Result`, failing with the runtime's [`Error`](crate::Error)
    /// unless told otherwise.
    pub type Result<T, E = crate::Error> = core::result::Result<T, E>;
}
