//! TDLib-style doc comments: `//@description …`, `//@<field> …`, `//-` continuations.
//!
//! ```text
//! //@description A text with some entities @text The text @entities Entities contained in the text.
//! //-Pre, Code, PreCode, and DateTime entities can't contain other entities.
//! formattedText text:string entities:vector<textEntity> = FormattedText;
//! ```
//!
//! A `//-` line continues the entry before it; its text is kept, joined with a
//! newline. `@param_<field>` documents field `<field>` (used when the field is
//! called `description`).

/// The docs of one definition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    /// The `@description` text.
    pub description: Option<String>,
    /// `(field, text)` for every `@<field>` entry, in the order written.
    pub fields: Vec<(String, String)>,
}

impl Doc {
    /// Whether there is no doc at all.
    pub fn is_empty(&self) -> bool {
        self.description.is_none() && self.fields.is_empty()
    }

    /// The doc of field `name`, if any.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, t)| t.as_str())
    }
}

/// The entries of one doc block: `(key, text)` pairs such as `("class", "Foo")`,
/// `("description", "…")`, `("text", "…")`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocBlock {
    entries: Vec<(String, String)>,
}

impl DocBlock {
    /// Adds one comment line (the text after `//`). Returns false for lines that
    /// are not doc lines (`//@…` or `//-…`).
    pub(crate) fn push_line(&mut self, comment: &str) -> bool {
        if let Some(rest) = comment.strip_prefix('-') {
            let text = rest.trim();
            match self.entries.last_mut() {
                Some((_, last)) if !text.is_empty() => {
                    if !last.is_empty() {
                        last.push('\n');
                    }
                    last.push_str(text);
                }
                Some(_) => {}
                // A continuation with nothing to continue starts a description.
                None => self
                    .entries
                    .push(("description".to_string(), text.to_string())),
            }
            return true;
        }
        let Some(rest) = comment.strip_prefix('@') else {
            return false;
        };
        for part in rest.split(" @") {
            let part = part.trim_start_matches('@');
            let (key, text) = part.split_once(' ').unwrap_or((part, ""));
            if !key.is_empty() {
                self.entries
                    .push((key.to_string(), text.trim().to_string()));
            }
        }
        true
    }

    /// The `@class` name and its description, if this block documents a type.
    pub(crate) fn class(&self) -> Option<(String, String)> {
        let class = self.entries.iter().find(|(k, _)| k == "class")?;
        let description = self.value("description").unwrap_or_default();
        Some((class.1.clone(), description))
    }

    fn value(&self, key: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    /// The block as the doc of a definition.
    pub(crate) fn into_doc(self) -> Doc {
        let mut doc = Doc::default();
        for (key, text) in self.entries {
            match key.as_str() {
                "description" => doc.description = Some(text),
                "class" => {}
                field => {
                    let field = field.strip_prefix("param_").unwrap_or(field);
                    doc.fields.push((field.to_string(), text));
                }
            }
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_entries_and_continuations() {
        let mut block = DocBlock::default();
        assert!(block.push_line("@description A text @text The text @entities Entities."));
        assert!(block.push_line("-Pre entities can't contain others"));
        assert!(!block.push_line(" plain comment"));
        let doc = block.into_doc();
        assert_eq!(doc.description.as_deref(), Some("A text"));
        assert_eq!(doc.field("text"), Some("The text"));
        assert_eq!(
            doc.field("entities"),
            Some("Entities.\nPre entities can't contain others")
        );
    }

    #[test]
    fn param_prefix_names_a_field() {
        let mut block = DocBlock::default();
        block.push_line("@description Sets it @param_description New description");
        let doc = block.into_doc();
        assert_eq!(doc.description.as_deref(), Some("Sets it"));
        assert_eq!(doc.field("description"), Some("New description"));
    }

    #[test]
    fn class_block() {
        let mut block = DocBlock::default();
        block.push_line("@class LogStream @description Describes a stream");
        assert_eq!(
            block.class(),
            Some(("LogStream".to_string(), "Describes a stream".to_string()))
        );
    }
}
