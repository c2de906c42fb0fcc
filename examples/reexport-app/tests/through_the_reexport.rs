//! Generated code reached through a re-exported runtime works like any other.

use std::fmt::Debug;
use tl_example_reexport_app::{api, features};
use tl_example_reexport_lib::tl::sample::{Flags, Gen, Sample, Visitor};
use tl_example_reexport_lib::tl::{Bare, Deserialize, Identifiable, RemoteCall, Serialize};

/// Round-trips one sample of every type in every flag mode.
#[derive(Default)]
struct RoundTrip {
    checked: usize,
}

impl RoundTrip {
    fn check<T: Sample + Serialize + Deserialize + PartialEq + Debug>(&mut self) {
        for flags in [Flags::AllOff, Flags::AllOn] {
            let value = T::sample(&mut Gen::new(7, flags, 3, 2));
            let back = T::from_bytes(&value.to_bytes()).expect("decodes");
            assert_eq!(back, value);
            self.checked += 1;
        }
    }
}

impl Visitor for RoundTrip {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        self.check::<T>();
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.check::<T>();
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + Deserialize + Clone + PartialEq + Debug,
    {
        self.check::<T>();
    }
}

#[test]
fn every_sample_round_trips() {
    let mut v = RoundTrip::default();
    api::visit_samples(&mut v);
    features::visit_samples(&mut v);
    assert!(v.checked > 100, "{} values checked", v.checked);
}

fn serializable<T: serde::Serialize + Eq + std::hash::Hash>(_: &T) {}

#[test]
fn asked_for_derives_and_flag_groups_are_there() {
    let header = api::types::MessageFwdHeader {
        saved_from: Some(api::types::message_fwd_header::SavedFrom {
            saved_from_peer: api::types::PeerUser { user_id: 2 }.into(),
            saved_from_msg_id: 3,
        }),
        ..api::types::MessageFwdHeader::new(1)
    };
    serializable(&header);
    let back = api::types::MessageFwdHeader::from_bytes(&header.to_bytes()).expect("decodes");
    assert_eq!(back, header);
    // `non_exhaustive = true` has no effect inside this crate; the variant
    // is matched here as a user's crate would through `_`.
    match api::enums::Peer::from(api::types::PeerUser { user_id: 2 }) {
        api::enums::Peer::User(u) => assert_eq!(u.user_id, 2),
        other => panic!("{other:?}"),
    }
}
