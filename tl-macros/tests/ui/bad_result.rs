// A constructor's result is a boxed type: not a bare one, not a builtin.
mod api {
    tl_runtime::tl!(r#"
pong ping_id:long = pong;
myInt value:int = Int;
"#);
}

fn main() {}
