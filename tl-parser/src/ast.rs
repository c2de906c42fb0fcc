//! What was parsed: the schema, its definitions, their parameters and types.
//!
//! Every node carries the [`Span`] of the text it came from. Two nodes compare
//! equal with [`PartialEq`] only if their spans are equal too; use
//! [`Definition::same_as`] to compare definitions while ignoring spans.

use crate::doc::Doc;
use crate::id::Dialect;
use crate::name::Name;
use crate::span::Span;
use core::fmt;
use core::ops::{Deref, Range};
use std::sync::Arc;

/// A parsed schema file.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Every definition, in file order.
    pub definitions: Vec<Definition>,
    /// The layer declared by a `// LAYER N` line, if any.
    pub layer: Option<u32>,
    /// The dialect whose id rule was used to compute ids.
    pub dialect: Dialect,
    /// TDLib-style `//@class Name @description …` docs of boxed types.
    pub type_docs: Vec<TypeDoc>,
}

impl Schema {
    /// Constructors: definitions in a types section, builtins excluded.
    pub fn constructors(&self) -> impl Iterator<Item = &Definition> {
        self.definitions
            .iter()
            .filter(|d| d.section == Section::Types && !d.builtin)
    }

    /// Definitions in a functions section.
    pub fn functions(&self) -> impl Iterator<Item = &Definition> {
        self.definitions
            .iter()
            .filter(|d| d.section == Section::Functions)
    }

    /// The definition called `name`, if any.
    pub fn definition(&self, name: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.name.text == name)
    }

    /// The `//@class` doc of boxed type `name`, if any.
    pub fn type_doc(&self, name: &str) -> Option<&TypeDoc> {
        self.type_docs.iter().find(|d| d.name == name)
    }
}

/// The section a definition appears in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Section {
    /// `---types---` (the default at the start of a file): constructors.
    #[default]
    Types,
    /// `---functions---`: RPC functions.
    Functions,
}

/// One `combinator = Type;` definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    /// The full name, with its namespace (`phone.inviteToGroupCall`).
    pub name: Ident,
    /// The `#id` written in the text, if any.
    pub declared_id: Option<DeclaredId>,
    /// The id computed from the normalized text under the schema's dialect.
    pub computed_id: u32,
    /// `{X:Type}` parameters.
    pub type_params: Vec<TypeParam>,
    /// The parameters, in order.
    pub params: Params,
    /// The result type after `=`.
    pub result: TypeExpr,
    /// A builtin line such as `int ? = Int;`.
    pub builtin: bool,
    /// The section the definition appears in.
    pub section: Section,
    /// The layer, from `// LAYER N` (whole file) or `// layer N` (later lines).
    pub layer: Option<u32>,
    /// Doc comments written directly above the definition.
    pub doc: Doc,
    /// The whole definition, from its name to its `;`.
    pub span: Span,
}

impl Definition {
    /// The id used on the wire: the declared one if present, else the computed one.
    pub fn id(&self) -> u32 {
        self.declared_id.map_or(self.computed_id, |d| d.value)
    }

    /// Whether this is a function (from a functions section).
    pub fn is_function(&self) -> bool {
        self.section == Section::Functions
    }

    /// Compares two definitions, ignoring spans.
    pub fn same_as(&self, other: &Definition) -> bool {
        self.without_spans() == other.without_spans()
    }

    /// A copy with every span zeroed.
    pub fn without_spans(&self) -> Definition {
        let mut d = self.clone();
        d.clear_spans();
        d
    }

    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.name.span = Span::default();
        if let Some(id) = &mut self.declared_id {
            id.span = Span::default();
        }
        for p in &mut self.type_params {
            p.span = Span::default();
            p.name.span = Span::default();
            p.kind.clear_spans();
        }
        for p in self.params.make_mut() {
            p.clear_spans();
        }
        self.result.clear_spans();
    }
}

/// The parameters of a definition, read as a `&[Param]` (through `Deref`).
///
/// The parser keeps the parameters of all of a schema's definitions in one
/// shared buffer, and each definition's `Params` is its range of that buffer:
/// parsing then allocates once for all parameter lists instead of once per
/// definition, and cloning a definition shares its parameters. A `Params`
/// built from a `Vec` has a buffer of its own.
#[derive(Clone)]
pub struct Params {
    store: Arc<Vec<Param>>,
    start: usize,
    end: usize,
}

impl Params {
    /// `store[range]`, for the parser. The range must lie within the store
    /// once the store is final (see [`Params::set_store`]).
    pub(crate) fn in_store(store: &Arc<Vec<Param>>, range: Range<usize>) -> Params {
        Params {
            store: Arc::clone(store),
            start: range.start,
            end: range.end,
        }
    }

    /// Points this list's range at `store`, the buffer it was parsed into.
    pub(crate) fn set_store(&mut self, store: &Arc<Vec<Param>>) {
        self.store = Arc::clone(store);
    }

    /// The parameters.
    #[inline]
    pub fn as_slice(&self) -> &[Param] {
        &self.store[self.start..self.end]
    }

    /// The parameters, mutably. A list that shares its buffer first gets a
    /// copy of its own range, so no other definition sees the change.
    pub fn make_mut(&mut self) -> &mut [Param] {
        let whole = self.start == 0 && self.end == self.store.len();
        if !whole || Arc::get_mut(&mut self.store).is_none() {
            *self = Params::from(self.as_slice().to_vec());
        }
        // The buffer is now this list's alone and holds exactly its
        // parameters: `make_mut` hands it out without copying.
        Arc::make_mut(&mut self.store).as_mut_slice()
    }
}

impl From<Vec<Param>> for Params {
    fn from(params: Vec<Param>) -> Params {
        let end = params.len();
        Params {
            store: Arc::new(params),
            start: 0,
            end,
        }
    }
}

impl FromIterator<Param> for Params {
    fn from_iter<I: IntoIterator<Item = Param>>(iter: I) -> Params {
        Params::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Default for Params {
    fn default() -> Params {
        Params::from(Vec::new())
    }
}

impl Deref for Params {
    type Target = [Param];

    #[inline]
    fn deref(&self) -> &[Param] {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = &'a Param;
    type IntoIter = core::slice::Iter<'a, Param>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialEq for Params {
    fn eq(&self, other: &Params) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// A name as written, with its span.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    /// The text, e.g. `messages.sendMessage`.
    pub text: Name,
    /// Where it was written.
    pub span: Span,
}

impl Ident {
    /// The namespace parts before the last dot (`["messages"]`).
    pub fn namespace(&self) -> impl Iterator<Item = &str> {
        let ns = self.text.rsplit_once('.').map_or("", |(ns, _)| ns);
        ns.split('.').filter(|s| !s.is_empty())
    }

    /// The part after the last dot (`sendMessage`).
    pub fn base(&self) -> &str {
        let text = self.text.as_str();
        // A byte scan: names are short, and `rsplit_once` sets up a searcher.
        match text.bytes().rposition(|b| b == b'.') {
            Some(dot) => &text[dot + 1..],
            None => text,
        }
    }
}

/// An explicit `#id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DeclaredId {
    /// The id's value.
    pub value: u32,
    /// The span of `#` and the hex digits.
    pub span: Span,
}

/// A `{X:Type}` type parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam {
    /// The variable (`X`).
    pub name: Ident,
    /// Its kind (`Type`, or `#` for a nat variable).
    pub kind: TypeExpr,
    /// The span of the braces and their contents.
    pub span: Span,
}

/// One parameter (field) of a definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The field name; `None` for anonymous parameters such as the `#` in `vector`.
    pub name: Option<Ident>,
    /// What the field holds.
    pub ty: ParamType,
    /// The span of the whole parameter.
    pub span: Span,
}

impl Param {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        if let Some(n) = &mut self.name {
            n.span = Span::default();
        }
        match &mut self.ty {
            ParamType::Nat => {}
            ParamType::Type { ty, .. } => ty.clear_spans(),
            ParamType::Conditional { flag, ty } => {
                flag.span = Span::default();
                flag.field.span = Span::default();
                ty.clear_spans();
            }
            ParamType::Repeat { count, params } => {
                if let Some(Multiplier::Var(v)) = count {
                    v.span = Span::default();
                }
                for p in params {
                    p.clear_spans();
                }
            }
        }
    }

    /// The flag this parameter depends on, if it is conditional.
    pub fn flag(&self) -> Option<&FlagRef> {
        match &self.ty {
            ParamType::Conditional { flag, .. } => Some(flag),
            _ => None,
        }
    }

    /// The parameter's type expression (`None` for `#` and repetitions).
    pub fn type_expr(&self) -> Option<&TypeExpr> {
        match &self.ty {
            ParamType::Type { ty, .. } | ParamType::Conditional { ty, .. } => Some(ty),
            _ => None,
        }
    }

    /// The name, or an empty string for anonymous parameters.
    pub fn name_str(&self) -> &str {
        self.name.as_ref().map_or("", |n| n.text.as_str())
    }
}

/// What a parameter holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamType {
    /// `#`: a natural number, used for flags or counts.
    Nat,
    /// A plain type; `bang` is the `!` of `query:!X`.
    Type {
        /// Whether the type was written `!X`.
        bang: bool,
        /// The type.
        ty: TypeExpr,
    },
    /// `flags.N?T`: present only when bit `N` of `flags` is set.
    Conditional {
        /// The flag (`flags.N`).
        flag: FlagRef,
        /// The type when present (`true` for a pure flag).
        ty: TypeExpr,
    },
    /// `[ t ]` or `N*[ t ]`: a repetition.
    Repeat {
        /// The multiplier before `*`, if written.
        count: Option<Multiplier>,
        /// The repeated parameters.
        params: Vec<Param>,
    },
}

/// The multiplier of `N*[ … ]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Multiplier {
    /// A literal count (`4*[ int ]`).
    Number(u32),
    /// A nat variable.
    Var(Ident),
}

/// `flags.N?`: a reference to bit `N` of a `#` field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagRef {
    /// The `#` field (`flags`, `flags2`, TON's `mode`).
    pub field: Ident,
    /// The bit number as written; validation checks it is within 0..=30.
    pub bit: u32,
    /// The span of `flags.N?`.
    pub span: Span,
}

/// A type expression: `int`, `Vector<User>`, `(vector adnl.Message)`, `%Message`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    /// The type's name (`Vector`, `messages.Messages`, `X`).
    pub name: Ident,
    /// The `%` bare marker.
    pub bare: bool,
    /// Type arguments.
    pub args: Vec<TypeExpr>,
    /// How the arguments were written.
    pub syntax: TypeSyntax,
    /// The span of the whole expression.
    pub span: Span,
}

/// How a type expression's arguments were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TypeSyntax {
    /// No arguments, or `Vector t` (arguments after a space).
    #[default]
    Plain,
    /// `Vector<T>`.
    Angle,
    /// `(vector T)`.
    Paren,
}

impl TypeExpr {
    /// A plain named type without arguments.
    pub fn named(name: Ident) -> Self {
        let span = name.span;
        TypeExpr {
            name,
            bare: false,
            args: Vec::new(),
            syntax: TypeSyntax::Plain,
            span,
        }
    }

    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.name.span = Span::default();
        for a in &mut self.args {
            a.clear_spans();
        }
    }

    /// Whether the name is `Vector` or `vector` with one argument.
    pub fn vector_item(&self) -> Option<&TypeExpr> {
        match (self.name.text.as_str(), self.args.as_slice()) {
            ("Vector" | "vector", [item]) => Some(item),
            _ => None,
        }
    }

    /// Calls `f` on this expression and every nested argument.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a TypeExpr)) {
        f(self);
        for a in &self.args {
            a.walk(f);
        }
    }
}

/// The `//@class Name @description …` doc of a boxed type (TDLib style).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDoc {
    /// The boxed type's name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// The span of the comment block.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_str;

    fn names(params: &[Param]) -> Vec<&str> {
        params.iter().map(Param::name_str).collect()
    }

    #[test]
    fn definitions_read_their_own_range_of_the_shared_buffer() {
        let schema = parse_str("a x:int y:long = A;\nb = B;\nc z:string = C;\n").schema;
        let [a, b, c] = &schema.definitions[..] else {
            panic!("three definitions expected");
        };
        assert_eq!(names(&a.params), ["x", "y"]);
        assert!(b.params.is_empty());
        assert_eq!(names(&c.params), ["z"]);
        assert_eq!(
            c.params[0].type_expr().map(|t| t.name.text.as_str()),
            Some("string")
        );
        assert_eq!((&a.params).into_iter().count(), 2);
        assert!(Arc::ptr_eq(&a.params.store, &c.params.store));
    }

    #[test]
    fn a_definition_that_fails_to_parse_leaves_no_parameters_behind() {
        let parsed =
            parse_str("a x:int y:long = ;\nb z:int = B;\nc w:int [ bad = C;\nd v:int = D;");
        let defs = &parsed.schema.definitions;
        assert_eq!(defs.len(), 2, "{:?}", parsed.diagnostics);
        assert_eq!(names(&defs[0].params), ["z"]);
        assert_eq!(names(&defs[1].params), ["v"]);
        assert_eq!(defs[0].params.store.len(), 2);
    }

    #[test]
    fn make_mut_copies_a_shared_range_and_leaves_the_others_alone() {
        let schema = parse_str("a x:int = A;\nb y:int z:int = B;\n").schema;
        let mut b = schema.definitions[1].clone();
        b.params.make_mut()[0].name = None;
        assert_eq!(names(&b.params), ["", "z"]);
        assert_eq!(names(&schema.definitions[1].params), ["y", "z"]);
        assert_eq!(names(&schema.definitions[0].params), ["x"]);
        assert!(!Arc::ptr_eq(
            &b.params.store,
            &schema.definitions[1].params.store
        ));
        // A list with a buffer of its own is changed in place.
        let store = Arc::as_ptr(&b.params.store);
        b.params.make_mut()[1].name = None;
        assert_eq!(Arc::as_ptr(&b.params.store), store);
        assert_eq!(names(&b.params), ["", ""]);
    }

    #[test]
    fn lists_compare_and_print_as_slices() {
        let schema = parse_str("a x:int = A;\nb x:int = B;\n").schema;
        let (a, b) = (&schema.definitions[0].params, &schema.definitions[1].params);
        let own: Params = a.iter().cloned().collect();
        assert_eq!(own, *a);
        assert_eq!(format!("{own:?}"), format!("{:?}", a.as_slice()));
        // Same text, different spans.
        assert_ne!(a, b);
        assert_eq!(Params::default(), Params::from(Vec::new()));
        assert!(schema.definitions[0].same_as(&schema.definitions[0].clone()));
    }
}
