//! How one TL type is held, sized, written and read: the expressions generated
//! code uses for a value of a given [`WireType`].
//!
//! Where a Rust type's own `Serialize`/`Deserialize` impls write and read
//! exactly its TL form ([`is_natural`]), generated code calls the traits and
//! lets the compiler infer the type, which keeps it short; the other types
//! (`bytes`, bare constructors, boxes) get the reader or writer call that
//! fits them.

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
            None => quote!(__tl::RpcError),
        }
    }

    /// The path of the struct of constructor `index`.
    pub fn ctor_path(&self, index: usize) -> TokenStream {
        let c = &self.model.constructors[index];
        self.item("types", &c.module, &c.rust_name)
    }
}

/// `__tl::Box<T>` if `indirect`.
fn boxed(inner: TokenStream, indirect: bool) -> TokenStream {
    if indirect {
        quote!(__tl::Box<#inner>)
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
        WireType::String => quote!(__tl::String),
        WireType::Bytes => quote!(__tl::Vec<u8>),
        WireType::Bool => quote!(bool),
        WireType::Boxed { index, indirect } => boxed(p.enum_path(*index), *indirect),
        WireType::Bare { index, indirect } => boxed(p.ctor_path(*index), *indirect),
        WireType::Vector { item, .. } => {
            let item = rust_type(p, item);
            quote!(__tl::Vec<#item>)
        }
        WireType::Var(v) => {
            let v = format_ident!("{v}");
            quote!(#v)
        }
        WireType::Object(_) => quote!(__tl::RawObject),
        WireType::BoxedTrue => quote!(__tl::True),
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

/// Whether `T`'s own `Serialize` and `Deserialize` write and read exactly the
/// TL form of `w`, where `T` is [`rust_type`]. Not so for `bytes` (`Vec<u8>`
/// has no impl), bare constructors and bare vectors (a struct's impls write
/// its id), boxed `true` (`True` is the zero-byte bare form), sized objects,
/// and values in a `Box`.
pub fn is_natural(w: &WireType) -> bool {
    match w {
        WireType::Int
        | WireType::Long
        | WireType::Double
        | WireType::Nat
        | WireType::Fixed(_)
        | WireType::String
        | WireType::Bool
        | WireType::Var(_)
        | WireType::Object(ObjectEnd::Rest)
        | WireType::Boxed {
            indirect: false, ..
        } => true,
        WireType::Vector { bare: false, item } => is_natural(item),
        _ => false,
    }
}

/// A value as generated code reaches it: a place of type `T` (`self.id`,
/// `g.id`) or a binding of type `&T` (`v` in `if let Some(v) = &self.id`).
#[derive(Clone)]
pub enum Value {
    /// An expression of type `T` that can be borrowed.
    Place(TokenStream),
    /// An identifier bound to a `&T`.
    Ref(TokenStream),
}

impl Value {
    /// The value itself, for `Copy` types: `self.id`, `*v`.
    fn copied(&self) -> TokenStream {
        match self {
            Value::Place(v) => v.clone(),
            Value::Ref(v) => quote!(*#v),
        }
    }

    /// A `&T`: `&self.id`, `v`.
    fn borrowed(&self) -> TokenStream {
        match self {
            Value::Place(v) => quote!(&#v),
            Value::Ref(v) => v.clone(),
        }
    }

    /// A method call's receiver: `self.id`, `v`.
    fn receiver(&self) -> TokenStream {
        match self {
            Value::Place(v) | Value::Ref(v) => v.clone(),
        }
    }

    /// A `&T` of the value a `Box<T>` holds when `w` is boxed, else
    /// [`Value::borrowed`].
    fn unboxed(&self, w: &WireType) -> TokenStream {
        match (self, is_indirect(w)) {
            (Value::Place(v), true) => quote!(&*#v),
            (Value::Ref(v), true) => quote!(&**#v),
            (_, false) => self.borrowed(),
        }
    }
}

/// A statement writing the value to `out`.
pub fn write(w: &WireType, v: &Value) -> TokenStream {
    match w {
        WireType::Int | WireType::Long | WireType::Double => {
            let put = match w {
                WireType::Int => quote!(put_i32),
                WireType::Long => quote!(put_i64),
                _ => quote!(put_f64),
            };
            let v = v.copied();
            quote!(__tl::Sink::#put(out, #v);)
        }
        WireType::Nat => {
            let v = v.copied();
            quote!(__tl::Sink::put_u32(out, __tl::wire::nat(#v));)
        }
        WireType::Fixed(_) => {
            let v = v.borrowed();
            quote!(__tl::Sink::put_slice(out, #v);)
        }
        WireType::String => {
            let v = v.receiver();
            quote!(__tl::wire::write_bytes(out, #v.as_bytes());)
        }
        WireType::Bytes => {
            let v = v.borrowed();
            quote!(__tl::wire::write_bytes(out, #v);)
        }
        WireType::Bool => {
            let v = v.copied();
            quote!(__tl::wire::write_bool(out, #v);)
        }
        WireType::BoxedTrue => quote!(__tl::Sink::put_u32(out, 0x3fedd339);),
        WireType::Boxed { .. } | WireType::Var(_) | WireType::Object(_) => {
            let v = v.unboxed(w);
            quote!(__tl::Serialize::serialize(#v, out);)
        }
        WireType::Bare { .. } => {
            let v = v.unboxed(w);
            quote!(__tl::Bare::serialize_bare(#v, out);)
        }
        // `Vec<T>`'s own impl: the header, then `T::serialize_items`, which
        // writes numbers in whole chunks.
        WireType::Vector { bare: false, .. } if is_natural(w) => {
            let v = v.borrowed();
            quote!(__tl::Serialize::serialize(#v, out);)
        }
        WireType::Vector { bare, item } => {
            let header = {
                let v = v.receiver();
                if *bare {
                    quote!(__tl::wire::write_count(out, #v.len());)
                } else {
                    quote!(__tl::wire::write_vector_header(out, #v.len());)
                }
            };
            let v = v.receiver();
            let write_item = write(item, &Value::Ref(quote!(x)));
            quote! {
                #header
                for x in #v.iter() {
                    #write_item
                }
            }
        }
    }
}

/// A statement writing an optional value (an `Option<T>` place) when it is
/// present.
pub fn write_optional(w: &WireType, place: TokenStream) -> TokenStream {
    if is_natural(w) {
        return quote!(__tl::wire::write_option(out, &#place););
    }
    let write = write(w, &Value::Ref(quote!(v)));
    quote!(if let __tl::Some(v) = &#place { #write })
}

/// An expression of type `&[u8; N]`: the encoding of a fixed-width value,
/// for writes that are joined into one (see `emit::FixedRun`), with `N`.
/// `None` for types that are not written as plain little-endian bytes.
pub fn fixed_bytes(w: &WireType, place: TokenStream) -> Option<(TokenStream, usize)> {
    Some(match w {
        WireType::Int | WireType::Long | WireType::Double => {
            (quote!(&#place.to_le_bytes()), w.fixed_size()?)
        }
        // Checked as in `write`: a `#` of 2^31 or more is not written.
        WireType::Nat => (quote!(&__tl::wire::nat(#place).to_le_bytes()), 4),
        WireType::Fixed(n) => (quote!(&#place), *n),
        _ => return None,
    })
}

/// A function path reading the value, where one exists (`Reader::read_bytes`).
fn read_fn(p: &Paths<'_>, w: &WireType) -> Option<TokenStream> {
    if is_natural(w) {
        return Some(quote!(__tl::Deserialize::deserialize));
    }
    Some(match w {
        WireType::Bytes => quote!(__tl::Reader::read_bytes),
        WireType::BoxedTrue => quote!(__tl::Reader::read_boxed_true),
        WireType::Bare {
            index,
            indirect: false,
        } => {
            let path = p.ctor_path(*index);
            quote!(<#path as __tl::Bare>::deserialize_bare)
        }
        WireType::Object(ObjectEnd::Known) => {
            let root = &p.root;
            quote!(#root read_object)
        }
        _ => return None,
    })
}

/// An expression of type `Result<T>` reading the value from `r`. Natural
/// types ([`is_natural`]) read through `Deserialize` with `T` inferred from
/// where the value goes. `length` names the local holding a preceding
/// `bytes:int`, for sized objects.
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
            quote!(<#path as __tl::Deserialize>::deserialize(r).map(__tl::Box::new))
        }
        WireType::Bare {
            index,
            indirect: true,
        } => {
            let path = p.ctor_path(*index);
            quote!(<#path as __tl::Bare>::deserialize_bare(r).map(__tl::Box::new))
        }
        WireType::Object(ObjectEnd::Sized) => {
            let length = length.cloned().unwrap_or_else(|| quote!(0));
            quote!(r.read_sized_object(#length))
        }
        WireType::Vector { bare, item } => {
            let min = min_len(p.model, item, 0);
            let min = Literal::usize_unsuffixed(min);
            let item_read = match read_fn(p, item) {
                // The item type is named: nothing else tells it.
                Some(_) if is_natural(item) => {
                    let t = rust_type(p, item);
                    quote!(<#t as __tl::Deserialize>::deserialize)
                }
                Some(f) => f,
                None => {
                    let inner = read(p, item, None);
                    quote!(|r: &mut __tl::Reader<'_>| #inner)
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
        // boxed and bare values, sized objects, vectors that are not
        // natural).
        _ => unreachable!("handled by read_fn"),
    }
}

/// An expression of type `Option<T>`, returning early on an error: the value
/// if `present`.
///
/// Written out rather than through a runtime helper returning
/// `Result<Option<T>>`: for large enums that extra layer costs a copy of the
/// value, 10% of a `messages.messages` decode (`tl-codegen/BENCHMARKS.md`).
pub fn read_optional(p: &Paths<'_>, w: &WireType, present: TokenStream) -> TokenStream {
    let read = read(p, w, None);
    quote!(if #present { __tl::Some(#read?) } else { __tl::None })
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
