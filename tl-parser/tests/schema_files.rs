//! The schemas this project owns, in `schema/`: the seed parses and verifies
//! with warnings only; the feature file is clean and parsed as intended.

use std::path::Path;
use tl_parser::{parse, Code, Options, ParamType, Section, Severity, TypeSyntax};

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schema")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn seed_parses_and_verifies_with_undefined_type_warnings_only() {
    let parsed = parse(&read("seed.tl"), &Options::default());
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.code == Code::UndefinedType && d.severity == Severity::Warning));
    let undefined: std::collections::BTreeSet<&str> = parsed
        .diagnostics
        .iter()
        .filter_map(|d| d.message.strip_prefix("undefined type `"))
        .map(|m| m.trim_end_matches('`'))
        .collect();
    assert_eq!(
        undefined.into_iter().collect::<Vec<_>>(),
        [
            "Chat",
            "InputGroupCall",
            "InputUser",
            "MessageEntity",
            "MessageFwdHeader",
            "MessageMedia",
            "MessageReplyHeader",
            "Update",
            "User"
        ]
    );
    let schema = &parsed.schema;
    assert_eq!(schema.definitions.len(), 8);
    for def in &schema.definitions {
        assert_eq!(def.computed_id, def.id(), "{}", def.name.text);
    }
    let f = schema
        .definition("phone.inviteToGroupCall")
        .expect("function");
    assert_eq!(f.section, Section::Functions);
    assert_eq!(f.id(), 0x7b393160);
}

#[test]
fn features_schema_is_clean() {
    let parsed = parse(&read("features.tl"), &Options::default());
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    let schema = &parsed.schema;
    assert_eq!(schema.layer, Some(1));
    // Short ids keep their value.
    assert_eq!(
        schema.definition("matrix").expect("matrix").id(),
        0x00f78513
    );
    // Docs, with the `//-` continuation kept.
    let nested = schema.definition("textEntityNested").expect("nested");
    assert_eq!(
        nested.doc.field("inner"),
        Some("The entity inside.\nIt may nest again.")
    );
    assert!(nested
        .doc
        .description
        .as_deref()
        .is_some_and(|d| d.contains("Bézier")));
    assert_eq!(
        schema
            .type_doc("TextEntity")
            .map(|d| d.description.as_str()),
        Some("A part of a text with a style")
    );
    // `(vector T)` after a flag.
    let packet = schema.definition("packet").expect("packet");
    match &packet.params[2].ty {
        ParamType::Conditional { ty, .. } => {
            assert_eq!(ty.syntax, TypeSyntax::Paren);
            assert!(ty.args[0].bare);
        }
        other => panic!("{other:?}"),
    }
    // The multi-line definition keeps every field, comments aside.
    let torrent = schema
        .definition("storage.daemon.torrent")
        .expect("torrent");
    let names: Vec<&str> = torrent.params.iter().map(|p| p.name_str()).collect();
    assert_eq!(names, ["hash", "flags", "size", "error"]);
    // The marker with spaces switched to functions.
    assert!(schema
        .definition("help.getNearestPoint")
        .expect("f")
        .is_function());
    assert_eq!(schema.functions().count(), 4);
}
