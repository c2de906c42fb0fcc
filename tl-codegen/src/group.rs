//! Tuples for flag groups (several fields on one flag bit), nested so that no
//! tuple has more than 12 elements: std implements `Debug`, `PartialEq`,
//! `Hash` and `Default` only up to that size, and TON's `ton_api.tl` has a
//! bit that governs more fields than that.

use proc_macro2::TokenStream;
use quote::quote;

const MAX: usize = 12;

/// `(a, b, …)` of `items`, or `((a, …), (m, …))` past 12 items.
pub fn tuple(items: Vec<TokenStream>) -> TokenStream {
    if items.len() <= MAX {
        return quote!((#(#items,)*));
    }
    let chunks = items.chunks(MAX).map(|c| quote!((#(#c,)*)));
    quote!((#(#chunks,)*))
}

/// A pattern of the tuple of `arity` items binding item `part` as `v`.
pub fn pattern(arity: usize, part: usize) -> TokenStream {
    let items = (0..arity)
        .map(|i| if i == part { quote!(v) } else { quote!(_) })
        .collect();
    tuple(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_tuples_stay_flat() {
        assert_eq!(pattern(2, 1).to_string(), "(_ , v ,)");
    }

    #[test]
    fn large_tuples_nest() {
        let p = pattern(14, 13).to_string();
        assert_eq!(p.matches('(').count(), 3, "{p}");
        assert!(p.ends_with("(_ , v ,) ,)"), "{p}");
    }
}
