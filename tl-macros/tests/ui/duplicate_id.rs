mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong;
pingPong#347773c5 msg_id:long ping_id:long = Pong;
"#);
}

fn main() {}
