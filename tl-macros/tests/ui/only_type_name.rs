// `only` takes definition names and type names (all of a type's
// constructors); a name that is neither gets the nearest of either kind.
mod api {
    tl_runtime::tl!(r#"
inputPeerEmpty#7f3b18ea = InputPeer;
inputPeerSelf#7da07ec9 = InputPeer;
"#, only = ["InputPeer"]);
}

mod typo {
    tl_runtime::tl!(r#"
inputPeerEmpty#7f3b18ea = InputPeer;
inputPeerSelf#7da07ec9 = InputPeer;
"#, only = ["InputPer"]);
}

fn main() {
    let _ = api::types::InputPeerSelf {};
}
