//! Decoding TL bytes against a schema's resolved model, without generated
//! code: the same shapes as `tl!`'s types (fields, flag groups, `true`
//! flags, bare and boxed values) and the same limits as the runtime (depth,
//! vector counts against the remaining input, trailing bytes), read with
//! tl-runtime's [`Reader`].

use std::collections::HashMap;
use std::fmt;
use tl_codegen::model::{Combinator, FieldShape, Model, ObjectEnd, WireParam, WireType};
use tl_codegen::rust_ident;
use tl_runtime::wire::{GZIP_PACKED_ID, VECTOR_ID};
use tl_runtime::{Config, Error, ErrorKind, Reader};

/// A decoded value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `int`.
    Int(i32),
    /// `long`.
    Long(i64),
    /// `double`.
    Double(f64),
    /// A `#` that is not a flags word.
    Nat(u32),
    /// A boxed `Bool`.
    Bool(bool),
    /// The boxed `True`.
    True,
    /// `int128`, `int256`, `int512`.
    Fixed(Vec<u8>),
    /// `string`, as received: it may not be UTF-8.
    String(Vec<u8>),
    /// `bytes`.
    Bytes(Vec<u8>),
    /// `Vector<T>` or `vector<T>`.
    Vector(Vec<Value>),
    /// A constructor or function.
    Object(Box<Object>),
    /// An `Object` whose constructor this schema does not define.
    Raw(Vec<u8>),
    /// A `gzip_packed` value, unpacked.
    Gzip(Box<Value>),
}

/// A constructor's or function's values, parallel to its
/// [`Combinator::fields`].
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// Which combinator.
    pub which: Which,
    /// One per field of the combinator.
    pub fields: Vec<FieldValue>,
}

/// A combinator of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// An index into [`Model::constructors`].
    Constructor(usize),
    /// An index into [`Model::functions`].
    Function(usize),
}

impl Which {
    /// The combinator in `model`.
    pub fn get(self, model: &Model) -> &Combinator {
        match self {
            Which::Constructor(i) => &model.constructors[i],
            Which::Function(i) => &model.functions[i],
        }
    }
}

/// The value of one field, shaped as the generated struct's field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Always present.
    Plain(Value),
    /// `Option<T>`.
    Optional(Option<Value>),
    /// A `bool` for `flags.N?true`.
    Flag(bool),
    /// `Option` of a group's parts, in order.
    Group(Option<Vec<Value>>),
}

/// What the bytes hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A boxed value of the type at this index of [`Model::types`].
    Type(usize),
    /// Any constructor of the schema.
    AnyConstructor,
    /// A function call.
    Function,
}

/// Why decoding failed: what, at which byte, and the fields that led there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// `messages.messages.messages[3].entities[0]`: the outermost
    /// constructor, then fields and vector indices.
    pub path: String,
    /// The byte offset (inside a `gzip_packed`, of the unpacked data; the
    /// path then says where the packed value was).
    pub offset: usize,
    /// What went wrong.
    pub problem: Problem,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A failure of the runtime's reader (truncation, bad length, depth…).
    Wire(ErrorKind),
    /// A constructor id that is not one of the expected type's.
    UnknownConstructor {
        /// The id on the wire.
        id: u32,
        /// What was expected (`Updates`, `any constructor`).
        expected: String,
    },
    /// A sized `Object` (MTProto's `message`) whose body is not as long as
    /// its `bytes` field says.
    SizeMismatch {
        /// The length the `bytes` field gave.
        declared: usize,
        /// The length of the value found.
        found: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        let at = self.offset;
        match &self.problem {
            Problem::UnknownConstructor { id, expected } => write!(
                f,
                "unknown constructor {id:#010x} for {expected} at byte {at}"
            ),
            Problem::SizeMismatch { declared, found } => write!(
                f,
                "the body at byte {at} is {found} bytes long, its `bytes` field says {declared}"
            ),
            Problem::Wire(ErrorKind::TrailingBytes { count }) => {
                write!(f, "{count} trailing bytes at byte {at} after the value")
            }
            Problem::Wire(ErrorKind::DepthLimitExceeded { limit }) => {
                write!(f, "nesting deeper than {limit} levels at byte {at}")
            }
            Problem::Wire(kind) => write!(f, "{}", Error::new(kind.clone(), at)),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `bytes`, which must hold exactly one value of `expect`.
pub fn decode(
    model: &Model,
    bytes: &[u8],
    expect: Expect,
    config: &Config,
) -> Result<Value, DecodeError> {
    ModelDecoder::new(model).decode(bytes, expect, config)
}

/// A model ready to decode many values: its combinators are indexed by id
/// once, not for each value as [`decode`] does.
pub struct ModelDecoder<'m> {
    model: &'m Model,
    ids: Ids,
}

impl<'m> ModelDecoder<'m> {
    /// Indexes `model`.
    pub fn new(model: &'m Model) -> Self {
        ModelDecoder {
            model,
            ids: Ids::new(model),
        }
    }

    /// Decodes `bytes`, which must hold exactly one value of `expect`.
    pub fn decode(
        &self,
        bytes: &[u8],
        expect: Expect,
        config: &Config,
    ) -> Result<Value, DecodeError> {
        let mut decoder = Decoder {
            model: self.model,
            config,
            ids: &self.ids,
            path: Vec::new(),
            depth: 0,
        };
        let mut r = Reader::with_config(bytes, config);
        let value = decoder.boxed(&mut r, expect)?;
        if !r.is_empty() {
            let count = r.remaining();
            return Err(decoder.error(
                r.position(),
                Problem::Wire(ErrorKind::TrailingBytes { count }),
            ));
        }
        Ok(value)
    }
}

/// The model's combinators by id.
struct Ids {
    constructors: HashMap<u32, usize>,
    functions: HashMap<u32, usize>,
}

impl Ids {
    fn new(model: &Model) -> Self {
        let by_id = |list: &[Combinator]| {
            let mut map = HashMap::new();
            // The first of two combinators with one id wins, as in a `match`.
            for (i, c) in list.iter().enumerate() {
                map.entry(c.id).or_insert(i);
            }
            map
        };
        Ids {
            constructors: by_id(&model.constructors),
            functions: by_id(&model.functions),
        }
    }
}

struct Decoder<'m> {
    model: &'m Model,
    config: &'m Config,
    ids: &'m Ids,
    /// `messages.messages`, `.messages`, `[3]`…: joined, the error path.
    path: Vec<String>,
    /// Open nesting levels, counted across `gzip_packed` boundaries.
    depth: u32,
}

type Decoded<T> = Result<T, DecodeError>;

impl<'m> Decoder<'m> {
    fn error(&self, offset: usize, problem: Problem) -> DecodeError {
        DecodeError {
            path: self.path.concat(),
            offset,
            problem,
        }
    }

    fn wire(&self, e: Error) -> DecodeError {
        self.error(e.offset(), Problem::Wire(e.kind().clone()))
    }

    /// Opens a nesting level, as generated decoders do with `Reader::nested`.
    fn enter(&mut self, r: &Reader<'_>) -> Decoded<()> {
        if self.depth >= self.config.max_depth {
            let limit = self.config.max_depth;
            return Err(self.error(
                r.position(),
                Problem::Wire(ErrorKind::DepthLimitExceeded { limit }),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Runs `f` in a field (or index) of the path.
    fn at<T>(&mut self, segment: String, f: impl FnOnce(&mut Self) -> Decoded<T>) -> Decoded<T> {
        self.path.push(segment);
        let value = f(self);
        self.path.pop();
        value
    }

    /// A boxed value: its id, then its fields; a `gzip_packed` in its place
    /// is unpacked and decoded as what was expected.
    fn boxed(&mut self, r: &mut Reader<'_>, expect: Expect) -> Decoded<Value> {
        self.enter(r)?;
        let value = self.boxed_inner(r, expect);
        self.depth -= 1;
        value
    }

    fn boxed_inner(&mut self, r: &mut Reader<'_>, expect: Expect) -> Decoded<Value> {
        let at = r.position();
        let id = r.read_u32().map_err(|e| self.wire(e))?;
        // A `gzip_packed` stands for the value it packs, even where the
        // schema defines it (`gzip_packed#3072cfa1 packed_data:string =
        // GzipPacked;` in MTProto's), unless its own type is what is expected.
        let packed_expected = matches!(expect, Expect::Type(t)
            if self.model.types[t].constructors.iter()
                .any(|&c| self.model.constructors[c].id == GZIP_PACKED_ID));
        if id == GZIP_PACKED_ID && !packed_expected {
            return self.gzip(r, at, expect);
        }
        let which = match expect {
            Expect::Type(t) => self.model.types[t]
                .constructors
                .iter()
                .copied()
                .find(|&c| self.model.constructors[c].id == id)
                .map(Which::Constructor),
            Expect::AnyConstructor => self
                .ids
                .constructors
                .get(&id)
                .map(|&c| Which::Constructor(c)),
            Expect::Function => self
                .ids
                .functions
                .get(&id)
                .map(|&f| Which::Function(f))
                .or_else(|| {
                    self.ids
                        .constructors
                        .get(&id)
                        .map(|&c| Which::Constructor(c))
                }),
        };
        match which {
            Some(which) => self.combinator(r, which, self.path.is_empty()),
            None => {
                let expected = match expect {
                    Expect::Type(t) => format!("type {}", self.model.types[t].tl_name),
                    Expect::AnyConstructor => "any constructor of the schema".to_string(),
                    Expect::Function => "any function of the schema".to_string(),
                };
                Err(self.error(at, Problem::UnknownConstructor { id, expected }))
            }
        }
    }

    /// The rest of a `gzip_packed` whose id was just read at `at`.
    fn gzip(&mut self, r: &mut Reader<'_>, at: usize, expect: Expect) -> Decoded<Value> {
        let packed = r.read_bytes_ref().map_err(|e| self.wire(e))?;
        let data = tl_runtime::gunzip(packed, self.config.max_unpacked)
            .map_err(|e| self.error(at, Problem::Wire(e.kind().clone())))?;
        self.at(format!("<gzip_packed at byte {at}>"), |d| {
            let mut inner = Reader::with_config(&data, d.config);
            let value = d.boxed_inner(&mut inner, expect)?;
            if !inner.is_empty() {
                let count = inner.remaining();
                return Err(d.error(
                    inner.position(),
                    Problem::Wire(ErrorKind::TrailingBytes { count }),
                ));
            }
            Ok(Value::Gzip(Box::new(value)))
        })
    }

    /// The fields of `which`, whose id (if boxed) was read. `root` names the
    /// path after it.
    fn combinator(&mut self, r: &mut Reader<'_>, which: Which, root: bool) -> Decoded<Value> {
        let model = self.model;
        let c = which.get(model);
        if root {
            self.path.push(c.tl_name.clone());
        }
        let fields = self.fields(r, c);
        if root {
            self.path.pop();
        }
        Ok(Value::Object(Box::new(Object {
            which,
            fields: fields?,
        })))
    }

    fn fields(&mut self, r: &mut Reader<'_>, c: &'m Combinator) -> Decoded<Vec<FieldValue>> {
        let mut flags: HashMap<&str, u32> = HashMap::new();
        let mut length: Option<i32> = None;
        let mut values: Vec<FieldValue> = c
            .fields
            .iter()
            .map(|f| match &f.shape {
                // Replaced when read: a plain field is always on the wire.
                FieldShape::Plain(_) => FieldValue::Optional(None),
                FieldShape::Optional(_) => FieldValue::Optional(None),
                FieldShape::Flag => FieldValue::Flag(false),
                FieldShape::Group(_) => FieldValue::Group(None),
            })
            .collect();
        // The parts of each group as read; they share one bit.
        let mut groups: HashMap<usize, Vec<Option<Value>>> = HashMap::new();
        let is_set = |flags: &HashMap<&str, u32>, (local, bit): &(String, u32)| {
            flags
                .get(local.as_str())
                .is_some_and(|w| w & (1 << bit) != 0)
        };
        for w in &c.wire {
            match w {
                WireParam::Flags { local, .. } => {
                    let word = r.read_nat().map_err(|e| self.wire(e))?;
                    flags.insert(local, word);
                }
                WireParam::LengthOf => length = Some(r.read_i32().map_err(|e| self.wire(e))?),
                WireParam::TrueFlag {
                    field: Some(f),
                    condition,
                } => {
                    if is_set(&flags, condition) {
                        values[*f] = FieldValue::Flag(true);
                    }
                }
                WireParam::TrueFlag { field: None, .. } => {}
                WireParam::Value {
                    field,
                    part,
                    condition,
                } => {
                    let present = condition.as_ref().is_none_or(|c| is_set(&flags, c));
                    let ty = c.value_type(*field, *part);
                    let f = &c.fields[*field];
                    let segment = match (&f.shape, part) {
                        (FieldShape::Group(g), Some(k)) => {
                            format!(".{}.{}", rust_ident(&f.name), rust_ident(&g.parts[*k].name))
                        }
                        _ => format!(".{}", rust_ident(&f.name)),
                    };
                    let value = if present {
                        Some(self.at(segment, |d| d.value(r, ty, length))?)
                    } else {
                        None
                    };
                    match &f.shape {
                        FieldShape::Group(_) => groups.entry(*field).or_default().push(value),
                        FieldShape::Plain(_) => {
                            if let Some(v) = value {
                                values[*field] = FieldValue::Plain(v);
                            }
                        }
                        _ => values[*field] = FieldValue::Optional(value),
                    }
                    length = None;
                }
            }
        }
        for (field, parts) in groups {
            values[field] = FieldValue::Group(parts.into_iter().collect());
        }
        Ok(values)
    }

    /// One value of type `w`; `length` is a preceding `bytes:int`.
    fn value(&mut self, r: &mut Reader<'_>, w: &WireType, length: Option<i32>) -> Decoded<Value> {
        let wire = |d: &Self, e: Error| d.wire(e);
        Ok(match w {
            WireType::Int => Value::Int(r.read_i32().map_err(|e| wire(self, e))?),
            WireType::Long => Value::Long(r.read_i64().map_err(|e| wire(self, e))?),
            WireType::Double => Value::Double(r.read_f64().map_err(|e| wire(self, e))?),
            WireType::Nat => Value::Nat(r.read_nat().map_err(|e| wire(self, e))?),
            WireType::Fixed(n) => Value::Fixed(r.read_raw(*n).map_err(|e| wire(self, e))?.to_vec()),
            WireType::String => {
                Value::String(r.read_bytes_ref().map_err(|e| wire(self, e))?.to_vec())
            }
            WireType::Bytes => {
                Value::Bytes(r.read_bytes_ref().map_err(|e| wire(self, e))?.to_vec())
            }
            WireType::Bool => Value::Bool(r.read_bool().map_err(|e| wire(self, e))?),
            WireType::BoxedTrue => {
                r.read_boxed_true().map_err(|e| wire(self, e))?;
                Value::True
            }
            WireType::Boxed { index, .. } => self.boxed(r, Expect::Type(*index))?,
            WireType::Bare { index, .. } => {
                let recursive = self.model.constructors[*index].recursive;
                if recursive {
                    self.enter(r)?;
                }
                let value = self.combinator(r, Which::Constructor(*index), false);
                if recursive {
                    self.depth -= 1;
                }
                value?
            }
            WireType::Vector { bare, item } => Value::Vector(self.vector(r, *bare, item)?),
            WireType::Var(_) => self.boxed(r, Expect::Function)?,
            WireType::Object(end) => self.object(r, *end, length)?,
        })
    }

    /// A vector, its count checked against the remaining input by the
    /// runtime's `read_bare_vector` before anything is allocated.
    fn vector(&mut self, r: &mut Reader<'_>, bare: bool, item: &WireType) -> Decoded<Vec<Value>> {
        if !bare {
            r.expect_id(VECTOR_ID, "Vector").map_err(|e| self.wire(e))?;
        }
        let min = min_len(self.model, item, 0);
        // The reader's callback returns the runtime's error type: a decoding
        // error of an item waits here, and a placeholder stops the loop.
        let mut failure = None;
        let mut index = 0;
        let items = r.read_bare_vector(
            |r| {
                let value = self.at(format!("[{index}]"), |d| d.value(r, item, None));
                index += 1;
                value.map_err(|e| {
                    failure = Some(e);
                    r.error(ErrorKind::InvalidLength { len: 0 })
                })
            },
            min,
        );
        match (items, failure) {
            (_, Some(e)) => Err(e),
            (Ok(items), None) => Ok(items),
            (Err(e), None) => Err(self.wire(e)),
        }
    }

    /// An `Object` field: a constructor of this schema if its id is known
    /// (required where only the constructor tells where it ends), else raw.
    fn object(
        &mut self,
        r: &mut Reader<'_>,
        end: ObjectEnd,
        length: Option<i32>,
    ) -> Decoded<Value> {
        let at = r.position();
        let id = r.peek_u32().map_err(|e| self.wire(e))?;
        let known = self.ids.constructors.contains_key(&id) || id == GZIP_PACKED_ID;
        match end {
            ObjectEnd::Known => self.boxed(r, Expect::AnyConstructor),
            ObjectEnd::Rest if known => self.boxed(r, Expect::AnyConstructor),
            ObjectEnd::Rest => Ok(Value::Raw(r.read_rest().to_vec())),
            ObjectEnd::Sized => {
                let len = length.unwrap_or(0);
                let declared = usize::try_from(len).map_err(|_| {
                    self.error(
                        at.saturating_sub(4),
                        Problem::Wire(ErrorKind::InvalidLength {
                            len: u64::from(len.unsigned_abs()),
                        }),
                    )
                })?;
                if declared > r.remaining() {
                    return Err(self.error(
                        at.saturating_sub(4),
                        Problem::Wire(ErrorKind::InvalidLength {
                            len: declared as u64,
                        }),
                    ));
                }
                if !known {
                    let raw = r.read_raw(declared).map_err(|e| self.wire(e))?;
                    return Ok(Value::Raw(raw.to_vec()));
                }
                let value = self.boxed(r, Expect::AnyConstructor)?;
                let found = r.position() - at;
                if found != declared {
                    return Err(self.error(at, Problem::SizeMismatch { declared, found }));
                }
                Ok(value)
            }
        }
    }
}

/// The fewest bytes a value can take on the wire: the bound generated
/// decoders give the runtime's vector count check (tl-codegen's
/// `codec::min_len`, which is private to the generator), so that the same
/// counts are refused.
fn min_len(model: &Model, w: &WireType, depth: usize) -> usize {
    if let Some(n) = w.fixed_size() {
        return n;
    }
    match w {
        WireType::String | WireType::Bytes | WireType::Boxed { .. } | WireType::Object(_) => 4,
        WireType::Vector { bare: true, .. } => 4,
        WireType::Vector { bare: false, .. } => 8,
        WireType::Bare { index, .. } if depth < 8 => {
            let c = &model.constructors[*index];
            c.wire
                .iter()
                .map(|param| match param {
                    WireParam::Flags { .. } | WireParam::LengthOf => 4,
                    WireParam::Value {
                        field,
                        part,
                        condition: None,
                    } => min_len(model, c.value_type(*field, *part), depth + 1),
                    _ => 0,
                })
                .sum()
        }
        _ => 0,
    }
}

#[cfg(test)]
#[path = "decoder_tests.rs"]
mod tests;
