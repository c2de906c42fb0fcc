//! What a schema change does to code written against the Rust that `tl!`
//! generates: both schemas are resolved into tl-codegen's model, and the
//! structs, fields, enums and variants are compared item by item.
//!
//! The rules follow the generated code: every field is `pub`; a struct with
//! an optional field or a flag has `new(required fields…)` that leaves the
//! rest absent (so `T { x, ..T::new(a, b) }` survives a new optional field);
//! a boxed type is an enum with one variant per constructor.

use serde::Serialize;
use std::collections::BTreeMap;
use tl_codegen::model::{Combinator, FieldShape, Group, Model, WireType};
use tl_codegen::rust_ident;

/// How much user code a change breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceLevel {
    /// Nothing: the generated API is the same or only grows.
    None,
    /// Only exhaustive struct literals, patterns and `match`es.
    Exhaustive,
    /// Code that names, builds or matches the item.
    Breaking,
}

/// One change to the generated Rust.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RustChange {
    /// How much it breaks.
    pub level: SourceLevel,
    /// The Rust item (`types::User`, `enums::Updates`).
    pub item: String,
    /// What changed, for people.
    pub what: String,
}

/// Which TL name a Rust change belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    /// A constructor's struct or its enum variant.
    Constructor(String),
    /// A function's struct.
    Function(String),
    /// A boxed type's enum.
    Type(String),
}

/// Every change to the generated Rust from `old` to `new`, by the TL
/// definition or type it belongs to.
pub fn compare_models(old: &Model, new: &Model) -> BTreeMap<Owner, Vec<RustChange>> {
    let mut out: BTreeMap<Owner, Vec<RustChange>> = BTreeMap::new();
    let (old_view, new_view) = (View::new(old), View::new(new));
    for (name, &o) in &old_view.ctors {
        let owner = Owner::Constructor(name.to_string());
        let changes = match new_view.ctors.get(name) {
            Some(&n) => {
                let (oc, nc) = (&old.constructors[o], &new.constructors[n]);
                let mut c = combinator(&old_view, oc, &new_view, nc, Kind::Type);
                c.extend(variant(&old_view, o, &new_view, n));
                c
            }
            None => removed_ctor(&old_view, o, &new_view),
        };
        push(&mut out, owner, changes);
    }
    for (name, &n) in &new_view.ctors {
        if !old_view.ctors.contains_key(name) {
            let owner = Owner::Constructor(name.to_string());
            push(&mut out, owner, added_ctor(&old_view, &new_view, n));
        }
    }
    for (name, &o) in &old_view.functions {
        let owner = Owner::Function(name.to_string());
        let changes = match new_view.functions.get(name) {
            Some(&n) => combinator(
                &old_view,
                &old.functions[o],
                &new_view,
                &new.functions[n],
                Kind::Function,
            ),
            None => vec![RustChange {
                level: SourceLevel::Breaking,
                item: Kind::Function.path(&old.functions[o]),
                what: "removed".to_string(),
            }],
        };
        push(&mut out, owner, changes);
    }
    for (name, &o) in &old_view.types {
        if let Some(&n) = new_view.types.get(name) {
            let (old_path, new_path) = (old_view.enum_path(o), new_view.enum_path(n));
            if old_path != new_path {
                let change = RustChange {
                    level: SourceLevel::Breaking,
                    item: old_path,
                    what: format!("renamed to `{new_path}`"),
                };
                push(&mut out, Owner::Type(name.to_string()), vec![change]);
            }
        }
    }
    out
}

fn push(out: &mut BTreeMap<Owner, Vec<RustChange>>, owner: Owner, changes: Vec<RustChange>) {
    if !changes.is_empty() {
        out.entry(owner).or_default().extend(changes);
    }
}

/// Whether a struct is a constructor's or a function's: the top module of
/// its path.
#[derive(Clone, Copy)]
enum Kind {
    Type,
    Function,
}

impl Kind {
    /// `types::messages::Messages`, `functions::users::GetUsers`.
    fn path(self, c: &Combinator) -> String {
        item_path(self.top(), &c.module, &c.rust_name)
    }

    /// The struct of a flag group of `c`, in the module named after `c`.
    fn group_path(self, c: &Combinator, group: &Group) -> String {
        let mut module = c.module.clone();
        module.push(group.module.clone());
        item_path(self.top(), &module, &group.rust_name)
    }

    fn top(self) -> &'static str {
        match self {
            Kind::Type => "types",
            Kind::Function => "functions",
        }
    }
}

/// A model with its items found by TL name, and its types written as Rust.
struct View<'m> {
    model: &'m Model,
    /// Indices into [`Model::constructors`].
    ctors: BTreeMap<&'m str, usize>,
    /// Indices into [`Model::functions`].
    functions: BTreeMap<&'m str, usize>,
    /// Indices into [`Model::types`].
    types: BTreeMap<&'m str, usize>,
}

impl<'m> View<'m> {
    fn new(model: &'m Model) -> Self {
        let by_name = |list: &'m [Combinator]| {
            list.iter()
                .enumerate()
                .map(|(i, c)| (c.tl_name.as_str(), i))
                .collect()
        };
        View {
            model,
            ctors: by_name(&model.constructors),
            functions: by_name(&model.functions),
            types: model
                .types
                .iter()
                .enumerate()
                .map(|(i, t)| (t.tl_name.as_str(), i))
                .collect(),
        }
    }

    fn enum_path(&self, index: usize) -> String {
        let t = &self.model.types[index];
        item_path("enums", &t.module, &t.rust_name)
    }

    /// The Rust type holding a value, as the generated code spells it
    /// without the runtime's paths.
    fn rust_type(&self, w: &WireType) -> String {
        let boxed = |inner: String, indirect: bool| {
            if indirect {
                format!("Box<{inner}>")
            } else {
                inner
            }
        };
        match w {
            WireType::Int => "i32".to_string(),
            WireType::Long => "i64".to_string(),
            WireType::Double => "f64".to_string(),
            WireType::Nat => "u32".to_string(),
            WireType::Fixed(n) => format!("[u8; {n}]"),
            WireType::String => "String".to_string(),
            WireType::Bytes => "Vec<u8>".to_string(),
            WireType::Bool => "bool".to_string(),
            WireType::Boxed { index, indirect } => boxed(self.enum_path(*index), *indirect),
            WireType::Bare { index, indirect } => {
                let c = &self.model.constructors[*index];
                boxed(item_path("types", &c.module, &c.rust_name), *indirect)
            }
            WireType::Vector { item, .. } => format!("Vec<{}>", self.rust_type(item)),
            WireType::Var(v) => v.clone(),
            WireType::Object(_) => "RawObject".to_string(),
            WireType::BoxedTrue => "True".to_string(),
        }
    }

    fn field_type(&self, c: &Combinator, kind: Kind, shape: &FieldShape) -> String {
        match shape {
            FieldShape::Plain(w) => self.rust_type(w),
            FieldShape::Optional(w) => format!("Option<{}>", self.rust_type(w)),
            FieldShape::Flag => "bool".to_string(),
            FieldShape::Group(g) => format!("Option<{}>", kind.group_path(c, g)),
        }
    }

    /// `(enum path, type's TL name, variant, holds a Box)` of constructor
    /// `index`, if it has a boxed type.
    fn variant(&self, index: usize) -> Option<(String, &'m str, String, bool)> {
        let c = self.model.constructors.get(index)?;
        let t = c.boxed_type?;
        let ty = &self.model.types[t];
        let at = ty.constructors.iter().position(|&i| i == index)?;
        Some((
            self.enum_path(t),
            ty.tl_name.as_str(),
            ty.variants.get(at)?.clone(),
            ty.boxed_variants.get(at).copied().unwrap_or(false),
        ))
    }
}

impl View<'_> {
    /// Whether constructor `index` is the first of its boxed type.
    fn first_of_its_type(&self, index: usize) -> bool {
        self.model.constructors[index]
            .boxed_type
            .and_then(|t| self.model.types[t].constructors.first())
            == Some(&index)
    }
}

fn item_path(top: &str, module: &[String], name: &str) -> String {
    let mut path = top.to_string();
    for m in module {
        path.push_str("::");
        path.push_str(m);
    }
    path.push_str("::");
    path.push_str(name);
    path
}

/// The changes to one struct (and its flag groups and `RemoteCall::Return`).
fn combinator(
    ov: &View<'_>,
    o: &Combinator,
    nv: &View<'_>,
    n: &Combinator,
    kind: Kind,
) -> Vec<RustChange> {
    let mut out = Vec::new();
    let (old_path, new_path) = (kind.path(o), kind.path(n));
    let mut change = |level, what: String| {
        out.push(RustChange {
            level,
            item: new_path.clone(),
            what,
        })
    };
    if old_path != new_path {
        change(SourceLevel::Breaking, format!("renamed from `{old_path}`"));
    }
    if o.type_params != n.type_params {
        change(
            SourceLevel::Breaking,
            format!(
                "generic parameters <{}> -> <{}>",
                o.type_params.join(", "),
                n.type_params.join(", ")
            ),
        );
    }
    let struct_name = &n.rust_name;
    for f in &n.fields {
        let new_type = nv.field_type(n, kind, &f.shape);
        let Some(old_field) = o.fields.iter().find(|of| of.name == f.name) else {
            let (level, what) = match &f.shape {
                FieldShape::Plain(_) if o.has_optional_fields() => (
                    SourceLevel::Breaking,
                    format!(
                        "new required field `{}: {new_type}`, also a new argument of `{struct_name}::new`",
                        rust_ident(&f.name)
                    ),
                ),
                FieldShape::Plain(_) => (
                    SourceLevel::Breaking,
                    format!("new required field `{}: {new_type}`", rust_ident(&f.name)),
                ),
                shape => {
                    let what = match shape {
                        FieldShape::Flag => "flag",
                        _ => "optional field",
                    };
                    let note = if o.has_optional_fields() {
                        format!("`..{struct_name}::new(..)` still compiles")
                    } else {
                        format!("`{struct_name}` had no `new` before")
                    };
                    (
                        SourceLevel::Exhaustive,
                        format!("new {what} `{}: {new_type}` ({note})", rust_ident(&f.name)),
                    )
                }
            };
            change(level, what);
            continue;
        };
        let old_type = ov.field_type(o, kind, &old_field.shape);
        if old_type != new_type {
            change(
                SourceLevel::Breaking,
                format!(
                    "field `{}`: `{old_type}` -> `{new_type}`",
                    rust_ident(&f.name)
                ),
            );
        }
        if let (FieldShape::Group(og), FieldShape::Group(ng)) = (&old_field.shape, &f.shape) {
            for (what, level) in group_parts(ov, og, nv, ng) {
                change(level, format!("{}: {what}", kind.group_path(n, ng)));
            }
        }
    }
    for f in &o.fields {
        if !n.fields.iter().any(|nf| nf.name == f.name) {
            change(
                SourceLevel::Breaking,
                format!("field `{}` removed", rust_ident(&f.name)),
            );
        }
    }
    for (method, _) in &o.implied_flags {
        if !n.implied_flags.iter().any(|(m, _)| m == method) {
            change(
                SourceLevel::Breaking,
                format!("method `{method}()` removed"),
            );
        }
    }
    if let (Some(ret_old), Some(ret_new)) = (&o.returns, &n.returns) {
        let (ret_old, ret_new) = (ov.rust_type(ret_old), nv.rust_type(ret_new));
        if ret_old != ret_new {
            change(
                SourceLevel::Breaking,
                format!("returns `{ret_new}` instead of `{ret_old}`"),
            );
        }
    }
    out
}

/// The changes to the fields of a flag group's struct (which has no `new`:
/// its values are present together).
fn group_parts(ov: &View<'_>, og: &Group, nv: &View<'_>, ng: &Group) -> Vec<(String, SourceLevel)> {
    let mut out = Vec::new();
    for p in &ng.parts {
        let new_type = nv.rust_type(&p.wire);
        match og.parts.iter().find(|op| op.name == p.name) {
            None => out.push((
                format!("new field `{}: {new_type}`", rust_ident(&p.name)),
                SourceLevel::Breaking,
            )),
            Some(op) => {
                let old_type = ov.rust_type(&op.wire);
                if old_type != new_type {
                    out.push((
                        format!(
                            "field `{}`: `{old_type}` -> `{new_type}`",
                            rust_ident(&p.name)
                        ),
                        SourceLevel::Breaking,
                    ));
                }
            }
        }
    }
    for p in &og.parts {
        if !ng.parts.iter().any(|np| np.name == p.name) {
            out.push((
                format!("field `{}` removed", rust_ident(&p.name)),
                SourceLevel::Breaking,
            ));
        }
    }
    out
}

/// A constructor in both models: its enum variant.
fn variant(ov: &View<'_>, o: usize, nv: &View<'_>, n: usize) -> Vec<RustChange> {
    let (Some(old), Some(new)) = (ov.variant(o), nv.variant(n)) else {
        return Vec::new();
    };
    let (old_enum, old_type, old_variant, old_boxed) = old;
    let (new_enum, new_type, new_variant, new_boxed) = new;
    let mut out = Vec::new();
    if old_type != new_type {
        out.push(RustChange {
            level: SourceLevel::Breaking,
            item: format!("{old_enum}::{old_variant}"),
            what: format!("moved to `{new_enum}::{new_variant}`"),
        });
    } else if old_variant != new_variant {
        out.push(RustChange {
            level: SourceLevel::Breaking,
            item: format!("{old_enum}::{old_variant}"),
            what: format!("renamed to `{new_variant}`"),
        });
    } else if old_boxed != new_boxed {
        let struct_path = Kind::Type.path(&nv.model.constructors[n]);
        let what = if new_boxed {
            format!("now holds `Box<{struct_path}>`")
        } else {
            format!("now holds `{struct_path}`, no longer boxed")
        };
        out.push(RustChange {
            level: SourceLevel::Breaking,
            item: format!("{new_enum}::{new_variant}"),
            what,
        });
    }
    out
}

/// A constructor only the new model has: a new variant of an existing enum.
fn added_ctor(ov: &View<'_>, nv: &View<'_>, n: usize) -> Vec<RustChange> {
    match nv.variant(n) {
        Some((enum_path, type_name, variant, _)) if ov.types.contains_key(type_name) => {
            vec![RustChange {
                level: SourceLevel::Exhaustive,
                item: enum_path,
                what: format!("new variant `{variant}`"),
            }]
        }
        _ => Vec::new(),
    }
}

/// A constructor only the old model has: its struct, and its variant or its
/// whole enum.
fn removed_ctor(ov: &View<'_>, o: usize, nv: &View<'_>) -> Vec<RustChange> {
    let mut out = vec![RustChange {
        level: SourceLevel::Breaking,
        item: Kind::Type.path(&ov.model.constructors[o]),
        what: "removed".to_string(),
    }];
    if let Some((enum_path, type_name, variant, _)) = ov.variant(o) {
        if nv.types.contains_key(type_name) {
            out.push(RustChange {
                level: SourceLevel::Breaking,
                item: format!("{enum_path}::{variant}"),
                what: "variant removed".to_string(),
            });
        } else if ov.first_of_its_type(o) {
            // Told once, with the first of the constructors that went.
            out.push(RustChange {
                level: SourceLevel::Breaking,
                item: enum_path,
                what: "removed (no constructor left)".to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tl_parser::SourceFile;

    fn model(text: &str) -> Model {
        let file = SourceFile::new("inline.tl", text);
        let options = tl_codegen::Options {
            allow_id_mismatch: vec!["*".to_string()],
            ..tl_codegen::Options::default()
        };
        tl_codegen::resolve(&[file], &options)
            .expect("test schema resolves")
            .model
    }

    /// `(level, item, what)` of every change, flattened.
    fn changes(old: &str, new: &str) -> Vec<(SourceLevel, String, String)> {
        compare_models(&model(old), &model(new))
            .into_values()
            .flatten()
            .map(|c| (c.level, c.item, c.what))
            .collect()
    }

    fn levels(old: &str, new: &str) -> Vec<(SourceLevel, String)> {
        changes(old, new)
            .into_iter()
            .map(|(level, item, what)| (level, format!("{item}: {what}")))
            .collect()
    }

    const BASE: &str = "u#00000001 flags:# id:long name:flags.0?string = U;\n";

    #[test]
    fn a_new_optional_field_breaks_only_exhaustive_literals() {
        let l = levels(
            BASE,
            "u#00000002 flags:# id:long name:flags.0?string linked:flags.1?long = U;\n",
        );
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].0, SourceLevel::Exhaustive);
        assert_eq!(
            l[0].1,
            "types::U: new optional field `linked: Option<i64>` (`..U::new(..)` still compiles)"
        );
    }

    #[test]
    fn a_first_optional_field_says_there_was_no_new() {
        let l = levels(
            "u#00000001 id:long = U;\n",
            "u#00000002 flags:# id:long x:flags.0?true = U;\n",
        );
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].0, SourceLevel::Exhaustive);
        assert_eq!(
            l[0].1,
            "types::U: new flag `x: bool` (`U` had no `new` before)"
        );
    }

    #[test]
    fn a_new_required_field_breaks_new_and_literals() {
        let l = levels(
            BASE,
            "u#00000002 flags:# id:long name:flags.0?string extra:int = U;\n",
        );
        assert_eq!(
            l,
            [(
                SourceLevel::Breaking,
                "types::U: new required field `extra: i32`, also a new argument of `U::new`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn removed_retyped_and_renamed_fields_break() {
        let l = levels(
            "u#00000001 flags:# id:long name:flags.0?string old:int = U;\n",
            "u#00000002 flags:# id:int name:flags.0?string new:int = U;\n",
        );
        let texts: Vec<_> = l.iter().map(|(_, t)| t.as_str()).collect();
        assert!(l.iter().all(|(level, _)| *level == SourceLevel::Breaking));
        assert_eq!(
            texts,
            [
                "types::U: field `id`: `i64` -> `i32`",
                "types::U: new required field `new: i32`, also a new argument of `U::new`",
                "types::U: field `old` removed",
            ]
        );
    }

    #[test]
    fn a_field_of_a_group_is_reported_on_the_group_struct() {
        let l = levels(
            "m#00000001 flags:# a_peer:flags.0?int a_id:flags.0?int = M;\n",
            "m#00000002 flags:# a_peer:flags.0?int a_id:flags.0?int a_extra:flags.0?long = M;\n",
        );
        assert_eq!(
            l,
            [(
                SourceLevel::Breaking,
                "types::M: types::m::A: new field `a_extra: i64`".to_string()
            )]
        );
    }

    #[test]
    fn new_and_removed_variants_and_types() {
        let old = "a#00000001 = T;\nb#00000002 = T;\ngone#00000003 = G;\ngone2#00000007 = G;\n\
                   ---functions---\nf#00000004 = T;\n";
        let new = "a#00000001 = T;\nb#00000002 = T;\nc#00000005 = T;\n";
        let l = levels(old, new);
        assert_eq!(
            l,
            [
                (
                    SourceLevel::Exhaustive,
                    "enums::T: new variant `C`".to_string()
                ),
                (SourceLevel::Breaking, "types::Gone: removed".to_string()),
                (
                    SourceLevel::Breaking,
                    "enums::G: removed (no constructor left)".to_string()
                ),
                (SourceLevel::Breaking, "types::Gone2: removed".to_string()),
                (SourceLevel::Breaking, "functions::F: removed".to_string()),
            ]
        );
    }

    #[test]
    fn a_removed_variant_and_a_changed_return_type_break() {
        let old = "a#00000001 = T;\nb#00000002 = T;\n---functions---\nf#00000004 = T;\n";
        let new = "a#00000001 = T;\n---functions---\nf#00000006 = Vector<T>;\n";
        let l = levels(old, new);
        assert_eq!(
            l,
            [
                (SourceLevel::Breaking, "types::B: removed".to_string()),
                (
                    SourceLevel::Breaking,
                    "enums::T::B: variant removed".to_string()
                ),
                (
                    SourceLevel::Breaking,
                    "functions::F: returns `Vec<enums::T>` instead of `enums::T`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_constructor_moved_to_another_type_breaks_its_variant() {
        let l = levels(
            "a#00000001 = T;\nb#00000002 = T;\n",
            "a#00000001 = T;\nb#00000002 = S;\n",
        );
        assert_eq!(
            l,
            [(
                SourceLevel::Breaking,
                "enums::T::B: moved to `enums::S::B`".to_string()
            )]
        );
    }

    #[test]
    fn an_unchanged_schema_changes_nothing() {
        assert!(levels(BASE, BASE).is_empty());
    }
}
