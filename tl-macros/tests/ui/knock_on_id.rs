// A misspelt type changes the text the id is computed from: the undefined
// type is reported first, the id mismatch after it as its likely knock-on.
mod api {
    tl_runtime::tl!(r#"
pong#347773c5 msg_id:lon ping_id:long = Pong;
"#);
}

fn main() {}
