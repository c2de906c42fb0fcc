//! What was parsed: the schema, its definitions, their parameters and types.
//!
//! Every node carries the [`Span`] of the text it came from. Two nodes compare
//! equal with [`PartialEq`] only if their spans are equal too; use
//! [`Definition::same_as`] to compare definitions while ignoring spans.

use crate::doc::Doc;
use crate::id::Dialect;
use crate::name::Name;
use crate::span::Span;

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
    pub params: Vec<Param>,
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
        for p in &mut self.params {
            p.clear_spans();
        }
        self.result.clear_spans();
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
    /// The bit number as written; validation checks it is within 0..=31.
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
