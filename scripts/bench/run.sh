#!/usr/bin/env bash
# zprime benchmarks: prints a table and writes bench.json (compare runs to spot regressions).
#   bash scripts/bench/run.sh [build-dir]        (default build/, built by scripts/setup.sh)
set -uo pipefail
cd "$(dirname "$0")/../.."
B=${1:-build}
Z="$B/zprime"
[ -x "$Z" ] || bash scripts/setup.sh
export ZPRIME_DATA=${ZPRIME_DATA:-}
results=()
add() { results+=("$1 $2"); printf '  %-32s %s\n' "$1" "$2"; }

echo "zprime benchmarks ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
# start-up: median of 21 runs of `zprime -e ''`
times=()
for i in $(seq 21); do
  s=$(date +%s%N); "$Z" -e '' >/dev/null; e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
add startup_ms "$(awk -v u="$med" 'BEGIN{printf "%.2f", u/1000}')"

run_lua() { # script -> adds every "key value" line it prints
  local f=$1; shift
  [ -f "$f" ] || return 0
  while read -r k v; do
    [[ "$k" =~ ^[a-zA-Z_]+$ ]] && [[ -n "$v" ]] && add "$k" "$v"
  done < <("$Z" "$f" "$@" 2>/dev/null)
}
run_lua scripts/bench/core.lua 1000000
[ -x "$B/bench_obs" ] && while read -r k v; do add "$k" "$v"; done < <("$B/bench_obs")
for f in scripts/bench/scan.lua scripts/bench/sommerfeld.lua scripts/bench/pbar.lua scripts/bench/relic.lua; do
  run_lua "$f"
done
if [ -f scripts/paper.lua ]; then
  s=$(date +%s%N); "$Z" scripts/paper.lua "$(mktemp -d)" >/dev/null 2>&1; e=$(date +%s%N)
  add paper_reproduction_s "$(awk -v n="$(( (e - s) / 1000000 ))" 'BEGIN{printf "%.2f", n/1000}')"
fi
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"cores\": $(nproc),"
  n=${#results[@]}; i=0
  for r in "${results[@]}"; do
    i=$((i + 1)); k=${r%% *}; v=${r#* }
    sep=","; [ $i -eq $n ] && sep=""
    echo "  \"$k\": $v$sep"
  done
  echo "}"
} > bench.json
echo "wrote bench.json"
