//! A schema expanded through `tl_example_reexport_lib::tl`, the runtime as
//! a library re-exports it. This crate does not depend on `tl-runtime`, so
//! the generated code builds only if every path in it goes through
//! `crate = "…"`: the types, the codecs, the sample values, and serde's
//! `with = "…"` helpers for byte strings.
//!
//! It also shows, in doc tests that are compiled as crates of their own, what
//! a user of a library's generated types sees. With `non_exhaustive = true`
//! a match on a generated enum needs a `_` arm:
//!
//! ```compile_fail,E0004
//! use tl_example_reexport_app::api::enums::Peer;
//! fn id(p: &Peer) -> i64 {
//!     match p {
//!         Peer::User(u) => u.user_id,
//!         Peer::Chat(c) => c.chat_id,
//!         Peer::Channel(c) => c.channel_id,
//!     }
//! }
//! ```
//!
//! ```
//! use tl_example_reexport_app::api::enums::Peer;
//! fn id(p: &Peer) -> Option<i64> {
//!     match p {
//!         Peer::User(u) => Some(u.user_id),
//!         _ => None,
//!     }
//! }
//! ```
//!
//! `Eq`, `Hash` and `Default` are there only where asked for: `api` asks for
//! `Eq` and `Hash`, `features` does not.
//!
//! ```
//! fn eq_hash<T: Eq + std::hash::Hash>() {}
//! eq_hash::<tl_example_reexport_app::api::types::PeerUser>();
//! ```
//!
//! ```compile_fail,E0277
//! fn eq<T: Eq>() {}
//! eq::<tl_example_reexport_app::features::types::Pong>();
//! ```

/// The project's feature schema and its seed, with every kind of generated item.
pub mod api {
    tl_example_reexport_lib::tl::tl! {
        include = ["../../schema/seed-deps.tl", "../../schema/seed.tl"],
        crate = "::tl_example_reexport_lib::tl",
        derive = [Eq, Hash, serde::Serialize, serde::Deserialize],
        non_exhaustive = true,
        samples = true,
    }
}

/// The feature schema on its own.
pub mod features {
    tl_example_reexport_lib::tl::tl! {
        include = "../../schema/features.tl",
        crate = "::tl_example_reexport_lib::tl",
        derive = [serde::Serialize],
        samples = true,
    }
}
