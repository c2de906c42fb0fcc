// `%T` is the bare form of a type with exactly one constructor; `%Bool`
// has no bare form the generator can write (its constructors carry no data).
mod api {
    tl_runtime::tl!(r#"
boolHolder flag:%Bool = BoolHolder;
peerUser user_id:long = Peer;
peerChat chat_id:long = Peer;
message peer:%Peer = Message;
"#);
}

fn main() {}
