mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
invokeAfter#cb9f372d {X:Type} msg_id:long query:!Y = X;
"#, allow_id_mismatch = ["*"]);
}

mod generic_constructor {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:long ping_id:long = Pong;
box#0 {X:Type} value:!X = Box;
"#, allow_id_mismatch = ["*"]);
}

fn main() {}
