# Shared by the scripts in benches/: source it, then
#   bin=$(bench_executable <package> <bench>)
# builds a bench and prints its binary's path, and
#   instructions <bin> <ENV=value> [args...]
# prints the instructions callgrind counts for one run of <bin> with that
# environment variable set.

bench_executable() { # package bench -> path of the built bench binary
  local bin
  bin=$(cargo bench -p "$1" --bench "$2" --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == sys.argv[1] and m.get("executable"):
        print(m["executable"])' "$2")
  [ -n "$bin" ] || { echo "could not build the $2 bench of $1" >&2; exit 1; }
  echo "$bin"
}

instructions() { # bin ENV=value [args...] -> instructions
  command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
  local bin=$1 env=$2
  shift 2
  env "$env" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

branches() { # bin ENV=value [args...] -> "branches mispredicts"
  # cachegrind's branch simulation: a simple model of a predictor, not the
  # machine's own. Its counts repeat exactly, and they point at the
  # branches that depend on the data; the wall time decides whether a
  # change that removes some was worth it.
  command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
  local bin=$1 env=$2
  shift 2
  env "$env" valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes \
    --cachegrind-out-file=/dev/null "$bin" "$@" 2>&1 | tr -d , |
    awk '/Branches:/ {b = $3} /Mispredicts:/ {m = $3} END {print b, m}'
}
