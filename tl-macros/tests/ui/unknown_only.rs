mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
"#, only = ["Ping"]);
}

fn main() {}
