//! Whether a changed definition still decodes between peers on the old and
//! the new layer.

use crate::compare::Change;
use crate::delta::Delta;
use serde::Serialize;

/// How a change affects peers that speak different layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WireLevel {
    /// Same id and the same values: each side decodes the other's bytes.
    Compatible,
    /// Same id but another layout or meaning: each side decodes the other's
    /// bytes without an error, and misreads them.
    Silent,
    /// A new id: a peer on the other layer cannot decode it at all.
    Breaking,
}

/// A [`WireLevel`] and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WireImpact {
    /// The level.
    pub level: WireLevel,
    /// One sentence for people.
    pub reason: String,
}

/// The wire impact of `change`, whose parameter differences are `deltas`.
pub fn classify(change: &Change, deltas: &[Delta]) -> WireImpact {
    let (old_id, new_id) = (change.old.id(), change.new.id());
    let what = if change.new.is_function() {
        "call"
    } else {
        "constructor"
    };
    if old_id != new_id {
        // The id is the CRC32 of the definition's text, so any parameter
        // (other than a Telegram `?true` flag) added, removed or retyped
        // gives a new one.
        let cause = if deltas.is_empty() {
            "the declared id changed"
        } else {
            "the id is a hash of the parameters, which changed"
        };
        return WireImpact {
            level: WireLevel::Breaking,
            reason: format!(
                "new id {old_id:08x} -> {new_id:08x} ({cause}): a peer on the old layer \
                 cannot decode the new {what}, nor a peer on the new layer the old one"
            ),
        };
    }
    if deltas.iter().all(Delta::is_true_flag) {
        let reason = if deltas.is_empty() {
            "same id and parameters".to_string()
        } else {
            "same id (Telegram leaves `?true` flags out of the id): a peer that does not \
             know a flag ignores its bit"
                .to_string()
        };
        return WireImpact {
            level: WireLevel::Compatible,
            reason,
        };
    }
    WireImpact {
        level: WireLevel::Silent,
        reason: format!(
            "same id {new_id:08x} but different parameters: peers on different layers \
             decode each other's {what} without an error and misread it"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delta::deltas;

    /// The impact of changing `old` into `new`, ids computed by Telegram's rule.
    fn impact(old: &str, new: &str) -> WireImpact {
        let options = tl_parser::Options {
            dialect: Some(tl_parser::Dialect::Telegram),
            ..tl_parser::Options::default()
        };
        let old = tl_parser::parse(old, &options);
        let new = tl_parser::parse(new, &options);
        let change = Change {
            old: &old.schema.definitions[0],
            new: &new.schema.definitions[0],
        };
        classify(&change, &deltas(change.old, change.new))
    }

    #[test]
    fn an_added_value_field_changes_the_id_and_breaks_the_wire() {
        // Ids left to the parser: the computed ones differ.
        let i = impact(
            "u flags:# id:long = U;",
            "u flags:# id:long x:flags.0?long = U;",
        );
        assert_eq!(i.level, WireLevel::Breaking);
        assert!(
            i.reason.contains("cannot decode the new constructor"),
            "{}",
            i.reason
        );
    }

    #[test]
    fn an_added_true_flag_keeps_the_id_and_the_wire() {
        let i = impact(
            "u flags:# id:long = U;",
            "u flags:# id:long x:flags.0?true = U;",
        );
        assert_eq!(i.level, WireLevel::Compatible, "{}", i.reason);
        assert!(i.reason.contains("ignores its bit"), "{}", i.reason);
    }

    #[test]
    fn a_true_flag_on_another_bit_is_misread_silently() {
        let i = impact(
            "u flags:# x:flags.0?true = U;",
            "u flags:# x:flags.1?true = U;",
        );
        assert_eq!(i.level, WireLevel::Silent, "{}", i.reason);
    }

    #[test]
    fn a_changed_declared_id_alone_breaks_the_wire() {
        let i = impact("f#00000001 = F;", "f#00000002 = F;");
        assert_eq!(i.level, WireLevel::Breaking);
        assert!(i.reason.contains("declared id changed"), "{}", i.reason);
    }
}
