// A docs file that is not JSON points at the path, with line:col.
// `bad_docs.json` is copied to the root of the crate trybuild builds.
mod api {
    tl_runtime::tl! {
        r#"
            pong#347773c5 msg_id:long ping_id:long = Pong;
            ---functions---
            ping#7abe77ec ping_id:long = Pong;
        "#,
        docs = "bad_docs.json",
    }
}

fn main() {}
