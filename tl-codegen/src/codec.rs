//! How one TL type is held, sized, written and read: the expressions generated
//! code uses for a value of a given [`WireType`].
//!
//! Every function takes the value as an identifier bound to a `&T`, where `T`
//! is the Rust type from [`rust_type`] (a `Box` included): generated code binds
//! fields first (`let Self { id: f_id, .. } = self;`), so that expressions such
//! as `f_id.len()` need no parentheses or extra borrows.

use crate::ident::ident;
use crate::model::{Model, ObjectEnd, WireParam, WireType};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// Paths from one generated module back to the macro's output root.
#[derive(Clone)]
pub struct Paths<'m> {
    /// The model the paths point into.
    pub model: &'m Model,
    /// `super::super::` for an item two modules deep.
    pub root: TokenStream,
}

impl Paths<'_> {
    fn item(&self, top: &str, module: &[String], name: &str) -> TokenStream {
        let root = &self.root;
        let top = format_ident!("{top}");
        let module = module.iter().map(|m| ident(m));
        let name = format_ident!("{name}");
        quote!(#root #top :: #(#module ::)* #name)
    }

    /// The path of the enum of boxed type `index`.
    pub fn enum_path(&self, index: usize) -> TokenStream {
        let t = &self.model.types[index];
        self.item("enums", &t.module, &t.rust_name)
    }

    /// The path of the struct of function `f`.
    pub fn function_path(&self, f: &crate::model::Combinator) -> TokenStream {
        self.item("functions", &f.module, &f.rust_name)
    }

    /// The path of function `f`'s error type: its own enum if the docs list
    /// errors for it, else the enum of every known error, else `RpcError`.
    pub fn error_path(&self, f: &crate::model::Combinator) -> TokenStream {
        match &self.model.errors {
            Some(_) if !f.errors.is_empty() => {
                self.item("errors", &f.module, &format!("{}Error", f.rust_name))
            }
            Some(set) => self.item("errors", &[], &set.general_name),
            None => quote!(::tl_runtime::RpcError),
        }
    }

    /// The path of the struct of constructor `index`.
    pub fn ctor_path(&self, index: usize) -> TokenStream {
        let c = &self.model.constructors[index];
        self.item("types", &c.module, &c.rust_name)
    }
}

/// `::tl_runtime::__private::Box<T>` if `indirect`.
fn boxed(inner: TokenStream, indirect: bool) -> TokenStream {
    if indirect {
        quote!(::tl_runtime::__private::Box<#inner>)
    } else {
        inner
    }
}

/// The Rust type holding a value.
pub fn rust_type(p: &Paths<'_>, w: &WireType) -> TokenStream {
    match w {
        WireType::Int => quote!(i32),
        WireType::Long => quote!(i64),
        WireType::Double => quote!(f64),
        WireType::Nat => quote!(u32),
        WireType::Fixed(n) => {
            let n = Literal::usize_unsuffixed(*n);
            quote!([u8; #n])
        }
        WireType::String => quote!(::tl_runtime::__private::String),
        WireType::Bytes => quote!(::tl_runtime::__private::Vec<u8>),
        WireType::Bool => quote!(bool),
        WireType::Boxed { index, indirect } => boxed(p.enum_path(*index), *indirect),
        WireType::Bare { index, indirect } => boxed(p.ctor_path(*index), *indirect),
        WireType::Vector { item, .. } => {
            let item = rust_type(p, item);
            quote!(::tl_runtime::__private::Vec<#item>)
        }
        WireType::Var(v) => {
            let v = format_ident!("{v}");
            quote!(#v)
        }
        WireType::Object(_) => quote!(::tl_runtime::RawObject),
        WireType::BoxedTrue => quote!(::tl_runtime::True),
    }
}

/// The Rust type of a value without its `Box`, for `new`, which boxes.
pub fn rust_type_unboxed(p: &Paths<'_>, w: &WireType) -> TokenStream {
    match w {
        WireType::Boxed { index, .. } => p.enum_path(*index),
        WireType::Bare { index, .. } => p.ctor_path(*index),
        other => rust_type(p, other),
    }
}

/// Whether the value is held in a `Box`.
pub fn is_indirect(w: &WireType) -> bool {
    matches!(
        w,
        WireType::Boxed { indirect: true, .. } | WireType::Bare { indirect: true, .. }
    )
}

/// `&**v` for a boxed value, so that trait functions see the inner type.
fn unbox(w: &WireType, v: TokenStream) -> TokenStream {
    match w {
        WireType::Boxed { indirect: true, .. } | WireType::Bare { indirect: true, .. } => {
            quote!(&**#v)
        }
        _ => v,
    }
}

/// A statement writing the value to `out`.
pub fn write(w: &WireType, v: TokenStream) -> TokenStream {
    match w {
        WireType::Int => quote!(::tl_runtime::Sink::put_i32(out, *#v);),
        WireType::Long => quote!(::tl_runtime::Sink::put_i64(out, *#v);),
        WireType::Double => quote!(::tl_runtime::Sink::put_f64(out, *#v);),
        WireType::Nat => quote!(::tl_runtime::Sink::put_u32(out, ::tl_runtime::wire::nat(*#v));),
        WireType::Fixed(_) => quote!(::tl_runtime::Sink::put_slice(out, #v);),
        WireType::String => quote!(::tl_runtime::wire::write_bytes(out, #v.as_bytes());),
        WireType::Bytes => quote!(::tl_runtime::wire::write_bytes(out, #v);),
        WireType::Bool => quote!(::tl_runtime::wire::write_bool(out, *#v);),
        WireType::BoxedTrue => quote!(::tl_runtime::Sink::put_u32(out, 0x3fedd339);),
        WireType::Boxed { .. } | WireType::Var(_) | WireType::Object(_) => {
            let v = unbox(w, v);
            quote!(::tl_runtime::Serialize::serialize(#v, out);)
        }
        WireType::Bare { .. } => {
            let v = unbox(w, v);
            quote!(::tl_runtime::Bare::serialize_bare(#v, out);)
        }
        WireType::Vector { bare, item } => {
            // Numbers go through the runtime's chunked writer, which makes
            // room for the whole vector once.
            let number = match **item {
                WireType::Int => Some(quote!(i32)),
                WireType::Long => Some(quote!(i64)),
                WireType::Double => Some(quote!(f64)),
                _ => None,
            };
            let write_items = match number {
                Some(n) => quote!(<#n as ::tl_runtime::Serialize>::serialize_items(#v, out);),
                None => {
                    let write_item = write(item, quote!(x));
                    quote! {
                        for x in #v.iter() {
                            #write_item
                        }
                    }
                }
            };
            let header = if *bare {
                quote!(::tl_runtime::wire::write_count(out, #v.len());)
            } else {
                quote!(::tl_runtime::wire::write_vector_header(out, #v.len());)
            };
            quote! {
                #header
                #write_items
            }
        }
    }
}

/// An expression of type `&[u8; N]`: the encoding of a fixed-width value,
/// for writes that are joined into one (see `emit::FixedRun`), with `N`.
/// `None` for types that are not written as plain little-endian bytes.
pub fn fixed_bytes(w: &WireType, v: TokenStream) -> Option<(TokenStream, usize)> {
    Some(match w {
        WireType::Int | WireType::Long | WireType::Double => {
            (quote!(&(*#v).to_le_bytes()), w.fixed_size()?)
        }
        // Checked as in `write`: a `#` of 2^31 or more is not written.
        WireType::Nat => (quote!(&::tl_runtime::wire::nat(*#v).to_le_bytes()), 4),
        WireType::Fixed(n) => (v, *n),
        _ => return None,
    })
}

/// A function path reading the value, where one exists (`Reader::read_i32`).
fn read_fn(p: &Paths<'_>, w: &WireType) -> Option<TokenStream> {
    Some(match w {
        WireType::Int => quote!(::tl_runtime::Reader::read_i32),
        WireType::Long => quote!(::tl_runtime::Reader::read_i64),
        WireType::Double => quote!(::tl_runtime::Reader::read_f64),
        WireType::Nat => quote!(::tl_runtime::Reader::read_nat),
        WireType::Fixed(n) => {
            let n = Literal::usize_unsuffixed(*n);
            quote!(::tl_runtime::Reader::read_array::<#n>)
        }
        WireType::String => quote!(::tl_runtime::Reader::read_string),
        WireType::Bytes => quote!(::tl_runtime::Reader::read_bytes),
        WireType::Bool => quote!(::tl_runtime::Reader::read_bool),
        WireType::BoxedTrue => quote!(::tl_runtime::Reader::read_boxed_true),
        WireType::Boxed {
            index,
            indirect: false,
        } => {
            let path = p.enum_path(*index);
            quote!(<#path as ::tl_runtime::Deserialize>::deserialize)
        }
        WireType::Bare {
            index,
            indirect: false,
        } => {
            let path = p.ctor_path(*index);
            quote!(<#path as ::tl_runtime::Bare>::deserialize_bare)
        }
        WireType::Var(v) => {
            let v = format_ident!("{v}");
            quote!(<#v as ::tl_runtime::Deserialize>::deserialize)
        }
        WireType::Object(ObjectEnd::Rest) => {
            quote!(<::tl_runtime::RawObject as ::tl_runtime::Deserialize>::deserialize)
        }
        WireType::Object(ObjectEnd::Known) => {
            let root = &p.root;
            quote!(#root read_object)
        }
        _ => return None,
    })
}

/// An expression of type `Result<T>` reading the value from `r`.
/// `length` names the local holding a preceding `bytes:int`, for sized objects.
pub fn read(p: &Paths<'_>, w: &WireType, length: Option<&TokenStream>) -> TokenStream {
    if let Some(f) = read_fn(p, w) {
        return quote!(#f(r));
    }
    match w {
        WireType::Boxed {
            index,
            indirect: true,
        } => {
            let path = p.enum_path(*index);
            quote!(<#path as ::tl_runtime::Deserialize>::deserialize(r).map(::tl_runtime::__private::Box::new))
        }
        WireType::Bare {
            index,
            indirect: true,
        } => {
            let path = p.ctor_path(*index);
            quote!(<#path as ::tl_runtime::Bare>::deserialize_bare(r).map(::tl_runtime::__private::Box::new))
        }
        WireType::Object(ObjectEnd::Sized) => {
            let length = length.cloned().unwrap_or_else(|| quote!(0));
            quote!(r.read_sized_object(#length))
        }
        WireType::Vector { bare, item } => {
            let min = min_len(p.model, item, 0);
            let min = Literal::usize_unsuffixed(min);
            let item_read = match read_fn(p, item) {
                Some(f) => f,
                None => {
                    let inner = read(p, item, None);
                    quote!(|r: &mut ::tl_runtime::Reader<'_>| #inner)
                }
            };
            if *bare {
                quote!(r.read_bare_vector(#item_read, #min))
            } else {
                quote!(r.read_vector(#item_read, #min))
            }
        }
        // Unreachable for every `WireType`, whatever the schema: `read_fn`
        // returns `None` only for the four kinds matched above (indirect
        // boxed and bare values, sized objects, vectors).
        _ => unreachable!("handled by read_fn"),
    }
}

/// The fewest bytes a value can take on the wire, used to reject impossible
/// vector counts before allocating.
pub fn min_len(model: &Model, w: &WireType, depth: usize) -> usize {
    if let Some(n) = w.fixed_size() {
        return n;
    }
    match w {
        WireType::String | WireType::Bytes | WireType::Boxed { .. } | WireType::Object(_) => 4,
        WireType::Vector { bare: true, .. } => 4,
        WireType::Vector { bare: false, .. } => 8,
        WireType::Bare { index, .. } if depth < 8 => model.constructors[*index]
            .wire
            .iter()
            .map(|param| match param {
                WireParam::Flags { .. } | WireParam::LengthOf => 4,
                WireParam::Value {
                    field,
                    part,
                    condition: None,
                } => min_len(
                    model,
                    model.constructors[*index].value_type(*field, *part),
                    depth + 1,
                ),
                _ => 0,
            })
            .sum(),
        _ => 0,
    }
}
