//! Parsing real schemas: `tl_parser::parse` against `grammers-tl-parser`, in one
//! criterion group so both are measured in the same run on the same machine.
//!
//! `tl_parser::parse` does more than `grammers_tl_parser::parse_tl_file`: it keeps
//! spans and docs, computes and verifies every id (grammers computes only the
//! ids a line omits) and validates references and flags. The ratio in
//! `BENCHMARKS.md` is therefore a lower bound on the raw parsing speed-up.

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn schema(rel: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/schemas")
        .join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the schema corpus is missing: cannot read {} ({e}); it lives in the `shared/` folder beside the checkout",
            path.display()
        )
    });
    (path, text)
}

/// Parses with `tl_parser`; the count of definitions and diagnostics keeps the
/// work observable.
fn ours(src: &str) -> (usize, usize) {
    let parsed = tl_parser::parse(src, &tl_parser::Options::default());
    (parsed.schema.definitions.len(), parsed.diagnostics.len())
}

type GrammersResult =
    Result<grammers_tl_parser::tl::Definition, grammers_tl_parser::errors::ParseError>;

/// Parses with grammers, collecting every definition (and every error) so the
/// lazy iterator does all its work.
fn grammers(src: &str) -> Vec<GrammersResult> {
    grammers_tl_parser::parse_tl_file(src).collect()
}

/// Whether grammers reads `src` well enough for its time to be comparable:
/// without panicking (1.2.2 slices a comment at a byte inside `é` in
/// `td_api.tl`) and with at most 1% of definitions rejected.
fn grammers_accepts(src: &str) -> Result<(), String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| grammers(src));
    std::panic::set_hook(hook);
    let Ok(defs) = result else {
        return Err("it panics on this file".to_string());
    };
    let failed = defs.iter().filter(|r| r.is_err()).count();
    eprintln!(
        "grammers-tl-parser: {} ok, {failed} rejected",
        defs.len() - failed
    );
    if failed * 100 > defs.len() {
        return Err(format!("it rejects {failed} of {} definitions", defs.len()));
    }
    Ok(())
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for rel in ["grammers/api-230.tl", "tdlib/td_api.tl"] {
        let (path, src) = schema(rel);
        // Both parsers must actually read the file, or the comparison means nothing.
        let parsed = tl_parser::parse(&src, &tl_parser::Options::default());
        assert!(
            !parsed.has_errors(),
            "{}: tl-parser reports errors: {:#?}",
            path.display(),
            parsed.errors().collect::<Vec<_>>()
        );
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.bench_with_input(BenchmarkId::new("tl-parser", rel), &src, |b, src| {
            b.iter(|| ours(black_box(src)))
        });
        match grammers_accepts(&src) {
            Ok(()) => {
                group.bench_with_input(
                    BenchmarkId::new("grammers-tl-parser", rel),
                    &src,
                    |b, src| b.iter(|| grammers(black_box(src))),
                );
            }
            Err(why) => eprintln!("{rel}: grammers-tl-parser not benchmarked: {why}"),
        }
    }
    group.finish();
}

criterion_group!(benches, parse);

/// With `TL_PARSE_REPEAT=<side>:<n>` (`tl-parser` or `grammers-tl-parser`),
/// parses `grammers/api-230.tl` `n` times with that side, prints the time per
/// parse on stderr and exits: a fixed count, unlike criterion's timed loops,
/// lets `valgrind --tool=callgrind` count instructions per parse
/// (`benches/parse_instructions.sh`), and short runs of both sides in
/// turn compare wall time (`benches/parse_wall_time.sh`).
fn repeat(spec: &str) {
    let (side, n) = spec
        .rsplit_once(':')
        .and_then(|(side, n)| Some((side, n.parse::<usize>().ok()?)))
        .unwrap_or_else(|| panic!("TL_PARSE_REPEAT={spec}: expected <side>:<count>"));
    let (_, src) = schema("grammers/api-230.tl");
    let start = std::time::Instant::now();
    for _ in 0..n {
        match side {
            "tl-parser" => drop(black_box(ours(black_box(&src)))),
            "grammers-tl-parser" => drop(black_box(grammers(black_box(&src)))),
            _ => panic!("TL_PARSE_REPEAT={spec}: the side is `tl-parser` or `grammers-tl-parser`"),
        }
    }
    let per_parse = start.elapsed().as_secs_f64() * 1e3 / n.max(1) as f64;
    eprintln!("{side}: {n} parses, {per_parse:.4} ms per parse");
}

fn main() {
    if let Ok(spec) = std::env::var("TL_PARSE_REPEAT") {
        return repeat(&spec);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
