//! A client's MTProto service layer: a `msg_container` from the server whose
//! messages are a `pong`, an `rpc_result` carrying a `gzip_packed` answer,
//! and a `gzip_packed` `rpc_result` carrying an `rpc_error`
//! (`FLOOD_WAIT_30`), decoded to typed values and to the call's typed error.
//!
//! ```sh
//! cargo run -p tl-runtime --example service_layer
//! ```
//!
//! `cargo test -p tl-runtime` runs the test at the end, which checks what
//! the client decodes.

/// MTProto itself: TDLib's `mtproto.tl` (which has `pong`, `rpc_error` and
/// `gzip_packed`) and this project's `schema/mtproto-service.tl` (which has
/// `msg_container`, `message` and `rpc_result`, "parsed manually" upstream).
mod mt {
    tl_runtime::tl! {
        include = ["../../shared/schemas/telegram/mtproto.tl", "../schema/mtproto-service.tl"],
        // Declared `= GzipPacked` there; its id is that of `= Object`.
        allow_id_mismatch = ["gzip_packed"],
    }
}

/// The two API calls this client makes, with their typed errors from
/// Telegram's docs.
mod api {
    tl_runtime::tl! {
        include = "../../shared/schemas/grammers/api-230.tl",
        docs = "../../shared/schemas/telegram/docs/api-docs-223.json",
        only = ["updates.getState", "account.checkUsername"],
    }
}

use api::errors::account::CheckUsernameError;
use api::errors::ApiError;
use tl_runtime::{gzip_pack, service, Identifiable, RawObject, RpcError, Serialize};

/// A call the client sent and awaits an answer to, by message id.
enum Pending {
    GetState(api::functions::updates::GetState),
    CheckUsername(api::functions::account::CheckUsername),
}

/// What the client learns from one message.
#[derive(Debug, PartialEq)]
enum Received {
    Pong { ping_id: i64 },
    State(api::enums::updates::State),
    CheckUsername(Result<bool, CheckUsernameError>),
}

const STATE_MSG: i64 = 0x6000_0000_0000_0004;
const CHECK_MSG: i64 = 0x6000_0000_0000_0008;
const PING_ID: i64 = 77;

fn state() -> api::types::updates::State {
    api::types::updates::State {
        pts: 1200,
        qts: 5,
        date: 1_700_000_000,
        seq: 31,
        unread_count: 2,
    }
}

/// The server's side: one container that answers a ping and both calls.
/// Servers pack large answers: here the state inside its `rpc_result`, and
/// the whole `rpc_result` of the error.
fn server_container() -> Vec<u8> {
    let pong = mt::types::Pong {
        msg_id: 0x6000_0000_0000_0000,
        ping_id: PING_ID,
    };
    let state_answer = mt::types::RpcResult {
        req_msg_id: STATE_MSG,
        result: gzip_pack(&api::enums::updates::State::from(state())),
    };
    let flood = RpcError {
        code: 420,
        message: "FLOOD_WAIT_30".into(),
    };
    let check_answer = mt::types::RpcResult {
        req_msg_id: CHECK_MSG,
        result: RawObject(flood.to_bytes()),
    };
    let message = |msg_id, body: Vec<u8>| mt::types::Message {
        msg_id,
        seqno: 2,
        body: RawObject(body),
    };
    mt::types::MsgContainer {
        messages: vec![
            message(0x7000_0000_0000_0001, pong.to_bytes()),
            message(0x7000_0000_0000_0005, state_answer.to_bytes()),
            message(0x7000_0000_0000_0009, gzip_pack(&check_answer).0),
        ],
    }
    .to_bytes()
}

/// The client's side: from a received body to typed values.
fn receive(
    body: RawObject,
    pending: &[(i64, Pending)],
) -> Result<Vec<Received>, tl_runtime::Error> {
    // A container holds several messages; any other body is one message.
    // Any body may come gzip-packed: `unpack` unpacks it, or keeps it as is.
    let body = body.unpack()?;
    let bodies = match body.constructor_id() {
        Some(service::MSG_CONTAINER_ID) => body
            .decode::<mt::types::MsgContainer>()?
            .messages
            .into_iter()
            .map(|m| m.body)
            .collect(),
        _ => vec![body],
    };
    let mut received = Vec::new();
    for body in bodies {
        let body = body.unpack()?;
        match body.constructor_id() {
            Some(service::RPC_RESULT_ID) => {
                let rpc: mt::types::RpcResult = body.decode()?;
                // `decode_answer` unpacks gzip_packed and turns rpc_error
                // into the call's typed error.
                match pending.iter().find(|(id, _)| *id == rpc.req_msg_id) {
                    Some((_, Pending::GetState(call))) => match rpc.result.decode_answer(call)? {
                        Ok(state) => received.push(Received::State(state)),
                        Err(e) => println!("updates.getState failed: {e}"),
                    },
                    Some((_, Pending::CheckUsername(call))) => {
                        received.push(Received::CheckUsername(rpc.result.decode_answer(call)?));
                    }
                    None => println!("answer to an unknown call {}", rpc.req_msg_id),
                }
            }
            Some(mt::types::Pong::CONSTRUCTOR_ID) => {
                let pong: mt::types::Pong = body.decode()?;
                received.push(Received::Pong {
                    ping_id: pong.ping_id,
                });
            }
            id => {
                let name = id.and_then(mt::name_for_id).unwrap_or("unknown");
                println!("not handled here: {name}");
            }
        }
    }
    Ok(received)
}

fn pending() -> Vec<(i64, Pending)> {
    vec![
        (
            STATE_MSG,
            Pending::GetState(api::functions::updates::GetState {}),
        ),
        (
            CHECK_MSG,
            Pending::CheckUsername(api::functions::account::CheckUsername {
                username: "example_user".into(),
            }),
        ),
    ]
}

fn main() -> Result<(), tl_runtime::Error> {
    let bytes = server_container();
    println!("container: {} bytes", bytes.len());
    for item in receive(RawObject(bytes), &pending())? {
        match item {
            Received::CheckUsername(Err(CheckUsernameError::Other(ApiError::FloodWait {
                seconds,
            }))) => println!("account.checkUsername: flood wait, retry in {seconds} s"),
            other => println!("{other:?}"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tl_runtime::{Deserialize, ErrorKind};

    #[test]
    fn the_container_decodes_to_typed_values() {
        let received = receive(RawObject(server_container()), &pending()).unwrap();
        assert_eq!(
            received,
            [
                Received::Pong { ping_id: PING_ID },
                Received::State(state().into()),
                Received::CheckUsername(Err(CheckUsernameError::Other(ApiError::FloodWait {
                    seconds: 30
                }))),
            ]
        );
    }

    #[test]
    fn the_answer_travels_packed() {
        let bytes = server_container();
        let container = mt::types::MsgContainer::from_bytes(&bytes).unwrap();
        let rpc: mt::types::RpcResult = container.messages[1].body.decode().unwrap();
        assert_eq!(rpc.result.constructor_id(), Some(service::GZIP_PACKED_ID));
        let packed_whole = &container.messages[2].body;
        assert_eq!(packed_whole.constructor_id(), Some(service::GZIP_PACKED_ID));
        assert_eq!(
            mt::name_for_id(service::GZIP_PACKED_ID),
            Some("gzip_packed")
        );
        assert_eq!(
            api::name_for_id(service::GZIP_PACKED_ID),
            Some("gzip_packed")
        );
        // A generated decoder does not unpack, and says why it fails.
        let err = api::enums::updates::State::from_bytes(rpc.result.as_bytes()).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::GzipPacked {
                type_name: "updates.State"
            }
        );
    }

    #[test]
    fn a_message_length_must_be_a_multiple_of_4() {
        let mut bytes = server_container();
        // msg_container id, vector count, then the first message's msg_id
        // and seqno: its `bytes` is at 20.
        let first_len = i32::from_le_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!(first_len, 20, "a pong: id and two longs");
        for bad in [50, 1 << 20] {
            bytes[20..24].copy_from_slice(&i32::to_le_bytes(bad));
            let err = mt::types::MsgContainer::from_bytes(&bytes).unwrap_err();
            assert_eq!(
                (err.kind(), err.offset()),
                (&ErrorKind::InvalidLength { len: bad as u64 }, 20)
            );
        }
    }
}
