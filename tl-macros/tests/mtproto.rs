//! MTProto's service messages, generated together with TDLib's mtproto.tl:
//! a container of messages whose bodies hold an RPC result.

mod mt {
    tl_runtime::tl! {
        include = ["../../shared/schemas/telegram/mtproto.tl", "../schema/mtproto-service.tl"],
        allow_id_mismatch = ["gzip_packed"],
    }
}

use mt::{enums, types};
use tl_runtime::{Deserialize, RawObject, Serialize};

#[test]
fn container_of_rpc_results() {
    let pong = types::Pong {
        msg_id: 1,
        ping_id: 2,
    };
    let result = types::RpcResult {
        req_msg_id: 7,
        result: RawObject(pong.to_bytes()),
    };
    let container = types::MsgContainer {
        messages: vec![
            types::Message {
                msg_id: 10,
                seqno: 1,
                body: RawObject(result.to_bytes()),
            },
            types::Message {
                msg_id: 11,
                seqno: 3,
                body: RawObject(pong.to_bytes()),
            },
        ],
    };
    let bytes = container.to_bytes();
    assert_eq!(bytes[..4], 0x73f1f8dcu32.to_le_bytes());
    let back = types::MsgContainer::from_bytes(&bytes).expect("container");
    assert_eq!(back, container);
    // The first body is an rpc_result whose result runs to the end of the body.
    let rpc = back.messages[0]
        .body
        .decode::<types::RpcResult>()
        .expect("rpc_result");
    assert_eq!(rpc.req_msg_id, 7);
    let answer = rpc.result.decode::<enums::Pong>().expect("pong");
    assert_eq!(answer, enums::Pong::Pong(pong));
}

#[test]
fn mtproto_handshake_types_are_generated() {
    let req = mt::functions::ReqPqMulti { nonce: [7; 16] };
    let bytes = req.to_bytes();
    assert_eq!(bytes[..4], 0xbe7e8ef1u32.to_le_bytes());
    assert_eq!(bytes[4..], [7; 16]);
    assert_eq!(mt::name_for_id(0xbe7e8ef1), Some("req_pq_multi"));
}
