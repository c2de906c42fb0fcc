#!/usr/bin/env bash
# Instructions per encode and decode of tl-codegen's wire bench cases, ours
# against grammers-tl-types and tl-proto, counted by callgrind. Unlike wall time on a
# shared machine, the counts repeat exactly from run to run.
#
# Each operation runs N=1 and N=6 times in the bench binary's fixed-count
# mode (TL_WIRE_REPEAT); per operation = (Ir(6) - Ir(1)) / 5, which cancels
# the setup (building and checking the values).
#
# Usage: benches/wire_instructions.sh [case...]   (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/callgrind.sh
bin=$(bench_executable tl-codegen wire)
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(update_short_message messages_100 vector_long_10k messages_1mib)

ir() { # op count -> instructions
  instructions "$bin" "TL_WIRE_REPEAT=$1:$2" --bench
}

printf '%-9s %-22s %12s %12s %12s %9s %9s\n' direction case ours grammers tl-proto 'vs gram.' 'vs tlp'
for direction in encode decode; do
  for case in "${cases[@]}"; do
    per=()
    for side in ours grammers tl-proto; do
      one=$(ir "$direction/$case/$side" 1)
      six=$(ir "$direction/$case/$side" 6)
      per+=($(( (six - one) / 5 )))
    done
    # How many times fewer instructions ours takes: above 1 is ahead.
    ratios=$(python3 -c "print(f'{${per[1]}/${per[0]}:.2f} {${per[2]}/${per[0]}:.2f}')")
    printf '%-9s %-22s %12s %12s %12s %9s %9s\n' "$direction" "$case" "${per[@]}" $ratios
  done
done
