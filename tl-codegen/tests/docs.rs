//! Docs from Telegram's machine-readable docs JSON and from TDLib comments, as
//! they land in the generated rustdoc: the method page of
//! `phone.inviteToGroupCall`, coverage on layer 230, and `//-` lines.

use proc_macro2::{TokenStream, TokenTree};
use std::path::PathBuf;
use std::sync::OnceLock;
use tl_codegen::api_docs::rendered_text;
use tl_codegen::{generate, ApiDocs, Generated, Options};
use tl_parser::SourceFile;

fn corpus(path: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
    assert!(
        dir.is_dir(),
        "the schema corpus is missing: expected it at {} (a `shared/` folder next to the checkout)",
        dir.display()
    );
    dir.join(path)
}

fn read(path: &str) -> String {
    let path = corpus(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn docs() -> &'static ApiDocs {
    static DOCS: OnceLock<ApiDocs> = OnceLock::new();
    DOCS.get_or_init(|| {
        ApiDocs::parse(&read("telegram/docs/api-docs-223.json")).expect("docs JSON reads")
    })
}

/// Token streams are not `Sync`, so the tests on layer 230's code share one
/// generation by running in one test.
#[test]
fn layer_230_with_docs() {
    let file = SourceFile::new("api-230.tl", read("grammers/api-230.tl"));
    let options = Options {
        docs: Some(docs().clone()),
        ..Options::default()
    };
    let generated = generate(&[file], &options).expect("api-230 generates");
    invite_to_group_call_page_is_in_the_rustdoc(&generated);
    method_error_enum_lists_exactly_the_documented_errors(&generated);
    coverage_of_layer_230(&generated);
}

/// The doc lines on item `kind name` (`struct InviteToGroupCall`) inside
/// module path `modules`, and its body.
fn item_docs(
    tokens: &TokenStream,
    modules: &[&str],
    kind: &str,
    name: &str,
) -> (Vec<String>, TokenStream) {
    let mut scope = tokens.clone();
    for m in modules {
        scope = module(&scope, m).unwrap_or_else(|| panic!("no module {m}"));
    }
    let trees: Vec<TokenTree> = scope.into_iter().collect();
    let mut docs = Vec::new();
    for (i, t) in trees.iter().enumerate() {
        match t {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if let Some(TokenTree::Group(g)) = trees.get(i + 1) {
                    if let Some(text) = doc_text(&g.stream()) {
                        docs.push(text);
                    }
                }
            }
            TokenTree::Ident(k) if k == kind => {
                if matches!(trees.get(i + 1), Some(TokenTree::Ident(n)) if n == name) {
                    let body = trees[i + 2..]
                        .iter()
                        .find_map(|t| match t {
                            TokenTree::Group(g)
                                if g.delimiter() == proc_macro2::Delimiter::Brace =>
                            {
                                Some(g.stream())
                            }
                            _ => None,
                        })
                        .unwrap_or_default();
                    return (docs, body);
                }
                docs.clear();
            }
            TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace => docs.clear(),
            TokenTree::Punct(p) if p.as_char() == ';' => docs.clear(),
            _ => {}
        }
    }
    panic!("no {kind} {name}");
}

fn module(tokens: &TokenStream, name: &str) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.windows(3).find_map(|w| match w {
        [TokenTree::Ident(m), TokenTree::Ident(n), TokenTree::Group(g)]
            if m == "mod" && n == name =>
        {
            Some(g.stream())
        }
        _ => None,
    })
}

/// The text of `doc = "…"`.
fn doc_text(attr: &TokenStream) -> Option<String> {
    let trees: Vec<TokenTree> = attr.clone().into_iter().collect();
    match trees.as_slice() {
        [TokenTree::Ident(d), TokenTree::Punct(_), TokenTree::Literal(l)] if d == "doc" => {
            Some(syn::parse_str::<syn::LitStr>(&l.to_string()).ok()?.value())
        }
        _ => None,
    }
}

/// The doc text of each field of a struct body: `(field, docs)`.
fn field_docs(body: &TokenStream) -> Vec<(String, String, String)> {
    let trees: Vec<TokenTree> = body.clone().into_iter().collect();
    let mut out = Vec::new();
    let mut docs = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if let Some(TokenTree::Group(g)) = trees.get(i + 1) {
                    docs.extend(doc_text(&g.stream()));
                }
                i += 2;
            }
            TokenTree::Ident(p) if p == "pub" => {
                let name = trees[i + 1].to_string();
                let mut ty = String::new();
                i += 3;
                while i < trees.len()
                    && !matches!(&trees[i], TokenTree::Punct(p) if p.as_char() == ',')
                {
                    ty.push_str(&trees[i].to_string());
                    i += 1;
                }
                out.push((name, ty, rendered_text(docs.join("\n").trim())));
                docs.clear();
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The method page as the user gave it, minus the last line, a related-page
/// blurb that the docs JSON does not carry.
const PAGE: &str = "\
Invite a set of users to a video chat/livestream »; cannot be used for live stories » or conference calls ».
phone.inviteToGroupCall#7b393160 call:InputGroupCall users:Vector<InputUser> = Updates;
| Code | Type | Description |
|---|---|---|
| 403 | CHAT_TYPE_INVALID | The specified user type is invalid. |
| 403 | GROUPCALL_FORBIDDEN | The specified group call cannot be used in this context. |
| 400 | GROUPCALL_INVALID | The specified group call is invalid. |
| 400 | INVITE_FORBIDDEN_WITH_JOINAS | If the user has anonymously joined a group call as a channel, they can't invite other users to the group call because that would cause deanonymization, because the invite would be sent using the original user ID, not the anonymized channel ID. |
| 400 | USER_ALREADY_INVITED | You have already invited this user. |
| 403 | USER_NOT_PARTICIPANT | You're not a member of this supergroup/channel. |";

fn invite_to_group_call_page_is_in_the_rustdoc(generated: &Generated) {
    let (docs, body) = item_docs(
        &generated.tokens,
        &["functions", "phone"],
        "struct",
        "InviteToGroupCall",
    );
    // Markdown as rustdoc shows it; code blocks are literal.
    let mut in_code = false;
    let shown: Vec<String> = docs
        .iter()
        .map(|d| {
            let d = d.trim();
            if d.starts_with("```") {
                in_code = !in_code;
                String::new()
            } else if in_code {
                d.to_string()
            } else {
                rendered_text(d)
            }
        })
        .collect();
    for line in PAGE.lines() {
        assert!(
            shown.iter().any(|s| s == line),
            "missing from the rustdoc: {line}\n--- rustdoc:\n{}",
            shown.join("\n")
        );
    }
    // The description's `»` markers are links to the pages the JSON lists.
    assert!(docs.iter().any(|d| d.contains(
        "video chat/livestream [»](https://core.telegram.org/api/group-calls#video-chats-livestreams)"
    )));
    assert!(docs
        .iter()
        .any(|d| d.contains("(https://core.telegram.org/method/phone.inviteToGroupCall)")));
    assert!(shown.iter().any(|s| s.starts_with("Returns Updates")));
    // The parameter table: each field with its type and text.
    let fields = field_docs(&body);
    let expect = [
        ("call", "InputGroupCall", "The video chat/livestream »"),
        ("users", "Vec<", "The users to invite."),
    ];
    for (name, ty, text) in expect {
        let (_, got_ty, got_text) = fields
            .iter()
            .find(|(n, _, _)| n == name)
            .unwrap_or_else(|| panic!("no field {name}: {fields:?}"));
        assert!(got_ty.contains(ty), "{name}: {got_ty}");
        assert_eq!(got_text, text, "{name}");
    }
}

fn method_error_enum_lists_exactly_the_documented_errors(generated: &Generated) {
    let (docs, body) = item_docs(
        &generated.tokens,
        &["errors", "phone"],
        "enum",
        "InviteToGroupCallError",
    );
    assert!(docs.iter().any(|d| d.contains("phone.inviteToGroupCall")));
    let variants: Vec<String> = body
        .into_iter()
        .filter_map(|t| match t {
            TokenTree::Ident(i) => Some(i.to_string()),
            _ => None,
        })
        .filter(|i| i != "doc")
        .collect();
    assert_eq!(
        variants,
        [
            "ChatTypeInvalid",
            "GroupcallForbidden",
            "GroupcallInvalid",
            "InviteForbiddenWithJoinas",
            "UserAlreadyInvited",
            "UserNotParticipant",
            "Other",
        ]
    );
}

fn coverage_of_layer_230(generated: &Generated) {
    let schema =
        tl_parser::parse(&read("grammers/api-230.tl"), &tl_parser::Options::default()).schema;
    let c = docs().coverage(&schema);
    println!(
        "api-230 + api-docs-223.json: methods {}, constructors {}, types {}, parameters {}; \
         {} methods list errors; {} global errors; {} docs entries name nothing in the schema",
        c.methods,
        c.constructors,
        c.types,
        c.parameters,
        c.methods_with_errors,
        c.errors,
        c.unmatched_entries
    );
    // The parser's count and the generator's agree.
    assert_eq!(c.methods.total, generated.model.functions.len());
    assert_eq!(c.errors, docs().errors.len());
    // Docs of layer 223 describe most of layer 230, not all of it.
    for count in [c.methods, c.constructors, c.types, c.parameters] {
        assert!(count.documented * 10 > count.total * 8, "{count}");
        assert!(count.documented < count.total, "{count}");
    }
    // Every method of the docs that still exists in 230 gives its errors.
    let with_errors = generated
        .model
        .functions
        .iter()
        .filter(|f| !f.errors.is_empty())
        .count();
    assert_eq!(with_errors, c.methods_with_errors);
}

#[test]
fn tdlib_continuation_lines_reach_the_rustdoc() {
    let file = SourceFile::new("td_api.tl", read("tdlib/td_api.tl"));
    let options = Options {
        only: vec!["formattedText".into()],
        ..Options::default()
    };
    let generated = generate(&[file], &options).expect("td_api generates");
    let (_, body) = item_docs(&generated.tokens, &["types"], "struct", "FormattedText");
    let fields = field_docs(&body);
    let entities = &fields
        .iter()
        .find(|(n, _, _)| n == "entities")
        .expect("entities field")
        .2;
    // The `//-` line of td_api.tl continues the `@entities` text.
    let text = read("tdlib/td_api.tl");
    let continuation = text
        .lines()
        .skip_while(|l| !l.starts_with("//@description A text with some entities"))
        .find_map(|l| l.strip_prefix("//-"))
        .expect("formattedText has a //- line")
        .trim();
    assert!(!continuation.is_empty());
    assert!(entities.contains(continuation), "{entities}");
}

#[test]
fn build_scripts_take_the_docs_too() {
    let builder = tl_codegen::Builder::new()
        .include(corpus("grammers/api-230.tl"))
        .only(["phone.inviteToGroupCall"]);
    let code = builder
        .clone()
        .docs(corpus("telegram/docs/api-docs-223.json"))
        .generate_string()
        .expect("generates");
    assert!(code.contains("pub enum InviteToGroupCallError"));
    assert!(code.contains("You have already invited this user."));
    let untyped = builder
        .clone()
        .docs(corpus("telegram/docs/api-docs-223.json"))
        .typed_errors(false)
        .generate_string()
        .expect("generates");
    assert!(!untyped.contains("InviteToGroupCallError"));
    assert!(untyped.contains("You have already invited this user."));
    assert!(untyped.contains("type Error = __tl::RpcError;"));

    let bad = std::env::temp_dir().join(format!("tl-docs-{}.json", std::process::id()));
    std::fs::write(&bad, "{\"index\": {}, \"methods\": [}").unwrap();
    let e = builder.docs(&bad).generate_string().unwrap_err();
    std::fs::remove_file(&bad).ok();
    assert!(matches!(e, tl_codegen::BuildError::Docs(..)), "{e}");
    assert!(
        e.to_string().ends_with(":1:27: expected a JSON value"),
        "{e}"
    );
}
