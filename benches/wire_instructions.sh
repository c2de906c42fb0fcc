#!/usr/bin/env bash
# Instructions per encode and decode of tl-codegen's wire bench cases, ours
# against grammers-tl-types, counted by callgrind. Unlike wall time on a
# shared machine, the counts repeat exactly from run to run.
#
# Each operation runs N=1 and N=6 times in the bench binary's fixed-count
# mode (TL_WIRE_REPEAT); per operation = (Ir(6) - Ir(1)) / 5, which cancels
# the setup (building and checking the values).
#
# Usage: benches/wire_instructions.sh [case...]   (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
bin=$(cargo bench -p tl-codegen --bench wire --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "wire" and m.get("executable"):
        print(m["executable"])')
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(update_short_message messages_100 vector_long_10k messages_1mib)

ir() { # op count -> instructions
  TL_WIRE_REPEAT="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --bench 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf '%-9s %-22s %14s %14s %7s\n' direction case ours grammers ratio
for direction in encode decode; do
  for case in "${cases[@]}"; do
    per=()
    for side in ours grammers; do
      one=$(ir "$direction/$case/$side" 1)
      six=$(ir "$direction/$case/$side" 6)
      per+=($(( (six - one) / 5 )))
    done
    ratio=$(python3 -c "print(f'{${per[1]}/${per[0]}:.2f}')")
    printf '%-9s %-22s %14s %14s %7s\n' "$direction" "$case" "${per[0]}" "${per[1]}" "$ratio"
  done
done
