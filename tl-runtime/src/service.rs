//! Ids of the constructors the runtime handles itself, whatever the schema:
//! TL's built-in types and MTProto's service messages, which official
//! schemas leave as comments ("parsed manually"). The project's
//! `schema/mtproto-service.tl` writes the service messages out for `tl!`.

pub use crate::wire::{BOOL_FALSE_ID, BOOL_TRUE_ID, GZIP_PACKED_ID, VECTOR_ID};

/// `msg_container#73f1f8dc messages:vector<%Message> = MessageContainer`.
pub const MSG_CONTAINER_ID: u32 = 0x73f1_f8dc;
/// `message msg_id:long seqno:int bytes:int body:Object = Message`, whose id
/// is never on the wire (containers hold it bare) but is its computed CRC32.
pub const MESSAGE_ID: u32 = 0x5bb8_e511;
/// `msg_copy#e06046b2 orig_message:Message = MessageCopy`.
pub const MSG_COPY_ID: u32 = 0xe060_46b2;
/// `rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult`.
pub const RPC_RESULT_ID: u32 = 0xf35c_6d01;
/// `rpc_error#2144ca19 error_code:int error_message:string = RpcError`
/// ([`RpcError`](crate::RpcError)).
pub const RPC_ERROR_ID: u32 = 0x2144_ca19;
/// `true#3fedd339 = True` ([`True`](crate::True) when boxed).
pub const TRUE_ID: u32 = crate::bare::TRUE_ID;

/// The TL name of a constructor the runtime handles itself. Generated
/// `name_for_id` functions fall back to this for ids their schema does not
/// define, so that a `gzip_packed` or a `msg_container` has a name whatever
/// the schema.
pub const fn name_for_id(id: u32) -> Option<&'static str> {
    Some(match id {
        GZIP_PACKED_ID => "gzip_packed",
        MSG_CONTAINER_ID => "msg_container",
        MESSAGE_ID => "message",
        MSG_COPY_ID => "msg_copy",
        RPC_RESULT_ID => "rpc_result",
        RPC_ERROR_ID => "rpc_error",
        VECTOR_ID => "vector",
        BOOL_TRUE_ID => "boolTrue",
        BOOL_FALSE_ID => "boolFalse",
        TRUE_ID => "true",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Identifiable, RpcError};

    /// The CRC32 of a definition's normalized text, as TL computes ids.
    #[cfg(feature = "gzip")]
    fn crc(definition: &str) -> u32 {
        crc32fast::hash(definition.as_bytes())
    }

    // crc32fast comes with the `gzip` feature, which the crate's own tests
    // always turn on (its dev-dependency on itself).
    #[cfg(feature = "gzip")]
    #[test]
    fn ids_are_the_crc32_of_their_definitions() {
        let definitions = [
            (GZIP_PACKED_ID, "gzip_packed packed_data:string = Object"),
            (
                MSG_CONTAINER_ID,
                "msg_container messages:vector message = MessageContainer",
            ),
            (
                MESSAGE_ID,
                "message msg_id:long seqno:int bytes:int body:Object = Message",
            ),
            (MSG_COPY_ID, "msg_copy orig_message:Message = MessageCopy"),
            (
                RPC_RESULT_ID,
                "rpc_result req_msg_id:long result:Object = RpcResult",
            ),
            (
                RPC_ERROR_ID,
                "rpc_error error_code:int error_message:string = RpcError",
            ),
            (TRUE_ID, "true = True"),
        ];
        for (id, definition) in definitions {
            assert_eq!(id, crc(definition), "{definition}");
        }
        assert_eq!(RPC_ERROR_ID, RpcError::CONSTRUCTOR_ID);
    }

    #[test]
    fn names_the_service_ids_only() {
        assert_eq!(name_for_id(0x3072_cfa1), Some("gzip_packed"));
        assert_eq!(name_for_id(0x73f1_f8dc), Some("msg_container"));
        assert_eq!(name_for_id(0xf35c_6d01), Some("rpc_result"));
        assert_eq!(name_for_id(0x5bb8_e511), Some("message"));
        assert_eq!(name_for_id(0x1cb5_c415), Some("vector"));
        // pong#347773c5 comes from the schema, not the runtime.
        assert_eq!(name_for_id(0x3477_73c5), None);
    }
}
