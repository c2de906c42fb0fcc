#!/usr/bin/env bash
# Conditional and indirect branches, and how many of them cachegrind's
# branch simulation mispredicts, per parse of
# ../shared/schemas/grammers/api-230.tl by tl-parser and by
# grammers-tl-parser. Same method as parse_instructions.sh: the parse
# bench's fixed-count mode (TL_PARSE_REPEAT) with N=1 and N=6, per parse =
# (count(6) - count(1)) / 5.
#
# Usage: benches/parse_branches.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/callgrind.sh
bin=$(bench_executable tl-parser parse)

for side in tl-parser grammers-tl-parser; do
  read -r b1 m1 < <(branches "$bin" "TL_PARSE_REPEAT=$side:1")
  read -r b6 m6 < <(branches "$bin" "TL_PARSE_REPEAT=$side:6")
  printf '%-20s %10s branches %8s mispredicted per parse\n' \
    "$side" $(( (b6 - b1) / 5 )) $(( (m6 - m1) / 5 ))
done
