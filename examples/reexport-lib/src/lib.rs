//! A client library that re-exports the TL runtime as `tl`, so that its
//! users expand their own schemas with `tl!` and depend only on this crate:
//!
//! ```
//! mod api {
//!     tl_example_reexport_lib::tl::tl! {
//!         "pong#347773c5 msg_id:long ping_id:long = Pong;",
//!         crate = "::tl_example_reexport_lib::tl",
//!     }
//! }
//! use tl_example_reexport_lib::tl::Serialize;
//! assert_eq!(api::types::Pong { msg_id: 1, ping_id: 2 }.to_bytes().len(), 20);
//! ```

pub use tl_runtime as tl;
