// An error in an included file points at the path, with file:line:col.
mod api {
    tl_runtime::tl! { include = "../../../../tl-macros/tests/ui/bad.tl" }
}

fn main() {}
