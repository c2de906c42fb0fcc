mod api {
    tl_runtime::tl! {
        include = "schema.tl",
        derives = [Debug],
        olny = ["x"],
    }
}

fn main() {}
