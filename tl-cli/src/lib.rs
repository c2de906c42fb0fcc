//! The library behind `tl decode`: TL bytes read against a schema's resolved
//! model ([`tl_codegen::resolve`]), without generating code, and shown as
//! TL-like text or JSON. The `tl` binary's other commands live in the binary.
//!
//! ```
//! use tl_cli::decoder::{decode, Expect};
//! use tl_codegen::{resolve, Options};
//! use tl_parser::SourceFile;
//!
//! let file = SourceFile::new("pong.tl", "pong#347773c5 msg_id:long ping_id:long = Pong;\n");
//! let model = resolve(&[file], &Options::default()).expect("valid schema").model;
//! let bytes = [0xc5, 0x73, 0x77, 0x34, 7, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0];
//! let value = decode(&model, &bytes, Expect::AnyConstructor, &Default::default()).unwrap();
//! assert_eq!(
//!     tl_cli::value_text::text(&model, &value),
//!     "pong#347773c5 {\n  msg_id: 7\n  ping_id: 9\n}\n"
//! );
//! ```

#![forbid(unsafe_code)]

pub mod decoder;
#[cfg(any(test, feature = "sample-check"))]
pub mod sample_check;
pub mod value_text;
