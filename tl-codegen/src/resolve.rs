//! From the parser's AST to the [`Model`]: which definitions become code, what
//! every type reference means, and how flags map to fields.

use crate::ident::{camel, snake, type_param, Scope};
use crate::model::{
    BoxedType, Combinator, Field, FieldShape, Group, GroupPart, Model, ObjectEnd, WireParam,
    WireType,
};
use std::collections::{BTreeSet, HashMap};
use tl_parser::{Code, Definition, Diagnostic, ParamType, Schema, Section, TypeExpr};

/// Boxed names of builtin types: their constructors are the runtime's primitives
/// and produce no code.
const BUILTIN_RESULTS: &[&str] = &[
    "Int",
    "Long",
    "Double",
    "String",
    "Bytes",
    "Int128",
    "Int256",
    "Int512",
    "Int32",
    "Int53",
    "Int64",
    "True",
    "Bool",
    "Vector",
    "SecureString",
    "SecureBytes",
    "Object",
    "Function",
    "Type",
];

/// Resolves `schema`; `only` (if not empty) keeps these definitions and what they reach.
pub fn resolve(schema: &Schema, only: &[String]) -> Result<Model, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let defs: Vec<&Definition> = schema
        .definitions
        .iter()
        .filter(|d| {
            let builtin_result = d.section == Section::Types
                && BUILTIN_RESULTS.contains(&d.result.name.text.as_str());
            !d.builtin && !builtin_result
        })
        .collect();
    let defs = if only.is_empty() {
        defs
    } else {
        reachable(&defs, only)
    };

    let mut model = Model {
        layer: schema.layer,
        dialect: schema.dialect,
        ..Model::default()
    };

    // Boxed types, in order of first appearance, and their constructors.
    let mut type_index: HashMap<&str, usize> = HashMap::new();
    let mut ctor_index: HashMap<&str, usize> = HashMap::new();
    let mut module_scopes: HashMap<(u8, Vec<String>), Scope> = HashMap::new();
    let ctors: Vec<&Definition> = defs
        .iter()
        .copied()
        .filter(|d| d.section == Section::Types)
        .collect();
    let functions: Vec<&Definition> = defs
        .iter()
        .copied()
        .filter(|d| d.section == Section::Functions)
        .collect();
    // A module and an item of one module share Rust's type namespace: the
    // struct of `_1x = T;` and the module of `_1x.a = T;` are both `_1x`. The
    // namespaces' modules keep their names and the items yield.
    let kinds: [(u8, Vec<&str>); 3] = [
        (
            0,
            ctors.iter().map(|d| d.result.name.text.as_str()).collect(),
        ),
        (1, ctors.iter().map(|d| d.name.text.as_str()).collect()),
        (2, functions.iter().map(|d| d.name.text.as_str()).collect()),
    ];
    for (kind, names) in &kinds {
        for name in names {
            let module = namespace(name);
            for depth in 0..module.len() {
                module_scopes
                    .entry((*kind, module[..depth].to_vec()))
                    .or_default()
                    .take(&module[depth]);
            }
        }
    }
    for def in &ctors {
        let result = def.result.name.text.as_str();
        if result != "Object" && !type_index.contains_key(result) {
            let module = namespace(result);
            let name = module_scopes
                .entry((0, module.clone()))
                .or_default()
                .claim(camel(base(result)));
            type_index.insert(result, model.types.len());
            model.types.push(BoxedType {
                tl_name: result.to_string(),
                module,
                rust_name: name,
                constructors: Vec::new(),
                variants: Vec::new(),
                doc: schema.type_doc(result).map(|d| d.description.clone()),
                boxed_variants: Vec::new(),
                eq: true,
                finite_variant: 0,
                recursive: false,
            });
        }
        ctor_index.insert(def.name.text.as_str(), ctor_index.len());
    }
    let resolver = Resolver {
        types: &type_index,
        ctors: &ctor_index,
        ctor_defs: &ctors,
    };

    for (kind, list) in [(1u8, &ctors), (2u8, &functions)] {
        for def in list.iter() {
            let module = namespace(&def.name.text);
            let rust_name = module_scopes
                .entry((kind, module.clone()))
                .or_default()
                .claim(camel(def.name.base()));
            match resolver.combinator(def, module, rust_name) {
                Ok(mut c) => {
                    if kind == 1 {
                        c.boxed_type = type_index.get(def.result.name.text.as_str()).copied();
                        if let Some(t) = c.boxed_type {
                            model.types[t].constructors.push(model.constructors.len());
                        }
                        model.constructors.push(c);
                    } else {
                        model.functions.push(c);
                    }
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    name_groups(&mut model, &mut module_scopes);
    for t in 0..model.types.len() {
        let variants = variant_names(&model, t);
        model.types[t].variants = variants;
    }
    if errors.is_empty() {
        Ok(model)
    } else {
        Err(errors)
    }
}

/// Names the structs of flag groups. They live in a module named after the
/// struct they belong to (`types::message_fwd_header::SavedFrom`), as prost
/// nests messages, so they never take the name of a constructor; the module
/// yields to the namespace modules and items of its module, which `modules`
/// holds.
fn name_groups(model: &mut Model, modules: &mut HashMap<(u8, Vec<String>), Scope>) {
    for (kind, list) in [(1u8, &mut model.constructors), (2u8, &mut model.functions)] {
        for c in list.iter_mut() {
            if !c
                .fields
                .iter()
                .any(|f| matches!(f.shape, FieldShape::Group(_)))
            {
                continue;
            }
            let module = modules
                .entry((kind, c.module.clone()))
                .or_default()
                .claim(snake(&c.rust_name));
            let mut names = Scope::default();
            for f in &mut c.fields {
                if let FieldShape::Group(group) = &mut f.shape {
                    group.module = module.clone();
                    group.rust_name = names.claim(camel(&f.name));
                }
            }
        }
    }
}

/// Enum variant names: the constructor's name without the type's name in front
/// where that leaves a name (`inputPeerEmpty` in `InputPeer` → `Empty`).
fn variant_names(model: &Model, t: usize) -> Vec<String> {
    let ty = &model.types[t];
    let mut scope = Scope::default();
    let full: Vec<String> = ty
        .constructors
        .iter()
        .map(|&c| camel(base(&model.constructors[c].tl_name)))
        .collect();
    // Strip only if every stripped name stays unique and valid.
    let stripped: Vec<Option<String>> = full
        .iter()
        .map(|n| {
            n.strip_prefix(&ty.rust_name)
                .filter(|rest| {
                    rest.starts_with(|c: char| c.is_ascii_uppercase()) && *rest != "Self"
                })
                .map(str::to_string)
        })
        .collect();
    full.iter()
        .zip(stripped)
        .map(|(f, s)| {
            let candidate = s.filter(|s| !full.contains(s)).unwrap_or_else(|| f.clone());
            scope.claim(candidate)
        })
        .collect()
}

/// Module path for a TL name: its namespace parts in snake case.
fn namespace(name: &str) -> Vec<String> {
    match name.rsplit_once('.') {
        Some((ns, _)) => ns.split('.').map(snake).collect(),
        None => Vec::new(),
    }
}

fn base(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(_, b)| b)
}

/// `only` plus everything the kept definitions refer to.
fn reachable<'a>(defs: &[&'a Definition], only: &[String]) -> Vec<&'a Definition> {
    let mut keep: BTreeSet<usize> = BTreeSet::new();
    let mut work: Vec<usize> = defs
        .iter()
        .enumerate()
        .filter(|(_, d)| only.iter().any(|o| o == &d.name.text))
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = work.pop() {
        if !keep.insert(i) {
            continue;
        }
        let mut names = Vec::new();
        let def = defs[i];
        for p in &def.params {
            if let Some(t) = p.type_expr() {
                t.walk(&mut |t: &TypeExpr| names.push(t.name.text.clone()));
            }
        }
        if def.section == Section::Functions {
            def.result
                .walk(&mut |t: &TypeExpr| names.push(t.name.text.clone()));
        }
        for (j, d) in defs.iter().enumerate() {
            let by_type = d.section == Section::Types && names.contains(&d.result.name.text);
            let by_name = d.section == Section::Types && names.contains(&d.name.text);
            if (by_type || by_name) && !keep.contains(&j) {
                work.push(j);
            }
        }
    }
    keep.into_iter().map(|i| defs[i]).collect()
}

struct Resolver<'a> {
    types: &'a HashMap<&'a str, usize>,
    ctors: &'a HashMap<&'a str, usize>,
    ctor_defs: &'a [&'a Definition],
}

impl Resolver<'_> {
    fn combinator(
        &self,
        def: &Definition,
        module: Vec<String>,
        rust_name: String,
    ) -> Result<Combinator, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        // `(TL name, Rust name)` of each type variable.
        let mut var_names = Scope::default();
        let type_params: Vec<(String, String)> = def
            .type_params
            .iter()
            .map(|t| {
                let rust = var_names.claim(type_param(&t.name.text));
                (t.name.text.to_string(), rust)
            })
            .collect();
        if def.section == Section::Types && !type_params.is_empty() {
            errors.push(unsupported(
                def,
                def.span,
                "a generic constructor (`{X:Type}` outside functions)",
            ));
        }

        // Which `#` fields flags refer to, and which fields share a bit.
        let mut flag_fields: HashMap<&str, Vec<(u32, usize)>> = HashMap::new();
        let mut bits: Vec<((&str, u32), Vec<usize>)> = Vec::new();
        for (i, p) in def.params.iter().enumerate() {
            if let Some(flag) = p.flag() {
                flag_fields.entry(flag.field.text.as_str()).or_default();
                let key = (flag.field.text.as_str(), flag.bit);
                match bits.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, members)) => members.push(i),
                    None => bits.push((key, vec![i])),
                }
            }
        }

        let mut scope = Scope::default();
        let mut fields: Vec<Field> = Vec::new();
        let mut wire: Vec<WireParam> = Vec::new();
        // `(method, param)`: a `true` flag implied by the values on its bit.
        let mut implied: Vec<(String, usize)> = Vec::new();
        // The field that holds each parameter.
        let mut param_field: HashMap<usize, usize> = HashMap::new();
        let mut nat_locals: HashMap<&str, String> = HashMap::new();
        // The locals of flags words: `nat_flags`, told apart when two `#`
        // fields convert alike (`flags` and `Flags`).
        let mut locals = Scope::default();
        // The methods of `true` flags implied by values; `new` is the
        // struct's constructor.
        let mut methods = Scope::default();
        methods.take("new");
        // The names taken in each group's struct, by field.
        let mut group_scopes: HashMap<usize, Scope> = HashMap::new();

        for (i, p) in def.params.iter().enumerate() {
            let name = p.name_str();
            let doc = def.doc.field(name).map(str::to_string);
            match &p.ty {
                ParamType::Nat if flag_fields.contains_key(name) => {
                    let local = locals.claim(format!("nat_{}", snake(name)));
                    nat_locals.insert(name, local.clone());
                    wire.push(WireParam::Flags {
                        local,
                        bits: Vec::new(),
                    });
                }
                ParamType::Nat => {
                    let f = push_field(
                        &mut fields,
                        &mut scope,
                        &[name],
                        FieldShape::Plain(WireType::Nat),
                        vec![doc],
                        None,
                    );
                    wire.push(WireParam::Value {
                        field: f,
                        part: None,
                        condition: None,
                    });
                }
                // An unconditional `true` carries nothing; it has no field.
                ParamType::Type { ty, .. } if is_true(ty) => {}
                ParamType::Type { ty, .. } => {
                    let next_is_object = def
                        .params
                        .get(i + 1)
                        .and_then(|n| n.type_expr())
                        .is_some_and(|t| t.name.text == "Object");
                    if name == "bytes" && is_int(ty) && next_is_object {
                        wire.push(WireParam::LengthOf);
                        continue;
                    }
                    match self.wire_type(ty, def, &type_params) {
                        Ok(w) => {
                            let f = push_field(
                                &mut fields,
                                &mut scope,
                                &[name],
                                FieldShape::Plain(w),
                                vec![doc],
                                None,
                            );
                            wire.push(WireParam::Value {
                                field: f,
                                part: None,
                                condition: None,
                            });
                        }
                        Err(e) => errors.push(e),
                    }
                }
                ParamType::Conditional { flag, ty } => {
                    let local = nat_locals
                        .get(flag.field.text.as_str())
                        .cloned()
                        .unwrap_or_else(|| format!("nat_{}", snake(&flag.field.text)));
                    let condition = (local, flag.bit.min(31));
                    let members: &[usize] = bits
                        .iter()
                        .find(|(k, _)| *k == (flag.field.text.as_str(), flag.bit))
                        .map_or(&[], |(_, m)| m.as_slice());
                    let values: Vec<usize> = members
                        .iter()
                        .copied()
                        .filter(|&m| !is_true_param(&def.params[m].ty))
                        .collect();
                    let cond_text = Some(format!("{}.{}", flag.field.text, flag.bit));
                    let names = |list: &[usize]| -> Vec<&str> {
                        list.iter().map(|&m| def.params[m].name_str()).collect()
                    };
                    if is_true(ty) {
                        if !values.is_empty() {
                            // Set exactly when the values on the same bit are present.
                            implied.push((methods.claim(snake(name)), values[0]));
                            wire.push(WireParam::TrueFlag {
                                field: None,
                                condition,
                            });
                            continue;
                        }
                        // One `bool` for all `true` flags on this bit.
                        if members.first() == Some(&i) {
                            let docs = names(members)
                                .iter()
                                .map(|n| def.doc.field(n).map(str::to_string))
                                .collect();
                            let f = push_field(
                                &mut fields,
                                &mut scope,
                                &names(members),
                                FieldShape::Flag,
                                docs,
                                cond_text,
                            );
                            param_field.insert(i, f);
                        }
                        let f = members.first().and_then(|m| param_field.get(m)).copied();
                        wire.push(WireParam::TrueFlag {
                            field: f,
                            condition,
                        });
                        continue;
                    }
                    let w = match self.wire_type(ty, def, &type_params) {
                        Ok(w) => w,
                        Err(e) => {
                            errors.push(e);
                            continue;
                        }
                    };
                    if values.len() == 1 {
                        let f = push_field(
                            &mut fields,
                            &mut scope,
                            &[name],
                            FieldShape::Optional(w),
                            vec![doc],
                            cond_text,
                        );
                        param_field.insert(i, f);
                        wire.push(WireParam::Value {
                            field: f,
                            part: None,
                            condition: Some(condition),
                        });
                        continue;
                    }
                    // Several values on one bit: one `Option` of a struct.
                    if values.first() == Some(&i) {
                        let docs = names(&values)
                            .iter()
                            .map(|n| def.doc.field(n).map(str::to_string))
                            .collect();
                        let group = Group {
                            module: String::new(),
                            rust_name: String::new(),
                            parts: Vec::new(),
                            eq: true,
                            default: true,
                        };
                        let f = push_field(
                            &mut fields,
                            &mut scope,
                            &names(&values),
                            FieldShape::Group(group),
                            docs,
                            cond_text,
                        );
                        param_field.insert(i, f);
                    }
                    let Some(&f) = param_field.get(&values[0]) else {
                        continue;
                    };
                    param_field.insert(i, f);
                    let FieldShape::Group(group) = &mut fields[f].shape else {
                        continue;
                    };
                    let part = group.parts.len();
                    let part_name = group_scopes.entry(f).or_default().claim(snake(name));
                    group.parts.push(GroupPart {
                        name: part_name,
                        wire: w,
                    });
                    wire.push(WireParam::Value {
                        field: f,
                        part: Some(part),
                        condition: Some(condition),
                    });
                }
                ParamType::Repeat { .. } => errors.push(unsupported(
                    def,
                    p.span,
                    "a repetition `[ … ]` outside builtin definitions",
                )),
            }
        }
        let implied_flags: Vec<(String, usize)> = implied
            .into_iter()
            .filter_map(|(method, p)| param_field.get(&p).map(|&f| (method, f)))
            .collect();

        // Every flags field learns which fields set its bits.
        let mut flag_bits: HashMap<String, Vec<(u32, usize)>> = HashMap::new();
        for w in &wire {
            let (field, condition) = match w {
                WireParam::Value {
                    field,
                    condition: Some(c),
                    ..
                } => (Some(*field), c),
                WireParam::TrueFlag { field, condition } => (*field, condition),
                _ => continue,
            };
            if let Some(f) = field {
                let list = flag_bits.entry(condition.0.clone()).or_default();
                if !list.contains(&(condition.1, f)) {
                    list.push((condition.1, f));
                }
            }
        }
        for w in &mut wire {
            if let WireParam::Flags { local, bits } = w {
                *bits = flag_bits.remove(local.as_str()).unwrap_or_default();
            }
        }
        // An `Object` body after `bytes:int` is sized by it; the last field runs
        // to the end of the input; any other is found by its constructor.
        let mut sized = false;
        let last = wire.len().saturating_sub(1);
        for (pos, w) in wire.iter().enumerate() {
            match w {
                WireParam::LengthOf => sized = true,
                WireParam::Value { field, part, .. } => {
                    let shape = &mut fields[*field].shape;
                    let object = match (shape, part) {
                        (
                            FieldShape::Plain(WireType::Object(end))
                            | FieldShape::Optional(WireType::Object(end)),
                            None,
                        ) => Some(end),
                        // A part is missing when a value before it failed to
                        // resolve; that error then refuses the combinator.
                        (FieldShape::Group(group), Some(k)) => {
                            match group.parts.get_mut(*k).map(|p| &mut p.wire) {
                                Some(WireType::Object(end)) => Some(end),
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                    if let Some(end) = object {
                        *end = if sized {
                            ObjectEnd::Sized
                        } else if pos == last {
                            ObjectEnd::Rest
                        } else {
                            ObjectEnd::Known
                        };
                    }
                    sized = false;
                }
                _ => sized = false,
            }
        }

        let returns = if def.section == Section::Functions {
            match self.wire_type(&def.result, def, &type_params) {
                Ok(w) => Some(w),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Combinator {
            type_params: type_params.into_iter().map(|(_, rust)| rust).collect(),
            tl_name: def.name.text.to_string(),
            id: def.id(),
            module,
            rust_name,
            boxed_type: None,
            fields,
            wire,
            returns,
            implied_flags,
            doc: def.doc.clone(),
            tl_line: def.to_string(),
            eq: true,
            default: true,
            recursive: false,
            errors: Vec::new(),
        })
    }

    /// What the type `ty` of parameter `index` of `def` means on the wire.
    fn wire_type(
        &self,
        ty: &TypeExpr,
        def: &Definition,
        vars: &[(String, String)],
    ) -> Result<WireType, Diagnostic> {
        let name = ty.name.text.as_str();
        if let Some(item) = ty.vector_item() {
            let item = self.wire_type(item, def, vars)?;
            return Ok(WireType::Vector {
                bare: name == "vector",
                item: Box::new(item),
            });
        }
        if !ty.args.is_empty() {
            return Err(
                unsupported(def, ty.span, &format!("type arguments on `{name}`"))
                    .with_note("only `Vector<T>` and `vector<T>` take type arguments"),
            );
        }
        if let Some((_, rust)) = vars.iter().find(|(tl, _)| tl == name) {
            return Ok(WireType::Var(rust.clone()));
        }
        let builtin = match name {
            "int" | "int32" => Some(WireType::Int),
            "long" | "int53" | "int64" => Some(WireType::Long),
            "double" => Some(WireType::Double),
            "string" | "secureString" => Some(WireType::String),
            "bytes" | "secureBytes" => Some(WireType::Bytes),
            "int128" => Some(WireType::Fixed(16)),
            "int256" => Some(WireType::Fixed(32)),
            "int512" => Some(WireType::Fixed(64)),
            "Bool" => Some(WireType::Bool),
            "#" => Some(WireType::Nat),
            "Object" | "object" | "Function" | "function" => {
                Some(WireType::Object(ObjectEnd::Rest))
            }
            "True" => Some(WireType::BoxedTrue),
            _ => None,
        };
        if let Some(b) = builtin {
            if ty.bare && b == WireType::Bool {
                return Err(
                    unsupported(def, ty.span, "a bare `%Bool`").with_note("write the boxed `Bool`")
                );
            }
            return Ok(b);
        }
        if let Some(&t) = self.types.get(name) {
            if ty.bare {
                // `%Message`: the bare form of a type with one constructor.
                let ctors: Vec<usize> = self
                    .ctor_defs
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.result.name.text == name)
                    .map(|(i, _)| i)
                    .collect();
                return match ctors.as_slice() {
                    [only] => Ok(WireType::Bare {
                        index: *only,
                        indirect: false,
                    }),
                    _ => {
                        let mut d = Diagnostic::error(
                            Code::Unsupported,
                            ty.span,
                            format!(
                                "`%{name}` needs `{name}` to have exactly one constructor, it has {}",
                                ctors.len()
                            ),
                        )
                        .in_definition(&def.name.text);
                        if let Some(first) = ctors.first().map(|&i| &self.ctor_defs[i].name.text) {
                            d = d.with_note(format!(
                                "write the boxed `{name}`, or name one constructor as a bare type: `{first}`"
                            ));
                        }
                        Err(d)
                    }
                };
            }
            return Ok(WireType::Boxed {
                index: t,
                indirect: false,
            });
        }
        if let Some(&c) = self.ctors.get(name) {
            return Ok(WireType::Bare {
                index: c,
                indirect: false,
            });
        }
        let mut d = Diagnostic::error(
            Code::UndefinedType,
            ty.name.span,
            format!("undefined type `{name}`: code generation needs every type defined"),
        )
        .in_definition(&def.name.text);
        // The parser suggests a name when one file is the schema; split
        // schemas are checked here, once merged.
        let known = self.types.keys().chain(self.ctors.keys()).copied();
        if let Some(near) =
            tl_parser::did_you_mean(name, known.chain(tl_parser::BUILTIN_TYPES.iter().copied()))
        {
            d = d.with_note(format!("did you mean `{near}`?"));
        }
        Err(d)
    }
}

/// Adds a field holding the TL parameters `tl_names` (several for a group, see
/// [`group_field_name`]) and returns its index.
fn push_field(
    fields: &mut Vec<Field>,
    scope: &mut Scope,
    tl_names: &[&str],
    shape: FieldShape,
    docs: Vec<Option<String>>,
    condition: Option<String>,
) -> usize {
    let name = match tl_names {
        [one] => snake(one),
        _ => group_field_name(tl_names),
    };
    let name = match shape {
        // The emitter binds a group's parts to `f_<name>_<k>` beside the
        // other fields' `f_<name>`: those names must be free as well.
        FieldShape::Group(_) => {
            let parts = tl_names.len();
            scope.claim_with(name, |name| {
                (0..parts).map(|k| format!("{name}_{k}")).collect()
            })
        }
        _ => scope.claim(name),
    };
    fields.push(Field {
        name,
        tl_names: tl_names.iter().map(|s| s.to_string()).collect(),
        shape,
        docs,
        condition,
    });
    fields.len() - 1
}

/// The longest a flag group's field name gets.
const GROUP_NAME_MAX: usize = 40;

/// The field holding a flag group: the words its TL names start with in
/// common (`saved_from_peer` and `saved_from_msg_id` give `saved_from`), else
/// the first name, cut to [`GROUP_NAME_MAX`] characters at a word boundary.
/// It depends only on the group's own names, so it stays the same across
/// layers for as long as they do.
fn group_field_name(tl_names: &[&str]) -> String {
    let snakes: Vec<String> = tl_names.iter().map(|n| snake(n)).collect();
    let words: Vec<Vec<&str>> = snakes.iter().map(|s| s.split('_').collect()).collect();
    let Some(first) = words.first() else {
        return String::new();
    };
    let common = (0..first.len())
        .take_while(|&k| words.iter().all(|w| w.get(k) == first.get(k)))
        .count();
    let chosen = if common > 0 && first[..common].iter().any(|w| !w.is_empty()) {
        &first[..common]
    } else {
        &first[..]
    };
    let mut name = String::new();
    for word in chosen {
        let grown = if name.is_empty() {
            word.len()
        } else {
            name.len() + 1 + word.len()
        };
        if grown > GROUP_NAME_MAX {
            break;
        }
        if !name.is_empty() {
            name.push('_');
        }
        name.push_str(word);
    }
    if name.is_empty() {
        // One word longer than the limit: cut it (names are ASCII).
        name = snakes[0].chars().take(GROUP_NAME_MAX).collect();
    }
    name
}

fn is_true(ty: &TypeExpr) -> bool {
    ty.name.text == "true" && ty.args.is_empty()
}

fn is_int(ty: &TypeExpr) -> bool {
    ty.name.text == "int" && ty.args.is_empty()
}

fn is_true_param(p: &ParamType) -> bool {
    matches!(p, ParamType::Conditional { ty, .. } if is_true(ty))
}

fn unsupported(def: &Definition, span: tl_parser::Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::Unsupported,
        span,
        format!("code generation does not support {what}"),
    )
    .in_definition(&def.name.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_named_after_the_words_its_names_share() {
        assert_eq!(
            group_field_name(&["saved_from_peer", "saved_from_msg_id"]),
            "saved_from"
        );
        assert_eq!(
            group_field_name(&["reply_to_msg_id", "reply_to_peer"]),
            "reply_to"
        );
        assert_eq!(
            group_field_name(&["cryptoCurrency", "cryptoAmount"]),
            "crypto"
        );
    }

    #[test]
    fn without_shared_words_it_is_named_after_the_first() {
        assert_eq!(group_field_name(&["views", "forwards"]), "views");
        // A shared start that is no whole word does not count.
        assert_eq!(group_field_name(&["min_date", "max_date"]), "min_date");
    }

    #[test]
    fn names_are_at_most_forty_characters_cut_at_a_word() {
        // TON's `validatorStats.stats.producer` has 19 values on `flags.0`.
        let names = [
            "candidate_id",
            "block_id",
            "collated_data_hash",
            "is_accepted",
        ];
        assert_eq!(group_field_name(&names), "candidate_id");
        let long = "a_very_long_field_name_that_goes_on_and_on_and_on";
        let name = group_field_name(&[long, "other"]);
        assert_eq!(name, "a_very_long_field_name_that_goes_on_and");
        assert!(name.len() <= GROUP_NAME_MAX);
        let one_word = "x".repeat(50);
        assert_eq!(group_field_name(&[&one_word, "y"]).len(), GROUP_NAME_MAX);
    }
}
