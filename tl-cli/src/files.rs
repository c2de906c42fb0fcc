//! Turning the paths on the command line into the list of schema files to read.

use crate::stop::Stop;
use std::fs;
use std::path::{Path, PathBuf};

/// Every file named in `paths`, with each directory replaced by the `*.tl`
/// files below it (recursively, sorted so output is stable across machines).
///
/// A path that does not exist, or a directory without any `.tl` file, stops
/// the command: silently checking nothing would look like success.
pub fn schema_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Stop> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|error| Stop::Read {
            path: path.clone(),
            error,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            collect_tl_files(path, &mut found)?;
            if found.is_empty() {
                return Err(Stop::Usage {
                    message: format!("no `.tl` files under `{}`", path.display()),
                    command: None,
                });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn collect_tl_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Stop> {
    let read_error = |error| Stop::Read {
        path: dir.to_path_buf(),
        error,
    };
    for entry in fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path.is_dir() {
            collect_tl_files(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "tl") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_expand_to_sorted_tl_files() {
        let root = std::env::temp_dir().join(format!("tl-cli-files-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("sub")).unwrap();
        for name in ["b.tl", "a.tl", "notes.txt", "sub/c.tl"] {
            fs::write(root.join(name), "").unwrap();
        }
        let files = schema_files(std::slice::from_ref(&root)).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [Path::new("a.tl"), Path::new("b.tl"), Path::new("sub/c.tl")]
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn missing_path_names_the_path() {
        let missing = PathBuf::from("/nonexistent/tl-cli/x.tl");
        match schema_files(std::slice::from_ref(&missing)) {
            Err(Stop::Read { path, .. }) => assert_eq!(path, missing),
            other => panic!("expected a read error, got {other:?}"),
        }
    }
}
