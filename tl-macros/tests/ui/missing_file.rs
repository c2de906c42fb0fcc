mod api {
    tl_runtime::tl! { include = "no/such/schema.tl" }
}

fn main() {}
