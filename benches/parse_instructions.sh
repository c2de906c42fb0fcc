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
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
bin=$(cargo bench -p tl-parser --bench parse --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "parse" and m.get("executable"):
        print(m["executable"])')
[ -n "$bin" ] || { echo "could not build the parse bench" >&2; exit 1; }

ir() { # side count -> instructions
  TL_PARSE_REPEAT="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per=()
for side in tl-parser grammers-tl-parser; do
  one=$(ir "$side" 1)
  six=$(ir "$side" 6)
  per+=($(( (six - one) / 5 )))
  printf '%-20s %12s instructions per parse\n' "$side" "${per[-1]}"
done
python3 -c "print(f'ratio grammers / ours: {${per[1]}/${per[0]}:.2f}')"
