// A published id deviation, accepted by default, is an error again with
// `known_deviations = false`; any other mismatch is an error either way.
mod api {
    tl_runtime::tl!(r#"
ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;
"#, known_deviations = false);
}

mod other {
    tl_runtime::tl!(r#"
ipPortSecret#37982647 ipv4:int port:int secret:bytes = IpPort;
"#);
}

fn main() {}
