//! Point 6: byte vectors worked out by hand from the TL binary serialization
//! rules (core.telegram.org/mtproto/serialize): little-endian ints, `string`
//! as a 1-byte length, the bytes and zero padding to a multiple of 4, boxed
//! `Vector` as `1cb5c415` + count + items, optional fields present only when
//! their flag bit is set, `flags.N?true` fields only as that bit.

use tl_runtime::{Deserialize, Serialize};

mod spec {
    // The example of core.telegram.org/mtproto/serialize; the ids there are
    // illustrative, not CRCs of these lines.
    tl_runtime::tl!(
        r#"
userEmpty#200250ba id:int = User;
---functions---
getUsers#2d84d5f5 ids:Vector<int> = Vector<User>;
"#,
        allow_id_mismatch = ["getUsers", "userEmpty"]
    );
}

mod seed {
    tl_runtime::tl! {
        include = ["../schema/seed.tl", "../schema/seed-deps.tl"],
    }
}

use seed::{enums, functions, types};

/// Checks `value` encodes to `expected`, decodes back from it, and announces
/// the right length; a failure names the first differing byte.
fn check<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(value: &T, expected: &[u8]) {
    let bytes = value.to_bytes();
    assert_eq!(
        tl_conformance::first_difference(&bytes, expected),
        None,
        "{value:?}\n  ours:     {}\n  expected: {}",
        tl_conformance::hex(&bytes),
        tl_conformance::hex(expected)
    );
    assert_eq!(value.serialized_len(), expected.len());
    assert_eq!(&T::from_bytes(expected).expect("decodes"), value);
}

#[test]
fn get_users_spec_example() {
    check(
        &spec::functions::GetUsers { ids: vec![2, 3, 4] },
        &[
            0xF5, 0xD5, 0x84, 0x2D, // getUsers#2d84d5f5
            0x15, 0xC4, 0xB5, 0x1C, // vector#1cb5c415
            0x03, 0x00, 0x00, 0x00, // 3 items
            0x02, 0x00, 0x00, 0x00, // 2
            0x03, 0x00, 0x00, 0x00, // 3
            0x04, 0x00, 0x00, 0x00, // 4
        ],
    );
}

#[test]
fn update_short_message() {
    let value = types::UpdateShortMessage {
        out: true,
        mentioned: false,
        media_unread: false,
        silent: false,
        id: 5,
        user_id: 1000,
        message: "hi".into(),
        pts: 10,
        pts_count: 1,
        date: 1_700_000_000,
        fwd_from: None,
        via_bot_id: Some(7),
        reply_to: None,
        entities: Some(vec![enums::MessageEntity::Bold(types::MessageEntityBold {
            offset: 0,
            length: 2,
        })]),
        ttl_period: None,
    };
    #[rustfmt::skip]
    let expected = [
        0xf8, 0xc7, 0x3b, 0x31, // updateShortMessage#313bc7f8
        0x82, 0x08, 0x00, 0x00, // flags: out (1 << 1) | entities (1 << 7) | via_bot_id (1 << 11) = 0x882
        0x05, 0x00, 0x00, 0x00, // id:int 5
        0xe8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // user_id:long 1000
        0x02, b'h', b'i', 0x00, // message:string, 1-byte length 2, "hi", 1 byte padding
        0x0a, 0x00, 0x00, 0x00, // pts:int 10
        0x01, 0x00, 0x00, 0x00, // pts_count:int 1
        0x00, 0xf1, 0x53, 0x65, // date:int 1700000000 = 0x6553f100
        // fwd_from (flags.2) absent
        0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // via_bot_id:flags.11?long 7
        // reply_to (flags.3) absent
        0x15, 0xc4, 0xb5, 0x1c, // entities:flags.7?Vector: vector#1cb5c415
        0x01, 0x00, 0x00, 0x00, // 1 item
        0xc9, 0x0b, 0x61, 0xbd, // messageEntityBold#bd610bc9
        0x00, 0x00, 0x00, 0x00, // offset:int 0
        0x02, 0x00, 0x00, 0x00, // length:int 2
        // ttl_period (flags.25) absent
    ];
    check(&value, &expected);
    let boxed = enums::Updates::UpdateShortMessage(Box::new(value));
    check(&boxed, &expected);
}

#[test]
fn update_short_chat_message() {
    let value = types::UpdateShortChatMessage {
        out: false,
        mentioned: true,
        media_unread: true,
        silent: false,
        id: 6,
        from_id: 1000,
        chat_id: 2000,
        message: String::new(),
        pts: 11,
        pts_count: 1,
        date: 1_700_000_001,
        fwd_from: None,
        via_bot_id: None,
        reply_to: Some(enums::MessageReplyHeader::MessageReplyStoryHeader(
            types::MessageReplyStoryHeader {
                peer: enums::Peer::User(types::PeerUser { user_id: 1000 }),
                story_id: 3,
            },
        )),
        entities: None,
        ttl_period: Some(86_400),
    };
    #[rustfmt::skip]
    let expected = [
        0xa5, 0xee, 0x6d, 0x4d, // updateShortChatMessage#4d6deea5
        0x38, 0x00, 0x00, 0x02, // flags: reply_to (1 << 3) | mentioned (1 << 4) | media_unread (1 << 5) | ttl_period (1 << 25)
        0x06, 0x00, 0x00, 0x00, // id:int 6
        0xe8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // from_id:long 1000
        0xd0, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // chat_id:long 2000
        0x00, 0x00, 0x00, 0x00, // message:string "": length 0, 3 bytes padding
        0x0b, 0x00, 0x00, 0x00, // pts:int 11
        0x01, 0x00, 0x00, 0x00, // pts_count:int 1
        0x01, 0xf1, 0x53, 0x65, // date:int 1700000001
        // fwd_from (flags.2), via_bot_id (flags.11) absent
        0x39, 0xf9, 0x5a, 0x0e, // reply_to:flags.3?MessageReplyHeader: messageReplyStoryHeader#0e5af939
        0x22, 0x17, 0x51, 0x59, //   peer:Peer: peerUser#59511722
        0xe8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //     user_id:long 1000
        0x03, 0x00, 0x00, 0x00, //   story_id:int 3
        // entities (flags.7) absent
        0x80, 0x51, 0x01, 0x00, // ttl_period:flags.25?int 86400 = 0x15180
    ];
    check(&value, &expected);
    check(
        &enums::Updates::UpdateShortChatMessage(Box::new(value)),
        &expected,
    );
}

#[test]
fn update_short_sent_message() {
    let value = types::UpdateShortSentMessage {
        out: true,
        id: 7,
        pts: 12,
        pts_count: 1,
        date: 1_700_000_002,
        media: Some(enums::MessageMedia::Empty),
        entities: None,
        ttl_period: None,
    };
    #[rustfmt::skip]
    let expected = [
        0x01, 0xe1, 0x15, 0x90, // updateShortSentMessage#9015e101
        0x02, 0x02, 0x00, 0x00, // flags: out (1 << 1) | media (1 << 9) = 0x202
        0x07, 0x00, 0x00, 0x00, // id:int 7
        0x0c, 0x00, 0x00, 0x00, // pts:int 12
        0x01, 0x00, 0x00, 0x00, // pts_count:int 1
        0x02, 0xf1, 0x53, 0x65, // date:int 1700000002
        0x20, 0x63, 0xed, 0x3d, // media:flags.9?MessageMedia: messageMediaEmpty#3ded6320
        // entities (flags.7), ttl_period (flags.25) absent
    ];
    check(&value, &expected);
    check(&enums::Updates::UpdateShortSentMessage(value), &expected);
}

#[test]
fn invite_two_users_to_a_group_call() {
    let user = |user_id, access_hash| {
        enums::InputUser::InputUser(types::InputUser {
            user_id,
            access_hash,
        })
    };
    let value = functions::phone::InviteToGroupCall {
        call: enums::InputGroupCall::InputGroupCall(types::InputGroupCall {
            id: 1,
            access_hash: 2,
        }),
        users: vec![user(10, 11), user(12, 13)],
    };
    #[rustfmt::skip]
    let expected = [
        0x60, 0x31, 0x39, 0x7b, // phone.inviteToGroupCall#7b393160
        0x0f, 0x84, 0xaa, 0xd8, // call:InputGroupCall: inputGroupCall#d8aa840f
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //   id:long 1
        0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //   access_hash:long 2
        0x15, 0xc4, 0xb5, 0x1c, // users:Vector<InputUser>: vector#1cb5c415
        0x02, 0x00, 0x00, 0x00, //   2 items
        0xc6, 0x58, 0x11, 0xf2, //   inputUser#f21158c6
        0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //     user_id:long 10
        0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //     access_hash:long 11
        0xc6, 0x58, 0x11, 0xf2, //   inputUser#f21158c6
        0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //     user_id:long 12
        0x0d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //     access_hash:long 13
    ];
    check(&value, &expected);
}
