#!/usr/bin/env bash
# Wall time per parse of ../shared/schemas/grammers/api-230.tl, tl-parser
# against grammers-tl-parser, on a machine too noisy for one long run of
# each: the two sides take turns, ROUNDS times, each turn N parses in one
# process (the parse bench's fixed-count mode, TL_PARSE_REPEAT). Turns
# that ran while the machine was busy are slow; the fastest turn of each
# side is the least disturbed, so the ratio of the minima is the figure to
# quote, with the medians beside it.
#
# Usage: benches/parse_wall_time.sh [N=100] [ROUNDS=15]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/callgrind.sh
n=${1:-100}
rounds=${2:-15}
bin=$(bench_executable tl-parser parse)

per_parse() { # side -> milliseconds per parse, one turn
  TL_PARSE_REPEAT="$1:$n" "$bin" 2>&1 >/dev/null | sed -n 's/.* \([0-9.]*\) ms per parse/\1/p'
}

ours=()
theirs=()
for _ in $(seq "$rounds"); do
  ours+=("$(per_parse tl-parser)")
  theirs+=("$(per_parse grammers-tl-parser)")
done
python3 - "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
ours = [float(x) for x in sys.argv[1].split()]
theirs = [float(x) for x in sys.argv[2].split()]
for name, times in (("tl-parser", ours), ("grammers-tl-parser", theirs)):
    print(f"{name:20} min {min(times):.3f} ms, median {statistics.median(times):.3f} ms per parse")
print(f"ratio grammers / ours: {min(theirs) / min(ours):.2f} (minima), "
      f"{statistics.median(theirs) / statistics.median(ours):.2f} (medians)")
PY
