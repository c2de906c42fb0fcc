//! A layer update as a reviewer needs it: every added, removed and changed
//! definition with its parameter deltas, its wire impact and its impact on
//! the generated Rust. `tl diff` prints it as text or JSON.

use crate::compare::{Change, SchemaDiff};
use crate::delta::{deltas, Delta};
use crate::ids::kind;
use crate::source_impact::{Owner, RustChange, SourceLevel};
use crate::wire_impact::{self, WireImpact, WireLevel};
use serde::Serialize;
use std::collections::BTreeMap;
use tl_codegen::model::Model;
use tl_parser::Definition;

/// The whole review, also the `tl diff --format json` document.
#[derive(Debug, Serialize)]
pub struct Review {
    /// The old file, as given.
    pub old: String,
    /// The new file, as given.
    pub new: String,
    /// Definitions only the new schema has, in its order.
    pub added: Vec<Entry>,
    /// Definitions only the old schema has, in its order.
    pub removed: Vec<Entry>,
    /// Definitions in both that differ, in the new schema's order.
    pub changed: Vec<Changed>,
    /// Changes to the generated Rust of definitions that did not change in
    /// TL (a variant renamed or boxed because of another definition).
    pub rust_only: Vec<RustChange>,
    /// Why the generated Rust was not compared, if it was not.
    pub rust_not_compared: Option<String>,
    /// The counts.
    pub summary: Summary,
}

/// An added or removed definition.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// The TL name.
    pub name: String,
    /// 8 lowercase hex digits, as in `tl ids`.
    pub id: String,
    /// `constructor` or `function`.
    pub kind: &'static str,
    /// The canonical TL line.
    pub line: String,
    /// What it does to the generated Rust.
    pub source: SourceLevel,
    /// The changes to the generated Rust.
    pub rust: Vec<RustChange>,
}

/// A definition in both schemas that differs.
#[derive(Debug, Serialize)]
pub struct Changed {
    /// The TL name.
    pub name: String,
    /// `constructor` or `function`.
    pub kind: &'static str,
    /// Whether the wire id differs.
    pub id_changed: bool,
    /// The old definition.
    pub old: Line,
    /// The new definition.
    pub new: Line,
    /// What changed, parameter by parameter.
    pub deltas: Vec<Delta>,
    /// What it does on the wire.
    pub wire: WireImpact,
    /// What it does to the generated Rust (the worst of `rust`).
    pub source: SourceLevel,
    /// The changes to the generated Rust.
    pub rust: Vec<RustChange>,
}

/// One side of a change.
#[derive(Debug, Serialize)]
pub struct Line {
    /// 8 lowercase hex digits.
    pub id: String,
    /// The canonical TL line.
    pub line: String,
}

/// The counts of a review.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Definitions added.
    pub added: usize,
    /// Definitions removed.
    pub removed: usize,
    /// Definitions changed.
    pub changed: usize,
    /// Changed definitions with a new id.
    pub reidentified: usize,
    /// Removed definitions plus changed ones with a new id: values a peer
    /// on the other layer cannot decode.
    pub wire_breaking: usize,
    /// Changed definitions with the same id but other parameters.
    pub wire_silent: usize,
    /// Definitions (and `rust_only` items) whose generated Rust changes
    /// break code that uses them.
    pub source_breaking: usize,
    /// Those that break only exhaustive struct literals, patterns and matches.
    pub source_exhaustive: usize,
}

impl Review {
    /// Classifies `diff`. `models` are the old and new schema resolved as
    /// `tl!` resolves them, or why they could not be.
    pub fn new(
        old: &str,
        new: &str,
        diff: &SchemaDiff<'_>,
        models: Result<(&Model, &Model), String>,
    ) -> Self {
        let (mut rust, rust_not_compared) = match models {
            Ok((o, n)) => (crate::source_impact::compare_models(o, n), None),
            Err(why) => (BTreeMap::new(), Some(why)),
        };
        let mut take = |def: &Definition| -> Vec<RustChange> {
            let owner = if def.is_function() {
                Owner::Function(def.name.text.to_string())
            } else {
                Owner::Constructor(def.name.text.to_string())
            };
            rust.remove(&owner).unwrap_or_default()
        };
        let added: Vec<Entry> = diff.added.iter().map(|d| Entry::new(d, take(d))).collect();
        let removed: Vec<Entry> = diff
            .removed
            .iter()
            .map(|d| Entry::new(d, take(d)))
            .collect();
        let changed: Vec<Changed> = diff
            .changed
            .iter()
            .map(|c| Changed::new(c, take(c.new)))
            .collect();
        let rust_only: Vec<RustChange> = rust.into_values().flatten().collect();
        let mut summary = Summary {
            added: added.len(),
            removed: removed.len(),
            changed: changed.len(),
            reidentified: diff.reidentified(),
            ..Summary::default()
        };
        summary.wire_breaking = removed.len()
            + changed
                .iter()
                .filter(|c| c.wire.level == WireLevel::Breaking)
                .count();
        summary.wire_silent = changed
            .iter()
            .filter(|c| c.wire.level == WireLevel::Silent)
            .count();
        let levels = added
            .iter()
            .chain(&removed)
            .map(|e| e.source)
            .chain(changed.iter().map(|c| c.source))
            .chain(rust_only.iter().map(|r| r.level));
        for level in levels {
            match level {
                SourceLevel::Breaking => summary.source_breaking += 1,
                SourceLevel::Exhaustive => summary.source_exhaustive += 1,
                SourceLevel::None => {}
            }
        }
        Review {
            old: old.to_string(),
            new: new.to_string(),
            added,
            removed,
            changed,
            rust_only,
            rust_not_compared,
            summary,
        }
    }
}

/// The worst level among `changes`.
fn worst(changes: &[RustChange]) -> SourceLevel {
    changes
        .iter()
        .map(|c| c.level)
        .max()
        .unwrap_or(SourceLevel::None)
}

impl Entry {
    fn new(def: &Definition, rust: Vec<RustChange>) -> Self {
        Entry {
            name: def.name.text.to_string(),
            id: format!("{:08x}", def.id()),
            kind: kind(def),
            line: def.to_string(),
            source: worst(&rust),
            rust,
        }
    }
}

impl Changed {
    fn new(change: &Change<'_>, rust: Vec<RustChange>) -> Self {
        let deltas = deltas(change.old, change.new);
        let line = |def: &Definition| Line {
            id: format!("{:08x}", def.id()),
            line: def.to_string(),
        };
        Changed {
            name: change.new.name.text.to_string(),
            kind: kind(change.new),
            id_changed: change.id_changed(),
            old: line(change.old),
            new: line(change.new),
            wire: wire_impact::classify(change, &deltas),
            deltas,
            source: worst(&rust),
            rust,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use tl_parser::SourceFile;

    fn model(text: &str) -> Model {
        let options = tl_codegen::Options {
            allow_id_mismatch: vec!["*".to_string()],
            ..tl_codegen::Options::default()
        };
        tl_codegen::resolve(&[SourceFile::new("t.tl", text)], &options)
            .expect("test schema resolves")
            .model
    }

    #[test]
    fn each_change_gets_its_deltas_wire_and_source_impact() {
        let old_text = "u#00000001 flags:# id:long y:flags.1?int = U;\ngone#00000002 = G;\n";
        let new_text =
            "u#00000003 flags:# id:long y:flags.1?int x:flags.0?int = U;\nv#00000004 = U;\n";
        let (old, new) = (
            tl_parser::parse_str(old_text),
            tl_parser::parse_str(new_text),
        );
        let diff = compare(&old.schema, &new.schema);
        let (om, nm) = (model(old_text), model(new_text));
        let review = Review::new("old.tl", "new.tl", &diff, Ok((&om, &nm)));

        assert_eq!(review.changed.len(), 1);
        let u = &review.changed[0];
        assert_eq!(
            u.deltas,
            [Delta::Added {
                param: "x:flags.0?int".to_string()
            }]
        );
        assert_eq!(u.wire.level, WireLevel::Breaking);
        assert_eq!(u.source, SourceLevel::Exhaustive);
        assert_eq!(review.added[0].name, "v");
        assert_eq!(review.added[0].source, SourceLevel::Exhaustive);
        assert_eq!(review.removed[0].source, SourceLevel::Breaking);
        assert!(review.rust_only.is_empty());
        let s = &review.summary;
        assert_eq!(
            (s.wire_breaking, s.source_breaking, s.source_exhaustive),
            (2, 1, 2)
        );
    }

    #[test]
    fn without_models_the_rust_is_not_compared() {
        let old = tl_parser::parse_str("a#00000001 = A;\n");
        let new = tl_parser::parse_str("a#00000001 = A;\nb#00000002 = A;\n");
        let diff = compare(&old.schema, &new.schema);
        let review = Review::new("o", "n", &diff, Err("no model".to_string()));
        assert_eq!(review.rust_not_compared.as_deref(), Some("no model"));
        assert_eq!(review.added[0].source, SourceLevel::None);
    }
}
