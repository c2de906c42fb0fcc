// A name defined twice, and a field that appears twice in one definition.
mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong;
pong#347773c5 msg_id:long ping_id:long = Pong;
ping ping_id:long ping_id:long = Ping;
"#);
}

fn main() {}
