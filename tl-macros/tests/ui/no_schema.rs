// Options alone name no schema.
mod api {
    tl_runtime::tl! { dialect = "telegram" }
}

fn main() {}
