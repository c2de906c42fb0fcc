mod api {
    tl_runtime::tl! {
        "pong#347773c5 msg_id:long ping_id:long = Pong;",
        dialect = "tdlb",
    }
}

fn main() {}
