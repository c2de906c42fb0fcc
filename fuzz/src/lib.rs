//! Support for the decoder fuzz targets: seeding the corpus on the first run.
//!
//! The check each input goes through is `tl_conformance::fuzz::check`, which
//! the conformance suite also runs on the committed inputs.

use std::path::PathBuf;

use tl_conformance::fuzz::{seeds, Family};

/// Writes the seed inputs of `F` ([`tl_conformance::fuzz::seeds`]) into the
/// corpus directory libFuzzer was given, if that directory is empty, so the
/// first run starts inside the wire format. Nothing happens under `-merge` or `-set_cover_merge`
/// (`cargo fuzz cmin`), whose first directory is the merge's output.
pub fn seed_corpus<F: Family>() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a.contains("merge=")) {
        return;
    }
    let Some(dir) = args.iter().find(|a| !a.starts_with('-')).map(PathBuf::from) else {
        return;
    };
    let empty = std::fs::read_dir(&dir).map_or(true, |mut entries| entries.next().is_none());
    if !dir.is_dir() || !empty {
        return;
    }
    let seeds = seeds::<F>();
    for (i, seed) in seeds.iter().enumerate() {
        let path = dir.join(format!("seed-{i:05}"));
        if let Err(e) = std::fs::write(&path, seed) {
            eprintln!("cannot write {}: {e}", path.display());
            return;
        }
    }
    eprintln!(
        "{}: wrote {} seeds to {}",
        F::TARGET,
        seeds.len(),
        dir.display()
    );
}
