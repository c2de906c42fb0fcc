//! Telegram's machine-readable API docs (the getdoc JSON format): the
//! description of every constructor, type and method, their parameters, and
//! the errors each method documents.
//!
//! Descriptions are turned into Markdown when read: `»¹`-style footnote
//! markers become links to the URLs the entry lists, bare URLs become
//! autolinks, and characters Markdown would act on are escaped.

use crate::json::{self, Json};
use std::collections::HashMap;

/// The docs of one schema, as read from the JSON file.
#[derive(Clone, Debug, Default)]
pub struct ApiDocs {
    /// The layer the docs describe (`index.layer`).
    pub layer: Option<u32>,
    /// By TL name (`inputPeerUser`).
    pub constructors: HashMap<String, ItemDocs>,
    /// By TL name (`InputPeer`).
    pub types: HashMap<String, ItemDocs>,
    /// By TL name (`phone.inviteToGroupCall`).
    pub methods: HashMap<String, ItemDocs>,
    /// The global error table, in file order.
    pub errors: Vec<ErrorDoc>,
}

/// The docs of one constructor, type or method.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemDocs {
    /// The description as Markdown, paragraphs separated by blank lines.
    pub description: Option<String>,
    /// `(parameter, Markdown)`, in file order.
    pub fields: Vec<(String, String)>,
    /// For methods: the errors it documents, in file order.
    pub errors: Vec<ErrorDoc>,
}

impl ItemDocs {
    /// The Markdown doc of parameter `name`.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, d)| d.as_str())
    }
}

/// One documented error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDoc {
    /// The error code (400, 420, …).
    pub code: i32,
    /// The error text, with `%d` where a number goes (`FLOOD_WAIT_%d`).
    pub name: String,
    /// The description as plain text ("" when there is none).
    pub description: String,
}

/// Why a docs file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DocsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for DocsError {}

impl ApiDocs {
    /// Reads the JSON text of a docs file.
    pub fn parse(text: &str) -> Result<ApiDocs, DocsError> {
        let root = json::parse(text).map_err(|e| {
            let before = &text[..e.offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            DocsError {
                line,
                column,
                message: e.message,
            }
        })?;
        if !matches!(root, Json::Object(_)) || root.get("index").is_none() {
            return Err(DocsError {
                line: 1,
                column: 1,
                message: "not an API docs file: the top level needs an `index` object".into(),
            });
        }
        let layer = root
            .get("index")
            .and_then(|i| i.get("layer"))
            .and_then(Json::as_i64)
            .and_then(|l| u32::try_from(l).ok());
        let items = |key: &str, fields_key: &str| -> HashMap<String, ItemDocs> {
            let mut out = HashMap::new();
            for (name, v) in root.get(key).map(Json::members).unwrap_or_default() {
                // Some type entries capitalize the namespace
                // (`Messages.SearchCounter`); TL namespaces are lower case.
                let name = match name.split_once('.') {
                    Some((ns, rest)) => format!("{}.{rest}", lower_first(ns)),
                    None => name.clone(),
                };
                let docs = item(v, fields_key);
                match out.entry(name) {
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(docs);
                    }
                    // Keep the entry that says more.
                    std::collections::hash_map::Entry::Occupied(mut e) => {
                        if e.get().description.is_none() {
                            e.insert(docs);
                        }
                    }
                }
            }
            out
        };
        let errors = root
            .get("errors")
            .map(Json::members)
            .unwrap_or_default()
            .iter()
            .filter_map(|(_, e)| error(e))
            .collect();
        Ok(ApiDocs {
            layer,
            constructors: items("constructors", "fields"),
            types: items("types", ""),
            methods: items("methods", "parameters"),
            errors,
        })
    }

    /// How much of `schema` these docs describe.
    pub fn coverage(&self, schema: &tl_parser::Schema) -> Coverage {
        let mut c = Coverage::default();
        let mut types = std::collections::BTreeSet::new();
        for d in schema.definitions.iter().filter(|d| !d.builtin) {
            let is_function = d.section == tl_parser::Section::Functions;
            let docs = if is_function {
                self.methods.get(d.name.text.as_str())
            } else {
                types.insert(d.result.name.text.as_str());
                self.constructors.get(d.name.text.as_str())
            };
            let count = if is_function {
                &mut c.methods
            } else {
                &mut c.constructors
            };
            count.total += 1;
            count.documented += usize::from(docs.is_some_and(|d| d.description.is_some()));
            for p in &d.params {
                let Some(name) = &p.name else { continue };
                c.parameters.total += 1;
                c.parameters.documented +=
                    usize::from(docs.is_some_and(|d| d.field(&name.text).is_some()));
            }
            if is_function {
                c.methods_with_errors += usize::from(docs.is_some_and(|d| !d.errors.is_empty()));
            }
        }
        c.types.total = types.len();
        c.types.documented = types
            .iter()
            .filter(|t| self.types.get(**t).is_some_and(|d| d.description.is_some()))
            .count();
        let defined: std::collections::HashSet<&str> = schema
            .definitions
            .iter()
            .map(|d| d.name.text.as_str())
            .collect();
        c.unmatched_entries = self
            .constructors
            .keys()
            .chain(self.methods.keys())
            .filter(|n| !defined.contains(n.as_str()))
            .count();
        c.errors = self.errors.len();
        c
    }
}

/// Documented out of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// Items with docs.
    pub documented: usize,
    /// All items.
    pub total: usize,
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let share = if self.total == 0 {
            100.0
        } else {
            self.documented as f64 * 100.0 / self.total as f64
        };
        write!(f, "{}/{} ({share:.1}%)", self.documented, self.total)
    }
}

/// The share of a schema a docs file describes ([`ApiDocs::coverage`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Functions with a description.
    pub methods: Count,
    /// Constructors with a description.
    pub constructors: Count,
    /// Boxed types with a description.
    pub types: Count,
    /// Named parameters of constructors and functions with a description.
    pub parameters: Count,
    /// Functions that document at least one error.
    pub methods_with_errors: usize,
    /// Entries in the global error table.
    pub errors: usize,
    /// Constructor and method entries that name nothing in the schema.
    pub unmatched_entries: usize,
}

/// The strings of array member `key` (empty if absent).
fn strings<'a>(v: &'a Json, key: &str) -> Vec<&'a str> {
    v.get(key)
        .map(Json::items)
        .unwrap_or_default()
        .iter()
        .filter_map(Json::as_str)
        .collect()
}

fn item(v: &Json, fields_key: &str) -> ItemDocs {
    let links = strings(v, "links");
    let paragraphs: Vec<String> = strings(v, "description")
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| markdown(p, &links))
        .collect();
    let fields = if fields_key.is_empty() {
        Vec::new()
    } else {
        v.get(fields_key)
            .map(Json::members)
            .unwrap_or_default()
            .iter()
            .filter_map(|(name, f)| {
                let text = f.get("description")?.as_str()?;
                let links = strings(f, "links");
                (!text.trim().is_empty()).then(|| (name.clone(), markdown(text, &links)))
            })
            .collect()
    };
    ItemDocs {
        description: (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n")),
        fields,
        errors: v
            .get("errors")
            .map(Json::items)
            .unwrap_or_default()
            .iter()
            .filter_map(error)
            .collect(),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn error(v: &Json) -> Option<ErrorDoc> {
    Some(ErrorDoc {
        code: i32::try_from(v.get("code")?.as_i64()?).ok()?,
        name: v.get("type")?.as_str()?.to_string(),
        description: v
            .get("description")
            .and_then(Json::as_str)
            .unwrap_or("")
            .trim()
            .to_string(),
    })
}

/// The value of a superscript digit (`¹` → 1).
fn superscript(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{b9}' => Some(1),
        '\u{b2}' => Some(2),
        '\u{b3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// A link destination, in angle brackets if it holds characters that would
/// end a plain one.
fn destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace(['<', '>'], ""))
    } else {
        url.to_string()
    }
}

/// Plain docs text as Markdown: footnote markers (`»¹`, `word²`) become links
/// to `links[n - 1]`, bare URLs become autolinks, and `<>*[]\`&` and
/// word-edge `_` are escaped so that the text renders as written.
pub fn markdown(text: &str, links: &[&str]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if superscript(c).is_some() {
            let start = i;
            let mut n = 0u32;
            while let Some(d) = chars.get(i).copied().and_then(superscript) {
                n = n.saturating_mul(10).saturating_add(d);
                i += 1;
            }
            let marker: String = chars[start..i].iter().collect();
            match usize::try_from(n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|k| links.get(k))
            {
                Some(url) if out.ends_with('»') => {
                    out.pop();
                    out.push_str(&format!("[»]({})", destination(url)));
                }
                Some(url) => out.push_str(&format!("[{marker}]({})", destination(url))),
                None => out.push_str(&marker),
            }
            continue;
        }
        let rest = &chars[i..];
        let starts = |p: &str| rest.iter().take(p.len()).copied().eq(p.chars());
        if starts("https://") || starts("http://") {
            let mut end = i;
            while end < chars.len()
                && !chars[end].is_whitespace()
                && superscript(chars[end]).is_none()
            {
                end += 1;
            }
            while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?') {
                end -= 1;
            }
            let url: String = chars[i..end].iter().collect();
            out.push('<');
            out.push_str(&url.replace(['<', '>'], ""));
            out.push('>');
            i = end;
            continue;
        }
        let alnum = |k: Option<&char>| k.is_some_and(|c| c.is_alphanumeric());
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '#' if out.is_empty() => out.push_str("\\#"),
            '_' if !(alnum(i.checked_sub(1).and_then(|p| chars.get(p)))
                && alnum(chars.get(i + 1))) =>
            {
                out.push_str("\\_")
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Markdown back to the text a reader sees: links keep their text, escapes
/// and entities are undone. The inverse of [`markdown`], for tests that
/// compare generated docs with the text they came from.
pub fn rendered_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next() {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = rest.find("](") {
                if let Some(end) = rest[close..].find(')') {
                    out.push_str(&rest[1..close]);
                    rest = &rest[close + end + 1..];
                    continue;
                }
            }
        }
        if c == '<' {
            if let Some(end) = rest.find('>') {
                out.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        if c == '`' {
            rest = &rest[1..];
            continue;
        }
        let entity = [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&')]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e));
        if let Some((e, ch)) = entity {
            out.push(ch);
            rest = &rest[e.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_become_links() {
        let links = ["https://a.example/x", "https://b.example/(y)"];
        assert_eq!(
            markdown("See chat »¹; and entities² here.", &links),
            "See chat [»](https://a.example/x); and entities[²](<https://b.example/(y)>) here."
        );
        // A marker without a link stays text.
        assert_eq!(markdown("x³", &links), "x³");
    }

    #[test]
    fn markdown_renders_as_the_text_was() {
        for text in [
            "Vector<InputUser> & *stars* [x] `code` \\ _a_ snake_case #1",
            "url https://google.com² and https://x.example/a_b.",
            "Invite a set of users to a video chat/livestream »¹; cannot be used »²",
        ] {
            let links = ["https://l.example/1", "https://l.example/2"];
            let md = markdown(text, &links);
            // A `»` keeps its text and drops its number; other markers stay.
            let mut expected = String::new();
            for c in text.chars() {
                if !(superscript(c).is_some() && expected.ends_with('»')) {
                    expected.push(c);
                }
            }
            assert_eq!(rendered_text(&md), expected, "{md}");
        }
        assert_eq!(markdown("snake_case _x", &[]), "snake_case \\_x");
        assert_eq!(
            markdown("see https://x.example/a.", &[]),
            "see <https://x.example/a>."
        );
    }

    #[test]
    fn reads_a_docs_file() {
        let docs = ApiDocs::parse(
            r#"{"index": {"layer": 223, "categories": []},
                "methods": {"m.call": {"name": "m.call", "description": ["Does »¹.", "More."],
                  "links": ["https://core.telegram.org/api/x"],
                  "parameters": {"peer": {"name": "peer", "description": "The peer"}},
                  "errors": [{"code": 400, "type": "PEER_ID_INVALID", "description": "Bad peer."}]}},
                "errors": {"FLOOD_WAIT_%d": {"code": 420, "type": "FLOOD_WAIT_%d"}}}"#,
        )
        .unwrap();
        assert_eq!(docs.layer, Some(223));
        let m = &docs.methods["m.call"];
        assert_eq!(
            m.description.as_deref(),
            Some("Does [»](https://core.telegram.org/api/x).\n\nMore.")
        );
        assert_eq!(m.field("peer"), Some("The peer"));
        assert_eq!(m.errors[0].name, "PEER_ID_INVALID");
        assert_eq!(docs.errors[0].code, 420);
        assert_eq!(docs.errors[0].description, "");
    }

    #[test]
    fn entries_of_the_wrong_shape_are_skipped() {
        let docs = ApiDocs::parse(
            r#"{"index": {"layer": -1}, "types": [],
                "methods": {"m": {"description": 5, "links": "x", "parameters": [1],
                  "errors": [{"code": "400", "type": "A"}, {"code": 1e99, "type": "B"},
                             {"code": 400}, {"code": 420, "type": "C", "description": 3}]}},
                "errors": {"X": 1}}"#,
        )
        .unwrap();
        assert_eq!(docs.layer, None);
        let m = &docs.methods["m"];
        assert_eq!((m.description.as_deref(), m.fields.len()), (None, 0));
        assert_eq!(m.errors.len(), 1);
        assert_eq!(
            (m.errors[0].name.as_str(), m.errors[0].description.as_str()),
            ("C", "")
        );
        assert!(docs.errors.is_empty() && docs.types.is_empty());
    }

    #[test]
    fn errors_point_at_the_line() {
        let e = ApiDocs::parse("{\n  \"index\": {,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 13));
        let e = ApiDocs::parse("[]").unwrap_err();
        assert!(e.message.contains("index"), "{e}");
    }
}
