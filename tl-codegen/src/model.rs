//! The resolved model: every constructor, function and boxed type of a schema
//! with Rust names, field shapes and wire encodings decided. Emission reads
//! only this.

use tl_parser::{Dialect, Doc};

/// A schema ready for code generation.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// The `// LAYER N` value.
    pub layer: Option<u32>,
    /// The id rule the schema follows (decides doc links).
    pub dialect: Dialect,
    /// Boxed types, each an enum of its constructors.
    pub types: Vec<BoxedType>,
    /// Constructors, each a struct in `types`.
    pub constructors: Vec<Combinator>,
    /// Functions, each a struct in `functions`.
    pub functions: Vec<Combinator>,
    /// The typed errors to generate (docs given and typed errors on).
    pub errors: Option<ErrorSet>,
}

/// The `errors` module: the enum of every known error.
#[derive(Clone, Debug)]
pub struct ErrorSet {
    /// The name of the enum of every known error (`ApiError`).
    pub general_name: String,
    /// Its variants: the docs' global table and the protocol-wide errors.
    pub general: Vec<ErrorVariant>,
}

/// One documented error, as an enum variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorVariant {
    /// The error code the docs give.
    pub code: i32,
    /// The error text, with `%d` where a number goes.
    pub name: String,
    /// The docs' description, plain text.
    pub description: String,
    /// The variant's name.
    pub variant: String,
    /// For names with `%d`: the field that holds the number.
    pub field: Option<String>,
}

/// A boxed type such as `Updates` or `messages.Messages`.
#[derive(Clone, Debug)]
pub struct BoxedType {
    /// The TL name.
    pub tl_name: String,
    /// Module path below `enums` (snake-case namespace parts).
    pub module: Vec<String>,
    /// The enum's name.
    pub rust_name: String,
    /// Indices into [`Model::constructors`], in schema order.
    pub constructors: Vec<usize>,
    /// The enum variant of each constructor, parallel to `constructors`.
    pub variants: Vec<String>,
    /// A `//@class` description, if any.
    pub doc: Option<String>,
    /// Whether each variant holds its struct in a `Box` (decided by [`crate::graph`]).
    pub boxed_variants: Vec<bool>,
    /// Whether every variant allows `Eq` and `Hash`.
    pub eq: bool,
    /// A variant whose sample values never recurse into this type again.
    pub finite_variant: usize,
    /// Whether a value of this type can contain another one of it (through
    /// vectors too): only such types count decoding depth (decided by
    /// [`crate::graph`]).
    pub recursive: bool,
}

/// A constructor or a function.
#[derive(Clone, Debug)]
pub struct Combinator {
    /// The TL name (`phone.inviteToGroupCall`).
    pub tl_name: String,
    /// The wire id.
    pub id: u32,
    /// Module path below `types` or `functions`.
    pub module: Vec<String>,
    /// The struct's name.
    pub rust_name: String,
    /// For constructors: the index of its boxed type in [`Model::types`], if it has one.
    pub boxed_type: Option<usize>,
    /// Struct fields.
    pub fields: Vec<Field>,
    /// Parameters in wire order.
    pub wire: Vec<WireParam>,
    /// `{X:Type}` variables, which become generic parameters, by their Rust
    /// names (a keyword gets a `_`: `{type:Type}` → `type_`).
    pub type_params: Vec<String>,
    /// For functions: what the call returns.
    pub returns: Option<WireType>,
    /// Flags that are implied by a grouped value field: `(method, field)`.
    pub implied_flags: Vec<(String, usize)>,
    /// Doc comments from the schema.
    pub doc: Doc,
    /// The definition as canonical TL.
    pub tl_line: String,
    /// Whether every field allows `Eq` and `Hash` (decided by [`crate::graph`]).
    pub eq: bool,
    /// Whether every field allows `Default`.
    pub default: bool,
    /// Whether decoding it bare can recurse into itself, so it counts depth.
    pub recursive: bool,
    /// For functions: the errors the docs list for it.
    pub errors: Vec<ErrorVariant>,
}

impl Combinator {
    /// The encoding of the value in `field` (element `part` of a group).
    ///
    /// For the `field` and `part` of a [`WireParam::Value`] of this
    /// combinator, no schema text reaches the panics: `resolve` gives a
    /// `Value` without a part only to the `Plain` or `Optional` field it
    /// makes for it, and one with part `k` only to a `Group` that gets one
    /// part per value on its bit, so `k` is in range; when a value fails to
    /// resolve, so that a group lacks a part, the whole combinator is
    /// refused with that error (`tests/schema_text.rs` has such a schema).
    pub fn value_type(&self, field: usize, part: Option<usize>) -> &WireType {
        match (&self.fields[field].shape, part) {
            (FieldShape::Group(group), Some(p)) => &group.parts[p].wire,
            (FieldShape::Plain(w) | FieldShape::Optional(w), _) => w,
            (shape, _) => unreachable!("value param on field of shape {shape:?}"),
        }
    }

    /// Whether a field is optional or a flag, which gives the struct a `new`.
    pub fn has_optional_fields(&self) -> bool {
        self.fields
            .iter()
            .any(|f| !matches!(f.shape, FieldShape::Plain(_)))
    }

    /// Whether the struct has no fields.
    pub fn is_unit(&self) -> bool {
        self.fields.is_empty() && self.type_params.is_empty()
    }
}

/// One struct field.
#[derive(Clone, Debug)]
pub struct Field {
    /// The Rust name, unescaped: the emitter escapes keywords (`r#type`) with
    /// the crate's private `ident::ident`.
    pub name: String,
    /// The TL parameter names the field holds (several for a flag group).
    pub tl_names: Vec<String>,
    /// The field's shape.
    pub shape: FieldShape,
    /// Docs of the TL parameters, parallel to `tl_names`.
    pub docs: Vec<Option<String>>,
    /// The `flags.N?` that governs it, as text, for docs.
    pub condition: Option<String>,
}

/// How a field holds its value.
#[derive(Clone, Debug)]
pub enum FieldShape {
    /// Always present.
    Plain(WireType),
    /// `flags.N?T`: `Option<T>`.
    Optional(WireType),
    /// `flags.N?true`: `bool`.
    Flag,
    /// Several values on one flag bit: `Option<Group>`, present together.
    Group(Group),
}

/// The struct that holds the values sharing one flag bit, generated in a
/// module named after its constructor or function
/// (`types::message_fwd_header::SavedFrom`).
#[derive(Clone, Debug)]
pub struct Group {
    /// The module, a child of the combinator's own.
    pub module: String,
    /// The struct's name, unique in that module.
    pub rust_name: String,
    /// Its fields, in schema order (parallel to [`Field::tl_names`]).
    pub parts: Vec<GroupPart>,
    /// Whether every part allows `Eq` and `Hash` (decided by [`crate::graph`]).
    pub eq: bool,
    /// Whether every part allows `Default` (decided by [`crate::graph`]).
    pub default: bool,
}

/// One field of a [`Group`].
#[derive(Clone, Debug)]
pub struct GroupPart {
    /// The Rust name (unescaped), unique in the group.
    pub name: String,
    /// How the value is encoded.
    pub wire: WireType,
}

/// One TL parameter, in wire order.
#[derive(Clone, Debug)]
pub enum WireParam {
    /// A `#` field that flags refer to: computed from the fields on write.
    Flags {
        /// A unique local name.
        local: String,
        /// `(bit, field)` for every field governed by it.
        bits: Vec<(u32, usize)>,
    },
    /// A value stored in `field` (in element `part` of a group).
    Value {
        /// The index into [`Combinator::fields`].
        field: usize,
        /// The tuple element for a group.
        part: Option<usize>,
        /// `(flags local, bit)` when conditional.
        condition: Option<(String, u32)>,
    },
    /// A `flags.N?true`: nothing on the wire.
    TrueFlag {
        /// The `bool` field, if it has one of its own.
        field: Option<usize>,
        /// `(flags local, bit)`.
        condition: (String, u32),
    },
    /// MTProto's `bytes:int` before an `Object` body: the body's length, computed.
    LengthOf,
}

/// How a value is encoded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WireType {
    /// `int` (`i32`).
    Int,
    /// `long` (`i64`).
    Long,
    /// `double` (`f64`).
    Double,
    /// A `#` that nothing refers to (`u32`).
    Nat,
    /// `int128`/`int256`/`int512`: opaque `[u8; N]`.
    Fixed(usize),
    /// `string` (`String`).
    String,
    /// `bytes` (`Vec<u8>`).
    Bytes,
    /// Boxed `Bool` (`bool`).
    Bool,
    /// A boxed type: the enum at this index in [`Model::types`].
    Boxed {
        /// Index into [`Model::types`].
        index: usize,
        /// Held in a `Box` (decided by [`crate::graph`]).
        indirect: bool,
    },
    /// A bare constructor: the struct at this index in [`Model::constructors`].
    Bare {
        /// Index into [`Model::constructors`].
        index: usize,
        /// Held in a `Box`.
        indirect: bool,
    },
    /// `Vector<T>` (boxed, `bare == false`) or `vector<T>`.
    Vector {
        /// Lowercase `vector`: no id before the count.
        bare: bool,
        /// The items.
        item: Box<WireType>,
    },
    /// A `{X:Type}` variable, by its Rust name as in
    /// [`Combinator::type_params`].
    Var(String),
    /// `Object`: the raw bytes of any boxed value.
    Object(ObjectEnd),
    /// The boxed `True` (`true#3fedd339`), which functions such as TON's
    /// `overlay.query … = True` return.
    BoxedTrue,
}

/// Where an `Object` value ends, which its bytes alone cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectEnd {
    /// At the end of the input: the last field, or a function's answer.
    Rest,
    /// After as many bytes as the preceding `bytes:int` says (MTProto's `message`).
    Sized,
    /// Where the constructor it starts with ends: any constructor of this schema.
    Known,
}

impl WireType {
    /// The encoded size if it never varies.
    pub fn fixed_size(&self) -> Option<usize> {
        match self {
            WireType::Int | WireType::Nat | WireType::Bool | WireType::BoxedTrue => Some(4),
            WireType::Long | WireType::Double => Some(8),
            WireType::Fixed(n) => Some(*n),
            _ => None,
        }
    }
}
