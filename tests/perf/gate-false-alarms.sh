#!/usr/bin/env bash
# The gate's measured quality on this machine: false alarms between like runs, detections under a real slowdown.
#   1. N+1 like runs of `aibench run ci-gate`; `aibench gate` between consecutive ones (N like-run gates): every exit 1
#      is a false alarm.
#   2. N runs while one competing busy process (`yes > /dev/null`, started for that run only and killed by its PID)
#      takes a core, each gated against the last like run: every exit 1 is a detection (see
#      docs/performance.md, "CI gate": on a 2-core machine one such process halves GEMM and cuts triad by ~40%).
# Prints both rates; exits 2 when a gate answered neither 0 nor 1. Each gate line shows the 1-minute load average:
# on a machine other jobs share, like runs are not alike and the rates measure the neighbours, not the gate.
#
#   tests/perf/gate-false-alarms.sh [N] [MAX_REGRESSION]     N defaults to 10, MAX_REGRESSION to 5%
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."

N=${1:-10}
MAX=${2:-5%}
AIBENCH=${AIBENCH:-build/bin/aibench}
WORK=$(mktemp -d)
HOG=""
cleanup() { if [ -n "$HOG" ]; then kill "$HOG" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }

if [ -z "${AIBENCH_SKIP_BUILD:-}" ]; then
  ./run.sh list >/dev/null # builds build/bin/aibench incrementally
fi

# One ci-gate run into its own folder; prints the run folder. Exit 1 from aibench only means a rule failed.
run_once() {
  local out="$WORK/$1" rc=0
  "$AIBENCH" run ci-gate --color never --out "$out" >"$out.log" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then say "aibench run failed (exit $rc):"; cat "$out.log" >&2; exit 2; fi
  find "$out" -name run.json -printf '%h\n' | head -n 1
}

# Gate RUN against BASE; prints 0 (pass) or 1 (regression) and keeps the summary.
gate() {
  local rc=0
  "$AIBENCH" gate "$1" "$2" --max-regression "$MAX" --summary "$WORK/gate-$3.md" >/dev/null 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then say "aibench gate failed (exit $rc)"; exit 2; fi
  echo "$rc"
}

load() { cut -d' ' -f1 /proc/loadavg; }

figures() { grep -E '^\| cpu\.' "$1" | awk -F'|' '{ printf "  %s: %s -> %s (%s, limit %s)\n", $2, $3, $4, $5, $6 }'; }

say "like runs: $((N + 1)) runs of ci-gate, gates between consecutive ones (max regression $MAX)"
prev=$(run_once like-0)
alarms=0
for i in $(seq 1 "$N"); do
  cur=$(run_once "like-$i")
  d=$(gate "$prev" "$cur" "like-$i")
  alarms=$((alarms + d))
  say "like gate $i: $([ "$d" = 1 ] && echo FALSE ALARM || echo pass) (load $(load) on $(nproc) cores)"; figures "$WORK/gate-like-$i.md" >&2
  prev=$cur
done
base=$prev

say "slowed runs: $N runs of ci-gate beside one busy process, each gated against the last like run"
caught=0
for i in $(seq 1 "$N"); do
  yes >/dev/null &
  HOG=$!
  cur=$(run_once "slow-$i")
  kill "$HOG"; wait "$HOG" 2>/dev/null || true; HOG=""
  d=$(gate "$base" "$cur" "slow-$i")
  caught=$((caught + d))
  say "slow gate $i: $([ "$d" = 1 ] && echo detected || echo MISSED) (load $(load) on $(nproc) cores)"; figures "$WORK/gate-slow-$i.md" >&2
done

printf 'false alarms: %d of %d like-run gates (%.0f%%)\n' "$alarms" "$N" "$(echo "100 * $alarms / $N" | bc -l)"
printf 'detections:   %d of %d slowed-run gates (%.0f%%)\n' "$caught" "$N" "$(echo "100 * $caught / $N" | bc -l)"
