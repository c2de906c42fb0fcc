//! A global allocator that remembers the largest single allocation made by
//! the current thread while tracking is on. Test binaries that run the
//! hostile-input check install it:
//!
//! ```text
//! #[global_allocator]
//! static ALLOC: tl_conformance::alloc_count::CountingAlloc = tl_conformance::alloc_count::CountingAlloc;
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    // Per thread, so that tests running in parallel do not see each other's
    // allocations. `const` initializers need no allocation, which an
    // allocator must not do.
    static TRACKING: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

/// [`System`], plus the largest-allocation record.
pub struct CountingAlloc;

fn note(size: usize) {
    let _ = TRACKING.try_with(|on| {
        if on.get() {
            let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
        }
    });
}

// SAFETY: every call is forwarded unchanged to `System`; the wrapper only
// reads the requested size.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Runs `f` and returns its result with the largest single allocation it
/// made on this thread (0 if none, or if [`CountingAlloc`] is not installed).
pub fn largest_allocation<R>(f: impl FnOnce() -> R) -> (R, usize) {
    LARGEST.with(|l| l.set(0));
    TRACKING.with(|t| t.set(true));
    let out = f();
    TRACKING.with(|t| t.set(false));
    (out, LARGEST.with(Cell::get))
}

/// Panics unless [`CountingAlloc`] is the global allocator, so that an
/// allocation bound can never pass vacuously.
pub fn assert_installed() {
    let (v, largest) = largest_allocation(|| Vec::<u8>::with_capacity(1000));
    drop(v);
    assert!(
        largest >= 1000,
        "install tl_conformance::alloc_count::CountingAlloc as #[global_allocator] in this test binary"
    );
}
