mod api {
    tl_runtime::tl!(r#"
pong#347773c6 msg_id:long ping_id:long = Pong;
"#);
}

fn main() {}
