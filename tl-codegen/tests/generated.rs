//! The golden snapshots, compiled and used: byte-exact vectors worked out by
//! hand, round trips of every construct, enum sizes, and hostile input.

#[allow(clippy::all)]
mod seed {
    include!("expected/seed.rs");
}
mod features {
    include!("expected/features.rs");
}

use tl_runtime::{Bare, Deserialize, ErrorKind, Identifiable, RemoteCall, Serialize};

/// Writes `v`, checks the length is exact, reads it back, and returns the bytes.
fn round_trip<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(v: &T) -> Vec<u8> {
    let bytes = v.to_bytes();
    assert_eq!(bytes.len(), v.serialized_len(), "{v:?}");
    let back = T::from_bytes(&bytes).unwrap_or_else(|e| panic!("{v:?}: {e}"));
    assert_eq!(&back, v);
    bytes
}

fn le(v: u32) -> [u8; 4] {
    v.to_le_bytes()
}

mod vectors {
    use super::seed::{enums, types};
    use super::*;

    #[test]
    fn update_short_field_by_field() {
        let v = types::UpdateShort {
            update: enums::Update::DeleteMessages(types::UpdateDeleteMessages {
                messages: vec![1, 2],
                pts: 3,
                pts_count: 4,
            }),
            date: 5,
        };
        let mut expected = Vec::new();
        expected.extend(le(0x78d4dec1)); // updateShort
        expected.extend(le(0xa20db0e5)); // update: updateDeleteMessages
        expected.extend(le(0x1cb5c415)); //   messages: Vector
        expected.extend(le(2)); //           count
        expected.extend(le(1));
        expected.extend(le(2));
        expected.extend(le(3)); //           pts
        expected.extend(le(4)); //           pts_count
        expected.extend(le(5)); // date
        assert_eq!(round_trip(&v), expected);
        // Through the enum, the bytes are the same.
        let e: enums::Updates = v.into();
        assert_eq!(round_trip(&e), expected);
    }

    fn short_message() -> types::UpdateShortMessage {
        types::UpdateShortMessage {
            out: false,
            mentioned: false,
            media_unread: false,
            silent: false,
            id: 0x0102_0304,
            user_id: 0x1112_1314_1516_1718,
            message: "Peter".to_string(),
            pts: 7,
            pts_count: 1,
            date: 1_700_000_000,
            fwd_from: None,
            via_bot_id: None,
            reply_to: None,
            entities: None,
            ttl_period: None,
        }
    }

    /// The bytes of `short_message()` after the flags word.
    fn short_message_body() -> Vec<u8> {
        let mut b = Vec::new();
        b.extend([0x04, 0x03, 0x02, 0x01]); // id
        b.extend([0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11]); // user_id
        b.extend([5, b'P', b'e', b't', b'e', b'r', 0, 0]); // message: len 5 + 2 padding
        b.extend(le(7)); // pts
        b.extend(le(1)); // pts_count
        b.extend(1_700_000_000u32.to_le_bytes()); // date
        b
    }

    #[test]
    fn update_short_message_no_flags() {
        let mut expected = le(0x313bc7f8).to_vec();
        expected.extend(le(0));
        expected.extend(short_message_body());
        assert_eq!(round_trip(&short_message()), expected);
    }

    #[test]
    fn update_short_message_true_flags() {
        let v = types::UpdateShortMessage {
            out: true,
            silent: true,
            ..short_message()
        };
        let mut expected = le(0x313bc7f8).to_vec();
        expected.extend(le((1 << 1) | (1 << 13))); // out, silent: nothing else on the wire
        expected.extend(short_message_body());
        assert_eq!(round_trip(&v), expected);
    }

    #[test]
    fn update_short_message_optional_values() {
        let v = types::UpdateShortMessage {
            mentioned: true,
            via_bot_id: Some(9),
            entities: Some(vec![]),
            ttl_period: Some(60),
            ..short_message()
        };
        let mut expected = le(0x313bc7f8).to_vec();
        expected.extend(le((1 << 4) | (1 << 11) | (1 << 7) | (1 << 25)));
        expected.extend(short_message_body());
        expected.extend(9u64.to_le_bytes()); // via_bot_id (flags.11)
        expected.extend(le(0x1cb5c415)); // entities (flags.7): empty Vector
        expected.extend(le(0));
        expected.extend(le(60)); // ttl_period (flags.25)
        assert_eq!(round_trip(&v), expected);
    }

    #[test]
    fn update_short_message_with_boxed_values() {
        let v = types::UpdateShortMessage {
            fwd_from: Some(types::MessageFwdHeader::new(3).into()),
            entities: Some(vec![enums::MessageEntity::Bold(types::MessageEntityBold {
                offset: 0,
                length: 5,
            })]),
            ..short_message()
        };
        let mut expected = le(0x313bc7f8).to_vec();
        expected.extend(le((1 << 2) | (1 << 7)));
        expected.extend(short_message_body());
        expected.extend(le(0x4e4df4bb)); // fwd_from: messageFwdHeader
        expected.extend(le(0)); //           its flags
        expected.extend(le(3)); //           date
        expected.extend(le(0x1cb5c415)); // entities
        expected.extend(le(1));
        expected.extend(le(0xbd610bc9)); //  messageEntityBold
        expected.extend(le(0));
        expected.extend(le(5));
        assert_eq!(round_trip(&v), expected);
    }

    #[test]
    fn invite_to_group_call_with_two_users() {
        use super::seed::functions::phone::InviteToGroupCall;
        let v = InviteToGroupCall {
            call: enums::InputGroupCall::InputGroupCall(types::InputGroupCall {
                id: 1,
                access_hash: 2,
            }),
            users: vec![
                enums::InputUser::InputUserSelf,
                enums::InputUser::InputUser(types::InputUser {
                    user_id: 3,
                    access_hash: 4,
                }),
            ],
        };
        let mut expected = le(0x7b393160).to_vec();
        expected.extend(le(0xd8aa840f));
        expected.extend(1u64.to_le_bytes());
        expected.extend(2u64.to_le_bytes());
        expected.extend(le(0x1cb5c415));
        expected.extend(le(2));
        expected.extend(le(0xf7c1b13f));
        expected.extend(le(0xf21158c6));
        expected.extend(3u64.to_le_bytes());
        expected.extend(4u64.to_le_bytes());
        assert_eq!(round_trip(&v), expected);
        // Its answer is `Updates`.
        fn returns<F: RemoteCall<Return = enums::Updates>>(_: &F) {}
        returns(&v);
    }

    #[test]
    fn two_values_on_one_bit_are_present_together() {
        // `saved_from_peer:flags.4?Peer saved_from_msg_id:flags.4?int`
        let v = types::MessageFwdHeader {
            saved_from: Some(types::message_fwd_header::SavedFrom {
                saved_from_peer: enums::Peer::User(types::PeerUser { user_id: 2 }),
                saved_from_msg_id: 3,
            }),
            ..types::MessageFwdHeader::new(1)
        };
        let bytes = round_trip(&v);
        let mut expected = le(0x4e4df4bb).to_vec();
        expected.extend(le(1 << 4));
        expected.extend(le(1)); // date
        expected.extend(le(0x59511722)); // saved_from_peer
        expected.extend(2u64.to_le_bytes());
        expected.extend(le(3)); // saved_from_msg_id
        assert_eq!(bytes, expected);
    }
}

mod constructs {
    use super::features::{enums, functions, name_for_id, types, LAYER};
    use super::*;

    fn user() -> types::User {
        types::User {
            self_: true,
            id: -1,
            first_name: Some(String::new()),
            username: Some("x".repeat(254)),
            verified: Some(false),
            photo: Some(enums::UserPhoto::UserPhoto(types::UserPhoto {
                photo_id: 1,
                dc_id: 2,
                stripped: vec![0xff; 300],
            })),
            bot_info_version: Some(4),
            premium: true,
            usernames: Some(vec!["a".into(), "é".repeat(200)]),
        }
    }

    #[test]
    fn every_construct_round_trips() {
        round_trip(&user());
        round_trip(&types::User::new(0));
        round_trip(&types::Point {
            long: 1.5,
            lat: -0.25,
            bytes: 3,
        });
        round_trip(&types::Keywords {
            r#type: 1,
            self_: 2,
            r#static: "s".into(),
            r#fn: true,
        });
        round_trip(&types::Matrix {
            rows: vec![vec![], vec![1, 2, 3]],
            cells: vec![types::Point {
                long: 0.0,
                lat: 1.0,
                bytes: 2,
            }],
        });
        round_trip(&types::Packet {
            nodes: vec![enums::Point::Point(types::Point {
                long: 1.0,
                lat: 2.0,
                bytes: 3,
            })],
            extra: Some(vec![]),
        });
        round_trip(&types::Keys {
            nonce: [1; 16],
            server_nonce: [2; 32],
            key: [3; 64],
        });
        round_trip(&types::lite_server::AccountState {
            count: 7,
            balance: Some(-5),
        });
        round_trip(&types::Feature { other: 1 });
        round_trip(&types::storage::daemon::db::Entry {
            key: "k".into(),
            value: vec![0, 1, 2],
        });
        round_trip(&types::storage::daemon::Torrent {
            hash: [9; 32],
            size: Some(10),
            error: None,
        });
        round_trip(&types::FormattedText {
            text: "bold".into(),
            entities: vec![enums::TextEntity::Nested(types::TextEntityNested {
                offset: 0,
                length: 4,
                inner: Box::new(enums::TextEntity::Bold(types::TextEntityBold {
                    offset: 1,
                    length: 2,
                })),
            })],
        });
        round_trip(&functions::users::GetUsers {
            id: vec![enums::InputUser::InputUserSelf],
        });
        round_trip(&functions::help::GetNearestPoint { around: None });
    }

    #[test]
    fn flags_and_bits() {
        let bytes = round_trip(&user());
        // flags: self (0), bot via bot_info_version (1), first_name (2), username (3),
        // verified (4), photo (5).
        assert_eq!(bytes[4..8], le(0b11_1111));
        assert!(user().bot());
        assert!(!types::User::new(0).bot());
        // Unconditional `true` takes no bytes.
        assert_eq!(types::Feature { other: 1 }.to_bytes().len(), 8);
        // A plain `#` nothing refers to is a stored number: mode, count, balance.
        let state = types::lite_server::AccountState {
            count: 7,
            balance: None,
        };
        assert_eq!(state.to_bytes()[4..], [0, 0, 0, 0, 7, 0, 0, 0]);
    }

    /// `verified:flags.4?Bool` is absent, `boolFalse` or `boolTrue`: three
    /// encodings, each decoding to its own state.
    #[test]
    fn optional_bool_has_three_states() {
        let states = [None, Some(false), Some(true)];
        let encoded = states.map(|verified| {
            round_trip(&types::User {
                verified,
                ..types::User::new(0)
            })
        });
        // id, flags, `id:long`, then the Bool (no other optional field is
        // present), then `flags2`.
        assert_eq!(encoded[0][4..8], le(0));
        assert_eq!(encoded[0].len(), 20);
        for (bytes, bool_id) in [(&encoded[1], 0xbc79_9737), (&encoded[2], 0x9972_75b5)] {
            assert_eq!(bytes[4..8], le(1 << 4), "flag bit 4");
            assert_eq!(bytes[16..20], le(bool_id), "boolFalse, then boolTrue");
            assert_eq!(bytes.len(), 24);
        }
        assert_ne!(encoded[0], encoded[1]);
        assert_ne!(encoded[0], encoded[2]);
        assert_ne!(encoded[1], encoded[2]);
        for (state, bytes) in states.iter().zip(&encoded) {
            let back = types::User::from_bytes(bytes).unwrap();
            assert_eq!(back.verified, *state, "{bytes:02x?}");
        }
    }

    #[test]
    fn absent_vector_differs_from_empty() {
        let absent = types::User::new(0);
        let empty = types::User {
            usernames: Some(vec![]),
            ..types::User::new(0)
        };
        assert_ne!(round_trip(&absent), round_trip(&empty));
    }

    #[test]
    fn message_container_holds_bare_messages_with_sized_bodies() {
        let body = types::Pong {
            msg_id: 1,
            ping_id: 2,
        }
        .to_bytes();
        let c = types::MsgContainer {
            messages: vec![
                types::Message {
                    msg_id: 10,
                    seqno: 1,
                    body: tl_runtime::RawObject(body.clone()),
                },
                types::Message {
                    msg_id: 11,
                    seqno: 3,
                    body: tl_runtime::RawObject(body.clone()),
                },
            ],
        };
        let bytes = round_trip(&c);
        // Bare messages: no id before each; `bytes` is the body's length.
        assert_eq!(bytes[4..8], le(2));
        assert_eq!(bytes[8..16], 10u64.to_le_bytes());
        assert_eq!(bytes[20..24], le(body.len() as u32));
        let pong = c.messages[1].body.decode::<enums::Pong>().expect("pong");
        assert_eq!(pong.constructor_id(), types::Pong::CONSTRUCTOR_ID);
    }

    #[test]
    fn generic_function_returns_its_query_answer() {
        let call = functions::InvokeWithLayer {
            layer: LAYER,
            query: functions::Ping { ping_id: 5 },
        };
        fn returns<F: RemoteCall<Return = enums::Pong>>(_: &F) {}
        returns(&call);
        let bytes = round_trip(&call);
        assert_eq!(bytes[..4], le(0xda9b0d0d));
        assert_eq!(bytes[8..12], le(0x7abe77ec));
    }

    #[test]
    fn conversions_between_structs_and_enums() {
        let bold = types::TextEntityBold {
            offset: 1,
            length: 2,
        };
        let e: enums::TextEntity = bold.clone().into();
        assert_eq!(types::TextEntityBold::try_from(e.clone()), Ok(bold));
        assert!(types::TextEntityNested::try_from(e).is_err());
        // A type with one constructor converts both ways without failure.
        let p: types::Pong = enums::Pong::Pong(types::Pong {
            msg_id: 1,
            ping_id: 2,
        })
        .into();
        assert_eq!(p.ping_id, 2);
    }

    #[test]
    fn names_for_ids() {
        assert_eq!(name_for_id(0x23ef3be9), Some("user"));
        assert_eq!(name_for_id(0xda9b0d0d), Some("invokeWithLayer"));
        assert_eq!(name_for_id(0xdeadbeef), None);
        // Not in the schema: the ids the runtime handles itself.
        assert_eq!(name_for_id(0x3072cfa1), Some("gzip_packed"));
        assert_eq!(name_for_id(0xf35c6d01), Some("rpc_result"));
    }

    #[test]
    fn unknown_constructor_is_an_error_with_offset() {
        let mut bytes = types::FormattedText {
            text: String::new(),
            entities: vec![enums::TextEntity::Bold(types::TextEntityBold {
                offset: 0,
                length: 0,
            })],
        }
        .to_bytes();
        // Corrupt the entity's id (after id, text, Vector id and count).
        bytes[16..20].copy_from_slice(&le(0x01020304));
        let e = types::FormattedText::from_bytes(&bytes).unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::UnknownConstructor {
                id: 0x01020304,
                type_name: "TextEntity"
            }
        );
        assert_eq!(e.offset(), 16);
    }

    #[test]
    fn gzip_packed_in_place_of_a_boxed_value_is_named() {
        let mut bytes = types::FormattedText {
            text: String::new(),
            entities: vec![enums::TextEntity::Bold(types::TextEntityBold {
                offset: 0,
                length: 0,
            })],
        }
        .to_bytes();
        bytes[16..20].copy_from_slice(&le(0x3072cfa1));
        let e = types::FormattedText::from_bytes(&bytes).unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::GzipPacked {
                type_name: "TextEntity"
            }
        );
        assert_eq!(e.offset(), 16);
        assert!(e.to_string().contains("gzip_packed"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // 1,000,000 nested `textEntityNested`, decoded on a 2 MiB stack.
        let depth = 1_000_000;
        let mut bytes = Vec::with_capacity(depth * 12 + 12);
        for _ in 0..depth {
            bytes.extend(le(0xb0db9727));
            bytes.extend([0; 8]);
        }
        bytes.extend(le(0x0ea70f5e));
        bytes.extend([0; 8]);
        let outcome = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || enums::TextEntity::from_bytes(&bytes).map(|_| ()))
            .expect("thread")
            .join()
            .expect("no stack overflow");
        let e = outcome.unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::DepthLimitExceeded { .. }),
            "{e}"
        );
    }

    /// Only types that can contain themselves count depth: with no level
    /// allowed, a `User` (no cycle) still decodes, a `TextEntity` does not.
    #[test]
    fn only_recursive_types_count_depth() {
        let none = tl_runtime::Config::new().max_depth(0);
        let user: enums::User = types::User::new(7).into();
        let back = enums::User::from_bytes_with(&user.to_bytes(), &none).unwrap();
        assert_eq!(back, user);
        let bold: enums::TextEntity = types::TextEntityBold {
            offset: 0,
            length: 1,
        }
        .into();
        let e = enums::TextEntity::from_bytes_with(&bold.to_bytes(), &none).unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::DepthLimitExceeded { .. }),
            "{e}"
        );
    }

    #[test]
    fn moderate_nesting_decodes() {
        let mut e = enums::TextEntity::Bold(types::TextEntityBold {
            offset: 0,
            length: 0,
        });
        for _ in 0..100 {
            e = enums::TextEntity::Nested(types::TextEntityNested {
                offset: 0,
                length: 0,
                inner: Box::new(e),
            });
        }
        round_trip(&e);
    }

    #[test]
    fn bare_form_has_no_id() {
        let p = types::Point {
            long: 1.0,
            lat: 2.0,
            bytes: 3,
        };
        assert_eq!(p.bare_len() + 4, p.serialized_len());
        let mut bare = Vec::new();
        p.serialize_bare(&mut bare);
        assert_eq!(bare, p.to_bytes()[4..]);
    }
}

/// Every enum of both schemas is at most the size the generator promises
/// (`tl_codegen::graph::ENUM_SIZE_MAX`). The golden files carry no sample code, so
/// the schemas are generated again here with it, for `visit_samples`.
mod sizes {
    use std::fmt::Debug;
    use std::mem::size_of;
    use tl_codegen::graph::ENUM_SIZE_MAX;
    use tl_runtime::sample::{Sample, Visitor};
    use tl_runtime::{Deserialize, Serialize};

    mod seed {
        tl_runtime::tl! {
            include = ["../schema/seed.tl", "../schema/seed-deps.tl"],
            samples = true,
        }
    }
    mod features {
        tl_runtime::tl! {
            include = "../schema/features.tl",
            samples = true,
        }
    }

    /// Every boxed type's enum, and those over the bound with their size.
    #[derive(Default)]
    struct Sizes {
        enums: usize,
        over: Vec<(&'static str, usize)>,
    }

    impl Visitor for Sizes {
        fn boxed<T>(&mut self, name: &'static str)
        where
            T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
        {
            self.enums += 1;
            let size = std::mem::size_of::<T>();
            if size > ENUM_SIZE_MAX {
                self.over.push((name, size));
            }
        }
    }

    /// The promise: every generated enum is at most `ENUM_SIZE_MAX` bytes.
    #[test]
    fn every_enum_is_at_most_the_promised_size() {
        let mut v = Sizes::default();
        seed::visit_samples(&mut v);
        let seed = v.enums;
        features::visit_samples(&mut v);
        assert!(seed > 0 && v.enums > seed, "{seed} and {} enums", v.enums);
        assert_eq!(v.over, [], "enums over {ENUM_SIZE_MAX} bytes");
    }

    /// The conformance suite checks the real schemas against its own copy of
    /// the bound: the two must agree.
    #[test]
    fn the_conformance_bound_is_the_promised_one() {
        assert_eq!(tl_corpus::ENUM_SIZE_BOUND, ENUM_SIZE_MAX);
    }

    mod wide {
        tl_runtime::tl!(
            r#"
            wide text:string a1:long a2:long a3:long a4:long a5:long a6:long a7:long a8:long a9:long a10:long a11:long a12:long a13:long a14:long a15:long a16:long a17:long a18:long a19:long a20:long a21:long a22:long a23:long a24:long a25:long a26:long a27:long = Wide;
            big flags:# w1:flags.0?Wide w2:flags.1?Wide w3:flags.2?Wide w4:flags.3?Wide w5:flags.4?Wide id:long = Big;
            "#
        );
    }

    /// A struct over `STRUCT_SIZE_MAX` boxes its largest optional fields,
    /// the later first among equals, until it fits: here one of five
    /// 240-byte options (`w5`), and the others stay inline.
    #[test]
    fn structs_box_their_largest_optional_fields_until_they_fit() {
        use tl_codegen::graph::STRUCT_SIZE_MAX;
        use wide::{enums, types};
        let w = types::Wide {
            text: "w".repeat(3),
            a1: 1,
            a2: 2,
            a3: 3,
            a4: 4,
            a5: 5,
            a6: 6,
            a7: 7,
            a8: 8,
            a9: 9,
            a10: 10,
            a11: 11,
            a12: 12,
            a13: 13,
            a14: 14,
            a15: 15,
            a16: 16,
            a17: 17,
            a18: 18,
            a19: 19,
            a20: 20,
            a21: 21,
            a22: 22,
            a23: 23,
            a24: 24,
            a25: 25,
            a26: 26,
            a27: 27,
        };
        assert!(size_of::<types::Wide>() >= 240);
        assert!(size_of::<types::Big>() <= STRUCT_SIZE_MAX);
        // `w5: Option<Box<enums::Wide>>`, `w1: Option<enums::Wide>`: this
        // fails to compile if either is held the other way.
        let big = types::Big {
            w1: Some(enums::Wide::from(w.clone())),
            w5: Some(Box::new(w.into())),
            ..types::Big::new(1)
        };
        let back = enums::Big::from_bytes(&enums::Big::from(big.clone()).to_bytes()).unwrap();
        assert_eq!(back, big.into());
    }

    /// Boxing only where the bound needs it: a variant that fits is held
    /// inline (no allocation per decoded value), one that does not is boxed.
    #[test]
    fn only_variants_that_do_not_fit_are_boxed() {
        use super::seed::{enums, types};
        // 200-odd bytes: inline. (The match fails to compile if it is boxed.)
        assert!(size_of::<types::MessageFwdHeader>() > 64);
        let header = types::MessageFwdHeader::new(1);
        let enums::MessageFwdHeader::MessageFwdHeader(inline) = header.clone().into();
        assert_eq!(inline, header);
        // Larger than the bound: boxed.
        assert!(size_of::<types::UpdateShortMessage>() > ENUM_SIZE_MAX - 8);
        let boxed: Box<types::UpdateShortMessage> = match enums::Updates::from(
            types::UpdateShortMessage::new(1, 2, String::new(), 3, 4, 5),
        ) {
            enums::Updates::UpdateShortMessage(b) => b,
            other => panic!("{other:?}"),
        };
        assert_eq!(boxed.id, 1);
    }
}

mod debug {
    use super::features::types;

    #[test]
    fn byte_strings_print_as_hex_cut_short() {
        let photo = types::UserPhoto {
            photo_id: 1,
            dc_id: 2,
            stripped: vec![0xff; 300],
        };
        let text = format!("{photo:?}");
        let expected = format!(
            "UserPhoto {{ photo_id: 1, dc_id: 2, stripped: hex\"{}…\" (300 bytes) }}",
            "ff".repeat(64)
        );
        assert_eq!(text, expected);
        let keys = types::Keys {
            nonce: [0xab; 16],
            server_nonce: [0; 32],
            key: [1; 64],
        };
        let text = format!("{keys:?}");
        assert!(
            text.contains(&format!("nonce: hex\"{}\"", "ab".repeat(16))),
            "{text}"
        );
        assert!(
            text.contains(&format!("key: hex\"{}\"", "01".repeat(64))),
            "{text}"
        );
    }
}
