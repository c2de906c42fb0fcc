//! `tl!` accepts the published id deviations by default, and keeps their
//! declared ids on the wire.

mod mtproto {
    // grammers' mtproto.tl carries the "simple config" definitions, whose
    // declared ids are known deviations.
    tl_runtime::tl! { include = "../../shared/schemas/grammers/mtproto.tl" }
}

use tl_runtime::Identifiable;

#[test]
fn known_deviations_build_with_their_declared_ids() {
    use mtproto::types::{help::ConfigSimple, AccessPointRule, IpPortSecret};
    for (name, generated) in [
        ("ipPortSecret", IpPortSecret::CONSTRUCTOR_ID),
        ("accessPointRule", AccessPointRule::CONSTRUCTOR_ID),
        ("help.configSimple", ConfigSimple::CONSTRUCTOR_ID),
    ] {
        let known = tl_parser::KNOWN_DEVIATIONS
            .iter()
            .find(|d| d.name == name)
            .expect("a known deviation");
        assert_eq!(generated, known.declared_id, "{name}");
        assert_ne!(generated, known.computed_id, "{name}");
    }
}
