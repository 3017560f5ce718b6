#!/usr/bin/env bash
# cpu.memory (STREAM triad) against likwid-bench's stream kernel (LIKWID, Debian package "likwid") on this
# machine, in one run: same working set (3 arrays of AiBench's auto size), same thread count, rounds interleaved
# so that drifting noise (other tenants of a VM, turbo, thermal) hits both tools alike. Both count 24 bytes per
# triad element (no write-allocate). Prints every round, the medians, and the median of the per-round ratios;
# exits 1 when that ratio is below BAR (0.9).
#
#   tests/perf/cpu-memory-vs-likwid.sh [ROUNDS]        ROUNDS defaults to 5
#   LIKWID_TEST=stream_avx512 tests/perf/...           pick likwid's kernel (default: stream_avx, or stream without AVX)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."

ROUNDS=${1:-5}
BAR=0.9
AIBENCH=${AIBENCH:-build/bin/aibench}
THREADS=$(nproc)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

say() { printf '%s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v likwid-bench >/dev/null; then
  say "installing likwid (apt)"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq likwid >/dev/null
fi
if [ -z "${AIBENCH_SKIP_BUILD:-}" ]; then
  ./run.sh list >/dev/null # installs what is missing and builds build/bin/aibench incrementally
fi

if [ -z "${LIKWID_TEST:-}" ]; then
  if grep -qw avx /proc/cpuinfo; then LIKWID_TEST=stream_avx; else LIKWID_TEST=stream; fi
fi

# One AiBench triad case; prints "median_B/s array_bytes". Exit 1 from aibench only means a rule failed.
aibench_triad() {
  local out="$WORK/aibench-$1-$RANDOM" rc=0
  "$AIBENCH" run cpu.memory --set kernel=triad --set "size=$2" --budget 5s --out "$out" >"$out.log" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then say "aibench failed (exit $rc):"; cat "$out.log" >&2; exit 2; fi
  local median bytes
  median=$(awk -F, '$1 == "cpu.memory" && $2 == "triad" { print $7 }' "$out"/*/measurements.csv)
  bytes=$(grep -o '"arrayBytes": *"[0-9]*"' "$out"/*/run.json | grep -o '[0-9][0-9]*')
  echo "$median $bytes"
}

# likwid-bench over the whole machine (domain N) with the same total size; prints B/s.
likwid_triad() {
  likwid-bench -t "$LIKWID_TEST" -w "N:$(( 3 * $1 / 1000 ))kB:$THREADS" 2>&1 \
    | awk '/^MByte\/s:/ { printf "%.0f\n", $2 * 1e6 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

first=$(aibench_triad size auto) # the auto size (4 × LLC), reused for every round and for likwid
read -r _ ARRAY_BYTES <<<"$first"
say "triad over 3 × $ARRAY_BYTES bytes, $THREADS threads, likwid-bench -t $LIKWID_TEST, $ROUNDS rounds"
: >"$WORK/ours"
: >"$WORK/theirs"
: >"$WORK/ratios"
for round in $(seq 1 "$ROUNDS"); do
  theirs=$(likwid_triad "$ARRAY_BYTES")
  result=$(aibench_triad "r$round" "$ARRAY_BYTES")
  read -r ours _ <<<"$result"
  echo "$ours" >>"$WORK/ours"
  echo "$theirs" >>"$WORK/theirs"
  awk -v o="$ours" -v t="$theirs" 'BEGIN { print o / t }' >>"$WORK/ratios"
  awk -v r="$round" -v o="$ours" -v t="$theirs" 'BEGIN { printf "round %d: aibench %.2f GB/s  likwid-bench %.2f GB/s  ratio %.3f\n", r, o / 1e9, t / 1e9, o / t }'
done

# The verdict uses the median of the per-round ratios: each pairs two runs seconds apart, so slow drift of the
# machine's bandwidth cancels; the ratio of the two medians is printed beside it.
ours=$(median <"$WORK/ours")
theirs=$(median <"$WORK/theirs")
ratio=$(median <"$WORK/ratios")
awk -v o="$ours" -v t="$theirs" -v ratio="$ratio" -v bar="$BAR" 'BEGIN {
  pass = (ratio >= bar)
  printf "medians: aibench %.2f GB/s  likwid-bench %.2f GB/s (ratio %.3f)\n", o / 1e9, t / 1e9, o / t
  printf "median of per-round ratios: %.3f (bar %.2f): %s\n", ratio, bar, (pass ? "PASS" : "FAIL")
  exit (pass ? 0 : 1)
}'
