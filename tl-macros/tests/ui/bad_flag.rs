mod api {
    tl_runtime::tl!(r#"
a#0 x:flags.0?int flags:# = A;
b#0 flags:int y:flags.1?int = B;
c#0 flags:# z:flags.32?int = C;
"#, allow_id_mismatch = ["*"]);
}

fn main() {}
