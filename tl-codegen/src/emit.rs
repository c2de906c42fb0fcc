//! Tokens only: the resolved [`Model`] as Rust items and trait impls.
//!
//! Every generated function that is not generic is `#[inline]`. A schema
//! defines far more than one program calls, and rustc compiles an inline
//! function in the crates that use it rather than in the crate that expands
//! `tl!`: a crate that is only `tl!` on layer 230 builds about a third
//! faster, and a program pays for the decoders it reaches.

use crate::codec::{self, Paths};
use crate::docs::{self, Page};
use crate::ident::ident;
use crate::model::{Combinator, Field, FieldShape, Group, Model, ObjectEnd, WireParam, WireType};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Choices that change the emitted code but not the model.
#[derive(Clone, Debug, Default)]
pub struct EmitOptions {
    /// `Eq` on every type that allows it (no `double` inside).
    pub eq: bool,
    /// `Hash` on every type that allows it (no `double` inside).
    pub hash: bool,
    /// `Default` on every struct that allows it (no enum or `int512` field).
    pub default: bool,
    /// Other derives, on every type, as paths (`serde::Serialize`).
    pub derives: Vec<TokenStream>,
    /// `#[non_exhaustive]` on every generated enum.
    pub non_exhaustive: bool,
    /// Whether the extra derives include serde's, which need `bytes` helpers.
    pub serde: bool,
    /// Emit `Sample` impls and `visit_samples` (tests; needs tl-runtime's `sample` feature).
    pub samples: bool,
}

/// A tree of modules, each with the items emitted into it.
#[derive(Default)]
struct ModuleTree {
    doc: Option<String>,
    items: Vec<TokenStream>,
    children: BTreeMap<String, ModuleTree>,
}

impl ModuleTree {
    fn at(&mut self, path: &[String]) -> &mut ModuleTree {
        path.iter()
            .fold(self, |m, p| m.children.entry(p.clone()).or_default())
    }

    fn into_tokens(self) -> TokenStream {
        let items = self.items;
        let children = self.children.into_iter().map(|(name, child)| {
            let name = ident(&name);
            let doc = child.doc.as_ref().map(|d| quote!(#[doc = #d]));
            let body = child.into_tokens();
            quote!(#doc pub mod #name { #body })
        });
        quote! {
            #[allow(unused_imports)]
            use ::tl_runtime::__private as __tl;
            #(#items)*
            #(#children)*
        }
    }
}

fn root(depth: usize) -> TokenStream {
    let supers = (0..depth).map(|_| quote!(super::));
    quote!(#(#supers)*)
}

/// A constructor's or function's items into `tree`: the struct, its sample
/// impl, and its flag groups' structs in a module of their own.
fn emit_combinator(
    tree: &mut ModuleTree,
    model: &Model,
    c: &Combinator,
    page: Page,
    options: &EmitOptions,
) {
    let paths = Paths {
        model,
        root: root(c.module.len() + 1),
    };
    let module = tree.at(&c.module);
    module.items.push(combinator(&paths, c, page, options));
    if options.samples && c.type_params.is_empty() {
        module.items.push(crate::samples::combinator(&paths, c));
    }
    let group_paths = Paths {
        model,
        root: root(c.module.len() + 2),
    };
    for f in &c.fields {
        if let FieldShape::Group(group) = &f.shape {
            let item = group_struct(&group_paths, c, f, group, options);
            let child = module.children.entry(group.module.clone()).or_default();
            child.doc = Some(format!(
                " Flag groups of [`{}`](super::{}).",
                c.rust_name, c.rust_name
            ));
            child.items.push(item);
        }
    }
}

/// The path of a flag group's struct from its combinator's module.
pub(crate) fn group_path(group: &Group) -> TokenStream {
    let module = ident(&group.module);
    let name = format_ident!("{}", group.rust_name);
    quote!(#module::#name)
}

/// Every item of `model` as tokens.
pub fn emit(model: &Model, options: &EmitOptions) -> TokenStream {
    let mut types = ModuleTree::default();
    let mut enums = ModuleTree::default();
    let mut functions = ModuleTree::default();
    for c in &model.constructors {
        emit_combinator(&mut types, model, c, Page::Constructor, options);
    }
    for (t, ty) in model.types.iter().enumerate() {
        let paths = Paths {
            model,
            root: root(ty.module.len() + 1),
        };
        enums
            .at(&ty.module)
            .items
            .push(boxed_enum(&paths, t, options));
        if options.samples {
            let sample = crate::samples::boxed_enum(&paths, t);
            enums.at(&ty.module).items.push(sample);
        }
    }
    for f in &model.functions {
        emit_combinator(&mut functions, model, f, Page::Method, options);
    }
    let errors = model.errors.as_ref().map(|set| errors_module(model, set));
    let (types, enums, functions) = (
        types.into_tokens(),
        enums.into_tokens(),
        functions.into_tokens(),
    );
    let layer = model.layer.map(|l| {
        let l = Literal::i32_unsuffixed(i32::try_from(l).unwrap_or(i32::MAX));
        quote! {
            /// The layer this schema declares (`// LAYER N`).
            #[allow(dead_code)]
            pub const LAYER: i32 = #l;
        }
    });
    let names = name_for_id(model);
    let read_object = needs_known_objects(model).then(|| read_object(model));
    let visit = options.samples.then(|| crate::samples::visit(model));
    quote! {
        #layer
        /// One struct per constructor; its `Serialize` writes the boxed form (id first).
        // A schema defines more than any one program uses, and documents
        // fewer fields than it has.
        #[allow(dead_code, missing_docs, clippy::too_many_arguments, clippy::new_without_default)]
        pub mod types { #types }
        /// One enum per boxed type, one variant per constructor.
        // Names come from the schema; variants are boxed by size.
        #[allow(dead_code, missing_docs, clippy::enum_variant_names, clippy::large_enum_variant)]
        pub mod enums { #enums }
        /// One struct per function; `RemoteCall::Return` is what it answers.
        #[allow(dead_code, missing_docs, clippy::too_many_arguments, clippy::new_without_default)]
        pub mod functions { #functions }
        #errors
        #names
        #read_object
        #visit
    }
}

/// The `errors` module: the enum of every known error at its root, and one
/// enum per method that documents errors, in the method's namespace.
fn errors_module(model: &Model, set: &crate::model::ErrorSet) -> TokenStream {
    let general = format_ident!("{}", set.general_name);
    let doc = "Every error the docs know: their global table and the protocol-wide \
               errors (redirects, authorization, flood waits) any call can get.\n\n\
               `From<RpcError>` picks the variant whose code and text match; any \
               other error is kept whole in `Other`, and `RpcError::from` gives \
               back exactly what the server sent.";
    let mut tree = ModuleTree::default();
    tree.items.push(crate::errors::error_enum(
        &general,
        doc,
        &set.general,
        quote!(__tl::RpcError),
    ));
    for f in model.functions.iter().filter(|f| !f.errors.is_empty()) {
        let name = format_ident!("{}Error", f.rust_name);
        let doc = format!(
            "The errors `{}` documents. Any other error, or one of these with \
             another code, is kept in `Other` as [`{}`].",
            f.tl_name, set.general_name
        );
        let general_path = {
            let root = root(f.module.len());
            quote!(#root #general)
        };
        let item = crate::errors::error_enum(&name, &doc, &f.errors, general_path);
        tree.at(&f.module).items.push(item);
    }
    let body = tree.into_tokens();
    quote! {
        /// Typed RPC errors, from the docs: `RemoteCall::Error` of each function.
        #[allow(dead_code, clippy::enum_variant_names)] // names come from the docs
        pub mod errors { #body }
    }
}

/// Whether some `Object` field sits where only its constructor tells its end.
fn needs_known_objects(model: &Model) -> bool {
    let known = |w: &WireType| matches!(w, WireType::Object(ObjectEnd::Known));
    model.constructors.iter().chain(&model.functions).any(|c| {
        c.fields.iter().any(|f| match &f.shape {
            FieldShape::Plain(w) | FieldShape::Optional(w) => known(w),
            FieldShape::Group(group) => group.parts.iter().any(|p| known(&p.wire)),
            FieldShape::Flag => false,
        })
    })
}

/// `read_object`: one boxed value of any constructor or function this schema
/// defines, as raw bytes, for `Object` fields that are followed by more fields.
fn read_object(model: &Model) -> TokenStream {
    let paths = Paths {
        model,
        root: quote!(),
    };
    let mut seen = std::collections::HashSet::new();
    let arms = model
        .constructors
        .iter()
        .enumerate()
        .map(|(i, c)| (c, paths.ctor_path(i)))
        .chain(
            model
                .functions
                .iter()
                .filter(|f| f.type_params.is_empty())
                .map(|f| (f, paths.function_path(f))),
        )
        .filter(|(c, _)| seen.insert(c.id))
        .map(|(c, path)| {
            let id = hex(c.id);
            quote!(#id => { <#path as ::tl_runtime::Bare>::deserialize_bare(r)?; })
        });
    quote! {
        /// Reads one boxed value of any type this schema defines, as raw bytes.
        #[allow(dead_code)]
        #[inline]
        pub fn read_object(r: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<::tl_runtime::RawObject> {
            let start = r.position();
            let rest = r.peek_rest();
            let id = r.read_u32()?;
            match id {
                #(#arms)*
                _ => return ::core::result::Result::Err(r.unknown_constructor(id, "Object")),
            }
            let len = r.position() - start;
            ::core::result::Result::Ok(::tl_runtime::RawObject(rest[..len].to_vec()))
        }
    }
}

/// `name_for_id`: every id of the schema to its TL name, then the ids the
/// runtime handles itself (`gzip_packed`, `msg_container`, …).
fn name_for_id(model: &Model) -> TokenStream {
    let mut seen = std::collections::HashSet::new();
    let arms = model
        .constructors
        .iter()
        .chain(&model.functions)
        .filter(|c| seen.insert(c.id))
        .map(|c| {
            let id = hex(c.id);
            let name = &c.tl_name;
            quote!(#id => ::core::option::Option::Some(#name),)
        });
    quote! {
        /// The TL name of the constructor or function with wire id `id`:
        /// this schema's, else one the runtime handles itself, such as
        /// `gzip_packed` or `msg_container` (the runtime's `service::name_for_id`).
        #[allow(dead_code)]
        #[inline]
        pub fn name_for_id(id: u32) -> ::core::option::Option<&'static str> {
            match id {
                #(#arms)*
                _ => ::tl_runtime::service::name_for_id(id),
            }
        }
    }
}

/// `0x1cb5c415`: ids read best in hex.
pub(crate) fn hex(id: u32) -> Literal {
    format!("0x{id:08x}")
        .parse()
        .unwrap_or_else(|_| Literal::u32_unsuffixed(id))
}

/// The derive attribute for an item that allows `eq` (and `Hash`) and
/// `default`: `Clone` and `PartialEq` always, the others where asked for.
/// `Debug` is written out instead ([`debug_struct`], [`debug_enum`]), so
/// that it can be `#[inline]` like the rest and print bytes as hex.
fn derives(options: &EmitOptions, eq: bool, default: bool) -> TokenStream {
    let eq_derive = (eq && options.eq).then(|| quote!(Eq,));
    let hash = (eq && options.hash).then(|| quote!(Hash,));
    let default = (default && options.default).then(|| quote!(Default,));
    let extra = &options.derives;
    quote!(#[derive(Clone, PartialEq, #eq_derive #hash #default #(#extra,)*)])
}

/// `Debug` for a struct: what `#[derive(Debug)]` prints, except that byte
/// strings print as hex, cut after 64 bytes (`tl_runtime::Hex`).
/// `fields` are `(name, holds bytes)`; `generics` are the impl's and the type's.
fn debug_struct(
    name: &proc_macro2::Ident,
    fields: &[(String, bool)],
    (impl_generics, ty_generics): (TokenStream, TokenStream),
) -> TokenStream {
    let label = name.to_string();
    let fields = fields.iter().map(|(field, bytes)| {
        let fname = ident(field);
        // The derive prints the identifier without `r#`.
        let label = fname.to_string();
        let label = label.trim_start_matches("r#");
        if *bytes {
            quote!(.field(#label, &__tl::Hex(&self.#fname)))
        } else {
            quote!(.field(#label, &self.#fname))
        }
    });
    quote! {
        impl #impl_generics __tl::fmt::Debug for #name #ty_generics {
            #[inline]
            fn fmt(&self, f: &mut __tl::fmt::Formatter<'_>) -> __tl::fmt::Result {
                f.debug_struct(#label) #(#fields)* .finish()
            }
        }
    }
}

/// Whether values of `w` are byte strings, which `Debug` prints as hex.
fn holds_bytes(w: &WireType) -> bool {
    match w {
        WireType::Bytes | WireType::Fixed(_) => true,
        WireType::Vector { item, .. } => holds_bytes(item),
        _ => false,
    }
}

/// `Debug` for a boxed type's enum: `(variant, holds a value)` per variant.
fn debug_enum(name: &proc_macro2::Ident, variants: &[(proc_macro2::Ident, bool)]) -> TokenStream {
    let arms = variants.iter().map(|(v, holds)| {
        let label = v.to_string();
        if *holds {
            quote!(Self::#v(x) => f.debug_tuple(#label).field(x).finish(),)
        } else {
            quote!(Self::#v => f.write_str(#label),)
        }
    });
    quote! {
        impl __tl::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut __tl::fmt::Formatter<'_>) -> __tl::fmt::Result {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// The generic parameters of a function struct, with `bound` on each.
fn generics(c: &Combinator, bound: TokenStream) -> (TokenStream, TokenStream) {
    if c.type_params.is_empty() {
        return (quote!(), quote!());
    }
    let vars: Vec<_> = c.type_params.iter().map(|v| format_ident!("{v}")).collect();
    (quote!(<#(#vars: #bound),*>), quote!(<#(#vars),*>))
}

/// The binding name of field `f` in generated functions (`f_user_id`).
fn binding(c: &Combinator, f: usize) -> proc_macro2::Ident {
    format_ident!("f_{}", c.fields[f].name)
}

fn field_type(p: &Paths<'_>, shape: &FieldShape) -> TokenStream {
    match shape {
        FieldShape::Plain(w) => codec::rust_type(p, w),
        FieldShape::Optional(w) => {
            let t = codec::rust_type(p, w);
            quote!(__tl::Option<#t>)
        }
        FieldShape::Flag => quote!(bool),
        FieldShape::Group(group) => {
            let path = group_path(group);
            quote!(__tl::Option<#path>)
        }
    }
}

/// A constructor or function: the struct and its impls.
fn combinator(p: &Paths<'_>, c: &Combinator, page: Page, options: &EmitOptions) -> TokenStream {
    let name = format_ident!("{}", c.rust_name);
    let error_type = (p.model.errors.is_some() && !c.errors.is_empty())
        .then(|| p.error_path(c).to_string().replace(' ', ""));
    let has_new = c.has_optional_fields();
    let doc = docs::combinator(c, p.model.dialect, page, error_type.as_deref());
    let derive = derives(options, c.eq, c.default);
    let fields = c.fields.iter().map(|f| {
        let fname = ident(&f.name);
        let ty = field_type(p, &f.shape);
        let fdoc = docs::field(f);
        let serde = match &f.shape {
            FieldShape::Plain(w) => serde_attr(options, w, false),
            FieldShape::Optional(w) => serde_attr(options, w, true),
            _ => quote!(),
        };
        quote!(#fdoc #serde pub #fname: #ty,)
    });
    let (impl_plain, ty_generics) = generics(c, quote!());
    let id = hex(c.id);
    let new = has_new.then(|| new_fn(p, c));
    let implied = c.implied_flags.iter().map(|(method, f)| {
        let method = ident(method);
        let fname = ident(&c.fields[*f].name);
        let text = format!(
            " Whether the TL flag `{method}` is set: it shares its bit with `{}`, so it is set exactly when that is present.",
            c.fields[*f].name
        );
        quote! {
            #[doc = #text]
            #[inline]
            pub fn #method(&self) -> bool {
                self.#fname.is_some()
            }
        }
    });
    let inherent = if c.implied_flags.is_empty() && !has_new {
        quote!()
    } else {
        quote!(impl #impl_plain #name #ty_generics { #new #(#implied)* })
    };
    let bare = bare_impl(p, c, &name);
    let debug_fields: Vec<(String, bool)> = c
        .fields
        .iter()
        .map(|f| {
            let bytes = match &f.shape {
                FieldShape::Plain(w) | FieldShape::Optional(w) => holds_bytes(w),
                _ => false,
            };
            (f.name.clone(), bytes)
        })
        .collect();
    let debug = debug_struct(&name, &debug_fields, generics(c, quote!(__tl::fmt::Debug)));
    let remote = c.returns.as_ref().map(|ret| {
        let (impl_rc, _) = generics(c, quote!(__tl::RemoteCall + __tl::Deserialize));
        let (ret, error) = match ret {
            // A wrapper (`invokeWithLayer`) answers and fails as its query does.
            WireType::Var(v) => {
                let v = format_ident!("{v}");
                (quote!(#v::Return), quote!(#v::Error))
            }
            other => (codec::rust_type(p, other), p.error_path(c)),
        };
        quote! {
            impl #impl_rc __tl::RemoteCall for #name #ty_generics {
                type Return = #ret;
                type Error = #error;
            }
        }
    });
    // `Serialize` and `Deserialize` come from the runtime's impls for every
    // `Bare + Identifiable` type: the id, then the bare fields.
    quote! {
        #doc
        #derive
        pub struct #name #ty_generics {
            #(#fields)*
        }
        #inherent
        impl #impl_plain __tl::Identifiable for #name #ty_generics {
            const CONSTRUCTOR_ID: u32 = #id;
        }
        #bare
        #debug
        #remote
    }
}

/// `new` with the required fields in schema order: every optional field
/// absent, every flag off. A boxed field is taken unboxed.
fn new_fn(p: &Paths<'_>, c: &Combinator) -> TokenStream {
    let mut params = Vec::new();
    let inits: Vec<TokenStream> = c
        .fields
        .iter()
        .map(|f| {
            let fname = ident(&f.name);
            match &f.shape {
                FieldShape::Plain(w) => {
                    let ty = codec::rust_type_unboxed(p, w);
                    params.push(quote!(#fname: #ty));
                    if codec::is_indirect(w) {
                        quote!(#fname: __tl::Box::new(#fname))
                    } else {
                        quote!(#fname)
                    }
                }
                FieldShape::Flag => quote!(#fname: false),
                FieldShape::Optional(_) | FieldShape::Group(_) => {
                    quote!(#fname: __tl::None)
                }
            }
        })
        .collect();
    quote! {
        /// The value with these required fields: every optional field absent,
        /// every flag off.
        #[inline]
        pub fn new(#(#params),*) -> Self {
            Self { #(#inits),* }
        }
    }
}

/// The struct of a flag group: the values on one bit, by their TL names.
fn group_struct(
    p: &Paths<'_>,
    c: &Combinator,
    field: &Field,
    group: &Group,
    options: &EmitOptions,
) -> TokenStream {
    let name = format_ident!("{}", group.rust_name);
    let doc = docs::group(c, field);
    let derive = derives(options, group.eq, group.default);
    let fields = group.parts.iter().zip(&field.docs).map(|(part, doc)| {
        let fname = ident(&part.name);
        let ty = codec::rust_type(p, &part.wire);
        let fdoc = doc.as_deref().map(docs::attrs);
        let serde = serde_attr(options, &part.wire, false);
        quote!(#fdoc #serde pub #fname: #ty,)
    });
    let debug_fields: Vec<(String, bool)> = group
        .parts
        .iter()
        .map(|part| (part.name.clone(), holds_bytes(&part.wire)))
        .collect();
    let debug = debug_struct(&name, &debug_fields, (quote!(), quote!()));
    quote! {
        #doc
        #derive
        pub struct #name {
            #(#fields)*
        }
        #debug
    }
}

/// `#[serde(with = …)]` for byte strings (`optional` for an `Option` of
/// one), so that serde sees bytes, not a list of numbers.
fn serde_attr(options: &EmitOptions, w: &WireType, optional: bool) -> TokenStream {
    if !options.serde {
        return quote!();
    }
    match (w, optional) {
        (WireType::Bytes, false) => quote!(#[serde(with = "::tl_runtime::serde_bytes")]),
        (WireType::Fixed(n), false) if *n > 32 => {
            quote!(#[serde(with = "::tl_runtime::serde_bytes::fixed")])
        }
        (WireType::Bytes, true) => quote!(#[serde(with = "::tl_runtime::serde_bytes::option")]),
        _ => quote!(),
    }
}

/// The `Bare` impl: size, write and read of the fields without the id.
fn bare_impl(p: &Paths<'_>, c: &Combinator, name: &proc_macro2::Ident) -> TokenStream {
    let (impl_bare, ty_generics) = {
        let bound = quote!(__tl::Serialize + __tl::Deserialize);
        generics(c, bound)
    };
    let tl_name = &c.tl_name;
    let write = bare_write(c);
    let read = bare_read(p, c);
    quote! {
        impl #impl_bare __tl::Bare for #name #ty_generics {
            const NAME: &'static str = #tl_name;
            fn serialize_with_id<S: __tl::Sink + ?Sized>(
                &self,
                id: __tl::Option<u32>,
                out: &mut S,
            ) {
                #write
            }
            #[inline]
            fn deserialize_bare(r: &mut __tl::Reader<'_>) -> __tl::Result<Self> {
                #read
            }
        }
    }
}

fn flag_expr(c: &Combinator, bits: &[(u32, usize)]) -> TokenStream {
    if bits.is_empty() {
        return quote!(0);
    }
    let terms = bits.iter().map(|&(bit, f)| {
        let fname = ident(&c.fields[f].name);
        let set = match c.fields[f].shape {
            FieldShape::Flag => quote!(u32::from(self.#fname)),
            _ => quote!(u32::from(self.#fname.is_some())),
        };
        if bit == 0 {
            return set;
        }
        let bit = Literal::u32_unsuffixed(bit);
        // Alone, the shift needs no parentheses (rustc's `unused_parens`
        // fires in `include!`d build-script output).
        if bits.len() == 1 {
            quote!(#set << #bit)
        } else {
            quote!((#set << #bit))
        }
    });
    quote!(#(#terms)|*)
}

/// Consecutive fixed-width writes of a struct (its `flags`, then `id:int
/// date:int`...), joined into one `put_slice` of a stack array: one capacity
/// check of the output instead of one per field. The first run also holds
/// the constructor id (`id`) when the boxed form is written.
struct FixedRun {
    /// Each write as (`&[u8; width]` expression, width, the statement alone).
    parts: Vec<(TokenStream, usize, TokenStream)>,
    /// No run was written yet: the next one starts with the id.
    lead: bool,
}

impl FixedRun {
    fn new() -> Self {
        FixedRun {
            parts: Vec::new(),
            lead: true,
        }
    }

    fn push(&mut self, bytes: TokenStream, width: usize, alone: TokenStream) {
        self.parts.push((bytes, width, alone));
    }

    /// The statement writing the run (none when empty), leaving it empty.
    fn flush(&mut self, stmts: &mut Vec<TokenStream>) {
        let parts = core::mem::take(&mut self.parts);
        let lead = core::mem::replace(&mut self.lead, false);
        let copies = |start: usize| {
            let mut at = start;
            parts
                .iter()
                .map(|(bytes, width, _)| {
                    let (from, to) = (
                        Literal::usize_unsuffixed(at),
                        Literal::usize_unsuffixed(at + width),
                    );
                    at += width;
                    quote!(run[#from..#to].copy_from_slice(#bytes);)
                })
                .collect::<Vec<_>>()
        };
        let total = |start: usize| {
            Literal::usize_unsuffixed(start + parts.iter().map(|p| p.1).sum::<usize>())
        };
        match (lead, parts.as_slice()) {
            (true, []) => stmts.push(quote!(__tl::wire::write_id(out, id);)),
            (true, _) => {
                let (total, copies) = (total(4), copies(4));
                stmts.push(quote! {
                    let mut run = __tl::wire::run_with_id::<#total>(id);
                    #(#copies)*
                    __tl::wire::write_run(out, &run, id.is_some());
                });
            }
            (false, []) => {}
            (false, [(_, _, alone)]) => stmts.push(alone.clone()),
            (false, _) => {
                let (total, copies) = (total(0), copies(0));
                stmts.push(quote! {
                    let mut run = [0u8; #total];
                    #(#copies)*
                    __tl::Sink::put_slice(out, &run);
                });
            }
        }
    }
}

fn bare_write(c: &Combinator) -> TokenStream {
    let mut stmts = Vec::new();
    let mut run = FixedRun::new();
    let mut wire = c.wire.iter().peekable();
    while let Some(w) = wire.next() {
        match w {
            WireParam::Flags { bits, .. } => {
                let e = flag_expr(c, bits);
                run.push(
                    quote!(&u32::to_le_bytes(#e)),
                    4,
                    quote!(__tl::Sink::put_u32(out, #e);),
                );
            }
            WireParam::TrueFlag { .. } => {}
            WireParam::LengthOf => {
                run.flush(&mut stmts);
                // The next parameter is the `Object` whose length this is.
                if let Some(WireParam::Value { field, .. }) = wire.peek() {
                    let fname = ident(&c.fields[*field].name);
                    stmts.push(quote! {
                        __tl::Sink::put_i32(out, i32::try_from(__tl::Serialize::serialized_len(&self.#fname)).unwrap_or(i32::MAX));
                    });
                }
            }
            WireParam::Value {
                field,
                part,
                condition,
            } => {
                let ty = c.value_type(*field, *part);
                let fname = ident(&c.fields[*field].name);
                if condition.is_none() {
                    if let Some((bytes, width)) = codec::fixed_bytes(ty, quote!(self.#fname)) {
                        let alone = codec::write(ty, &codec::Value::Place(quote!(self.#fname)));
                        run.push(bytes, width, alone);
                        continue;
                    }
                }
                run.flush(&mut stmts);
                let stmt = match (condition, &c.fields[*field].shape, part) {
                    (None, ..) => codec::write(ty, &codec::Value::Place(quote!(self.#fname))),
                    (Some(_), FieldShape::Group(group), Some(k)) => {
                        let part = ident(&group.parts[*k].name);
                        let write = codec::write(ty, &codec::Value::Place(quote!(g.#part)));
                        quote!(if let __tl::Some(g) = &self.#fname { #write })
                    }
                    (Some(_), ..) => codec::write_optional(ty, quote!(self.#fname)),
                };
                stmts.push(stmt);
            }
        }
    }
    run.flush(&mut stmts);
    quote!(#(#stmts)*)
}

/// The body of `deserialize_bare`: each value into a local, in wire order,
/// then the struct from the locals. (Reading straight into the struct
/// expression is shorter but keeps the half-built struct in a temporary,
/// which costs a decode of `messages.messages` 2.6%.)
fn bare_read(p: &Paths<'_>, c: &Combinator) -> TokenStream {
    let mut stmts = Vec::new();
    let mut inits = Vec::new();
    let mut length: Option<TokenStream> = None;
    for w in &c.wire {
        match w {
            WireParam::Flags { local, .. } => {
                let local = format_ident!("{local}");
                stmts.push(quote!(let #local = r.read_nat()?;));
            }
            WireParam::LengthOf => {
                stmts.push(quote!(let len_body = r.read_i32()?;));
                length = Some(quote!(len_body));
            }
            // Every flags word is read before the struct is built.
            WireParam::TrueFlag {
                field: Some(f),
                condition,
            } => {
                let fname = ident(&c.fields[*f].name);
                let test = bit_test(condition);
                inits.push(quote!(#fname: #test));
            }
            WireParam::TrueFlag { field: None, .. } => {}
            WireParam::Value {
                field,
                part,
                condition,
            } => {
                let ty = c.value_type(*field, *part);
                let value = match condition {
                    None => {
                        let read = codec::read(p, ty, length.as_ref());
                        quote!(#read?)
                    }
                    Some(cond) => codec::read_optional(p, ty, bit_test(cond)),
                };
                let local = match part {
                    Some(k) => format_ident!("{}_{}", binding(c, *field), k),
                    None => {
                        let fname = ident(&c.fields[*field].name);
                        let local = binding(c, *field);
                        inits.push(quote!(#fname: #local));
                        local
                    }
                };
                stmts.push(quote!(let #local = #value;));
            }
        }
    }
    // Groups: present when every part was read (the parts share one bit).
    for (f, field) in c.fields.iter().enumerate() {
        if let FieldShape::Group(group) = &field.shape {
            let b = binding(c, f);
            let locals: Vec<_> = (0..group.parts.len())
                .map(|k| format_ident!("{}_{}", b, k))
                .collect();
            let names = group.parts.iter().map(|part| ident(&part.name));
            let path = group_path(group);
            let fname = ident(&field.name);
            inits.push(quote! {
                #fname: match (#(#locals,)*) {
                    (#(__tl::Some(#locals),)*) => __tl::Some(#path { #(#names: #locals),* }),
                    _ => __tl::None,
                }
            });
        }
    }
    let body = quote!(#(#stmts)* __tl::Ok(Self { #(#inits,)* }));
    let reader_used = !c.wire.is_empty();
    if c.recursive && reader_used {
        quote!(r.nested(|r| { #body }))
    } else if reader_used {
        body
    } else {
        quote!(let _ = r; #body)
    }
}

fn bit_test(condition: &(String, u32)) -> TokenStream {
    let local = format_ident!("{}", condition.0);
    let mask = if condition.1 == 0 {
        quote!(1)
    } else {
        let bit = Literal::u32_unsuffixed(condition.1);
        quote!((1 << #bit))
    };
    quote!(#local & #mask != 0)
}

/// A boxed type: the enum, its impls, and conversions from and to its structs.
fn boxed_enum(p: &Paths<'_>, t: usize, options: &EmitOptions) -> TokenStream {
    let ty = &p.model.types[t];
    let name = format_ident!("{}", ty.rust_name);
    let doc = docs::boxed_type(ty, p.model.dialect);
    let derive = derives(options, ty.eq, false);
    let tl_name = &ty.tl_name;
    let mut variants = Vec::new();
    let mut debug_variants = Vec::new();
    let mut write_arms = Vec::new();
    let mut read_arms = Vec::new();
    let mut id_arms = Vec::new();
    let mut conversions = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    let single = ty.constructors.len() == 1;
    for (i, &ci) in ty.constructors.iter().enumerate() {
        let c = &p.model.constructors[ci];
        let v = format_ident!("{}", ty.variants[i]);
        let path = p.ctor_path(ci);
        let id = hex(c.id);
        let boxed = ty.boxed_variants.get(i).copied().unwrap_or(false);
        id_arms.push(if c.is_unit() {
            quote!(Self::#v => #id,)
        } else {
            quote!(Self::#v(_) => #id,)
        });
        if c.is_unit() {
            variants.push(quote!(#v,));
            debug_variants.push((v.clone(), false));
            write_arms.push(quote!(Self::#v => __tl::Sink::put_u32(out, #id),));
            if seen_ids.insert(c.id) {
                read_arms.push(quote!(#id => Self::#v,));
            }
            conversions.push(quote! {
                impl __tl::From<#path> for #name {
                    #[inline]
                    fn from(_: #path) -> Self {
                        Self::#v
                    }
                }
            });
            conversions.push(try_from(
                &name,
                &path,
                quote!(#name::#v),
                quote!(#path {}),
                single,
            ));
            continue;
        }
        let held = if boxed {
            quote!(__tl::Box<#path>)
        } else {
            path.clone()
        };
        variants.push(quote!(#v(#held),));
        debug_variants.push((v.clone(), true));
        let inner = if boxed { quote!(&**x) } else { quote!(x) };
        write_arms.push(quote!(Self::#v(x) => __tl::Serialize::serialize(#inner, out),));
        // The struct is the variant's: the compiler infers it.
        let read = quote!(__tl::Bare::deserialize_bare(r)?);
        let read = if boxed {
            quote!(__tl::Box::new(#read))
        } else {
            read
        };
        if seen_ids.insert(c.id) {
            read_arms.push(quote!(#id => Self::#v(#read),));
        }
        let wrap = if boxed {
            quote!(__tl::Box::new(x))
        } else {
            quote!(x)
        };
        let unwrap = if boxed { quote!(*x) } else { quote!(x) };
        conversions.push(quote! {
            impl __tl::From<#path> for #name {
                #[inline]
                fn from(x: #path) -> Self {
                    Self::#v(#wrap)
                }
            }
        });
        conversions.push(try_from(&name, &path, quote!(#name::#v(x)), unwrap, single));
    }
    let debug = debug_enum(&name, &debug_variants);
    let non_exhaustive = options.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let read = quote! {
        let id = r.read_u32()?;
        __tl::Ok(match id {
            #(#read_arms)*
            _ => return __tl::Err(r.unknown_constructor(id, #tl_name)),
        })
    };
    // Only a type that can contain itself can nest without bound.
    let read = if ty.recursive {
        quote!(r.nested(|r| { #read }))
    } else {
        read
    };
    quote! {
        #doc
        #derive
        #non_exhaustive
        pub enum #name {
            #(#variants)*
        }
        #debug
        impl #name {
            /// The wire id of the constructor this value holds.
            #[inline]
            pub fn constructor_id(&self) -> u32 {
                match self {
                    #(#id_arms)*
                }
            }
        }
        impl __tl::Serialize for #name {
            fn serialize<S: __tl::Sink + ?Sized>(&self, out: &mut S) {
                match self {
                    #(#write_arms)*
                }
            }
        }
        impl __tl::Deserialize for #name {
            const MIN_WIRE_LEN: usize = 4;
            #[inline]
            fn deserialize(r: &mut __tl::Reader<'_>) -> __tl::Result<Self> {
                #read
            }
        }
        #(#conversions)*
    }
}

/// `TryFrom<Enum> for Struct`, or `From` when the enum has only this variant.
fn try_from(
    name: &proc_macro2::Ident,
    path: &TokenStream,
    pattern: TokenStream,
    value: TokenStream,
    single: bool,
) -> TokenStream {
    if single {
        return quote! {
            impl __tl::From<#name> for #path {
                #[inline]
                fn from(e: #name) -> Self {
                    let #pattern = e;
                    #value
                }
            }
        };
    }
    quote! {
        impl __tl::TryFrom<#name> for #path {
            type Error = #name;
            #[inline]
            fn try_from(e: #name) -> __tl::Result<Self, #name> {
                match e {
                    #pattern => __tl::Ok(#value),
                    other => __tl::Err(other),
                }
            }
        }
    }
}
