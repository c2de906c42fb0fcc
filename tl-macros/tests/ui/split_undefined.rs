// Files of one schema are checked once merged: a type that no file
// defines is reported by the generator, in the file that uses it.
mod api {
    tl_runtime::tl! { include = ["split_a.tl", "split_b.tl"] }
}

fn main() {}
