// An error in an included file points at the path, with file:line:col.
// `bad.tl` is copied to the root of the crate trybuild builds (see ui.rs).
mod api {
    tl_runtime::tl! { include = "bad.tl" }
}

fn main() {}
