//! Comparing two schemas definition by definition, matched by name.

use std::collections::HashMap;
use tl_parser::{Definition, Schema};

/// What changed from one schema to another.
#[derive(Debug, Default)]
pub struct SchemaDiff<'a> {
    /// In the new schema only, in its order.
    pub added: Vec<&'a Definition>,
    /// In the old schema only, in its order.
    pub removed: Vec<&'a Definition>,
    /// In both but different, in the new schema's order.
    pub changed: Vec<Change<'a>>,
}

/// One definition present in both schemas, but not the same.
#[derive(Debug)]
pub struct Change<'a> {
    /// The old definition.
    pub old: &'a Definition,
    /// The new definition.
    pub new: &'a Definition,
}

impl Change<'_> {
    /// Whether the wire id differs: old readers will not recognise the new one.
    pub fn id_changed(&self) -> bool {
        self.old.id() != self.new.id()
    }
}

impl SchemaDiff<'_> {
    /// How many changes gave a definition a new wire id.
    pub fn reidentified(&self) -> usize {
        self.changed.iter().filter(|c| c.id_changed()).count()
    }

    /// `+41 -0 ~5 (5 re-id'd)`.
    pub fn summary(&self) -> String {
        format!(
            "+{} -{} ~{} ({} re-id'd)",
            self.added.len(),
            self.removed.len(),
            self.changed.len(),
            self.reidentified()
        )
    }
}

/// Compares `old` with `new`.
///
/// A name that appears twice in one schema is matched by its first
/// occurrence (the validator already reports the duplicate).
pub fn compare<'a>(old: &'a Schema, new: &'a Schema) -> SchemaDiff<'a> {
    let old_by_name = by_name(old);
    let new_by_name = by_name(new);
    let mut diff = SchemaDiff::default();
    for def in first_occurrences(new) {
        match old_by_name.get(def.name.text.as_str()) {
            None => diff.added.push(def),
            Some(old_def) if differs(old_def, def) => diff.changed.push(Change {
                old: old_def,
                new: def,
            }),
            Some(_) => {}
        }
    }
    diff.removed = first_occurrences(old)
        .filter(|d| !new_by_name.contains_key(d.name.text.as_str()))
        .collect();
    diff
}

fn by_name(schema: &Schema) -> HashMap<&str, &Definition> {
    first_occurrences(schema)
        .map(|d| (d.name.text.as_str(), d))
        .collect()
}

fn first_occurrences(schema: &Schema) -> impl Iterator<Item = &Definition> {
    let mut seen = std::collections::HashSet::new();
    schema
        .definitions
        .iter()
        .filter(move |d| seen.insert(d.name.text.as_str()))
}

/// Whether two same-named definitions differ in anything that matters on
/// the wire or in generated code: id, section, params or result. Layout,
/// comments and whether the id was written out (when it is the same) do not.
fn differs(old: &Definition, new: &Definition) -> bool {
    old.id() != new.id() || old.section != new.section || shape(old) != shape(new)
}

/// The canonical line without its `#id`.
fn shape(def: &Definition) -> String {
    let mut def = def.clone();
    def.declared_id = None;
    def.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(defs: &[&'a Definition]) -> Vec<&'a str> {
        defs.iter().map(|d| d.name.text.as_str()).collect()
    }

    #[test]
    fn finds_added_removed_and_changed() {
        let old = tl_parser::parse_str(
            "a#00000001 x:int = A;\nb#00000002 = B;\nc#00000003 = C;\ngone#00000004 = G;\n",
        );
        let new = tl_parser::parse_str(
            "a#00000001  x:int  = A; // same\nb#00000022 = B;\nc#00000003 y:int = C;\nnew#00000005 = N;\n",
        );
        let diff = compare(&old.schema, &new.schema);
        assert_eq!(names(&diff.added), ["new"]);
        assert_eq!(names(&diff.removed), ["gone"]);
        let changed: Vec<_> = diff
            .changed
            .iter()
            .map(|c| c.new.name.text.as_str())
            .collect();
        assert_eq!(changed, ["b", "c"]);
        assert_eq!(diff.reidentified(), 1);
        assert_eq!(diff.summary(), "+1 -1 ~2 (1 re-id'd)");
    }
}
