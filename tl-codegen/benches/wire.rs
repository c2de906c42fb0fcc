//! Serialize and deserialize speed of the code `tl!` generates for Telegram's
//! layer 230, against grammers-tl-types 0.11 (generated from the same
//! layer) and tl-proto 0.5 (hand-written twins with its derives,
//! `mirror/tl_proto.rs`), on equal values, in one criterion run.
//!
//! Every case is built once per library, and the three encodings are
//! asserted byte-identical before anything is timed, so all sides decode
//! exactly the same input. Before the timings, one decode of each message
//! case runs under a counting global allocator and the allocation counts are
//! printed. Results and the command line are in `BENCHMARKS.md`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{measurement::WallTime, BenchmarkGroup, Criterion, Throughput};
use grammers_tl_types as gt;
use grammers_tl_types::{Deserializable, Serializable};
use tl_runtime::{Deserialize, Serialize};

mod api {
    tl_runtime::tl! { include = "../../shared/schemas/grammers/api-230.tl" }
}

#[path = "mirror/tl_proto.rs"]
mod tlp;

use api::{enums, types};

/// Counts every allocation (`alloc`, `alloc_zeroed` and `realloc`, since a
/// growing `Vec` pays for each) and the bytes each one asked for, while
/// [`COUNTING`] is set.
struct CountingAllocator;

/// Off during the timings: the atomic adds would otherwise cost each side
/// about 20 cycles per allocation (visible in `perf`), and grammers more.
static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES_REQUESTED: AtomicUsize = AtomicUsize::new(0);

impl CountingAllocator {
    fn record(size: usize) {
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            BYTES_REQUESTED.fetch_add(size, Ordering::Relaxed);
        }
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees carry over; counting touches no memory
// the caller owns.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::record(layout.size());
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Self::record(layout.size());
        // SAFETY: forwarded unchanged; the caller upholds the contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::record(new_size);
        // SAFETY: forwarded unchanged; the caller upholds the contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; the caller upholds the contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Allocations and bytes requested while `f` runs; what `f` returns is
/// dropped afterwards, so frees are not part of the count.
fn count_allocations<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    ALLOCATIONS.store(0, Ordering::Relaxed);
    BYTES_REQUESTED.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let value = black_box(f());
    COUNTING.store(false, Ordering::Relaxed);
    drop(value);
    (
        ALLOCATIONS.load(Ordering::Relaxed),
        BYTES_REQUESTED.load(Ordering::Relaxed),
    )
}

/// Exactly `len` ASCII characters of message-like text that varies with `seed`.
fn text(seed: usize, len: usize) -> String {
    const WORDS: &str = "the quick brown fox jumps over the lazy dog while \
                         seven wizards quietly hex a jovial banjo player ";
    let start = seed * 7 % WORDS.len();
    WORDS.chars().cycle().skip(start).take(len).collect()
}

/// One `message` of ~50 characters with `from_id`, views/forwards and an
/// edit date, and two or three entities depending on `i`.
fn ours_message(i: usize) -> enums::Message {
    let id = i as i32;
    let mut entities = vec![
        enums::MessageEntity::Bold(types::MessageEntityBold {
            offset: 0,
            length: 5,
        }),
        enums::MessageEntity::Italic(types::MessageEntityItalic {
            offset: 10,
            length: 7,
        }),
    ];
    if i % 2 == 0 {
        entities.push(enums::MessageEntity::Url(types::MessageEntityUrl {
            offset: 20,
            length: 12,
        }));
    }
    types::Message {
        out: i % 3 == 0,
        mentioned: false,
        media_unread: false,
        silent: i % 5 == 0,
        post: false,
        from_scheduled: false,
        legacy: false,
        edit_hide: false,
        pinned: false,
        noforwards: false,
        invert_media: false,
        offline: false,
        video_processing_pending: false,
        paid_suggested_post_stars: false,
        paid_suggested_post_ton: false,
        id: 1000 + id,
        from_id: Some(enums::Peer::User(types::PeerUser {
            user_id: 5000 + i as i64 % 20,
        })),
        from_boosts_applied: None,
        from_rank: None,
        peer_id: enums::Peer::User(types::PeerUser { user_id: 4242 }),
        saved_peer_id: None,
        fwd_from: None,
        via_bot_id: None,
        via_business_bot_id: None,
        guestchat_via_from: None,
        reply_to: None,
        date: 1_700_000_000 + id,
        message: text(i, 50),
        media: None,
        reply_markup: None,
        entities: Some(entities),
        views: Some(types::message::Views {
            views: 100 + id,
            forwards: 3,
        }),
        replies: None,
        edit_date: Some(1_700_000_500 + id),
        post_author: None,
        grouped_id: None,
        reactions: None,
        restriction_reason: None,
        ttl_period: None,
        quick_reply_shortcut_id: None,
        effect: None,
        factcheck: None,
        report_delivery_until_date: None,
        paid_message_stars: None,
        suggested_post: None,
        schedule_repeat_period: None,
        summary_from_language: None,
        rich_message: None,
    }
    .into()
}

/// The grammers twin of [`ours_message`].
fn grammers_message(i: usize) -> gt::enums::Message {
    use gt::{enums as e, types as t};
    let id = i as i32;
    let mut entities = vec![
        e::MessageEntity::Bold(t::MessageEntityBold {
            offset: 0,
            length: 5,
        }),
        e::MessageEntity::Italic(t::MessageEntityItalic {
            offset: 10,
            length: 7,
        }),
    ];
    if i % 2 == 0 {
        entities.push(e::MessageEntity::Url(t::MessageEntityUrl {
            offset: 20,
            length: 12,
        }));
    }
    e::Message::Message(t::Message {
        out: i % 3 == 0,
        mentioned: false,
        media_unread: false,
        silent: i % 5 == 0,
        post: false,
        from_scheduled: false,
        legacy: false,
        edit_hide: false,
        pinned: false,
        noforwards: false,
        invert_media: false,
        offline: false,
        video_processing_pending: false,
        paid_suggested_post_stars: false,
        paid_suggested_post_ton: false,
        id: 1000 + id,
        from_id: Some(e::Peer::User(t::PeerUser {
            user_id: 5000 + i as i64 % 20,
        })),
        from_boosts_applied: None,
        from_rank: None,
        peer_id: e::Peer::User(t::PeerUser { user_id: 4242 }),
        saved_peer_id: None,
        fwd_from: None,
        via_bot_id: None,
        via_business_bot_id: None,
        guestchat_via_from: None,
        reply_to: None,
        date: 1_700_000_000 + id,
        message: text(i, 50),
        media: None,
        reply_markup: None,
        entities: Some(entities),
        views: Some(100 + id),
        forwards: Some(3),
        replies: None,
        edit_date: Some(1_700_000_500 + id),
        post_author: None,
        grouped_id: None,
        reactions: None,
        restriction_reason: None,
        ttl_period: None,
        quick_reply_shortcut_id: None,
        effect: None,
        factcheck: None,
        report_delivery_until_date: None,
        paid_message_stars: None,
        suggested_post: None,
        schedule_repeat_period: None,
        summary_from_language: None,
        rich_message: None,
    })
}

/// One `user` with an access hash, first and last name, username and an
/// online status.
fn ours_user(i: usize) -> enums::User {
    types::User {
        self_: false,
        contact: i % 2 == 0,
        mutual_contact: false,
        deleted: false,
        bot_chat_history: false,
        bot_nochats: false,
        verified: false,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: false,
        fake: false,
        bot_attach_menu: false,
        premium: i % 4 == 0,
        attach_menu_enabled: false,
        bot_can_edit: false,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: false,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        bot_forum_can_manage_topics: false,
        bot_can_manage_bots: false,
        bot_guestchat: false,
        bot_guard: false,
        id: 5000 + i as i64,
        access_hash: Some(0x0123_4567_89ab_cdef ^ i as i64),
        first_name: Some(format!("First{i}")),
        last_name: Some(format!("Lastname{i}")),
        username: Some(format!("user_{i}_name")),
        phone: None,
        photo: None,
        status: Some(enums::UserStatus::Online(types::UserStatusOnline {
            expires: 1_700_001_000,
        })),
        bot_info_version: None,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: None,
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    }
    .into()
}

/// The grammers twin of [`ours_user`].
fn grammers_user(i: usize) -> gt::enums::User {
    use gt::{enums as e, types as t};
    e::User::User(t::User {
        is_self: false,
        contact: i % 2 == 0,
        mutual_contact: false,
        deleted: false,
        bot: false,
        bot_chat_history: false,
        bot_nochats: false,
        verified: false,
        restricted: false,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: false,
        fake: false,
        bot_attach_menu: false,
        premium: i % 4 == 0,
        attach_menu_enabled: false,
        bot_can_edit: false,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: false,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        bot_forum_can_manage_topics: false,
        bot_can_manage_bots: false,
        bot_guestchat: false,
        bot_guard: false,
        id: 5000 + i as i64,
        access_hash: Some(0x0123_4567_89ab_cdef ^ i as i64),
        first_name: Some(format!("First{i}")),
        last_name: Some(format!("Lastname{i}")),
        username: Some(format!("user_{i}_name")),
        phone: None,
        photo: None,
        status: Some(e::UserStatus::Online(t::UserStatusOnline {
            expires: 1_700_001_000,
        })),
        bot_info_version: None,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: None,
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    })
}

/// The tl-proto twin of [`ours_message`].
fn tlp_message(i: usize) -> tlp::Message {
    let id = i as i32;
    let mut entities = vec![
        tlp::MessageEntity::Bold {
            offset: 0,
            length: 5,
        },
        tlp::MessageEntity::Italic {
            offset: 10,
            length: 7,
        },
    ];
    if i % 2 == 0 {
        entities.push(tlp::MessageEntity::Url {
            offset: 20,
            length: 12,
        });
    }
    let flag = |on: bool| on.then_some(());
    tlp::Message::Message(tlp::MessageBody {
        flags: (),
        out: flag(i % 3 == 0),
        mentioned: None,
        media_unread: None,
        silent: flag(i % 5 == 0),
        post: None,
        from_scheduled: None,
        legacy: None,
        edit_hide: None,
        pinned: None,
        noforwards: None,
        invert_media: None,
        flags2: (),
        offline: None,
        video_processing_pending: None,
        paid_suggested_post_stars: None,
        paid_suggested_post_ton: None,
        id: 1000 + id,
        from_id: Some(tlp::Peer::User {
            user_id: 5000 + i as i64 % 20,
        }),
        from_boosts_applied: None,
        from_rank: None,
        peer_id: tlp::Peer::User { user_id: 4242 },
        saved_peer_id: None,
        fwd_from: None,
        via_bot_id: None,
        via_business_bot_id: None,
        guestchat_via_from: None,
        reply_to: None,
        date: 1_700_000_000 + id,
        message: text(i, 50).into_bytes(),
        media: None,
        reply_markup: None,
        entities: Some(tlp::Vector(entities)),
        views: Some(100 + id),
        forwards: Some(3),
        replies: None,
        edit_date: Some(1_700_000_500 + id),
        post_author: None,
        grouped_id: None,
        reactions: None,
        restriction_reason: None,
        ttl_period: None,
        quick_reply_shortcut_id: None,
        effect: None,
        factcheck: None,
        report_delivery_until_date: None,
        paid_message_stars: None,
        suggested_post: None,
        schedule_repeat_period: None,
        summary_from_language: None,
        rich_message: None,
    })
}

/// The tl-proto twin of [`ours_user`].
fn tlp_user(i: usize) -> tlp::User {
    let flag = |on: bool| on.then_some(());
    tlp::User::User(tlp::UserBody {
        flags: (),
        is_self: None,
        contact: flag(i % 2 == 0),
        mutual_contact: None,
        deleted: None,
        bot: None,
        bot_chat_history: None,
        bot_nochats: None,
        verified: None,
        restricted: None,
        min: None,
        bot_inline_geo: None,
        support: None,
        scam: None,
        apply_min_photo: None,
        fake: None,
        bot_attach_menu: None,
        premium: flag(i % 4 == 0),
        attach_menu_enabled: None,
        flags2: (),
        bot_can_edit: None,
        close_friend: None,
        stories_hidden: None,
        stories_unavailable: None,
        contact_require_premium: None,
        bot_business: None,
        bot_has_main_app: None,
        bot_forum_view: None,
        bot_forum_can_manage_topics: None,
        bot_can_manage_bots: None,
        bot_guestchat: None,
        bot_guard: None,
        id: 5000 + i as i64,
        access_hash: Some(0x0123_4567_89ab_cdef ^ i as i64),
        first_name: Some(format!("First{i}").into_bytes()),
        last_name: Some(format!("Lastname{i}").into_bytes()),
        username: Some(format!("user_{i}_name").into_bytes()),
        phone: None,
        photo: None,
        status: Some(tlp::UserStatus::Online {
            expires: 1_700_001_000,
        }),
        bot_info_version: None,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: None,
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    })
}

/// The tl-proto twin of [`ours_messages`].
fn tlp_messages(messages: usize, users: usize) -> tlp::Messages {
    tlp::Messages::Messages {
        messages: tlp::Vector((0..messages).map(tlp_message).collect()),
        topics: tlp::Vector(Vec::new()),
        chats: tlp::Vector(Vec::new()),
        users: tlp::Vector((0..users).map(tlp_user).collect()),
    }
}

/// `messages.messages` with `messages` messages and `users` users.
fn ours_messages(messages: usize, users: usize) -> enums::messages::Messages {
    types::messages::Messages {
        messages: (0..messages).map(ours_message).collect(),
        topics: Vec::new(),
        chats: Vec::new(),
        users: (0..users).map(ours_user).collect(),
    }
    .into()
}

/// The grammers twin of [`ours_messages`].
fn grammers_messages(messages: usize, users: usize) -> gt::enums::messages::Messages {
    gt::enums::messages::Messages::Messages(gt::types::messages::Messages {
        messages: (0..messages).map(grammers_message).collect(),
        topics: Vec::new(),
        chats: Vec::new(),
        users: (0..users).map(grammers_user).collect(),
    })
}

/// `updateShortMessage` with every flag set and a 100-character message.
fn ours_update_short_message() -> enums::Updates {
    types::UpdateShortMessage {
        out: true,
        mentioned: true,
        media_unread: true,
        silent: true,
        id: 123_456,
        user_id: 777_000,
        message: text(3, 100),
        pts: 98_765,
        pts_count: 1,
        date: 1_700_000_000,
        fwd_from: Some(
            types::MessageFwdHeader {
                imported: false,
                saved_out: false,
                from_id: Some(enums::Peer::User(types::PeerUser { user_id: 4242 })),
                from_name: None,
                date: 1_699_999_000,
                channel_post: None,
                post_author: Some("Original Author".to_owned()),
                saved_from: None,
                saved_from_id: None,
                saved_from_name: None,
                saved_date: None,
                psa_type: None,
            }
            .into(),
        ),
        via_bot_id: Some(93_372_553),
        reply_to: Some(
            types::MessageReplyHeader {
                reply_to_scheduled: false,
                forum_topic: false,
                quote: false,
                reply_to_ephemeral: false,
                reply_to_msg_id: Some(123_400),
                reply_to_peer_id: None,
                reply_from: None,
                reply_media: None,
                reply_to_top_id: Some(123_000),
                quote_text: None,
                quote_entities: None,
                quote_offset: None,
                todo_item_id: None,
                poll_option: None,
            }
            .into(),
        ),
        entities: Some(vec![
            enums::MessageEntity::Bold(types::MessageEntityBold {
                offset: 0,
                length: 9,
            }),
            enums::MessageEntity::Italic(types::MessageEntityItalic {
                offset: 20,
                length: 15,
            }),
            enums::MessageEntity::Url(types::MessageEntityUrl {
                offset: 60,
                length: 20,
            }),
        ]),
        ttl_period: Some(86_400),
    }
    .into()
}

/// The grammers twin of [`ours_update_short_message`].
fn grammers_update_short_message() -> gt::enums::Updates {
    use gt::{enums as e, types as t};
    e::Updates::UpdateShortMessage(t::UpdateShortMessage {
        out: true,
        mentioned: true,
        media_unread: true,
        silent: true,
        id: 123_456,
        user_id: 777_000,
        message: text(3, 100),
        pts: 98_765,
        pts_count: 1,
        date: 1_700_000_000,
        fwd_from: Some(e::MessageFwdHeader::Header(t::MessageFwdHeader {
            imported: false,
            saved_out: false,
            from_id: Some(e::Peer::User(t::PeerUser { user_id: 4242 })),
            from_name: None,
            date: 1_699_999_000,
            channel_post: None,
            post_author: Some("Original Author".to_owned()),
            saved_from_peer: None,
            saved_from_msg_id: None,
            saved_from_id: None,
            saved_from_name: None,
            saved_date: None,
            psa_type: None,
        })),
        via_bot_id: Some(93_372_553),
        reply_to: Some(e::MessageReplyHeader::Header(t::MessageReplyHeader {
            reply_to_scheduled: false,
            forum_topic: false,
            quote: false,
            reply_to_ephemeral: false,
            reply_to_msg_id: Some(123_400),
            reply_to_peer_id: None,
            reply_from: None,
            reply_media: None,
            reply_to_top_id: Some(123_000),
            quote_text: None,
            quote_entities: None,
            quote_offset: None,
            todo_item_id: None,
            poll_option: None,
        })),
        entities: Some(vec![
            e::MessageEntity::Bold(t::MessageEntityBold {
                offset: 0,
                length: 9,
            }),
            e::MessageEntity::Italic(t::MessageEntityItalic {
                offset: 20,
                length: 15,
            }),
            e::MessageEntity::Url(t::MessageEntityUrl {
                offset: 60,
                length: 20,
            }),
        ]),
        ttl_period: Some(86_400),
    })
}

/// The tl-proto twin of [`ours_update_short_message`].
fn tlp_update_short_message() -> tlp::Updates {
    tlp::Updates::UpdateShortMessage(tlp::UpdateShortMessage {
        flags: (),
        out: Some(()),
        mentioned: Some(()),
        media_unread: Some(()),
        silent: Some(()),
        id: 123_456,
        user_id: 777_000,
        message: text(3, 100).into_bytes(),
        pts: 98_765,
        pts_count: 1,
        date: 1_700_000_000,
        fwd_from: Some(tlp::MessageFwdHeader {
            flags: (),
            imported: None,
            saved_out: None,
            from_id: Some(tlp::Peer::User { user_id: 4242 }),
            from_name: None,
            date: 1_699_999_000,
            channel_post: None,
            post_author: Some(b"Original Author".to_vec()),
            saved_from_peer: None,
            saved_from_msg_id: None,
            saved_from_id: None,
            saved_from_name: None,
            saved_date: None,
            psa_type: None,
        }),
        via_bot_id: Some(93_372_553),
        reply_to: Some(tlp::MessageReplyHeader {
            flags: (),
            reply_to_scheduled: None,
            forum_topic: None,
            quote: None,
            reply_to_ephemeral: None,
            reply_to_msg_id: Some(123_400),
            reply_to_peer_id: None,
            reply_from: None,
            reply_media: None,
            reply_to_top_id: Some(123_000),
            quote_text: None,
            quote_entities: None,
            quote_offset: None,
            todo_item_id: None,
            poll_option: None,
        }),
        entities: Some(tlp::Vector(vec![
            tlp::MessageEntity::Bold {
                offset: 0,
                length: 9,
            },
            tlp::MessageEntity::Italic {
                offset: 20,
                length: 15,
            },
            tlp::MessageEntity::Url {
                offset: 60,
                length: 20,
            },
        ])),
        ttl_period: Some(86_400),
    })
}

/// Messages in the 1 MiB case: as many as fit in 2^20 bytes of encoding.
fn messages_per_mib() -> usize {
    let one = ours_message(0).serialized_len();
    (1 << 20) / one
}

/// The same value in the three libraries, plus the (identical) bytes
/// encoding it.
struct Case<O, G, P> {
    name: &'static str,
    ours: O,
    grammers: G,
    tlp: P,
    bytes: Vec<u8>,
}

/// The libraries, as `TL_WIRE_REPEAT` and the criterion ids name them.
const SIDES: [&str; 3] = ["ours", "grammers", "tl-proto"];

impl<O, G, P> Case<O, G, P>
where
    O: Serialize + Deserialize + PartialEq + std::fmt::Debug,
    G: Serializable + Deserializable + PartialEq + std::fmt::Debug,
    P: tl_proto::TlWrite + for<'a> tl_proto::TlRead<'a> + PartialEq + std::fmt::Debug,
{
    /// Checks that the three libraries encode the values to the same bytes
    /// and decode those bytes back to the values, so that timings compare
    /// equal work.
    fn new(name: &'static str, ours: O, grammers: G, tlp: P) -> Self {
        let bytes = ours.to_bytes();
        assert_eq!(bytes.len(), ours.serialized_len(), "{name}: length");
        assert!(
            bytes == grammers.to_bytes(),
            "{name}: grammers encodes differently"
        );
        assert!(
            bytes == tl_proto::serialize(&tlp),
            "{name}: tl-proto encodes differently"
        );
        assert_eq!(O::from_bytes(&bytes).unwrap(), ours, "{name}: ours");
        assert_eq!(G::from_bytes(&bytes).unwrap(), grammers, "{name}: grammers");
        assert_eq!(
            tl_proto::deserialize::<P>(&bytes).unwrap(),
            tlp,
            "{name}: tl-proto"
        );
        Case {
            name,
            ours,
            grammers,
            tlp,
            bytes,
        }
    }

    /// One encode by `side`; the output is dropped by the caller.
    fn encode(&self, side: &str) -> Vec<u8> {
        match side {
            "ours" => black_box(&self.ours).to_bytes(),
            "grammers" => black_box(&self.grammers).to_bytes(),
            "tl-proto" => tl_proto::serialize(black_box(&self.tlp)),
            _ => panic!("unknown side {side}"),
        }
    }

    /// One decode by `side`, dropped inside (as the timed loops do).
    fn decode(&self, side: &str) {
        let bytes = black_box(&self.bytes[..]);
        match side {
            "ours" => drop(black_box(O::from_bytes(bytes).unwrap())),
            "grammers" => drop(black_box(G::from_bytes(bytes).unwrap())),
            "tl-proto" => drop(black_box(tl_proto::deserialize::<P>(bytes).unwrap())),
            _ => panic!("unknown side {side}"),
        }
    }

    fn bench_encode(&self, group: &mut BenchmarkGroup<'_, WallTime>) {
        group.throughput(Throughput::Bytes(self.bytes.len() as u64));
        for side in SIDES {
            group.bench_function(format!("{}/{side}", self.name), |b| {
                b.iter(|| self.encode(side))
            });
        }
    }

    fn bench_decode(&self, group: &mut BenchmarkGroup<'_, WallTime>) {
        group.throughput(Throughput::Bytes(self.bytes.len() as u64));
        for side in SIDES {
            group.bench_function(format!("{}/{side}", self.name), |b| {
                b.iter(|| self.decode(side))
            });
        }
    }

    /// With `TL_WIRE_REPEAT=<direction>/<case>/<side>:<n>` naming this case,
    /// runs that operation `n` times and returns true (`len/<case>/ours`
    /// runs `serialized_len`). A fixed count, unlike criterion's timed
    /// loops, lets `valgrind --tool=callgrind` compare the instructions of
    /// the sides (`benches/wire_instructions.sh`).
    fn repeat(&self, spec: &str) -> bool {
        let Some((op, n)) = spec.rsplit_once(':') else {
            panic!("TL_WIRE_REPEAT={spec}: expected <direction>/<case>/<side>:<n>");
        };
        let (direction, rest) = op.split_once('/').unwrap_or((op, ""));
        let (case, side) = rest.rsplit_once('/').unwrap_or((rest, ""));
        if case != self.name {
            return false;
        }
        assert!(
            SIDES.contains(&side),
            "TL_WIRE_REPEAT={spec}: the side is one of {SIDES:?}"
        );
        let n: usize = n.parse().expect("TL_WIRE_REPEAT ends in :<count>");
        for _ in 0..n {
            match direction {
                "encode" => drop(black_box(self.encode(side))),
                "decode" => self.decode(side),
                // Only ours has a size function.
                "len" if side == "ours" => drop(black_box(black_box(&self.ours).serialized_len())),
                _ => panic!("TL_WIRE_REPEAT={spec}: unknown operation"),
            }
        }
        true
    }

    /// With `TL_WIRE_TURNS=<n>`: per direction, the three sides take turns
    /// (ours, grammers, tl-proto, ours, …) `n` times, each turn timing the
    /// same number of operations (about 10 ms of ours). Alternating spreads
    /// the shared machine's load changes over all sides alike; the medians
    /// and their ratios are printed.
    fn turns(&self, turns: usize) {
        for direction in ["encode", "decode"] {
            let op = |side: &str| match direction {
                "encode" => drop(black_box(self.encode(side))),
                _ => self.decode(side),
            };
            let start = Instant::now();
            let mut ops = 0u32;
            while start.elapsed() < Duration::from_millis(10) {
                op("ours");
                ops += 1;
            }
            let mut times: [Vec<Duration>; 3] = Default::default();
            for _ in 0..turns {
                for (side, times) in SIDES.iter().zip(&mut times) {
                    let start = Instant::now();
                    for _ in 0..ops {
                        op(side);
                    }
                    times.push(start.elapsed() / ops);
                }
            }
            let [ours, grammers, tlp] = times.map(|mut t| {
                t.sort();
                t[t.len() / 2]
            });
            let ratio = |other: Duration| other.as_secs_f64() / ours.as_secs_f64();
            println!(
                "turns/{direction}/{}: median of {turns} turns: ours {ours:?}, grammers {grammers:?}, \
                 tl-proto {tlp:?}; grammers/ours {:.2}, tl-proto/ours {:.2}",
                self.name,
                ratio(grammers),
                ratio(tlp),
            );
        }
    }

    /// Prints the allocations of one decode by each library.
    fn print_allocations(&self) {
        let ours = count_allocations(|| O::from_bytes(&self.bytes).unwrap());
        let grammers = count_allocations(|| G::from_bytes(&self.bytes).unwrap());
        let tlp = count_allocations(|| tl_proto::deserialize::<P>(&self.bytes).unwrap());
        println!(
            "allocations/decode/{} ({} input bytes): ours {} allocs {} bytes, \
             grammers {} allocs {} bytes, tl-proto {} allocs {} bytes",
            self.name,
            self.bytes.len(),
            ours.0,
            ours.1,
            grammers.0,
            grammers.1,
            tlp.0,
            tlp.1,
        );
    }
}

fn main() {
    let short = Case::new(
        "update_short_message",
        ours_update_short_message(),
        grammers_update_short_message(),
        tlp_update_short_message(),
    );
    let messages = Case::new(
        "messages_100",
        ours_messages(100, 20),
        grammers_messages(100, 20),
        tlp_messages(100, 20),
    );
    let longs: Vec<i64> = (0..10_000).map(|i| i * 0x0101_0101_0101).collect();
    let vector = Case::new(
        "vector_long_10k",
        longs.clone(),
        longs.clone(),
        tlp::Vector(longs),
    );
    let per_mib = messages_per_mib();
    let mib = Case::new(
        "messages_1mib",
        ours_messages(per_mib, 20),
        grammers_messages(per_mib, 20),
        tlp_messages(per_mib, 20),
    );

    if let Ok(spec) = std::env::var("TL_WIRE_REPEAT") {
        let ran = short.repeat(&spec)
            || messages.repeat(&spec)
            || vector.repeat(&spec)
            || mib.repeat(&spec);
        assert!(ran, "TL_WIRE_REPEAT={spec} names no case");
        return;
    }

    if let Ok(turns) = std::env::var("TL_WIRE_TURNS") {
        let turns = turns.parse().expect("TL_WIRE_TURNS=<number of turns>");
        short.turns(turns);
        messages.turns(turns);
        vector.turns(turns);
        mib.turns(turns);
        return;
    }

    println!(
        "messages_1mib: {per_mib} messages + 20 users, {} bytes",
        mib.bytes.len()
    );
    // Decoding writes every field of a struct, present or not, so the size
    // of the decoded types bounds decode speed on message-heavy input.
    println!(
        "size_of: ours types::Message {} enums::Message {} types::User {} types::UpdateShortMessage {}; \
         grammers types::Message {} enums::Message {} types::User {}; \
         tl-proto Message {} User {}",
        std::mem::size_of::<types::Message>(),
        std::mem::size_of::<enums::Message>(),
        std::mem::size_of::<types::User>(),
        std::mem::size_of::<types::UpdateShortMessage>(),
        std::mem::size_of::<gt::types::Message>(),
        std::mem::size_of::<gt::enums::Message>(),
        std::mem::size_of::<gt::types::User>(),
        std::mem::size_of::<tlp::Message>(),
        std::mem::size_of::<tlp::User>(),
    );
    short.print_allocations();
    messages.print_allocations();
    mib.print_allocations();

    let mut criterion = Criterion::default().configure_from_args();
    let mut encode = criterion.benchmark_group("encode");
    short.bench_encode(&mut encode);
    messages.bench_encode(&mut encode);
    vector.bench_encode(&mut encode);
    mib.bench_encode(&mut encode);
    encode.finish();
    let mut decode = criterion.benchmark_group("decode");
    short.bench_decode(&mut decode);
    messages.bench_decode(&mut decode);
    vector.bench_decode(&mut decode);
    mib.bench_decode(&mut decode);
    decode.finish();
    criterion.final_summary();
}
