//! Reading a `--docs` file: Telegram's API docs JSON, for `check` (coverage)
//! and `expand` (rustdoc and typed errors).

use crate::stop::Stop;
use std::fs;
use std::path::{Path, PathBuf};
use tl_codegen::ApiDocs;

/// A docs file as read and parsed.
pub struct DocsFile {
    /// The path as given.
    pub path: PathBuf,
    /// The parsed docs.
    pub docs: ApiDocs,
}

/// Reads and parses the docs file at `path`.
pub fn load(path: &Path) -> Result<DocsFile, Stop> {
    let text = fs::read_to_string(path).map_err(|error| Stop::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let docs = ApiDocs::parse(&text).map_err(|error| Stop::Docs {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(DocsFile {
        path: path.to_path_buf(),
        docs,
    })
}
