#!/usr/bin/env bash
# zprime benchmarks: prints a table and writes bench.json (compare runs to spot regressions).
#   bash scripts/bench/run.sh [build-dir]        (default build/, built by scripts/setup.sh)
# Every scripts/bench/*.lua runs and every "key value" line it prints is reported (a value may
# be "skipped (...)" when this build lacks the capability); scan_jobs.lua gives the worker
# speed-ups as ratios to the single-process scan of the same run.
set -uo pipefail
cd "$(dirname "$0")/../.."
B=${1:-build}
Z="$B/zprime"
[ -x "$Z" ] || bash scripts/setup.sh
export ZPRIME_DATA=${ZPRIME_DATA:-}
results=()
declare -A seen=()
# a key reported twice (two scripts measuring different things under one name) would make
# bench.json ambiguous: the second is kept under KEY_2 and named on stderr
add() {
  local k=$1
  if [ -n "${seen[$k]:-}" ]; then
    echo "bench: '$k' is reported twice; the second is kept as ${k}_2" >&2
    k=${k}_2
  fi
  seen[$k]=1
  results+=("$k $2"); printf '  %-32s %s\n' "$k" "$2"
}
# microseconds of the bash clock (no `date` processes around the timed one)
usec() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }

echo "zprime benchmarks ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
# start-up: median of 21 runs of `zprime -e ''`, the process alone
times=()
for i in $(seq 21); do
  s=$(usec); "$Z" -e '' >/dev/null; e=$(usec)
  times+=($(( e - s )))
done
med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
add startup_ms "$(awk -v u="$med" 'BEGIN{printf "%.2f", u/1000}')"

declare -A ran=()
run_lua() { # script [args] -> adds every "key value" line it prints
  local f=$1; shift
  [ -f "$f" ] || return 0
  [ -n "${ran[$f]:-}" ] && return 0
  ran[$f]=1
  while read -r k v; do
    [[ "$k" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] && [[ -n "$v" ]] && add "$k" "$v"
  done < <("$Z" "$f" "$@" 2>/dev/null)
}
run_lua scripts/bench/core.lua 1000000
[ -x "$B/bench_obs" ] && while read -r k v; do add "$k" "$v"; done < <("$B/bench_obs")
for f in scripts/bench/*.lua; do
  run_lua "$f"
done
run_lua scripts/bench/collider.lua
if [ -f scripts/paper.lua ]; then
  s=$(usec); "$Z" scripts/paper.lua "$(mktemp -d)" >/dev/null 2>&1; e=$(usec)
  add paper_reproduction_s "$(awk -v u="$(( e - s ))" 'BEGIN{printf "%.2f", u/1e6}')"
fi
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"cores\": $(nproc),"
  n=${#results[@]}; i=0
  for r in "${results[@]}"; do
    i=$((i + 1)); k=${r%% *}; v=${r#* }
    sep=","; [ $i -eq $n ] && sep=""
    if [[ "$v" =~ ^-?[0-9.]+([eE][-+]?[0-9]+)?$ ]]; then
      echo "  \"$k\": $v$sep"
    else
      echo "  \"$k\": \"${v//\"/\'}\"$sep"
    fi
  done
  echo "}"
} > bench.json
echo "wrote bench.json"
