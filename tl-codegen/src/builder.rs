//! The build-script API: the same code as `tl!`, written to `OUT_DIR`, so that
//! IDEs index it like any other source file.

use crate::{generate, Error, Options};
use std::path::{Path, PathBuf};
use tl_parser::{Dialect, SourceFile};

/// Generates code from schema files in a build script.
///
/// ```no_run
/// // build.rs
/// tl_codegen::Builder::new()
///     .include("schema/api.tl")
///     .only(["messages.sendMessage"])
///     .write_to_out_dir("api.rs")
///     .expect("schema generates");
/// // lib.rs: include!(concat!(env!("OUT_DIR"), "/api.rs"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    files: Vec<PathBuf>,
    docs: Option<PathBuf>,
    options: Options,
}

impl Builder {
    /// A builder with no files and default options.
    pub fn new() -> Self {
        Builder::default()
    }

    /// Adds a schema file (relative to the current directory, which Cargo sets
    /// to the package root for build scripts).
    pub fn include(mut self, path: impl AsRef<Path>) -> Self {
        self.files.push(path.as_ref().to_path_buf());
        self
    }

    /// Forces the id dialect.
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.options.dialect = Some(dialect);
        self
    }

    /// Allows these definitions to deviate from the id rules.
    pub fn allow_id_mismatch<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        names: I,
    ) -> Self {
        self.options
            .allow_id_mismatch
            .extend(names.into_iter().map(Into::into));
        self
    }

    /// Whether to accept the published id deviations of
    /// [`tl_parser::KNOWN_DEVIATIONS`] (on by default).
    pub fn known_deviations(mut self, on: bool) -> Self {
        self.options.known_deviations = on;
        self
    }

    /// Keeps only these definitions and what they reach.
    pub fn only<I: IntoIterator<Item = S>, S: Into<String>>(mut self, names: I) -> Self {
        self.options.only.extend(names.into_iter().map(Into::into));
        self
    }

    /// Adds derives (`serde::Serialize`) to every generated type.
    pub fn derive<I: IntoIterator<Item = S>, S: Into<String>>(mut self, paths: I) -> Self {
        self.options
            .derives
            .extend(paths.into_iter().map(Into::into));
        self
    }

    /// Reads Telegram's machine-readable docs (getdoc JSON) for rustdoc and
    /// typed errors.
    pub fn docs(mut self, path: impl AsRef<Path>) -> Self {
        self.docs = Some(path.as_ref().to_path_buf());
        self
    }

    /// With [`Builder::docs`]: whether to generate the `errors` module and
    /// typed `RemoteCall::Error`s (on by default).
    pub fn typed_errors(mut self, on: bool) -> Self {
        self.options.typed_errors = on;
        self
    }

    /// The generated code as a string.
    pub fn generate_string(&self) -> Result<String, BuildError> {
        let mut options = self.options.clone();
        if let Some(path) = &self.docs {
            let text =
                std::fs::read_to_string(path).map_err(|e| BuildError::Io(path.clone(), e))?;
            let docs =
                crate::ApiDocs::parse(&text).map_err(|e| BuildError::Docs(path.clone(), e))?;
            options.docs = Some(docs);
        }
        let mut files = Vec::new();
        for path in &self.files {
            let text =
                std::fs::read_to_string(path).map_err(|e| BuildError::Io(path.clone(), e))?;
            files.push(SourceFile::new(path.display().to_string(), text));
        }
        let generated = generate(&files, &options).map_err(BuildError::Schema)?;
        Ok(crate::format(generated.tokens))
    }

    /// Writes the code to `$OUT_DIR/<name>` and tells Cargo to rerun when a
    /// schema file changes. Returns the written path.
    pub fn write_to_out_dir(&self, name: &str) -> Result<PathBuf, BuildError> {
        let out = std::env::var_os("OUT_DIR").ok_or(BuildError::NoOutDir)?;
        let path = Path::new(&out).join(name);
        for f in self.files.iter().chain(&self.docs) {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        let code = self.generate_string()?;
        std::fs::write(&path, code).map_err(|e| BuildError::Io(path.clone(), e))?;
        Ok(path)
    }
}

/// Why a build-script generation failed.
#[derive(Debug)]
pub enum BuildError {
    /// A file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The schema has errors.
    Schema(Error),
    /// The docs file is not valid docs JSON.
    Docs(PathBuf, crate::DocsError),
    /// `OUT_DIR` is not set: not running in a build script.
    NoOutDir,
}

impl core::fmt::Display for BuildError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            BuildError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            BuildError::Schema(e) => write!(f, "{e}"),
            BuildError::Docs(p, e) => write!(f, "{}:{e}", p.display()),
            BuildError::NoOutDir => {
                f.write_str("OUT_DIR is not set; call this from a build script")
            }
        }
    }
}

impl std::error::Error for BuildError {}
