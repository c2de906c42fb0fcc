//! Decisions that need the whole type graph, made in one place: which fields
//! and enum variants are boxed, which types derive `Eq`/`Hash`/`Default`, and
//! which enums and bare structs count decoding depth: those that can contain
//! themselves. Any other type adds at most the depth of the schema's
//! acyclic graph, so guarding it would only cost time.
//!
//! * A field that can contain its own struct again without passing through a
//!   `Vec` is boxed: every by-value cycle is broken at a struct field.
//! * An enum variant is boxed only where holding it inline would make the
//!   enum larger than [`ENUM_SIZE_MAX`] bytes: every box costs an allocation
//!   per decoded value, and an `Update` must still not cost kilobytes.
//! * A struct larger than [`STRUCT_SIZE_MAX`] bytes boxes its largest
//!   optional fields until it fits. An absent field then costs nothing, and
//!   the struct behind a boxed variant (layer 230's `message`) stays within
//!   the allocator's fast path.

use crate::model::{FieldShape, Model, WireType};

/// The most bytes a generated enum takes in memory: the promise made to
/// users, which decides what is boxed.
pub const ENUM_SIZE_MAX: usize = 256;

/// The most bytes a generated struct takes in memory (estimated as
/// `Sizer` does). glibc serves requests of up to 1,032 bytes from its
/// per-thread cache; a larger box takes the allocator's slow path both ways,
/// which cost decoding 100 layer-230 messages (1,200-byte structs) twice the
/// instructions in `malloc` and `free` that it costs at 952 bytes.
pub const STRUCT_SIZE_MAX: usize = 1024;

/// What the estimate reserves for an enum's tag (a word, at most).
const TAG: usize = 8;

/// A node of the type graph.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Node {
    Type(usize),
    Ctor(usize),
}

/// Fills in every graph-wide decision of `model`.
pub fn decide(model: &mut Model) {
    box_cycles(model);
    box_large_variants(model);
    derive_capabilities(model);
    mark_recursive(model);
    choose_finite_variants(model);
}

/// For each enum, a variant that can be built without building the enum again
/// through required fields (vectors may be empty and options absent), so
/// sample values end: the least fixpoint of "every required field is finite".
fn choose_finite_variants(model: &mut Model) {
    let mut type_ok = vec![false; model.types.len()];
    let mut ctor_ok = vec![false; model.constructors.len()];
    loop {
        let mut changed = false;
        for (c, ctor) in model.constructors.iter().enumerate() {
            if ctor_ok[c] {
                continue;
            }
            let ok = ctor.fields.iter().all(|f| match &f.shape {
                FieldShape::Plain(WireType::Boxed { index, .. }) => type_ok[*index],
                FieldShape::Plain(WireType::Bare { index, .. }) => ctor_ok[*index],
                _ => true,
            });
            if ok {
                ctor_ok[c] = true;
                changed = true;
            }
        }
        for (t, ty) in model.types.iter_mut().enumerate() {
            if type_ok[t] {
                continue;
            }
            if let Some(v) = ty.constructors.iter().position(|&c| ctor_ok[c]) {
                ty.finite_variant = v;
                type_ok[t] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn node_index(model: &Model, n: Node) -> usize {
    match n {
        Node::Type(t) => t,
        Node::Ctor(c) => model.types.len() + c,
    }
}

/// Edges `from → to` of values held directly (`through_vec` adds those held in vectors).
fn edges(model: &Model, through_vec: bool) -> Vec<Vec<usize>> {
    let n = model.types.len() + model.constructors.len();
    let mut out = vec![Vec::new(); n];
    for (t, ty) in model.types.iter().enumerate() {
        for (i, &c) in ty.constructors.iter().enumerate() {
            // A boxed variant holds its struct through a pointer: an edge of the
            // full graph, not of the by-value one.
            if through_vec || !ty.boxed_variants.get(i).copied().unwrap_or(false) {
                out[t].push(node_index(model, Node::Ctor(c)));
            }
        }
    }
    for (c, ctor) in model.constructors.iter().enumerate() {
        let from = node_index(model, Node::Ctor(c));
        for f in &ctor.fields {
            for_each_type(&f.shape, &mut |w| {
                collect_refs(model, w, through_vec, &mut out[from])
            });
        }
    }
    out
}

fn for_each_type(shape: &FieldShape, f: &mut impl FnMut(&WireType)) {
    match shape {
        FieldShape::Plain(w) | FieldShape::Optional(w) => f(w),
        FieldShape::Group(group) => group.parts.iter().for_each(|p| f(&p.wire)),
        FieldShape::Flag => {}
    }
}

fn for_each_type_mut(shape: &mut FieldShape, f: &mut impl FnMut(&mut WireType)) {
    match shape {
        FieldShape::Plain(w) | FieldShape::Optional(w) => f(w),
        FieldShape::Group(group) => group.parts.iter_mut().for_each(|p| f(&mut p.wire)),
        FieldShape::Flag => {}
    }
}

fn collect_refs(model: &Model, w: &WireType, through_vec: bool, out: &mut Vec<usize>) {
    match w {
        WireType::Boxed {
            index,
            indirect: false,
        } => out.push(node_index(model, Node::Type(*index))),
        WireType::Bare {
            index,
            indirect: false,
        } => out.push(node_index(model, Node::Ctor(*index))),
        WireType::Boxed {
            index,
            indirect: true,
        } if through_vec => out.push(node_index(model, Node::Type(*index))),
        WireType::Bare {
            index,
            indirect: true,
        } if through_vec => out.push(node_index(model, Node::Ctor(*index))),
        WireType::Vector { item, .. } if through_vec => collect_refs(model, item, true, out),
        _ => {}
    }
}

/// Strongly connected components (Tarjan, iterative); returns each node's component.
fn components(graph: &[Vec<usize>]) -> Vec<usize> {
    let n = graph.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![usize::MAX; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut count = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut call: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut edge)) = call.last_mut() {
            if *edge == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = graph[v].get(*edge) {
                *edge += 1;
                if index[w] == usize::MAX {
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = count;
                    if w == v {
                        break;
                    }
                }
                count += 1;
            }
        }
    }
    comp
}

/// Boxes every struct field whose target lies on a cycle with the struct.
fn box_cycles(model: &mut Model) {
    let graph = edges(model, false);
    let comp = components(&graph);
    let types = model.types.len();
    for (c, ctor) in model.constructors.iter_mut().enumerate() {
        let own = comp[types + c];
        for f in &mut ctor.fields {
            for_each_type_mut(&mut f.shape, &mut |w| match w {
                WireType::Boxed { index, indirect } if comp[*index] == own => *indirect = true,
                WireType::Bare { index, indirect } if comp[types + *index] == own => {
                    *indirect = true
                }
                _ => {}
            });
        }
    }
}

/// Size estimates of every node, and the boxing decisions they lead to.
///
/// Once cycles are boxed, the by-value graph is acyclic, so sizes are found
/// depth first: an enum's variants are sized (and its boxing decided) before
/// the enum, and a struct's fields before the struct. Estimates lay fields
/// out in order with padding, which rustc's reordering only shrinks.
struct Sizer<'m> {
    model: &'m Model,
    memo: Vec<Option<usize>>,
    boxed: Vec<Vec<bool>>,
    /// Per constructor, the fields boxed to bring it within [`STRUCT_SIZE_MAX`].
    boxed_fields: Vec<Vec<usize>>,
}

impl Sizer<'_> {
    /// Estimated `size_of` and alignment of a field's Rust type.
    fn wire(&mut self, w: &WireType) -> (usize, usize) {
        match w {
            WireType::Int | WireType::Nat => (4, 4),
            WireType::BoxedTrue => (0, 1),
            WireType::Long | WireType::Double => (8, 8),
            WireType::Fixed(n) => (*n, 1),
            WireType::Bool => (1, 1),
            WireType::String
            | WireType::Bytes
            | WireType::Vector { .. }
            | WireType::Object(_)
            | WireType::Var(_) => (24, 8),
            WireType::Boxed { indirect: true, .. } | WireType::Bare { indirect: true, .. } => {
                (8, 8)
            }
            WireType::Boxed { index, .. } => (self.node(Node::Type(*index)), 8),
            WireType::Bare { index, .. } => (self.node(Node::Ctor(*index)), 8),
        }
    }

    fn node(&mut self, n: Node) -> usize {
        let i = node_index(self.model, n);
        if let Some(s) = self.memo[i] {
            return s;
        }
        // Unreachable once cycles are boxed; a pointer's size keeps a
        // mistake there from recursing forever.
        self.memo[i] = Some(8);
        let size = match n {
            Node::Type(t) => self.enum_size(t),
            Node::Ctor(c) => self.struct_size(c),
        };
        self.memo[i] = Some(size);
        size
    }

    /// Sizes the variants, boxes those that would not fit, and sizes the enum.
    fn enum_size(&mut self, t: usize) -> usize {
        let model = self.model;
        let ty = &model.types[t];
        let tag = if ty.constructors.len() > 1 { TAG } else { 0 };
        let mut payload = 0;
        let mut boxed = Vec::with_capacity(ty.constructors.len());
        for &c in &ty.constructors {
            let size = self.node(Node::Ctor(c));
            let boxes = size + tag > ENUM_SIZE_MAX;
            boxed.push(boxes);
            payload = payload.max(if boxes { 8 } else { size });
        }
        self.boxed[t] = boxed;
        payload + tag
    }

    fn struct_size(&mut self, c: usize) -> usize {
        let mut total = 0;
        let mut align = 1;
        // Optional fields held by value that a `Box` could hold: (size, field).
        let mut boxable = Vec::new();
        for (i, f) in self.model.constructors[c].fields.iter().enumerate() {
            let (s, a) = match &f.shape {
                FieldShape::Flag => (1, 1),
                FieldShape::Plain(w) => self.wire(w),
                FieldShape::Optional(w) => {
                    let (s, a) = self.wire(w);
                    if matches!(
                        w,
                        WireType::Boxed {
                            indirect: false,
                            ..
                        } | WireType::Bare {
                            indirect: false,
                            ..
                        }
                    ) && s > 8
                    {
                        boxable.push((s, i));
                    }
                    if has_niche(w) {
                        (s, a)
                    } else {
                        (s + a, a)
                    }
                }
                FieldShape::Group(group) => {
                    let mut s = 0;
                    let mut a = 1;
                    for p in &group.parts {
                        let (ps, pa) = self.wire(&p.wire);
                        s += ps;
                        a = a.max(pa);
                    }
                    let niche = group.parts.iter().any(|p| has_niche(&p.wire));
                    (round_up(s, a) + if niche { 0 } else { a }, a)
                }
            };
            total += s;
            align = align.max(a);
        }
        // Largest first; among equals, the later field (rarer, as layers
        // append them).
        boxable.sort_by(|a, b| b.cmp(a));
        for (size, field) in boxable {
            if round_up(total, align) <= STRUCT_SIZE_MAX {
                break;
            }
            total -= size - 8;
            self.boxed_fields[c].push(field);
        }
        round_up(total, align)
    }
}

fn has_niche(w: &WireType) -> bool {
    !matches!(
        w,
        WireType::Int
            | WireType::Nat
            | WireType::Long
            | WireType::Double
            | WireType::Fixed(_)
            | WireType::Var(_)
    )
}

fn round_up(n: usize, align: usize) -> usize {
    n.div_ceil(align.max(1)) * align.max(1)
}

/// Boxes the enum variants that would make their enum larger than
/// [`ENUM_SIZE_MAX`], and the optional fields that would make their struct
/// larger than [`STRUCT_SIZE_MAX`]; no others.
fn box_large_variants(model: &mut Model) {
    let n = model.types.len() + model.constructors.len();
    let mut sizer = Sizer {
        model,
        memo: vec![None; n],
        boxed: vec![Vec::new(); model.types.len()],
        boxed_fields: vec![Vec::new(); model.constructors.len()],
    };
    for t in 0..model.types.len() {
        sizer.node(Node::Type(t));
    }
    for c in 0..model.constructors.len() {
        sizer.node(Node::Ctor(c));
    }
    let Sizer {
        boxed,
        boxed_fields,
        ..
    } = sizer;
    for (ty, boxed) in model.types.iter_mut().zip(boxed) {
        ty.boxed_variants = boxed;
    }
    for (ctor, fields) in model.constructors.iter_mut().zip(boxed_fields) {
        for i in fields {
            if let FieldShape::Optional(
                WireType::Boxed { indirect, .. } | WireType::Bare { indirect, .. },
            ) = &mut ctor.fields[i].shape
            {
                *indirect = true;
            }
        }
    }
}

/// `Eq`/`Hash` unless a `double` is reachable; `Default` unless a field needs a
/// value that has none (an enum, `[u8; 64]`).
fn derive_capabilities(model: &mut Model) {
    let graph = edges(model, true);
    let types = model.types.len();
    let mut not_eq = vec![false; graph.len()];
    for (c, ctor) in model.constructors.iter().enumerate() {
        not_eq[types + c] = ctor.fields.iter().any(|f| {
            let mut double = false;
            for_each_type(&f.shape, &mut |w| double |= contains_double(w));
            double
        });
    }
    // Propagate along reverse edges until stable.
    loop {
        let mut changed = false;
        for from in 0..graph.len() {
            if !not_eq[from] && graph[from].iter().any(|&to| not_eq[to]) {
                not_eq[from] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (t, ty) in model.types.iter_mut().enumerate() {
        ty.eq = !not_eq[t];
    }
    let defaults: Vec<bool> = (0..model.constructors.len())
        .map(|c| default_allowed(model, c, &mut Vec::new()))
        .collect();
    for (c, ctor) in model.constructors.iter_mut().enumerate() {
        ctor.eq = !not_eq[types + c];
        ctor.default = defaults[c];
    }
    for ctor in model.constructors.iter_mut().chain(&mut model.functions) {
        for field in &mut ctor.fields {
            if let FieldShape::Group(group) = &mut field.shape {
                group.eq = group
                    .parts
                    .iter()
                    .all(|p| !contains_double(&p.wire) && refs_eq(&p.wire, &not_eq, types));
            }
        }
    }
    let group_defaults: Vec<Vec<bool>> = model
        .constructors
        .iter()
        .chain(&model.functions)
        .map(|ctor| {
            ctor.fields
                .iter()
                .map(|field| match &field.shape {
                    FieldShape::Group(group) => group
                        .parts
                        .iter()
                        .all(|p| wire_default(model, &p.wire, &mut Vec::new())),
                    _ => false,
                })
                .collect()
        })
        .collect();
    for (ctor, defaults) in model
        .constructors
        .iter_mut()
        .chain(&mut model.functions)
        .zip(group_defaults)
    {
        for (field, default) in ctor.fields.iter_mut().zip(defaults) {
            if let FieldShape::Group(group) = &mut field.shape {
                group.default = default;
            }
        }
    }
    for f in 0..model.functions.len() {
        let eq = model.functions[f].fields.iter().all(|field| {
            let mut ok = true;
            for_each_type(&field.shape, &mut |w| {
                ok &= !contains_double(w) && refs_eq(w, &not_eq, types)
            });
            ok
        });
        let default = model.functions[f]
            .fields
            .iter()
            .all(|field| field_default(model, &field.shape, &mut Vec::new()));
        model.functions[f].eq = eq;
        model.functions[f].default = default;
    }
}

fn contains_double(w: &WireType) -> bool {
    match w {
        WireType::Double => true,
        WireType::Vector { item, .. } => contains_double(item),
        _ => false,
    }
}

fn refs_eq(w: &WireType, not_eq: &[bool], types: usize) -> bool {
    match w {
        WireType::Boxed { index, .. } => !not_eq[*index],
        WireType::Bare { index, .. } => !not_eq[types + *index],
        WireType::Vector { item, .. } => refs_eq(item, not_eq, types),
        _ => true,
    }
}

fn default_allowed(model: &Model, c: usize, visiting: &mut Vec<usize>) -> bool {
    if visiting.contains(&c) {
        return false;
    }
    visiting.push(c);
    let ok = model.constructors[c]
        .fields
        .iter()
        .all(|f| field_default(model, &f.shape, visiting));
    visiting.pop();
    ok
}

fn field_default(model: &Model, shape: &FieldShape, visiting: &mut Vec<usize>) -> bool {
    match shape {
        FieldShape::Flag | FieldShape::Optional(_) | FieldShape::Group(_) => true,
        FieldShape::Plain(w) => wire_default(model, w, visiting),
    }
}

fn wire_default(model: &Model, w: &WireType, visiting: &mut Vec<usize>) -> bool {
    match w {
        WireType::Boxed { .. } => false,
        WireType::Fixed(n) => *n <= 32,
        WireType::Bare { index, .. } => default_allowed(model, *index, visiting),
        _ => true,
    }
}

/// Bare structs on a cycle (through vectors too) count depth when decoded.
fn mark_recursive(model: &mut Model) {
    let graph = edges(model, true);
    let comp = components(&graph);
    let types = model.types.len();
    let mut size = vec![0usize; graph.len()];
    for &c in &comp {
        size[c] += 1;
    }
    let in_cycle = |node: usize| size[comp[node]] > 1 || graph[node].contains(&node);
    for (c, ctor) in model.constructors.iter_mut().enumerate() {
        ctor.recursive = in_cycle(types + c);
    }
    for (t, ty) in model.types.iter_mut().enumerate() {
        ty.recursive = in_cycle(t);
    }
}
