//! The canonical printer: `Display` writes definitions back as TL.
//!
//! Printing normalizes layout (one definition per line, single spaces, no
//! comments other than docs) but keeps everything the AST holds, so
//! parse → print → parse gives the same AST, spans aside.

use crate::ast::{
    Definition, Multiplier, Param, ParamType, Schema, Section, TypeDoc, TypeExpr, TypeSyntax,
};
use core::fmt::{self, Display, Formatter};

impl Display for TypeExpr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.bare {
            f.write_str("%")?;
        }
        match self.syntax {
            TypeSyntax::Paren => {
                write!(f, "({}", self.name.text)?;
                for a in &self.args {
                    write!(f, " {a}")?;
                }
                f.write_str(")")
            }
            TypeSyntax::Angle => {
                write!(f, "{}<", self.name.text)?;
                for (i, a) in self.args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                f.write_str(">")
            }
            TypeSyntax::Plain => {
                f.write_str(&self.name.text)?;
                for a in &self.args {
                    write!(f, " {a}")?;
                }
                Ok(())
            }
        }
    }
}

impl Display for Param {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            write!(f, "{}:", name.text)?;
        }
        match &self.ty {
            ParamType::Nat => f.write_str("#"),
            ParamType::Type { bang, ty } => write!(f, "{}{ty}", if *bang { "!" } else { "" }),
            ParamType::Conditional { flag, ty } => {
                write!(f, "{}.{}?{ty}", flag.field.text, flag.bit)
            }
            ParamType::Repeat { count, params } => {
                match count {
                    Some(Multiplier::Number(n)) => write!(f, "{n}*")?,
                    Some(Multiplier::Var(v)) => write!(f, "{}*", v.text)?,
                    None => {}
                }
                f.write_str("[ ")?;
                for p in params {
                    write!(f, "{p} ")?;
                }
                f.write_str("]")
            }
        }
    }
}

/// One definition on one line, ending in `;`, without docs.
impl Display for Definition {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name.text)?;
        if let Some(id) = self.declared_id {
            write!(f, "#{:08x}", id.value)?;
        }
        for tp in &self.type_params {
            write!(f, " {{{}:{}}}", tp.name.text, tp.kind)?;
        }
        for p in &self.params {
            write!(f, " {p}")?;
        }
        if self.builtin {
            f.write_str(" ?")?;
        }
        write!(f, " = {};", self.result)
    }
}

/// The whole schema: layer, section markers, docs (TDLib style) and definitions.
///
/// A `//@class` doc is printed, followed by a blank line, above the first
/// constructor of its type, where TDLib writes it. The docs keep their order:
/// any doc listed before it that is still unprinted (a type whose
/// constructors come later, or that has none) is printed first, and the docs
/// of types without constructors that remain go at the end.
impl Display for Schema {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(layer) = self.layer {
            writeln!(f, "// LAYER {layer}")?;
        }
        let mut section = Section::Types;
        let mut layer = None;
        let mut printed = vec![false; self.type_docs.len()];
        for def in &self.definitions {
            if def.section != section {
                section = def.section;
                let word = match section {
                    Section::Types => "types",
                    Section::Functions => "functions",
                };
                writeln!(f, "---{word}---")?;
            }
            if def.layer != layer && def.layer != self.layer {
                if let Some(l) = def.layer {
                    writeln!(f, "// layer {l}")?;
                }
            }
            layer = def.layer;
            if def.section == Section::Types {
                let result = &def.result.name.text;
                if let Some(last) = self.type_docs.iter().rposition(|d| d.name == *result) {
                    // Every unprinted doc up to the type's last one: its own,
                    // and those listed before them.
                    for (doc, done) in self.type_docs.iter().zip(&mut printed).take(last + 1) {
                        if !*done {
                            write_type_doc(f, doc)?;
                            *done = true;
                        }
                    }
                }
            }
            if let Some(d) = &def.doc.description {
                write_doc_entry(f, "description", d)?;
            }
            for (field, text) in &def.doc.fields {
                // `@description` and `@class` are the definition's own; a field called
                // so, or starting with `param_`, is written `@param_<field>`.
                let key =
                    if field == "description" || field == "class" || field.starts_with("param_") {
                        format!("param_{field}")
                    } else {
                        field.clone()
                    };
                write_doc_entry(f, &key, text)?;
            }
            writeln!(f, "{def}")?;
        }
        // Docs of types without constructors, at the end.
        for (doc, done) in self.type_docs.iter().zip(&printed) {
            if !*done {
                write_type_doc(f, doc)?;
            }
        }
        Ok(())
    }
}

/// `//@class Name @description …`, or, for a name that a `//-` line
/// continued (so it holds a newline), the class entry with its continuations
/// and then `//@description …` on lines of their own.
fn write_type_doc(f: &mut Formatter<'_>, doc: &TypeDoc) -> fmt::Result {
    if doc.name.contains('\n') {
        write_doc_entry(f, "class", &doc.name)?;
        write_doc_entry(f, "description", &doc.description)?;
    } else {
        write_doc_entry(
            f,
            &format!("class {} @description", doc.name),
            &doc.description,
        )?;
    }
    writeln!(f)
}

/// `//@key text`, with further lines as `//-` continuations. A first line that
/// would read as another entry (starting with `@`, or holding ` @`) goes on a
/// continuation line too.
fn write_doc_entry(f: &mut Formatter<'_>, key: &str, text: &str) -> fmt::Result {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or("");
    if first.starts_with('@') || first.contains(" @") {
        writeln!(f, "//@{key}")?;
        writeln!(f, "//-{first}")?;
    } else {
        writeln!(f, "//@{key} {first}")?;
    }
    for line in lines {
        writeln!(f, "//-{line}")?;
    }
    Ok(())
}
