// `n*[ … ]` repetitions appear only in builtin definitions; the generator
// has no Rust type for one elsewhere.
mod api {
    tl_runtime::tl!(r#"
points n:# xs:n*[ x:int y:int ] = Points;
"#);
}

fn main() {}
