#!/usr/bin/env bash
# Build time and peak memory of a crate that is only `tl!` on api-230.tl,
# against grammers-tl-types 0.11 (built from the same layer), one after the
# other on this machine; also `tl!` with `only`.
#
# Usage: benches/compile_time.sh [crate|clean] [debug|release] [runs]
#
#   crate  dependencies built once, then only the schema crate is rebuilt
#          (`cargo clean -p` of our crate, or of grammers-tl-types) per run
#   clean  `cargo clean` and a build with every dependency, per run
#
# Prints wall time, user CPU time and peak RSS of each build. Incremental
# compilation is off, as for a dependency built from crates.io.
set -euo pipefail
mode=${1:-crate}
profile=${2:-debug}
runs=${3:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
schema=$(cd "$root/../shared/schemas/grammers" 2>/dev/null && pwd)/api-230.tl
[ -f "$schema" ] || { echo "missing api-230.tl: the corpus must sit in ../shared/schemas beside the checkout" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flag=""; [ "$profile" = release ] && flag="--release"
export CARGO_INCREMENTAL=0

make_crate() { # name, dependency line, lib.rs body
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n%s\n[workspace]\n' "$1" "$2" > "$work/$1/Cargo.toml"
  printf '%s\n' "$3" > "$work/$1/src/lib.rs"
  (cd "$work/$1" && cargo fetch -q)
}

make_crate ours "tl-runtime = { path = \"$root/tl-runtime\" }" \
  "pub mod api { tl_runtime::tl! { include = \"$schema\" } }"
make_crate ours_only "tl-runtime = { path = \"$root/tl-runtime\" }" \
  "pub mod api { tl_runtime::tl! { include = \"$schema\", only = [\"messages.sendMessage\", \"updates.getDifference\"] } }"
make_crate grammers 'grammers-tl-types = "0.11"' "pub use grammers_tl_types as tl;"

# The package whose build is measured in `crate` mode.
schema_package() { [ "$1" = grammers ] && echo grammers-tl-types || echo "$1"; }

if [ "$mode" = crate ]; then
  for c in grammers ours ours_only; do
    (cd "$work/$c" && cargo build -q $flag)
  done
fi
for run in $(seq "$runs"); do
  for c in grammers ours ours_only; do
    (
      cd "$work/$c"
      if [ "$mode" = crate ]; then
        cargo clean -q $flag -p "$(schema_package "$c")"
      else
        cargo clean -q
      fi
      /usr/bin/time -f "$c $mode $profile run $run: %e s wall, %U s user, %M KB peak RSS" \
        cargo build -q $flag 2>&1 | tail -1
    )
  done
done
