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
    assert_eq!(seed::name_for_id(0x7b39_3160), Some("phone.inviteToGroupCall"));
}
