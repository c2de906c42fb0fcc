#!/usr/bin/env bash
# Instructions per parse of ../shared/schemas/grammers/api-230.tl by
# tl-parser (`parse` with default options: grammar, ids, verification,
# validation) and by grammers-tl-parser, counted by callgrind. Unlike wall
# time on a shared machine, the counts repeat exactly from run to run.
#
# Each side parses N=1 and N=6 times in the parse bench's fixed-count mode
# (TL_PARSE_REPEAT); per parse = (Ir(6) - Ir(1)) / 5, which cancels reading
# the file and the process's start-up.
#
# Usage: benches/parse_instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/callgrind.sh
bin=$(bench_executable tl-parser parse)

ir() { # side count -> instructions
  instructions "$bin" "TL_PARSE_REPEAT=$1:$2"
}

per=()
for side in tl-parser grammers-tl-parser; do
  one=$(ir "$side" 1)
  six=$(ir "$side" 6)
  per+=($(( (six - one) / 5 )))
  printf '%-20s %12s instructions per parse\n' "$side" "${per[-1]}"
done
python3 -c "print(f'ratio grammers / ours: {${per[1]}/${per[0]}:.2f}')"
