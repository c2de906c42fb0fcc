// Only `Vector<T>` and `vector<T>` take type arguments.
mod api {
    tl_runtime::tl!(r#"
pong ping_id:long = Pong;
maybe value:Pong = Maybe;
holder x:Maybe<Pong> = Holder;
"#);
}

fn main() {}
