//! A [`Review`] as Markdown a maintainer can paste into a changelog: what
//! breaks on the wire, what breaks in the generated Rust, and what is new.

use crate::review::Review;
use crate::source_impact::{RustChange, SourceLevel};
use crate::wire_impact::WireLevel;
use std::fmt::Write;

/// The changelog text of `review`, ending in a newline.
pub fn changelog(review: &Review) -> String {
    let mut out = String::new();
    let s = &review.summary;
    // `write!` to a `String` cannot fail.
    let _ = writeln!(
        out,
        "Schema changes from `{}` to `{}`: {} added, {} removed, {} changed ({} with a new id).",
        review.old, review.new, s.added, s.removed, s.changed, s.reidentified
    );

    let mut wire: Vec<String> = review
        .changed
        .iter()
        .filter(|c| c.wire.level == WireLevel::Breaking)
        .map(|c| {
            let deltas: Vec<String> = c.deltas.iter().map(|d| format!("`{d}`")).collect();
            format!(
                "- `{}`: new id {} -> {}{}",
                c.name,
                c.old.id,
                c.new.id,
                if deltas.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", deltas.join(", "))
                }
            )
        })
        .collect();
    if !review.removed.is_empty() {
        wire.push(format!("- removed: {}", names(&review.removed)));
    }
    section(
        &mut out,
        "Wire-breaking (a peer on the other layer cannot decode these)",
        &wire,
    );

    let silent: Vec<String> = review
        .changed
        .iter()
        .filter(|c| c.wire.level == WireLevel::Silent)
        .map(|c| {
            let deltas: Vec<String> = c.deltas.iter().map(|d| format!("`{d}`")).collect();
            format!("- `{}`: {}", c.name, deltas.join(", "))
        })
        .collect();
    section(
        &mut out,
        "Same id, different meaning (decoded without an error, misread)",
        &silent,
    );

    let all_rust: Vec<&RustChange> = review
        .changed
        .iter()
        .flat_map(|c| &c.rust)
        .chain(review.removed.iter().flat_map(|e| &e.rust))
        .chain(review.added.iter().flat_map(|e| &e.rust))
        .chain(&review.rust_only)
        .collect();
    section(
        &mut out,
        "Breaks generated Rust code",
        &rust_lines(&all_rust, SourceLevel::Breaking),
    );
    section(
        &mut out,
        "Breaks only exhaustive struct literals, patterns and matches",
        &rust_lines(&all_rust, SourceLevel::Exhaustive),
    );
    if let Some(why) = &review.rust_not_compared {
        let _ = writeln!(out, "\nThe generated Rust was not compared: {why}");
    }

    let added = |kind: &str| -> Vec<&crate::review::Entry> {
        review.added.iter().filter(|e| e.kind == kind).collect()
    };
    let mut new_lines = Vec::new();
    for (kind, label) in [("constructor", "constructors"), ("function", "functions")] {
        let list = added(kind);
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|e| format!("`{}`", e.name)).collect();
            new_lines.push(format!("- {label}: {}", names.join(", ")));
        }
    }
    section(&mut out, "Added", &new_lines);
    out
}

/// One line per Rust item at `level`, its changes joined.
fn rust_lines(changes: &[&RustChange], level: SourceLevel) -> Vec<String> {
    let mut items: Vec<(&str, Vec<&str>)> = Vec::new();
    for c in changes.iter().filter(|c| c.level == level) {
        match items.iter_mut().find(|(item, _)| *item == c.item) {
            Some((_, whats)) => whats.push(&c.what),
            None => items.push((&c.item, vec![&c.what])),
        }
    }
    items
        .into_iter()
        .map(|(item, whats)| format!("- `{item}`: {}", whats.join("; ")))
        .collect()
}

fn names(entries: &[crate::review::Entry]) -> String {
    entries
        .iter()
        .map(|e| format!("`{}`", e.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `### heading (n)` and its lines, if there are any.
fn section(out: &mut String, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {heading}\n");
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use tl_parser::SourceFile;

    fn model(text: &str) -> tl_codegen::model::Model {
        let options = tl_codegen::Options {
            allow_id_mismatch: vec!["*".to_string()],
            ..tl_codegen::Options::default()
        };
        tl_codegen::resolve(&[SourceFile::new("t.tl", text)], &options)
            .expect("test schema resolves")
            .model
    }

    #[test]
    fn the_changelog_lists_each_kind_of_change_once() {
        let old_text = "u#00000001 id:long = U;\nw#00000005 flags:# a:flags.0?true = W;\n\
                        gone#00000002 = G;\n";
        let new_text = "u#00000003 flags:# id:long x:flags.0?int = U;\n\
                        w#00000005 flags:# a:flags.1?true = W;\nv#00000004 = U;\n\
                        ---functions---\nf#00000006 = U;\n";
        let (old, new) = (
            tl_parser::parse_str(old_text),
            tl_parser::parse_str(new_text),
        );
        let diff = compare(&old.schema, &new.schema);
        let (om, nm) = (model(old_text), model(new_text));
        let review = Review::new("old.tl", "new.tl", &diff, Ok((&om, &nm)));
        let text = changelog(&review);
        let want = "\
Schema changes from `old.tl` to `new.tl`: 2 added, 1 removed, 2 changed (1 with a new id).

### Wire-breaking (a peer on the other layer cannot decode these)

- `u`: new id 00000001 -> 00000003 (`+ flags:#`, `+ x:flags.0?int`)
- removed: `gone`

### Same id, different meaning (decoded without an error, misread)

- `w`: `~ a: moved flags.0 -> flags.1`

### Breaks generated Rust code

- `types::Gone`: removed
- `enums::G`: removed (no constructor left)

### Breaks only exhaustive struct literals, patterns and matches

- `types::U`: new optional field `x: Option<i32>` (`U` had no `new` before)
- `enums::U`: new variant `V`

### Added

- constructors: `v`
- functions: `f`
";
        assert_eq!(text, want);
    }
}
