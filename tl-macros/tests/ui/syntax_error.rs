mod api {
    tl_runtime::tl!(r#"
ok = Ok;
updateShort#78d4dec1 update:Update date:int Updates;
"#);
}

fn main() {}
