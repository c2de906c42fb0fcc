//! The golden files are the code `tl expand` prints and build scripts write.
//! Compiled here through `include!`, rustc's and clippy's lints treat them as
//! hand-written code (CI denies warnings), and the values below use them.

mod features {
    include!("expected/features.rs");
}
mod seed {
    include!("expected/seed.rs");
}

use tl_runtime::{Deserialize, Serialize};

#[test]
fn expanded_code_round_trips() {
    let ping = features::functions::Ping { ping_id: 7 };
    let bytes = ping.to_bytes();
    assert_eq!(&bytes[..4], &0x7abe_77ec_u32.to_le_bytes());
    assert_eq!(features::functions::Ping::from_bytes(&bytes).unwrap(), ping);
    assert_eq!(
        seed::name_for_id(0x7b39_3160),
        Some("phone.inviteToGroupCall")
    );
}

/// The written-out `Debug` impls print what `#[derive(Debug)]` prints: the
/// same shapes, derived here by hand, format the same.
#[test]
#[allow(dead_code)] // the mirrors' fields are read only by Debug
fn debug_matches_the_derive() {
    #[derive(Debug)]
    struct Keywords {
        r#type: i32,
        self_: i64,
        r#static: String,
        r#fn: bool,
    }
    #[derive(Debug)]
    struct InputUser {
        user_id: i64,
        access_hash: i64,
    }
    #[derive(Debug)]
    struct InputUserSelf {}
    #[derive(Debug)]
    enum InputUserEnum {
        InputUserSelf,
        InputUser(InputUser),
    }
    let keywords = features::types::Keywords {
        r#type: 1,
        self_: 2,
        r#static: "s".into(),
        r#fn: true,
    };
    let mirror = Keywords {
        r#type: 1,
        self_: 2,
        r#static: "s".into(),
        r#fn: true,
    };
    let same = |ours: String, derived: String| assert_eq!(ours, derived);
    same(format!("{keywords:?}"), format!("{mirror:?}"));
    same(format!("{keywords:#?}"), format!("{mirror:#?}"));
    let user = features::types::InputUser {
        user_id: 5,
        access_hash: -6,
    };
    let mirror_user = InputUser {
        user_id: 5,
        access_hash: -6,
    };
    same(format!("{user:#?}"), format!("{mirror_user:#?}"));
    same(
        format!("{:?}", features::enums::InputUser::InputUser(user)),
        format!("{:?}", InputUserEnum::InputUser(mirror_user)),
    );
    same(
        format!("{:?}", features::enums::InputUser::InputUserSelf),
        format!("{:?}", InputUserEnum::InputUserSelf),
    );
    same(
        format!("{:?}", features::types::InputUserSelf {}),
        format!("{:?}", InputUserSelf {}),
    );
}
