#!/usr/bin/env bash
# Clean-build wall time and peak memory of a crate that is only `tl!` on
# api-230.tl, against one that only depends on grammers-tl-types 0.11 (built
# from the same layer), back to back on this machine. Also `tl!` with `only`.
#
# Usage: benches/compile_time.sh [debug|release] [runs]
set -euo pipefail
profile=${1:-debug}
runs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
schema=$(cd "$root/../shared/schemas/grammers" && pwd)/api-230.tl
[ -f "$schema" ] || { echo "missing $schema: the corpus must sit beside the checkout" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flag=""; [ "$profile" = release ] && flag="--release"

make_crate() { # name, dependency line, lib.rs body
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n%s\n[workspace]\n' "$1" "$2" > "$work/$1/Cargo.toml"
  printf '%s\n' "$3" > "$work/$1/src/lib.rs"
  # Share one lock file so both resolve the same way every run.
  (cd "$work/$1" && cargo fetch -q)
}

make_crate ours "tl-runtime = { path = \"$root/tl-runtime\" }" \
  "pub mod api { tl_runtime::tl! { include = \"$schema\" } }"
make_crate ours_only "tl-runtime = { path = \"$root/tl-runtime\" }" \
  "pub mod api { tl_runtime::tl! { include = \"$schema\", only = [\"messages.sendMessage\", \"updates.getDifference\"] } }"
make_crate grammers 'grammers-tl-types = "0.11"' "pub use grammers_tl_types as tl;"

for run in $(seq "$runs"); do
  for c in grammers ours ours_only; do
    (cd "$work/$c" && cargo clean -q && \
      /usr/bin/time -f "$c $profile run $run: %e s wall, %M KB peak RSS" cargo build -q $flag 2>&1 | tail -1)
  done
done
