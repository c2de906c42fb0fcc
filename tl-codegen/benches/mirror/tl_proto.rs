//! tl-proto 0.5 twins of the layer-230 constructors the wire bench encodes
//! and decodes, written with tl-proto's derives the way its users write them:
//! strings as owned `Vec<u8>` (tl-proto does not check UTF-8), enums with
//! their variants inline (no boxes), `flags.N?true` as `Option<()>`.
//!
//! Only the constructors the bench's values contain have variants. Every
//! other type a field names is [`Unsupported`]: it is never present in the
//! bench's bytes, it keeps its flag bit so the flags words encode and decode
//! exactly as the schema says, and it takes no space, which makes these
//! structs smaller than a complete twin would be. Enums have only the
//! variants the bench uses (ours have all of the layer's). Both favour
//! tl-proto, so the comparison is conservative for us.

use tl_proto::{TlError, TlPacket, TlRead, TlResult, TlWrite};

/// `vector#1cb5c415`: Telegram's boxed vector. tl-proto's `Vec<T>` is TON's
/// bare `vector`, without the id.
#[derive(Debug, Clone, PartialEq)]
pub struct Vector<T>(pub Vec<T>);

const VECTOR_ID: u32 = 0x1cb5_c415;

impl<'a, T: TlRead<'a>> TlRead<'a> for Vector<T> {
    type Repr = tl_proto::Boxed;

    #[inline]
    fn read_from(packet: &mut &'a [u8]) -> TlResult<Self> {
        match u32::read_from(packet)? {
            VECTOR_ID => Vec::read_from(packet).map(Vector),
            _ => Err(TlError::UnknownConstructor),
        }
    }
}

impl<T: TlWrite> TlWrite for Vector<T> {
    type Repr = tl_proto::Boxed;

    #[inline]
    fn max_size_hint(&self) -> usize {
        4 + self.0.max_size_hint()
    }

    #[inline]
    fn write_to<P: TlPacket>(&self, packet: &mut P) {
        VECTOR_ID.write_to(packet);
        self.0.write_to(packet);
    }
}

/// A type the bench's values never contain: reading it is an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported;

impl TlRead<'_> for Unsupported {
    type Repr = tl_proto::Boxed;

    fn read_from(_: &mut &[u8]) -> TlResult<Self> {
        Err(TlError::UnknownConstructor)
    }
}

impl TlWrite for Unsupported {
    type Repr = tl_proto::Boxed;

    fn max_size_hint(&self) -> usize {
        0
    }

    fn write_to<P: TlPacket>(&self, _: &mut P) {
        unreachable!("the bench builds no value of an unsupported type")
    }
}

#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum Peer {
    #[tl(id = 0x59511722)]
    User { user_id: i64 },
    #[tl(id = 0x36c6019a)]
    Chat { chat_id: i64 },
    #[tl(id = 0xa2a5371e)]
    Channel { channel_id: i64 },
}

#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum MessageEntity {
    #[tl(id = 0xbd610bc9)]
    Bold { offset: i32, length: i32 },
    #[tl(id = 0x826f8b60)]
    Italic { offset: i32, length: i32 },
    #[tl(id = 0x6ed02538)]
    Url { offset: i32, length: i32 },
}

#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum UserStatus {
    #[tl(id = 0xedb93949)]
    Online { expires: i32 },
}

/// `messageFwdHeader#4e4df4bb`.
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed, id = 0x4e4df4bb)]
pub struct MessageFwdHeader {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 7)]
    pub imported: Option<()>,
    #[tl(flags_bit = 11)]
    pub saved_out: Option<()>,
    #[tl(flags_bit = 0)]
    pub from_id: Option<Peer>,
    #[tl(flags_bit = 5)]
    pub from_name: Option<Vec<u8>>,
    pub date: i32,
    #[tl(flags_bit = 2)]
    pub channel_post: Option<i32>,
    #[tl(flags_bit = 3)]
    pub post_author: Option<Vec<u8>>,
    #[tl(flags_bit = 4)]
    pub saved_from_peer: Option<Peer>,
    #[tl(flags_bit = 4)]
    pub saved_from_msg_id: Option<i32>,
    #[tl(flags_bit = 8)]
    pub saved_from_id: Option<Peer>,
    #[tl(flags_bit = 9)]
    pub saved_from_name: Option<Vec<u8>>,
    #[tl(flags_bit = 10)]
    pub saved_date: Option<i32>,
    #[tl(flags_bit = 6)]
    pub psa_type: Option<Vec<u8>>,
}

/// `messageReplyHeader#1b97dd66` (the layer's other `MessageReplyHeader`,
/// `messageReplyStoryHeader`, is not in the bench).
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed, id = 0x1b97dd66)]
pub struct MessageReplyHeader {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 2)]
    pub reply_to_scheduled: Option<()>,
    #[tl(flags_bit = 3)]
    pub forum_topic: Option<()>,
    #[tl(flags_bit = 9)]
    pub quote: Option<()>,
    #[tl(flags_bit = 13)]
    pub reply_to_ephemeral: Option<()>,
    #[tl(flags_bit = 4)]
    pub reply_to_msg_id: Option<i32>,
    #[tl(flags_bit = 0)]
    pub reply_to_peer_id: Option<Peer>,
    #[tl(flags_bit = 5)]
    pub reply_from: Option<MessageFwdHeader>,
    #[tl(flags_bit = 8)]
    pub reply_media: Option<Unsupported>,
    #[tl(flags_bit = 1)]
    pub reply_to_top_id: Option<i32>,
    #[tl(flags_bit = 6)]
    pub quote_text: Option<Vec<u8>>,
    #[tl(flags_bit = 7)]
    pub quote_entities: Option<Vector<MessageEntity>>,
    #[tl(flags_bit = 10)]
    pub quote_offset: Option<i32>,
    #[tl(flags_bit = 11)]
    pub todo_item_id: Option<i32>,
    #[tl(flags_bit = 12)]
    pub poll_option: Option<Vec<u8>>,
}

/// `message#7600b9d3`, bare: the variant of [`Message`].
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
pub struct MessageBody {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = "flags.1")]
    pub out: Option<()>,
    #[tl(flags_bit = "flags.4")]
    pub mentioned: Option<()>,
    #[tl(flags_bit = "flags.5")]
    pub media_unread: Option<()>,
    #[tl(flags_bit = "flags.13")]
    pub silent: Option<()>,
    #[tl(flags_bit = "flags.14")]
    pub post: Option<()>,
    #[tl(flags_bit = "flags.18")]
    pub from_scheduled: Option<()>,
    #[tl(flags_bit = "flags.19")]
    pub legacy: Option<()>,
    #[tl(flags_bit = "flags.21")]
    pub edit_hide: Option<()>,
    #[tl(flags_bit = "flags.24")]
    pub pinned: Option<()>,
    #[tl(flags_bit = "flags.26")]
    pub noforwards: Option<()>,
    #[tl(flags_bit = "flags.27")]
    pub invert_media: Option<()>,
    #[tl(flags)]
    pub flags2: (),
    #[tl(flags_bit = "flags2.1")]
    pub offline: Option<()>,
    #[tl(flags_bit = "flags2.4")]
    pub video_processing_pending: Option<()>,
    #[tl(flags_bit = "flags2.8")]
    pub paid_suggested_post_stars: Option<()>,
    #[tl(flags_bit = "flags2.9")]
    pub paid_suggested_post_ton: Option<()>,
    pub id: i32,
    #[tl(flags_bit = "flags.8")]
    pub from_id: Option<Peer>,
    #[tl(flags_bit = "flags.29")]
    pub from_boosts_applied: Option<i32>,
    #[tl(flags_bit = "flags2.12")]
    pub from_rank: Option<Vec<u8>>,
    pub peer_id: Peer,
    #[tl(flags_bit = "flags.28")]
    pub saved_peer_id: Option<Peer>,
    #[tl(flags_bit = "flags.2")]
    pub fwd_from: Option<MessageFwdHeader>,
    #[tl(flags_bit = "flags.11")]
    pub via_bot_id: Option<i64>,
    #[tl(flags_bit = "flags2.0")]
    pub via_business_bot_id: Option<i64>,
    #[tl(flags_bit = "flags2.19")]
    pub guestchat_via_from: Option<Peer>,
    #[tl(flags_bit = "flags.3")]
    pub reply_to: Option<MessageReplyHeader>,
    pub date: i32,
    pub message: Vec<u8>,
    #[tl(flags_bit = "flags.9")]
    pub media: Option<Unsupported>,
    #[tl(flags_bit = "flags.6")]
    pub reply_markup: Option<Unsupported>,
    #[tl(flags_bit = "flags.7")]
    pub entities: Option<Vector<MessageEntity>>,
    #[tl(flags_bit = "flags.10")]
    pub views: Option<i32>,
    #[tl(flags_bit = "flags.10")]
    pub forwards: Option<i32>,
    #[tl(flags_bit = "flags.23")]
    pub replies: Option<Unsupported>,
    #[tl(flags_bit = "flags.15")]
    pub edit_date: Option<i32>,
    #[tl(flags_bit = "flags.16")]
    pub post_author: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.17")]
    pub grouped_id: Option<i64>,
    #[tl(flags_bit = "flags.20")]
    pub reactions: Option<Unsupported>,
    #[tl(flags_bit = "flags.22")]
    pub restriction_reason: Option<Vector<Unsupported>>,
    #[tl(flags_bit = "flags.25")]
    pub ttl_period: Option<i32>,
    #[tl(flags_bit = "flags.30")]
    pub quick_reply_shortcut_id: Option<i32>,
    #[tl(flags_bit = "flags2.2")]
    pub effect: Option<i64>,
    #[tl(flags_bit = "flags2.3")]
    pub factcheck: Option<Unsupported>,
    #[tl(flags_bit = "flags2.5")]
    pub report_delivery_until_date: Option<i32>,
    #[tl(flags_bit = "flags2.6")]
    pub paid_message_stars: Option<i64>,
    #[tl(flags_bit = "flags2.7")]
    pub suggested_post: Option<Unsupported>,
    #[tl(flags_bit = "flags2.10")]
    pub schedule_repeat_period: Option<i32>,
    #[tl(flags_bit = "flags2.11")]
    pub summary_from_language: Option<Vec<u8>>,
    #[tl(flags_bit = "flags2.13")]
    pub rich_message: Option<Unsupported>,
}

/// `Message`, with only `message#7600b9d3` (not `messageEmpty` or
/// `messageService`).
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum Message {
    #[tl(id = 0x7600b9d3)]
    Message(MessageBody),
}

/// `user#b1b8cc83`, bare: the variant of [`User`].
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
pub struct UserBody {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = "flags.10")]
    pub is_self: Option<()>,
    #[tl(flags_bit = "flags.11")]
    pub contact: Option<()>,
    #[tl(flags_bit = "flags.12")]
    pub mutual_contact: Option<()>,
    #[tl(flags_bit = "flags.13")]
    pub deleted: Option<()>,
    #[tl(flags_bit = "flags.14")]
    pub bot: Option<()>,
    #[tl(flags_bit = "flags.15")]
    pub bot_chat_history: Option<()>,
    #[tl(flags_bit = "flags.16")]
    pub bot_nochats: Option<()>,
    #[tl(flags_bit = "flags.17")]
    pub verified: Option<()>,
    #[tl(flags_bit = "flags.18")]
    pub restricted: Option<()>,
    #[tl(flags_bit = "flags.20")]
    pub min: Option<()>,
    #[tl(flags_bit = "flags.21")]
    pub bot_inline_geo: Option<()>,
    #[tl(flags_bit = "flags.23")]
    pub support: Option<()>,
    #[tl(flags_bit = "flags.24")]
    pub scam: Option<()>,
    #[tl(flags_bit = "flags.25")]
    pub apply_min_photo: Option<()>,
    #[tl(flags_bit = "flags.26")]
    pub fake: Option<()>,
    #[tl(flags_bit = "flags.27")]
    pub bot_attach_menu: Option<()>,
    #[tl(flags_bit = "flags.28")]
    pub premium: Option<()>,
    #[tl(flags_bit = "flags.29")]
    pub attach_menu_enabled: Option<()>,
    #[tl(flags)]
    pub flags2: (),
    #[tl(flags_bit = "flags2.1")]
    pub bot_can_edit: Option<()>,
    #[tl(flags_bit = "flags2.2")]
    pub close_friend: Option<()>,
    #[tl(flags_bit = "flags2.3")]
    pub stories_hidden: Option<()>,
    #[tl(flags_bit = "flags2.4")]
    pub stories_unavailable: Option<()>,
    #[tl(flags_bit = "flags2.10")]
    pub contact_require_premium: Option<()>,
    #[tl(flags_bit = "flags2.11")]
    pub bot_business: Option<()>,
    #[tl(flags_bit = "flags2.13")]
    pub bot_has_main_app: Option<()>,
    #[tl(flags_bit = "flags2.16")]
    pub bot_forum_view: Option<()>,
    #[tl(flags_bit = "flags2.17")]
    pub bot_forum_can_manage_topics: Option<()>,
    #[tl(flags_bit = "flags2.18")]
    pub bot_can_manage_bots: Option<()>,
    #[tl(flags_bit = "flags2.19")]
    pub bot_guestchat: Option<()>,
    #[tl(flags_bit = "flags2.20")]
    pub bot_guard: Option<()>,
    pub id: i64,
    #[tl(flags_bit = "flags.0")]
    pub access_hash: Option<i64>,
    #[tl(flags_bit = "flags.1")]
    pub first_name: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.2")]
    pub last_name: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.3")]
    pub username: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.4")]
    pub phone: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.5")]
    pub photo: Option<Unsupported>,
    #[tl(flags_bit = "flags.6")]
    pub status: Option<UserStatus>,
    #[tl(flags_bit = "flags.14")]
    pub bot_info_version: Option<i32>,
    #[tl(flags_bit = "flags.18")]
    pub restriction_reason: Option<Vector<Unsupported>>,
    #[tl(flags_bit = "flags.19")]
    pub bot_inline_placeholder: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.22")]
    pub lang_code: Option<Vec<u8>>,
    #[tl(flags_bit = "flags.30")]
    pub emoji_status: Option<Unsupported>,
    #[tl(flags_bit = "flags2.0")]
    pub usernames: Option<Vector<Unsupported>>,
    #[tl(flags_bit = "flags2.5")]
    pub stories_max_id: Option<Unsupported>,
    #[tl(flags_bit = "flags2.8")]
    pub color: Option<Unsupported>,
    #[tl(flags_bit = "flags2.9")]
    pub profile_color: Option<Unsupported>,
    #[tl(flags_bit = "flags2.12")]
    pub bot_active_users: Option<i32>,
    #[tl(flags_bit = "flags2.14")]
    pub bot_verification_icon: Option<i64>,
    #[tl(flags_bit = "flags2.15")]
    pub send_paid_messages_stars: Option<i64>,
    #[tl(flags_bit = "flags2.21")]
    pub linked_community_id: Option<i64>,
}

/// `User`, with only `user#b1b8cc83` (not `userEmpty`).
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum User {
    #[tl(id = 0xb1b8cc83)]
    User(UserBody),
}

/// `messages.messages#1d73e7ea`, the only `messages.Messages` variant here.
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum Messages {
    #[tl(id = 0x1d73e7ea)]
    Messages {
        messages: Vector<Message>,
        topics: Vector<Unsupported>,
        chats: Vector<Unsupported>,
        users: Vector<User>,
    },
}

/// `updateShortMessage#313bc7f8`, bare: the variant of [`Updates`].
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
pub struct UpdateShortMessage {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 1)]
    pub out: Option<()>,
    #[tl(flags_bit = 4)]
    pub mentioned: Option<()>,
    #[tl(flags_bit = 5)]
    pub media_unread: Option<()>,
    #[tl(flags_bit = 13)]
    pub silent: Option<()>,
    pub id: i32,
    pub user_id: i64,
    pub message: Vec<u8>,
    pub pts: i32,
    pub pts_count: i32,
    pub date: i32,
    #[tl(flags_bit = 2)]
    pub fwd_from: Option<MessageFwdHeader>,
    #[tl(flags_bit = 11)]
    pub via_bot_id: Option<i64>,
    #[tl(flags_bit = 3)]
    pub reply_to: Option<MessageReplyHeader>,
    #[tl(flags_bit = 7)]
    pub entities: Option<Vector<MessageEntity>>,
    #[tl(flags_bit = 25)]
    pub ttl_period: Option<i32>,
}

/// `Updates`, with only `updateShortMessage`.
#[derive(Debug, Clone, PartialEq, TlRead, TlWrite)]
#[tl(boxed)]
pub enum Updates {
    #[tl(id = 0x313bc7f8)]
    UpdateShortMessage(UpdateShortMessage),
}
