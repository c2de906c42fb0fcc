//! Docs in the model, and typed RPC errors: one enum of every error the docs'
//! global table names (plus the protocol-wide ones it leaves out), and one
//! enum per method of exactly the errors that method documents.

use crate::api_docs::{markdown, ApiDocs, ErrorDoc};
use crate::model::{ErrorSet, ErrorVariant, Model};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::HashSet;

/// Errors any call can get, which the docs' per-method tables leave out:
/// the redirects, authorization failures and flood waits of
/// <https://core.telegram.org/api/errors>. An entry of the docs' own table
/// with the same name wins.
const PROTOCOL_ERRORS: &[(i32, &str, &str)] = &[
    (
        303,
        "FILE_MIGRATE_%d",
        "The file is stored in DC %d: repeat the call there.",
    ),
    (
        303,
        "PHONE_MIGRATE_%d",
        "The phone number belongs to DC %d: repeat the call there.",
    ),
    (
        303,
        "NETWORK_MIGRATE_%d",
        "The client's IP address belongs to DC %d: repeat the call there.",
    ),
    (
        303,
        "USER_MIGRATE_%d",
        "The account belongs to DC %d: repeat the call there.",
    ),
    (
        303,
        "STATS_MIGRATE_%d",
        "These statistics are kept in DC %d: fetch them there.",
    ),
    (
        401,
        "AUTH_KEY_UNREGISTERED",
        "The authorization key is not registered: log in again.",
    ),
    (401, "AUTH_KEY_INVALID", "The authorization key is invalid."),
    (
        401,
        "USER_DEACTIVATED",
        "The account was deleted or deactivated.",
    ),
    (
        401,
        "USER_DEACTIVATED_BAN",
        "The account was deactivated for breaking the terms of service.",
    ),
    (
        401,
        "SESSION_REVOKED",
        "The session was terminated, for example by logging out from another device.",
    ),
    (401, "SESSION_EXPIRED", "The session has expired."),
    (
        401,
        "AUTH_KEY_PERM_EMPTY",
        "The call needs a permanent authorization key bound to the temporary one.",
    ),
    (
        401,
        "SESSION_PASSWORD_NEEDED",
        "Two-step verification is on: the account's password is needed to log in.",
    ),
    (
        406,
        "AUTH_KEY_DUPLICATED",
        "The same authorization key was used by several connections at once.",
    ),
    (
        420,
        "FLOOD_WAIT_%d",
        "Too many calls: wait %d seconds before calling again.",
    ),
];

/// Puts `docs` into `model`: descriptions and parameter docs where the schema
/// has none, each function's documented errors, and, with `typed_errors`,
/// the global error table.
pub fn attach(model: &mut Model, docs: &ApiDocs, typed_errors: bool) {
    for (c, is_function) in model
        .constructors
        .iter_mut()
        .map(|c| (c, false))
        .chain(model.functions.iter_mut().map(|f| (f, true)))
    {
        let table = if is_function {
            &docs.methods
        } else {
            &docs.constructors
        };
        let Some(item) = table.get(&c.tl_name) else {
            continue;
        };
        if c.doc.description.is_none() {
            c.doc.description.clone_from(&item.description);
        }
        for field in &mut c.fields {
            for (name, doc) in field.tl_names.iter().zip(&mut field.docs) {
                if doc.is_none() {
                    *doc = item.field(name).map(str::to_string);
                }
            }
        }
        if is_function {
            c.errors = variants(&item.errors);
        }
    }
    for t in &mut model.types {
        if t.doc.is_none() {
            t.doc = docs
                .types
                .get(&t.tl_name)
                .and_then(|d| d.description.clone());
        }
    }
    if typed_errors {
        let mut all = docs.errors.clone();
        let known: HashSet<String> = all.iter().map(|e| e.name.clone()).collect();
        all.extend(
            PROTOCOL_ERRORS
                .iter()
                .filter(|(_, name, _)| !known.contains(*name))
                .map(|&(code, name, description)| ErrorDoc {
                    code,
                    name: name.to_string(),
                    description: description.to_string(),
                }),
        );
        // A root-namespace method `api` would own `ApiError` for its own enum.
        let taken = model
            .functions
            .iter()
            .any(|f| f.module.is_empty() && format!("{}Error", f.rust_name) == "ApiError");
        model.errors = Some(ErrorSet {
            general_name: if taken { "AnyApiError" } else { "ApiError" }.to_string(),
            general: variants(&all),
        });
    }
}

/// Variants for one enum's errors: names from the error text, unique within
/// the enum; a name that appears twice keeps its first entry.
fn variants(errors: &[ErrorDoc]) -> Vec<ErrorVariant> {
    let mut seen = HashSet::new();
    let unique: Vec<&ErrorDoc> = errors.iter().filter(|e| seen.insert(&e.name)).collect();
    let mut taken: HashSet<String> = HashSet::from(["Other".to_string()]);
    let mut names = vec![String::new(); unique.len()];
    // Plain names first, so `AUTH_RESTART` keeps `AuthRestart` and
    // `AUTH_RESTART_%d` becomes `AuthRestartX`.
    let order = (0..unique.len())
        .filter(|&i| !unique[i].name.contains("%d"))
        .chain((0..unique.len()).filter(|&i| unique[i].name.contains("%d")));
    for i in order {
        let name = &unique[i].name;
        let mut candidate = camel(&name.replace("%d", ""));
        if taken.contains(&candidate) {
            candidate = camel(&name.replace("%d", "X"));
        }
        let base = candidate.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        names[i] = candidate;
    }
    unique
        .into_iter()
        .zip(names)
        .map(|(e, variant)| ErrorVariant {
            code: e.code,
            name: e.name.clone(),
            description: e.description.clone(),
            field: e.name.contains("%d").then(|| field_name(e)),
            variant,
        })
        .collect()
}

/// `FLOOD_WAIT_` → `FloodWait`, `2FA_CONFIRM_WAIT_` → `TwoFaConfirmWait`:
/// the generator's naming rule, with a leading digit spelled out instead of
/// escaped (a variant reads better as `TwoFa…` than as `_2Fa…`).
fn camel(name: &str) -> String {
    const DIGITS: [&str; 10] = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let out = crate::ident::camel(&words);
    let unescaped = out.strip_prefix('_').unwrap_or(&out);
    match unescaped.as_bytes().first() {
        Some(d @ b'0'..=b'9') => format!("{}{}", DIGITS[usize::from(d - b'0')], &unescaped[1..]),
        Some(_) => out,
        None => "Unnamed".to_string(),
    }
}

/// The field that holds an error's number: what the description says it
/// counts, or a neutral `value`.
fn field_name(e: &ErrorDoc) -> String {
    let d = e.description.to_ascii_lowercase();
    if d.contains("%d second") {
        "seconds"
    } else if d.contains("%d minute") {
        "minutes"
    } else if e.name.contains("MIGRATE") || d.contains("dc %d") {
        "dc"
    } else {
        "value"
    }
    .to_string()
}

/// The rustdoc of one variant: its description and its code and text.
fn variant_doc(v: &ErrorVariant) -> TokenStream {
    let mut text = String::new();
    if !v.description.is_empty() {
        text.push_str(&markdown(&v.description, &[]));
        text.push_str("\n\n");
    }
    text.push_str(&format!("`{} {}`", v.code, v.name));
    crate::docs::attrs(&text)
}

/// An error enum named `name` with `variants` and a last variant `Other`
/// holding `other` (an error type with `entry()`, `From<RpcError>` and
/// `Into<RpcError>`). `doc` is its Markdown doc.
pub fn error_enum(
    name: &Ident,
    doc: &str,
    variants: &[ErrorVariant],
    other: TokenStream,
) -> TokenStream {
    let doc = crate::docs::attrs(doc);
    let number_doc = " The number in the error's text.";
    let defs = variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let vdoc = variant_doc(v);
        match &v.field {
            Some(f) => {
                let f = format_ident!("{f}");
                quote!(#vdoc #variant { #[doc = #number_doc] #f: u32 },)
            }
            None => quote!(#vdoc #variant,),
        }
    });
    let infos = variants.iter().map(|v| {
        let code = Literal::i32_unsuffixed(v.code);
        let (n, d) = (&v.name, &v.description);
        quote!(__tl::ErrorInfo { code: #code, name: #n, description: #d },)
    });
    let entries = variants.iter().enumerate().map(|(i, v)| {
        let variant = format_ident!("{}", v.variant);
        let (pattern, value) = match &v.field {
            Some(f) => {
                let f = format_ident!("{f}");
                (quote!(Self::#variant { #f }), quote!(__tl::Some(*#f)))
            }
            None => (quote!(Self::#variant), quote!(__tl::None)),
        };
        quote!(#pattern => __tl::ErrorEntry::Known { info: &Self::INFO[#i], value: #value },)
    });
    let plain: Vec<TokenStream> = variants
        .iter()
        .filter(|v| v.field.is_none())
        .map(|v| {
            let variant = format_ident!("{}", v.variant);
            let code = Literal::i32_unsuffixed(v.code);
            let n = &v.name;
            quote!(#n => __tl::Some((#code, Self::#variant)),)
        })
        .collect();
    // One match on the text alone, then the code: a match on `(code, text)`
    // tuples makes rustc build a decision tree that takes seconds to compile
    // for the 700 errors of the general enum.
    let plain = (!plain.is_empty()).then(|| {
        quote! {
            let known = match e.message.as_str() {
                #(#plain)*
                _ => __tl::None,
            };
            if let __tl::Some((code, known)) = known {
                if code == e.code {
                    return known;
                }
            }
        }
    });
    let numbered = variants.iter().filter_map(|v| {
        let f = format_ident!("{}", v.field.as_ref()?);
        let variant = format_ident!("{}", v.variant);
        let code = Literal::i32_unsuffixed(v.code);
        let n = &v.name;
        Some(quote! {
            if e.code == #code {
                if let __tl::Some(#f) = e.argument(#n) {
                    return Self::#variant { #f };
                }
            }
        })
    });
    // `Debug` as derived, except that an error no table lists shows as
    // `Other(RpcError { .. })` however many `Other`s hold it.
    let debugs = variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let text = &v.variant;
        match &v.field {
            Some(f) => {
                let f = format_ident!("{f}");
                let field = f.to_string();
                quote!(Self::#variant { #f } => f.debug_struct(#text).field(#field, #f).finish(),)
            }
            None => quote!(Self::#variant => f.write_str(#text),),
        }
    });
    let other_doc = " Any other error, or a listed one with another code: kept whole.";
    quote! {
        #doc
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#defs)*
            #[doc = #other_doc]
            Other(#other),
        }
        impl #name {
            /// The docs' entry of each variant, in order.
            pub const INFO: &'static [__tl::ErrorInfo] = &[#(#infos)*];
            /// The docs' entry and number of a listed error, or the raw error.
            #[inline]
            pub fn entry(&self) -> __tl::ErrorEntry<'_> {
                match self {
                    #(#entries)*
                    Self::Other(e) => e.entry(),
                }
            }
            /// The error code.
            #[inline]
            pub fn code(&self) -> i32 {
                self.entry().code()
            }
            /// The error as sent, if no table lists it, however many
            /// `Other`s hold it: one `if let` instead of a nested pattern.
            #[inline]
            pub fn unknown(&self) -> __tl::Option<&__tl::RpcError> {
                self.entry().unknown()
            }
        }
        impl __tl::fmt::Debug for #name {
            fn fmt(&self, f: &mut __tl::fmt::Formatter<'_>) -> __tl::fmt::Result {
                match self {
                    #(#debugs)*
                    Self::Other(e) => match e.entry() {
                        __tl::ErrorEntry::Unknown(raw) => f.debug_tuple("Other").field(raw).finish(),
                        __tl::ErrorEntry::Known { .. } => f.debug_tuple("Other").field(e).finish(),
                    },
                }
            }
        }
        impl __tl::From<__tl::RpcError> for #name {
            #[inline]
            fn from(e: __tl::RpcError) -> Self {
                #plain
                #(#numbered)*
                Self::Other(__tl::From::from(e))
            }
        }
        impl __tl::From<#name> for __tl::RpcError {
            #[inline]
            fn from(e: #name) -> Self {
                match e {
                    #name::Other(e) => __tl::From::from(e),
                    known => known.entry().to_rpc_error(),
                }
            }
        }
        impl __tl::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut __tl::fmt::Formatter<'_>) -> __tl::fmt::Result {
                __tl::fmt::Display::fmt(&self.entry(), f)
            }
        }
        impl ::core::error::Error for #name {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(code: i32, name: &str, description: &str) -> ErrorDoc {
        ErrorDoc {
            code,
            name: name.into(),
            description: description.into(),
        }
    }

    #[test]
    fn names_are_unique_and_readable() {
        let v = variants(&[
            doc(420, "FLOOD_WAIT_%d", "Wait %d seconds."),
            doc(500, "AUTH_RESTART_%d", "Internal error (debug info %d)."),
            doc(500, "AUTH_RESTART", "Restart."),
            doc(400, "FILE_REFERENCE_%d_EXPIRED", "At index %d."),
            doc(420, "2FA_CONFIRM_WAIT_%d", "Reset in %d seconds."),
            doc(
                406,
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN",
                "Wait %d minutes.",
            ),
            doc(303, "USER_MIGRATE_%d", "Go to DC %d."),
            doc(400, "OTHER", ""),
            doc(400, "FLOOD_WAIT_%d", "Listed twice."),
        ]);
        let got: Vec<(&str, Option<&str>)> = v
            .iter()
            .map(|v| (v.variant.as_str(), v.field.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("FloodWait", Some("seconds")),
                ("AuthRestartX", Some("value")),
                ("AuthRestart", None),
                ("FileReferenceExpired", Some("value")),
                ("TwoFaConfirmWait", Some("seconds")),
                ("PreviousChatImportActiveWaitMin", Some("minutes")),
                ("UserMigrate", Some("dc")),
                ("Other2", None),
            ]
        );
    }
}
