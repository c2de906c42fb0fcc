#!/usr/bin/env bash
# Size of the code generated for Telegram layer 230, ours against
# grammers-tl-types 0.11, measured the same way for both: every file is
# parsed by syn and printed by prettyplease (the printer `tl expand` uses),
# then counted in bytes, in bytes without doc-comment lines, and in tokens
# (each group counts its two delimiters), with the tokens split by part: doc
# comments, each trait's impls, inherent impls, type definitions and the
# rest.
#
# Ours is `tl expand` of api-230.tl, and of api-230.tl with mtproto.tl.
# Grammers' files are the build script's output of grammers-tl-types
# (`generated_*.rs` in OUT_DIR), with its default features (api.tl only;
# functions serialize but do not deserialize), and with `tl-mtproto` and
# `deserializable-functions`, which match what `tl!` generates for the two
# schemas.
#
# Usage: benches/expansion_size.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/schemas" 2>/dev/null && pwd) ||
  { echo "missing ../shared/schemas: the corpus must sit beside the checkout" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/main.rs" <<'EOF'
use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use std::collections::BTreeMap;
use syn::visit_mut::VisitMut;

fn tokens(stream: TokenStream) -> usize {
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => 2 + tokens(group.stream()),
            _ => 1,
        })
        .sum()
}

/// Removes every doc attribute, counting its tokens.
struct StripDocs(usize);

impl VisitMut for StripDocs {
    fn visit_attributes_mut(&mut self, attrs: &mut Vec<syn::Attribute>) {
        attrs.retain(|attr| {
            let doc = attr.path().is_ident("doc");
            if doc {
                self.0 += tokens(attr.to_token_stream());
            }
            !doc
        });
    }
}

/// Adds each item's tokens to its part: an impl by its trait's name.
fn classify(items: Vec<syn::Item>, parts: &mut BTreeMap<String, usize>) {
    for item in items {
        let part = match &item {
            syn::Item::Mod(module) => {
                if let Some((_, inner)) = module.content.clone() {
                    classify(inner, parts);
                }
                "modules, imports, tables".to_string()
            }
            syn::Item::Impl(block) => match &block.trait_ {
                Some((_, path, _)) => format!("impl {}", path.segments.last().expect("a trait").ident),
                None => "inherent impls".to_string(),
            },
            syn::Item::Struct(_) | syn::Item::Enum(_) => "structs and enums".to_string(),
            _ => "modules, imports, tables".to_string(),
        };
        let count = match &item {
            syn::Item::Mod(module) => tokens(module.ident.to_token_stream()) + 3,
            _ => tokens(item.to_token_stream()),
        };
        *parts.entry(part).or_default() += count;
    }
}

fn main() {
    let label = std::env::args().nth(1).expect("a label");
    let (mut bytes, mut without_docs) = (0, 0);
    let mut parts = BTreeMap::new();
    let mut docs = StripDocs(0);
    for path in std::env::args().skip(2) {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let mut file = syn::parse_file(&text).expect("Rust source");
        let pretty = prettyplease::unparse(&file);
        bytes += pretty.len();
        without_docs += pretty
            .lines()
            .filter(|line| !line.trim_start().starts_with("///"))
            .map(|line| line.len() + 1)
            .sum::<usize>();
        docs.visit_file_mut(&mut file);
        classify(file.items, &mut parts);
    }
    parts.insert("doc comments".to_string(), docs.0);
    let total: usize = parts.values().sum();
    println!("{label}: {bytes} bytes, {without_docs} without doc lines, {total} tokens");
    for (part, count) in &parts {
        println!("    {part:28} {count:>9} tokens");
    }
}
EOF

# A counter that depends on grammers-tl-types, so that building it runs
# grammers' generator with the given features.
make_counter() { # directory, grammers-tl-types dependency line
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "expansion_count"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nproc-macro2 = "1"\nquote = "1"\nsyn = { version = "2", features = ["full", "visit-mut"] }\nprettyplease = "0.2"\n%s\n[workspace]\n' \
    "$2" > "$work/$1/Cargo.toml"
  cp "$work/main.rs" "$work/$1/src/main.rs"
  (cd "$work/$1" && CARGO_TARGET_DIR="$work/$1/target" cargo build -q --release)
}
make_counter default 'grammers-tl-types = "0.11"'
make_counter full 'grammers-tl-types = { version = "0.11", features = ["tl-mtproto", "deserializable-functions"] }'
(cd "$root" && cargo build -q --release -p tl-cli)

tl=$root/target/release/tl
"$tl" expand "$shared/grammers/api-230.tl" > "$work/api.rs"
"$tl" expand "$shared/grammers/api-230.tl" "$shared/grammers/mtproto.tl" > "$work/api_mtproto.rs"
count=$work/default/target/release/expansion_count
"$count" "ours, api-230" "$work/api.rs"
"$count" "grammers-tl-types 0.11, default features" \
  "$work"/default/target/release/build/grammers-tl-types-*/out/generated_*.rs
"$count" "ours, api-230 + mtproto" "$work/api_mtproto.rs"
"$count" "grammers-tl-types 0.11, tl-mtproto + deserializable-functions" \
  "$work"/full/target/release/build/grammers-tl-types-*/out/generated_*.rs
