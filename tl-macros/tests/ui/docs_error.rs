// A docs file that is not JSON points at the path, with line:col.
mod api {
    tl_runtime::tl! {
        r#"
            pong#347773c5 msg_id:long ping_id:long = Pong;
            ---functions---
            ping#7abe77ec ping_id:long = Pong;
        "#,
        docs = "../../../../tl-macros/tests/ui/bad_docs.json",
    }
}

fn main() {}
