#!/usr/bin/env bash
# The pair phase's wall time on the local 4-node Slurm cluster (tests/infra/slurm.sh), every link shaped to $RATE:
# round-robin rounds (3 rounds of 2 pairs at once) against the same 6 pairs one at a time, alternating which goes first,
# plus rank 0's time to receive and decode the node results. Needs root, a built build/bin/aibench and Slurm's packages.
#   tests/perf/cluster-pairs-rounds.sh [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${1:-3}"
RATE="${RATE:-200mbit}"
SLURM="$ROOT/tests/infra/slurm.sh"
OUT="$(mktemp -d /var/tmp/aibench-pairs-XXXX)"
trap '"$SLURM" unshape-all >/dev/null 2>&1 || true; rm -rf "$OUT"' EXIT
"$SLURM" start >/dev/null
"$SLURM" shape-all "$RATE"
cat > "$OUT/pairs.yaml" <<YAML
name: pairs-timing
policy: { warmup: 0, min_samples: 3, max_samples: 3, budget: 2s }
cluster: { silence: 30s }
benchmarks:
  - id: cpu.memory
    params: { kernel: triad }
  - id: net.pair
    params: { samples: 3, sample-time: 0.5s, link-rate: $RATE }
YAML
run() { # order -> seconds of the pairs phase and rank 0's gather time
  local dir="$OUT/$1-$2"
  "$SLURM" exec srun -N4 --mpi=pmix "$ROOT/build/bin/aibench" run "$OUT/pairs.yaml" --set order="$1" --out "$dir" >/dev/null 2>&1 || true
  python3 - "$dir" <<'PY'
import glob, json, re, sys
c = json.load(open(glob.glob(sys.argv[1] + "/*/cluster.json")[0]))
ph = {p["kind"]: p for p in c["phases"]}
gather = re.search(r"took ([0-9.]+) s", ph["nodes"].get("detail", ""))
print(f'{ph["pairs"]["seconds"]:.1f} {gather.group(1) if gather else "nan"} {c["verdict"]}')
PY
}
printf '%-6s %-14s %-14s %-8s %-10s\n' round rounds_s one_by_one_s ratio gather_s
for i in $(seq 1 "$ROUNDS"); do
  if (( i % 2 )); then a=$(run rounds "$i"); b=$(run one-at-a-time "$i"); else b=$(run one-at-a-time "$i"); a=$(run rounds "$i"); fi
  read -r ra ga _ <<<"$a"; read -r rb _ _ <<<"$b"
  printf '%-6s %-14s %-14s %-8s %-10s\n' "$i" "$ra" "$rb" "$(python3 -c "print(f'{$rb/$ra:.2f}')")" "$ga"
done
