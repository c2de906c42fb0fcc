mod api {
    tl_runtime::tl!(r#"
message flags:# text:flag.0?string = Message;
"#);
}

fn main() {}
