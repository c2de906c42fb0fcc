// The macro's input is inline TL and/or `key = value` options, separated by
// commas.
mod missing_equals {
    tl_runtime::tl! { include "schema.tl" }
}

mod missing_comma {
    tl_runtime::tl!("pong ping_id:long = Pong;" only = ["pong"]);
}

fn main() {}
