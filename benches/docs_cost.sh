#!/usr/bin/env bash
# What docs and typed errors cost to compile: a crate that is only `tl!` on
# api-230.tl, built (a) without docs, (b) with `docs = …, errors = false`
# (rustdoc text only) and (c) with `docs = …` (rustdoc and the `errors`
# module). Dependencies are built once first; each run then rebuilds only the
# crate, so the figures are the cost of the generated code itself.
#
# Usage: benches/docs_cost.sh [debug|release] [runs]
set -euo pipefail
profile=${1:-debug}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/schemas" 2>/dev/null && pwd) ||
  { echo "missing ../shared/schemas: the corpus must sit beside the checkout" >&2; exit 1; }
schema=$shared/grammers/api-230.tl
docs=$shared/telegram/docs/api-docs-223.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flag=""; [ "$profile" = release ] && flag="--release"
export CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$work/target

mkdir -p "$work/c/src"
printf '[package]\nname = "docs_cost"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime" }\n[workspace]\n' "$root" > "$work/c/Cargo.toml"
body() {
  case $1 in
    none) echo "pub mod api { tl_runtime::tl! { include = \"$schema\" } }" ;;
    docs) echo "pub mod api { tl_runtime::tl! { include = \"$schema\", docs = \"$docs\", errors = false } }" ;;
    errors) echo "pub mod api { tl_runtime::tl! { include = \"$schema\", docs = \"$docs\" } }" ;;
  esac
}
echo "pub fn nothing() {}" > "$work/c/src/lib.rs"
(cd "$work/c" && cargo build -q $flag)
for run in $(seq "$runs"); do
  for v in none docs errors; do
    body "$v" > "$work/c/src/lib.rs"
    (cd "$work/c" && /usr/bin/time -f "$v $profile run $run: %e s wall, %U s user, %M KB peak RSS" \
      cargo build -q $flag 2>&1 | tail -1)
  done
done
