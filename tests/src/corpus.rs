//! Where the schema corpus lives, and how a schema is named in messages.

pub use tl_corpus::{dir, name, read, PREFIX};
