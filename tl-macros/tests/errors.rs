//! Typed RPC errors from the docs JSON: `tl!(…, docs = …)` on layer 230,
//! kept to a few methods with `only`, and the same without typed errors.

mod api {
    tl_runtime::tl! {
        include = "../../shared/schemas/grammers/api-230.tl",
        docs = "../../shared/schemas/telegram/docs/api-docs-223.json",
        only = ["phone.inviteToGroupCall", "messages.sendMessage", "invokeWithLayer", "updates.getState"],
    }
}

mod untyped {
    tl_runtime::tl! {
        include = "../../shared/schemas/grammers/api-230.tl",
        docs = "../../shared/schemas/telegram/docs/api-docs-223.json",
        only = ["phone.inviteToGroupCall"],
        errors = false,
    }
}

use api::errors::phone::InviteToGroupCallError;
use api::errors::ApiError;
use api::functions;
use tl_runtime::{Deserialize, ErrorEntry, RemoteCall, RpcError, Serialize};

fn rpc(code: i32, message: &str) -> RpcError {
    RpcError {
        code,
        message: message.into(),
    }
}

fn invite() -> functions::phone::InviteToGroupCall {
    functions::phone::InviteToGroupCall {
        call: api::enums::InputGroupCall::InputGroupCall(api::types::InputGroupCall {
            id: 1,
            access_hash: 2,
        }),
        users: Vec::new(),
    }
}

#[test]
fn a_documented_error_becomes_its_variant() {
    let e = invite().error(rpc(400, "USER_ALREADY_INVITED"));
    assert_eq!(e, InviteToGroupCallError::UserAlreadyInvited);
    assert_eq!(e.code(), 400);
    assert_eq!(
        e.to_string(),
        "You have already invited this user. (400 USER_ALREADY_INVITED)"
    );
    assert_eq!(RpcError::from(e), rpc(400, "USER_ALREADY_INVITED"));
}

#[test]
fn a_number_in_the_name_becomes_a_field() {
    let e = ApiError::from(rpc(420, "FLOOD_WAIT_30"));
    assert_eq!(e, ApiError::FloodWait { seconds: 30 });
    assert!(e.to_string().contains("wait 30 seconds"), "{e}");
    assert_eq!(RpcError::from(e), rpc(420, "FLOOD_WAIT_30"));
    // Through a method that does not list it: the general error, typed.
    assert_eq!(
        invite().error(rpc(420, "FLOOD_WAIT_30")),
        InviteToGroupCallError::Other(ApiError::FloodWait { seconds: 30 })
    );
    assert_eq!(
        ApiError::from(rpc(303, "USER_MIGRATE_4")),
        ApiError::UserMigrate { dc: 4 }
    );
    assert_eq!(
        ApiError::from(rpc(406, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN")),
        ApiError::PreviousChatImportActiveWaitMin { minutes: 5 }
    );
    assert_eq!(
        ApiError::from(rpc(420, "2FA_CONFIRM_WAIT_86400")),
        ApiError::TwoFaConfirmWait { seconds: 86400 }
    );
}

#[test]
fn an_unknown_error_keeps_its_code_and_text() {
    for e in [
        rpc(400, "SOMETHING_NEW"),
        rpc(-503, "Timeout?"),
        rpc(420, "FLOOD_WAIT_030"),
        rpc(420, "FLOOD_WAIT_99999999999"),
        rpc(500, ""),
    ] {
        let typed = invite().error(e.clone());
        assert_eq!(
            typed,
            InviteToGroupCallError::Other(ApiError::Other(e.clone()))
        );
        assert_eq!(typed.code(), e.code);
        assert_eq!(typed.entry(), ErrorEntry::Unknown(&e));
        assert_eq!(RpcError::from(typed), e);
    }
}

#[test]
fn an_unknown_error_prints_and_matches_in_one_step() {
    let e = rpc(400, "SOMETHING_NEW");
    let typed = invite().error(e.clone());
    assert_eq!(
        format!("{typed:?}"),
        r#"Other(RpcError { code: 400, message: "SOMETHING_NEW" })"#
    );
    assert_eq!(typed.to_string(), "rpc error 400: SOMETHING_NEW");
    match typed.unknown() {
        Some(raw) if raw.matches("SOMETHING_NEW") => assert_eq!(raw, &e),
        other => panic!("{other:?}"),
    }
    // Known errors keep their derived-style `Debug` and are not unknown.
    let flood = invite().error(rpc(420, "FLOOD_WAIT_30"));
    assert_eq!(format!("{flood:?}"), "Other(FloodWait { seconds: 30 })");
    assert_eq!(flood.unknown(), None);
    let listed = invite().error(rpc(400, "USER_ALREADY_INVITED"));
    assert_eq!(format!("{listed:?}"), "UserAlreadyInvited");
    assert_eq!(listed.unknown(), None);
    assert_eq!(
        format!("{:?}", ApiError::from(e.clone())),
        r#"Other(RpcError { code: 400, message: "SOMETHING_NEW" })"#
    );
}

#[test]
fn a_listed_name_with_another_code_is_not_mistaken_for_it() {
    // The method documents USER_NOT_PARTICIPANT as 403.
    let e = rpc(400, "USER_NOT_PARTICIPANT");
    let typed = invite().error(e.clone());
    assert!(
        matches!(typed, InviteToGroupCallError::Other(_)),
        "{typed:?}"
    );
    assert_eq!(RpcError::from(typed), e);
}

#[test]
fn every_documented_error_round_trips() {
    let mut checked = 0;
    for info in ApiError::INFO {
        let value = info.name.contains("%d").then_some(7);
        let e = info.to_rpc_error(value);
        let typed = ApiError::from(e.clone());
        assert!(!matches!(typed, ApiError::Other(_)), "{e:?}");
        assert_eq!(typed.entry(), ErrorEntry::Known { info, value });
        assert_eq!(RpcError::from(typed), e);
        checked += 1;
    }
    for info in InviteToGroupCallError::INFO {
        let typed = InviteToGroupCallError::from(info.to_rpc_error(None));
        assert!(
            !matches!(typed, InviteToGroupCallError::Other(_)),
            "{info:?}"
        );
        checked += 1;
    }
    assert!(checked > 700, "{checked}");
}

#[test]
fn error_types_hang_off_the_function_types() {
    fn error_of<F: RemoteCall>(_: &F) -> std::any::TypeId
    where
        F::Error: 'static,
    {
        std::any::TypeId::of::<F::Error>()
    }
    use std::any::TypeId;
    assert_eq!(error_of(&invite()), TypeId::of::<InviteToGroupCallError>());
    // A wrapper fails as its query does.
    let wrapped = functions::InvokeWithLayer {
        layer: api::LAYER,
        query: invite(),
    };
    assert_eq!(error_of(&wrapped), TypeId::of::<InviteToGroupCallError>());
    // A method whose docs list no error gets the general enum.
    let state = api::functions::updates::GetState {};
    assert_eq!(error_of(&state), TypeId::of::<ApiError>());
    assert_eq!(
        state.error(rpc(420, "FLOOD_WAIT_1")),
        ApiError::FloodWait { seconds: 1 }
    );
    // Without typed errors, calls fail with the raw error.
    let plain = untyped::functions::phone::InviteToGroupCall {
        call: untyped::enums::InputGroupCall::InputGroupCall(untyped::types::InputGroupCall {
            id: 1,
            access_hash: 2,
        }),
        users: Vec::new(),
    };
    assert_eq!(error_of(&plain), TypeId::of::<RpcError>());
}

#[test]
fn an_error_answer_from_the_wire() {
    // rpc_error#2144ca19 error_code:int error_message:string
    let bytes = rpc(400, "USER_ALREADY_INVITED").to_bytes();
    let e = RpcError::from_bytes(&bytes).unwrap();
    assert_eq!(
        invite().error(e),
        InviteToGroupCallError::UserAlreadyInvited
    );
}
