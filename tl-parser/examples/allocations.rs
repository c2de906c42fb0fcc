//! Heap use of one parse of `grammers/api-230.tl` by `tl_parser::parse` and by
//! `grammers-tl-parser`: allocations, bytes allocated and peak live bytes,
//! counted by a global allocator that wraps the system one.
//!
//! ```sh
//! cargo run --release -p tl-parser --example allocations
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
    ALLOCATED.fetch_add(by, Relaxed);
    CALLS.fetch_add(1, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters are
// only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `parse` once and prints what it allocated.
fn measure(name: &str, parse: impl FnOnce() -> usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    ALLOCATED.store(0, Relaxed);
    CALLS.store(0, Relaxed);
    let definitions = parse();
    println!(
        "{name:20} {definitions} definitions: {} allocations, {} KB allocated, peak {} KB live",
        CALLS.load(Relaxed),
        ALLOCATED.load(Relaxed) / 1024,
        (PEAK.load(Relaxed) - base) / 1024,
    );
}

fn main() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas/grammers/api-230.tl");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the schema corpus is missing: cannot read {} ({e}); it lives in the `shared/` folder beside the checkout",
            path.display()
        )
    });
    measure("tl-parser", || {
        tl_parser::parse(&src, &tl_parser::Options::default())
            .schema
            .definitions
            .len()
    });
    // Collected, as the parse bench does: the definitions are all alive at once.
    measure("grammers-tl-parser", || {
        let definitions: Vec<_> = grammers_tl_parser::parse_tl_file(&src).collect();
        definitions.len()
    });
}
