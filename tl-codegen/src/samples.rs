//! `Sample` impls and `visit_samples`, emitted with `samples = true` for the
//! conformance tests: every constructor can then be built in every flag
//! combination that matters and round-tripped.

use crate::codec::Paths;
use crate::ident::ident;
use crate::model::{Combinator, FieldShape, Model, ObjectEnd, WireType};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// An expression of the field's type, built from `g`.
fn value(p: &Paths<'_>, w: &WireType) -> TokenStream {
    let nested = |path: TokenStream, indirect: bool| {
        let v = quote!({
            g.enter();
            let v = <#path as ::tl_runtime::sample::Sample>::sample(g);
            g.leave();
            v
        });
        if indirect {
            quote!(::tl_runtime::__private::Box::new(#v))
        } else {
            v
        }
    };
    match w {
        WireType::Int => quote!(g.i32()),
        WireType::Long => quote!(g.i64()),
        WireType::Double => quote!(g.f64()),
        WireType::Nat => quote!(g.nat()),
        WireType::Fixed(n) => {
            let n = Literal::usize_unsuffixed(*n);
            quote!(g.fixed::<#n>())
        }
        WireType::String => quote!(g.string()),
        WireType::Bytes => quote!(g.bytes()),
        WireType::Bool => quote!(g.bool()),
        WireType::BoxedTrue => quote!(::tl_runtime::True),
        WireType::Boxed { index, indirect } => nested(p.enum_path(*index), *indirect),
        WireType::Bare { index, indirect } => nested(p.ctor_path(*index), *indirect),
        WireType::Vector { item, .. } => {
            let item = value(p, item);
            quote!((0..g.len()).map(|_| #item).collect())
        }
        WireType::Var(v) => {
            let v = format_ident!("{v}");
            quote!(<#v as ::tl_runtime::sample::Sample>::sample(g))
        }
        WireType::Object(ObjectEnd::Known) => known_object(p),
        WireType::Object(_) => quote!(g.object()),
    }
}

/// An `Object` that `read_object` can find the end of: the first constructor
/// without fields (a constructor with fields could contain the same object
/// again), serialized.
fn known_object(p: &Paths<'_>) -> TokenStream {
    match p.model.constructors.iter().position(Combinator::is_unit) {
        Some(c) => {
            let id = crate::emit::hex(p.model.constructors[c].id);
            quote!(::tl_runtime::RawObject(::tl_runtime::__private::Vec::from(u32::to_le_bytes(#id))))
        }
        None => quote!(g.object()),
    }
}

/// `impl Sample` for a constructor or function struct.
pub fn combinator(p: &Paths<'_>, c: &Combinator) -> TokenStream {
    let name = format_ident!("{}", c.rust_name);
    let fields = c.fields.iter().map(|f| {
        let fname = ident(&f.name);
        let v = match &f.shape {
            FieldShape::Plain(w) => value(p, w),
            FieldShape::Flag => quote!(g.present()),
            FieldShape::Optional(w) => {
                let v = value(p, w);
                quote!(if g.present() { ::core::option::Option::Some(#v) } else { ::core::option::Option::None })
            }
            FieldShape::Group(group) => {
                let name = crate::emit::group_path(group);
                let parts = group.parts.iter().map(|part| {
                    let pname = ident(&part.name);
                    let v = value(p, &part.wire);
                    quote!(#pname: #v)
                });
                quote!(if g.present() { ::core::option::Option::Some(#name { #(#parts),* }) } else { ::core::option::Option::None })
            }
        };
        quote!(#fname: #v,)
    });
    let g = if c.fields.is_empty() {
        quote!(_g)
    } else {
        quote!(g)
    };
    quote! {
        impl ::tl_runtime::sample::Sample for #name {
            fn sample(#g: &mut ::tl_runtime::sample::Gen) -> Self {
                Self { #(#fields)* }
            }
        }
    }
}

/// `impl Sample` for a boxed type's enum.
pub fn boxed_enum(p: &Paths<'_>, t: usize) -> TokenStream {
    let ty = &p.model.types[t];
    let name = format_ident!("{}", ty.rust_name);
    let count = Literal::usize_unsuffixed(ty.constructors.len());
    let finite = Literal::usize_unsuffixed(ty.finite_variant);
    let arms = ty.constructors.iter().enumerate().map(|(i, &c)| {
        let v = format_ident!("{}", ty.variants[i]);
        let index = Literal::usize_unsuffixed(i);
        if p.model.constructors[c].is_unit() {
            return quote!(#index => Self::#v,);
        }
        let path = p.ctor_path(c);
        let value = quote!(<#path as ::tl_runtime::sample::Sample>::sample(g));
        let value = if ty.boxed_variants[i] {
            quote!(::tl_runtime::__private::Box::new(#value))
        } else {
            value
        };
        quote!(#index => Self::#v(#value),)
    });
    let last = ty.variants.last().map(|v| format_ident!("{v}"));
    let last_unit = ty
        .constructors
        .last()
        .is_some_and(|&c| p.model.constructors[c].is_unit());
    let fallback = match last {
        Some(v) if last_unit => quote!(_ => Self::#v,),
        _ => quote!(_ => unreachable!("variant() returns an index below the count")),
    };
    quote! {
        impl ::tl_runtime::sample::Sample for #name {
            fn sample(g: &mut ::tl_runtime::sample::Gen) -> Self {
                match g.variant(#count, #finite) {
                    #(#arms)*
                    #fallback
                }
            }
        }
    }
}

/// `visit_samples`: every constructor, non-generic function and boxed type.
pub fn visit(model: &Model) -> TokenStream {
    let paths = Paths {
        model,
        root: quote!(),
    };
    let ctors = (0..model.constructors.len()).map(|i| {
        let path = paths.ctor_path(i);
        quote!(v.constructor::<#path>();)
    });
    let funcs = model
        .functions
        .iter()
        .filter(|f| f.type_params.is_empty())
        .map(|f| {
            let path = paths.function_path(f);
            quote!(v.function::<#path>();)
        });
    let enums = model.types.iter().enumerate().map(|(t, ty)| {
        let path = paths.enum_path(t);
        let name = &ty.tl_name;
        quote!(v.boxed::<#path>(#name);)
    });
    let reencode = reencode(model, &paths);
    quote! {
        /// Walks every constructor, non-generic function and boxed type (tests).
        #[allow(dead_code)]
        pub fn visit_samples<V: ::tl_runtime::sample::Visitor>(v: &mut V) {
            #(#ctors)*
            #(#funcs)*
            #(#enums)*
        }
        #reencode
    }
}

/// `reencode`: decodes boxed bytes as the constructor or function their id
/// names, and encodes the value again; `None` for an id this schema lacks.
/// Tests use it to compare schemas (layers, other implementations) byte for byte.
fn reencode(model: &Model, paths: &Paths<'_>) -> TokenStream {
    let mut seen = std::collections::HashSet::new();
    let ctors = model
        .constructors
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, paths.ctor_path(i)));
    let funcs = model
        .functions
        .iter()
        .filter(|f| f.type_params.is_empty())
        .map(|f| (f.id, paths.function_path(f)));
    let arms = ctors.chain(funcs).filter(|(id, _)| seen.insert(*id)).map(|(id, path)| {
        let id = crate::emit::hex(id);
        quote!(#id => <#path as ::tl_runtime::Deserialize>::from_bytes(bytes).map(|v| ::tl_runtime::Serialize::to_bytes(&v)),)
    });
    quote! {
        /// Decodes `bytes` as the constructor or function their id names and
        /// encodes it again (tests); `None` if this schema lacks the id.
        #[allow(dead_code)]
        pub fn reencode(bytes: &[u8]) -> ::core::option::Option<::tl_runtime::Result<::tl_runtime::__private::Vec<u8>>> {
            let id = u32::from_le_bytes(*bytes.first_chunk::<4>()?);
            ::core::option::Option::Some(match id {
                #(#arms)*
                _ => return ::core::option::Option::None,
            })
        }
    }
}
