//! The decoder against `tl!`'s own types: every sample value of a schema
//! (its generated `visit_samples`), encoded by the generated code, must
//! decode to the same constructor, fields and values. The decoded tree is
//! printed the way the generated `Debug` impls print (struct and variant
//! names, field names, `Some`, hex bytes), so one string comparison checks
//! all of it.
//!
//! For test suites only (tl-cli's own and the conformance suite's, which
//! expands the corpus schemas): compiled for tests and with the
//! `sample-check` feature, which turns on tl-runtime's `sample`.

use crate::decoder::{Expect, FieldValue, ModelDecoder, Object, Value, Which};
use std::fmt::Debug;
use tl_codegen::model::{BoxedType, FieldShape, Model, WireType};
use tl_codegen::rust_ident;
use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Config, Hex, Identifiable, RemoteCall, Serialize};

/// Decodes the encoding of every value `visit` gives (a generated
/// `visit_samples` of the schema `model` was resolved from) and panics with
/// every value that decodes differently from what the generated `Debug`
/// prints: six shapes of value for every constructor and non-generic
/// function of the model, which must all be visited.
pub fn check_samples(model: &Model, visit: impl FnOnce(&mut SampleCheck<'_>)) {
    let mut check = SampleCheck {
        model,
        decoder: ModelDecoder::new(model),
        checked: 0,
        failures: Vec::new(),
    };
    visit(&mut check);
    const SHOWN: usize = 20;
    assert!(
        check.failures.is_empty(),
        "{} of {} values decode differently (the first {SHOWN} shown):\n{}",
        check.failures.len(),
        check.checked,
        check.failures[..check.failures.len().min(SHOWN)].join("\n")
    );
    let visited = model.constructors.len()
        + model
            .functions
            .iter()
            .filter(|f| f.type_params.is_empty())
            .count();
    assert_eq!(
        check.checked,
        SHAPES.len() * visited,
        "values checked, against {} per constructor and non-generic function",
        SHAPES.len()
    );
}

/// The sample values of each constructor and function: flags, string
/// length and vector length given to [`Gen::new`].
const SHAPES: [(Flags, usize, usize); 6] = [
    (Flags::AllOff, 0, 2),
    (Flags::AllOn, 0, 2),
    (Flags::AllOn, 0, 0),
    (Flags::AllOn, 300, 2),
    (Flags::Only(0), 3, 1),
    (Flags::Only(1), 5, 1),
];

/// The [`Visitor`] of [`check_samples`]: decodes the encoding of every
/// sample value and compares.
pub struct SampleCheck<'m> {
    model: &'m Model,
    decoder: ModelDecoder<'m>,
    checked: usize,
    failures: Vec<String>,
}

impl SampleCheck<'_> {
    fn check<T: Sample + Serialize + Identifiable + Bare + Debug>(&mut self, expect: Expect) {
        for (flags, text, vec) in SHAPES {
            let value = T::sample(&mut Gen::new(
                u64::from(T::CONSTRUCTOR_ID),
                flags,
                text,
                vec,
            ));
            let bytes = value.to_bytes();
            self.checked += 1;
            let want = format!("{value:?}");
            match self.decoder.decode(&bytes, expect, &Config::new()) {
                Ok(decoded) => {
                    let got = debug(self.model, &decoded, None);
                    if got != want {
                        self.failures
                            .push(format!("{}:\n  want {want}\n  got  {got}", T::NAME));
                    }
                }
                Err(e) => self
                    .failures
                    .push(format!("{}: {e}\n  value {want}", T::NAME)),
            }
        }
    }
}

impl Visitor for SampleCheck<'_> {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        // `gzip_packed` is unpacked unless its own type is asked for.
        let expect = match self
            .model
            .constructors
            .iter()
            .find(|c| c.id == T::CONSTRUCTOR_ID)
        {
            Some(c) if c.id == tl_runtime::wire::GZIP_PACKED_ID => {
                Expect::Type(c.boxed_type.expect("gzip_packed has a type"))
            }
            _ => Expect::AnyConstructor,
        };
        self.check::<T>(expect);
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        self.check::<T>(Expect::Function);
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + tl_runtime::Deserialize + Clone + PartialEq + Debug,
    {
        // Every variant is one of the constructors.
    }
}

/// `value` as the generated `Debug` prints it; `in_type` is the boxed type
/// whose enum holds it, if any (it then prints as `Variant(Struct { … })`).
fn debug(model: &Model, value: &Value, in_type: Option<&BoxedType>) -> String {
    match value {
        Value::Int(v) => format!("{v:?}"),
        Value::Long(v) => format!("{v:?}"),
        Value::Double(v) => format!("{v:?}"),
        Value::Nat(v) => format!("{v:?}"),
        Value::Bool(v) => format!("{v:?}"),
        Value::True => "True".to_string(),
        Value::Fixed(b) | Value::Bytes(b) => format!("{:?}", Hex(b.as_slice())),
        Value::String(b) => format!("{:?}", String::from_utf8_lossy(b)),
        Value::Raw(b) => format!("RawObject({:?})", Hex(b.as_slice())),
        Value::Gzip(inner) => format!("gzip({})", debug(model, inner, in_type)),
        Value::Vector(items) => {
            let items: Vec<String> = items.iter().map(|v| debug(model, v, in_type)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(object) => {
            let c = object.which.get(model);
            let body = debug_struct(model, object);
            let Some(ty) = in_type else {
                return body;
            };
            let Which::Constructor(index) = object.which else {
                return body;
            };
            let at = ty
                .constructors
                .iter()
                .position(|&i| i == index)
                .expect("the decoded constructor belongs to the expected type");
            let variant = &ty.variants[at];
            if c.is_unit() {
                variant.clone()
            } else {
                format!("{variant}({body})")
            }
        }
    }
}

/// `Name { field: value, … }`, or `Name` without fields.
fn debug_struct(model: &Model, object: &Object) -> String {
    let c = object.which.get(model);
    let fields: Vec<String> = c
        .fields
        .iter()
        .zip(&object.fields)
        .map(|(f, v)| {
            let text = match (&f.shape, v) {
                (FieldShape::Plain(w), FieldValue::Plain(v)) => debug_field(model, w, v),
                (FieldShape::Optional(w), FieldValue::Optional(Some(v))) => {
                    format!("Some({})", debug_field(model, w, v))
                }
                (_, FieldValue::Optional(None) | FieldValue::Group(None)) => "None".to_string(),
                (_, FieldValue::Flag(set)) => format!("{set:?}"),
                (FieldShape::Group(g), FieldValue::Group(Some(parts))) => {
                    let parts: Vec<String> = g
                        .parts
                        .iter()
                        .zip(parts)
                        .map(|(p, v)| {
                            let text = debug_field(model, &p.wire, v);
                            format!("{}: {text}", rust_ident(&p.name))
                        })
                        .collect();
                    format!("Some({} {{ {} }})", g.rust_name, parts.join(", "))
                }
                (shape, value) => panic!("field {} of shape {shape:?} holds {value:?}", f.name),
            };
            format!("{}: {text}", rust_ident(&f.name))
        })
        .collect();
    if fields.is_empty() {
        c.rust_name.clone()
    } else {
        format!("{} {{ {} }}", c.rust_name, fields.join(", "))
    }
}

/// `value`, of a field of type `w`, as the generated struct's field prints.
fn debug_field(model: &Model, w: &WireType, value: &Value) -> String {
    match (w, value) {
        // The generated code keeps an `Object` field's bytes (`RawObject`),
        // the decoder reads the constructor where the schema has it. The
        // samples of such fields are unknown ids, or a constructor without
        // wire fields where only the constructor tells where the object ends
        // (tl-codegen's `known_object`): its bytes are its id.
        (WireType::Object(_), Value::Object(object)) if object.which.get(model).wire.is_empty() => {
            let id = object.which.get(model).id;
            format!("RawObject({:?})", Hex(id.to_le_bytes().as_slice()))
        }
        _ => debug(model, value, element_type(model, w)),
    }
}

/// The boxed type whose enum holds values of `w` (or its items).
fn element_type<'m>(model: &'m Model, w: &WireType) -> Option<&'m BoxedType> {
    match w {
        WireType::Boxed { index, .. } => model.types.get(*index),
        WireType::Vector { item, .. } => element_type(model, item),
        _ => None,
    }
}
