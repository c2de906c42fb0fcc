// An option given twice would silently lose one value.
mod api {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        only = ["pong"],
        only = ["Pong"],
    }
}

fn main() {}
