mod features {
    tl_runtime::tl! { include = "../schema/features.tl" }
}

#[test]
fn compiles() {
    let u = features::types::UserEmpty { id: 5 };
    let e: features::enums::User = u.into();
    let _ = e;
}
