//! The decoder against `tl!`'s own types: every sample value of a few small
//! schemas, encoded by the generated code, must decode to the same
//! constructor, fields and values. The decoded tree is printed the way the
//! generated `Debug` impls print (struct and variant names, field names,
//! `Some`, hex bytes), so one string comparison checks all of it.
//!
//! Then each error kind, with its offset and path.

use super::*;
use std::fmt::Debug;
use tl_codegen::model::BoxedType;
use tl_parser::SourceFile;
use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Hex, Identifiable, RemoteCall, Serialize};

mod features {
    tl_runtime::tl! {
        include = "../schema/features.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod seed {
    tl_runtime::tl! {
        include = ["../schema/seed-deps.tl", "../schema/seed.tl"],
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod mtproto {
    tl_runtime::tl! {
        include = [
            "../../shared/schemas/telegram/mtproto.tl",
            "../schema/mtproto-service.tl",
        ],
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

/// The model `tl!` built `files` from (paths relative to this crate).
fn model(files: &[&str]) -> Model {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<SourceFile> = files
        .iter()
        .map(|f| {
            let path = dir.join(f);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            SourceFile::new(path.display().to_string(), text)
        })
        .collect();
    let options = tl_codegen::Options {
        allow_id_mismatch: vec!["*".to_string()],
        ..tl_codegen::Options::default()
    };
    tl_codegen::resolve(&files, &options)
        .expect("the test schemas resolve")
        .model
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
            let in_type = |w: &WireType| element_type(model, w);
            let text = match (&f.shape, v) {
                (FieldShape::Plain(w), FieldValue::Plain(v)) => debug(model, v, in_type(w)),
                (FieldShape::Optional(w), FieldValue::Optional(Some(v))) => {
                    format!("Some({})", debug(model, v, in_type(w)))
                }
                (_, FieldValue::Optional(None) | FieldValue::Group(None)) => "None".to_string(),
                (_, FieldValue::Flag(set)) => format!("{set:?}"),
                (FieldShape::Group(g), FieldValue::Group(Some(parts))) => {
                    let parts: Vec<String> = g
                        .parts
                        .iter()
                        .zip(parts)
                        .map(|(p, v)| {
                            let text = debug(model, v, in_type(&p.wire));
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

/// The boxed type whose enum holds values of `w` (or its items).
fn element_type<'m>(model: &'m Model, w: &WireType) -> Option<&'m BoxedType> {
    match w {
        WireType::Boxed { index, .. } => model.types.get(*index),
        WireType::Vector { item, .. } => element_type(model, item),
        _ => None,
    }
}

/// Decodes the encoding of every sample value and compares.
struct Check<'m> {
    model: &'m Model,
    checked: usize,
    failures: Vec<String>,
}

impl Check<'_> {
    fn check<T: Sample + Serialize + Identifiable + Bare + Debug>(&mut self, expect: Expect) {
        let shapes = [
            (Flags::AllOff, 0, 2),
            (Flags::AllOn, 0, 2),
            (Flags::AllOn, 0, 0),
            (Flags::AllOn, 300, 2),
            (Flags::Only(0), 3, 1),
            (Flags::Only(1), 5, 1),
        ];
        for (flags, text, vec) in shapes {
            let value = T::sample(&mut Gen::new(
                u64::from(T::CONSTRUCTOR_ID),
                flags,
                text,
                vec,
            ));
            let bytes = value.to_bytes();
            self.checked += 1;
            let want = format!("{value:?}");
            match decode(self.model, &bytes, expect, &Config::new()) {
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

impl Visitor for Check<'_> {
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

/// Runs `visit` over a schema and requires every value to decode as
/// generated code does, six shapes of value for every constructor and
/// non-generic function (those `visit_samples` visits).
fn check_all(model: &Model, visit: impl FnOnce(&mut Check<'_>)) {
    let mut check = Check {
        model,
        checked: 0,
        failures: Vec::new(),
    };
    visit(&mut check);
    assert!(
        check.failures.is_empty(),
        "{} of {} values decode differently:\n{}",
        check.failures.len(),
        check.checked,
        check.failures.join("\n")
    );
    let visited = model.constructors.len()
        + model
            .functions
            .iter()
            .filter(|f| f.type_params.is_empty())
            .count();
    assert_eq!(check.checked, 6 * visited);
}

#[test]
fn every_sample_of_the_feature_schema_decodes_as_generated_code_does() {
    let model = model(&["../schema/features.tl"]);
    check_all(&model, |c| features::visit_samples(c));
}

#[test]
fn every_sample_of_the_seed_schema_decodes_as_generated_code_does() {
    let model = model(&["../schema/seed-deps.tl", "../schema/seed.tl"]);
    check_all(&model, |c| seed::visit_samples(c));
}

#[test]
fn every_sample_of_mtproto_decodes_as_generated_code_does() {
    let model = model(&[
        "../../shared/schemas/telegram/mtproto.tl",
        "../schema/mtproto-service.tl",
    ]);
    check_all(&model, |c| mtproto::visit_samples(c));
}

/// The little-endian words and raw bytes of a hand-made message.
fn message(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

const BOLD: u32 = 0x0ea7_0f5e;
const NESTED: u32 = 0xb0db_9727;

/// The error decoding `bytes` as any constructor of features.tl.
fn error(bytes: &[u8], config: &Config) -> DecodeError {
    let model = model(&["../schema/features.tl"]);
    decode(&model, bytes, Expect::AnyConstructor, config).expect_err("the bytes are bad")
}

#[test]
fn an_unknown_id_names_the_field_and_the_offset() {
    let e = error(&message(&[NESTED, 1, 2, 0xdead_beef]), &Config::new());
    assert_eq!(e.path, "textEntityNested.inner");
    assert_eq!(e.offset, 12);
    assert_eq!(
        e.problem,
        Problem::UnknownConstructor {
            id: 0xdead_beef,
            expected: "type TextEntity".to_string()
        }
    );
    assert_eq!(
        e.to_string(),
        "textEntityNested.inner: unknown constructor 0xdeadbeef for type TextEntity at byte 12"
    );
    let e = error(&message(&[0xdead_beef]), &Config::new());
    assert_eq!((e.path.as_str(), e.offset), ("", 0));
}

#[test]
fn an_unknown_id_in_a_vector_names_its_index() {
    const PACKET: u32 = 0xc397_a182;
    const POINT: u32 = 0x41ea_5862;
    // packet flags:# nodes:(vector Point): two points, the second one bad.
    let mut words = vec![PACKET, 0, 2, POINT, 0, 0, 0, 0, 7, 0xdead_beef];
    words.extend([0; 5]);
    let e = error(&message(&words), &Config::new());
    assert_eq!(e.path, "packet.nodes[1]");
    assert_eq!(e.offset, 36);
}

#[test]
fn truncation_names_the_field_it_cut() {
    let e = error(&message(&[BOLD, 1, 2])[..10], &Config::new());
    assert_eq!(e.path, "textEntityBold.length");
    assert_eq!(e.offset, 8);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::UnexpectedEnd {
            needed: 4,
            available: 2
        })
    );
}

#[test]
fn a_count_the_input_cannot_hold_is_refused_before_reading_items() {
    const MATRIX: u32 = 0x00f7_8513;
    // rows: Vector<Vector<int>> with a count of 2^30.
    let e = error(&message(&[MATRIX, 0x1cb5_c415, 1 << 30]), &Config::new());
    assert_eq!(e.path, "matrix.rows");
    assert_eq!(e.offset, 8);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::InvalidLength { len: 1 << 30 })
    );
}

#[test]
fn trailing_bytes_are_refused() {
    let e = error(&message(&[BOLD, 1, 2, 3]), &Config::new());
    assert_eq!(e.path, "");
    assert_eq!(e.offset, 12);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::TrailingBytes { count: 4 })
    );
    assert_eq!(e.to_string(), "4 trailing bytes at byte 12 after the value");
}

#[test]
fn nesting_past_the_depth_limit_is_refused() {
    let mut words = Vec::new();
    for _ in 0..6 {
        words.extend([NESTED, 1, 2]);
    }
    words.extend([BOLD, 1, 2]);
    let bytes = message(&words);
    let e = error(&bytes, &Config::new().max_depth(4));
    assert_eq!(e.path, "textEntityNested.inner.inner.inner.inner");
    assert_eq!(e.offset, 48);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::DepthLimitExceeded { limit: 4 })
    );
    // The same bytes within the default limit decode.
    let model = model(&["../schema/features.tl"]);
    assert!(decode(&model, &bytes, Expect::AnyConstructor, &Config::new()).is_ok());
}

/// `data` as one gzip member with a stored (uncompressed) deflate block.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let crc = data.iter().fold(!0u32, |mut crc, &b| {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
        crc
    });
    let len = u16::try_from(data.len()).expect("a short test payload");
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1];
    out.extend(len.to_le_bytes());
    out.extend((!len).to_le_bytes());
    out.extend(data);
    out.extend((!crc).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

#[test]
fn a_gzip_packed_result_is_unpacked_and_decoded() {
    let model = model(&[
        "../../shared/schemas/telegram/mtproto.tl",
        "../schema/mtproto-service.tl",
    ]);
    // pong#347773c5 msg_id:7 ping_id:9, packed, as an rpc_result's result.
    let pong = message(&[0x3477_73c5, 7, 0, 9, 0]);
    let packed = gzip_stored(&pong);
    let mut bytes = message(&[0xf35c_6d01, 5, 0, 0x3072_cfa1]);
    bytes.push(u8::try_from(packed.len()).expect("short"));
    bytes.extend(&packed);
    while bytes.len() % 4 != 0 {
        bytes.push(0);
    }
    let value = decode(&model, &bytes, Expect::AnyConstructor, &Config::new())
        .expect("the packed result decodes");
    assert_eq!(
        crate::value_text::text(&model, &value),
        "rpc_result#f35c6d01 {\n  req_msg_id: 5\n  result: gzip_packed#3072cfa1 -> pong#347773c5 {\n    msg_id: 7\n    ping_id: 9\n  }\n}\n"
    );
    // A corrupt checksum is an error at the packed value.
    let at = bytes.len() - 12;
    bytes[at] ^= 1;
    let e = decode(&model, &bytes, Expect::AnyConstructor, &Config::new())
        .expect_err("the checksum is wrong");
    assert_eq!(e.path, "rpc_result.result");
    assert_eq!(e.problem, Problem::Wire(ErrorKind::Decompress));
}
