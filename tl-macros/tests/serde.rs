//! `derive = [serde::Serialize, serde::Deserialize]`, with `bytes` fields as bytes.

mod api {
    tl_runtime::tl! {
        include = "../schema/features.tl",
        derive = [serde::Serialize, serde::Deserialize],
    }
}

use api::{enums, types};

#[test]
fn values_survive_json() {
    let entry = types::storage::daemon::db::Entry {
        key: "k".into(),
        value: vec![0, 1, 255],
    };
    let json = serde_json::to_string(&entry).expect("json");
    assert_eq!(json, r#"{"key":"k","value":[0,1,255]}"#);
    let back: types::storage::daemon::db::Entry = serde_json::from_str(&json).expect("back");
    assert_eq!(back, entry);

    let keys = types::Keys {
        nonce: [1; 16],
        server_nonce: [2; 32],
        key: [3; 64],
    };
    let back: types::Keys =
        serde_json::from_str(&serde_json::to_string(&keys).expect("json")).expect("back");
    assert_eq!(back, keys);

    let e = enums::TextEntity::Nested(types::TextEntityNested {
        offset: 1,
        length: 2,
        inner: Box::new(enums::TextEntity::Bold(types::TextEntityBold {
            offset: 3,
            length: 4,
        })),
    });
    let back: enums::TextEntity =
        serde_json::from_str(&serde_json::to_string(&e).expect("json")).expect("back");
    assert_eq!(back, e);
}
