//! A decoded [`Value`] for people (TL-like text) and for tools (JSON).
//!
//! Text shows what is there: absent optional fields and unset flags are left
//! out. JSON shows every field of the generated struct: `null` for an absent
//! optional field or group, `false` for an unset flag.

use crate::decoder::{FieldValue, Object, Value};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::fmt::Write;
use tl_codegen::model::{FieldShape, Model};
use tl_codegen::rust_ident;
use tl_runtime::Hex;

/// `value` as indented TL-like text, ending in a newline:
///
/// ```text
/// updateShort#78d4dec1 {
///   update: updateUserName#a7848924 { … }
///   date: 1700000000
/// }
/// ```
pub fn text(model: &Model, value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, model, value, 0);
    out.push('\n');
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

// `write!` to a `String` cannot fail, hence the ignored results below.
fn write_value(out: &mut String, model: &Model, value: &Value, level: usize) {
    match value {
        Value::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Value::Long(v) => {
            let _ = write!(out, "{v}");
        }
        Value::Double(v) => {
            let _ = write!(out, "{v:?}");
        }
        Value::Nat(v) => {
            let _ = write!(out, "{v}");
        }
        Value::Bool(v) => {
            let _ = write!(out, "{v}");
        }
        Value::True => out.push_str("true"),
        Value::Fixed(b) | Value::Bytes(b) => {
            let _ = write!(out, "{:?}", Hex(b.as_slice()));
        }
        Value::String(b) => match std::str::from_utf8(b) {
            Ok(s) => {
                let _ = write!(out, "{s:?}");
            }
            Err(_) => {
                let _ = write!(out, "{:?} (not UTF-8)", Hex(b.as_slice()));
            }
        },
        Value::Raw(b) => {
            let _ = write!(out, "Object {:?}", Hex(b.as_slice()));
        }
        Value::Gzip(inner) => {
            out.push_str("gzip_packed#3072cfa1 -> ");
            write_value(out, model, inner, level);
        }
        Value::Vector(items) if items.is_empty() => out.push_str("[]"),
        Value::Vector(items) if items.iter().all(is_scalar) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, model, item, level);
            }
            out.push(']');
        }
        Value::Vector(items) => {
            out.push_str("[\n");
            for item in items {
                indent(out, level + 1);
                write_value(out, model, item, level + 1);
                out.push('\n');
            }
            indent(out, level);
            out.push(']');
        }
        Value::Object(object) => write_object(out, model, object, level),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Object(_) | Value::Vector(_) | Value::Gzip(_))
}

fn write_object(out: &mut String, model: &Model, object: &Object, level: usize) {
    let c = object.which.get(model);
    let _ = write!(out, "{}#{:08x}", c.tl_name, c.id);
    let shown: Vec<(&str, &FieldValue)> = c
        .fields
        .iter()
        .zip(&object.fields)
        .filter(|(_, v)| {
            !matches!(
                v,
                FieldValue::Optional(None) | FieldValue::Flag(false) | FieldValue::Group(None)
            )
        })
        .map(|(f, v)| (f.name.as_str(), v))
        .collect();
    // Model names, printed as the generated fields are named.
    if shown.is_empty() {
        return;
    }
    out.push_str(" {\n");
    for (name, value) in shown {
        indent(out, level + 1);
        let _ = write!(out, "{}: ", rust_ident(name));
        match value {
            FieldValue::Plain(v) | FieldValue::Optional(Some(v)) => {
                write_value(out, model, v, level + 1)
            }
            FieldValue::Flag(_) => out.push_str("true"),
            FieldValue::Group(Some(parts)) => {
                let names = group_names(model, object, name);
                out.push_str("{\n");
                for (part, v) in names.iter().zip(parts) {
                    indent(out, level + 2);
                    let _ = write!(out, "{part}: ");
                    write_value(out, model, v, level + 2);
                    out.push('\n');
                }
                indent(out, level + 1);
                out.push('}');
            }
            FieldValue::Optional(None) | FieldValue::Group(None) => {}
        }
        out.push('\n');
    }
    indent(out, level);
    out.push('}');
}

/// The part names of the group field `field` of `object`'s combinator.
fn group_names(model: &Model, object: &Object, field: &str) -> Vec<String> {
    object
        .which
        .get(model)
        .fields
        .iter()
        .find(|f| f.name == field)
        .map(|f| match &f.shape {
            FieldShape::Group(g) => g.parts.iter().map(|p| rust_ident(&p.name)).collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
}

/// `value` as JSON: an object is `{"_": "user", "_id": "b1b8cc83", field…}`
/// in field order, bytes are hex strings, a string that is not UTF-8 is
/// `{"lossy": …, "hex": …}`, an unknown `Object` is `{"_": "Object", "hex": …}`.
pub struct Json<'a> {
    /// The model the value was decoded with.
    pub model: &'a Model,
    /// The value.
    pub value: &'a Value,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let json = |value| Json {
            model: self.model,
            value,
        };
        match self.value {
            Value::Int(v) => s.serialize_i32(*v),
            Value::Long(v) => s.serialize_i64(*v),
            Value::Double(v) => s.serialize_f64(*v),
            Value::Nat(v) => s.serialize_u32(*v),
            Value::Bool(v) => s.serialize_bool(*v),
            Value::True => s.serialize_bool(true),
            Value::Fixed(b) | Value::Bytes(b) => s.serialize_str(&hex(b)),
            Value::String(b) => match std::str::from_utf8(b) {
                Ok(text) => s.serialize_str(text),
                Err(_) => {
                    let mut map = s.serialize_map(Some(2))?;
                    map.serialize_entry("lossy", &String::from_utf8_lossy(b))?;
                    map.serialize_entry("hex", &hex(b))?;
                    map.end()
                }
            },
            Value::Raw(b) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("_", "Object")?;
                map.serialize_entry("hex", &hex(b))?;
                map.end()
            }
            Value::Gzip(inner) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("_", "gzip_packed")?;
                map.serialize_entry("unpacked", &json(inner))?;
                map.end()
            }
            Value::Vector(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&json(item))?;
                }
                seq.end()
            }
            Value::Object(object) => {
                let c = object.which.get(self.model);
                let mut map = s.serialize_map(Some(c.fields.len() + 2))?;
                map.serialize_entry("_", &c.tl_name)?;
                map.serialize_entry("_id", &format!("{:08x}", c.id))?;
                for (f, v) in c.fields.iter().zip(&object.fields) {
                    let name = rust_ident(&f.name);
                    match v {
                        FieldValue::Plain(v) | FieldValue::Optional(Some(v)) => {
                            map.serialize_entry(&name, &json(v))?
                        }
                        FieldValue::Optional(None) | FieldValue::Group(None) => {
                            map.serialize_entry(&name, &())?
                        }
                        FieldValue::Flag(set) => map.serialize_entry(&name, set)?,
                        FieldValue::Group(Some(parts)) => {
                            let names = group_names(self.model, object, &f.name);
                            let group = GroupJson {
                                model: self.model,
                                names: &names,
                                parts,
                            };
                            map.serialize_entry(&name, &group)?
                        }
                    }
                }
                map.end()
            }
        }
    }
}

/// A present flag group: its parts by name.
struct GroupJson<'a> {
    model: &'a Model,
    names: &'a [String],
    parts: &'a [Value],
}

impl Serialize for GroupJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.parts.len()))?;
        for (name, value) in self.names.iter().zip(self.parts) {
            map.serialize_entry(
                name,
                &Json {
                    model: self.model,
                    value,
                },
            )?;
        }
        map.end()
    }
}
