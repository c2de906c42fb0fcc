//! `only`: definition names, type names, and the suggestion for a name that
//! is neither.

use tl_codegen::{generate, Error, Options};
use tl_parser::SourceFile;

const SCHEMA: &str = "\
inputPeerEmpty#7f3b18ea = InputPeer;
inputPeerSelf#7da07ec9 = InputPeer;
inputPeerChat#35a95cb9 chat_id:long = InputPeer;
peerUser#59511722 user_id:long = Peer;
---functions---
messages.getPeer#00000001 peer:InputPeer = Peer;
";

fn generate_only(only: &[&str]) -> Result<Vec<String>, Error> {
    let files = [SourceFile::new("only.tl", SCHEMA)];
    let options = Options {
        only: only.iter().map(|s| s.to_string()).collect(),
        allow_id_mismatch: vec!["messages.getPeer".into()],
        ..Options::default()
    };
    let model = generate(&files, &options)?.model;
    let mut names: Vec<String> = model
        .constructors
        .iter()
        .chain(&model.functions)
        .map(|c| c.tl_name.clone())
        .collect();
    names.sort();
    Ok(names)
}

#[test]
fn a_type_name_keeps_all_of_its_constructors() {
    assert_eq!(
        generate_only(&["InputPeer"]).expect("a type name is accepted"),
        ["inputPeerChat", "inputPeerEmpty", "inputPeerSelf"]
    );
    assert_eq!(
        generate_only(&["inputPeerSelf"]).expect("a constructor name is accepted"),
        ["inputPeerSelf"]
    );
    assert_eq!(
        generate_only(&["messages.getPeer"])
            .expect("a function name is accepted")
            .len(),
        5,
        "the function and everything it reaches"
    );
}

#[test]
fn an_unknown_name_gets_the_nearest_definition_or_type() {
    for (entry, near) in [
        ("InputPer", "InputPeer"),
        ("inputPeerSelv", "inputPeerSelf"),
        ("messages.getPer", "messages.getPeer"),
    ] {
        match generate_only(&[entry]) {
            Err(Error::UnknownOnly { name, suggestion }) => {
                assert_eq!(name, entry);
                assert_eq!(suggestion.as_deref(), Some(near), "{entry}");
            }
            other => panic!("{entry}: {other:?}"),
        }
    }
    let err = generate_only(&["Unrelated"]).expect_err("not in the schema");
    assert_eq!(
        err.to_string(),
        "`only` names `Unrelated`, which the schema defines neither as a definition nor as a type"
    );
}
