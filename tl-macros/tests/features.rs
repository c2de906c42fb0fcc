//! `tl!` with both input forms: an included file and inline TL.

mod features {
    tl_runtime::tl! { include = "../schema/features.tl" }
}

/// The example of core.telegram.org/mtproto/TL (its ids are the page's, not
/// the CRC of this text, hence the allowance).
mod spec {
    tl_runtime::tl!(
        r#"
userEmpty#200250ba id:int = User;
---functions---
getUsers#2d84d5f5 ids:Vector<int> = Vector<User>;
"#,
        allow_id_mismatch = ["getUsers", "userEmpty"]
    );
}

use tl_runtime::{Deserialize, RemoteCall, Serialize};

#[test]
fn get_users_spec_vector() {
    let call = spec::functions::GetUsers { ids: vec![2, 3, 4] };
    assert_eq!(
        call.to_bytes(),
        [
            0xF5, 0xD5, 0x84, 0x2D, 0x15, 0xC4, 0xB5, 0x1C, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00,
            0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00
        ]
    );
    // The answer is a `Vector<User>`.
    let answer: Vec<u8> = [0x1cb5c415u32, 1, 0x200250ba, 7]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let users =
        <spec::functions::GetUsers as RemoteCall>::Return::from_bytes(&answer).expect("users");
    assert_eq!(
        users,
        [spec::enums::User::Empty(spec::types::UserEmpty { id: 7 })]
    );
}

#[test]
fn included_file_generates_usable_types() {
    let u = features::types::UserEmpty { id: 5 };
    let e: features::enums::User = u.clone().into();
    assert_eq!(features::enums::User::from_bytes(&e.to_bytes()), Ok(e));
    assert_eq!(features::LAYER, 1);
}
