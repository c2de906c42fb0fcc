// A definition without `;`, and a section marker that is neither
// `---types---` nor `---functions---`.
mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong
---method---
ping#7abe77ec ping_id:long = Pong;
"#);
}

fn main() {}
